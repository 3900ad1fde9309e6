"""Edit › Insert Deadline…: pick a moment while seeing it as every reader will, then write it.

A deadline is fair when it lands inside its readers' working day, and the writer sees that
best before writing it: the dialog shows the chosen moment on a 24-hour strip per person
(:class:`~asyncwriter.ui.team_strips.TeamStrips`) and as each one's local time, and writes
it as a person would, in the zone chosen with UTC beside it ("Thu 3 Dec, 17:00 CET (16:00
UTC)"), at the cursor in one undo step. Switching the zone keeps the moment and changes how
it is written. Two helpers move the moment: the next time inside all readers' hours, and
the end of their working day (:mod:`asyncwriter.team_times` says how). With no people in
settings, the writer's zone and ``team_zones`` stand in, working the default hours.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asyncwriter import team_times
from asyncwriter.checks.readers import readers
from asyncwriter.english import series
from asyncwriter.times import wording, zones
from asyncwriter.ui import clock
from asyncwriter.ui.date_time_fields import TypedDateEdit, TypedTimeEdit
from asyncwriter.ui.team_strips import TeamStrips

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from PySide6.QtWidgets import QPlainTextEdit

    from asyncwriter.settings import Settings
    from asyncwriter.team import Person

#: Said when no people are configured.
NO_PEOPLE_HINT = (
    "No people in settings yet: showing your zone and the team's zones, working {hours}. "
    "Add your readers in Edit › Settings… › Time › Add person… to see their own hours, days "
    "off and public holidays."
)


def zone_choices(tz: tzinfo, team_zones: Sequence[str],
                 people: Sequence[Person]) -> list[tuple[str, tzinfo]]:  # fmt: skip
    """Return the zones a deadline can be written in: yours, UTC, the team's, the people's.

    Each zone once, labelled by place ("Tokyo (Aiko)"); names that are not zones are left out
    (settings already said so).
    """
    found: list[tuple[str, tzinfo]] = [(f"Your zone: {_place(tz)}", tz), ("UTC", UTC)]
    for name in team_zones:
        try:
            zone = zones.get_zone(name)
        except ValueError:
            continue
        found.append((_place(zone), zone))
    for person in people:
        found.append((f"{person.place} ({person.name})", person.zone))
    choices: list[tuple[str, tzinfo]] = []
    seen: set[str] = set()
    for label, zone in found:
        key = zones.zone_key(zone)
        if key not in seen:
            seen.add(key)
            choices.append((label, zone))
    return choices


def _place(tz: tzinfo) -> str:
    return zones.zone_key(tz).rsplit("/", 1)[-1].replace("_", " ")


class DeadlinePicker(QDialog):
    """Date, time and zone, the team's strips and table, the helpers, and Insert.

    ``moment`` is the chosen moment (aware, UTC); ``deadline_text()`` is what Insert writes.
    ``people`` are who the strips and table show; ``readers`` (the draft's, see
    :mod:`asyncwriter.checks.readers`) are who the helpers make the moment fair for.
    """

    def __init__(self, config: Settings, tz: tzinfo, draft_text: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("deadlinePicker")
        self.setWindowTitle("Insert Deadline")
        self.now = clock.now()
        self.stand_in = not config.people
        if config.people:
            self.people = list(config.people)
            self.readers = list(readers(draft_text, config.people))
        else:
            places = [("You", tz)] + [(label, zone) for label, zone in
                                      zone_choices(tz, config.team_zones, [])[1:]]  # fmt: skip
            self.people = team_times.stand_ins(places, config.work_hours)
            self.readers = list(self.people)
        self.zones = zone_choices(tz, config.team_zones, config.people)
        self.zone_box = QComboBox(self)
        self.zone_box.setObjectName("deadlineZone")
        self.zone_box.addItems([label for label, _zone in self.zones])
        self.date_edit = TypedDateEdit(self)
        self.date_edit.today = lambda: self.now.astimezone(self.zone).date()
        self.date_edit.setObjectName("deadlineDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = TypedTimeEdit(self)
        self.time_edit.setObjectName("deadlineTime")
        self.time_edit.setDisplayFormat("HH:mm")
        self.strips = TeamStrips(self)
        self.strips.momentPicked.connect(self._strip_picked)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("deadlineTable")
        self.table.setHorizontalHeaderLabels(["Person", "Their time", "Hours", "Status"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read-only: Tab skips it
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.next_button = QPushButton("&Next Time Inside Everyone's Hours", self)
        self.next_button.setObjectName("deadlineNext")
        self.next_button.clicked.connect(self.next_inside_hours)
        self.end_button = QPushButton("&End of Their Day", self)
        self.end_button.setObjectName("deadlineEndOfDay")
        self.end_button.clicked.connect(self.end_of_their_day)
        self.for_box = QComboBox(self)
        self.for_box.setObjectName("deadlineFor")
        everyone = len(self.readers) == len(self.people)
        first = "All readers" if everyone else f"Readers: {self._who(self.readers)}"
        self.for_box.addItems([first, *[p.name for p in self.readers]])
        self.for_box.setToolTip("Whose day the helpers make the deadline fair for")
        self.helper_note = QLabel(self)
        self.helper_note.setObjectName("deadlineHelperNote")
        self.helper_note.setWordWrap(True)
        self.helper_note.setTextFormat(Qt.TextFormat.PlainText)  # names come from settings
        self.preview = QLabel(self)
        self.preview.setObjectName("deadlinePreview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        accept = QDialogButtonBox.ButtonRole.AcceptRole
        self.insert_button = self.buttons.addButton("&Insert", accept)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.insert_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build_layout(config)
        self.moment = self._initial_moment(tz)
        self._zone_index = 0
        self._show_fields()
        self.date_edit.dateChanged.connect(self._fields_changed)
        self.time_edit.timeChanged.connect(self._fields_changed)
        self.zone_box.currentIndexChanged.connect(self._zone_changed)
        self._refresh()
        self.date_edit.setFocus()

    def _build_layout(self, config: Settings) -> None:
        form = QFormLayout()
        when = QHBoxLayout()
        when.addWidget(self.date_edit)
        when.addWidget(self.time_edit)
        when.addWidget(QLabel("in", self))
        when.addWidget(self.zone_box, 1)
        label = QLabel("&When:", self)
        label.setBuddy(self.date_edit)
        form.addRow(label, when)
        helpers = QHBoxLayout()
        helpers.addWidget(self.next_button)
        helpers.addWidget(self.end_button)
        for_label = QLabel("&for", self)
        for_label.setBuddy(self.for_box)
        helpers.addWidget(for_label)
        helpers.addWidget(self.for_box)
        helpers.addStretch(1)
        layout = QVBoxLayout(self)
        if self.stand_in:
            hint = QLabel(NO_PEOPLE_HINT.format(hours=config.work_hours), self)
            hint.setObjectName("deadlineNoPeople")
            hint.setWordWrap(True)
            hint.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.strips)
        layout.addWidget(self.table)
        layout.addLayout(helpers)
        layout.addWidget(self.helper_note)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.date_edit, self.time_edit)
        self.setTabOrder(self.time_edit, self.zone_box)
        self.setTabOrder(self.zone_box, self.next_button)
        self.setTabOrder(self.next_button, self.end_button)
        self.setTabOrder(self.end_button, self.for_box)
        self.setTabOrder(self.for_box, self.insert_button)
        self.resize(820, self.sizeHint().height())

    # -- the moment ------------------------------------------------------------------------

    @property
    def zone(self) -> tzinfo:
        """The zone the deadline is written in."""
        return self.zones[self.zone_box.currentIndex()][1]

    def _initial_moment(self, tz: tzinfo) -> datetime:
        """Tomorrow at 17:00 in the writer's zone: a common deadline, always ahead."""
        tomorrow = self.now.astimezone(tz).date() + timedelta(days=1)
        return datetime.combine(tomorrow, time(17, 0), tzinfo=tz).astimezone(UTC)

    def set_moment(self, moment: datetime) -> None:
        """Choose ``moment`` (aware): the fields, strips, table and preview follow."""
        self.moment = moment.astimezone(UTC)
        self._show_fields()
        self._refresh()

    def _strip_picked(self, moment: datetime) -> None:
        """Take the moment clicked on a strip; a helper's note no longer applies to it."""
        self.helper_note.clear()
        self.set_moment(moment)

    def _show_fields(self) -> None:
        local = self.moment.astimezone(self.zone)
        for edit in (self.date_edit, self.time_edit):
            edit.blockSignals(True)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        for edit in (self.date_edit, self.time_edit):
            edit.blockSignals(False)

    def _fields_changed(self) -> None:
        day, clock_time = self.date_edit.date(), self.time_edit.time()
        local = datetime(day.year(), day.month(), day.day(), clock_time.hour(),
                         clock_time.minute(), tzinfo=self.zone)  # fmt: skip
        self.moment = local.astimezone(UTC)
        self.helper_note.clear()
        self._refresh()

    def _zone_changed(self, _index: int) -> None:
        """Keep the moment; show it, and write it, in the zone now chosen."""
        self._show_fields()
        self._refresh()

    def deadline_text(self) -> str:
        """Return the deadline as Insert writes it: "Thu 3 Dec, 17:00 CET (16:00 UTC)"."""
        return wording.for_readers(self.moment, self.zone, self.now)

    def _refresh(self) -> None:
        start = team_times.day_start(self.moment, self.zone)
        self.strips.show_day(self.people, start, self.zone, self.moment)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            cells = (
                f"{person.name} ({person.place})" if person.place != person.name else person.name,
                team_times.local_time(person, self.moment),
                str(person.hours),
                team_times.status(person, self.moment),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._fit_table()
        written = self.deadline_text()
        past = " (that is in the past)" if self.moment <= self.now else ""
        self.preview.setText(f"Inserts: <b>{html.escape(written)}</b>{past}")

    def _fit_table(self) -> None:
        """Make the table as tall as its rows (up to eight), so the dialog has no blank."""
        shown = min(8, self.table.rowCount())
        rows = sum(self.table.rowHeight(r) for r in range(shown))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + frame)

    # -- helpers ---------------------------------------------------------------------------

    def _helped(self) -> list[Person]:
        """Return who the helpers are for: all readers, or the one chosen under "for"."""
        index = self.for_box.currentIndex()
        return list(self.readers) if index <= 0 else [self.readers[index - 1]]

    def _who(self, people: Sequence[Person]) -> str:
        return series([p.name for p in people])

    def next_inside_hours(self) -> None:
        """Move to the first moment from the chosen one that is inside the readers' hours."""
        people = self._helped()
        found = team_times.next_inside_everyone(people, self.moment, self.now)
        if found is None:
            self.helper_note.setText(
                f"The working hours of {self._who(people)} do not meet in the next two "
                "weeks; pick a reader under “for”, or split the ask."
            )
            return
        self.set_moment(found)
        self.helper_note.setText(f"The next time inside the hours of {self._who(people)}.")

    def end_of_their_day(self) -> None:
        """Move to the end of the working day the readers share (see team_times)."""
        people = self._helped()
        found = team_times.end_of_their_day(people, max(self.moment, self.now))
        if found is None:
            self.helper_note.setText(f"{self._who(people)} has no working day in two weeks.")
            return
        self.set_moment(found)
        if len(people) == 1:
            self.helper_note.setText(f"The end of {people[0].name}'s working day.")
        elif all(p.deadline_inside(found) for p in people):
            self.helper_note.setText(f"The end of the working day {self._who(people)} share.")
        else:
            self.helper_note.setText(
                "Their working hours never meet, so this is the end of the latest day: "
                "everyone has had a whole working day by then."
            )


