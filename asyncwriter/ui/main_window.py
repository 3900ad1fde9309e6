"""The main window: puts the editor, drafts list, findings, bars and menus together.

``MainWindow()`` needs no arguments: it reads the settings, templates, window state and
drafts store from the usual places (tests point those at a temporary folder). The draft
that was open last time comes back a moment after the window shows (the store is read on
its own thread).

The parts do not know the window: they share the open draft through a
:class:`~asyncwriter.ui.draft_session.DraftSession` and are handed the few callables they
need, so this module is the only one that imports them all (and only ``app`` imports it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMainWindow

from asyncwriter import settings
from asyncwriter.checks.model import LineIndex
from asyncwriter.team import known_words
from asyncwriter.ui import focus_reach, settings_changes, window_layout
from asyncwriter.ui import state as window_state
from asyncwriter.ui.arrival_notice import ArrivalNotice
from asyncwriter.ui.calendar_export import CalendarExport
from asyncwriter.ui.chord_hint import ChordHint
from asyncwriter.ui.deadline_picker import DeadlinePicker, open_picker
from asyncwriter.ui.draft_feedback import CheckingIndicator, SaveFeedback
from asyncwriter.ui.draft_keeper import DraftKeeper
from asyncwriter.ui.draft_session import DraftSession
from asyncwriter.ui.drafts_sidebar import DraftsSidebar
from asyncwriter.ui.editor import MarkdownEditor
from asyncwriter.ui.editor_fixes import EditorFixes
from asyncwriter.ui.export_actions import Exporter
from asyncwriter.ui.find_bar import FindBar
from asyncwriter.ui.finding_actions import FindingActions
from asyncwriter.ui.findings_panel import FindingsPanel
from asyncwriter.ui.fix_queue import FixQueue
from asyncwriter.ui.grammar_bar import GrammarBar
from asyncwriter.ui.grammar_link import GrammarLink
from asyncwriter.ui.grammar_runner import GrammarRunner
from asyncwriter.ui.linting import LintOptions, LintScheduler
from asyncwriter.ui.markdown_files import MarkdownFiles
from asyncwriter.ui.offer_gate import OfferGate, fresh_text
from asyncwriter.ui.pane_cycle import PaneCycle
from asyncwriter.ui.pipeline_offer import PipelineOffer
from asyncwriter.ui.quit_guard import QuitAnswer, ask_before_losing_text
from asyncwriter.ui.readiness import ReadinessBar, link_chips
from asyncwriter.ui.rule_off_undo import RuleOffUndo
from asyncwriter.ui.settings.open_dialog import open_settings
from asyncwriter.ui.settings_changes import LiveSettings, template_catalog, zone_of
from asyncwriter.ui.spelling_runner import SpellingRunner
from asyncwriter.ui.status_line import StatusLine
from asyncwriter.ui.store_banner import StoreBanner
from asyncwriter.ui.store_client import StoreClient
from asyncwriter.ui.template_picker import TemplatePicker
from asyncwriter.ui.undo_notice import UndoNotice
from asyncwriter.ui.window_menus import build_menus

if TYPE_CHECKING:
    from datetime import tzinfo
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent

    from asyncwriter.checks.model import Finding, Report
    from asyncwriter.settings import Settings
    from asyncwriter.storage import Draft, ExportRecord, Opened, Saved
    from asyncwriter.templates import Template
    from asyncwriter.ui.settings.dialog import SettingsDialog


class MainWindow(QMainWindow):
    """The AsyncWriter window.

    Signals:
        reportApplied(report): findings for the current text are on screen.
    """

    reportApplied = Signal(object)

    def __init__(self, store_path: Path | str | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("AsyncWriter")
        self.live = LiveSettings(settings.load(), self, self.say)
        self.live.changed.connect(self._settings_changed)
        self.catalog = template_catalog(self.config)
        self.state = window_state.load()

        self.editor = MarkdownEditor(self)
        self.session = DraftSession(self.editor.toPlainText, zone_of(self.config), self)
        self.store = StoreClient(store_path, self)
        self.keeper = DraftKeeper(self.session, self.editor, self.store, self)
        self.files = MarkdownFiles(self.session, self.store, self, catalog=lambda: self.catalog,
                                   imported=self._imported, say=self.say)  # fmt: skip
        self.banner = StoreBanner(self)
        self.grammar_bar = GrammarBar(self)
        self.grammar = GrammarRunner(self)
        self.spelling = SpellingRunner(self)
        self.linter = LintScheduler(self.session.text, self)
        self.pipeline = PipelineOffer(self.linter, self.live, self.say, self)
        self.offers = OfferGate([self.grammar_bar, self.pipeline.bar], [self.banner], self)
        self.find_bar = FindBar(self.editor, self)
        self.findings = FindingsPanel(self)
        self.readiness = ReadinessBar(self)
        self.undo_notice = UndoNotice(self.statusBar())
        self.sidebar = DraftsSidebar(
            self.session, self.keeper, self.store, self, catalog=lambda: self.catalog,
            export_draft=self.files.export_markdown, start_blank=self.start_blank_draft,
            say=self.say, offer_undo=self.undo_notice.offer,
        )  # fmt: skip
        editor_box = window_layout.stack(self, [(self.editor, 1), (self.find_bar, 0)])
        self.splitter = window_layout.three_panes(self, self.sidebar, editor_box, self.findings)
        bars = [(b, 0) for b in (self.banner, self.grammar_bar, self.pipeline.bar, self.readiness)]
        self.setCentralWidget(window_layout.stack(self, [*bars, (self.splitter, 1)]))

        self.status_line = status = StatusLine(self.statusBar())
        self.word_count, self.template_label = status.word_count, status.template_label
        self.lint_status, self.grammar_status = status.lint_status, status.grammar_status
        self.readiness.team_zones = list(self.config.team_zones)
        self.readiness.people = list(self.config.people)
        self.pipeline.download.stateChanged.connect(status.show_pipeline)
        self.rule_off = RuleOffUndo(
            self.live, self.editor, self.statusBar(), self, self.undo_notice
        )
        self.undo_notice.reach_from(self.editor)
        self.finding_actions = acts = FindingActions(
            self.session, self.editor, self.live, self.linter.lint_now, self.rule_off
        )
        self.fix_queue = FixQueue(self.session, self.editor, self.findings, acts, self.say)
        self.editor_fixes = EditorFixes(self.editor, acts, self.session)
        self.findings.linkRequested.connect(self.editor_fixes.ask_for_link)
        self.grammar_link = GrammarLink(self.grammar, self.grammar_bar, status, self.linter,
                                        self.session, self.state, options=self._options,
                                        config=lambda: self.config)  # fmt: skip
        self.grammar_bar.settingsRequested.connect(lambda: self.open_settings("grammar"))
        self.grammar_bar.offRequested.connect(self.turn_off_grammar)
        self.session.optionsChanged.connect(self.linter.set_options)
        self.session.reportApplied.connect(self._show_report)
        self.session.reportApplied.connect(self.reportApplied)
        self.session.reportApplied.connect(
            lambda report: self.offers.text_seen(report.text, fresh_text(self.template))
        )
        self.grammar.configure(self.config.languagetool, consent=self.state.public_consent)
        self.spelling.configure(self.config.languagetool, known_words(self.config.people))
        self.spelling.checked.connect(lambda _revision: self.linter.lint_now())
        self.spelling.failed.connect(self._spelling_failed)
        self._refresh_options()
        self.linter.reportReady.connect(self._apply_report)
        self.linter.failed.connect(status.show_lint_failed)
        self.editor.textChanged.connect(self.linter.text_changed)
        self.findings.activated.connect(acts.show)
        self.findings.ruleOffRequested.connect(acts.ask_turn_off_rule)
        self.findings.addWordRequested.connect(acts.add_to_dictionary)
        link_chips(self.readiness, acts.show, self.findings)
        self.checking = CheckingIndicator(self.editor, self.session, self.linter, status, self)
        self.save_feedback = SaveFeedback(self.keeper, self.editor, status, self.say, self)

        self.store.unavailable.connect(self.banner.show_fault)
        self.store.opened.connect(self._store_opened)
        self.banner.retryRequested.connect(self.store.open)
        self.banner.exportRequested.connect(lambda: self.files.export_markdown())
        self.keeper.loaded.connect(self._draft_loaded)
        self.keeper.saved.connect(self._draft_saved)
        self.keeper.forked.connect(lambda message: self.banner.show_notice(message))
        self.keeper.failed.connect(
            lambda reason: self.say(f"Not saved: {reason}. Your text stays here.")
        )
        self.sidebar.listed.connect(self.update_title)
        self.sidebar.currentRenamed.connect(self.update_title)

        menus = build_menus(self, self, self.files, self.sidebar, self.editor, self.find_bar)
        self.new_action, self.settings_action = menus.new_action, menus.settings_action
        self.sidebar_action, self.help_menu = self.sidebar.toggle_action, menus.help_menu
        self.rule_off.take_over(menus.undo_action, menus.redo_action)
        self.fix_queue.add_actions(menus.edit_menu, self)
        self.exporter = Exporter(self.session, self.keeper, self.state, self,
                                 lint_now=self.linter.lint_now, show_finding=acts.show,
                                 say=self.say)  # fmt: skip
        self.calendar_export = CalendarExport(self.session, self, lint_now=self.linter.lint_now,
                                              say=self.say)  # fmt: skip
        self.calendar_export.add_to(self.exporter.menu, self.exporter.history_separator)
        self.menuBar().insertMenu(self.help_menu.menuAction(), self.exporter.menu)
        self.arrival = ArrivalNotice(self.exporter, lambda: self.config.people,
                                     self.session.text, self.statusBar())  # fmt: skip
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.exporter.toolbar)
        self.panes = PaneCycle([(self.sidebar, self.sidebar.list), (editor_box, self.editor),
                                (self.findings, None)], 1, self)  # fmt: skip
        menus.view_menu.addSeparator()
        menus.view_menu.addActions([self.panes.next_action, self.panes.previous_action])
        bar = self.statusBar()
        self.chord_hint = ChordHint(self, show=bar.showMessage, current=bar.currentMessage,
                                    clear=bar.clearMessage)  # fmt: skip
        mail = self.exporter.toolbar.widgetForAction(self.exporter.mail_action)
        focus_reach.let_take_focus([*self.readiness.chips.values(), mail])
        # Tab reads the window as it looks: the toolbar, the chips under it, the editor,
        # then the findings. The chips were made after the editor and sat behind the
        # findings panel, where Tab never reached them.
        focus_reach.chain([mail, *self.readiness.chips.values(), self.editor])
        window_layout.restore(self, self.splitter, self.sidebar_action, self.editor, self.state)
        self.status_line.show_template(self.template)
        self.update_title()
        self.editor.setFocus()
        self.keeper.restore_session()
        self.sidebar.reload()
        self._show_settings_problems()

    # -- what the parts share ------------------------------------------------------------

    @property
    def template(self) -> Template | None:
        """The open draft's template (None: blank, or not installed)."""
        return self.session.template

    @property
    def report(self) -> Report | None:
        """The last lint's report (maybe for older text: see :meth:`current`)."""
        return self.session.report

    @property
    def open_findings(self) -> list[Finding]:
        """The report's findings the writer has not ignored."""
        return self.session.open_findings

    @property
    def tz(self) -> tzinfo:
        """The writer's zone (settings, else the system's)."""
        return self.session.tz

    @tz.setter
    def tz(self, zone: tzinfo) -> None:
        self.session.tz = zone

    def current(self) -> bool:
        """Return True when the findings on screen are for the text as it is now."""
        return self.session.current()

    def say(self, message: str, ms: int = 10_000) -> None:
        """Show a message in the status bar for a while."""
        self.statusBar().showMessage(message, ms)

    def save_draft(self) -> None:
        """Save now and say that drafts save themselves (Ctrl+S)."""
        self.save_feedback.save()

    # -- templates and drafts ------------------------------------------------------------

    def open_template_picker(self) -> TemplatePicker:
        """Open the picker (not blocking); starting a draft happens when it is accepted."""
        picker = TemplatePicker(self.catalog, self, current=self.state.last_template)
        picker.accepted.connect(lambda: self.start_draft(picker.chosen))
        picker.finished.connect(picker.deleteLater)
        picker.open()
        return picker

    def start_blank_draft(self) -> None:
        """Start a new draft without a template."""
        self.start_draft(None)

    def start_draft(self, template: Template | None) -> bool:
        """Start a new draft from ``template`` (None: blank); the current one stays saved."""
        self.keeper.new_draft(template.id if template else None,
                              template.channel if template else None)  # fmt: skip
        self.editor.setPlainText(template.draft_text() if template else "")
        self.editor.document().setModified(False)
        if template is not None:
            self.state.last_template = template.id
        self.sidebar.show_unlisted()
        self._switched(template)
        if template is not None:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.editor.setTextCursor(cursor)
            self.editor.jump_to_placeholder()
        return True

    def insert_deadline(self) -> DeadlinePicker:
        """Open the Insert Deadline picker; its deadline goes in at the cursor."""
        return open_picker(self.config, self.tz, self.editor, self)

    def open_draft(self, draft_id: str) -> None:
        """Open a stored draft in the editor (the current one is saved first)."""
        self.keeper.open_draft(draft_id)

    def _draft_loaded(self, draft: Draft, exports: list[ExportRecord]) -> None:
        template = self.catalog.templates.get(draft.template_id or "")
        if draft.template_id and template is None:
            self.say(f"This draft's template ({draft.template_id}) is not "
                     "installed; it is checked without it.")  # fmt: skip
        self.session.report = None
        self.session.title = draft.title
        self._switched(template, exports, focus=not self.sidebar.keeps_focus())
        self.sidebar.select_open_draft()

    def _switched(
        self, template: Template | None, exports: list[ExportRecord] | None = None,
        *, focus: bool = True,
    ) -> None:  # fmt: skip
        """Another draft is in the editor: its template, copy history, options and a lint."""
        self.session.start(template)
        self.status_line.show_template(template)
        self.exporter.reset(exports)
        self._refresh_options()
        self.linter.lint_now()
        self.update_title()
        if focus:  # not when the writer is going through the drafts list
            self.editor.setFocus()

    def _draft_saved(self, saved: Saved, _text: str) -> None:
        if saved.id == self.keeper.draft_id:
            self.session.title = saved.title
            self.update_title()
            self.banner.clear_fault()

    def update_title(self) -> None:
        """Name the window after the draft: its title, or "Untitled …" like the list."""
        row = self.sidebar.model.row_of(self.keeper.draft_id)
        if row >= 0:
            self.session.title = self.sidebar.model.rows[row].title
        if self.session.title:
            name = self.session.title
        elif self.template is not None:
            name = f"Untitled {self.template.name.lower()}"
        else:
            name = "New draft"
        self.setWindowTitle(f"{name} — AsyncWriter")

    def _store_opened(self, opened: Opened | None) -> None:
        self.banner.show_opened(opened)
        self.sidebar.reload()

    # -- Markdown files --------------------------------------------------------------------

    def import_file(self, path: str | Path) -> None:
        """Add the file's text as a new draft and open it."""
        self.files.import_file(path)

    def _imported(self, draft_id: str) -> None:
        self.sidebar.reload()
        self.open_draft(draft_id)

    def export_file(self, path: str | Path, body: str | None = None) -> bool:
        """Write ``body`` (the open draft by default) to ``path``; say how it went."""
        return self.files.export_file(path, body)

    # -- findings ------------------------------------------------------------------------

    def _options(self) -> LintOptions:
        return LintOptions(
            template=self.template,
            settings=dict(self.config.rules),
            tz=self.tz,
            channel=self.session.lint_channel(),
            grammar=self.grammar.checker if self.grammar.active else None,
            spelling=self.spelling.checker,
            people=tuple(self.config.people),
            short_notice_hours=self.config.short_notice_hours,
        )

    def _refresh_options(self) -> None:
        self.session.set_options(self._options())

    def _apply_report(self, report: Report) -> None:
        """Share a lint's report for the current text (the widgets follow the session)."""
        self.session.apply_report(report)

    def _show_report(self, report: Report) -> None:
        text, findings = report.text, self.session.open_findings
        self.editor.show_findings(findings, text)
        self.findings.set_findings(findings, LineIndex(text), has_text=bool(text.strip()))
        self.readiness.update_report(report, findings, self.tz)
        self.status_line.show_report(report)
        self.grammar_link.request_missing(report)
        self.spelling.request_missing(report, self.linter.revision)

    # -- settings and grammar ----------------------------------------------------------

    def open_settings(self, page: str | None = None) -> SettingsDialog:
        """Open the settings dialog (not blocking); saving there applies at once."""
        return open_settings(self.config, self, self.state, apply=self.apply_settings,
                             notice=self.banner.show_notice, page=page,
                             pipeline=self.pipeline.download)  # fmt: skip

    @property
    def config(self) -> Settings:
        """The settings in effect."""
        return self.live.config

    def apply_settings(self, new: Settings) -> None:
        """Use new settings everywhere: rules, zones, templates, grammar."""
        self.live.use(new)

    def _settings_changed(self, new: Settings, old: Settings) -> None:
        if new.template_folders != old.template_folders:
            self.catalog = template_catalog(new)
            if self.template is not None:
                self.session.template = self.catalog.templates.get(self.template.id, self.template)
        self.tz = zone_of(new)
        self.readiness.team_zones = list(new.team_zones)
        self.readiness.people = list(new.people)
        if new.languagetool != old.languagetool:
            self.grammar_link.forget_not_now()  # a new way to run grammar may ask again
        if new.languagetool != old.languagetool or self.grammar.checker is None:
            self.grammar.configure(new.languagetool, consent=self.state.public_consent)
        self.spelling.configure(new.languagetool, known_words(new.people))
        self._refresh_options()
        self.linter.lint_now()
        self._show_settings_problems()

    def _show_settings_problems(self) -> None:
        notice = settings_changes.problems_notice(self.config.problems)
        if notice is not None:
            self.banner.show_notice(notice)

    def _spelling_failed(self, message: str) -> None:
        """Say once that the built-in checker cannot run; lint on without it."""
        self.say(message, 30_000)
        self._refresh_options()
        self.linter.lint_now()

    def turn_off_grammar(self) -> None:
        """Stop grammar checks (saved in settings)."""
        done = "Grammar checks are off; turn them on in Edit › Settings."
        self.live.change(settings_changes.grammar_off, done)

    # -- state and quitting ------------------------------------------------------------

    def save_state(self) -> None:
        """Write window geometry, splitter sizes, zoom and the last template."""
        window_layout.remember(self, self.splitter, self.editor, self.state)
        self.state.started_before = True
        window_state.save(self.state)

    def changeEvent(self, event: QEvent) -> None:
        """Save when the window loses focus; recolour when the palette changes (dark mode)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.keeper.flush()
        if event.type() == QEvent.Type.PaletteChange:
            self.editor.highlighter.refresh_colors()
            if self.report is not None:
                self._apply_report(self.report)

    def closeEvent(self, event: QCloseEvent) -> None:
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
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the background work: lint, grammar, the pipeline download, export, store."""
        workers = (self.linter, self.grammar, self.spelling, self.pipeline, self.exporter,
                   self.calendar_export, self.store)  # fmt: skip
        for worker in workers:
            worker.shutdown()

    def _confirm_quit(self) -> bool:
        reason = self.store.error.reason if self.store.error else "unknown"
        answer = ask_before_losing_text(self, reason)
        if answer is QuitAnswer.EXPORT:
            self.files.export_markdown()
        return answer is QuitAnswer.QUIT
