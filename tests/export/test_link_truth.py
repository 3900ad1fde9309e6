"""A link shows where it goes, a mail link adds no hidden field, a subject reads as typed.

Rendered through the public :func:`asyncwriter.export.render`, in every format that hides a
link's target behind its text (the HTML parts, Slack's mrkdwn) and in the plain parts.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from asyncwriter.export import render

RICH = ("slack", "teams", "email")
EVERY = ("slack", "teams", "email", "plain")
CYRILLIC = "аррle.com"  # Cyrillic а and р: reads as apple.com
CYRILLIC_ASCII = "xn--le-6kc8da.com"


class _Visible(HTMLParser):
    """What a reader sees of an HTML part (text only), and the links' targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs.extend(value or "" for name, value in attrs if name == "href")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _visible(html: str | None) -> tuple[str, list[str]]:
    assert html is not None
    parser = _Visible()
    parser.feed(html)
    return "".join(parser.text), parser.hrefs


def _parts(draft: str, fmt: str) -> list[str]:
    """Return what a reader sees of each part of ``draft`` rendered for ``fmt``."""
    rendered = render(draft, fmt)
    shown = [rendered.plain]
    if rendered.html is not None:
        shown.append(_visible(rendered.html)[0])
    return shown


@pytest.mark.parametrize("fmt", RICH)
def test_a_url_as_link_text_pointing_elsewhere_shows_the_real_target(fmt: str) -> None:
    draft = "Log in at [https://good.example/login](https://evil.example/steal) today.\n"
    rendered = render(draft, fmt)
    text, hrefs = _visible(rendered.html)
    assert hrefs == ["https://evil.example/steal"]
    assert "https://good.example/login (https://evil.example/steal)" in text
    assert "https://evil.example/steal" in rendered.plain.split("|", 1)[-1]


def test_slack_mrkdwn_shows_the_real_target_beside_the_link() -> None:
    draft = "Log in at [https://good.example/login](https://evil.example/steal) today.\n"
    plain = render(draft, "slack").plain
    assert (
        "<https://evil.example/steal|https://good.example/login> (https://evil.example/steal)"
        in (plain)
    )


@pytest.mark.parametrize(
    "draft",
    [
        "Text naming a host: [see paypal.com](https://evil.example)",
        "A mail address: [alice@corp.dev](mailto:mallory@evil.dev)",
        "An image: ![https://good.example](https://evil.example/p.png)",
    ],
)
@pytest.mark.parametrize("fmt", RICH)
def test_any_address_in_link_text_that_points_elsewhere_is_revealed(draft: str, fmt: str) -> None:
    text, _ = _visible(render(draft, fmt).html)
    assert "evil." in text


@pytest.mark.parametrize(
    "draft",
    [
        "[the plan](https://docs.acme.dev/plan)",
        "[https://github.com/o/r](https://github.com/o/r/)",
        "[docs.acme.dev](https://www.docs.acme.dev/x)",
        "[alice@corp.dev](mailto:alice@corp.dev)",
        "Bare https://docs.acme.dev/plan and <https://github.com/o/r>",
        "[report.pdf, v1.2, e.g. this](https://docs.acme.dev/r)",
    ],
)
@pytest.mark.parametrize("fmt", RICH)
def test_honest_links_are_left_as_they_were(draft: str, fmt: str) -> None:
    text, _ = _visible(render(draft, fmt).html)
    assert "(" not in text


@pytest.mark.parametrize("fmt", EVERY)
def test_a_typed_punycode_host_is_never_shown_as_its_look_alike(fmt: str) -> None:
    # markdown-it writes a bare link's text with the host decoded to Unicode.
    draft = "Sign in at https://xn--80ak6aa92e.com/login before noon.\n"
    for shown in _parts(draft, fmt):
        assert "xn--80ak6aa92e.com" in shown
        assert shown.isascii(), shown


@pytest.mark.parametrize("fmt", EVERY)
def test_a_unicode_look_alike_host_is_shown_in_punycode(fmt: str) -> None:
    for draft in (f"Bare https://{CYRILLIC}/login here.\n",
                  f"Named [https://{CYRILLIC}/login](https://{CYRILLIC}/login) here.\n",
                  f"Host only [{CYRILLIC}](https://{CYRILLIC}) here.\n"):  # fmt: skip
        for shown in _parts(draft, fmt):
            assert CYRILLIC_ASCII in shown, (draft, shown)


MAILTO = (
    "[write to us](mailto:team@acme.dev?subject=Hello%0D%0ABcc:%20spy@evil.example"
    "&cc=spy@evil.example&bcc=spy2@evil.example&body=Hi%0Athere&X-Header=1)"
)


@pytest.mark.parametrize("fmt", RICH)
def test_mailto_links_keep_only_subject_and_body_without_line_breaks(fmt: str) -> None:
    _, hrefs = _visible(render(MAILTO, fmt).html)
    assert hrefs == [
        "mailto:team@acme.dev?subject=Hello%20Bcc%3A%20spy%40evil.example&body=Hi%20there"
    ]


def test_slack_mailto_keeps_only_subject_and_body() -> None:
    plain = render(MAILTO, "slack").plain
    assert plain.startswith("<mailto:team@acme.dev?subject=Hello%20Bcc%3A%20spy%40evil.example")
    for hidden in ("cc=", "bcc=", "%0A", "%0D", "X-Header"):
        assert hidden not in plain


def test_mailto_recipients_lose_encoded_line_breaks() -> None:
    _, hrefs = _visible(render("[m](mailto:a@acme.dev%0D%0ABcc:b@evil.example)", "email").html)
    assert hrefs == ["mailto:a@acme.devBcc:b@evil.example"]


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("draft", "subject"),
    [
        (f"Subject: Invoice \u202egpj.exe{BIDI} attached\n\nFYI, no action needed.", None),
        ("FYI, no action needed.", f"Invoice \u202egpj.exe\u202c {BIDI}attached"),
        ("Invoice \u2067gpj.exe\u2069 attached, no action needed.", None),
    ],
)
def test_bidi_controls_never_reach_the_email_subject(draft: str, subject: str | None) -> None:
    found = render(draft, "email", subject=subject).subject
    assert found is not None
    assert not any(c in found for c in BIDI)
    assert "gpj.exe" in found


@pytest.mark.parametrize(
    ("draft", "expected"),
    [
        ("[INFO] <!here> the deploy is done. Nothing else changed today.",
         "[INFO] <!here> the deploy is done"),
        ("Heads up <!channel>: the deploy is done! Next week we migrate the rest.",
         "[INFO] Heads up <!channel>: the deploy is done!"),
        ("Heads up: v2?beta ships today. Nothing to do.", "[INFO] Heads up: v2?beta ships today"),
    ],
)  # fmt: skip
def test_a_derived_subject_is_not_cut_inside_markup(draft: str, expected: str) -> None:
    assert render(draft, "email").subject == expected


def test_a_slack_link_pasted_into_a_draft_is_a_link_with_its_words_in_every_format():
    draft = "FYI: see <https://x.example/doc|the doc>, and `<https://x.example|not a link>`.\n"
    assert "<https://x.example/doc|the doc>" in render(draft, "slack").plain
    assert "[the doc](https://x.example/doc)" in render(draft, "markdown").plain
    assert "the doc (https://x.example/doc)" in render(draft, "plain").plain
    html = render(draft, "email").html or ""
    assert 'href="https://x.example/doc"' in html and ">the doc</a>" in html
    assert "%7C" not in html  # the old reading linked to "doc|the"
    assert "`<https://x.example|not a link>`" in render(draft, "markdown").plain  # code
