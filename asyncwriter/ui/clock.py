"""The window's "now": one place the lint, the deadline picker and the copy note read it.

Team-time checks and the picker depend on the moment ("17:00 UTC on Thursday" is in the
future only until Thursday), so tests replace :func:`now` with a fixed moment instead of
waiting for a date; everything in the window that asks for the time asks here.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """Return the current moment, aware, in UTC."""
    return datetime.now(UTC)
