"""Nothing the writer typed can run as script or load remote content in a mail client.

Every HTML part is parsed with the standard library's parser and checked against an
allowlist: known tags only, attributes only ``href`` (web schemes), ``style`` (ours),
``start`` and ``dir``. Hypothesis throws hostile fragments at it in every combination.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.export import FORMATS, render
from asyncwriter.export.html import EMAIL_STYLES

ALLOWED_TAGS = {"div", "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
                "blockquote", "pre", "code", "strong", "em", "s", "a", "hr", "table",
                "thead", "tbody", "tr", "th", "td"}  # fmt: skip
ALIGN = {"text-align:left", "text-align:center", "text-align:right"}
KNOWN_STYLES = set(EMAIL_STYLES.values()) | ALIGN | {f"{s};{a}" for s in EMAIL_STYLES.values()
                                                       for a in ALIGN}  # fmt: skip

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    "<style>body{background:url(https://evil.example/t.png)}</style>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](  javascript:alert(1) )",
    "[c](java&#x09;script:alert(1))",
    "[c](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[c](vbscript:msgbox(1))",
    "[c](file:///etc/passwd)",
    "[c](file://fileserver/share/payroll.xlsx)",
    "[c](smb://fileserver/share)",
    "[app](slack://open?team=T1)",
    "[app](ms-teams://l/call)",
    '[c](https://ok.example "title\\" onmouseover=\\"alert(1))',
    '[c](https://ok.example/"onmouseover="alert(1))',
    "![pixel](https://tracker.example/p.gif)",
    "![x](javascript:alert(1))",
    "<https://ok.example/a?b=1&c=<script>>",
    'https://ok.example/"><script>alert(1)</script>',
    "&lt;script&gt;",
    "`<script>alert(1)</script>`",
    "```\n</code></pre><script>alert(1)</script>\n```",
    "| <b>x</b> | y |\n|---|---|\n| <i onmouseover=alert(1)>z</i> | w |",
    "**<u>bold</u>**",
    "<!-- comment --> <![CDATA[x]]>",
    "\u202eevil\u202c",
    "\x00\x01",
]


class _Audit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name == "href":
                if tag != "a" or urlsplit(value).scheme.lower() not in ("http", "https", "mailto"):
                    self.problems.append(f"href {value!r} on <{tag}>")
            elif name == "style":
                if value not in KNOWN_STYLES and not value.startswith("font-family:"):
                    self.problems.append(f"style {value!r}")
            elif name == "start":
                if not value.isdigit():
                    self.problems.append(f"start {value!r}")
            elif not (name == "dir" and value == "auto"):
                self.problems.append(f"attribute {name}={value!r} on <{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self.problems.append("comment")

    def unknown_decl(self, data: str) -> None:
        self.problems.append(f"declaration {data!r}")


def _audit(html: str) -> list[str]:
    parser = _Audit()
    parser.feed(html)
    parser.close()
    return parser.problems


def test_every_hostile_fragment_is_inert_in_every_html_part() -> None:
    for fragment in HOSTILE:
        text = f"Subject: {fragment}\n\n{fragment}\n\n- {fragment}\n\n> {fragment}"
        for fmt in FORMATS:
            html = render(text, fmt).html
            if html is not None:
                assert _audit(html) == [], (fmt, fragment)


def test_the_wrapper_font_style_is_ours() -> None:
    html = render("x", "email").html
    assert html is not None
    assert html.startswith(f'<div style="{EMAIL_STYLES["body"].replace(chr(34), "&quot;")}"')


def test_script_text_is_shown_not_run() -> None:
    html = render("<script>alert(1)</script>", "email").html
    assert html is not None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_images_are_links_never_loaded() -> None:
    for fmt in ("slack", "teams", "email"):
        html = render("![chart](https://charts.example/q3.png)", fmt).html
        assert html is not None
        assert "<img" not in html
        assert '<a href="https://charts.example/q3.png"' in html


def test_slack_mrkdwn_cannot_smuggle_a_link_or_mention() -> None:
    out = render("<!channel> <@U123> <https://evil.example|innocent>", "slack").plain
    assert "<!channel>" not in out
    assert "<@U123>" not in out
    assert "&lt;!channel&gt; &lt;@U123&gt;" in out


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*HOSTILE, "text", "**", "[", "](", ")", "<", ">", "\n",
                                 "\n\n", "- ", "# ", "`", "|", '"', "'"]),
                min_size=1, max_size=12))  # fmt: skip
def test_no_combination_of_hostile_pieces_escapes(pieces: list[str]) -> None:
    text = "".join(pieces)
    for fmt in ("slack", "teams", "email"):
        html = render(text, fmt).html
        assert html is not None
        assert _audit(html) == [], (fmt, text)
