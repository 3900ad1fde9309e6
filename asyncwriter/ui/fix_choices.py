"""The fixes a finding offers where the text is: the editor's context menu and hover card.

Both places show the same choices in the same order as the findings panel: the rule's
fixes first, "Add link…" for a finding that asks for a link, then "Ignore here". What a
choice does is the window's business (:mod:`asyncwriter.ui.editor_fixes`); this module
only says what there is to choose, so the menu and the card cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from asyncwriter.ui.finding_card import MAX_FIXES, asks_for_link, fix_label

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QMenu

    from asyncwriter.checks.model import Finding

#: A heading shown above one finding's choices when several meet at the spot.
HEADING_LENGTH = 60


class ChoiceKind(Enum):
    """What choosing does."""

    FIX = "fix"  # put the suggestion in the text
    LINK = "link"  # ask for a URL and write a link
    IGNORE = "ignore"  # hide this finding for this draft


@dataclass(frozen=True, slots=True)
class FixChoice:
    """One thing the writer can do about a finding, with the text that offers it."""

    finding: Finding
    kind: ChoiceKind
    label: str
    suggestion: str = ""


def choices_for(finding: Finding) -> list[FixChoice]:
    """Return a finding's choices: its fixes, "Add link…" where it asks for one, "Ignore here"."""
    choices = [
        FixChoice(finding, ChoiceKind.FIX, fix_label(finding, s), s)
        for s in finding.suggestions[:MAX_FIXES]
    ]
    if asks_for_link(finding):
        choices.append(FixChoice(finding, ChoiceKind.LINK, "Add link…"))
    choices.append(FixChoice(finding, ChoiceKind.IGNORE, "Ignore here"))
    return choices


def heading(finding: Finding) -> str:
    """Return a finding's message cut to a menu heading."""
    shown = " ".join(finding.message.split())
    if len(shown) > HEADING_LENGTH:
        shown = shown[: HEADING_LENGTH - 1].rstrip() + "…"
    return shown


def add_to_menu(
    menu: QMenu, findings: Sequence[Finding], chosen: Callable[[FixChoice], None]
) -> list[QAction]:
    """Put the findings' choices at the top of ``menu``, above what it already holds.

    One finding's choices come first as they are; with several findings at the spot, each
    one's choices follow a disabled heading with its message. Returns the added actions.
    """
    existing = menu.actions()
    before = existing[0] if existing else None
    added: list[QAction] = []
    for finding in findings:
        if len(findings) > 1:
            title = QAction(heading(finding), menu)
            title.setEnabled(False)
            added.append(title)
        for choice in choices_for(finding):
            action = QAction(choice.label, menu)
            action.setToolTip(finding.message)
            action.triggered.connect(lambda _checked=False, c=choice: chosen(c))
            added.append(action)
        separator = QAction(menu)
        separator.setSeparator(True)
        added.append(separator)
    if added and before is None:
        added.pop()  # nothing below to separate from
    menu.insertActions(before, added)  # type: ignore[arg-type]  # None appends
    return added
