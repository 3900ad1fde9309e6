"""The main window: editor, readiness bar, findings panel, template picker, find bar, export.

``MainWindow()`` needs no arguments: it reads the settings, templates, window state and
drafts store from the usual places (tests point those at a temporary folder). The draft
that was open last time comes back a moment after the window shows (the store is read on
its own thread).
"""

from __future__ import annotations

import base64
import copy
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import __version__, draft_files, settings, templates
from asyncwriter.checks import zones
from asyncwriter.checks.model import LineIndex
from asyncwriter.settings import SettingsWriteError
from asyncwriter.ui import state as window_state
from asyncwriter.ui.draft_keeper import DraftKeeper
from asyncwriter.ui.drafts_sidebar import DraftsSidebar
from asyncwriter.ui.editor import MarkdownEditor
from asyncwriter.ui.export_actions import Exporter
from asyncwriter.ui.findings_panel import FindingsPanel
from asyncwriter.ui.grammar_bar import GrammarBar
from asyncwriter.ui.grammar_runner import GrammarRunner
from asyncwriter.ui.linting import LintOptions, LintScheduler
from asyncwriter.ui.readiness import ReadinessBar
from asyncwriter.ui.settings_dialog import SettingsDialog
from asyncwriter.ui.store_banner import StoreBanner
from asyncwriter.ui.store_client import StoreClient
from asyncwriter.ui.template_picker import TemplatePicker

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo

    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.settings import Settings
    from asyncwriter.storage import Draft, ExportRecord, Opened, Saved, Store
    from asyncwriter.templates import Template


class FindBar(QWidget):
    """A one-line find bar under the editor (Ctrl+F, Enter/F3 next, Shift+F3 previous)."""

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(lambda: self.find(backwards=False))
        self.status = QLabel(self)
        previous = QPushButton("Previous", self)
        previous.clicked.connect(lambda: self.find(backwards=True))
        following = QPushButton("Next", self)
        following.clicked.connect(lambda: self.find(backwards=False))
        close = QPushButton("Close", self)
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the editor's selection as the search text."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the editor the keyboard back."""
        self.hide()
        self.editor.setFocus()

    def find(self, *, backwards: bool) -> bool:
        """Select the next match, wrapping around the end of the draft."""
        needle = self.field.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        found = self.editor.find(needle, flags)
        if not found:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End if backwards else
                                QTextCursor.MoveOperation.Start)  # fmt: skip
            self.editor.setTextCursor(cursor)
            found = self.editor.find(needle, flags)
        self.status.setText("" if found else "Not found")
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Escape closes the bar."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)


