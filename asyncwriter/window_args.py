"""``asyncwriter [--new-window] [FILE ...]``: what the command line asks of the window.

The command's first word is either a subcommand (``lint``, ``export`` …) or, for the window,
a file to open: the desktop entry runs ``asyncwriter %F``. A word that is neither a command
nor looks like a file (no dot, no slash, nothing by that name) is left to the command
parser, so a mistyped command (``asyncwriter lnt x.md``) is a usage error, not a window.

The files are read here, before any window: each one must import as a draft (as File ›
Import would), and one that cannot is reported in one line while the others open.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: Options that belong to the command parser even without a command.
_PARSER_OPTIONS = frozenset({"-h", "--help", "--version"})


@dataclass(frozen=True, slots=True)
class WindowRequest:
    """The window's part of the command line, the files resolved and checked.

    ``files`` are absolute (a running window has its own working folder); ``problems`` are
    the one-line reasons some could not be opened.
    """

    files: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    new_window: bool = False


def is_window_call(argv: Sequence[str], commands: Iterable[str]) -> bool:
    """Return whether ``argv`` opens the window rather than running a subcommand."""
    names = set(commands)
    for arg in argv:
        if arg in _PARSER_OPTIONS:
            return False
        if arg == "--":
            return True
        if arg.startswith("-") and arg != "-":
            continue
        if arg in names:
            return False
        return os.path.exists(arg) or "." in arg or os.sep in arg
    return True


def parser() -> argparse.ArgumentParser:
    """Return the parser for ``asyncwriter [--new-window] [FILE ...]``."""
    window = argparse.ArgumentParser(
        prog="asyncwriter",
        description="Open the editor window; each FILE opens as a new draft.",
    )
    window.add_argument("files", nargs="*", metavar="FILE",
                        help="Markdown or text files to open as drafts")  # fmt: skip
    add_new_window_option(window)
    return window


def add_new_window_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--new-window`` (also to the command parser, so its help lists it)."""
    parser.add_argument(
        "--new-window",
        action="store_true",
        help="open a window of its own even when AsyncWriter is already running "
        "(by default the running one comes forward and opens the files)",
    )


def request(argv: Sequence[str]) -> WindowRequest:
    """Parse the window's command line and check its files (argparse exits on misuse)."""
    from asyncwriter import draft_files  # templates and settings: not for every CLI command

    args = parser().parse_args(argv)
    files: list[str] = []
    problems: list[str] = []
    for name in args.files:
        if name == "-":
            problems.append("-: the window opens files, not standard input")
            continue
        try:
            draft_files.import_markdown(Path(name))
        except draft_files.InputError as exc:
            problems.append(str(exc))
            continue
        files.append(os.path.abspath(name))
    return WindowRequest(tuple(files), tuple(problems), args.new_window)
