"""Golden outputs: every realistic message in ``messages/`` rendered to every format.

Each output was read by eye when it was first written. After a
deliberate change to a renderer, rewrite them with
``ASYNCWRITER_UPDATE_GOLDEN=1 python -m pytest tests/export/test_golden.py`` and review
the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from asyncwriter.export import FORMATS, render

HERE = Path(__file__).parent
MESSAGES = sorted((HERE / "messages").glob("*.md"))
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("ASYNCWRITER_UPDATE_GOLDEN") == "1"


def _parts(name: str, fmt: str) -> dict[str, str | None]:
    text = (HERE / "messages" / f"{name}.md").read_text(encoding="utf-8")
    rendered = render(text, fmt)
    parts: dict[str, str | None] = {f"{fmt}.txt": rendered.plain, f"{fmt}.html": rendered.html}
    if fmt == "email":
        parts["email.subject"] = None if rendered.subject is None else rendered.subject + "\n"
    return parts


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("message", [p.stem for p in MESSAGES])
def test_golden(message: str, fmt: str) -> None:
    folder = GOLDEN / message
    for filename, actual in _parts(message, fmt).items():
        path = folder / filename
        if UPDATE:
            folder.mkdir(parents=True, exist_ok=True)
            if actual is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(actual, encoding="utf-8", newline="\n")
            continue
        if actual is None:
            assert not path.exists(), f"{fmt} has no {filename} part any more; delete {path}"
            continue
        assert path.exists(), f"no golden file {path}; write it with ASYNCWRITER_UPDATE_GOLDEN=1"
        assert actual == path.read_text(encoding="utf-8"), f"{message} {filename} changed"


def test_every_message_has_goldens() -> None:
    assert len(MESSAGES) >= 5
    for message in MESSAGES:
        assert (GOLDEN / message.stem / "slack.txt").exists()
