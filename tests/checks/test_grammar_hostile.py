"""A hostile LanguageTool: malformed, wrong types, nested deep, huge, dripping, hung.

The stand-in in tests/lt_fake.py plays the server (``raw`` sends any body, ``drip`` and
``drip-body`` send one byte at a time). Whatever it does, a lint ends by the request's
deadline with the other checks done, bad matches are dropped, and a bad answer is a
:class:`GrammarError` the writer is told about, never another exception.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pytest

from asyncwriter import languagetool
from asyncwriter.checks import lint
from asyncwriter.checks.analysis import Analysis
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.checks.grammar.paragraphs import paragraphs
from asyncwriter.languagetool import server as lt_http
from asyncwriter.languagetool.server import Server
from asyncwriter.settings import LanguageToolSettings

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.checker import GrammarChecker

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TEXT = "Please review teh doc by Friday.\n"  # "teh" is at 14..17
GOOD = {"offset": 14, "length": 3, "message": "Typo?", "replacements": [{"value": "the"}],
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling"}}  # fmt: skip


def checker(url: str) -> GrammarChecker:
    return languagetool.make_checker(LanguageToolSettings(mode="server", url=url), Server(url))


def answer(*matches: object) -> bytes:
    return json.dumps({"matches": list(matches)}).encode()


def grammar_lint(text: str, check: GrammarChecker):
    """Lint with grammar; return the report (grammar errors are on ``report.grammar``)."""
    return lint(text, now=NOW, tz="UTC", grammar=check)


def grammar_findings(report) -> list:
    return [f for f in report.findings if f.rule.startswith(("grammar.", "spelling."))]


# -- malformed answers: bad matches are dropped ---------------------------------------------


def with_(**changes: object) -> dict:
    return {**GOOD, **changes}


@pytest.mark.parametrize(
    "bad",
    [
        with_(offset=float("inf")),  # sent as 1e999 (see below): OverflowError before
        with_(offset=1.5),
        with_(offset="14"),
        with_(offset=True),
        with_(offset=-3),
        with_(length=0),
        with_(length=None),
        with_(offset=10**30),  # past the end of the text
        with_(rule=7),
        with_(rule={"id": ["x"]}),
        with_(rule=None),
        "a string",
        [GOOD],
        None,
    ],
    ids=repr,
)
def test_a_malformed_match_is_dropped_and_the_good_ones_kept(lt_server, bad):
    lt_server.fake.mode = "raw"
    lt_server.fake.body = answer(bad, GOOD).replace(b"Infinity", b"1e999")
    report = grammar_lint(TEXT, checker(lt_server.url))
    assert report.grammar.error is None
    (finding,) = grammar_findings(report)
    assert TEXT[finding.start : finding.end] == "teh"
    assert finding.suggestions == ("the",)


@pytest.mark.parametrize(
    "fields",
    [
        {"replacements": 5},
        {"replacements": {"value": "the"}},
        {"replacements": "the"},
        {"replacements": [5, None, {"value": 3}, {"value": "the"}]},
        {"message": ["not", "text"]},
        {"rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": {"x": 1}}},
    ],
    ids=repr,
)
def test_optional_fields_of_the_wrong_type_are_left_out(lt_server, fields):
    lt_server.fake.mode = "raw"
    lt_server.fake.body = answer(with_(**fields))
    report = grammar_lint(TEXT, checker(lt_server.url))
    (finding,) = grammar_findings(report)
    assert TEXT[finding.start : finding.end] == "teh"
    assert all(isinstance(s, str) for s in finding.suggestions)
    assert isinstance(finding.message, str) and finding.message


# -- malformed answers: a bad answer is a server fault ----------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b'{"matches":' + b"[" * 100_000 + b"]" * 100_000 + b"}",  # RecursionError before
        b"[" * 100_000,
        b'{"matches": 5}',
        b'{"matches": {"0": {}}}',
        b"[1, 2, 3]",
        b'"matches"',
        b"\xff\xfe not utf-8 \x80",
        b'{"matches": [{"offset": 1' + b"0" * 5_000 + b"}]}",  # int() refuses 5,000 digits
        b"",
    ],
    ids=lambda body: repr(body[:30]),
)
def test_an_answer_that_is_not_languagetools_is_reported(lt_server, body):
    lt_server.fake.mode = "raw"
    lt_server.fake.body = body
    report = grammar_lint(TEXT, checker(lt_server.url))
    assert "is not LanguageTool's" in str(report.grammar.error)
    assert report.grammar.error.retry
    assert grammar_findings(report) == []
    assert any(f.rule.startswith("deadline.") for f in report.findings)  # the rest ran


# -- unbounded answers ------------------------------------------------------------------------


def test_an_answer_over_the_size_limit_is_not_read(lt_server):
    lt_server.fake.mode = "raw"
    padding = b" " * (4 * 1024 * 1024 + 1)  # valid JSON, one byte over the 4 MB limit
    lt_server.fake.body = answer(GOOD)[:-1] + padding + b"}"
    report = grammar_lint(TEXT, checker(lt_server.url))
    assert "sent an answer larger than 4 MB" in str(report.grammar.error)
    assert grammar_findings(report) == []
    lt_server.fake.body = answer(GOOD)  # within the limit, the same answer is read
    assert len(grammar_findings(grammar_lint(TEXT + " ", checker(lt_server.url)))) == 1


def test_an_error_page_larger_than_the_limit_is_quoted_from_its_start(lt_server):
    lt_server.fake.mode, lt_server.fake.status = "raw", 503
    lt_server.fake.body = b"Service Unavailable: " + b"x" * 10_000_000
    report = grammar_lint(TEXT, checker(lt_server.url))
    assert "answered with an error (HTTP 503: Service Unavailable: xxx" in str(report.grammar.error)


def test_matches_are_capped_per_paragraph_without_repeats_or_strays(lt_server):
    text = "Teh " * 2_000 + "end.\n\nA second paragraph, fine.\n"
    first_len = len("Teh " * 2_000 + "end.")
    word = {"length": 3, "message": "Typo?", "rule": {"id": "TYPO", "issueType": "misspelling"}}
    many = [{**word, "offset": 4 * n} for n in range(2_000)]
    repeats = [{**word, "offset": 0}] * 5_000
    strays = [{**word, "offset": first_len - 1},  # runs into the separator
              {**word, "offset": first_len + 1},  # in the separator
              {**word, "offset": 10**9}]  # fmt: skip
    lt_server.fake.mode = "raw"
    lt_server.fake.body = answer(*repeats, *many, *strays)
    report = grammar_lint(text, checker(lt_server.url))
    found = grammar_findings(report)
    cap = 200  # checker.MAX_MATCHES_PER_PARAGRAPH
    assert len(found) == cap
    assert len({(f.start, f.end) for f in found}) == cap  # no repeats
    assert all(f.end <= first_len and text[f.start : f.end] == "Teh" for f in found)


# -- time: a request ends by its deadline -----------------------------------------------------


@pytest.mark.parametrize("mode", ["drip", "drip-body"])
def test_a_dripping_server_is_cut_off_at_the_deadline(lt_server, monkeypatch, mode):
    """Each byte comes well inside the per-read timeout; only the overall deadline ends it."""
    monkeypatch.setattr(lt_http, "TOTAL_TIMEOUT", 1.0)
    lt_server.fake.mode = mode
    lt_server.fake.drip, lt_server.fake.hold = 0.2, 40.0
    lt_server.fake.body = answer(GOOD) + b" " * 1_000
    started = time.monotonic()
    report = grammar_lint(TEXT, checker(lt_server.url))
    took = time.monotonic() - started
    assert "did not answer in time" in str(report.grammar.error)
    assert report.grammar.error.retry
    # It ended by its own deadline, not when the server let go: far inside the hold.
    assert took < lt_server.fake.hold / 4
    assert lt_server.fake.drip_ended.wait(lt_server.fake.hold / 4)  # the server saw it go


def test_a_tls_handshake_that_never_ends_is_cut_off_at_the_deadline(monkeypatch):
    """The handshake runs before urllib3 hands out its socket; the deadline still ends it."""
    monkeypatch.setattr(lt_http, "TOTAL_TIMEOUT", 0.5)
    monkeypatch.setattr(lt_http, "CONNECT_TIMEOUT", 30.0)
    monkeypatch.setattr(lt_http, "READ_TIMEOUT", 30.0)
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never says a word
        url = f"https://127.0.0.1:{silent.getsockname()[1]}"
        chunk = paragraphs(Analysis(TEXT))[0]
        started = time.monotonic()
        with pytest.raises(GrammarError, match="did not answer in time"):
            Server(url).check(chunk, "en-US", "default")
        assert time.monotonic() - started < lt_http.CONNECT_TIMEOUT / 4


def test_closing_the_server_cuts_off_a_request_under_way(lt_server):
    """Quitting closes the server from the UI thread while a request hangs on another one."""
    lt_server.fake.mode = "drip"
    lt_server.fake.drip, lt_server.fake.hold = 0.5, 40.0
    check = checker(lt_server.url)
    failed: list[BaseException] = []

    def fetch() -> None:
        try:
            check.fetch(paragraphs(Analysis(TEXT))[0])
        except GrammarError as exc:
            failed.append(exc)

    thread = threading.Thread(target=fetch, daemon=True)
    thread.start()
    while not lt_server.requests:
        time.sleep(0.01)
    started = time.monotonic()
    check.close()
    thread.join(lt_server.fake.hold)
    assert not thread.is_alive()
    # It waited on nothing: not the server's hold, nor the request's own deadline.
    assert time.monotonic() - started < min(lt_server.fake.hold, lt_http.TOTAL_TIMEOUT) / 10
    assert "was stopped" in str(failed[0])
    with pytest.raises(GrammarError, match="was stopped"):  # and no new request goes out
        check.fetch(paragraphs(Analysis("Another teh text.\n"))[0])
    assert len(lt_server.requests) == 1


# -- what leaves the machine --------------------------------------------------------------------


def test_code_spans_urls_and_link_targets_are_sent_as_stand_ins_only(lt_server):
    text = (
        "Deploy with `export TOKEN=hunter2-secret` and teh key from "
        "https://vault.example.com/s?token=abc123 or [the doc](https://doc.example.com/p?k=zz9), "
        "{{ask}} ok.\n"
    )
    found = grammar_findings(grammar_lint(text, checker(lt_server.url)))
    (request,) = lt_server.requests
    for secret in ("hunter2", "TOKEN", "abc123", "vault.example", "doc.example", "zz9", "{{"):
        assert secret not in request["data"]
    pieces = json.loads(request["data"])["annotation"]
    assert "".join(p.get("text", p.get("interpretAs", "")) for p in pieces) == (
        "Deploy with Dummy0 and teh key from Dummy1 or the doc, Dummy2 ok."
    )
    # Offsets still come back to the writer's words.
    assert [text[f.start : f.end] for f in found] == ["teh"]
