"""Open in Mail App: the .eml draft through the system, mailto: when that fails, said truly."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from asyncwriter import paths
from asyncwriter.export import render
from asyncwriter.system_handlers import MAIL_DRAFT, MAIL_LINK
from asyncwriter.ui import mail_app
from asyncwriter.ui.mail_app import shown
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui

DRAFT = (
    "Subject: Beta ships\n\nTL;DR: **beta** ships as planned, see "
    "[the PR](https://github.com/acme/shop/pull/9).\n\n## Changes\n- R&D <notes>\n\n"
    "No action needed, FYI.\n"
)


class System:
    """Stands in for QDesktopServices.openUrl (records URLs, answers per scheme) and for
    xdg-mime (which apps are set up; None: the system cannot say)."""

    def __init__(self, answers: dict[str, bool]) -> None:
        self.answers = answers
        self.urls: list[QUrl] = []
        self.set_up: dict[str, bool | None] = {}

    def open_url(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.answers[url.scheme()]

    def has_handler(self, kind: str) -> bool | None:
        return self.set_up.get(kind)


@pytest.fixture
def system(monkeypatch):
    """The system's URL handler (never the real one: no app starts during tests)."""
    fake = System({"file": True, "mailto": True})
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake.open_url))
    monkeypatch.setattr(mail_app, "has_handler", fake.has_handler)
    return fake


def chord(qtbot, win, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Press Ctrl+E, then ``key``, and wait until the mail hand-off is recorded."""
    with qtbot.waitSignal(win.exporter.copied, timeout=REPORT_TIMEOUT_MS):
        qtbot.keyClick(win.editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(win.editor, key, modifier)


def drafts() -> list[Path]:
    return sorted((paths.cache_dir() / "mail").glob("*.eml"))


def parse(path: Path) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(message, EmailMessage)
    return message


def status(win) -> str:
    return win.statusBar().currentMessage()


def test_open_in_mail_app_opens_an_eml_draft_with_both_parts(qtbot, window, system):
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O)
    [draft] = drafts()
    assert [url.scheme() for url in system.urls] == ["file"]
    assert Path(system.urls[0].toLocalFile()) == draft
    assert status(window) == (
        "Opened the draft in your mail app, with its formatting "
        f"(the draft is saved at {shown(draft)})."
    )
    message = parse(draft)
    expected = render(DRAFT, "email")
    assert message["Subject"] == expected.subject
    assert message["X-Unsent"] == "1"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and html is not None
    assert plain.get_content().replace("\r\n", "\n") == expected.plain
    assert "R&amp;D &lt;notes&gt;" in html.get_content()
    assert window.exporter.history[-1].action == "mail"
    assert window.editor.toPlainText() == DRAFT  # the chord typed nothing


def test_no_app_for_eml_falls_back_to_mailto_and_says_so(qtbot, window, system):
    system.answers["file"] = False
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O)
    [draft] = drafts()
    assert [url.scheme() for url in system.urls] == ["file", "mailto"]
    fields = parse_qs(urlsplit(bytes(system.urls[1].toEncoded()).decode("ascii")).query)
    assert fields["subject"] == [render(DRAFT, "email").subject]
    assert status(window) == (
        "No app opens .eml files here: opened a plain-text mail (mailto:) instead; "
        f"the draft is saved at {shown(draft)}."
    )
    assert parse(draft)["X-Unsent"] == "1"  # still there to open by hand


def test_nothing_answering_puts_the_message_on_the_clipboard(qtbot, window, system):
    system.answers.update(file=False, mailto=False)
    QApplication.clipboard().setText("before")
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O)
    [draft] = drafts()
    assert status(window) == (
        "No app opens .eml files here: no mail app answered a mailto: link either, so the "
        f"message is on the clipboard (rich text and plain text); the draft is saved at "
        f"{shown(draft)}."
    )
    assert QApplication.clipboard().mimeData().hasHtml()
    assert QApplication.clipboard().text() == render(DRAFT, "email").plain


def test_with_no_mail_app_set_up_nothing_is_claimed_and_the_clipboard_has_it(qtbot, window, system):
    # xdg-open starts (so Qt says True) and then finds no app: ask xdg-mime first.
    system.set_up.update({MAIL_DRAFT: False, MAIL_LINK: False})
    QApplication.clipboard().setText("before")
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O)
    [draft] = drafts()
    assert system.urls == []  # nothing handed to an app that is not there
    assert status(window) == (
        "No app opens .eml files here: no app opens mailto: links here either, so the "
        f"message is on the clipboard (rich text and plain text); the draft is saved at "
        f"{shown(draft)}."
    )
    assert QApplication.clipboard().text() == render(DRAFT, "email").plain
    assert window.exporter.history[-1].action == "copy"  # what happened: a copy, no mail app
    system.set_up[MAIL_LINK] = True  # a mail app for links, none for .eml files
    chord(qtbot, window, Qt.Key.Key_O)
    assert [url.scheme() for url in system.urls] == ["mailto"]
    assert status(window).startswith(
        "No app opens .eml files here: opened a plain-text mail (mailto:) instead;"
    )
    assert window.exporter.history[-1].action == "mailto"


def test_a_draft_that_cannot_be_saved_falls_back_to_mailto(qtbot, window, system):
    paths.cache_dir().mkdir(parents=True, exist_ok=True)
    (paths.cache_dir() / "mail").write_text("a file where the folder should be")
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O)
    assert [url.scheme() for url in system.urls] == ["mailto"]
    assert status(window).startswith("Could not save the mail draft (")
    assert status(window).endswith("): opened a plain-text mail (mailto:) instead.")


def test_the_plain_text_choice_opens_mailto_only(qtbot, window, system):
    wait_report(qtbot, window, action=lambda: window.editor.setPlainText(DRAFT))
    chord(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ShiftModifier)
    assert [url.scheme() for url in system.urls] == ["mailto"]
    assert drafts() == []
    assert status(window) == "Opened a plain-text mail (mailto:)."
    assert window.exporter.history[-1].action == "mailto"  # Copy History tells the two apart
    assert window.exporter.mailto_action.shortcut().toString() == "Ctrl+E, Shift+O"


def test_the_draft_path_shows_the_home_folder_as_a_tilde(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert shown(tmp_path / ".cache" / "x.eml") == str(Path("~") / ".cache" / "x.eml")
    assert shown(Path("/elsewhere/x.eml")) == str(Path("/elsewhere/x.eml"))
