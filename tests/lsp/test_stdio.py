"""``asyncwriter lsp`` driven over stdio as an editor drives it (the issue's done-when test).

One server process per test: initialize, open a document, diagnostics with UTF-16 ranges,
a quick fix applied by the test, the changed text linted again, hover, and a suppression
comment that silences one finding.
"""

from __future__ import annotations

import pytest

from tests.lsp.client import Client, apply_edits, offset, position, server_env

pytestmark = pytest.mark.slow

#: Astral characters (two UTF-16 units each) and an emoji with a skin-tone modifier before
#: the findings on their line, so a column counted in code points would be off.
TEXT = "Hi team 🎉,\n\nplease 👍🏽 review 𝒳 the doc by Friday 5pm.\n"
URI = "file:///tmp/asyncwriter-lsp-test/message.md"
CAPABILITIES = {
    "general": {"positionEncodings": ["utf-16"]},
    "workspace": {"workspaceEdit": {"documentChanges": True}},
    "textDocument": {"publishDiagnostics": {"versionSupport": True}},
}


@pytest.fixture
def client(tmp_path):
    started = Client(server_env(tmp_path))
    yield started
    assert started.close() == 0


def initialize(client, capabilities=CAPABILITIES):
    result = client.request(
        "initialize", {"processId": None, "rootUri": None, "capabilities": capabilities}
    )
    client.notify("initialized", {})
    return result


def open_document(client, text, uri=URI):
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )


def change(client, text, version, uri=URI):
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
    )


def by_rule(diagnostics):
    return {d["code"]: d for d in diagnostics}


def spanned(text, diagnostic):
    return text[
        offset(text, diagnostic["range"]["start"]) : offset(text, diagnostic["range"]["end"])
    ]


def test_diagnostics_fixes_changes_hover_and_suppression_over_stdio(client):
    result = initialize(client)
    capabilities = result["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"
    assert capabilities["textDocumentSync"]["change"] == 1  # whole text on each change
    assert capabilities["hoverProvider"]
    assert "quickfix" in capabilities["codeActionProvider"]["codeActionKinds"]
    assert result["serverInfo"]["name"] == "asyncwriter"

    # Open: diagnostics with UTF-16 ranges.
    open_document(client, TEXT)
    found = by_rule(client.diagnostics(URI, 1))
    assert {"deadline.no-timezone", "deadline.relative", "links.unlinked-reference"} <= set(found)
    zone = found["deadline.no-timezone"]
    start = TEXT.index("Friday 5pm")
    line = TEXT.splitlines()[2]
    # Counted by hand: "please 👍🏽 review 𝒳 the doc by " is 30 code points, and 33 UTF-16
    # units (👍, 🏽 and 𝒳 are two each).
    assert len(line[: line.index("Friday")]) == 30
    assert zone["range"] == {
        "start": {"line": 2, "character": 33},
        "end": {"line": 2, "character": 43},
    }
    assert zone["range"]["start"] == position(TEXT, start)
    assert spanned(TEXT, zone) == "Friday 5pm"
    assert spanned(TEXT, found["links.unlinked-reference"]) == "the doc"
    assert zone["severity"] == 1 and found["deadline.relative"]["severity"] == 2
    assert zone["source"] == "asyncwriter"

    # Quick fixes at the deadline: the window's fixes, and a comment that silences one.
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": URI}, "range": zone["range"],
         "context": {"diagnostics": [zone]}},
    )  # fmt: skip
    titles = [a["title"] for a in actions]
    assert any(t.startswith("Replace with “") for t in titles)
    assert "Silence deadline.no-timezone on this line" in titles
    fix = next(a for a in actions if a["diagnostics"][0]["code"] == "deadline.no-timezone"
               and a["title"].startswith("Replace with"))  # fmt: skip
    assert fix["kind"] == "quickfix" and fix["isPreferred"]
    (document_edit,) = fix["edit"]["documentChanges"]
    assert document_edit["textDocument"] == {"uri": URI, "version": 1}
    fixed = apply_edits(TEXT, document_edit["edits"])
    assert "Friday 5pm" not in fixed and "UTC" in fixed

    # The fixed text, sent back: linted again, the deadline findings are gone.
    change(client, fixed, 2)
    after = by_rule(client.diagnostics(URI, 2))
    assert "deadline.no-timezone" not in after and "deadline.relative" not in after
    assert "links.unlinked-reference" in after
    doc = after["links.unlinked-reference"]
    assert spanned(fixed, doc) == "the doc"

    # Hover over "the doc": the finding and why its rule matters.
    hovered = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": URI}, "position": doc["range"]["start"]},
    )
    assert hovered["contents"]["kind"] == "markdown"
    assert "links.unlinked-reference" in hovered["contents"]["value"]
    assert "Why it matters" in hovered["contents"]["value"]
    assert hovered["range"] == doc["range"]
    nothing = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": URI}, "position": {"line": 1, "character": 0}},
    )
    assert nothing is None

    # A disable comment silences that one finding and nothing else.
    silenced_text = fixed.replace(
        "please", "<!-- asyncwriter-disable-next-line links.unlinked-reference -->\nplease", 1
    )
    change(client, silenced_text, 3)
    silenced = by_rule(client.diagnostics(URI, 3))
    assert "links.unlinked-reference" not in silenced
    assert set(silenced) == set(after) - {"links.unlinked-reference"}

    # The "silence" quick fix writes the same comment.
    change(client, fixed, 4)
    again = by_rule(client.diagnostics(URI, 4))
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": URI}, "range": again["links.unlinked-reference"]["range"],
         "context": {"diagnostics": []}},
    )  # fmt: skip
    silence = next(
        a for a in actions if a["title"] == "Silence links.unlinked-reference on this line"
    )
    (document_edit,) = silence["edit"]["documentChanges"]
    assert apply_edits(fixed, document_edit["edits"]) == silenced_text


