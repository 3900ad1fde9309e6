"""``asyncwriter install-desktop`` and ``uninstall-desktop``: the menu entry, icons, metainfo.

The desktop file, the AppStream metainfo and the icons ship in the package
(``resources/desktop`` and ``resources/icons``). Installing copies them into the user's XDG
data folder, the places a Linux desktop looks for applications and their icons, with the
desktop file's ``Exec`` and ``TryExec`` rewritten to the absolute path of the launcher that
ran the command: a venv's ``bin`` is rarely on the desktop's PATH. Uninstalling removes
exactly the files installing writes (their list is fixed, see :func:`targets`); the caches
both refresh are the desktop's, not ours, so they stay.

No Qt here: it runs from the command line on any machine, a display or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from asyncwriter.paths import resource_dir, svg_icon

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    #: Draws an SVG as a PNG of a size: ``render(svg, size, png)``.
    Render = Callable[[Path, int, Path], None]

#: The desktop entry's id; ``QGuiApplication.setDesktopFileName`` names it (Wayland's app id).
DESKTOP_ID = "asyncwriter"
#: The icon's name in the icon theme; the desktop file's ``Icon=`` and ``paths.svg_icon`` say
#: the same.
ICON_NAME = "asyncwriter"
#: The AppStream component id (reverse DNS); the metainfo file is named after it.
APPSTREAM_ID = "io.github.asyncwriter.AsyncWriter"
#: The PNG sizes drawn from the SVG when installing (the repository keeps only the SVG).
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def desktop_file() -> Path:
    """Return the shipped desktop file (its ``Exec`` is the bare command)."""
    return resource_dir("desktop") / f"{DESKTOP_ID}.desktop"


def metainfo_file() -> Path:
    """Return the shipped AppStream metainfo file."""
    return resource_dir("desktop") / f"{APPSTREAM_ID}.metainfo.xml"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """Return ``$XDG_DATA_HOME``, or ``~/.local/share`` as the XDG spec says when unset."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    # The spec: a relative path is invalid and is to be ignored.
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


@dataclass(frozen=True, slots=True)
class Target:
    """One installed file: where it comes from and where it goes."""

    source: Path
    destination: Path
    #: Draw ``source`` (the SVG) as a PNG of this many pixels square instead of copying it.
    size: int | None = None


