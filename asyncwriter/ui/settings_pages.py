"""The four tabs of the settings dialog, and the small widgets only they use.

Each page (:class:`TimePage`, :class:`GrammarPage`, :class:`RulesPage`,
:class:`TemplatesPage`) builds its controls from the settings in effect, says next to a field
why it cannot be saved (``problem``), and writes its values into a copy of the settings
(``apply`` or ``settings``); none of them reads or writes the file. That is left to
:class:`asyncwriter.ui.settings_dialog.SettingsDialog`, which holds the pages, so the dialog
module stays about saving, consent and problems, and each page can be read on its own.
Explanations sit next to the controls they are about (``_HINTS``); field errors appear where
the field is (:func:`message_label`, :func:`say`).
"""

from __future__ import annotations

import functools
import html
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import paths, settings
from asyncwriter.checks import zones
from asyncwriter.checks.model import Severity
from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from asyncwriter.checks.context import RuleSetting
    from asyncwriter.checks.model import Rule
    from asyncwriter.settings import LanguageToolSettings, Settings

_ROLE = Qt.ItemDataRole.UserRole
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DELETE = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
#: Names in the zone database that are files, not zones anyone lives in.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})
LANGUAGES = tuple("en-US en-GB en-CA en-AU en-NZ en-ZA de-DE fr es nl pt-PT pt-BR auto".split())
#: Rule setting choices after the first ("default"), as written in the file.
_CHOICES = ("info", "warning", "error", "off")
_NOT_SET = object()
_MODE_LABELS = {
    "off": "&Off (no grammar or spelling checks)",
    "local": "On this &computer (LanguageTool, needs Java 17; a few hundred MB download at first)",
    "server": "A LanguageTool ser&ver:",
    "public": "The &public LanguageTool service (languagetool.org)",
}
#: Explanations shown under the controls they are about.
_HINTS = {
    "zone": "Times you write without a zone (“by 17:00”) are read in this zone. “System” "
    "follows this computer's setting.",
    "team": "Deadlines in your drafts are also shown in these zones, so you can see when they "
    "fall for each reader.",
    "where": "The public service gets the text of your drafts; a server of your own (or this "
    "computer) keeps them in your hands.",
    "grammar_off": "LanguageTool rules you turned off from a finding. Turn one back on to see "
    "its suggestions again.",
    "rules": "A setting applies to the rule and, for a prefix such as “deadline”, to every rule "
    "under it; the most specific one wins.",
    "templates": "Templates in these folders appear in the template picker next to the "
    "built-in ones and your own (in {folder}). A team can share one folder, or a git checkout "
    "of one.",
}


