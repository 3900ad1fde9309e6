"""Unit tests for each export format: what each destination needs, one behaviour a test."""

from __future__ import annotations

import pytest

from asyncwriter.export import FORMATS, render
from asyncwriter.export.message import parse, web_url


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'word'"):
        render("hi", "word")


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_draft_renders_empty(fmt: str) -> None:
    rendered = render("", fmt)
    assert rendered.plain == ""
    assert rendered.subject is None


@pytest.mark.parametrize(("fmt", "has_html"), [("slack", True), ("teams", True), ("email", True),
                                               ("markdown", False), ("plain", False)])  # fmt: skip
def test_which_formats_carry_html(fmt: str, has_html: bool) -> None:
    assert (render("Hello **there**.", fmt).html is not None) is has_html


def test_marker_comment_never_reaches_the_output() -> None:
    text = "<!-- asyncwriter template: status-update -->\nSubject: Hi\n\nBody text."
    for fmt in FORMATS:
        rendered = render(text, fmt)
        assert "asyncwriter template" not in rendered.plain
        assert "asyncwriter template" not in (rendered.html or "")


def test_subject_line_is_metadata() -> None:
    message = parse("Subject: Launch moved\n\nWe move the launch.")
    assert message.title == "Launch moved"
    assert "Subject:" not in render("Subject: Launch moved\n\nBody.", "plain").plain


# -- slack ------------------------------------------------------------------------------


def test_slack_marks() -> None:
    out = render("**bold** *italic* ~~gone~~ `code`", "slack").plain
    assert out == "*bold* _italic_ ~gone~ `code`\n"


def test_slack_escapes_only_its_three_control_characters() -> None:
    out = render("R&D <team> 5 > 3 \"quotes\" 'apostrophes' * stars", "slack").plain
    assert out == "R&amp;D &lt;team&gt; 5 &gt; 3 \"quotes\" 'apostrophes' * stars\n"


def test_slack_links() -> None:
    out = render("[the doc](https://a.dev/x?y=1&z=2) and https://b.dev and x@y.dev", "slack")
    assert out.plain == ("<https://a.dev/x?y=1&amp;z=2|the doc> and <https://b.dev> and "
                         "<mailto:x@y.dev|x@y.dev>\n")  # fmt: skip


def test_slack_link_text_cannot_break_out_of_the_link() -> None:
    out = render("[a > b | c](https://a.dev/p|q)", "slack").plain
    assert out == "<https://a.dev/p%7Cq|a &gt; b | c>\n"


def test_slack_headings_become_bold_lines_without_nested_bold() -> None:
    out = render("## Risks **now**\n\nText", "slack")
    assert out.plain == "*Risks now*\n\nText\n"
    assert out.html is not None
    assert "<h2" not in out.html
    assert "<p><strong>Risks now</strong></p>" in out.html


def test_slack_nested_lists_stay_readable() -> None:
    out = render("- one\n  - one.a\n    - deep\n- two\n\n1. first\n2. second", "slack").plain
    assert out == "• one\n    ◦ one.a\n        ▪ deep\n• two\n\n1. first\n2. second\n"


def test_slack_task_items_show_ballot_boxes() -> None:
    text = "- [ ] open *task*\n- [x] done\n- [X] Done too\n- plain\n- [ ]\n\n1. [ ] first\n2. [x] second"
    out = render(text, "slack")
    assert out.plain == (
        "☐ open _task_\n☑ done\n☑ Done too\n• plain\n☐\n\n1. ☐ first\n2. ☑ second\n"
    )
    assert out.html is not None
    assert "<li>☐ open <em>task</em></li>" in out.html
    assert "<li>☑ done</li>" in out.html and "<li>☐</li>" in out.html
    assert "<li>☐ first</li>" in out.html
    assert "[ ]" not in out.plain + out.html and "[x]" not in out.plain + out.html


def test_slack_task_boxes_keep_nesting_and_escaping() -> None:
    out = render("- [ ] <b>R&D</b>\n  - [x] nested\n- [ ]x no space is text", "slack")
    assert out.plain == "☐ &lt;b&gt;R&amp;D&lt;/b&gt;\n    ☑ nested\n• [ ]x no space is text\n"
    assert "☐ &lt;b&gt;R&amp;D&lt;/b&gt;" in (out.html or "")


