"""The time zone field: every IANA zone, found by typing any part of its name.

Used by the Time page for the writer's own zone and for adding team zones; the names are read
once from this machine's zone database (files such as ``posixrules`` left out).
"""

from __future__ import annotations

import functools
from datetime import datetime
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QWidget,
)

from asyncwriter.times import zones

#: Names in the zone database that are files, not zones anyone lives in.
_NOT_ZONES = frozenset({"localtime", "posixrules", "Factory"})


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
