"""Downloading a trained spaCy pipeline from the window, and putting it to use at once.

spaCy's own command does the download (``python -m spacy download en_core_web_sm``): it
picks the release that fits the installed spaCy and installs it with pip into this Python.
It runs as a child process, so the window never waits on the network, and a failure (no
connection, pip refusing a system Python) is read from its output and told in a sentence;
nothing else changes, and Download can be pressed again. Nothing is fetched unless the
writer presses Download.

Once installed, the pipeline is loaded on the lint thread, queued between two lints
(:func:`asyncwriter.checks.nlp.reload`: a lint never sees two pipelines), and the next lint
uses it. If this Python does not see the new package, the writer is told to restart.

States (``state``): ``idle``; ``downloading``; ``loading``; ``ready`` (in use); ``failed``;
``restart`` (installed, but usable only after a restart).
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from asyncwriter.checks import nlp

if TYPE_CHECKING:
    from spacy.language import Language

    from asyncwriter.ui.linting import LintScheduler

logger = logging.getLogger(__name__)

#: What the trained pipeline brings, for the offer and Settings › Analysis.
WHAT_IT_DOES = (
    f"A trained English pipeline (spaCy's {nlp.OFFERED_PIPELINE}, a download of about 12 MB) "
    "tags the parts of speech, so the style checks can point out passive voice (“was "
    "deployed by…”). Summary, ask, deadline and link checks judge the same with or without "
    "it. Checking takes longer: a few hundredths of a second per 1,000 words."
)
#: The download is about 12 MB; a download still running after this long is stuck (spaCy
#: asks GitHub for its compatibility table without a time-out).
TIMEOUT_MS = 10 * 60 * 1000
#: How much of the command's output is kept for explaining a failure.
_KEEP_OUTPUT = 20_000

_OFFLINE = re.compile(
    r"NameResolutionError|Failed to resolve|Temporary failure in name resolution|"
    r"Max retries exceeded|ConnectionError|Network is unreachable|Connection refused|"
    r"ConnectTimeout|ReadTimeout|timed out|No route to host"
)
_SSL = re.compile(r"SSLError|CERTIFICATE_VERIFY_FAILED")
_MANAGED = re.compile(r"externally-managed-environment")
_NO_PACKAGE = re.compile(r"No compatible package found[^\n]*")


def download_command() -> list[str]:
    """Return spaCy's command that downloads and installs the offered pipeline."""
    return [sys.executable, "-m", "spacy", "download", nlp.OFFERED_PIPELINE]


def failure_reason(output: str, exit_code: int) -> str:
    """Say in a sentence why the download command failed, from what it printed."""
    if _SSL.search(output):
        return (
            "The secure connection to github.com failed (a proxy or certificate problem). "
            "Check the connection and try again."
        )
    if _OFFLINE.search(output):
        return (
            "There is no connection to github.com, where spaCy's pipelines are: check the "
            "internet connection (or proxy) and try again."
        )
    if _MANAGED.search(output):
        return (
            "pip will not install into this Python because the system manages it. Install "
            f"{nlp.OFFERED_PIPELINE} the way AsyncWriter was installed, then restart."
        )
    if match := _NO_PACKAGE.search(output):
        return f"spaCy says: {match.group(0).strip()}."
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    last = lines[-1][:200] if lines else "it printed nothing"
    return f"The download command stopped (exit status {exit_code}): {last}"


class PipelineDownload(QObject):
    """Runs spaCy's download in a child process and swaps the new pipeline in between lints.

    Signals:
        stateChanged(state, message): for the bar, the status line and Settings.
    """

    stateChanged = Signal(str, str)

    def __init__(self, linter: LintScheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.linter = linter
        self.state = "idle"
        self.message = ""
        self.process: QProcess | None = None
        self._output = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TIMEOUT_MS)
        self._timer.timeout.connect(self._timed_out)

    @property
    def busy(self) -> bool:
        """True while downloading or loading the downloaded pipeline."""
        return self.state in ("downloading", "loading")

    def download(self) -> None:
        """Start the download (nothing happens while one is running)."""
        if self.busy:
            return
        command = download_command()
        self._output = ""
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process = process
        self._set_state(
            "downloading", f"Downloading {nlp.OFFERED_PIPELINE} (about 12 MB) with spaCy…"
        )
        logger.info("downloading a spaCy pipeline: %s", " ".join(command))
        self._timer.start()
        process.start(command[0], command[1:])

    def _read(self) -> None:
        if self.process is not None:
            data = bytes(self.process.readAllStandardOutput().data())
            self._output = (self._output + data.decode("utf-8", "replace"))[-_KEEP_OUTPUT:]

    def _finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        self._read()
        self._end_process()
        if self.state != "downloading":
            return  # it was stopped (time-out, quit): that was already said
        if status != QProcess.ExitStatus.NormalExit or exit_code != 0:
            logger.warning("spaCy download failed (%s):\n%s", exit_code, self._output[-2000:])
            self._set_state("failed", failure_reason(self._output, exit_code))
            return
        importlib.invalidate_caches()
        if nlp.installed_pipeline() is None:
            self._set_state(
                "restart",
                f"{nlp.OFFERED_PIPELINE} was installed; restart AsyncWriter to use it.",
            )
            return
        self._set_state("loading", f"{nlp.OFFERED_PIPELINE} was installed; loading it…")
        # On the lint thread, after the lint running now and before the next one.
        self.linter.worker.submit(nlp.reload, self._loaded, self._load_failed)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self.state != "downloading":
            return  # a crash or a kill ends in finished(), which says what happened
        reason = self.process.errorString() if self.process is not None else str(error)
        self._end_process()
        self._set_state("failed", f"The download command could not start ({reason}).")

    def _timed_out(self) -> None:
        if self.state == "downloading":
            self._set_state(
                "failed",
                "The download took more than ten minutes and was stopped. Try again later.",
            )
            self._kill()

    def _loaded(self, pipeline: Language) -> None:
        if nlp.has_tagger(pipeline):
            self._set_state("ready", f"The checks now use {nlp.describe(pipeline)}.")
        else:
            self._set_state(
                "restart",
                f"{nlp.OFFERED_PIPELINE} was installed but could not be loaded yet; restart "
                "AsyncWriter to use it.",
            )
        self.linter.lint_now()

    def _load_failed(self, exc: Exception) -> None:
        self._set_state("restart", f"The new pipeline could not be loaded ({exc}); restart "
                                   "AsyncWriter to use it.")  # fmt: skip
        self.linter.lint_now()

    def _end_process(self) -> None:
        self._timer.stop()
        if self.process is not None:
            self.process.deleteLater()
            self.process = None

    def _kill(self) -> None:
        process = self.process
        self._end_process()
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(2_000)

    def shutdown(self) -> None:
        """Stop a running download (on quit) rather than make quitting wait for it."""
        if self.state == "downloading":
            self._set_state("failed", "The download was stopped.")
        self._kill()

    def _set_state(self, state: str, message: str) -> None:
        self.state, self.message = state, message
        self.stateChanged.emit(state, message)
