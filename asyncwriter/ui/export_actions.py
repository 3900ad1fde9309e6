"""The window's export: Copy for Slack/Teams/Email/Markdown/Plain, subject, mail app.

Every copy goes through the same steps: make sure the findings are for the text as it is
now (a pending lint runs first), show the pre-flight sheet if anything is still open, then
render, put it on the clipboard (or open the mail app) and record the copy in the draft's
history. The rendering is the pure-Python :func:`asyncwriter.export.render`, run on a
:class:`~asyncwriter.ui.background.Background` worker: a page renders in milliseconds, but
a draft of several megabytes takes seconds, and the window must not freeze meanwhile.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from asyncwriter.export import LABELS, CopyRecord, render
from asyncwriter.formats import FORMATS
from asyncwriter.ui import clipboard, mail_app
from asyncwriter.ui.background import Background
from asyncwriter.ui.preflight import PreflightSheet

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QWidget

    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.export import Rendered
    from asyncwriter.storage import ExportRecord
    from asyncwriter.ui.draft_keeper import DraftKeeper
    from asyncwriter.ui.draft_session import DraftSession
    from asyncwriter.ui.state import WindowState

#: The second key of each format's shortcut chord (Ctrl+E, then this key).
FORMAT_KEYS = {"slack": "S", "teams": "T", "email": "E", "markdown": "M", "plain": "P"}
#: With no template and no earlier copy, a blank draft copies as Markdown.
FALLBACK_FORMAT = "markdown"
COPY, MAIL, SUBJECT = "copy", "mail", "subject"
#: Open in the mail app as a plain-text ``mailto:`` link (recorded as MAIL).
MAILTO = "mailto"


class Exporter(QObject):
    """Owns the Export menu and toolbar (the window places them) and the copy history.

    It reads the open draft from the session, records copies through the keeper and
    remembers the last format in the window state; ``lint_now``, ``show_finding`` and
    ``say`` (a status-bar message) are all it asks of the window.

    Signals:
        copied(record): a copy (or a hand-off to the mail app) was made.
        sheetShown(sheet): the pre-flight sheet is open (tests answer it).
    """

    copied = Signal(object)
    sheetShown = Signal(object)

    def __init__(
        self,
        session: DraftSession,
        keeper: DraftKeeper,
        state: WindowState,
        parent: QWidget,
        *,
        lint_now: Callable[[], None],
        show_finding: Callable[[Finding], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.session, self.keeper, self.state, self.parent_widget = session, keeper, state, parent
        self._lint_now, self._show_finding, self._show_message = lint_now, show_finding, say
        self.history: list[CopyRecord] = []
        self.sheet: PreflightSheet | None = None
        self._pending: tuple[str, str] | None = None
        self.worker = Background(self)
        self.format_actions: dict[str, QAction] = {}
        self._build()
        session.reportApplied.connect(self._resume)

    # -- menu and toolbar ---------------------------------------------------------------

    def _build(self) -> None:
        menu = QMenu("E&xport", self.parent_widget)
        self.menu = menu
        self.default_action = QAction(self)
        self.default_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.default_action.triggered.connect(lambda: self.copy_as(self.default_format()))
        menu.addAction(self.default_action)
        menu.addSeparator()
        for fmt in FORMATS:
            action = QAction(f"Copy for {LABELS[fmt]}", self)
            action.setShortcut(QKeySequence(f"Ctrl+E, {FORMAT_KEYS[fmt]}"))
            action.triggered.connect(lambda _=False, f=fmt: self.copy_as(f))
            menu.addAction(action)
            self.format_actions[fmt] = action
        menu.addSeparator()
        self.subject_action = QAction("Copy Email &Subject", self)
        self.subject_action.setShortcut(QKeySequence("Ctrl+E, J"))
        self.subject_action.triggered.connect(self.copy_subject)
        menu.addAction(self.subject_action)
        self.mail_action = QAction("Open in &Mail App…", self)
        self.mail_action.setShortcut(QKeySequence("Ctrl+E, O"))
        self.mail_action.triggered.connect(self.open_in_mail_app)
        menu.addAction(self.mail_action)
        self.mailto_action = QAction("Open as &Plain-Text Mail (mailto:)", self)
        self.mailto_action.setShortcut(QKeySequence("Ctrl+E, Shift+O"))
        self.mailto_action.triggered.connect(self.open_plain_mail)
        menu.addAction(self.mailto_action)
        #: Where other exports (the calendar) join the menu, above the copy history.
        self.history_separator = menu.addSeparator()
        self.history_menu = menu.addMenu("Copy &History")
        self.history_menu.aboutToShow.connect(self._fill_history)

        toolbar = QToolBar("Export", self.parent_widget)
        toolbar.setObjectName("exportToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.copy_button = QToolButton(toolbar)
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setDefaultAction(self.default_action)
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        formats = QMenu(self.copy_button)
        for action in self.format_actions.values():
            formats.addAction(action)
        formats.addSeparator()
        formats.addAction(self.subject_action)
        self.copy_button.setMenu(formats)
        toolbar.addWidget(self.copy_button)
        toolbar.addAction(self.mail_action)
        self.toolbar = toolbar
        self.refresh()

    def default_format(self) -> str:
        """Return the draft's channel: its template's, else the one it was last copied for.

        A draft never copied and without a template takes the format last used anywhere.
        """
        if self.session.template is not None:
            return self.session.template.channel
        if self.session.channel in FORMATS:
            return str(self.session.channel)
        last = self.state.last_format
        return last if last in FORMATS else FALLBACK_FORMAT

    def refresh(self) -> None:
        """Name the default copy action after the current draft's channel."""
        label = LABELS[self.default_format()]
        self.default_action.setText(f"&Copy for {label} (This Draft's Channel)")
        self.default_action.setIconText(f"Copy for {label}")  # the toolbar button
        self.default_action.setToolTip(f"Copy the draft formatted for {label} (Ctrl+Shift+C)")

    def reset(self, history: list[ExportRecord] | None = None) -> None:
        """Switch to another draft's copy history, as stored (empty for a new draft)."""
        self.history = [_as_copy(record) for record in history or []]
        self._pending = None
        self.worker.discard()  # a render still running was for the old draft
        self.refresh()

    def shutdown(self) -> None:
        """Wait for a running render (on close)."""
        self._pending = None
        self.worker.wait(10_000)

    @property
    def pool(self) -> QThreadPool:
        """The thread the renders run on (tests check a render is off the UI thread)."""
        return self.worker.pool

    def _fill_history(self) -> None:
        """List this draft's copies, then recent copies of other drafts (which open them)."""
        menu = self.history_menu
        menu.clear()
        menu.addSection("This draft")
        if not self.history:
            menu.addAction("No copies of this draft yet").setEnabled(False)
        for record in reversed(self.history):
            menu.addAction(_describe(record)).setEnabled(False)
        keeper = self.keeper
        others = [(r, title) for r, title in keeper.recent if r.draft_id != keeper.draft_id]
        if others:
            menu.addSection("Other drafts (click to open)")
        for stored, title in others:  # storage records (with their draft), not CopyRecords
            label = f"{_describe(_as_copy(stored))} — {title or 'Untitled draft'}"
            menu.addAction(label, partial(keeper.open_draft, stored.draft_id))

    # -- the copy flow ------------------------------------------------------------------

    def copy_as(self, fmt: str) -> None:
        """Copy the draft for ``fmt``, after the pre-flight check."""
        self._request(COPY, fmt)

    def open_in_mail_app(self) -> None:
        """Open the message as an ``.eml`` draft in the mail app, after the pre-flight check."""
        self._request(MAIL, "email")

    def open_plain_mail(self) -> None:
        """Open a new mail through ``mailto:`` (subject and plain text), after the pre-flight."""
        self._request(MAILTO, "email")

    def copy_subject(self) -> None:
        """Copy the email subject line alone (no pre-flight: it is one line)."""
        self._request(SUBJECT, "email")

    def _request(self, action: str, fmt: str) -> None:
        if not self.session.current():
            # Check the text as it is now before showing what is open in it.
            self._pending = (action, fmt)
            self._say("Checking the draft before copying…")
            self._lint_now()
            return
        self._preflight(action, fmt)

    def _resume(self, _report: Report) -> None:
        if self._pending is not None and self.session.current():
            action, fmt = self._pending
            self._pending = None
            self._preflight(action, fmt)

    def _preflight(self, action: str, fmt: str) -> None:
        session = self.session
        findings = list(session.open_findings)
        if not findings or session.report is None or action == SUBJECT:
            self._deliver(action, fmt)
            return
        verb = "Open in Mail App" if action in (MAIL, MAILTO) else f"Copy for {LABELS[fmt]}"
        sheet = PreflightSheet(verb, session.report, findings, session.tz, self.parent_widget)
        sheet.accepted.connect(lambda: self._deliver(action, fmt))
        sheet.rejected.connect(lambda: self._fix_first(sheet))
        sheet.findingChosen.connect(self._show_finding)
        sheet.finished.connect(lambda _result: self._closed(sheet))
        self.sheet = sheet
        sheet.open()
        self.sheetShown.emit(sheet)

    def _fix_first(self, sheet: PreflightSheet) -> None:
        if sheet.findings and self.session.current():
            self._show_finding(sheet.findings[0])
        self._say("Copy cancelled: the findings are in the panel on the right.")

    def _closed(self, sheet: PreflightSheet) -> None:
        if self.sheet is sheet:
            self.sheet = None
        sheet.deleteLater()

    def _deliver(self, action: str, fmt: str) -> None:
        """Render in the background; :meth:`_rendered` finishes the job."""
        session = self.session
        text, template = session.text(), session.template
        report = session.report if session.current() else None
        self._say(f"Preparing the copy for {LABELS[fmt]}…")

        def work() -> tuple[Rendered, Path | OSError | None, mail_app.MailApps | None]:
            rendered = render(text, fmt, template=template, report=report)
            saved = mail_app.save(rendered) if action == MAIL else None
            apps = mail_app.MailApps.find() if action in (MAIL, MAILTO) else None
            return rendered, saved, apps

        self.worker.submit(
            work,
            lambda done: self._rendered(action, fmt, *done),
            lambda exc: self._say(
                f"The copy failed ({type(exc).__name__}: {exc}); the clipboard is unchanged."
            ),
        )

    def _rendered(
        self,
        action: str,
        fmt: str,
        rendered: Rendered,
        saved: Path | OSError | None = None,
        apps: mail_app.MailApps | None = None,
    ) -> None:
        if action == SUBJECT:
            if rendered.subject is None:
                self._say("There is no subject yet: write the summary or a Subject: line first.")
                return
            clipboard.copy_text(rendered.subject)
            self._record(SUBJECT, fmt)
            self._say(f"Copied the subject: {rendered.subject}")
            return
        if action in (MAIL, MAILTO):
            done = mail_app.hand_over(rendered, saved, apps)
            # What happened, not what was chosen: with no mail app it was a copy.
            self._record(COPY if done.route == mail_app.CLIPBOARD else done.route, "email")
            self._say(done.note)
            return
        clipboard.copy(rendered)
        self._record(COPY, fmt)
        parts = "rich text and plain text" if rendered.html else "text"
        if fmt == "slack":
            parts = "rich text, and Slack markup as plain text"
        note = f"Copied for {LABELS[fmt]} ({parts}) at {_clock()}."
        if fmt == "email" and rendered.subject:
            note += " The subject is separate: Ctrl+E, J copies it."
        self._say(note)

    def _record(self, action: str, fmt: str) -> None:
        record = CopyRecord(datetime.now().astimezone(), fmt, action)
        self.history.append(record)
        self.keeper.record_export(fmt, action)
        self.state.last_format = fmt if action == COPY else self.state.last_format
        self.refresh()
        self.copied.emit(record)

    def _say(self, message: str) -> None:
        self._show_message(message)


def _clock() -> str:
    return datetime.now().astimezone().strftime("%H:%M")


def _as_copy(record: ExportRecord) -> CopyRecord:
    """Return a stored copy record in local time, as the menu shows it."""
    return CopyRecord(record.at.astimezone(), record.format, record.action)


def _describe(record: CopyRecord) -> str:
    when = record.at.strftime("%a %d %b %H:%M")
    if record.action == SUBJECT:
        return f"{when}  Email subject"
    if record.action == MAIL:
        return f"{when}  Opened in the mail app (.eml draft)"
    if record.action == MAILTO:
        return f"{when}  Opened a plain-text mail (mailto:)"
    return f"{when}  {LABELS[record.format]}"
