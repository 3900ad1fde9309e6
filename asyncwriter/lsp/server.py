"""The language server: documents in, diagnostics, quick fixes and hover text out (stdio).

Typing never waits on a check. A change is linted after :data:`DEBOUNCE_SECONDS` of quiet,
on one worker thread (the spaCy pipeline and the spelling engine are loaded there once and
reused), while the event loop keeps reading the client's messages; a result for text that
has changed since is dropped, as the window does. The engine is imported on the worker by
the first lint, so ``initialize`` is answered before spaCy loads. Documents are synced whole
(the client sends the full text on each change), so the server's copy never drifts from the
editor's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from asyncwriter import __version__
from asyncwriter.lsp.linting import DocumentLinter
from asyncwriter.lsp.positions import UTF16, PositionMap

if TYPE_CHECKING:
    from asyncwriter.checks.model import Report

#: Quiet time after a change before it is linted (the window waits 250 ms).
DEBOUNCE_SECONDS = 0.3
#: What the worker lints first, so the pipeline is loaded before the first document.
_WARM_UP = "Please review the plan by Thu 26 Nov, 17:00 UTC: https://example.com/plan\n"

#: Language ids editors give git's message files (VS Code, Neovim and Helix spell it apart).
COMMIT_LANGUAGES = frozenset({"git-commit", "gitcommit"})
#: The files git opens an editor on for a message.
COMMIT_FILES = frozenset(
    {"COMMIT_EDITMSG", "MERGE_MSG", "TAG_EDITMSG", "SQUASH_MSG", "EDIT_DESCRIPTION"}
)

log = logging.getLogger(__name__)


class Documents:
    """The open documents' last reports and pending lints, and the one worker that lints."""

    def __init__(self, server: LanguageServer, delay: float = DEBOUNCE_SECONDS) -> None:
        self.server = server
        self.delay = delay
        self.linter = DocumentLinter()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="asyncwriter-lint")
        #: The last report per document URI, with the version and the text it was made for
        #: (a commit message's report is of its text with git's comments blanked out).
        self.reports: dict[str, tuple[int | None, Report, str]] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        #: ``core.commentChar`` from git ("" when unset), read at the first commit message.
        self._git_comment: str | None = None

    def position_map(self, text: str) -> PositionMap:
        """Return positions in the encoding agreed on at ``initialize`` (UTF-16 by default)."""
        encoding = self.server.server_capabilities.position_encoding or UTF16
        return PositionMap(text, str(encoding))

    def warm_up(self) -> None:
        """Load the pipeline and the spelling engine on the worker, before any document."""
        self.worker.submit(self.linter.lint, _WARM_UP, None, say=False)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint not started yet."""
        old = self._pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))
        self._pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def _forget(self, uri: str, task: asyncio.Task[None]) -> None:
        if self._pending.get(uri) is task:
            del self._pending[uri]
        error = None if task.cancelled() else task.exception()
        if error is not None:
            # One line for the editor's log; the traceback goes to stderr for a bug report.
            log.error("linting %s failed", uri, exc_info=error)
            said = f"asyncwriter: could not check {uri}: {error}"
            self.server.window_log_message(types.LogMessageParams(types.MessageType.Error, said))

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.server.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = Path(fs) if (fs := to_fs_path(uri)) else None
        commit = is_commit_message(document.language_id, path)
        loop = asyncio.get_running_loop()
        report, problems = await loop.run_in_executor(self.worker, self._lint, text, path, commit)
        for problem in problems:
            self.server.window_log_message(
                types.LogMessageParams(types.MessageType.Warning, f"asyncwriter: {problem}")
            )
        if uri not in self.server.workspace.text_documents:
            return  # closed meanwhile
        if self.server.workspace.get_text_document(uri).source != text:
            return  # changed meanwhile: the lint scheduled for the change will publish
        self.reports[uri] = (version, report, text)
        from asyncwriter.lsp import protocol_items  # the engine's registry: loaded by now

        found = protocol_items.diagnostics(report, self.position_map(text))
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version)
        )

    def close(self, uri: str) -> None:
        """Forget a closed document and clear its diagnostics."""
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.reports.pop(uri, None)
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def current(self, uri: str) -> Report | None:
        """Return the last report if it is for the document's text as it is now, else None."""
        known = self.reports.get(uri)
        if known is None or uri not in self.server.workspace.text_documents:
            return None
        _version, report, text = known
        return report if self.server.workspace.get_text_document(uri).source == text else None

    def _lint(self, text: str, path: Path | None, commit: bool) -> tuple[Report, list[str]]:
        """Lint on the worker; a commit message as ``lint --commit-msg`` reads it.

        Git's comments, scissors part and trailers are blanked in place, so every position
        stays the document's.
        """
        if commit:
            from asyncwriter.command_line import commit_msg

            if self._git_comment is None:  # git's setting, asked once, not on every change
                self._git_comment = commit_msg.git_comment_char() or ""
            text = commit_msg.message_only(text, commit_msg.comment_char(text, self._git_comment))
        return self.linter.lint(text, path)


def is_commit_message(language_id: str | None, path: Path | None) -> bool:
    """Return True for a message git asked the editor for (``COMMIT_EDITMSG`` and the like)."""
    return language_id in COMMIT_LANGUAGES or (path is not None and path.name in COMMIT_FILES)


def build_server(delay: float = DEBOUNCE_SECONDS) -> LanguageServer:
    """Return the server with its features registered (not started)."""
    server = LanguageServer(
        "asyncwriter", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
    )
    documents = Documents(server, delay)

    @server.feature(types.INITIALIZED)
    def initialized(ls: LanguageServer, params: types.InitializedParams) -> None:
        documents.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        documents.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        documents.schedule(params.text_document.uri, documents.delay)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        documents.schedule(params.text_document.uri, 0.0)  # settings may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        documents.close(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: LanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        report = documents.current(uri)
        if report is None:
            return []  # stale or not linted yet: spans would point at other text
        document = ls.workspace.get_text_document(uri)
        versioned = _takes_document_changes(ls.client_capabilities)
        path = Path(fs) if (fs := to_fs_path(uri)) else None
        from asyncwriter.lsp import protocol_items

        return protocol_items.code_actions(
            report,
            documents.position_map(report.text),
            types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=document.version),
            params.range,
            versioned_edits=versioned,
            silences=not is_commit_message(document.language_id, path),
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: LanguageServer, params: types.HoverParams) -> types.Hover | None:
        report = documents.current(params.text_document.uri)
        if report is None:
            return None
        position = params.position
        from asyncwriter.lsp import protocol_items

        return protocol_items.hover(
            report, documents.position_map(report.text), position.line, position.character
        )

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: LanguageServer, params: None) -> None:
        documents.worker.shutdown(wait=False, cancel_futures=True)

    return server


def _takes_document_changes(capabilities: types.ClientCapabilities) -> bool:
    workspace = capabilities.workspace
    edit = workspace.workspace_edit if workspace is not None else None
    return bool(edit is not None and edit.document_changes)


def main() -> int:
    """Serve on stdin and stdout until the client says exit; return the exit status.

    Anything printed by a library while checking would corrupt the protocol on stdout, so
    ``sys.stdout`` points at stderr while the server owns the real stdout.
    """
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="asyncwriter lsp: %(levelname)s: %(message)s")  # fmt: skip
    protocol_out = sys.stdout.buffer
    server = build_server()
    with contextlib.redirect_stdout(sys.stderr):
        server.start_io(sys.stdin.buffer, protocol_out)
    return 0
