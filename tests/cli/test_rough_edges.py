"""The command line's small rough edges: usage on errors, examples in help, sorted lists."""

from __future__ import annotations

from pathlib import Path

from asyncwriter import paths
from tests.core.test_cli import run, run_process


def test_a_subcommand_error_prints_that_subcommands_usage(tmp_path):
    message = tmp_path / "m.md"
    message.write_text("hi\n", encoding="utf-8")
    result = run("lint", "--tz", "Mars/Base", str(message))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("usage: asyncwriter lint ")
    assert "asyncwriter lint: error:" in err and "Mars/Base" in err


def test_export_errors_print_exports_usage(tmp_path):
    message = tmp_path / "m.md"
    message.write_text("hi\n", encoding="utf-8")
    result = run("export", "--format", "markdown", "--html", str(message))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("usage: asyncwriter export ")


def test_help_has_examples():
    result = run_process("lint", "--help")
    text = result.stdout.decode()
    assert result.returncode == 0
    assert "examples:\n  asyncwriter lint docs/*.md" in text
    assert "asyncwriter lint --format sarif" in text
    assert "examples:" in run_process("--help").stdout.decode()


def test_templates_are_listed_by_id(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    # "Aardvark" sorts first by name, but its id sorts last.
    (folder / "zz-last.md").write_text(
        '+++\nid = "zz-last"\nname = "Aardvark update"\ndescription = "d"\n+++\nBody\n',
        encoding="utf-8",
    )
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(f'[templates]\nfolders = ["{folder}"]\n', encoding="utf-8")
    result = run("templates")
    ids = [line.split()[0] for line in result.stdout.decode().splitlines()]
    assert "zz-last" in ids
    assert ids == sorted(ids)
    assert Path(settings).exists()


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    # `asyncwriter lint big.md | head -1`: more output than a pipe holds, then a closed pipe.
    import subprocess
    import sys

    big = tmp_path / "big.md"
    big.write_text("Please review it by Friday 17:00.\n\n" * 1000, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "asyncwriter", "lint", "--now",
                              "2026-11-23T09:00:00+00:00", "--tz", "UTC", str(big)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # as head does after its line
    status = child.wait(timeout=120)
    stderr = child.stderr.read().decode()
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert status == 141
