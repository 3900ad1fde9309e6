"""The main window: editor, readiness bar, findings panel, template picker, find bar, export.

``MainWindow()`` needs no arguments: it reads the settings, templates and window state
from the usual places (tests point those at a temporary folder).
"""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
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

from asyncwriter import __version__, settings, templates
from asyncwriter.checks import zones
from asyncwriter.checks.model import LineIndex
from asyncwriter.ui import state as window_state
from asyncwriter.ui.editor import MarkdownEditor
from asyncwriter.ui.export_actions import Exporter
from asyncwriter.ui.findings_panel import FindingsPanel
from asyncwriter.ui.linting import LintOptions, LintScheduler
from asyncwriter.ui.readiness import ReadinessBar
from asyncwriter.ui.template_picker import TemplatePicker

if TYPE_CHECKING:
    from asyncwriter.checks.model import Finding, Report
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

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("AsyncWriter")
        self.config = settings.load()
        self.catalog = templates.default_catalog(self.config)
        self.state = window_state.load()
        self.tz = zones.local_zone()
        self.template: Template | None = None
        self.ignored: set[tuple[str, str]] = set()
        self.report: Report | None = None
        self.open_findings: list[Finding] = []

        self.editor = MarkdownEditor(self)
        self.find_bar = FindBar(self.editor, self)
        self.findings = FindingsPanel(self)
        self.readiness = ReadinessBar(self)
        editor_box = QWidget(self)
        box = QVBoxLayout(editor_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.editor, 1)
        box.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(editor_box)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.readiness)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.word_count = QLabel(self)
        self.template_label = QLabel(self)
        self.lint_status = QLabel("Loading the checks…", self)
        bar = self.statusBar()
        bar.addWidget(self.lint_status, 1)
        bar.addPermanentWidget(self.template_label)
        bar.addPermanentWidget(self.word_count)

        self.linter = LintScheduler(self.editor.toPlainText, self)
        self.linter.set_options(self._options())
        self.linter.reportReady.connect(self._apply_report)
        self.linter.failed.connect(self._lint_failed)
        self.editor.textChanged.connect(self.linter.text_changed)
        self.findings.activated.connect(self.show_finding)
        self.findings.fixRequested.connect(self.apply_fix)
        self.findings.ignoreRequested.connect(self.ignore_finding)

        self._build_actions()
        self.exporter = Exporter(self)
        self._restore_state()
        self._update_template_label()
        self.editor.setFocus()

    # -- actions ---------------------------------------------------------------------

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        self.new_action = self._action(file_menu, "&New from template…", key.New,
                                       self.open_template_picker)  # fmt: skip
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
        self._action(edit, "Next Placeholder\tTab", None,
                     lambda: self.editor.jump_to_placeholder())  # fmt: skip
        self._action(edit, "Previous Placeholder\tShift+Tab", None,
                     lambda: self.editor.jump_to_placeholder(backwards=True))  # fmt: skip
        view = menus.addMenu("&View")
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
        """Replace the editor's text with a fresh draft from ``template`` (None: blank)."""
        doc = self.editor.document()
        if doc.isModified() and self.editor.toPlainText().strip():
            answer = QMessageBox.question(
                self, "Start a new draft?",
                "The current draft will be replaced. Saved drafts arrive in a later version; "
                "copy anything you want to keep first.",
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.template = template
        self.ignored.clear()
        self.editor.setPlainText(template.draft_text() if template else "")
        doc.setModified(False)
        if template is not None:
            self.state.last_template = template.id
        self._update_template_label()
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
        return LintOptions(template=self.template, settings=dict(self.config.rules), tz=self.tz)

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

    # -- state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        self.resize(1200, 780)
        if self.state.geometry:
            self.restoreGeometry(QByteArray(base64.b64decode(self.state.geometry)))
        sizes = self.state.splitter
        if len(sizes) == 2 and sum(sizes) > 0:
            self.splitter.setSizes(sizes)
        else:
            self.splitter.setSizes([860, 340])
        if self.state.zoom:
            self.editor.change_zoom(self.state.zoom)

    def save_state(self) -> None:
        """Write window geometry, splitter sizes, zoom and the last template."""
        self.state.geometry = base64.b64encode(bytes(self.saveGeometry())).decode("ascii")
        self.state.splitter = list(self.splitter.sizes())
        self.state.zoom = self.editor.zoom
        self.state.started_before = True
        window_state.save(self.state)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Recolour highlighting, underlines and chips when the palette changes (dark mode)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.editor.highlighter.refresh_colors()
            if self.report is not None:
                self._apply_report(self.report)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Save the window state and let a running lint finish."""
        self.save_state()
        self.linter.shutdown()
        self.exporter.shutdown()
        super().closeEvent(event)
