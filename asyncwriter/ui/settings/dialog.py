"""The settings dialog: a control for every setting in ``settings.toml``, saved in place.

The dialog edits a copy of the settings in effect and writes nothing before Save, so Cancel
always leaves the file as it was. Saving goes through :func:`asyncwriter.settings.save`,
which edits the file in place: comments and keys this version does not know survive. Values
the dialog has no dedicated control for (rule prefixes such as ``deadline = "off"``, grammar
rules turned off from a finding) are shown too, so a save never drops them silently.
Choosing the public LanguageTool service asks first, because drafts then leave the machine.

Each tab is a module of its own in this package (``time_page``, ``grammar_page``,
``rules_page``, ``templates_page``, ``pipeline_page``); this module puts them together,
saves, and asks the consent question. The bar about a broken file is :mod:`.problems_banner`.
"""

from __future__ import annotations

import copy
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import paths, settings
from asyncwriter.checks import RULES
from asyncwriter.ui.settings.fields import message_label, say
from asyncwriter.ui.settings.grammar_page import GrammarPage
from asyncwriter.ui.settings.pipeline_page import PipelinePage
from asyncwriter.ui.settings.problems_banner import ProblemsBanner
from asyncwriter.ui.settings.rules_page import RulesPage
from asyncwriter.ui.settings.scrolling_tabs import ScrollingTabs
from asyncwriter.ui.settings.templates_page import TemplatesPage
from asyncwriter.ui.settings.time_page import TimePage

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from asyncwriter.checks.rule import Rule
    from asyncwriter.rule_settings import RuleSetting
    from asyncwriter.settings import Settings
    from asyncwriter.ui.pipeline_download import PipelineDownload

logger = logging.getLogger(__name__)

PUBLIC_CONSENT_TEXT = (
    "With the public LanguageTool service, the text of your drafts is sent to "
    "languagetool.org for checking, every time the grammar check runs.\n\n"
    "Use the public service?"
)


class SettingsDialog(QDialog):
    """Edit the settings file: time zones, grammar, rules, template folders, the pipeline.

    ``pipeline`` is the window's download of a trained spaCy pipeline (None: the Analysis
    page shows what is installed but has no Download button).

    Signals:
        saved(Settings): the file was written; carries the settings re-read from it.

    Attributes:
        kept_broken_file: after a save, where the old file was kept when it was not valid
            TOML (``settings.toml.broken``); None otherwise. Tell the writer.
        saved_settings: the settings re-read after the save, or None before one.
    """

    saved = Signal(object)

    def __init__(
        self,
        config: Settings,
        parent: QWidget | None = None,
        *,
        rules: Mapping[str, Rule] | None = None,
        pipeline: PipelineDownload | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._config = copy.deepcopy(config)
        self.path = config.path or paths.settings_file()
        self.kept_broken_file: Path | None = None
        self.saved_settings: Settings | None = None
        self.warning_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        self.problems: ProblemsBanner | None = None
        if config.problems:
            self.problems = ProblemsBanner(config.problems, self.path, self)
            layout.addWidget(self.problems)
        self.tabs = ScrollingTabs(self)
        self.tabs.setObjectName("settingsTabs")
        self.time_page = TimePage(self._config, self.tabs)
        self.grammar_page = GrammarPage(self._config, lambda: self.ask_public_consent(), self.tabs)
        self.rules_page = RulesPage(RULES if rules is None else rules, self._config, self.tabs)
        self.templates_page = TemplatesPage(self._config, self.path, self.tabs)
        self.pipeline_page = PipelinePage(self._config, pipeline, self.tabs)
        for page, title in (
            (self.time_page, "&Time"),
            (self.grammar_page, "&Grammar"),
            (self.rules_page, "R&ules"),
            (self.templates_page, "Te&mplates"),
            (self.pipeline_page, "&Analysis"),
        ):
            self.tabs.add_page(page, title)
        layout.addWidget(self.tabs, 1)
        self.error = message_label("settingsError", self)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("settingsButtons")
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        wanted = 600 if self.problems is None else 700
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        room = screen.height() - 60 if screen is not None else wanted  # the title bar's share
        self.resize(860, max(360, min(wanted, room)))
        self.time_page.zone.setFocus()

    def show_page(self, name: str) -> None:
        """Show one tab: ``time``, ``grammar``, ``rules``, ``templates`` or ``analysis``."""
        pages = {
            "time": self.time_page,
            "grammar": self.grammar_page,
            "rules": self.rules_page,
            "templates": self.templates_page,
            "analysis": self.pipeline_page,
        }
        if name in pages:
            self.tabs.setCurrentWidget(pages[name])

    @property
    def public_consent(self) -> bool:
        """Return True when drafts may go to languagetool.org (asked here, or already set)."""
        return self.grammar_page.public_consent

    def ask_public_consent(self) -> bool:
        """Ask whether the text of drafts may be sent to languagetool.org (tests replace it)."""
        answer = QMessageBox.question(
            self,
            "Send drafts to languagetool.org?",
            PUBLIC_CONSENT_TEXT,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def warn(self, title: str, text: str) -> None:
        """Show a warning without blocking (the dialog stays open with the edits)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.warning_box = box
        box.open()

    def build(self) -> Settings:
        """Return the settings the dialog shows, with everything it does not edit kept."""
        new = copy.deepcopy(self._config)
        new.path = self.path
        new.problems = []
        self.time_page.apply(new)
        self.grammar_page.apply(new.languagetool)
        self.pipeline_page.apply(new)
        edited = {**self.rules_page.settings(), **dict.fromkeys(self.grammar_page.turned_off())}
        managed = set(self.rules_page.combos) | set(self.grammar_page.initially_off)
        rules: dict[str, RuleSetting] = {}
        for key, value in self._config.rules.items():  # the file's order for keys that stay
            if key not in managed:
                rules[key] = value  # nothing in the dialog edits it: keep it as it is
            elif key in edited:
                rules[key] = edited[key]
        for key, value in edited.items():
            rules.setdefault(key, value)
        new.rules = rules
        new.template_folder_entries = self.templates_page.folders.values()
        new.template_folders = [self.templates_page.resolve(e) for e in new.template_folder_entries]
        return new

    def problem(self) -> tuple[QWidget, QWidget, str] | None:
        """Return the page and field that stop a save, and why; None when it can go ahead."""
        for page in (self.time_page, self.grammar_page):
            found = page.problem()
            if found:
                return page, found[0], found[1]
        return None

    def save(self) -> bool:
        """Write the file, re-read it and close; on a problem, say why and stay open."""
        found = self.problem()
        if found:
            page, field, reason = found
            self.tabs.setCurrentWidget(page)
            field.setFocus()
            say(self.error, f"Not saved. {reason}")
            return False
        say(self.error, None)
        try:
            self.kept_broken_file = settings.save(self.build(), self.path)
        except settings.SettingsWriteError as exc:
            logger.warning("settings not saved: %s", exc)
            self.warn("Settings not saved", f"The settings could not be saved: {exc}")
            return False
        self.saved_settings = settings.load(self.path)
        self.saved.emit(self.saved_settings)
        self.accept()
        return True
