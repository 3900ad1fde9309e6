"""Task list items (``- [ ] open``, ``- [x] done``) shown as ballot boxes: ☐ and ☑.

CommonMark has no task lists, so ``[ ]`` reaches the renderers as text, and Slack showed
it as a literal "• [ ] …". Where a destination asks for boxes, an item whose text starts
with ``[ ]``, ``[x]`` or ``[X]`` (then a space or nothing) takes the box instead; the
renderers find that text node with :func:`task_box` and write the box and the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

OPEN, DONE = "\u2610", "\u2611"  # ☐ BALLOT BOX, ☑ BALLOT BOX WITH CHECK
_TASK = re.compile(r"\[([ xX])\](?: +|$)")


@dataclass(frozen=True, slots=True)
class TaskBox:
    """A list item's leading box.

    Attributes:
        node: the text node that starts with the box.
        box: ☐ or ☑.
        rest: that text node's content after the box and its spaces.
    """

    node: SyntaxTreeNode
    box: str
    rest: str


def task_box(item: SyntaxTreeNode) -> TaskBox | None:
    """Return the box a ``list_item`` starts with, or None when it is not a task item."""
    if item.type != "list_item" or not item.children:
        return None
    paragraph = item.children[0]
    if paragraph.type != "paragraph" or not paragraph.children:
        return None
    inline = paragraph.children[0]
    if not inline.children or inline.children[0].type != "text":
        return None
    first = inline.children[0]
    found = _TASK.match(first.content)
    if found is None:
        return None
    box = OPEN if found.group(1) == " " else DONE
    return TaskBox(first, box, first.content[found.end() :])
