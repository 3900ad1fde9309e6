"""``asyncwriter lint --pr-description``: the pull request a GitHub workflow runs for.

GitHub writes the event that started a workflow as JSON to the file ``GITHUB_EVENT_PATH``
names; for ``pull_request`` (and ``pull_request_target``) events its ``pull_request`` object
holds the ``title`` and the ``body`` (null when empty). The title becomes the message's
``# heading`` (it states the point, so it counts toward the summary) and the body follows.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

#: How the description is named in output (it is not a file).
NAME = "pull request description"


class EventError(Exception):
    """The event payload is missing, unreadable or not a pull request's."""


def description(environ: Mapping[str, str] | None = None) -> str:
    """Return the pull request's title and body as a Markdown message.

    Raises:
        EventError: no event file, not JSON, or not a pull request event.
    """
    environ = os.environ if environ is None else environ
    path = environ.get("GITHUB_EVENT_PATH")
    if not path:
        raise EventError(
            "--pr-description: GITHUB_EVENT_PATH is not set (it is, inside a GitHub "
            "Actions job started by a pull_request event)"
        )
    try:
        with open(path, encoding="utf-8") as handle:
            event = json.load(handle)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise EventError(f"--pr-description: {path}: cannot read the event ({exc})") from None
    pull = event.get("pull_request") if isinstance(event, dict) else None
    if not isinstance(pull, dict):
        raise EventError(
            f"--pr-description: {path}: not a pull request event (no pull_request object)"
        )
    title, body = pull.get("title"), pull.get("body")
    title = title if isinstance(title, str) else ""
    body = body if isinstance(body, str) else ""
    # GitHub stores descriptions typed in the browser with CRLF line endings.
    body = body.replace("\r\n", "\n")
    return f"# {title.strip()}\n\n{body}" if title.strip() else body
