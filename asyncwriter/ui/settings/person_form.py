"""The form for one person in Settings › Time: name, handle, a zone search, hours, days, holidays.

Each field is checked with the parser the settings loader uses (:mod:`asyncwriter.team`), and
the whole table once more with :func:`asyncwriter.settings.person_from_table`, so what the form
accepts the file accepts. Problems appear under their field; OK stays on the form until none
is left. The zone search (:mod:`asyncwriter.times.zone_search`) lists every match with its
offset now, and picks one only when the text clearly names it: "IST" or "Germany" ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import settings, team
from asyncwriter.times import zone_search
from asyncwriter.ui.settings.fields import ENTER_KEYS, KeyAction, message_label, say

if TYPE_CHECKING:
    from collections.abc import Callable

_ROLE = Qt.ItemDataRole.UserRole


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class PersonForm(QDialog):
    """Add or edit one ``[[team.people]]`` table; :meth:`values` is the edited table.

    ``values`` is the table as the file has it (unknown keys are kept); ``default_hours``
    is the team's ``work_hours``, used for a person who gives none.
    """

    def __init__(
        self, values: dict[str, Any], default_hours: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personForm")
        self.setWindowTitle("Edit Person" if values else "Add Person")
        self._original = dict(values)
        self._searching = False
        self._picked = False
        self._default_hours = default_hours

        def text(key: str) -> str:
            value = values.get(key)
            return value if isinstance(value, str) else ("" if value is None else str(value))

        self.name = self._line("personName", text("name"), "Aiko Tanaka")
        self.handle = self._line("personHandle", text("handle"), "aiko: @aiko in a draft")
        self.zone_search = self._line(
            "personZoneSearch", text("zone"), "Tokyo, NYC, Germany, CET or Asia/Tokyo"
        )
        self.zone_matches = QListWidget(self)
        self.zone_matches.setObjectName("personZoneMatches")
        self.zone_matches.setMaximumHeight(150)
        self.hours = self._line("personHours", text("hours"), f"{default_hours} (the team's)")
        self.days = self._line("personDays", text("days"), team.DEFAULT_DAYS)
        self.holidays = self._line("personHolidays", text("holidays"), "none; e.g. JP, US-CA")
        self.messages = {
            key: message_label(f"person{key.title()}Message", self)
            for key in ("name", "handle", "zone", "hours", "days", "holidays", "table")
        }
        self.name.textChanged.connect(self._suggest_handle)
        self._suggest_handle(self.name.text())
        for key, field in (("name", self.name), ("handle", self.handle),
                           ("zone", self.zone_search), ("hours", self.hours),
                           ("days", self.days), ("holidays", self.holidays)):  # fmt: skip
            # A field's problem goes when the writer edits it (it is checked again on OK),
            # not stays under the fixed text until then.
            field.textEdited.connect(lambda _text, key=key: say(self.messages[key], None))
        self.zone_search.textEdited.connect(lambda _text: self._search())
        self.zone_matches.currentItemChanged.connect(lambda _new, _old: self._show_zone())
        KeyAction(self.zone_search, (Qt.Key.Key_Down,), lambda: self._move(1))
        KeyAction(self.zone_search, (Qt.Key.Key_Up,), lambda: self._move(-1))
        KeyAction(self.zone_matches, ENTER_KEYS, self.hours.setFocus)

        form = QFormLayout()
        self._row(form, "&Name:", self.name, "name")
        self._row(form, "Hand&le:", self.handle, "handle")
        self._row(form, "&Zone:", self.zone_search, "zone", self.zone_matches)
        self._row(form, "&Hours:", self.hours, "hours", _hint("Such as 10:00-19:00.", self))
        self._row(form, "&Days:", self.days, "days", _hint("Such as Mon-Fri or Sun-Thu.", self))
        self._row(
            form,
            "H&olidays:",
            self.holidays,
            "holidays",
            _hint("Public holidays of a country (and region): JP, US-CA, DE-BY.", self),
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.messages["table"])
        layout.addWidget(buttons)
        self.resize(520, 0)
        self._search()
        self.name.setFocus()

    def _suggest_handle(self, name: str) -> None:
        """Show the handle the loader gives a person who has none: the name's first word."""
        first = name.split()[0] if name.split() else "aiko"
        self.handle.setPlaceholderText(f"{first}: @{first} in a draft means them")

    def _line(self, name: str, value: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(value, self)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _row(
        self, form: QFormLayout, title: str, field: QWidget, key: str, *extra: QWidget
    ) -> None:
        label = QLabel(title, self)
        label.setBuddy(field)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        for widget in extra:
            column.addWidget(widget)
        column.addWidget(self.messages[key])
        form.addRow(label, column)

    # -- the zone search ------------------------------------------------------------------

    def _search(self) -> None:
        """List the zones the search text may name; pick the first only when it is clear."""
        self._searching = True
        self.zone_matches.clear()
        matches = zone_search.search(self.zone_search.text())
        for match in matches:
            item = QListWidgetItem(match.label(), self.zone_matches)
            item.setData(_ROLE, match.zone)
        if matches and zone_search.decisive(matches):
            self.zone_matches.setCurrentRow(0)
        else:
            self.zone_matches.setCurrentRow(-1)
        self._searching = False
        self._picked = False
        self._show_zone()

    def _move(self, step: int) -> None:
        """Up and Down in the search field move through the matches (as in a completer)."""
        count = self.zone_matches.count()
        if count:
            row = self.zone_matches.currentRow()
            self.zone_matches.setCurrentRow(min(max(row + step, 0), count - 1))

    def _show_zone(self) -> None:
        if not self._searching:
            self._picked = True  # the writer chose this match, not the search
        if self.zone_matches.currentRow() >= 0:
            say(self.messages["zone"], None)

    def zone(self) -> str:
        """Return the zone to store: the match picked, or the file's text when left as it was.

        Raises:
            ValueError: nothing matches, or the text has several answers and none is picked.
        """
        row = self.zone_matches.currentRow()
        typed = self.zone_search.text().strip()
        if typed and typed == self._original.get("zone") and not self._picked:
            try:
                team.parse_zone(typed)
                return typed  # the file's "Tokyo" stays "Tokyo" unless the writer changes it
            except ValueError:
                pass
        if row >= 0:
            return str(self.zone_matches.item(row).data(_ROLE))
        if not typed:
            raise ValueError("Type where they are: a city, country, abbreviation or zone id.")
        if self.zone_matches.count():
            raise ValueError(f"“{typed}” can mean several zones: pick one from the list.")
        raise ValueError(
            f"No zone matches “{typed}”. Try a city (Tokyo), a country (Japan), "
            "an abbreviation (CET) or a zone id (Asia/Tokyo)."
        )

    # -- checking and the result ------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Return the person's table: the file's keys with the form's fields set or removed.

        Raises:
            ValueError: the zone cannot be decided (see :meth:`zone`).
        """
        values = dict(self._original)
        handle = self.handle.text().strip().lstrip("@")
        holidays = self.holidays.text().strip()
        if holidays:  # written as the library knows it: "us-ca" becomes "US-CA"
            holidays = "-".join(p for p in team.check_holidays(holidays) if p)
        for key, value in (
            ("name", self.name.text().strip()),
            ("handle", handle),
            ("zone", self.zone()),
            ("hours", self.hours.text().strip()),
            ("days", self.days.text().strip()),
            ("holidays", holidays),
        ):
            if value:
                values[key] = value
            else:
                values.pop(key, None)
        return values

    def problems(self) -> dict[str, str]:
        """Return each field's problem, in the parsers' words; show them under the fields."""
        found: dict[str, str] = {}
        checks: list[tuple[str, Callable[[], object]]] = [
            ("name", self._check_name),
            ("handle", self._check_handle),
            ("zone", self.zone),
            ("hours", lambda: self.hours.text().strip() and team.parse_hours(self.hours.text())),
            ("days", lambda: self.days.text().strip() and team.parse_days(self.days.text())),
            (
                "holidays",
                lambda: self.holidays.text().strip() and team.check_holidays(self.holidays.text()),
            ),
        ]
        for key, check in checks:
            try:
                check()
            except ValueError as exc:
                found[key] = str(exc)
        if not found:
            try:
                settings.person_from_table(self.values(), self._team_hours())
            except ValueError as exc:  # the loader's own verdict, should the fields miss one
                found["table"] = str(exc)
        for key, label in self.messages.items():
            say(label, found.get(key))
        return found

    def _team_hours(self) -> team.WorkHours:
        try:
            return team.parse_hours(self._default_hours)
        except ValueError:
            return team.parse_hours(team.DEFAULT_HOURS)

    def _check_name(self) -> None:
        if not self.name.text().strip():
            raise ValueError("Give a name: it is how checks and deadlines name them.")

    def _check_handle(self) -> None:
        handle = self.handle.text().strip().lstrip("@")
        if handle and not all(c.isalnum() or c in "._-" for c in handle):
            raise ValueError(f"“{handle}” is not a handle: letters, digits, . _ or - only.")

    def accept(self) -> None:
        """Close with the person when every field is fine; else show why and stay."""
        found = self.problems()
        if found:
            fields = {
                "name": self.name,
                "handle": self.handle,
                "zone": self.zone_search,
                "hours": self.hours,
                "days": self.days,
                "holidays": self.holidays,
            }
            first = next((fields[k] for k in fields if k in found), self.name)
            first.setFocus()
            return
        super().accept()
