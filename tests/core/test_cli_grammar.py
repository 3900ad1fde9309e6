"""``asyncwriter lint --grammar`` in process, against the stand-in LanguageTool."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from asyncwriter import paths
from tests.core.test_cli import NOW, run

MESSAGE = "TL;DR: teh rollout is done, nothing needed from you.\n\nFYI, no action needed.\n"


def configure(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text, encoding="utf-8")


def test_grammar_is_off_unless_asked(lt_server):
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    result = run("lint", "--format", "json", *NOW, "-", stdin=MESSAGE.encode())
    rules = [f["rule"] for f in json.loads(result.stdout)[0]["findings"]]
    assert not any(r.startswith("grammar.") for r in rules)
    assert lt_server.requests == []


def test_grammar_findings_with_positions_and_suggestions(lt_server):
    configure(
        f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\nlevel = "picky"\n'
        '[rules]\n"grammar.WHITESPACE_RULE" = "off"\n'
    )
    result = run("lint", "--grammar", "--no-spelling", "--format", "json", *NOW, "-",
                 stdin=MESSAGE.encode())  # fmt: skip
    assert result.returncode == 0, result.stderr
    (finding,) = [f for f in json.loads(result.stdout)[0]["findings"]
                  if f["rule"].startswith(("grammar.", "spelling."))]  # fmt: skip
    # LanguageTool's misspelling rule is spelling.misspelling, like the built-in checker's.
    assert finding["rule"] == "spelling.misspelling"
    assert (finding["line"], finding["column"], finding["length"]) == (1, 8, 3)
    assert finding["suggestions"] == ["the"]
    assert finding["severity"] == "warning"
    assert lt_server.requests[0]["level"] == "picky"
    text = run("lint", "--grammar", "--no-spelling", *NOW, "-", stdin=MESSAGE.encode())
    assert "<stdin>:1:8: warning spelling.misspelling" in text.stdout.decode()


def test_both_engines_report_a_misspelling_once(lt_server):
    """The built-in checker and LanguageTool both find "teh": one finding, both's fixes."""
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    text = b"TL;DR: teh rollout is done and we definately ship, FYI no action needed.\n"
    result = run("lint", "--grammar", "--format", "json", *NOW, "-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert lt_server.requests  # LanguageTool was asked
    found = [f for f in json.loads(result.stdout)[0]["findings"]
             if f["rule"] == "spelling.misspelling"]  # fmt: skip
    assert [(f["column"], f["length"]) for f in found] == [(8, 3), (35, 10)]
    teh, definately = found
    assert teh["suggestions"][0] == "the"  # Harper's spell check first
    assert definately["suggestions"][:1] == ["definitely"]
    assert "defiantly" in definately["suggestions"]  # LanguageTool's second one, merged


def test_an_unreachable_server_is_a_warning_and_the_other_checks_run(lt_server):
    url = lt_server.url
    lt_server.close()
    configure(f'[languagetool]\nmode = "server"\nurl = "{url}"\n')
    result = run("lint", "--grammar", *NOW, "-", stdin=b"Please review teh doc by Friday.\n")
    stderr = result.stderr.decode()
    assert "warning: --grammar: cannot reach LanguageTool at 127.0.0.1" in stderr
    assert "deadline." in result.stdout.decode()


def test_grammar_off_or_misconfigured_says_so():
    configure('[languagetool]\nmode = "off"\n')
    result = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())
    assert 'mode = "off"' in result.stderr.decode() and result.returncode == 0
    configure('[languagetool]\nmode = "server"\nurl = "http://lt.example.com"\n')
    result = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())
    assert "use https" in result.stderr.decode()


def test_local_languagetool_not_downloaded_is_explained():
    configure('[languagetool]\nmode = "local"\n')
    result = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())
    assert "LanguageTool is not on this computer yet" in result.stderr.decode()
    assert result.returncode == 0


def test_grammar_with_only_the_built_in_checker_says_so():
    result = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())  # default settings
    assert 'mode = "builtin"' in result.stderr.decode() and result.returncode == 0
    assert "spelling.misspelling" in result.stdout.decode()  # the built-in checker ran


def test_zone_from_settings_is_the_default_tz():
    configure('[time]\nzone = "Asia/Tokyo"\n')
    text = b"Please approve the plan by 2026-11-24 17:00.\n"
    result = run("lint", "--format", "json", "--now", "2026-11-23T09:00:00+00:00", "-", stdin=text)
    (deadline,) = json.loads(result.stdout)[0]["facts"]["deadlines"]
    assert deadline["datetime"].endswith("+09:00")


# -- a hostile server, through the command line in a real process -------------------------

#: Run the command line with the request deadline shortened, so a dripping server's test
#: takes seconds; everything else is ``python -m asyncwriter``.
SHORT_DEADLINE = (
    "import sys; from asyncwriter.languagetool import server; server.TOTAL_TIMEOUT = 2.0; "
    "from asyncwriter.cli import main; sys.exit(main(sys.argv[1:]))"
)
NESTED = b'{"matches":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
BAD_MATCH = (b'{"matches": [{"offset": 1e999, "length": 3, "rule": {"id": "X"}}, '
             b'{"offset": 7, "length": 3, "replacements": 5, "rule": {"id": "Y"}}, '
             b'{"offset": 7, "length": 3, "replacements": {"a": 1}, "rule": {"id": "Z"}}]}')  # fmt: skip


@pytest.mark.parametrize(
    ("mode", "body", "says"),
    [
        ("raw", BAD_MATCH, None),
        ("raw", NESTED, "is not LanguageTool's"),
        ("raw", b"[" * 100_000, "is not LanguageTool's"),
        ("raw", b'{"matches": []}' + b" " * 5_000_000, "larger than 4 MB"),
        ("drip", b'{"matches": []}', "did not answer in time"),
        ("drip-body", b'{"matches": []}' + b" " * 1_000, "did not answer in time"),
    ],
    ids=["wrong-types", "nested", "nested-top", "huge", "drip", "drip-body"],
)
def test_lint_grammar_against_a_hostile_server_ends_without_a_traceback(
    lt_server, mode, body, says
):
    lt_server.fake.mode, lt_server.fake.body = mode, body
    lt_server.fake.drip, lt_server.fake.hold = 0.5, 60.0
    configure(f'[languagetool]\nmode = "server"\nurl = "{lt_server.url}"\n')
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", SHORT_DEADLINE, "lint", "--grammar", *NOW, "-"],
        input=MESSAGE.encode(),
        capture_output=True,
        timeout=lt_server.fake.hold * 2,
        cwd=Path(__file__).parents[2],
    )
    took = time.monotonic() - started
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr
    assert result.returncode == 0, stderr
    if says is None:
        assert stderr == ""
        rules = {line.split()[2] for line in result.stdout.decode().splitlines()}
        assert {"grammar.Y", "grammar.Z"} <= rules and "grammar.X" not in rules
    else:
        assert says in stderr and "grammar not checked for <stdin>" in stderr
    # Ended by its own deadline: well before the server would have let go.
    assert took < lt_server.fake.hold / 2