def targets(home: Path) -> list[Target]:
    """Return every file install writes under the data folder ``home`` (uninstall's list)."""
    hicolor = home / "icons" / "hicolor"
    found = [
        Target(desktop_file(), home / "applications" / f"{DESKTOP_ID}.desktop"),
        Target(metainfo_file(), home / "metainfo" / f"{APPSTREAM_ID}.metainfo.xml"),
        Target(svg_icon(), hicolor / "scalable" / "apps" / f"{ICON_NAME}.svg"),
    ]
    found += [
        Target(svg_icon(), hicolor / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png", size)
        for size in ICON_SIZES
    ]
    return found


def launcher_command() -> list[str]:
    """Return the command that starts this AsyncWriter, with absolute paths.

    The ``asyncwriter`` script that ran (``sys.argv[0]``), else the one pip put beside this
    interpreter, else this interpreter with ``-m asyncwriter`` (a checkout run with
    ``python -m``). Not resolved through symlinks: a venv's python is a symlink, and
    following it would leave the venv.
    """
    ran = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if ran is not None and ran.name == "asyncwriter" and ran.is_file():
        return [os.path.abspath(ran)]
    beside = Path(sysconfig.get_path("scripts")) / "asyncwriter"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [os.path.abspath(beside)]
    return [os.path.abspath(sys.executable), "-m", "asyncwriter"]


def quote_exec_argument(argument: str) -> str:
    r"""Quote one argument of a desktop file's ``Exec`` key, as the Desktop Entry spec says.

    Reserved characters need double quotes, inside which ``"``, `````, ``$`` and ``\``
    take a backslash; the key's value is then a string, so every backslash is doubled
    again, and a literal ``%`` is written ``%%``.
    """
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    argument = argument.replace("%", "%%")
    if not any(char in reserved for char in argument):
        return argument
    inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
    return '"' + inner.replace("\\", "\\\\") + '"'


def rewrite_exec(text: str, command: list[str]) -> str:
    """Return the desktop file with ``Exec`` running ``command`` and ``TryExec`` naming it.

    The field codes after the command (``%F``) stay.
    """
    quoted = " ".join(quote_exec_argument(part) for part in command)
    lines = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key == "Exec":
            rest = value.split(" ", 1)[1] if " " in value else ""
            line = f"Exec={quoted} {rest}".rstrip()
        elif sep and key == "TryExec":
            line = f"TryExec={quote_exec_argument(command[0])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _run(argv: list[str]) -> tuple[int, str]:
    """Run a cache tool; return its exit status and what it said (never raise)."""
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 1, str(exc)
    return done.returncode, (done.stderr or done.stdout).strip()


def refresh_caches(home: Path, say: Callable[[str], None]) -> None:
    """Refresh the desktop's caches where their tools exist; say what happened, never fail.

    ``update-desktop-database`` builds ``applications/mimeinfo.cache`` (which apps open
    Markdown). ``gtk-update-icon-cache`` is run only where the hicolor folder has an
    ``index.theme`` (a user folder seldom does; icon lookups there need no cache).
    """
    applications = home / "applications"
    tool = shutil.which("update-desktop-database")
    if tool is None:
        say("update-desktop-database not found: the desktop rereads the folder itself")
    else:
        status, output = _run([tool, "-q", str(applications)])
        if status == 0:
            say(f"refreshed {applications}/mimeinfo.cache")
        else:
            say(f"update-desktop-database failed ({output or status}); not needed to start")
    hicolor = home / "icons" / "hicolor"
    tool = shutil.which("gtk-update-icon-cache")
    if tool is None:
        say("gtk-update-icon-cache not found: icons are found without a cache")
    elif not (hicolor / "index.theme").is_file():
        say(f"no icon cache to refresh ({hicolor} has no index.theme)")
    else:
        status, output = _run([tool, "-q", "-f", "-t", str(hicolor)])
        if status == 0:
            say(f"refreshed {hicolor}/icon-theme.cache")
        else:
            say(f"gtk-update-icon-cache failed ({output or status}); icons still work")


def install(
    home: Path, say: Callable[[str], None], render: Render, command: list[str] | None = None
) -> None:
    """Copy the desktop file, metainfo and icons under ``home``; say each file written.

    ``render(svg, size, png)`` draws the icon's PNG sizes (Qt's SVG renderer, passed in by the
    command line: no Qt here).

    Raises:
        OSError: a folder or file could not be written (what was written stays: installing
            again, or uninstalling, sets it right).
    """
    command = command or launcher_command()
    for target in targets(home):
        target.destination.parent.mkdir(parents=True, exist_ok=True)
        if target.source == desktop_file():
            text = rewrite_exec(target.source.read_text(encoding="utf-8"), command)
            target.destination.write_text(text, encoding="utf-8")
        elif target.size is not None:
            render(target.source, target.size, target.destination)
        else:
            shutil.copyfile(target.source, target.destination)
        say(f"wrote {target.destination}")
    say(f"the menu entry runs: {' '.join(command)}")
    refresh_caches(home, say)


def uninstall(home: Path, say: Callable[[str], None]) -> int:
    """Remove the files :func:`install` writes under ``home``; return how many there were.

    Raises:
        OSError: a file could not be removed.
    """
    removed = 0
    for target in targets(home):
        try:
            target.destination.unlink()
        except FileNotFoundError:
            continue
        removed += 1
        say(f"removed {target.destination}")
    if removed:
        refresh_caches(home, say)
    return removed


def run_command(command: str, out: TextIO, err: TextIO, render: Render) -> int:
    """Run ``install-desktop`` or ``uninstall-desktop``; return the exit status.

    Everything it does is printed, one line each; a file it cannot write or remove is one
    error line and exit status 1.
    """
    home = data_home()

    def say(line: str) -> None:
        print(line, file=out)

    try:
        if command == "install-desktop":
            install(home, say, render)
            say("AsyncWriter is in the application menu (a desktop may need a new login to see it)")
        elif uninstall(home, say) == 0:
            say(f"nothing to remove: AsyncWriter's desktop files are not in {home}")
    except OSError as exc:
        from asyncwriter.os_errors import describe

        where = f"{exc.filename}: " if exc.filename else ""
        print(f"asyncwriter: error: {command}: {where}{describe(exc)}", file=err)
        return 1
    return 0
