"""Who a draft is written to: the team's people it mentions, else the whole team.

The team-time rules judge a deadline for its readers, not for everyone configured: "Aiko,
please approve" asks Aiko, and Sam's weekend does not matter to it. A person is mentioned by
``@handle`` anywhere, or by name where an address starts ("Aiko, please …", "Hi Aiko and
Sam,"). With no one mentioned, the message is for the whole team.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.team import Person

#: Where an address starts: the text's or a line's start, or after a sentence's end.
_ADDRESS_START = r"(?:^|(?<=[\n.!?])\s*|^\s*)(?:(?:hi|hey|hello|dear)\s+)?"


def readers(text: str, people: Sequence[Person]) -> tuple[Person, ...]:
    """Return the people ``text`` is addressed to, in the team's order; all when none is."""
    if not people:
        return ()
    mentioned = tuple(p for p in people if _mentions(text, p))
    return mentioned or tuple(people)


def _mentions(text: str, person: Person) -> bool:
    handle = re.compile(rf"(?<![\w@.])@{re.escape(person.handle)}(?![\w-])", re.IGNORECASE)
    if handle.search(text):
        return True
    name = re.escape(person.name)
    # "Aiko, please", "Aiko and Sam, can you", "Hi Aiko —": the name heads the address.
    others = r"(?:\s*(?:,|and|&)\s*[A-Z][\w'-]*)*"
    address = re.compile(
        rf"{_ADDRESS_START}(?:[A-Z][\w'-]*\s*(?:,|and|&)\s*)*{name}\b{others}\s*[,:—–-]",
        re.MULTILINE | re.IGNORECASE,
    )
    return address.search(text) is not None
