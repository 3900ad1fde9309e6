"""Grammar through LanguageTool: what is sent, what comes back, and every way it fails.

The server is the stand-in in tests/lt_fake.py, which speaks LanguageTool's ``/v2/check``
JSON (offsets in UTF-16 units into the original text, markup read as ``interpretAs``).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from asyncwriter import languagetool
from asyncwriter.checks import Severity, lint
from asyncwriter.checks.analysis import Analysis
from asyncwriter.checks.grammar import checker as grammar_checker
from asyncwriter.checks.grammar import paragraphs as grammar_paragraphs
from asyncwriter.checks.grammar.checker import GrammarChecker
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.checks.grammar.paragraphs import paragraphs
from asyncwriter.languagetool.server import Server
from asyncwriter.settings import LanguageToolSettings
from tests.conftest import REAL_LTP_PATH

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def checker(url: str, **config: object) -> GrammarChecker:
    return languagetool.make_checker(
        LanguageToolSettings(mode="server", url=url, **config), Server(url)
    )


def grammar_findings(text: str, check: GrammarChecker, **kwargs: object) -> list:
    report = lint(text, now=NOW, tz="UTC", grammar=check, **kwargs)
    return [f for f in report.findings if f.rule.startswith(("grammar.", "spelling."))]


def sent_text(request: dict[str, str]) -> str:
    """Return what a request asked LanguageTool to read (markup as its stand-in)."""
    pieces = json.loads(request["data"])["annotation"]
    return "".join(p.get("text", p.get("interpretAs", "")) for p in pieces)


# -- what is sent -------------------------------------------------------------------------


def test_paragraphs_send_prose_and_stand_ins_for_code_urls_and_placeholders():
    text = (
        "# Status: **green**\n\n"
        "The deploy of `svc-a` is done, see https://status.example.com/a for {{details}}.\n\n"
        "> quoted words are someone else's, teh end\n\n"
        "```\ncode blocks are not prose teh\n```\n\n"
        "- item *one* with a [link](https://example.com/x)\n"
    )
    found, truncated = paragraphs(Analysis(text))
    assert not truncated
    read = ["".join(r if r is not None else t for t, r in p.pieces) for p in found]
    assert read == [
        "Status: green",
        "The deploy of Dummy0 is done, see Dummy1 for Dummy2.",
        "item one with a link",
    ]
    for p in found:  # the originals put together are the draft's text
        assert "".join(t for t, _ in p.pieces) == text[p.start : p.end]


def test_level_and_language_are_always_sent(lt_server):
    check = checker(lt_server.url)
    grammar_findings("We could of shipped it.", check)
    (request,) = lt_server.requests
    assert request["level"] == "default"
    assert request["language"] == "en-US"
    assert "text" not in request and sent_text(request) == "We could of shipped it."


def test_picky_level_is_sent_and_brings_its_rules(lt_server):
    text = "The fix is very small.\n"
    assert grammar_findings(text, checker(lt_server.url)) == []
    picky = grammar_findings(text, checker(lt_server.url, level="picky"))
    assert [f.rule for f in picky] == ["grammar.EN_WEAK_ADJECTIVE"]
    assert lt_server.requests[-1]["level"] == "picky"


# -- what comes back ----------------------------------------------------------------------


def test_several_rules_with_replacements_as_suggestions(lt_server):
    text = "Teh rollout is done. We could of waited for a update.\n"
    found = grammar_findings(text, checker(lt_server.url))
    by_rule = {f.rule: f for f in found}
    assert set(by_rule) == {
        "spelling.misspelling",
        "grammar.COULD_OF",
        "grammar.EN_A_VS_AN",
    }
    spelling = by_rule["spelling.misspelling"]
    assert text[spelling.start : spelling.end] == "Teh"
    assert spelling.suggestions == ("the",)
    assert spelling.category == "misspelling"
    assert spelling.severity is Severity.WARNING
    assert text[by_rule["grammar.COULD_OF"].start : by_rule["grammar.COULD_OF"].end] == "could of"
    assert by_rule["grammar.COULD_OF"].suggestions == ("could have",)


def test_offsets_map_back_across_paragraphs_emoji_and_markup(lt_server):
    text = (
        "🚀 Launch update 🎉\n\n"
        "Status: **green** 😀😀 and we definately ship 🇩🇪 on Friday.\n\n"
        "- 👍 `teh` is code, but teh is not\n\n"
        "See [the 📄 doc](https://example.com/doc) — we recieve feedback  there.\n"
    )
    found = grammar_findings(text, checker(lt_server.url))
    spans = sorted((text[f.start : f.end], f.rule) for f in found)
    assert spans == [
        ("  ", "grammar.WHITESPACE_RULE"),
        ("definately", "spelling.misspelling"),
        ("recieve", "spelling.misspelling"),
        ("teh", "spelling.misspelling"),
    ]
    teh = next(f for f in found if text[f.start : f.end] == "teh")
    assert text[teh.start - 4 : teh.end] == "but teh"  # the prose one, not the code span


def test_results_are_cached_per_paragraph(lt_server):
    check = checker(lt_server.url)
    first = "Teh first paragraph.\n\nA second one, which is fine.\n\nA third, also fine.\n"
    grammar_findings(first, check)
    assert len(lt_server.requests) == 1
    grammar_findings(first, check)
    assert len(lt_server.requests) == 1  # nothing new to ask
    edited = first.replace("second one", "second one, now edited")
    found = grammar_findings(edited, check)
    assert len(lt_server.requests) == 2
    assert sent_text(lt_server.requests[-1]) == "A second one, now edited, which is fine."
    assert [edited[f.start : f.end] for f in found] == ["Teh"]
    moved = "A third, also fine.\n\n" + first  # paragraphs that moved are still known
    grammar_findings(moved, check)
    assert len(lt_server.requests) == 2


def test_identical_paragraphs_are_asked_about_once(lt_server):
    text = "Teh same line.\n\nTeh same line.\n"
    found = grammar_findings(text, checker(lt_server.url))
    assert len(found) == 2
    assert sent_text(lt_server.requests[0]) == "Teh same line."


def test_editor_lint_uses_the_cache_and_lists_what_is_pending(lt_server):
    check = checker(lt_server.url)
    text = "Teh first.\n\nTeh second.\n"
    report = lint(text, now=NOW, tz="UTC", grammar=check, fetch_grammar=False)
    assert lt_server.requests == []
    assert report.grammar is not None and len(report.grammar.pending) == 2
    check.fetch(report.grammar.pending)
    report = lint(text, now=NOW, tz="UTC", grammar=check, fetch_grammar=False)
    assert report.grammar.pending == []
    assert len([f for f in report.findings if f.rule == "spelling.misspelling"]) == 2


def test_dictionary_words_are_never_misspelled(lt_server):
    text = "Teh kubernetes cluster and the AsyncWriter app.\n"
    plain = grammar_findings(text, checker(lt_server.url))
    assert {text[f.start : f.end] for f in plain} == {"Teh", "kubernetes", "AsyncWriter"}
    check = checker(lt_server.url, words=["Kubernetes", "asyncwriter"])
    found = {text[f.start : f.end] for f in grammar_findings(text, check)}
    # "asyncwriter" (lower case) matches any capitalisation; "Kubernetes" only itself.
    assert found == {"Teh", "kubernetes"}


def test_rule_settings_turn_grammar_rules_off_and_change_severity(lt_server):
    text = "Teh plan: we could of waited.\n"
    check = checker(lt_server.url)
    off_one = grammar_findings(text, check, settings={"grammar.COULD_OF": None})
    assert [f.rule for f in off_one] == ["spelling.misspelling"]
    # LanguageTool's misspellings are spelling.misspelling (one id for every engine).
    assert [f.rule for f in grammar_findings(text, check, settings={"grammar": None})] == [
        "spelling.misspelling"
    ]
    assert grammar_findings(text, check, settings={"grammar": None, "spelling": None}) == []
    raised = grammar_findings(text, check, settings={"grammar.COULD_OF": Severity.ERROR})
    assert {f.rule: f.severity for f in raised}["grammar.COULD_OF"] is Severity.ERROR


def test_a_template_keeps_the_users_grammar_settings(lt_server):
    text = "<!-- asyncwriter:template status-update -->\n# Status\n\nTeh plan is fine.\n"
    check = checker(lt_server.url)
    found = grammar_findings(text, check, template="status-update",
                             settings={"grammar.MORFOLOGIK_RULE_EN_US": None})  # fmt: skip
    # The LanguageTool rule's own key still turns its misspellings off (now spelling.*).
    assert found == []


def test_long_drafts_are_checked_up_to_a_limit(lt_server, monkeypatch):
    monkeypatch.setattr(grammar_paragraphs, "MAX_CHECKED_CHARS", 100)
    text = "\n\n".join(f"Paragraph {n} is here and teh words go on." for n in range(20))
    report = lint(text, now=NOW, tz="UTC", grammar=checker(lt_server.url))
    assert report.grammar.truncated
    assert 0 < len(report.grammar.paragraphs) < 20


def test_large_drafts_are_split_into_requests(lt_server, monkeypatch):
    monkeypatch.setattr(grammar_checker, "MAX_REQUEST_CHARS", 60)
    text = "\n\n".join(f"Paragraph {n}: teh words." for n in range(6))
    found = grammar_findings(text, checker(lt_server.url))
    assert len(found) == 6
    assert len(lt_server.requests) > 1
    assert all(text[f.start : f.end] == "teh" for f in found)


# -- failures -----------------------------------------------------------------------------


def test_time_out_is_an_error_and_the_other_checks_still_run(lt_server, monkeypatch):
    monkeypatch.setattr(languagetool.server, "READ_TIMEOUT", 0.3)
    lt_server.fake.mode = "slow"
    report = lint("Please review teh doc by Friday.\n", now=NOW, tz="UTC",
                  grammar=checker(lt_server.url))  # fmt: skip
    assert "did not answer in time" in str(report.grammar.error)
    assert report.grammar.error.retry
    assert any(f.rule.startswith("deadline.") for f in report.findings)


@pytest.mark.parametrize(
    ("mode", "says", "retry"),
    [
        ("error", "HTTP 500: Internal Error: java.lang.OutOfMemoryError", True),
        ("garbage", "is not LanguageTool's", True),
        ("notjson-matches", "is not LanguageTool's", True),
        ("redirect", "redirects to https://elsewhere.example.com/v2/check", False),
    ],
)
def test_server_errors_are_explained(lt_server, mode, says, retry):
    lt_server.fake.mode = mode
    check = checker(lt_server.url)
    with pytest.raises(GrammarError) as caught:
        check.fetch(paragraphs(Analysis("Teh text.\n"))[0])
    assert says in str(caught.value)
    assert caught.value.retry is retry
    lt_server.fake.mode = "ok"  # nothing was cached from the failure
    assert len(grammar_findings("Teh text.\n", check)) == 1


def test_a_server_that_is_not_there(lt_server):
    url = lt_server.url
    lt_server.close()
    with pytest.raises(GrammarError, match="cannot reach LanguageTool at 127.0.0.1"):
        checker(url).fetch(paragraphs(Analysis("Teh text.\n"))[0])


def test_malformed_matches_are_skipped(lt_server, monkeypatch):
    real = lt_server.fake.check

    def broken(form):
        answer = real(form)
        answer["matches"].insert(0, {"offset": "x", "rule": None})
        answer["matches"].append({"offset": 0})
        return answer

    monkeypatch.setattr(lt_server.fake, "check", broken)
    assert len(grammar_findings("Teh text.\n", checker(lt_server.url))) == 1


# -- the engine without the service -------------------------------------------------------


class CannedServer:
    """Answers like LanguageTool without HTTP: the engine needs nothing more."""

    def __init__(self) -> None:
        self.asked: list[tuple[int, str, str]] = []
        self.closed = False

    def check(self, chunk, language: str, level: str) -> list[dict]:
        """Flag the first word of every paragraph as misspelled."""
        self.asked.append((len(chunk), language, level))
        rule = {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling"}
        matches, offset = [], 0
        for paragraph in chunk:
            matches.append({"offset": offset, "length": 3, "message": "Typo?", "rule": rule})
            offset += paragraph.end - paragraph.start + 2  # the blank line between them
        return matches

    def close(self) -> None:
        self.closed = True


def test_the_checker_takes_any_server_and_plain_settings():
    server = CannedServer()
    check = GrammarChecker(server, language="en-GB", level="picky", words=["zzz"])
    text = "Teh first.\n\nZzz second.\n"
    found = grammar_findings(text, check)
    assert server.asked == [(2, "en-GB", "picky")]
    assert [text[f.start : f.end] for f in found] == ["Teh"]  # "Zzz": in the dictionary
    check.close()
    assert server.closed


# -- choosing the server ------------------------------------------------------------------


def test_make_server_follows_the_settings():
    assert languagetool.make_server(LanguageToolSettings(mode="off"), consent=False) is None
    server = languagetool.make_server(
        LanguageToolSettings(mode="server", url="https://lt.example.com/v2"), consent=False
    )
    assert server.url == "https://lt.example.com/v2/check"
    local = languagetool.make_server(
        LanguageToolSettings(mode="server", url="http://localhost:8081"), consent=False
    )
    assert local.url == "http://localhost:8081/v2/check" and not local.session.trust_env
    with pytest.raises(GrammarError, match="use https") as caught:
        languagetool.make_server(
            LanguageToolSettings(mode="server", url="http://lt.example.com"), consent=False
        )
    assert caught.value.action == "settings"
    with pytest.raises(GrammarError) as caught:
        languagetool.make_server(LanguageToolSettings(mode="public"), consent=False)
    assert caught.value.action == "consent"
    public = languagetool.make_server(LanguageToolSettings(mode="public"), consent=True)
    assert public.url == "https://api.languagetool.org/v2/check"


def test_local_mode_without_languagetool_asks_for_the_download():
    server = languagetool.make_server(LanguageToolSettings(mode="local"), consent=False)
    assert isinstance(server, languagetool.local.LocalServer)
    assert Path(os.environ["LTP_PATH"]).name == "languagetool"
    with pytest.raises(GrammarError) as caught:
        server.check(paragraphs(Analysis("Teh text.\n"))[0], "en-US", "default")
    assert caught.value.action == "download"
    assert not caught.value.retry


def test_download_folder_defaults_to_the_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("LTP_PATH")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    ours = tmp_path / "cache" / "asyncwriter" / "languagetool"
    assert languagetool.local.use_download_folder() == ours
    monkeypatch.delenv("LTP_PATH")  # an existing language-tool-python download is reused
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    existing = tmp_path / "home" / ".cache" / "language_tool_python"
    (existing / f"LanguageTool-{LTP_DOWNLOAD_VERSION}").mkdir(parents=True)
    assert languagetool.local.use_download_folder() == existing
    assert languagetool.local.installed()


def test_missing_java_is_explained(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    problem = languagetool.local.check_java()
    assert "needs Java" in problem and "openjdk-17" in problem and "server" in problem
    with pytest.raises(GrammarError) as caught:
        languagetool.local.download()
    assert caught.value.action == "java"


def test_a_failed_download_is_explained(monkeypatch):
    import requests
    from language_tool_python.download_lt import ReleaseLocalLanguageTool

    monkeypatch.setattr(languagetool.local, "check_java", lambda: None)

    def offline(self):
        raise requests.exceptions.ConnectionError("Failed to establish a new connection")

    monkeypatch.setattr(ReleaseLocalLanguageTool, "download", offline)
    with pytest.raises(GrammarError, match="could not be downloaded") as caught:
        languagetool.local.download()
    assert "server" in str(caught.value)


def test_download_reports_progress_from_the_partial_file(monkeypatch):
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, ReleaseLocalLanguageTool

    monkeypatch.setattr(languagetool.local, "check_java", lambda: None)
    monkeypatch.setattr(languagetool.local, "download_size", lambda: 3_000)
    folder = languagetool.local.use_download_folder()
    seen: list[tuple[int, int | None]] = []
    grew = threading.Event()

    def fake_download(self):  # writes the zip the way language-tool-python does
        partial = folder / "tmpabc" / "x.zip"
        partial.parent.mkdir(parents=True)
        for _ in range(3):
            with partial.open("ab") as out:
                out.write(b"z" * 1000)
            grew.wait(0.5)
            grew.clear()
        (folder / f"LanguageTool-{LTP_DOWNLOAD_VERSION}").mkdir()
        partial.unlink()

    def progress(done, total):
        seen.append((done, total))
        grew.set()

    monkeypatch.setattr(ReleaseLocalLanguageTool, "download", fake_download)
    languagetool.local.download(progress)
    assert languagetool.local.installed()
    sizes = [done for done, _ in seen]
    assert (
        sizes == sorted(sizes[: sizes.index(max(sizes)) + 1]) + sizes[sizes.index(max(sizes)) + 1 :]
    )
    assert max(sizes) >= 2_000 and all(total == 3_000 for _, total in seen)


# -- a real LanguageTool, where one is installed -------------------------------------------


def _real_install() -> Path | None:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    for folder in (REAL_LTP_PATH, Path.home() / ".cache" / "language_tool_python"):
        if folder and (Path(folder) / f"LanguageTool-{LTP_DOWNLOAD_VERSION}").is_dir():
            return Path(folder)
    return None


@pytest.mark.slow
@pytest.mark.skipif(_real_install() is None or shutil.which("java") is None,
                    reason="no LanguageTool download or no Java on this machine")  # fmt: skip
def test_real_local_languagetool(monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(_real_install()))
    check = languagetool.make_checker(
        LanguageToolSettings(mode="local"), languagetool.local.LocalServer("en-US")
    )
    try:
        text = "Teh deploy is done.\n\nWe could of waited for a update 😀 of `svc` here.\n"
        found = grammar_findings(text, check)
        words = {text[f.start : f.end].lower() for f in found}
        assert "teh" in words
        assert any(f.rule == "grammar.EN_A_VS_AN" for f in found)
        assert all(text[f.start : f.end] != "svc" for f in found)
    finally:
        check.close()
