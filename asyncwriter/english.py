"""Small pieces of English the messages AsyncWriter writes share."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence


def series(items: Sequence[str], conjunction: str = "and") -> str:
    """Return "a", "a and b" or "a, b and c" (no serial comma, as the app writes elsewhere)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