class MainWindow(QMainWindow):
    """The AsyncWriter window.

    Signals:
        reportApplied(report): findings for the current text are on screen.
    """

    reportApplied = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, store_path: Path | str | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("AsyncWriter")
        self.config = settings.load()
        self.catalog = templates.default_catalog(self.config)
        self.state = window_state.load()
        self.tz = _zone(self.config)
        self.template: Template | None = None
        self.ignored: set[tuple[str, str]] = set()
        self.report: Report | None = None
        self.open_findings: list[Finding] = []

        self.editor = MarkdownEditor(self)
        self.store = StoreClient(store_path, self)
        self.keeper = DraftKeeper(self.editor, self.store, self)
        self.draft_title = ""
        self.banner = StoreBanner(self)
        self.grammar_bar = GrammarBar(self)
        self.grammar = GrammarRunner(self)
        self.find_bar = FindBar(self.editor, self)
        self.findings = FindingsPanel(self)
        self.readiness = ReadinessBar(self)
        editor_box = QWidget(self)
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.editor, 1)
        box.addWidget(self.find_bar)
        self.sidebar = DraftsSidebar(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(editor_box)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setCollapsible(1, False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.grammar_bar)
        layout.addWidget(self.readiness)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.word_count = QLabel(self)
        self.template_label = QLabel(self)
        self.lint_status = QLabel("Loading the checks…", self)
        self.grammar_status = QLabel(self)
        self.grammar_status.setObjectName("grammarStatus")
        bar = self.statusBar()
        bar.addWidget(self.lint_status, 1)
        bar.addPermanentWidget(self.grammar_status)
        bar.addPermanentWidget(self.template_label)
        bar.addPermanentWidget(self.word_count)

        self.grammar.stateChanged.connect(self._grammar_state)
        self.grammar.downloadProgress.connect(self.grammar_bar.show_progress)
        self.grammar.checked.connect(self._grammar_checked)
        self.grammar_bar.downloadRequested.connect(self.grammar.download)
        self.grammar_bar.allowRequested.connect(self.allow_public_grammar)
        self.grammar_bar.settingsRequested.connect(lambda: self.open_settings("grammar"))
        self.grammar_bar.offRequested.connect(self.turn_off_grammar)
        self.readiness.team_zones = list(self.config.team_zones)

        self.linter = LintScheduler(self.editor.toPlainText, self)
        self.grammar.configure(self.config.languagetool, consent=self.state.public_consent)
        self.linter.set_options(self._options())
        self.linter.reportReady.connect(self._apply_report)
        self.linter.failed.connect(self._lint_failed)
        self.editor.textChanged.connect(self.linter.text_changed)
        self.findings.activated.connect(self.show_finding)
        self.findings.fixRequested.connect(self.apply_fix)
        self.findings.ignoreRequested.connect(self.ignore_finding)
        self.findings.ruleOffRequested.connect(self.turn_off_rule)
        self.findings.addWordRequested.connect(self.add_to_dictionary)

        self.store.unavailable.connect(self._store_unavailable)
        self.store.opened.connect(self._store_opened)
        self.banner.retryRequested.connect(self.store.open)
        self.banner.exportRequested.connect(lambda: self.export_markdown())
        self.keeper.loaded.connect(self._draft_loaded)
        self.keeper.saved.connect(self._draft_saved)
        self.keeper.forked.connect(lambda message: self.banner.show_notice(message))
        self.keeper.failed.connect(self._save_failed)
        self.sidebar.listed.connect(self.update_title)

        self._build_actions()
        self.exporter = Exporter(self)
        self._restore_state()
        self._update_template_label()
        self.update_title()
        self.editor.setFocus()
        self.keeper.restore_session()
        self.sidebar.reload()
        self._show_settings_problems()

    # -- actions ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        self.new_action = self._action(file_menu, "&New from Template…", key.New,
                                       self.open_template_picker)  # fmt: skip
        self._action(file_menu, "New &Blank Draft", QKeySequence("Ctrl+Shift+N"),
                     lambda: self.start_draft(None))  # fmt: skip
        file_menu.addSeparator()
        self._action(file_menu, "&Import Markdown…", key.Open, self.import_markdown)
        self._action(file_menu, "&Export as Markdown…", key.SaveAs, lambda: self.export_markdown())
        file_menu.addSeparator()
        self._action(file_menu, "&Rename Draft", QKeySequence("F2"), self.rename_draft)
        self._action(file_menu, "&Duplicate Draft", None,
                     lambda: self.sidebar.duplicate(self.keeper.draft_id))  # fmt: skip
        self._action(file_menu, "Move Draft to &Trash", None,
                     lambda: self.sidebar.trash(self.keeper.draft_id))  # fmt: skip
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", key.Quit, self.close)
        edit = menus.addMenu("&Edit")
        self._action(edit, "&Undo", key.Undo, self.editor.undo)
        self._action(edit, "&Redo", key.Redo, self.editor.redo)
        edit.addSeparator()
        self._action(edit, "Cu&t", key.Cut, self.editor.cut)
        self._action(edit, "&Copy", key.Copy, self.editor.copy)
        self._action(edit, "&Paste", key.Paste, self.editor.paste)
        self._action(edit, "Select &All", key.SelectAll, self.editor.selectAll)
        edit.addSeparator()
        self._action(edit, "&Find…", key.Find, self.find_bar.open_bar)
        self._action(edit, "Find &Next", key.FindNext, lambda: self.find_bar.find(backwards=False))
        self._action(edit, "Find Pre&vious", key.FindPrevious,
                     lambda: self.find_bar.find(backwards=True))  # fmt: skip
        edit.addSeparator()
        self.settings_action = self._action(edit, "&Settings…", QKeySequence("Ctrl+,"),
                                            lambda: self.open_settings())  # fmt: skip
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addSeparator()
        self._action(edit, "Next Placeholder\tTab", None,
                     lambda: self.editor.jump_to_placeholder())  # fmt: skip
        self._action(edit, "Previous Placeholder\tShift+Tab", None,
                     lambda: self.editor.jump_to_placeholder(backwards=True))  # fmt: skip
        view = menus.addMenu("&View")
        self.sidebar_action = self._action(view, "&Drafts Sidebar", QKeySequence("Ctrl+Shift+D"),
                                           self._toggle_sidebar)  # fmt: skip
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self._action(view, "&Search All Drafts", QKeySequence("Ctrl+Shift+F"), self.search_drafts)
        view.addSeparator()
        self._action(view, "Zoom &In", key.ZoomIn, lambda: self._zoom(1))
        self._action(view, "Zoom &Out", key.ZoomOut, lambda: self._zoom(-1))
        self._action(view, "&Reset Zoom", QKeySequence("Ctrl+0"), lambda: self._zoom(0))
        self.help_menu = menus.addMenu("&Help")
        self._action(self.help_menu, "&About AsyncWriter", None, self._about)

    def _action(self, menu: object, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def _zoom(self, steps: int) -> None:
        self.editor.change_zoom(steps)

    def _about(self) -> None:
        QMessageBox.about(self, "About AsyncWriter",
                          f"AsyncWriter {__version__}\nWrite async messages a colleague in "
                          "another time zone can act on. Nothing leaves this machine.")  # fmt: skip

    # -- templates -------------------------------------------------------------------

    def open_template_picker(self) -> TemplatePicker:
        """Open the picker (not blocking); starting a draft happens when it is accepted."""
        picker = TemplatePicker(self.catalog, self, current=self.state.last_template)
        picker.accepted.connect(lambda: self.start_draft(picker.chosen))
        picker.finished.connect(picker.deleteLater)
        picker.open()
        return picker

    def start_draft(self, template: Template | None) -> bool:
        """Start a new draft from ``template`` (None: blank); the current one stays saved."""
        self.keeper.new_draft(template.id if template else None,
                              template.channel if template else None)  # fmt: skip
        self.template = template
        self.ignored.clear()
        self.editor.setPlainText(template.draft_text() if template else "")
        self.editor.document().setModified(False)
        if template is not None:
            self.state.last_template = template.id
        self.sidebar.model.set_current(self.keeper.draft_id)
        self.list_selection_clear()
        self._update_template_label()
        self.update_title()
        self.exporter.reset()
        self.linter.set_options(self._options())
        self.linter.lint_now()
        self.editor.setFocus()
        if template is not None:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            self.editor.jump_to_placeholder()
        return True

    def _options(self) -> LintOptions:
        channel = self.template.channel if self.template else self.keeper.channel
        return LintOptions(
            template=self.template,
            settings=dict(self.config.rules),
            tz=self.tz,
            channel=channel,
            grammar=self.grammar.checker if self.grammar.active else None,
        )

    def _update_template_label(self) -> None:
        self.template_label.setText(f"Template: {self.template.name}" if self.template else "")

    # -- findings --------------------------------------------------------------------

    def _apply_report(self, report: Report) -> None:
        self.report = report
        text = report.text
        self.open_findings = [
            f for f in report.findings if (f.rule, text[f.start : f.end]) not in self.ignored
        ]
        self.editor.show_findings(self.open_findings, text)
        self.findings.set_findings(self.open_findings, LineIndex(text), has_text=bool(text.strip()))
        self.readiness.update_report(report, self.open_findings, self.tz)
        words = report.word_count
        self.word_count.setText(f"{words} word{'s' if words != 1 else ''}")
        self.lint_status.setText("")
        if report.grammar is not None and report.grammar.pending:
            self.grammar.request(report.grammar.pending, self.linter.revision)
        self.reportApplied.emit(report)

    def _lint_failed(self, message: str) -> None:
        self.lint_status.setText(f"The checks stopped with an error ({message}); typing is "
                                 "safe, and they run again on the next change.")  # fmt: skip

    def current(self) -> bool:
        """Return True when the findings on screen are for the text as it is now."""
        return self.report is not None and self.report.text == self.editor.toPlainText()

    def show_finding(self, finding: Finding) -> None:
        """Select a finding's span in the editor."""
        if self.current():
            self.editor.select_span(finding.start, finding.end)
        self.editor.setFocus()

    def apply_fix(self, finding: Finding, suggestion: str) -> None:
        """Replace a finding's span with one of its suggestions (one undo step)."""
        if not self.current():
            self.linter.lint_now()
            return
        self.editor.replace_span(finding.start, finding.end, suggestion)
        self.linter.lint_now()
        self.editor.setFocus()

    def ignore_finding(self, finding: Finding) -> None:
        """Hide a finding (this rule on this text) for the rest of this draft."""
        if self.report is None:
            return
        self.ignored.add((finding.rule, self.report.text[finding.start : finding.end]))
        self._apply_report(self.report)

    # -- settings and grammar ----------------------------------------------------------

    def open_settings(self, page: str | None = None) -> SettingsDialog:
        """Open the settings dialog (not blocking); saving there applies at once."""
        dialog = SettingsDialog(self.config, self)
        if page is not None:
            dialog.show_page(page)
        dialog.saved.connect(lambda new: self._settings_saved(new, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _settings_saved(self, new: Settings, dialog: SettingsDialog) -> None:
        if new.languagetool.mode == "public" and dialog.public_consent:
            self.state.public_consent = True
            window_state.save(self.state)
        if dialog.kept_broken_file is not None:
            self.banner.show_notice(
                f"The old settings file was not valid TOML, so it was kept as "
                f"{dialog.kept_broken_file} before saving the new one."
            )
        self.apply_settings(new)

    def apply_settings(self, new: Settings) -> None:
        """Use new settings everywhere: rules, zones, templates, grammar."""
        old, self.config = self.config, new
        if new.template_folders != old.template_folders:
            self.catalog = templates.default_catalog(new)
            if self.template is not None:
                self.template = self.catalog.templates.get(self.template.id, self.template)
        self.tz = _zone(new)
        self.readiness.team_zones = list(new.team_zones)
        if new.languagetool != old.languagetool or self.grammar.checker is None:
            self.grammar.configure(new.languagetool, consent=self.state.public_consent)
        self.linter.set_options(self._options())
        self.linter.lint_now()
        self._show_settings_problems()

    def _show_settings_problems(self) -> None:
        problems = self.config.problems
        if not problems:
            return
        listed = "<br>".join(html.escape(str(p)) for p in problems[:4])
        more = f"<br>… and {len(problems) - 4} more" if len(problems) > 4 else ""
        self.banner.show_notice(
            f"<b>Some settings could not be used</b>, so their defaults apply:<br>{listed}"
            f"{more}<br>The file is left as it is: fix it, or save from Edit › Settings…."
        )

    def change_settings(self, change: Callable[[Settings], None], done: str) -> bool:
        """Apply ``change`` to the settings and save it (one click: turn off, add a word).

        A settings file with problems is never rewritten behind the writer's back: the
        change then holds for this session only, and the status bar says so.
        """
        if self.config.problems:
            change(self.config)
            self.apply_settings(self.config)
            self.statusBar().showMessage(
                f"{done} For this session only: the settings file has problems, so it is "
                "not saved (fix them in Edit › Settings…).",
                15_000,
            )
            return False
        new = copy.deepcopy(self.config)
        change(new)
        try:
            settings.save(new)
        except SettingsWriteError as exc:
            QMessageBox.warning(self, "Settings not saved", str(exc))
            return False
        self.apply_settings(settings.load(new.path))
        self.statusBar().showMessage(done, 10_000)
        return True

    def turn_off_rule(self, finding: Finding) -> None:
        """Never report this finding's rule again (saved in settings)."""
        self.change_settings(
            lambda s: s.rules.__setitem__(finding.rule, None),
            f"Turned off {finding.rule}; turn it back on in Edit › Settings….",
        )

    def add_to_dictionary(self, finding: Finding) -> None:
        """Add a misspelled word to the dictionary (saved in settings, applied here)."""
        if not self.current() or self.report is None:
            return
        word = self.report.text[finding.start : finding.end].strip()
        if not word:
            return

        def add(s: Settings) -> None:
            if word not in s.languagetool.words:
                s.languagetool.words.append(word)

        self.change_settings(add, f"Added “{word}” to the dictionary.")

    def turn_off_grammar(self) -> None:
        """Stop grammar checks (saved in settings)."""

        def off(s: Settings) -> None:
            s.languagetool.mode = "off"

        self.change_settings(off, "Grammar checks are off; turn them on in Edit › Settings….")

    def allow_public_grammar(self) -> None:
        """Record that the writer agreed to send drafts to the public LanguageTool service."""
        self.state.public_consent = True
        window_state.save(self.state)
        self.grammar.configure(self.config.languagetool, consent=True)
        self.linter.set_options(self._options())
        self.linter.lint_now()

    def _grammar_state(self, state: str, message: str) -> None:
        self.grammar_bar.show_state(state, message)
        short = {
            "off": "Grammar off",
            "ready": "Grammar on",
            "checking": "Grammar: checking…",
            "starting": "Grammar: starting LanguageTool…",
            "needs-download": "Grammar: not set up",
            "downloading": "Grammar: downloading…",
            "download-failed": "Grammar: download failed",
            "needs-java": "Grammar: needs Java",
            "needs-consent": "Grammar: waiting for your OK",
            "misconfigured": "Grammar: check Settings",
            "failing": "Grammar: not reachable",
        }.get(state, "Grammar")
        self.grammar_status.setText(short)
        self.grammar_status.setToolTip(message)
        options = self._options()
        if self.linter.options.grammar is not options.grammar:
            # Another checker (or none): its findings come (or go) with the next lint.
            self.linter.set_options(options)

    def _grammar_checked(self, revision: int) -> None:
        """LanguageTool answered: lint again from the cache if the text is unchanged."""
        if revision == -1:  # a retry is due: the next lint lists what is still unchecked
            self.linter.set_options(self._options())
        if revision in (-1, self.linter.revision):
            self.linter.lint_now()

    # -- state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        self.resize(1200, 780)
        if self.state.geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(self.state.geometry)))
        sizes = self.state.splitter
        if len(sizes) == 3 and sum(sizes) > 0:
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([250, 660, 290])
        if self.state.sidebar_hidden:
            self.sidebar.hide()
            self.sidebar_action.setChecked(False)
        if self.state.zoom:
            self.editor.change_zoom(self.state.zoom)

    def save_state(self) -> None:
        """Write window geometry, splitter sizes, zoom and the last template."""
        self.state.geometry = base64.b64encode(bytes(self.saveGeometry())).decode("ascii")
        if self.sidebar.isVisible():
            self.state.splitter = list(self.splitter.sizes())
        self.state.sidebar_hidden = self.sidebar.isHidden()
        self.state.zoom = self.editor.zoom
        self.state.started_before = True
        window_state.save(self.state)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Save when the window loses focus; recolour when the palette changes (dark mode)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.keeper.flush()
        if event.type() == QEvent.Type.PaletteChange:
            self.editor.highlighter.refresh_colors()
            if self.report is not None:
                self._apply_report(self.report)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Save the draft and the window state, and let running work finish.

        If the store cannot save (a full disk, say), quitting would lose the text: the
        writer is asked first, with Export as Markdown… on offer.
        """
        self.keeper.flush()
        self.store.wait()
        # Deliver the save's answer (a queued signal) before deciding whether text is lost.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        if self.keeper.dirty and self.store.error is not None and not self._confirm_quit():
            event.ignore()
            return
        self.save_state()
        self.linter.shutdown()
        self.grammar.shutdown()
        self.exporter.shutdown()
        self.store.shutdown()
        super().closeEvent(event)

    def _confirm_quit(self) -> bool:
        reason = self.store.error.reason if self.store.error else "unknown"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Your draft is not saved",
            f"Drafts cannot be saved ({reason}). If you quit now, the text in this window is lost.",
            parent=self,
        )
        export = box.addButton("Export as Markdown…", QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton("Quit Without Saving", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.exec()
        if box.clickedButton() is export:
            self.export_markdown()
            return False
        return box.clickedButton() is quit_button

    # -- drafts ----------------------------------------------------------------------

    def open_draft(self, draft_id: str) -> None:
        """Open a stored draft in the editor (the current one is saved first)."""
        self.keeper.open_draft(draft_id)

    def _draft_loaded(self, draft: Draft, exports: list[ExportRecord]) -> None:
        template = self.catalog.templates.get(draft.template_id or "")
        if draft.template_id and template is None:
            self.statusBar().showMessage(
                f"This draft's template ({draft.template_id}) is not "
                "installed; it is checked without it.",
                10_000,
            )
        self.template = template
        self.ignored.clear()
        self.report = None
        self.draft_title = draft.title
        self._update_template_label()
        self.exporter.reset(exports)
        self.linter.set_options(self._options())
        self.linter.lint_now()
        self.update_title()
        row = self.sidebar.model.row_of(draft.id)
        if row >= 0:
            self.sidebar.list.setCurrentIndex(self.sidebar.model.index(row))
        self.editor.setFocus()

    def _draft_saved(self, saved: Saved, _text: str) -> None:
        if saved.id == self.keeper.draft_id:
            self.draft_title = saved.title
            self.update_title()
            self.banner.clear_fault()

    def update_title(self) -> None:
        """Name the window after the draft: its title, or "Untitled …" like the list."""
        row = self.sidebar.model.row_of(self.keeper.draft_id)
        if row >= 0:
            self.draft_title = self.sidebar.model.rows[row].title
        if self.draft_title:
            name = self.draft_title
        elif self.template is not None:
            name = f"Untitled {self.template.name.lower()}"
        else:
            name = "New draft"
        self.setWindowTitle(f"{name} — AsyncWriter")

    def list_selection_clear(self) -> None:
        """Highlight no row: the editor holds a draft not in the list yet."""
        self.sidebar.list.clearSelection()
        self.sidebar.list.setCurrentIndex(self.sidebar.model.index(-1))

    def _store_unavailable(self, reason: str) -> None:
        self.banner.show_fault(reason)

    def _store_opened(self, opened: Opened | None) -> None:
        self.banner.clear_fault()
        if opened is not None and opened.moved_aside is not None:
            self.banner.show_notice(
                f"The drafts store was damaged ({opened.damage}), so it was moved to "
                f"{opened.moved_aside} and a new one started. Nothing was written to the "
                "damaged file."
            )
        self.sidebar.reload()

    def _save_failed(self, reason: str) -> None:
        self.statusBar().showMessage(f"Not saved: {reason}. Your text stays here.", 10_000)

    def rename_draft(self) -> None:
        """Rename the open draft in the list (it is saved first, so it has a row)."""
        self.sidebar.show()
        self.sidebar_action.setChecked(True)
        row = self.sidebar.model.row_of(self.keeper.draft_id)
        if row < 0:
            self.statusBar().showMessage("Type something first: an empty draft has no name.", 5_000)
            return
        index = self.sidebar.model.index(row)
        self.sidebar.list.setCurrentIndex(index)
        self.sidebar.list.edit(index)

    def search_drafts(self) -> None:
        """Show the sidebar and put the cursor in its search box."""
        self.sidebar.show()
        self.sidebar_action.setChecked(True)
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def _toggle_sidebar(self, on: bool) -> None:
        self.sidebar.setVisible(on)
        if not on:
            self.editor.setFocus()

    def import_markdown(self) -> None:
        """Ask for a Markdown file and open it as a new draft."""
        dialog = QFileDialog(
            self,
            "Import Markdown",
            str(Path.home()),
            "Markdown and text (*.md *.markdown *.txt);;All files (*)",
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_file(self, path: str | Path) -> None:
        """Add the file's text as a new draft and open it."""
        try:
            imported = draft_files.import_markdown(Path(path))
        except draft_files.InputError as exc:
            QMessageBox.warning(self, "Cannot import", str(exc))
            return
        template = self.catalog.templates.get(imported.template_id or "")

        def create(store: Store) -> Draft:
            return store.create(
                imported.body,
                template_id=imported.template_id,
                channel=template.channel if template else None,
            )

        def done(draft: Draft) -> None:
            self.statusBar().showMessage(f"Imported {Path(path).name} as a new draft.", 10_000)
            self.sidebar.reload()
            self.open_draft(draft.id)

        self.store.call(
            create,
            done,
            lambda error: QMessageBox.warning(
                self, "Cannot import", f"The draft cannot be stored: {error.reason}."
            ),
        )

    def export_markdown(self, draft_id: str | None = None) -> None:
        """Ask where to save a draft (the open one by default) as a Markdown file."""
        if draft_id is None or draft_id == self.keeper.draft_id:
            self._ask_export_path(self.editor.toPlainText(), self.draft_title)
            return
        self.store.call(
            lambda store: store.get(draft_id),
            lambda draft: self._ask_export_path(draft.body, draft.title),
        )

    def _ask_export_path(self, body: str, title: str) -> None:
        start = Path.home() / draft_files.file_name(title)
        dialog = QFileDialog(
            self, "Export as Markdown", str(start), "Markdown (*.md);;All files (*)"
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("md")
        dialog.fileSelected.connect(lambda path: self.export_file(path, body))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_file(self, path: str | Path, body: str | None = None) -> bool:
        """Write ``body`` (the open draft by default) to ``path``; say how it went."""
        text = self.editor.toPlainText() if body is None else body
        try:
            draft_files.export_markdown(Path(path), text)
        except OSError as exc:
            QMessageBox.warning(self, "Cannot export", f"{path}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(f"Exported to {path}.", 10_000)
        return True


def _zone(config: Settings) -> tzinfo:
    """Return the writer's zone: the one in settings, else the system's."""
    if config.zone:
        try:
            return zones.get_zone(config.zone)
        except ValueError:
            pass  # reported when the settings were read
    return zones.local_zone()
