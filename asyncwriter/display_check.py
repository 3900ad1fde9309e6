"""Is there a display to open the window on? Asked before Qt is imported.

Without one, Qt's platform plugin aborts the process (exit 134, a core dump) after a
message about plugins and libraries that points the wrong way. The command checks first and
says, in one line, what to use instead.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

NO_DISPLAY = (
    "no display found: asyncwriter opens a window; on a machine without one, "
    "use asyncwriter lint or export"
)


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Return whether Qt can open a window here, judged from the environment alone.

    Only X11/Wayland systems are judged: macOS and Windows always have their own. A
    ``QT_QPA_PLATFORM`` list (``wayland;xcb``) is fine when any one of them can start; an
    unknown platform name is given the benefit of the doubt.
    """
    if platform.startswith(("darwin", "win", "cygwin")):
        return True
    x11 = bool(environ.get("DISPLAY"))
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    chosen = [
        name.split(":", 1)[0].strip()
        for name in environ.get("QT_QPA_PLATFORM", "").split(";")
        if name.strip()
    ]
    if not chosen:
        return x11 or wayland
    for name in chosen:
        if name == "xcb":
            if x11:
                return True
        elif name.startswith("wayland"):
            if wayland:
                return True
        else:
            return True  # headless, or a platform this check does not know
    return False
