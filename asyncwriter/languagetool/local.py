"""LanguageTool on this machine: the download, Java, and the local server.

language-tool-python does what it is good at here: downloading LanguageTool, checking
Java, and starting, reusing and stopping the local server. The checks themselves still go
through :class:`~asyncwriter.languagetool.server.Server`'s HTTP calls.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter import paths
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.languagetool import server

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from asyncwriter.checks.grammar.paragraphs import Paragraph

logger = logging.getLogger(__name__)


class LocalServer(server.Server):
    """LanguageTool on this machine: downloaded and run by language-tool-python.

    The server (Java) starts on first need, on the checking thread, and is reused until
    :meth:`close` (the window calls it on quit; language-tool-python also kills it at exit).
    """

    def __init__(self, language: str) -> None:
        super().__init__("http://127.0.0.1:1", name="LanguageTool on this computer")
        self.language = language
        self.tool: Any = None
        use_download_folder()

    def start(self) -> None:
        """Start the server unless it runs; raise GrammarError saying what is missing."""
        if self.tool is not None and self.tool._server_is_alive():  # no public liveness check
            return
        if not installed():
            raise GrammarError(
                "LanguageTool is not on this computer yet", action="download", retry=False
            )
        java_problem = check_java()
        if java_problem:
            raise GrammarError(java_problem, action="java", retry=False)
        import language_tool_python
        from language_tool_python.exceptions import LanguageToolError

        try:
            self.tool = language_tool_python.LanguageTool(
                self.language if self.language != "auto" else "en-US"
            )
        except (LanguageToolError, OSError, ValueError) as exc:
            raise GrammarError(f"LanguageTool could not start on this computer: {exc}") from exc
        self.url = server.check_url(self.tool.url.removesuffix("/v2/"))
        logger.info("LanguageTool started at %s", self.url)

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict[str, Any]]:
        """Check on the local server, starting it first if it is not running.

        Once closed (the app quits), it neither starts Java nor sends anything; Java that
        finished starting while it was being closed is stopped.
        """
        if not self.requests.closed:
            self.start()
        if self.requests.closed and self.tool is not None:
            self.close()  # closed while Java was starting
        return super().check(chunk, language, level)

    def close(self) -> None:
        """Stop the local server."""
        super().close()
        if self.tool is not None:
            with contextlib.suppress(Exception):  # it may have died already
                self.tool.close()
            self.tool = None


def use_download_folder() -> Path:
    """Point language-tool-python at AsyncWriter's cache dir (unless LTP_PATH is set).

    A LanguageTool that language-tool-python already downloaded to its own default folder
    is used where it is rather than downloaded again.
    """
    if "LTP_PATH" not in os.environ:
        default = Path.home() / ".cache" / "language_tool_python"
        ours = paths.cache_dir() / "languagetool"
        os.environ["LTP_PATH"] = str(default if _has_install(default) else ours)
    return Path(os.environ["LTP_PATH"])


def _has_install(folder: Path) -> bool:
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return (folder / f"LanguageTool-{LTP_DOWNLOAD_VERSION}").is_dir()


def installed() -> bool:
    """Return True when the LanguageTool version language-tool-python wants is on disk."""
    if os.environ.get("LTP_JAR_DIR_PATH"):
        return True
    return _has_install(use_download_folder())


def check_java() -> str | None:
    """Return what is wrong with Java for LanguageTool (None when it is fine)."""
    import shutil
    import subprocess

    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, confirm_java_compatibility

    advice = (
        "install Java 17 or newer (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; "
        "macOS: brew install openjdk@17; Windows: adoptium.net), or use a LanguageTool "
        "server in Settings › Grammar"
    )
    if shutil.which("java") is None:
        return f"LanguageTool needs Java, and none was found: {advice}"
    try:
        confirm_java_compatibility(LTP_DOWNLOAD_VERSION)
    except (ModuleNotFoundError, SystemError, ValueError, OSError, subprocess.SubprocessError) as e:
        return f"LanguageTool cannot use this computer's Java ({e}): {advice}"
    return None


def download_size() -> int | None:
    """Return the size in bytes of the LanguageTool download, if the server says."""
    import requests
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    url = LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download_url
    try:
        head = requests.head(url, allow_redirects=True, timeout=server.CONNECT_TIMEOUT)
        return int(head.headers["Content-Length"])
    except (requests.RequestException, KeyError, ValueError):
        return None


def download(progress: Callable[[int, int | None], None] | None = None) -> None:
    """Download and unpack LanguageTool (blocking; run it off the UI thread).

    ``progress(done, total)`` is called about five times a second with the bytes written
    so far (read from the size of the partial file, since language-tool-python reports
    progress only on a terminal).

    Raises:
        GrammarError: Java is missing or too old, or the download failed.
    """
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION, LocalLanguageTool

    java_problem = check_java()
    if java_problem:
        raise GrammarError(java_problem, action="java", retry=False)
    folder = use_download_folder()
    folder.mkdir(parents=True, exist_ok=True)
    done = threading.Event()
    total = download_size() if progress else None

    def watch() -> None:
        while not done.wait(0.2):
            size = sum(p.stat().st_size for p in folder.glob("tmp*/*.zip") if p.is_file())
            if progress:
                progress(size, total)

    watcher = threading.Thread(target=watch, name="languagetool-download", daemon=True)
    watcher.start()
    try:
        LocalLanguageTool.from_version_name(LTP_DOWNLOAD_VERSION).download()
    except Exception as exc:  # requests, OSError, PathError, TimeoutError, zip errors...
        raise GrammarError(
            f"LanguageTool could not be downloaded ({_download_problem(exc)}); "
            "check the connection and try again, or use a LanguageTool server in "
            "Settings › Grammar"
        ) from exc
    finally:
        done.set()
        watcher.join(1)


def _download_problem(exc: Exception) -> str:
    """Say in a few words why a download failed (requests' own messages run to lines)."""
    import requests

    if isinstance(exc, requests.RequestException):
        return server.why(exc)
    return str(exc) or type(exc).__name__
