"""Inline suppression comments: each form, unknown ids, message-wide findings, export.

The property test is the contract: a marker for rule X changes the findings of rule X only.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asyncwriter import export
from asyncwriter.checks import lint, suppression
from asyncwriter.checks.spelling.checker import SpellingChecker
from asyncwriter.checks.spelling.harper_engine import HarperEngine
from asyncwriter.checks.suppression import read, strip

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ASK = "Hi team,\n\nplease review the doc by Friday 5pm.\n"


def rules(text, **kwargs):
    return [
        (f.rule, text[f.start : f.end]) for f in lint(text, now=NOW, tz="UTC", **kwargs).findings
    ]


def ids(text, **kwargs):
    return {rule for rule, _span in rules(text, **kwargs)}


def test_without_markers_the_example_has_three_findings():
    assert ids(ASK) == {"links.unlinked-reference", "deadline.no-timezone", "deadline.relative"}


def test_disable_next_line_silences_that_rule_on_the_next_line_only():
    text = "Hi team,\n\n<!-- asyncwriter-disable-next-line deadline.relative -->\n" + ASK[10:]
    assert ids(text) == {"links.unlinked-reference", "deadline.no-timezone"}
    # Blank lines between the comment and the line are skipped.
    spaced = "Hi team,\n\n<!-- asyncwriter-disable-next-line deadline.relative -->\n\n" + ASK[10:]
    assert "deadline.relative" not in ids(spaced)
    # The line after that is not silenced.
    later = "<!-- asyncwriter-disable-next-line deadline.relative -->\nHi team,\n\n" + ASK[10:]
    assert "deadline.relative" in ids(later)


def test_ids_separated_by_commas_or_spaces_and_families_and_all():
    both = "<!-- asyncwriter-disable-next-line deadline.relative,links -->\n" + ASK[10:]
    assert ids(both) == {"deadline.no-timezone"}
    spaced = "<!-- asyncwriter-disable-next-line  links   deadline -->\n" + ASK[10:]
    assert ids(spaced) == set()
    everything = "<!-- asyncwriter-disable-next-line -->\n" + ASK[10:]
    assert ids(everything) == set()


def test_disable_enable_range():
    text = (
        "<!-- asyncwriter-disable deadline -->\nPlease review the plan by Friday 5pm.\n"
        "<!-- asyncwriter-enable deadline -->\n\nAnd the budget by tomorrow 3pm.\n"
    )
    found = rules(text)
    assert ("deadline.relative", "Friday 5pm") not in found
    assert ("deadline.relative", "tomorrow 3pm") in found


def test_enable_with_ids_ends_the_disable_for_those_only():
    text = (
        "<!-- asyncwriter-disable -->\nPlease review the plan by Friday 5pm.\n"
        "<!-- asyncwriter-enable deadline.relative -->\n\nAnd the budget by tomorrow 3pm.\n"
    )
    found = rules(text)
    assert [r for r in found if r[1] == "Friday 5pm"] == []
    assert ("deadline.relative", "tomorrow 3pm") in found
    assert ("deadline.no-timezone", "tomorrow 3pm") not in found  # still disabled


def test_enable_without_ids_ends_every_disable():
    text = (
        "<!-- asyncwriter-disable deadline.relative links -->\nPlease review the doc by Friday 5pm.\n"
        "<!-- asyncwriter-enable -->\n\nAnd the doc by tomorrow 3pm.\n"
    )
    found = rules(text)
    assert ("deadline.relative", "tomorrow 3pm") in found
    assert ("deadline.relative", "Friday 5pm") not in found


def test_disable_inside_a_line_runs_from_the_comment():
    text = (
        "Please review the doc by Friday 5pm <!-- asyncwriter-disable deadline --> or Monday 9am.\n"
    )
    found = rules(text)
    assert ("deadline.relative", "Friday 5pm") in found
    assert not any(rule.startswith("deadline.") and span == "Monday 9am" for rule, span in found)


def test_file_level_form_anywhere():
    text = ASK + "\n<!-- asyncwriter-disable-file deadline.relative links.unlinked-reference -->\n"
    assert ids(text) == {"deadline.no-timezone"}


MESSAGE = (
    "The migration to the new database went well over the weekend and the numbers look good.\n\n"
    "We moved the orders table first and watched the error rates for a day before the rest.\n"
)


def test_message_wide_findings_need_the_file_form_or_a_whole_message_disable():
    assert "ask.missing" in ids(MESSAGE)
    next_line = "<!-- asyncwriter-disable-next-line ask.missing -->\n" + MESSAGE
    assert "ask.missing" in ids(next_line)
    closed = (
        "<!-- asyncwriter-disable ask.missing -->\n" + MESSAGE + "<!-- asyncwriter-enable -->\n"
    )
    assert "ask.missing" in ids(closed)
    late = MESSAGE[:90] + "<!-- asyncwriter-disable ask.missing -->\n" + MESSAGE[90:]
    assert "ask.missing" in ids(late)
    whole = "<!-- asyncwriter-disable ask.missing -->\n" + MESSAGE
    assert "ask.missing" not in ids(whole)
    filed = MESSAGE + "<!-- asyncwriter-disable-file ask.missing -->\n"
    assert "ask.missing" not in ids(filed)
    # A template marker above does not count as text.
    marked = "<!-- asyncwriter template: fyi -->\n<!-- asyncwriter-disable ask -->\n" + MESSAGE
    assert "ask.missing" not in ids(marked)


def test_unknown_id_is_reported_with_the_closest_ids_and_silences_nothing():
    text = "<!-- asyncwriter-disable-next-line deadline.relativ -->\n" + ASK[10:]
    report = lint(text, now=NOW, tz="UTC")
    bad = [f for f in report.findings if f.rule == "suppression.unknown-rule"]
    assert len(bad) == 1
    assert text[bad[0].start : bad[0].end] == "deadline.relativ"
    assert "deadline.relativ" in bad[0].message
    assert bad[0].suggestions[0] == "deadline.relative"
    assert "deadline.relative" in {f.rule for f in report.findings}
    # Its setting turns it off like any rule.
    off = {f.rule for f in lint(text, now=NOW, tz="UTC", settings={"suppression": None}).findings}
    assert "suppression.unknown-rule" not in off


def test_engine_ids_are_known():
    marks = read(
        "<!-- asyncwriter-disable grammar.EN_QUOTES spelling.misspelling -->", lambda _i: False
    )
    assert [u.rule_id for u in marks.unknown] == ["grammar.EN_QUOTES", "spelling.misspelling"]
    text = "<!-- asyncwriter-disable grammar.EN_QUOTES spelling.misspelling grammar -->\nFYI, done."
    assert "suppression.unknown-rule" not in ids(text)


@pytest.fixture(scope="module")
def spelling():
    engine = HarperEngine()
    engine.load()
    return SpellingChecker(engine)


def test_a_marker_is_not_content_not_a_summary_not_a_misspelling(spelling):
    inline = "Please review the plan <!-- asyncwriter-disable links --> by Thu 26 Nov, 17:00 UTC.\n"
    report = lint(inline, now=NOW, tz="UTC", spelling=spelling)
    assert report.findings == []
    assert "asyncwriter" not in (report.facts.summary or "")
    assert "<!--" not in (report.facts.summary or "")
    top = "<!-- asyncwriter-disable-file style -->\nPlease review the plan by Thu 26 Nov, 17:00 UTC.\n"
    report = lint(top, now=NOW, tz="UTC", spelling=spelling)
    assert report.findings == []
    assert report.facts.summary == "Please review the plan by Thu 26 Nov, 17:00 UTC."


def test_spelling_findings_can_be_silenced(spelling):
    text = "<!-- asyncwriter-disable-next-line spelling -->\nPlease reviw the plan. FYI.\nAnd teh rest.\n"
    found = rules(text, spelling=spelling)
    assert ("spelling.misspelling", "reviw") not in found
    assert ("spelling.misspelling", "teh") in found


DRAFT = (
    "<!-- asyncwriter template: status-update -->\nSubject: Launch update\n\n"
    "<!-- asyncwriter-disable-file links -->\nHi team,\n\n"
    "<!-- asyncwriter-disable-next-line deadline.relative -->\n"
    "please review the doc <!-- asyncwriter-disable ask --> by Friday 5pm.\n"
    "<!-- asyncwriter-enable -->\n\nThanks\n"
)


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_markers_never_reach_an_export(fmt):
    rendered = export.render(DRAFT, fmt)
    for part in (rendered.plain, rendered.html or "", rendered.subject or ""):
        assert "asyncwriter-" not in part
        assert "&lt;!--" not in part and "<!--" not in part
    assert "please review the doc by Friday 5pm." in rendered.plain


def test_markers_never_reach_a_mailto_link():
    from asyncwriter.export.mailto import mailto_url

    rendered = export.render(DRAFT, "email")
    assert "asyncwriter-" not in mailto_url(rendered.subject, rendered.plain)


def test_markers_never_reach_a_calendar():
    from asyncwriter.export.calendar import calendar

    text = "Please review the plan <!-- asyncwriter-disable links --> by Thu 26 Nov, 17:00 UTC.\n"
    data = calendar(text, lint(text, now=NOW, tz="UTC"), stamp=NOW)
    assert b"asyncwriter-" not in data
    assert b"Please review the plan by Thu 26 Nov" in data


def test_strip_removes_a_markers_own_line_and_keeps_other_comments():
    assert strip("a\n<!-- asyncwriter-enable -->\nb\n") == "a\nb\n"
    assert strip("a <!-- asyncwriter-disable x --> b") == "a b"
    assert strip("<!-- a note -->\n") == "<!-- a note -->\n"


def test_markers_in_code_are_examples_not_markers():
    fenced = "```markdown\n<!-- asyncwriter-disable-file deadline -->\n```\n\n" + ASK
    assert "deadline.relative" in ids(fenced)
    assert "<!-- asyncwriter-disable-file deadline -->" in export.render(fenced, "markdown").plain
    indented = "Example:\n\n    <!-- asyncwriter-disable-file deadline -->\n\n" + ASK
    assert "deadline.relative" in ids(indented)
    span = "Write `<!-- asyncwriter-disable-file deadline -->` to silence it.\n\n" + ASK
    assert "deadline.relative" in ids(span)
    assert "asyncwriter-disable-file" in export.render(span, "plain").plain
    # After a closed code span on the same line, a marker is a marker again.
    after = "Use `x` here <!-- asyncwriter-disable-file deadline -->\n\n" + ASK
    assert "deadline.relative" not in ids(after)


def test_strip_handles_crlf_and_a_marker_at_the_very_end():
    assert strip("a\r\n<!-- asyncwriter-enable -->\r\nb") == "a\r\nb"
    assert strip("a\n<!-- asyncwriter-enable -->") == "a\n"
    assert strip("a\t<!-- asyncwriter-enable --> <!-- asyncwriter-enable -->\n") == "a\n"


# -- the contract: a marker for rule X changes X's findings only -------------------------

PARAGRAPHS = [
    "Hi team,",
    "Please review the doc by Friday 5pm.",
    "The rollout plan is ready; can you approve it by tomorrow?",
    "We met at 3pm on Wednesday to go through the dashboard.",
    "Thoughts?",
    "The migration went well and the numbers look good after the weekend.",
    "FYI, no action needed.",
    "Please send the numbers ASAP, ideally by 17:00 IST.",
    "- the orders table\n- the payments table",
    "See PR #123 for the details.",
]
MARKERS = ["next-line", "range", "file"]
LINE_NUMBER = re.compile(r"line \d+")


def _marked(paragraphs, index, rule_id, form):
    """Return the message with a marker for ``rule_id`` at paragraph ``index``."""
    parts = list(paragraphs)
    if form == "next-line":
        parts[index] = f"<!-- asyncwriter-disable-next-line {rule_id} -->\n" + parts[index]
    elif form == "range":
        parts[index] = f"<!-- asyncwriter-disable {rule_id} -->\n" + parts[index]
        parts.append(f"<!-- asyncwriter-enable {rule_id} -->")
    else:
        parts.append(f"<!-- asyncwriter-disable-file {rule_id} -->")
    return "\n\n".join(parts) + "\n"


def _words(text: str) -> str:
    """Return ``text`` without markers, its whitespace collapsed (a span may hold a marker)."""
    return " ".join(suppression.strip(text).split())


def _others(text, rule_id):
    """Return the other rules' findings; the marker's own line shifts "line 6" to "line 7"."""
    return sorted(
        (f.rule, _words(text[f.start : f.end]), LINE_NUMBER.sub("line N", f.message),
         tuple(_words(s) for s in f.suggestions))
        for f in lint(text, now=NOW, tz="UTC").findings
        if f.rule != rule_id and not f.rule.startswith(rule_id + ".")
    )  # fmt: skip


def test_a_fix_that_repeats_its_span_keeps_the_markers_in_it():
    """The TL;DR fix rewrites the opening with a marker inside: the marker must survive."""
    marker = "<!-- asyncwriter-disable-next-line deadline.no-timezone -->"
    met = "We met at 3pm on Wednesday to go through the dashboard."
    ask = "The rollout plan is ready; can you approve it by tomorrow?"
    parts = [met, f"{marker}\n{met}", "Please review the doc by Friday 5pm.", ask, ask]
    text = "\n\n".join(parts) + "\n"
    [summary] = [f for f in lint(text, now=NOW, tz="UTC").findings if f.rule == "summary.missing"]
    assert summary.suggestions and text[summary.start : summary.end].count(marker) == 1
    fixed = text[: summary.start] + summary.suggestions[0] + text[summary.end :]
    assert fixed.count(marker) == 1
    assert not any(line.isspace() for line in fixed.splitlines())  # no line of blanks left


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5),
    st.data(),
)
def test_a_marker_for_one_rule_never_changes_other_rules_findings(paragraphs, data):
    plain = "\n\n".join(paragraphs) + "\n"
    found = sorted({f.rule for f in lint(plain, now=NOW, tz="UTC").findings})
    rule_id = data.draw(st.sampled_from([*found, "deadline", "links.missing"]))
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    form = data.draw(st.sampled_from(MARKERS))
    marked = _marked(paragraphs, index, rule_id, form)
    assert _others(marked, rule_id) == _others(plain, rule_id)
