"""What grammar checking made of one lint, and how it says it could not check.

These records sit on the report (``report.grammar``), so this module imports nothing from
the rest of the engine: the report can name them without loading the checker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.paragraphs import Paragraph


class GrammarError(Exception):
    """LanguageTool could not check the draft; the message says why, for the writer.

    Attributes:
        action: what would fix it: ``"download"`` (LanguageTool is not installed yet),
            ``"java"`` (no usable Java), ``"consent"`` (public service not agreed to),
            ``"settings"`` (a setting is wrong), or None (try again later).
        retry: whether trying again later may help.
    """

    def __init__(self, message: str, *, action: str | None = None, retry: bool = True) -> None:
        super().__init__(message)
        self.action = action
        self.retry = retry


@dataclass(slots=True)
class GrammarOutcome:
    """What grammar checking made of one lint: the paragraphs, and which still need asking."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    pending: list[Paragraph] = field(default_factory=list)
    #: Why nothing could be checked (set by the command line, which asks right away).
    error: GrammarError | None = None
    #: True when the draft is longer than
    #: :data:`~asyncwriter.checks.grammar.paragraphs.MAX_CHECKED_CHARS` and only its start
    #: is checked.
    truncated: bool = False
