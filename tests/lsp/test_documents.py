"""The server's document bookkeeping, in process: what happens when a lint fails."""

from __future__ import annotations

import asyncio

from asyncwriter.lsp.server import Documents


class Client:
    """Stands in for the server's connection: records what it is asked to say."""

    def __init__(self):
        self.said = []

    def window_log_message(self, params):
        self.said.append((params.type, params.message))


def test_a_failed_lint_is_said_in_one_line_and_forgotten():
    client = Client()
    documents = Documents(client)

    async def failing():
        raise ValueError("the zone Mars/Base is unknown")

    loop = asyncio.new_event_loop()
    try:
        task = loop.create_task(failing())
        loop.run_until_complete(asyncio.wait([task]))
    finally:
        loop.close()
    documents._pending["file:///m.md"] = task
    documents._forget("file:///m.md", task)
    assert documents._pending == {}
    ((kind, message),) = client.said
    assert kind == 1  # Error
    assert message == "asyncwriter: could not check file:///m.md: the zone Mars/Base is unknown"
    assert "\n" not in message
    documents.worker.shutdown()
