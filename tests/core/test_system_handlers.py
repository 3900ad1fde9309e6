"""Which apps the desktop has for a kind of file or link, as xdg-mime says."""

from __future__ import annotations

import sys

import pytest

from asyncwriter import system_handlers
from asyncwriter.system_handlers import MAIL_DRAFT, has_handler

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="xdg-mime is a Linux tool")


def fake_xdg_mime(tmp_path, monkeypatch, script: str) -> None:
    tool = tmp_path / "xdg-mime"
    tool.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))


def test_an_app_set_up_is_yes_and_none_is_no(tmp_path, monkeypatch):
    fake_xdg_mime(tmp_path, monkeypatch, 'if test "$3" = message/rfc822; then echo m.desktop; fi\n')
    assert has_handler(MAIL_DRAFT) is True
    assert has_handler("x-scheme-handler/mailto") is False


def test_no_xdg_mime_or_a_failing_one_cannot_say(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert has_handler(MAIL_DRAFT) is None
    fake_xdg_mime(tmp_path, monkeypatch, "exit 4\n")
    assert has_handler(MAIL_DRAFT) is None


def test_other_systems_cannot_say(monkeypatch):
    monkeypatch.setattr(system_handlers.sys, "platform", "darwin")
    assert has_handler(MAIL_DRAFT) is None
