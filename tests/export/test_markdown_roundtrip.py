"""The normalised Markdown means what the draft meant.

Property: a strict CommonMark parser (no bare-URL linkify) reads the exported Markdown as
the same document the export read from the draft: same HTML, so GitHub, Notion and
Confluence show what the writer saw. The one change on purpose is the link rules every
format follows (an app link becomes text, a hidden target is shown, a mailto: loses its
cc and bcc); ``test_markdown_links_follow_the_rules_of_every_format`` pins those.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from asyncwriter.export import render
from asyncwriter.markdown import parser

STRICT = MarkdownIt("commonmark", {"html": False, "breaks": True}).enable(
    ["table", "strikethrough"]
)

WORDS = ["the plan", "ships", "Tue 8 Dec", "R&D", "5 > 3", "a < b", "snake_case", "2 * 3",
         "price $5 | $6", "C#", "#42", "1.5", "v2.0", "~30%", "e.g.", "don't", "\"quoted\"",
         "café", "🎉", "שלום", "مرحبا", "[draft]", "(see below)", "@dana", "x_y_z", "*", "_",
         "`", "\\", "!", "<b>", "&amp;", "&#42;", "_private", "trailing_", "\\_private",
         "trailing\\_", "\\*star", "star\\*", "\\[not a link\\](x)", "\\# hash", "1\\. one",
         "\\- dash", "\\> quote", "\\~\\~not struck\\~\\~", "a\\|b"]  # fmt: skip
INLINE = ["**bold**", "*em*", "_em_", "__strong__", "~~gone~~", "`code_span`", "`` a`b ``",
          "[doc](https://docs.example/a_b)", "[q](https://ex.example/?a=1&b=2 \"Title\")",
          "<https://auto.example/x>", "https://bare.example/path", "www.example.com",
          "dana@example.com", "![chart](https://img.example/c.png)"]  # fmt: skip
BLOCK_STARTS = ["", "# ", "## ", "- ", "* ", "+ ", "1. ", "3) ", "> ", "- [ ] "]

line = st.lists(st.sampled_from(WORDS + INLINE), min_size=1, max_size=6).map(" ".join)
block = st.one_of(
    st.tuples(st.sampled_from(BLOCK_STARTS), line).map("".join),
    st.lists(line, min_size=1, max_size=3).map(lambda ls: "- " + "\n  - ".join(ls)),
    st.lists(line, min_size=1, max_size=3).map(lambda ls: "\n".join(ls)),
    line.map(lambda s: f"```\n{s}\n```"),
    st.tuples(line, line).map(lambda t: f"| h1 | h2 |\n|:--|--:|\n| {t[0]} | {t[1]} |"),
    st.just("---"),
)


def _same(src: str) -> tuple[str, str]:
    out = render(src, "markdown").plain
    norm = lambda html: re.sub(r"[ \t]+<br />", "<br />", html)  # noqa: E731
    return norm(parser(html=False).render(src)), norm(STRICT.render(out))


# Derandomized: the same 400 drafts on every run, so the test fails for a change in the
# code and never for a new draw (the random search found "- * *"; run it with
# derandomize=False and more examples to look for more).
@pytest.mark.slow
@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(block, min_size=1, max_size=6).map("\n\n".join))
@example("- * *")  # exported as "- - -", a horizontal rule
@example("- the plan\n  - * *")
def test_exported_markdown_reads_as_the_same_document(src: str) -> None:
    before, after = _same(src)
    assert after == before, render(src, "markdown").plain


def test_messages_in_the_golden_set_round_trip() -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "messages").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1] if text.startswith(("<!--", "Subject:")) else text
        if path.name == "tricky-text.md":  # its app link is made text, as in every format
            body = body.replace("[app](slack://open)", "app (slack://open)")
        before, after = _same(body)
        assert after == before, path.name


def test_markdown_links_follow_the_rules_of_every_format() -> None:
    draft = (
        "[https://good.example/login](https://evil.example/phish), "
        "[mail](mailto:a@b.example?cc=c@d.example&subject=Hi), [app](slack://open), "
        "[look-alike](https://\u0430\u0440\u0440le.com/x) and <https://\u0430\u0440\u0440le.com/y>."
    )
    out = render(draft, "markdown").plain
    assert (
        "[https://good.example/login](https://evil.example/phish) (https://evil.example/phish)"
        in out
    )
    assert "(mailto:a@b.example?subject=Hi)" in out and "cc=" not in out
    assert "app (slack://open)" in out and "](slack:" not in out
    assert "[look-alike](https://xn--le-6kc8da.com/x)" in out
    assert "<https://xn--le-6kc8da.com/y>" in out


def test_normalising_twice_changes_nothing() -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).parent / "messages").glob("*.md")):
        once = render(path.read_text(encoding="utf-8"), "markdown").plain
        assert render(once, "markdown").plain == once, path.name
