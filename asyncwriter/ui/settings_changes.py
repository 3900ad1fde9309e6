"""One-click changes to the settings file from the window (turn a rule off, add a word).

Each change is a function of a :class:`~asyncwriter.settings.Settings` that edits it; the
window applies it to a copy, saves the copy in place (comments and unknown keys survive)
and uses what is re-read from the file. A settings file with problems is never rewritten
behind the writer's back: the window then applies the change for this session only.
"""

from __future__ import annotations

import copy
import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from asyncwriter import settings
from asyncwriter.settings import SettingsWriteError

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from asyncwriter.settings import Settings, SettingsProblem


def save_change(
    config: Settings, change: Callable[[Settings], None], parent: QWidget
) -> Settings | None:
    """Save ``config`` with ``change`` made; return the settings re-read, or None (warned)."""
    new = copy.deepcopy(config)
    change(new)
    try:
        settings.save(new)
    except SettingsWriteError as exc:
        QMessageBox.warning(parent, "Settings not saved", str(exc))
        return None
    return settings.load(new.path)


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
        f"{more}<br>The file is left as it is: fix it, or save from Edit › Settings…."
    )
