"""Files that would crash or hang a reader: TOML nested thousands deep, FIFOs, devices.

Each is reported with its path and skipped (a template) or replaced by the defaults (the
settings), through the loaders and through the command line. Anything that could hang or
eat all memory if it regressed runs in a subprocess with a time-out and a memory cap, so a
regression fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from asyncwriter import paths, settings, templates

DEPTH = 5_000
GUARD_S = 60  # far above a normal run (a second or two); a hang is forever
MEMORY_CAP = 3 << 30  # enough to import the check engine, far below what /dev/zero asks

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
needs_dev_zero = pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")

GOOD_TEMPLATE = '+++\nid = "team-status"\nname = "Team status"\n+++\nTL;DR: {{status}}\n'


def nested_arrays() -> str:
    return "x = " + "[" * DEPTH + "]" * DEPTH + "\n"


def nested_tables() -> str:
    return "x = " + "{a = " * DEPTH + "1" + "}" * DEPTH + "\n"


def nested_template(nesting: str) -> str:
    return f'+++\nid = "deep"\nname = "Deep"\n{nesting}+++\nBody\n'


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_guarded(args: list[str], stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` with the test's (temporary) folders, a time-out and a memory cap."""
    return subprocess.run(
        [sys.executable, *args],
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=GUARD_S,
        preexec_fn=_limit_memory if sys.platform != "win32" else None,
        check=False,
    )


def cli(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return run_guarded(["-m", "asyncwriter", *args], stdin=stdin)


def python(code: str) -> subprocess.CompletedProcess[str]:
    return run_guarded(["-c", textwrap.dedent(code)])


def team_folder(tmp_path, bad_name: str = "deep.md"):
    """A team folder with one good template, named in settings; returns the bad file's path."""
    team = tmp_path / "team"
    team.mkdir()
    (team / "good.md").write_text(GOOD_TEMPLATE, encoding="utf-8")
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(f'[templates]\nfolders = ["{team}"]\n', encoding="utf-8")
    return team / bad_name


# -- TOML nested thousands of levels deep -------------------------------------------------


@pytest.mark.parametrize("nesting", [nested_arrays(), nested_tables()], ids=["arrays", "tables"])
def test_the_toml_helper_turns_deep_nesting_into_a_toml_error(nesting):
    from asyncwriter import toml_text

    with pytest.raises(toml_text.TomlError, match="nested too deeply"):
        toml_text.parse(nesting)


@pytest.mark.parametrize("nesting", [nested_arrays(), nested_tables()], ids=["arrays", "tables"])
def test_deeply_nested_settings_are_reported_and_the_defaults_used(tmp_path, nesting):
    path = tmp_path / "settings.toml"
    path.write_text('[time]\nzone = "UTC"\n' + nesting, encoding="utf-8")
    loaded = settings.load(path)
    (problem,) = loaded.problems
    assert problem.whole_file
    assert str(problem).startswith(f"{path}: not valid TOML: ")
    assert "nested too deeply" in problem.reason and "using the defaults" in problem.reason
    assert loaded.zone is None


@pytest.mark.parametrize("nesting", [nested_arrays(), nested_tables()], ids=["arrays", "tables"])
def test_a_deeply_nested_template_in_a_team_folder_is_skipped(tmp_path, nesting):
    bad = team_folder(tmp_path)
    bad.write_text(nested_template(nesting), encoding="utf-8")
    catalog = templates.default_catalog()
    assert "team-status" in catalog.templates and "status-update" in catalog.templates
    assert "deep" not in catalog.templates
    (problem,) = [p for p in catalog.problems if p.path == bad]
    assert problem.skipped and "nested too deeply" in problem.reason


def test_saving_over_deeply_nested_settings_keeps_them_as_broken(tmp_path):
    path = tmp_path / "settings.toml"
    nesting = nested_arrays()
    path.write_text(nesting, encoding="utf-8")
    loaded = settings.load(path)
    loaded.zone = "UTC"
    kept = settings.save(loaded)
    assert kept == tmp_path / "settings.toml.broken"
    assert kept.read_text(encoding="utf-8") == nesting
    assert settings.load(path).zone == "UTC"


def test_the_cli_reports_deeply_nested_settings_without_a_traceback():
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text(nested_arrays(), encoding="utf-8")
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"asyncwriter: warning: {path}: not valid TOML: " in result.stderr
    assert "nested too deeply" in result.stderr
    assert "status-update" in result.stdout


def test_the_cli_skips_a_deeply_nested_team_template_without_a_traceback(tmp_path):
    bad = team_folder(tmp_path)
    bad.write_text(nested_template(nested_arrays()), encoding="utf-8")
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"asyncwriter: warning: {bad}: " in result.stderr and "(skipped)" in result.stderr
    assert "team-status" in result.stdout


# -- FIFOs, devices and files too large to be what they claim -----------------------------


@needs_fifo
def test_the_cli_reports_a_fifo_settings_file_instead_of_waiting_on_it():
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{path}: cannot read it: not a regular file but a named pipe (FIFO)" in result.stderr
    assert "status-update" in result.stdout


@needs_dev_zero
def test_the_cli_reports_a_settings_file_linked_to_dev_zero():
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/zero")
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{path}: cannot read it: not a regular file but a device" in result.stderr


@needs_fifo
@needs_dev_zero
def test_the_cli_skips_template_files_that_are_a_fifo_or_dev_zero(tmp_path):
    fifo = team_folder(tmp_path, "pipe.md")
    os.mkfifo(fifo)
    zero = fifo.with_name("zero.md")
    zero.symlink_to("/dev/zero")
    user = paths.user_templates_dir()
    user.mkdir(parents=True)
    os.mkfifo(user / "mine.md")
    result = cli("templates")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{fifo}: cannot read it: not a regular file but a named pipe (FIFO) (skipped)" in (
        result.stderr
    )
    assert f"{zero}: cannot read it: not a regular file but a device (skipped)" in result.stderr
    assert f"{user / 'mine.md'}: cannot read it: not a regular file" in result.stderr
    assert "team-status" in result.stdout