@pytest.mark.parametrize("fmt", ["teams", "email", "plain"])
def test_other_formats_keep_task_brackets(fmt: str) -> None:
    assert "[ ] open" in render("- [ ] open", fmt).plain


@pytest.mark.parametrize("fmt", ["teams", "email"])
def test_rich_text_without_task_lists_shows_ballot_boxes(fmt: str) -> None:
    html = render("- [ ] open <b>\n- [x] done\n", fmt).html or ""
    assert "☐ open &lt;b&gt;" in html and "☑ done" in html and "[ ]" not in html


def test_markdown_keeps_task_lists_that_github_renders_as_checkboxes() -> None:
    out = render("- [ ] open *now*\n- [x] done\n- [X] Done too\n- not [x] a task\n", "markdown")
    assert out.plain == "- [ ] open *now*\n- [x] done\n- [x] Done too\n- not \\[x\\] a task\n"
    assert render("1. [ ] first\n2. [x] second\n", "markdown").plain == (
        "1. [ ] first\n2. [x] second\n"
    )


def test_slack_tables_become_lists() -> None:
    table = "| Service | Status | Owner |\n|---|---|---|\n| api | up | Dana |\n| web | | Lee |"
    out = render(table, "slack")
    assert out.plain == "• api — Status: up, Owner: Dana\n• web — Owner: Lee\n"
    assert out.html is not None
    assert "<table" not in out.html


def test_two_column_tables_read_as_label_and_value() -> None:
    out = render("| Metric | Value |\n|---|---|\n| p95 | 120 ms |", "plain").plain
    assert out == "- p95: 120 ms\n"


def test_slack_code_block_drops_the_language_and_escapes() -> None:
    out = render("```html\n<b>x</b>\n```", "slack").plain
    assert out == "```\n&lt;b&gt;x&lt;/b&gt;\n```\n"


def test_subject_becomes_a_bold_first_line_in_chat() -> None:
    assert render("Subject: Beta slips\n\nBody.", "slack").plain == "*Beta slips*\n\nBody.\n"
    assert render("Body.", "slack", subject="Chosen").plain == "*Chosen*\n\nBody.\n"


# -- teams ------------------------------------------------------------------------------


def test_teams_keeps_headings_one_and_two_and_tables() -> None:
    out = render("# One\n\n## Two\n\n| a | b |\n|---|---|\n| 1 | 2 |", "teams")
    assert out.html is not None
    assert "<h1>One</h1>" in out.html
    assert "<h2>Two</h2>" in out.html
    assert "<table>" in out.html
    assert "style=" not in out.html.replace('style="text-align:', "")


@pytest.mark.parametrize("level", [3, 4, 5, 6])
def test_teams_shows_deeper_headings_as_bold_paragraphs(level: int) -> None:
    # Teams shows a pasted <h3> and below smaller than body text: they would not read as
    # headings. Inner bold is not doubled; the text is escaped.
    out = render(f"{'#' * level} Risks **now** <b>&</b>\n\nBody.", "teams")
    assert out.html == "<p><strong>Risks now &lt;b&gt;&amp;&lt;/b&gt;</strong></p>\n<p>Body.</p>\n"
    assert "<h" not in out.html


def test_email_keeps_every_heading_level() -> None:
    html = render("### Three\n\n###### Six", "email").html or ""
    assert "<h3 " in html and "<h6 " in html


def test_teams_plain_alternative_is_plain_text() -> None:
    out = render("See [the doc](https://a.dev).", "teams")
    assert out.plain == "See the doc (https://a.dev).\n"


# -- email ------------------------------------------------------------------------------


def test_email_subject_comes_from_the_subject_line() -> None:
    rendered = render("Subject: Status: beta on track\n\nTL;DR: on track. No action needed.",
                      "email")  # fmt: skip
    assert rendered.subject == "[INFO] Status: beta on track"
    assert "Subject" not in rendered.plain


