"""Settings › Grammar: which engines check (the built-in one, LanguageTool and where), words.

Choosing the public service asks first (the dialog's consent question), because drafts then
leave the machine; a rule turned off from a finding can be turned back on here.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import settings
from asyncwriter.ui.settings.fields import (
    ENTER_KEYS,
    KeyAction,
    StringList,
    hint,
    line_edit,
    message_label,
    say,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from asyncwriter.settings import LanguageToolSettings, Settings

LANGUAGES = tuple("en-US en-GB en-CA en-AU en-NZ en-ZA de-DE fr es nl pt-PT pt-BR auto".split())
_MODE_LABELS = {
    "off": "&Off (no grammar or spelling checks)",
    "builtin": "&Built-in checker (Harper, on this computer; no Java, no download)",
    "local": "Built-in checker and LanguageTool on this &computer (needs Java 17; a few "
    "hundred MB download at first)",
    "server": "Built-in checker and a LanguageTool ser&ver:",
    "public": "Built-in checker and the &public LanguageTool service (languagetool.org)",
}


class GrammarPage(QWidget):
    """Where grammar is checked (asking before drafts leave the machine), language, words.

    Attributes:
        public_consent: the writer agreed to send drafts to languagetool.org (in this
            dialog, or earlier: the mode was already "public").
    """

    def __init__(
        self, config: Settings, ask_consent: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        lt = config.languagetool
        self._ask_consent = ask_consent
        self.public_consent = lt.mode == "public"
        self._mode = lt.mode if lt.mode in _MODE_LABELS else "builtin"
        self._reverting = False

        self.mode_buttons: dict[str, QRadioButton] = {}
        where = self._where_box(lt.url)
        self.language = QComboBox(self)
        self.language_message = message_label("ltLanguageMessage", self)
        self.picky = QCheckBox("P&icky mode (more style suggestions)", self)
        language_box = self._language_box(lt)
        self.word_input = QLineEdit(self)
        self.word_add = QPushButton("&Add", self)
        self.word_message = message_label("wordMessage", self)
        self.words = StringList("dictionary", "&Remove", self)
        words_box = self._words_box(lt)
        self.off_rules = StringList("grammarOffRules", "Turn &back on", self)
        #: The keys listed when the dialog opened (the ones the list manages).
        self.initially_off = [
            key
            for key, value in config.rules.items()
            if key.startswith(("grammar.", "spelling.")) and value is None
        ]
        for key in self.initially_off:
            self.off_rules.add(key)
        off_box = QGroupBox("Turned-off grammar rules", self)
        off_layout = QVBoxLayout(off_box)
        off_layout.addWidget(hint("grammar_off", off_box))
        off_layout.addWidget(self.off_rules, 1)

        lists = QHBoxLayout()
        lists.addWidget(words_box, 1)
        lists.addWidget(off_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(language_box)
        layout.addLayout(lists, 1)
        self._refresh()

    def _where_box(self, lt_url: str) -> QGroupBox:
        """Return the mode buttons, with the server URL under its button."""
        box = QGroupBox("Where grammar and spelling are checked", self)
        self.mode_group = QButtonGroup(self)
        layout = QVBoxLayout(box)
        for mode, text in _MODE_LABELS.items():
            button = QRadioButton(text, box)
            button.setObjectName(f"ltMode{mode.capitalize()}")
            self.mode_buttons[mode] = button
            self.mode_group.addButton(button)
            layout.addWidget(button)
            if mode == "server":
                self.url = QLineEdit(lt_url, box)
                self.url.setObjectName("ltUrl")
                self.url.setPlaceholderText("https://languagetool.example.com")
                self.url.textChanged.connect(self._refresh)
                self.url_message = message_label("ltUrlMessage", box)
                indented = QVBoxLayout()
                indented.setContentsMargins(24, 0, 0, 4)
                indented.addWidget(self.url)
                indented.addWidget(self.url_message)
                layout.addLayout(indented)
        layout.addWidget(hint("where", box))
        self.mode_buttons[self._mode].setChecked(True)
        for mode, button in self.mode_buttons.items():
            button.toggled.connect(functools.partial(self._mode_toggled, mode))
        return box

    def _language_box(self, lt: LanguageToolSettings) -> QGroupBox:
        box = QGroupBox("Language", self)
        self.language.setObjectName("ltLanguage")
        self.language.setEditable(True)
        self.language.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.language.addItems(LANGUAGES)
        self.language.setMinimumContentsLength(12)
        self.language.setCurrentText(lt.language)
        line_edit(self.language).editingFinished.connect(
            lambda: say(self.language_message, self._language_problem())
        )
        self.picky.setObjectName("ltPicky")
        self.picky.setChecked(lt.level == "picky")
        label = QLabel("&Language:", box)
        label.setBuddy(self.language)
        layout = QGridLayout(box)
        layout.addWidget(label, 0, 0)
        layout.addWidget(self.language, 0, 1)
        layout.addWidget(self.language_message, 1, 1, 1, 2)
        layout.addWidget(self.picky, 2, 0, 1, 3)
        layout.setColumnStretch(2, 1)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        return box

    def _words_box(self, lt: LanguageToolSettings) -> QGroupBox:
        box = QGroupBox("Dictionary", self)
        self.word_input.setObjectName("wordInput")
        self.word_input.setPlaceholderText("A word never to flag as misspelled")
        KeyAction(self.word_input, ENTER_KEYS, self.add_word)
        self.word_add.setObjectName("wordAdd")
        self.word_add.clicked.connect(self.add_word)
        for word in lt.words:
            self.words.add(word)
        row = QHBoxLayout()
        row.addWidget(self.word_input, 1)
        row.addWidget(self.word_add)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.word_message)
        layout.addWidget(self.words, 1)
        return box

    @property
    def mode(self) -> str:
        """Return the mode whose button is checked."""
        return self._mode

    def _mode_toggled(self, mode: str, checked: bool) -> None:
        if not checked or self._reverting:
            return
        if mode == "public" and not self.public_consent:
            if not self._ask_consent():
                self._reverting = True
                self.mode_buttons[self._mode].setChecked(True)
                self._reverting = False
                return
            self.public_consent = True
        self._mode = mode
        self._refresh()

    def _tab_to_checked(self) -> None:
        """Make Tab enter the mode buttons at the checked one (arrow keys move between them)."""
        for mode, button in self.mode_buttons.items():
            strong = Qt.FocusPolicy.StrongFocus
            button.setFocusPolicy(strong if mode == self._mode else Qt.FocusPolicy.ClickFocus)

    def _refresh(self) -> None:
        """Follow the mode: Tab stop on its button, URL field (and its check) for a server."""
        self._tab_to_checked()
        server = self._mode == "server"
        self.url.setEnabled(server)
        say(self.url_message, self._url_problem() if server else None)

    def _url_problem(self) -> str | None:
        why = settings.check_server_url(self.url.text())
        return f"This URL cannot be used: {why}." if why else None

    def _language_problem(self) -> str | None:
        if settings.check_language(self.language.currentText()) is None:
            return None
        return "Use a language code such as en-US, de-DE or fr (or auto)."

    def add_word(self) -> bool:
        """Add the word typed in the dictionary field."""
        word = self.word_input.text().strip()
        if not word:
            say(self.word_message, "Type a word first.")
            return False
        if not self.words.add(word, select=True):
            say(self.word_message, f"“{word}” is already in the dictionary.")
            return False
        say(self.word_message, None)
        self.word_input.clear()
        return True

    def problem(self) -> tuple[QWidget, str] | None:
        """Return the field that stops a save and why, or None."""
        if self._mode == "server" and (why := self._url_problem()):
            say(self.url_message, why)
            return self.url, f"LanguageTool server: {why}"
        if why := self._language_problem():
            say(self.language_message, why)
            return self.language, f"Language: {why}"
        return None

    def apply(self, lt: LanguageToolSettings) -> None:
        """Write this page's values into ``lt``."""
        lt.mode = self._mode
        lt.url = self.url.text().strip()
        lt.language = self.language.currentText().strip()
        lt.level = "picky" if self.picky.isChecked() else "default"
        lt.words = self.words.values()

    def turned_off(self) -> list[str]:
        """Return the grammar rule keys that stay off."""
        return self.off_rules.values()