def _hint(key: str, parent: QWidget, **values: object) -> QLabel:
    """Return the explanation ``_HINTS[key]``, word-wrapped, in a secondary text colour."""
    label = QLabel(_HINTS[key].format(**values), parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def message_label(name: str, parent: QWidget) -> QLabel:
    """Return an empty label for a field's error, shown in the error colour when set."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.color(Severity.ERROR).name()}")
    label.hide()
    return label


def say(label: QLabel, text: str | None) -> None:
    """Show ``text`` in a :func:`message_label`, or hide the label when there is none."""
    label.setText(text or "")
    label.setVisible(bool(text))


class _KeyAction(QObject):
    """Runs an action for some keys pressed in a widget, and keeps them from the dialog.

    Enter in an "add" field must add, not press the dialog's default Save button; Delete in
    a list removes its current entry.
    """

    def __init__(
        self, widget: QWidget, keys: Iterable[Qt.Key], action: Callable[[], object]
    ) -> None:
        super().__init__(widget)
        self._keys = tuple(keys)
        self._action = action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Run the action for our keys (without modifiers) and swallow them."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self._action()
            return True
        return super().eventFilter(watched, event)


class StringList(QWidget):
    """A list of strings with a button (and the Delete key) that removes the current one.

    Adding is left to the page that owns the list: each kind of entry has its own input.
    """

    def __init__(
        self,
        name: str,
        remove_text: str,
        parent: QWidget | None = None,
        *,
        label: Callable[[str], tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label or (lambda value: (value, ""))
        self.list = QListWidget(self)
        self.list.setObjectName(name)
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setObjectName(f"{name}Remove")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.currentItemChanged.connect(
            lambda item, _old: self.remove_button.setEnabled(item is not None)
        )
        _KeyAction(self.list, _DELETE, self.remove_current)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        layout.addLayout(side)

    def values(self) -> list[str]:
        """Return the entries in their order."""
        return [self.list.item(i).data(_ROLE) for i in range(self.list.count())]

    def add(self, value: str, *, select: bool = False) -> bool:
        """Append ``value`` (making it current if ``select``); False when it is already there."""
        if value in self.values():
            return False
        text, tip = self._label(value)
        item = QListWidgetItem(text, self.list)
        item.setData(_ROLE, value)
        item.setToolTip(tip)
        if select:
            self.list.setCurrentItem(item)
        return True

    def remove_current(self) -> None:
        """Remove the current entry; the next one becomes current, for quick removals."""
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.list.setCurrentRow(min(row, self.list.count() - 1))


# -- time ---------------------------------------------------------------------------------


@functools.cache
def zone_names() -> tuple[str, ...]:
    """Return the IANA zone names this machine knows, sorted, without database internals."""
    return tuple(
        sorted(
            name
            for name in available_timezones()
            if name not in _NOT_ZONES and not name.startswith(("posix/", "right/"))
        )
    )


@functools.cache
def _zone_lookup() -> dict[str, str]:
    return {name.casefold(): name for name in zone_names()}


def canonical_zone(text: str) -> str:
    """Return the zone name for ``text`` (any case), as the settings file should hold it.

    Raises:
        ValueError: ``text`` is not a zone name or offset; the message says what to write.
    """
    text = text.strip()
    if text.casefold() in _zone_lookup():
        return _zone_lookup()[text.casefold()]
    try:
        zones.get_zone(text)
    except ValueError:
        raise ValueError(
            f"“{text}” is not a time zone name; type part of one (“Berlin”, “New_York”) "
            "and pick it from the list"
        ) from None
    return text


def offset_now(name: str) -> str:
    """Return "UTC+05:30" for the zone's offset at this moment (for the team zone list)."""
    try:
        offset = datetime.now(zones.get_zone(name)).utcoffset()
    except ValueError:
        return ""
    minutes = int(offset.total_seconds()) // 60 if offset is not None else 0
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class ZoneCombo(QComboBox):
    """An editable zone field: type any part of a zone name to search every IANA zone.

    With ``system=True`` the first entry, "System (<zone>)", stands for "no zone set":
    the app follows the computer's zone.
    """

    def __init__(self, parent: QWidget | None = None, *, system: bool) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.system_label = ""
        if system:
            self.system_label = f"System ({zones.zone_key(zones.local_zone())})"
            self.addItem(self.system_label, None)
        for name in zone_names():
            self.addItem(name, name)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)

    def zone(self) -> str | None:
        """Return the zone typed or picked; None for the system entry (or nothing typed).

        Raises:
            ValueError: the text is not a zone.
        """
        text = self.currentText().strip()
        if not text or (self.system_label and text == self.system_label):
            return None
        return canonical_zone(text)

    def set_zone(self, name: str | None) -> None:
        """Show ``name`` (None: the system entry, or an empty field without one)."""
        index = self.findData(name) if name is not None else (0 if self.system_label else -1)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(name or "")


