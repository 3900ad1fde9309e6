"""``asyncwriter lint --grammar`` in process, against the stand-in LanguageTool."""

from __future__ import annotations

import json

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
    result = run("lint", "--grammar", "--format", "json", *NOW, "-", stdin=MESSAGE.encode())
    assert result.returncode == 0, result.stderr
    (finding,) = [f for f in json.loads(result.stdout)[0]["findings"]
                  if f["rule"].startswith("grammar.")]  # fmt: skip
    assert finding["rule"] == "grammar.MORFOLOGIK_RULE_EN_US"
    assert (finding["line"], finding["column"], finding["length"]) == (1, 8, 3)
    assert finding["suggestions"] == ["the"]
    assert finding["severity"] == "warning"
    assert lt_server.requests[0]["level"] == "picky"
    text = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())
    assert "<stdin>:1:8: warning grammar.MORFOLOGIK_RULE_EN_US" in text.stdout.decode()


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
    result = run("lint", "--grammar", *NOW, "-", stdin=MESSAGE.encode())
    assert "LanguageTool is not on this computer yet" in result.stderr.decode()
    assert result.returncode == 0


def test_zone_from_settings_is_the_default_tz():
    configure('[time]\nzone = "Asia/Tokyo"\n')
    text = b"Please approve the plan by 2026-11-24 17:00.\n"
    result = run("lint", "--format", "json", "--now", "2026-11-23T09:00:00+00:00", "-", stdin=text)
    (deadline,) = json.loads(result.stdout)[0]["facts"]["deadlines"]
    assert deadline["datetime"].endswith("+09:00")