@needs_fifo
@needs_dev_zero
@pytest.mark.parametrize("command", [["lint"], ["export", "--format", "slack"]])
def test_lint_and_export_refuse_a_fifo_and_dev_zero(tmp_path, command):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.md"
    zero.symlink_to("/dev/zero")
    for path, kind in ((fifo, "a named pipe (FIFO)"), (zero, "a device")):
        result = cli(*command, str(path))
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert f"asyncwriter: error: {path}: not a regular file but {kind}" in result.stderr


@needs_dev_zero
def test_lint_reads_at_most_the_limit_from_stdin():
    with open("/dev/zero", "rb") as zero:
        result = cli("lint", "-", stdin=zero.fileno())
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "asyncwriter: error: <stdin>: more than a message (the limit is 20 MB)" in (
        result.stderr
    )


@needs_fifo
@needs_dev_zero
def test_the_loaders_refuse_fifos_and_devices(tmp_path):
    """settings.load, load_catalog, import_markdown and the window state, in a guarded child."""
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zero").symlink_to("/dev/zero")
    folder = tmp_path / "templates"
    folder.mkdir()
    os.mkfifo(folder / "pipe.md")
    (folder / "zero.md").symlink_to("/dev/zero")
    result = python(f"""
        from pathlib import Path
        from asyncwriter import draft_files, settings, templates
        from asyncwriter.ui import state

        tmp = Path({str(tmp_path)!r})
        for name in ("pipe", "zero"):
            (problem,) = settings.load(tmp / name).problems
            print("settings", problem.whole_file, problem.reason)
            try:
                draft_files.import_markdown(tmp / name)
            except draft_files.InputError as exc:
                print("import", exc)
            print("state", state.load(tmp / name) == state.WindowState())
        catalog = templates.load_catalog(user_folder=tmp / "templates")
        for problem in catalog.problems:
            print("template", problem.path.name, problem.skipped, problem.reason)
        """)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    pipe, zero = tmp_path / "pipe", tmp_path / "zero"
    assert lines == [
        "settings True cannot read it: not a regular file but a named pipe (FIFO); "
        "using the defaults",
        f"import {pipe}: not a regular file but a named pipe (FIFO); give a file of text",
        "state True",
        "settings True cannot read it: not a regular file but a device; using the defaults",
        f"import {zero}: not a regular file but a device; give a file of text",
        "state True",
        "template pipe.md True cannot read it: not a regular file but a named pipe (FIFO)",
        "template zero.md True cannot read it: not a regular file but a device",
    ]


def test_a_settings_file_larger_than_the_limit_is_reported(tmp_path):
    path = tmp_path / "settings.toml"
    with path.open("w", encoding="utf-8") as out:
        out.write('[time]\nzone = "UTC"\n')
        out.write("# padding\n" * ((1 << 20) // 10 + 1))
    loaded = settings.load(path)
    (problem,) = loaded.problems
    assert problem.whole_file and "larger than 1 MB" in problem.reason
    assert loaded.zone is None