def test_an_empty_subject_line_gives_way_to_the_summary() -> None:
    draft = "Subject:\n\nThe plan is ready. Please review it by Thu 3 Dec, 17:00 UTC.\n"
    assert render(draft, "email").subject == "[ACTION] The plan is ready"


def test_email_subject_prefix_says_what_the_reader_must_do() -> None:
    ask = "TL;DR: the beta slips a week.\n\nCan you confirm the new date by Fri 4 Dec 17:00 UTC?"
    assert render(ask, "email").subject == "[ACTION] The beta slips a week"
    assert render("TL;DR: beta ships. No action needed, FYI.", "email").subject == (
        "[INFO] Beta ships"
    )


def test_email_subject_prefix_follows_the_template_kind() -> None:
    from asyncwriter.templates import default_catalog

    catalog = default_catalog()
    text = "Subject: Pick a database\n\nTL;DR: Postgres. Approve by Fri 4 Dec 12:00 UTC?"
    decision = render(text, "email", template=catalog.get("decision-proposal"))
    assert decision.subject == "[DECISION] Pick a database"
    incident = render("Subject: search down\n\nTL;DR: search is down.", "email",
                      template="incident-report")  # fmt: skip
    assert incident.subject == "[INCIDENT] search down"


def test_email_subject_from_the_marker_template() -> None:
    text = "<!-- asyncwriter template: incident-report -->\nSubject: api errors\n\nTL;DR: 5xx."
    assert render(text, "email").subject == "[INCIDENT] api errors"


def test_email_subject_is_not_prefixed_twice() -> None:
    for subject in ("FYI: new office", "INCIDENT SEV1: api down", "Decision needed: db",
                    "[ACTION] review the plan"):  # fmt: skip
        assert render(f"Subject: {subject}\n\nBody.", "email").subject == subject


def test_email_subject_given_by_the_writer_wins() -> None:
    out = render("Subject: Old\n\nTL;DR: done. No action needed.", "email", subject="New one")
    assert out.subject == "[INFO] New one"


def test_derived_subject_is_one_short_sentence() -> None:
    long = "TL;DR: " + "word " * 40 + "end. Second sentence."
    subject = render(long, "email").subject
    assert subject is not None
    assert len(subject) <= len("[INFO] ") + 91
    assert subject.endswith("…")
    assert "Second" not in subject


def test_email_plain_wraps_at_72_and_never_breaks_a_url() -> None:
    url = "https://example.com/" + "long-path/" * 10
    text = ("word " * 30) + url + " after.\n\n- " + ("item " * 20)
    plain = render(text, "email").plain
    lines = plain.splitlines()
    assert url in lines
    assert all(len(line) <= 72 for line in lines if line != url)
    assert any(line.startswith("  item") for line in lines)  # hanging indent under "- "


def test_email_plain_keeps_links_as_text_and_url() -> None:
    plain = render("Read [the plan](https://a.dev/plan) today.", "email").plain
    assert plain == "Read the plan (https://a.dev/plan) today.\n"


def test_email_html_has_inline_styles_only() -> None:
    html = render("# Title\n\n| a |\n|---|\n| 1 |\n\n`x`", "email").html
    assert html is not None
    assert "<style" not in html
    assert "<link" not in html
    assert 'class="' not in html
    assert '<h1 style="' in html
    assert '<td style="' in html


def test_code_block_keeps_indentation_and_escapes() -> None:
    html = render("```\n  if a < b:\n      go()\n```", "email").html
    assert html is not None
    assert "  if a &lt; b:\n      go()</code></pre>" in html


# -- markdown and plain -------------------------------------------------------------------


def test_markdown_is_normalised() -> None:
    src = "Title\n=====\n\n* one\n* two\n\n__strong__ _em_\n\n    code"
    assert render(src, "markdown").plain == (
        "# Title\n\n- one\n- two\n\n**strong** *em*\n\n```\ncode\n```\n"
    )


def test_markdown_keeps_literal_characters_literal() -> None:
    out = render(r"2 \* 3 and \_x\_ and a\|b and \# not a heading", "markdown").plain
    assert out == "2 \\* 3 and \\_x\\_ and a\\|b and # not a heading\n"


