"""Window state that survives a restart: geometry, splitter, zoom, last template and format.

Stored as JSON in the config dir (``window-state.json``). A missing, unreadable or corrupt
file means the defaults; it is state the app wrote itself, so it is replaced on the next
save.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from asyncwriter import paths, regular_files

if TYPE_CHECKING:
    from pathlib import Path

logger = logging.getLogger(__name__)

#: The window state is a few hundred bytes; a bigger file (or a device) is not read.
MAX_STATE_BYTES = 1 << 20


@dataclass(slots=True)
class WindowState:
    """What the window remembers between runs."""

    geometry: str = ""  # base64 of QWidget.saveGeometry()
    splitter: list[int] = field(default_factory=list)
    zoom: int = 0
    last_template: str | None = None
    #: The export format last copied; a blank draft copies in it by default.
    last_format: str | None = None
    sidebar_hidden: bool = False
    started_before: bool = False
    #: The writer agreed that drafts may be sent to the public LanguageTool service. Kept
    #: here, per machine, not in settings.toml: a shared settings file cannot agree for you.
    public_consent: bool = False
    #: Grammar offers the writer said "Not Now" to (asked again only if grammar settings change).
    grammar_not_now: list[str] = field(default_factory=list)


def state_file() -> Path:
    """Return where the window state lives."""
    return paths.config_dir() / "window-state.json"


def load(path: Path | None = None) -> WindowState:
    """Read the window state, or the defaults when it is missing or broken."""
    path = path or state_file()
    try:
        raw = json.loads(regular_files.read_bytes(path, MAX_STATE_BYTES).decode("utf-8"))
    except FileNotFoundError:
        return WindowState()
    except (OSError, ValueError, RecursionError) as exc:
        logger.warning("ignoring window state %s: %s", path, exc)
        return WindowState()
    state = WindowState()
    if not isinstance(raw, dict):
        return state
    if isinstance(raw.get("geometry"), str):
        state.geometry = raw["geometry"]
    splitter = raw.get("splitter")
    if isinstance(splitter, list) and all(isinstance(n, int) and n >= 0 for n in splitter):
        state.splitter = splitter
    if isinstance(raw.get("zoom"), int):
        state.zoom = raw["zoom"]
    if isinstance(raw.get("last_template"), str):
        state.last_template = raw["last_template"]
    if isinstance(raw.get("last_format"), str):
        state.last_format = raw["last_format"]
    state.sidebar_hidden = raw.get("sidebar_hidden") is True
    state.started_before = raw.get("started_before") is True
    state.public_consent = raw.get("public_consent") is True
    not_now = raw.get("grammar_not_now")
    if isinstance(not_now, list):
        state.grammar_not_now = [s for s in not_now if isinstance(s, str)]
    return state


def save(state: WindowState, path: Path | None = None) -> None:
    """Write the window state atomically (a crash mid-write keeps the old file)."""
    path = path or state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(state), indent=2), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        logger.warning("could not save window state to %s: %s", path, exc)
