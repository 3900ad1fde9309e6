"""AsyncWriter: write async work messages a colleague in another time zone can act on."""

from __future__ import annotations

__version__ = "0.1.0"