def test_changes_typed_quickly_end_in_diagnostics_for_the_last_text(client):
    initialize(client)
    open_document(client, "FYI, the build is green.\n")
    assert client.diagnostics(URI, 1) == []
    text = "FYI, the build is green."
    for version, extra in enumerate([" Please", " Please review", " Please review it by 5pm."], 2):
        change(client, text + extra + "\n", version)
    last = by_rule(client.diagnostics(URI, 4))
    assert "deadline.no-timezone" in last
    published = [
        n for n in client.notifications if n["method"] == "textDocument/publishDiagnostics"
    ]
    # Nothing was published for a text that had already changed again.
    assert all(n["params"]["version"] in (1, 4) for n in published)


def test_utf8_positions_when_the_client_asks_for_them(client):
    result = initialize(client, {"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    assert result["capabilities"]["positionEncoding"] == "utf-8"
    open_document(client, TEXT)
    zone = by_rule(client.diagnostics(URI, 1))["deadline.no-timezone"]
    line = TEXT.splitlines()[2]
    column = len(line[: line.index("Friday")].encode("utf-8"))
    assert zone["range"]["start"] == {"line": 2, "character": column}
    # Without documentChanges support, fixes come as plain changes.
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": URI}, "range": zone["range"], "context": {"diagnostics": []}},
    )
    assert all("changes" in a["edit"] for a in actions)


def test_settings_file_applies_and_closing_clears(tmp_path):
    client = Client(server_env(tmp_path, '[time]\nzone = "UTC"\n\n[rules]\nlinks = "off"\n'
                                         '"deadline.relative" = "info"\n'))  # fmt: skip
    try:
        initialize(client)
        open_document(client, TEXT)
        found = by_rule(client.diagnostics(URI, 1))
        assert "links.unlinked-reference" not in found
        assert found["deadline.relative"]["severity"] == 3
        client.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
        cleared = client._wait(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == URI
                and m["params"]["diagnostics"] == []
            )
        )
        assert cleared
    finally:
        assert client.close() == 0


def test_broken_settings_are_said_once_and_the_defaults_apply(tmp_path):
    client = Client(server_env(tmp_path, "[rules\n"))
    try:
        initialize(client)
        open_document(client, TEXT)
        assert "deadline.no-timezone" in by_rule(client.diagnostics(URI, 1))
        change(client, TEXT + "\nMore.\n", 2)
        client.diagnostics(URI, 2)
        said = [n for n in client.notifications if n["method"] == "window/logMessage"]
        assert len(said) == 1
        assert "not valid TOML" in said[0]["params"]["message"]
    finally:
        assert client.close() == 0


def test_a_project_file_above_the_document_applies(tmp_path):
    """The closest .asyncwriter.toml above a document is laid over the user's settings."""
    project = tmp_path / "repo"
    (project / "docs").mkdir(parents=True)
    (project / ".asyncwriter.toml").write_text('[rules]\n"deadline.relative" = "error"\n')
    inside = (project / "docs" / "plan.md").as_uri()
    outside = (tmp_path / "elsewhere.md").as_uri()
    client = Client(server_env(tmp_path))
    try:
        initialize(client)
        open_document(client, TEXT, uri=inside)
        assert by_rule(client.diagnostics(inside, 1))["deadline.relative"]["severity"] == 1
        open_document(client, TEXT, uri=outside)
        assert by_rule(client.diagnostics(outside, 1))["deadline.relative"]["severity"] == 2
    finally:
        assert client.close() == 0


def test_a_commit_message_is_read_without_gits_comments_and_trailers(client):
    """As ``lint --commit-msg``: a comment's "ASAP" and a trailer are not the message."""
    message = (
        "Fix the importer\n\nPlease review the doc by Friday 5pm.\n\n"
        "Signed-off-by: Sam <sam@example.com>\n"
        "# Please enter the commit message. Review this ASAP.\n"
    )
    uri = "file:///tmp/asyncwriter-lsp-test/.git/COMMIT_EDITMSG"
    initialize(client)
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "git-commit", "version": 1, "text": message}},
    )
    found = client.diagnostics(uri, 1)
    lines = {d["range"]["start"]["line"] for d in found}
    assert "deadline.no-timezone" in by_rule(found)
    assert lines and max(lines) == 2  # nothing on the trailer (4) or the comment (5)
    assert "deadline.vague" not in by_rule(found)  # the comment's ASAP
    # Its quick fixes fix; none "silences" with an HTML comment, which git would keep.
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": by_rule(found)["deadline.no-timezone"]["range"],
         "context": {"diagnostics": []}},
    )  # fmt: skip
    titles = [a["title"] for a in actions]
    assert any(t.startswith("Replace with") for t in titles)
    assert not any(t.startswith("Silence") for t in titles)
