"""Whether this desktop has an app for a kind of file or link, as xdg-mime says.

Qt's ``QDesktopServices.openUrl`` hands a file or link to ``xdg-open`` and returns True as
soon as that starts, also when ``xdg-open`` then finds no app and gives up ("no method
available"). Open in Mail App then said "Opened the draft in your mail app" when nothing
opened. Asking ``xdg-mime`` first, which reads the same associations, tells the window to
fall back (to a ``mailto:`` link, then to the clipboard) before it claims anything.
Elsewhere (macOS, Windows, no ``xdg-mime``) the answer is "cannot say" and the window
trusts ``openUrl``, which on those systems does report failure.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

#: An .eml mail draft, and mailto: links.
MAIL_DRAFT, MAIL_LINK = "message/rfc822", "x-scheme-handler/mailto"
#: xdg-mime is a shell script that answers in a few hundredths of a second.
TIMEOUT_S = 5.0


def has_handler(kind: str) -> bool | None:
    """Return whether an app is set up for ``kind`` (a MIME type or ``x-scheme-handler/…``).

    None when this system cannot say: not a freedesktop.org desktop, no ``xdg-mime``, or it
    failed. Runs a process: call it off the UI thread.
    """
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    tool = shutil.which("xdg-mime")
    if tool is None:
        return None
    try:
        done = subprocess.run(
            [tool, "query", "default", kind],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return bool(done.stdout.strip())
