"""Export: a draft rendered for Slack, Teams, email, Markdown or plain text.

``render(text, fmt)`` is the one entry point, used by the window's Copy actions and by
``asyncwriter export``. Each format is a pair of parts a clipboard carries side by side:

========  ==========================================  ====================================
format    ``plain`` (text/plain)                      ``html`` (text/html)
========  ==========================================  ====================================
slack     Slack mrkdwn (``*bold*``, ``<url|text>``)   simple HTML for Slack's rich paste
teams     plain text                                  HTML Teams keeps on paste
email     plain text wrapped at 72 columns            HTML with inline styles only
markdown  normalised CommonMark                       (none)
plain     plain text, links as ``text (url)``         (none)
========  ==========================================  ====================================

Email also gets ``subject``. Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from asyncwriter.draft_text import without_surrogates
from asyncwriter.export.html import EMAIL_STYLES, HtmlRenderer, HtmlStyle
from asyncwriter.export.message import parse
from asyncwriter.export.subject import email_subject
from asyncwriter.export.text import CommonMark, Mrkdwn, PlainText
from asyncwriter.formats import FORMATS, LABELS

if TYPE_CHECKING:
    from datetime import datetime

    from asyncwriter.checks.model import Report
    from asyncwriter.templates import Template

__all__ = ["FORMATS", "LABELS", "CopyRecord", "Rendered", "render"]

#: Email plain text is wrapped here, the width mail readers expect (RFC 3676 spirit).
EMAIL_WIDTH = 72

_SLACK_HTML = HtmlStyle(headings="bold", tables="list", task_boxes=True)
#: Teams keeps headings, lists, tables, quotes and code; it drops styles. A pasted <h3> and
#: below shows smaller than its body text, so those are bold paragraphs (see the README).
#: Neither Teams nor a mail reader has task lists: their rich text shows ☐ / ☑, not "[ ]".
_TEAMS_HTML = HtmlStyle(bold_from=3, task_boxes=True)
_EMAIL_HTML = HtmlStyle(styles=EMAIL_STYLES, title=None, task_boxes=True)


@dataclass(frozen=True, slots=True)
class Rendered:
    """A draft rendered for one destination.

    Attributes:
        format: one of :data:`FORMATS`.
        plain: the text/plain part.
        html: the text/html part, or None for formats that have none.
        subject: the email subject line, or None (other formats, or an empty draft).
    """

    format: str
    plain: str
    html: str | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class CopyRecord:
    """One copy of a draft: when, for where, and how (the draft's export history).

    Attributes:
        at: when, in the writer's zone.
        format: one of :data:`FORMATS`.
        action: ``copy`` (the message), ``subject`` (the email subject alone) or ``mail``
            (handed to the mail app).
    """

    at: datetime
    format: str
    action: str = "copy"


def render(
    text: str,
    fmt: str,
    *,
    subject: str | None = None,
    template: str | Template | None = None,
    report: Report | None = None,
) -> Rendered:
    """Render the draft ``text`` for ``fmt``.

    Args:
        text: the draft, as in the editor (a marker comment and ``Subject:`` line are
            taken as metadata, not body).
        fmt: one of :data:`FORMATS`.
        subject: a subject chosen by the writer; it replaces the draft's ``Subject:``
            line (the email subject, and the bold first line of the other formats).
        template: the draft's template (id or loaded); its kind picks the email prefix.
            None: the template named by the draft's marker comment, if installed.
        report: the lint report of ``text`` if the caller has one (the window does);
            otherwise email lints the draft to find its asks and summary.

    Raises:
        ValueError: ``fmt`` is not a known format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    # An API caller's str may hold surrogates, which no format can encode.
    text = without_surrogates(text)
    subject = without_surrogates(subject) if subject is not None else None
    message = parse(text)
    title = " ".join(subject.split()) if subject and subject.strip() else message.title
    if fmt == "slack":
        return Rendered(fmt, Mrkdwn().render(message, title),
                        HtmlRenderer(_SLACK_HTML).render(message, title))  # fmt: skip
    if fmt == "teams":
        return Rendered(fmt, PlainText().render(message, title),
                        HtmlRenderer(_TEAMS_HTML).render(message, title))  # fmt: skip
    if fmt == "markdown":
        return Rendered(fmt, CommonMark().render(message, title))
    if fmt == "plain":
        return Rendered(fmt, PlainText().render(message, title))
    kind, report = _email_context(text, template, message.template_id, report)
    return Rendered(
        fmt,
        PlainText(EMAIL_WIDTH).render(message, None),
        HtmlRenderer(_EMAIL_HTML).render(message, None),
        email_subject(message, subject=title, kind=kind, report=report),
    )


def _email_context(
    text: str, template: str | Template | None, marked: str | None, report: Report | None
) -> tuple[str | None, Report | None]:
    """Find the template's kind and a lint report, for the subject and its prefix."""
    from asyncwriter import templates
    from asyncwriter.checks import lint

    found: Template | None = None
    if isinstance(template, templates.Template):
        found = template
    elif template or marked:
        try:
            found = templates.default_catalog().get(str(template or marked))
        except LookupError:
            found = None
    if report is None or report.text != text:
        report = lint(text, template=found)
    return (found.kind if found else None), report
