"""The sections a template requires, and how a heading names one.

Templates declare sections and the structure check looks for them, so the record sits
below both: a template file can be read without loading the checks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: What a section can be required to hold besides some text.
NEEDS = ("time", "link")

_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Section:
    """A section a template requires: its name, other names it goes by, and what it needs.

    Attributes:
        name: the heading the template uses ("Root cause").
        aliases: other headings that count ("Cause").
        needs: ``"time"`` (a date or time, with a time zone when it has a clock time),
            ``"link"``, or None for any text.
    """

    name: str
    aliases: tuple[str, ...] = ()
    needs: str | None = None

    def matches(self, heading: str) -> bool:
        """Return True when ``heading`` names this section.

        Case, punctuation, emoji and numbering are ignored, and a heading that starts with
        the name counts ("Options considered" is the "Options" section).
        """
        words = normalise(heading)
        return any(
            words[: len(name)] == name
            for name in (normalise(n) for n in (self.name, *self.aliases))
            if name
        )


def normalise(heading: str) -> list[str]:
    """Return the words of a heading, lower-cased, without numbering or emoji."""
    text = unicodedata.normalize("NFKC", heading).casefold().replace("\u2019", "'")
    words = _WORDS.findall(text)
    while words and words[0].isdigit():
        words.pop(0)
    return words