class TimePage(QWidget):
    """Your own zone and the team's zones."""

    def __init__(self, config: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneCombo(self, system=True)
        self.zone.setObjectName("zoneCombo")
        self.zone.set_zone(config.zone)
        self.zone.lineEdit().editingFinished.connect(self._check_zone)
        self.zone_message = message_label("zoneMessage", self)
        zone_label = QLabel("Your time &zone:", self)
        zone_label.setBuddy(self.zone)

        self.team_input = ZoneCombo(self, system=False)
        self.team_input.setObjectName("teamZoneInput")
        self.team_input.set_zone(None)
        self.team_input.lineEdit().setPlaceholderText("Type a zone, e.g. Kolkata or New_York")
        _KeyAction(self.team_input, _ENTER, self.add_team_zone)
        self.team_add = QPushButton("&Add", self)
        self.team_add.setObjectName("teamZoneAdd")
        self.team_add.clicked.connect(self.add_team_zone)
        self.team_message = message_label("teamZoneMessage", self)
        self.team = StringList(
            "teamZones", "&Remove", self, label=lambda name: (f"{name}   {offset_now(name)}", "")
        )
        for name in config.team_zones:
            self.team.add(name)
        team_label = QLabel("T&eam time zones:", self)
        team_label.setBuddy(self.team_input)

        layout = QVBoxLayout(self)
        layout.addWidget(zone_label)
        layout.addWidget(self.zone)
        layout.addWidget(self.zone_message)
        layout.addWidget(_hint("zone", self))
        layout.addSpacing(12)
        layout.addWidget(team_label)
        layout.addWidget(_hint("team", self))
        row = QHBoxLayout()
        row.addWidget(self.team_input, 1)
        row.addWidget(self.team_add)
        layout.addLayout(row)
        layout.addWidget(self.team_message)
        layout.addWidget(self.team, 1)

    def _check_zone(self) -> None:
        self.problem()

    def add_team_zone(self) -> bool:
        """Add the zone typed in the team field; say why not when it cannot be added."""
        try:
            name = self.team_input.zone()
        except ValueError as exc:
            say(self.team_message, str(exc))
            return False
        if name is None:
            say(self.team_message, "Type a zone name first.")
            return False
        if not self.team.add(name, select=True):
            say(self.team_message, f"{name} is already in the list.")
            return False
        say(self.team_message, None)
        self.team_input.set_zone(None)
        return True

    def problem(self) -> tuple[QWidget, str] | None:
        """Return the field that stops a save and why (shown next to it), or None."""
        try:
            self.zone.zone()
        except ValueError as exc:
            say(self.zone_message, str(exc))
            return self.zone, str(exc)
        say(self.zone_message, None)
        return None

    def apply(self, new: Settings) -> None:
        """Write this page's values into ``new``."""
        new.zone = self.zone.zone()
        new.team_zones = self.team.values()


# -- grammar ------------------------------------------------------------------------------


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
        self._mode = lt.mode if lt.mode in _MODE_LABELS else "local"
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
            if key.startswith("grammar.") and value is None
        ]
        for key in self.initially_off:
            self.off_rules.add(key)
        off_box = QGroupBox("Turned-off grammar rules", self)
        off_layout = QVBoxLayout(off_box)
        off_layout.addWidget(_hint("grammar_off", off_box))
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
        layout.addWidget(_hint("where", box))
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
        self.language.lineEdit().editingFinished.connect(
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
        _KeyAction(self.word_input, _ENTER, self.add_word)
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


# -- rules --------------------------------------------------------------------------------


class _ComboWatch(QObject):
    """Keeps the focused rule in view and described; wheel scrolling scrolls the table.

    Without this, scrolling the table with the mouse wheel would change whichever setting
    happened to pass under the pointer.
    """

    def __init__(self, page: RulesPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Describe the rule on focus; hand wheel events on unfocused combos to the table."""
        if isinstance(watched, QComboBox):
            if event.type() == QEvent.Type.FocusIn:
                self._page.show_rule(watched.property("ruleKey"))
            elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
                QCoreApplication.sendEvent(self._page.table.viewport(), event)
                return True
        return super().eventFilter(watched, event)


class RulesPage(QWidget):
    """Every rule with its default severity and a setting; plus prefix keys from the file."""

    def __init__(
        self, rules: Mapping[str, Rule], config: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._rules = rules
        self.combos: dict[str, QComboBox] = {}
        self._about: dict[str, str] = {}
        self._watch = _ComboWatch(self)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("rulesFilter")
        self.filter.setPlaceholderText("Filter rules (id or what it checks)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        _KeyAction(self.filter, (*_ENTER, Qt.Key.Key_Down), self._focus_first)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("rulesTable")
        self.table.setHorizontalHeaderLabels(["Rule", "Default", "Setting"])
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes from one setting to the next, not from cell to cell.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.about = QLabel(self)
        self.about.setObjectName("rulesAbout")
        self.about.setWordWrap(True)
        self.about.setMinimumHeight(self.about.fontMetrics().lineSpacing() * 2)

        for rule in rules.values():
            self._add_row(
                rule.id,
                str(rule.severity),
                f"Default ({rule.severity})",
                config.rules.get(rule.id, _NOT_SET),
                rule.rationale,
            )
        for key, value in config.rules.items():
            if key in rules or (key.startswith("grammar.") and value is None):
                continue  # turned-off grammar rules have their own list on the Grammar tab
            covered = [r for r in rules if r.startswith(key + ".")]
            about = (
                f"Applies to every rule under “{key}”: {', '.join(covered)}."
                if covered
                else "Not a rule this version knows (it may be a grammar or style rule); "
                "kept as written."
            )
            self._add_row(
                key, f"{len(covered)} rules" if covered else "—", "Not set (remove)", value, about
            )
        row_height = max(
            self.table.verticalHeader().defaultSectionSize(),
            next(iter(self.combos.values())).sizeHint().height() + 2 if self.combos else 0,
        )
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self._refresh_defaults()

        if self.combos:
            self.show_rule(next(iter(self.combos)))
        filter_label = QLabel("&Filter:", self)
        filter_label.setBuddy(self.filter)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.about)
        layout.addWidget(_hint("rules", self))

    def _add_row(self, key: str, default: str, first: str, value: object, about: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in ((0, key), (1, default)):
            item = QTableWidgetItem(text)
            item.setToolTip(about)
            self.table.setItem(row, column, item)
        combo = QComboBox(self.table)
        combo.setObjectName(f"rule:{key}")
        combo.setProperty("ruleKey", key)
        combo.setToolTip(about)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.addItem(first, "")
        for choice in _CHOICES:
            combo.addItem(choice, choice)
        chosen = "" if value is _NOT_SET else "off" if value is None else str(value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.currentIndexChanged.connect(lambda _index: self._refresh_defaults())
        combo.installEventFilter(self._watch)
        self.table.setCellWidget(row, 2, combo)
        self.combos[key] = combo
        self._about[key] = about

    def combo(self, key: str) -> QComboBox:
        """Return the setting control of a rule id or prefix key."""
        return self.combos[key]

    def show_rule(self, key: str) -> None:
        """Describe ``key`` under the table and scroll its row into view."""
        row = list(self.combos).index(key)
        self.table.scrollToItem(self.table.item(row, 0))
        self.about.setText(f"<b>{html.escape(key)}</b>: {html.escape(self._about[key])}")

    def settings(self) -> dict[str, RuleSetting]:
        """Return the keys that are set, in table order (rule ids first, then prefixes)."""
        chosen: dict[str, RuleSetting] = {}
        for key, combo in self.combos.items():
            data = combo.currentData()
            if data:
                chosen[key] = None if data == "off" else Severity.parse(data)
        return chosen

    def _refresh_defaults(self) -> None:
        """Name the prefix a rule follows when it has no setting of its own."""
        current = self.settings()
        for rule in self._rules.values():
            parts = rule.id.split(".")
            text = f"Default ({rule.severity})"
            for n in range(len(parts) - 1, 0, -1):
                prefix = ".".join(parts[:n])
                if prefix in current:
                    value = current[prefix]
                    text = f"As “{prefix}” ({'off' if value is None else value})"
                    break
            self.combos[rule.id].setItemText(0, text)

    def _filter(self, query: str) -> None:
        words = query.casefold().split()
        for row, key in enumerate(self.combos):
            haystack = f"{key} {self._about[key]}".casefold()
            self.table.setRowHidden(row, not all(w in haystack for w in words))

    def _focus_first(self) -> None:
        for row, combo in enumerate(self.combos.values()):
            if not self.table.isRowHidden(row):
                combo.setFocus(Qt.FocusReason.TabFocusReason)
                return


# -- templates ----------------------------------------------------------------------------


class TemplatesPage(QWidget):
    """Extra template folders (a team's shared folder or git checkout)."""

    def __init__(
        self, config: Settings, settings_path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._base = settings_path.parent
        self.folder_dialog: QFileDialog | None = None
        self.add_button = QPushButton("&Add Folder…", self)
        self.add_button.setObjectName("templateFolderAdd")
        self.add_button.clicked.connect(self.choose_folder)
        self.folders = StringList("templateFolders", "&Remove", self, label=self._label)
        for entry in config.template_folder_entries:
            self.folders.add(entry)
        title = QLabel("&Extra template folders:", self)
        title.setBuddy(self.folders.list)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(_hint("templates", self, folder=paths.user_templates_dir()))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.folders, 1)

    def resolve(self, entry: str) -> Path:
        """Return the folder an entry names (relative entries are relative to settings)."""
        return self._base / Path(entry).expanduser()

    def _label(self, entry: str) -> tuple[str, str]:
        folder = self.resolve(entry)
        if folder.is_dir():
            return entry, str(folder)
        return f"{entry}   (not found)", f"{folder} does not exist (yet)"

    def choose_folder(self) -> None:
        """Ask for a folder without blocking; the choice is added when the dialog closes."""
        dialog = QFileDialog(self, "Add a template folder", str(Path.home()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.add_folder)
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()

    def add_folder(self, folder: str | Path) -> bool:
        """Add ``folder``, written with ``~`` when it is under the home folder."""
        path = Path(folder).expanduser().resolve()
        try:
            entry = "~/" + path.relative_to(Path.home().resolve()).as_posix()
        except ValueError:
            entry = str(path)
        if any(self.resolve(e).resolve() == path for e in self.folders.values()):
            return False
        return self.folders.add(entry, select=True)