#: What a deadline may follow or precede directly: the gap itself, or an opening bracket or
#: quote before it and a closing one or a full stop after it.
_OPENS, _CLOSES = frozenset(" \t\n\u2029([{\"'“‘"), frozenset(" \t\n\u2029)]}\"'”’.,;:!?")


def insert_at_cursor(editor: QPlainTextEdit, text: str) -> None:
    """Write ``text`` at the cursor (over a selection), as one undo step.

    As a person types it: a space is put between the deadline and a word or full stop
    right before it ("reply by then." + Insert gave "then.Wed 2 Dec"), and after it when
    a word follows at once.
    """
    cursor = editor.textCursor()
    document = editor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    before = document.characterAt(start - 1) if start > 0 else " "
    after = document.characterAt(end) if end < document.characterCount() - 1 else " "
    text = ("" if before in _OPENS else " ") + text + ("" if after in _CLOSES else " ")
    cursor.beginEditBlock()
    cursor.insertText(text)
    cursor.endEditBlock()
    editor.setTextCursor(cursor)


def open_picker(config: Settings, tz: tzinfo, editor: QPlainTextEdit,
                parent: QWidget | None = None) -> DeadlinePicker:  # fmt: skip
    """Open the picker (not blocking); on Insert, the deadline goes in at the cursor."""
    picker = DeadlinePicker(config, tz, editor.toPlainText(), parent)
    picker.accepted.connect(lambda: insert_at_cursor(editor, picker.deadline_text()))
    picker.accepted.connect(lambda: editor.setFocus())
    picker.finished.connect(picker.deleteLater)
    picker.open()
    return picker
