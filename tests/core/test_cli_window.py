"""``asyncwriter [--new-window] [FILE ...]``: which calls open the window, and no display.

Without a display the command says so in one line and exits 1, before Qt is loaded (Qt
itself would abort with exit 134 and a core dump).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from asyncwriter import window_args
from asyncwriter.cli import build_parser
from asyncwriter.display_check import NO_DISPLAY, has_display

ROOT = Path(__file__).resolve().parent.parent.parent
COMMANDS = ("lint", "export", "when", "rules", "templates", "new", "install-desktop")


def this_checkout() -> dict[str, str]:
    """The environment with this checkout's package first (tests run from other folders)."""
    paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths))


def no_display_env() -> dict[str, str]:
    env = dict(this_checkout(), QT_QPA_PLATFORM="", DISPLAY="", WAYLAND_DISPLAY="")
    env.pop("QT_DEBUG_PLUGINS", None)
    return env


@pytest.mark.parametrize("args", [[], ["notes.md"], ["--new-window"]])
def test_no_display_is_one_line_and_exit_1(args, tmp_path):
    done = subprocess.run([sys.executable, "-m", "asyncwriter", *args], env=no_display_env(),
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          check=False)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == NO_DISPLAY + "\n"
    assert done.stdout == ""


def test_the_no_display_message_is_the_issues():
    assert NO_DISPLAY == (
        "no display found: asyncwriter opens a window; on a machine without one, use "
        "asyncwriter lint or export"
    )


def test_commands_still_work_without_a_display(tmp_path):
    message = tmp_path / "m.md"
    message.write_text("FYI, no action needed: the build is green.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "asyncwriter", "export", "--format", "plain",
                           str(message)], env=no_display_env(), capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "build is green" in done.stdout


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({"QT_QPA_PLATFORM": "minimal"}, "linux", True),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
        ({"QT_QPA_PLATFORM": ""}, "linux", False),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_has_display(env, platform, expected):
    assert has_display(env, platform) is expected


def test_every_command_of_the_parser_is_known_to_the_window_check(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from asyncwriter.cli import _commands

    names = _commands(build_parser())
    assert set(COMMANDS) <= set(names)
    for name in names:
        assert not window_args.is_window_call([name, "x.md"], names)


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["notes.md"], True),
        (["--new-window"], True),
        (["--new-window", "notes.md"], True),
        (["./README"], True),
        (["--", "lint"], True),
        (["lint", "notes.md"], False),
        (["lnt", "notes.md"], False),  # a mistyped command is a usage error, not a window
        (["--help"], False),
        (["--version"], False),
    ],
)
def test_which_calls_open_the_window(argv, window, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert window_args.is_window_call(argv, COMMANDS) is window


def test_an_existing_file_named_like_a_word_opens_the_window(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "NOTES").write_text("hi\n")
    assert window_args.is_window_call(["NOTES"], COMMANDS)


def test_files_are_made_absolute_and_bad_ones_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.md").write_text("# Good\n", encoding="utf-8")
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02")
    request = window_args.request(["good.md", "missing.md", "binary.md", "-", "--new-window"])
    assert request.files == (str(tmp_path / "good.md"),)
    assert request.new_window
    assert len(request.problems) == 3
    assert request.problems[0] == "missing.md: no such file"
    assert request.problems[2].startswith("-: ")


def test_a_mistyped_command_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "asyncwriter", "lnt", "x.md"], cwd=tmp_path,
                          env=this_checkout(), capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert done.returncode == 2
    assert "invalid choice: 'lnt'" in done.stderr
