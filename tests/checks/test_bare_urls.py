"""The linear bare-URL reader finds exactly the link linkify-it finds at each start.

:mod:`asyncwriter.checks.bare_urls` walks a URL's path itself instead of handing linkify the
rest of the run for every start (issue 17). Its answer must stay linkify's, so hypothesis
builds runs from the characters linkify's path pattern treats specially (brackets, quotes,
dots, "!", "?", ",", ";", dashes, controls) around hosts and schemes, and both readers
are asked about every start in each run.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.checks.bare_urls import BareUrlReader, _split_patterns, match_at_start

PIECES = st.sampled_from(
    [
        "a.co", "x.io", "www.", "b.example.org", "https://", "http://", "HTTP://", "ftp://",
        "mailto:", "ann@", "user:pw@", ":8080", ":99999", "/", "?", "#", "[", "]", "(", ")",
        "{", "}", '"', "'", ".", "..", "...", "-", "--", ",", ";", "!", "!!", "|", "<", ">",
        "x", "é", "日本", "🚀", "\x01", "\u2028", "xn--p1ai", "a", "1", "%20", "&", "=", "_",
    ]
)  # fmt: skip
RUNS = st.lists(PIECES | st.text(max_size=3), min_size=1, max_size=25).map("".join)


def _same_at_every_start(run: str) -> None:
    reader = BareUrlReader(run)
    for start in range(len(run)):
        if not (run[start].isascii() and run[start].isalnum()):
            continue  # the analysis asks only where a scheme or host name can start
        expected = match_at_start(run[start:])
        got = reader.match_at(start, len(run))
        if expected is None:
            assert got is None, (run, start)
            continue
        assert got is not None, (run, start)
        assert (got.schema, got.end - start, reader.url(got)) == (
            expected.schema, expected.last_index, expected.url,
        ), (run, start)  # fmt: skip
        raw = expected.raw
        host = raw.split("/", 1)[0]
        tld = host.rsplit(".", 1)[-1]
        assert reader.slash_and_tld(got) == ("/" in raw, tld if len(tld) <= 63 else ""), (
            run,
            start,
        )


def test_reader_uses_its_own_walk() -> None:
    """The split patterns match this linkify-it (else the reader falls back to linkify)."""
    assert _split_patterns() is not None


@settings(max_examples=600, deadline=None)
@given(RUNS)
def test_same_link_as_linkify_at_every_start(run: str) -> None:
    _same_at_every_start(run)


def test_same_link_as_linkify_on_known_shapes() -> None:
    for run in [
        "https://kibana.example.com/app/discover#/?_g=(filters:!(),time:(from:now-15m))&_a=(x)",
        "a.co/x[y]z", "a.co/x[y", "a.co/('a')", "a.co/'a'b'", "a.co/\"\"x", "a.co/a...b",
        "a.co/a...", "a.co/a!!b!!", "a.co/a?b?", "a.co/a,b,", "http://a.co:80/x;y", "a.co?x,a.co?x",
        "mailto:ann@a.co", "www.a.co", "a.co/-x--y", "a.co/{x}", "a.co/x\x01y", "HTTPS://A.CO/X",
    ]:  # fmt: skip
        _same_at_every_start(run)
