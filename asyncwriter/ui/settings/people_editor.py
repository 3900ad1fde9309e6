"""Settings › Time › People: the team's readers, their local time now, and the team's hours.

The list shows each person's name, zone and what time it is for them now, so the writer sees
the team the way the deadline checks will. Add…, Edit… (or Enter) open
:class:`~.person_form.PersonForm`; Remove (or Delete) drops one. A person the settings loader
had to skip is listed too, in the error colour with the reason, so it is not silently lost;
its table is written back unchanged unless the writer edits it. The ``[time]`` fields
``work_hours`` and ``short_notice_hours`` sit here because they are the people's defaults.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import team
from asyncwriter.checks.model import Severity
from asyncwriter.people_tables import PersonEntry
from asyncwriter.times import expressions as timeexpr
from asyncwriter.ui import theme
from asyncwriter.ui.settings.fields import DELETE_KEYS, ENTER_KEYS, KeyAction, message_label, say
from asyncwriter.ui.settings.person_form import PersonForm

if TYPE_CHECKING:
    from asyncwriter.settings import Settings

#: How often the local times in the list are brought up to date.
_TICK_MS = 30_000
#: Weekdays in English whatever the locale, as the checks' messages write them.


def entry_label(entry: PersonEntry, now: datetime) -> tuple[str, str]:
    """Return the list text and tooltip: "Aiko · Asia/Tokyo · 02:13 Fri", or why it is skipped."""
    zone = entry.values.get("zone")
    if entry.problem is not None:
        return f"{entry.name} · not used: {entry.problem}", (
            "The settings file has this person, but the checks skip them until it is fixed. "
            "Edit… to fix it; saving keeps it as it is otherwise."
        )
    try:
        local = now.astimezone(team.parse_zone(zone))
    except ValueError as exc:
        return f"{entry.name} · {exc}", ""
    handle = entry.values.get("handle")
    tip = f"@{handle}" if isinstance(handle, str) and handle else ""
    return f"{entry.name} · {zone} · {local:%H:%M} {timeexpr.WEEKDAY_ABBR[local.weekday()]}", tip


class HoursBox(QDoubleSpinBox):
    """A number of working hours that reads as people write it: "8", not "8.0", and "1.5"."""

    def textFromValue(self, value: float) -> str:
        """Drop a zero fraction; keep a half hour."""
        return f"{value:g}"


class PeopleEditor(QWidget):
    """The ``[[team.people]]`` list with Add…, Edit… and Remove, and the team's default hours.

    Attributes:
        form: the person form while it is open (tests reach its fields), else None.
        changed: the list was edited; only then are the people written on save.
    """

    def __init__(self, config: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[PersonEntry] = copy.deepcopy(config.people_entries or [])
        self.changed = False
        self.form: PersonForm | None = None
        self._editing: int | None = None

        self.list = QListWidget(self)
        self.list.setObjectName("people")
        self.list.setWordWrap(True)  # a skipped person's reason is read, not scrolled to
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.edit_current())
        KeyAction(self.list, DELETE_KEYS, self.remove_current)
        KeyAction(self.list, ENTER_KEYS, self.edit_current)
        label = QLabel("Peop&le:", self)
        label.setBuddy(self.list)
        about = QLabel(
            "Deadline checks make sure a deadline falls inside these readers' working day.",
            self,
        )
        about.setWordWrap(True)
        about.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.add_button = self._button("Add &person…", "peopleAdd", self.add)
        self.edit_button = self._button("E&dit…", "peopleEdit", self.edit_current)
        self.remove_button = self._button("Remo&ve", "peopleRemove", self.remove_current)
        self.list.currentRowChanged.connect(lambda _row: self._enable())

        self.work_hours = QLineEdit(config.work_hours, self)
        self.work_hours.setObjectName("workHours")
        self.work_hours.setPlaceholderText(team.DEFAULT_HOURS)
        self.work_hours.editingFinished.connect(lambda: self.problem())
        self.work_hours_message = message_label("workHoursMessage", self)
        self.short_notice = HoursBox(self)
        self.short_notice.setObjectName("shortNotice")
        self.short_notice.setRange(0, 1000)
        self.short_notice.setDecimals(1)
        self.short_notice.setSuffix(" working hours")
        self.short_notice.setValue(config.short_notice_hours)
        fields = QFormLayout()
        hours_column = QVBoxLayout()
        hours_column.addWidget(self.work_hours)
        hours_column.addWidget(self.work_hours_message)
        hours_label = QLabel("Default &hours:", self)
        hours_label.setBuddy(self.work_hours)
        notice_label = QLabel("Short &notice under:", self)
        notice_label.setBuddy(self.short_notice)
        fields.addRow(hours_label, hours_column)
        fields.addRow(notice_label, self.short_notice)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(about)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        row.addLayout(side)
        layout.addLayout(row, 1)
        layout.addLayout(fields)

        self.refresh()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(_TICK_MS)

    def _button(self, text: str, name: str, action: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(action)
        return button

    def _enable(self) -> None:
        selected = self.list.currentRow() >= 0
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)

    def refresh(self) -> None:
        """Show the people with their local time now (the current row stays current)."""
        row = self.list.currentRow()
        now = datetime.now(UTC)
        self.list.clear()
        error = theme.color(Severity.ERROR, self.palette())
        for entry in self.entries:
            text, tip = entry_label(entry, now)
            item = QListWidgetItem(text, self.list)
            item.setToolTip(tip)
            if entry.problem is not None:
                item.setForeground(error)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._enable()

    # -- editing ----------------------------------------------------------------------------

    def add(self) -> None:
        """Open an empty person form; the person is added when it is accepted."""
        self._open(None)

    def edit_current(self) -> None:
        """Open the current person in the form (a skipped one too: that is how it is fixed)."""
        row = self.list.currentRow()
        if row >= 0:
            self._open(row)

    def _open(self, row: int | None) -> None:
        values = {} if row is None else self.entries[row].values
        self._editing = row
        self.form = PersonForm(values, self.default_hours(), self)
        self.form.accepted.connect(self._accepted)
        self.form.finished.connect(self._closed)
        self.form.open()

    def _accepted(self) -> None:
        if self.form is None:
            return
        values = self.form.values()
        if self._editing is None:
            self.entries.append(PersonEntry(values))
            row = len(self.entries) - 1
        else:
            row = self._editing
            entry = self.entries[row]
            if values != entry.values or entry.problem is not None:
                self.entries[row] = PersonEntry(values, entry.source)
        self.changed = True
        self.refresh()
        self.list.setCurrentRow(row)

    def _closed(self) -> None:
        if self.form is not None:
            self.form.deleteLater()
        self.form = None
        self.list.setFocus()

    def remove_current(self) -> None:
        """Remove the current person; the next one becomes current, for quick removals."""
        row = self.list.currentRow()
        if row < 0:
            return
        del self.entries[row]
        self.changed = True
        self.refresh()
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    # -- the page's part in saving ----------------------------------------------------------

    def default_hours(self) -> str:
        """Return the team's working hours as typed (the default when the field is empty)."""
        return self.work_hours.text().strip() or team.DEFAULT_HOURS

    def problem(self) -> tuple[QWidget, str] | None:
        """Return the field that stops a save and why (shown under it), or None."""
        try:
            team.parse_hours(self.default_hours())
        except ValueError as exc:
            reason = f"Default hours: {exc}."
            say(self.work_hours_message, reason)
            return self.work_hours, reason
        say(self.work_hours_message, None)
        return None

    def apply(self, new: Settings) -> None:
        """Write the hours, the notice and (once edited) the people into ``new``."""
        new.work_hours = self.default_hours()
        new.short_notice_hours = self.short_notice.value()
        if self.changed:
            new.people_entries = copy.deepcopy(self.entries)
