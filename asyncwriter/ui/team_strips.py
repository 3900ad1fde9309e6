"""The picker's painted view of one day for the whole team: a strip per person.

People would rather see where working hours overlap than read it from a table, so every
strip covers the same day (midnight to midnight in the zone the writer picks in: 23 or
25 hours on a day the clocks change, the hour labels placed where the clock shows them),
with each person's working hours shaded, their night darker and a day off hatched; the
chosen moment is one vertical line across all of them. The segments come from the Qt-free
:mod:`asyncwriter.team_times`; this widget only paints them, in the palette's colours so a
dark window gets a dark strip. A click on a strip picks that moment (to the quarter hour).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from asyncwriter.checks import Severity
from asyncwriter.team_times import KINDS, Segment, day_span, hour_marks, strip
from asyncwriter.times import zones
from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import tzinfo

    from PySide6.QtGui import QMouseEvent, QPaintEvent

    from asyncwriter.team import Person

#: Sizes in pixels: the names' column, a strip's height and the gap between strips.
NAME_WIDTH = 150
STRIP_HEIGHT = 20
GAP = 6
#: The hour labels above the strips, and the legend below.
HEAD = 18
LEGEND = 22
#: What the legend calls each kind of time.
LEGEND_LABELS = {"work": "working hours", "free": "off hours", "night": "night",
                 "day_off": "weekend or holiday"}  # fmt: skip


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    """Return ``first`` moved ``amount`` (0 to 1) of the way to ``second``."""
    return QColor(
        round(first.red() + (second.red() - first.red()) * amount),
        round(first.green() + (second.green() - first.green()) * amount),
        round(first.blue() + (second.blue() - first.blue()) * amount),
    )


def kind_colors(palette: QPalette) -> dict[str, QColor]:
    """Return the fill of each kind of time, from the palette (light and dark alike).

    Night is always the darkest (towards black), working hours take the selection colour,
    off hours are the base tinted towards the text, a day off the warning colour.
    """
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return {
        "work": _mix(base, palette.color(QPalette.ColorRole.Highlight), 0.6),
        "free": _mix(base, text, 0.1),
        "night": _mix(base, QColor("#000000"), 0.45 if theme.is_dark(palette) else 0.3),
        "day_off": _mix(base, theme.color(Severity.WARNING, palette), 0.35),
    }


class TeamStrips(QWidget):
    """One strip per person over the same 24 hours, and the chosen moment as a line.

    Signals:
        momentPicked(datetime): the writer clicked a strip at this moment (UTC, aware).
    """

    momentPicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamStrips")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Working hours of each person over the chosen day")
        self.people: list[Person] = []
        #: Each person's segments, in the order of ``people``.
        self.rows: list[list[Segment]] = []
        #: The first moment shown (midnight in ``zone``), aware UTC.
        self.start = datetime(2000, 1, 1, tzinfo=UTC)
        self.zone: tzinfo = UTC
        self.moment = self.start
        #: The strips cover the local day from ``start``: 23 or 25 hours when the clocks change.
        self.span = timedelta(hours=24)
        #: The hour labels' places on the strips (local hour, fraction of the day).
        self.marks: list[tuple[int, float]] = []

    def show_day(self, people: Sequence[Person], start: datetime, zone: tzinfo,
                 moment: datetime) -> None:  # fmt: skip
        """Show ``people`` over the day from ``start`` (midnight in ``zone``), a line at ``moment``.

        The segments are worked out again only when the people or the day change.
        """
        key = (tuple(people), start, zone)
        if key != (tuple(self.people), self.start, self.zone):
            self.people = list(people)
            self.start = start
            self.span = day_span(start, zone)
            self.marks = hour_marks(start, zone)
            self.rows = [strip(p, start, self.span) for p in self.people]
        self.zone = zone
        self.moment = moment
        self.updateGeometry()
        self.update()

    def hours_label(self, *, short: bool = False) -> str:
        """Return "Hours in CET", or "Hours in CET/CEST" on the day the clocks change.

        ``short`` drops the offset a name is pinned with ("IST (UTC+5:30)" → "IST") for
        the narrow column, where the full name ran into the hour labels.
        """

        def name(moment: datetime) -> str:
            said = zones.display_zone(self.zone, moment.astimezone(self.zone))
            return said.split(" (", 1)[0] if short else said

        first = name(self.start)
        last = name(self.start + self.span - timedelta(minutes=1))
        return f"Hours in {first}" if first == last else f"Hours in {first}/{last}"

    def moment_fraction(self) -> float:
        """Return where the line is: the chosen moment as a fraction (0 to 1) of the day."""
        seconds = (self.moment - self.start).total_seconds()
        return min(1.0, max(0.0, seconds / self.span.total_seconds()))

    def sizeHint(self) -> QSize:
        """Room for every strip, the hour labels and the legend."""
        rows = max(1, len(self.people))
        return QSize(640, HEAD + rows * (STRIP_HEIGHT + GAP) + LEGEND)

    def minimumSizeHint(self) -> QSize:
        """As tall as the strips need; narrower is fine."""
        return QSize(NAME_WIDTH + 240, self.sizeHint().height())

    def _strip_rect(self, row: int) -> QRect:
        top = HEAD + row * (STRIP_HEIGHT + GAP)
        return QRect(NAME_WIDTH, top, max(1, self.width() - NAME_WIDTH - 8), STRIP_HEIGHT)

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the hour labels, each person's strip, the legend and the moment's line."""
        painter = QPainter(self)
        palette = self.palette()
        colors = kind_colors(palette)
        text = palette.color(QPalette.ColorRole.WindowText)
        width = max(1, self.width() - NAME_WIDTH - 8)
        painter.setPen(text)
        label = self.hours_label()
        if painter.fontMetrics().horizontalAdvance(label) > NAME_WIDTH - 8:
            label = self.hours_label(short=True)  # "Hours in IST": the zone box says which
        painter.drawText(QRect(0, 0, NAME_WIDTH - 8, HEAD - 2),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         label)  # fmt: skip
        for hour, fraction in self.marks:
            x = NAME_WIDTH + round(width * fraction)
            label = f"{hour:02d}"
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            painter.drawText(QRect(x - 15, 0, 30, HEAD - 2), align, label)
        for row, (person, segments) in enumerate(zip(self.people, self.rows, strict=True)):
            rect = self._strip_rect(row)
            painter.setPen(text)
            name = painter.fontMetrics().elidedText(
                f"{person.name} · {person.place}", Qt.TextElideMode.ElideRight, NAME_WIDTH - 8
            )
            align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(QRect(0, rect.top(), NAME_WIDTH - 8, rect.height()), align, name)
            for seg in segments:
                left = rect.left() + round(rect.width() * seg.start)
                right = rect.left() + round(rect.width() * seg.end)
                part = QRect(left, rect.top(), max(1, right - left), rect.height())
                painter.fillRect(part, colors[seg.kind])
                if seg.kind == "day_off":
                    painter.fillRect(part, QBrush(text, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(_mix(palette.color(QPalette.ColorRole.Base), text, 0.4), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        self._paint_legend(painter, colors, text)
        x = NAME_WIDTH + round(width * self.moment_fraction())
        bottom = HEAD + max(1, len(self.people)) * (STRIP_HEIGHT + GAP) - GAP
        painter.setPen(QPen(theme.color(Severity.ERROR, palette), 2))
        painter.drawLine(QPoint(x, HEAD - 4), QPoint(x, bottom + 2))
        painter.end()

    def _paint_legend(self, painter: QPainter, colors: dict[str, QColor], text: QColor) -> None:
        y = HEAD + max(1, len(self.people)) * (STRIP_HEIGHT + GAP) + 4
        x = NAME_WIDTH
        metrics = painter.fontMetrics()
        for kind in KINDS:
            swatch = QRect(x, y + 3, 12, 12)
            painter.fillRect(swatch, colors[kind])
            if kind == "day_off":
                painter.fillRect(swatch, QBrush(text, Qt.BrushStyle.BDiagPattern))
            painter.setPen(text)
            painter.drawRect(swatch.adjusted(0, 0, -1, -1))
            label = LEGEND_LABELS[kind]
            painter.drawText(x + 16, y + 3 + metrics.ascent(), label)
            x += 16 + metrics.horizontalAdvance(label) + 14

    def moment_at(self, x: int) -> datetime | None:
        """Return the moment at ``x`` (to the quarter hour), or None left of the strips."""
        if x < NAME_WIDTH:
            return None
        width = max(1, self.width() - NAME_WIDTH - 8)
        fraction = min(1.0, max(0.0, (x - NAME_WIDTH) / width))
        quarters = round(fraction * (self.span / timedelta(minutes=15)))
        return self.start + timedelta(minutes=15 * quarters)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Pick the moment under the pointer."""
        moment = self.moment_at(round(event.position().x()))
        if moment is not None and event.button() == Qt.MouseButton.LeftButton:
            self.momentPicked.emit(moment)
        else:
            super().mousePressEvent(event)
