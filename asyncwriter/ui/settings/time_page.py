"""Settings › Time: your own time zone, the zones your team reads in, and its people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter.ui.settings.fields import (
    ENTER_KEYS,
    KeyAction,
    StringList,
    hint,
    line_edit,
    message_label,
    say,
)
from asyncwriter.ui.settings.people_editor import PeopleEditor
from asyncwriter.ui.settings.zone_field import ZoneCombo, offset_now

if TYPE_CHECKING:
    from asyncwriter.settings import Settings


class TimePage(QWidget):
    """Your own zone, the team's zones and, beside them, the people (:mod:`.people_editor`)."""

    def __init__(self, config: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneCombo(self, system=True)
        self.zone.setObjectName("zoneCombo")
        self.zone.set_zone(config.zone)
        line_edit(self.zone).editingFinished.connect(self._check_zone)
        self.zone_message = message_label("zoneMessage", self)
        zone_label = QLabel("Your time &zone:", self)
        zone_label.setBuddy(self.zone)

        self.team_input = ZoneCombo(self, system=False)
        self.team_input.setObjectName("teamZoneInput")
        self.team_input.set_zone(None)
        line_edit(self.team_input).setPlaceholderText("Type a zone, e.g. Kolkata or New_York")
        KeyAction(self.team_input, ENTER_KEYS, self.add_team_zone)
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
        layout.addWidget(hint("zone", self))
        layout.addSpacing(12)
        self.people = PeopleEditor(config, self)
        columns = QHBoxLayout()
        team_column = QVBoxLayout()
        team_column.addWidget(team_label)
        team_column.addWidget(hint("team", self))
        row = QHBoxLayout()
        row.addWidget(self.team_input, 1)
        row.addWidget(self.team_add)
        team_column.addLayout(row)
        team_column.addWidget(self.team_message)
        team_column.addWidget(self.team, 1)
        columns.addLayout(team_column, 1)
        columns.addSpacing(12)
        columns.addWidget(self.people, 1)
        layout.addLayout(columns, 1)

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
        return self.people.problem()

    def apply(self, new: Settings) -> None:
        """Write this page's values into ``new``."""
        new.zone = self.zone.zone()
        new.team_zones = self.team.values()
        self.people.apply(new)