def test_markdown_renumbers_ordered_lists_from_their_start() -> None:
    assert render("3. a\n3. b\n3. c", "markdown").plain == "3. a\n4. b\n5. c\n"


def test_adjacent_lists_stay_apart_in_markdown() -> None:
    assert render("- a\n+ b", "markdown").plain == "- a\n\n* b\n"


@pytest.mark.parametrize(
    "src", ["- * *", "- a\n- * *\n- b", "- x\n\n  - * *", "- the plan\n  - * *", "* - -", "- - - a"]
)
@pytest.mark.parametrize("fmt", ["markdown", "plain", "teams"])
def test_a_list_starting_with_an_empty_nested_item_is_not_a_rule(src: str, fmt: str) -> None:
    """Regression: ``- * *`` (lists nested on one line) came out as ``- - -``, a rule."""
    from asyncwriter.markdown import parser

    out = render(src, fmt).plain
    assert "<hr />" not in parser(html=False).render(out)
    assert parser(html=False).render(out) == parser(html=False).render(src)


def test_a_list_nested_on_one_line_takes_the_other_bullet_only_where_needed() -> None:
    assert render("- * *", "markdown").plain == "- * -\n"
    assert render("- a\n- * *", "plain").plain == "- a\n- * -\n"
    assert render("- - a", "markdown").plain == "- - a\n"  # no rule, so unchanged
    assert render("- * *", "slack").plain == "• ◦ ▪\n"  # Slack's bullets never make a rule


def test_plain_text_headings_links_and_strike() -> None:
    out = render("# Plan\n\nSee [doc](https://a.dev). Not ~~now~~ later.", "plain").plain
    assert out == "Plan\n====\n\nSee doc (https://a.dev). Not ~~now~~ later.\n"


def test_plain_underline_counts_wide_characters() -> None:
    out = render("## 日本 🎉", "plain").plain
    assert out == "日本 🎉\n-------\n"


def test_line_breaks_are_kept_as_typed() -> None:
    text = "Impact: checkout down\nStatus: rolling back"
    assert render(text, "plain").plain == text + "\n"
    assert "<br>" in (render(text, "teams").html or "")


def test_rtl_text_gets_direction_auto_in_html() -> None:
    html = render("שלום עולם\n\nHello", "email").html
    assert html is not None
    assert '<p style="margin:0 0 12px 0" dir="auto">שלום עולם</p>' in html
    assert 'dir="auto"' not in (render("Hello", "email").html or "")


def test_emoji_and_combining_characters_survive_every_format() -> None:
    text = "Team 👩‍💻👨🏽‍💻 ✅ café naïve"
    for fmt in FORMATS:
        rendered = render(text, fmt)
        assert "👩‍💻👨🏽‍💻 ✅ café naïve" in rendered.plain
        assert rendered.html is None or "👩‍💻👨🏽‍💻 ✅ café naïve" in rendered.html


@pytest.mark.parametrize(("href", "ok"), [
    ("https://a.dev", True), ("http://a.dev/x", True), ("mailto:a@b.dev", True),
    ("HTTPS://A.DEV", True), ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("file:///etc/passwd", False),
    ("slack://open", False), ("/relative", False), ("https:///nohost", False), ("", False),
])  # fmt: skip
def test_only_web_links_are_clickable(href: str, ok: bool) -> None:
    assert (web_url(href) is not None) is ok


def test_mailto_link_encodes_everything_and_uses_crlf() -> None:
    from urllib.parse import parse_qs, urlsplit

    from asyncwriter.export.mailto import fits, mailto_url

    url = mailto_url("[ACTION] R&D: go?", "Line 1 & more\nhttps://a.dev/?x=1&y=2 #tag")
    assert url.startswith("mailto:?subject=%5BACTION%5D%20R%26D%3A%20go%3F&body=")
    fields = parse_qs(urlsplit(url).query)
    assert fields["subject"] == ["[ACTION] R&D: go?"]
    assert fields["body"] == ["Line 1 & more\r\nhttps://a.dev/?x=1&y=2 #tag"]
    assert mailto_url(None, None) == "mailto:"
    assert fits("s", "short body")
    assert not fits("s", "x" * 3000)
