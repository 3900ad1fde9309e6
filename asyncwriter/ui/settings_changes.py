"""The settings in effect for the window, one-click changes to them, and what they imply.

Each change is a function of a :class:`~asyncwriter.settings.Settings` that edits it:
:class:`LiveSettings` applies it to a copy, saves the copy in place (comments and unknown
keys survive) and uses what is re-read from the file. A settings file with problems is
never rewritten behind the writer's back: the change then holds for this session only.
"""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from asyncwriter import settings, templates
from asyncwriter.checks import RULE_KEYS
from asyncwriter.settings import SettingsWriteError
from asyncwriter.times import zones

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import tzinfo

    from PySide6.QtWidgets import QWidget

    from asyncwriter.settings import Settings, SettingsProblem
    from asyncwriter.templates import Catalog


class LiveSettings(QObject):
    """Holds the settings the window uses; says when others take their place.

    Signals:
        changed(new, old): ``config`` is now ``new`` (from the dialog or a one-click change).
    """

    changed = Signal(object, object)

    def __init__(self, config: Settings, parent: QWidget, say: Callable[[str, int], None]) -> None:
        super().__init__(parent)
        self.config = config
        self._parent, self._say = parent, say

    def use(self, new: Settings) -> None:
        """Make ``new`` the settings in effect."""
        old, self.config = self.config, new
        self.changed.emit(new, old)

    def change(self, change: Callable[[Settings], None], done: str) -> bool:
        """Make ``change`` and save it; say ``done`` (or why it holds for this session only)."""
        if self.config.problems:
            change(self.config)
            self.use(self.config)
            self._say(f"{done} For this session only: the settings file has problems, so it "
                      "is not saved (fix them in Edit › Settings…).", 15_000)  # fmt: skip
            return False
        new = copy.deepcopy(self.config)
        change(new)
        try:
            settings.save(new)
        except SettingsWriteError as exc:
            QMessageBox.warning(self._parent, "Settings not saved", str(exc))
            return False
        self.use(settings.load(new.path))
        self._say(done, 10_000)
        return True


def rule_off(rule: str) -> Callable[[Settings], None]:
    """Return the change that turns ``rule`` off."""
    return lambda s: s.rules.__setitem__(rule, None)


def word_added(word: str) -> Callable[[Settings], None]:
    """Return the change that adds ``word`` to the grammar dictionary (once)."""

    def add(s: Settings) -> None:
        if word not in s.languagetool.words:
            s.languagetool.words.append(word)

    return add


def grammar_off(s: Settings) -> None:
    """Turn grammar checks off."""
    s.languagetool.mode = "off"


def problems_notice(problems: list[SettingsProblem]) -> str | None:
    """Return the window's notice about settings that could not be used (None: no problems)."""
    if not problems:
        return None
    listed = "<br>".join(html.escape(str(p)) for p in problems[:4])
    more = f"<br>… and {len(problems) - 4} more" if len(problems) > 4 else ""
    return (
        f"<b>Some settings could not be used</b>, so their defaults apply:<br>{listed}"
        f"{more}<br>The file is left as it is: fix it, or save from Edit › Settings."
    )


def zone_of(config: Settings) -> tzinfo:
    """Return the writer's zone: the one in settings, else the system's."""
    if config.zone:
        try:
            return zones.get_zone(config.zone)
        except ValueError:
            pass  # reported when the settings were read
    return zones.local_zone()


def template_catalog(config: Settings) -> Catalog:
    """Load the templates ``config`` names and make them the ones lints resolve.

    Rule ids in a template's ``[rules]`` are checked against the registry, so a typo is
    reported in the picker. A lint that finds its template by the draft's marker then uses
    this catalog, the one the window shows, rather than loading its own.
    """
    catalog = templates.default_catalog(config, rule_keys=RULE_KEYS)
    templates.use_catalog(catalog)
    return catalog
