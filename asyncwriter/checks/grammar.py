"""Grammar and spelling through LanguageTool, one paragraph at a time, cached.

Where LanguageTool runs is the writer's choice (``[languagetool] mode``): on this machine
(language-tool-python downloads LanguageTool and manages its Java server), on a server the
team runs (``url``, https unless it is this machine), on the public service (only after
the writer agreed that the text leaves the machine), or nowhere.

What is sent: each prose paragraph of the draft as LanguageTool *annotated text*. Markup
(emphasis, link syntax, list markers) is sent as markup that reads as nothing; code spans,
URLs and ``{{placeholders}}`` are sent as markup that reads as a neutral word, so the
sentence around them still parses; quoted lines (someone else's words) and code blocks are
not sent at all. LanguageTool maps its offsets back through the annotation, in UTF-16 code
units, which are turned into ``str`` indices here.

What is kept: results per paragraph text, so an edit re-checks only the paragraph it
touched. The ``level`` is always sent (LanguageTool ignores some enabled rules when it is
absent), the dictionary ("add word") and turned-off rules are applied on our side (a
self-hosted server's dictionary API is not available to everyone), and every finding is
``grammar.<LanguageTool rule id>``.

The HTTP calls are made here with ``requests`` rather than language-tool-python's
``check()``: that one waits up to 300 s, restarts the local server on any I/O error, never
sends ``level`` unless picky and cannot send annotated text. language-tool-python still
does what it is good at: downloading LanguageTool, checking Java, and starting, reusing and
stopping the local server.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import logging
import os
import threading
import time
import urllib.parse
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter.checks.analysis import TABLE_ROW
from asyncwriter.checks.context import effective_setting
from asyncwriter.checks.model import Finding, Rule, Severity

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from asyncwriter.checks.analysis import Analysis
    from asyncwriter.checks.context import RuleSetting
    from asyncwriter.settings import LanguageToolSettings

logger = logging.getLogger(__name__)

#: The public service; only used after the writer agreed that the text leaves the machine.
PUBLIC_URL = "https://api.languagetool.org"
#: How long a connection and an answer may take. A local or team server answers one
#: paragraph in tens of milliseconds; anything slower is better retried later than waited on.
CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 10.0
#: Most characters sent in one request (the public service refuses more than 20 KB).
MAX_REQUEST_CHARS = 18_000
#: Paragraphs kept in the result cache (a long draft has a few hundred).
CACHE_SIZE = 4_000
#: Only this much of a draft is checked: a 5 MB paste is data, not a message.
MAX_CHECKED_CHARS = 100_000
#: What code spans, URLs and placeholders read as: a word LanguageTool parses as a noun and
#: never flags (LTeX, the LanguageTool plugin for Markdown and LaTeX, uses the same trick).
DUMMY = "Dummy"
#: LanguageTool issue types that are spelling mistakes (the dictionary applies to these).
SPELLING_TYPES = frozenset({"misspelling"})
_SEPARATOR = "\n\n"


class GrammarError(Exception):
    """LanguageTool could not check the draft; the message says why, for the writer.

    Attributes:
        action: what would fix it: ``"download"`` (LanguageTool is not installed yet),
            ``"java"`` (no usable Java), ``"consent"`` (public service not agreed to),
            ``"settings"`` (a setting is wrong), or None (try again later).
        retry: whether trying again later may help.
    """

    def __init__(self, message: str, *, action: str | None = None, retry: bool = True) -> None:
        super().__init__(message)
        self.action = action
        self.retry = retry


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One prose block as LanguageTool sees it.

    ``pieces`` are ``(original text, reads as)``: ``reads as`` is None for prose, the
    stand-in for markup. The pieces' originals put together are the draft's text from
    ``start``; the pieces are also the cache key, so moving a paragraph keeps its results.
    """

    start: int
    pieces: tuple[tuple[str, str | None], ...]

    @property
    def end(self) -> int:
        """Return the draft offset just past the paragraph."""
        return self.start + sum(len(text) for text, _ in self.pieces)

    def annotation(self) -> list[dict[str, str]]:
        """Return the pieces in LanguageTool's ``data`` format."""
        return [
            {"text": text} if reads is None else {"markup": text, "interpretAs": reads}
            for text, reads in self.pieces
        ]

    def covered(self) -> list[tuple[int, int]]:
        """Return spans (relative to ``start``) that stand in for content, not prose."""
        spans, pos = [], 0
        for text, reads in self.pieces:
            if reads:
                spans.append((pos, pos + len(text)))
            pos += len(text)
        return spans


@dataclass(frozen=True, slots=True)
class Match:
    """One LanguageTool match, relative to its paragraph, in ``str`` indices."""

    offset: int
    length: int
    rule_id: str
    message: str
    replacements: tuple[str, ...]
    issue_type: str
    description: str


@dataclass(slots=True)
class GrammarOutcome:
    """What grammar checking made of one lint: the paragraphs, and which still need asking."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    pending: list[Paragraph] = field(default_factory=list)
    #: Why nothing could be checked (set by the command line, which asks right away).
    error: GrammarError | None = None
    #: True when the draft is longer than :data:`MAX_CHECKED_CHARS` and only its start is
    #: checked.
    truncated: bool = False


# -- paragraphs ---------------------------------------------------------------------------


def paragraphs(analysis: Analysis) -> tuple[list[Paragraph], bool]:
    """Return the paragraphs of a draft to check, and whether the draft was cut short.

    Quoted blocks are someone else's words and are left out; so is everything that is not
    a prose block (code blocks, front matter, HTML blocks).
    """
    text = analysis.text
    masked = analysis.masked
    starts = [s for s, _e, _f in masked]
    placeholders = set(analysis.placeholders)
    out: list[Paragraph] = []
    budget = MAX_CHECKED_CHARS
    dummies = 0
    for block in analysis.blocks:
        if block.quoted:
            continue
        if budget <= 0:
            return out, True
        budget -= block.end - block.start
        pieces: list[tuple[str, str | None]] = []
        pos = block.start
        i = max(bisect.bisect_right(starts, block.start) - 1, 0)
        while i < len(masked) and masked[i][0] < block.end:
            s, e, fill = masked[i]
            i += 1
            s, e = max(s, pos), min(e, block.end)
            if e <= s:
                continue
            content = fill == "x" or (s, e) in placeholders
            # Merge spans that overlap or touch into one piece of markup.
            while i < len(masked) and masked[i][0] <= e and masked[i][0] < block.end:
                e = max(e, min(masked[i][1], block.end))
                content = content or masked[i][2] == "x" or masked[i][:2] in placeholders
                i += 1
            if s > pos:
                pieces.append((text[pos:s], None))
            if content:
                reads = f"{DUMMY}{dummies}"
                dummies += 1
            elif block.kind == TABLE_ROW and text[s:e].strip() == "|":
                reads = _SEPARATOR  # each cell on its own
            else:
                reads = ""
            pieces.append((text[s:e], reads))
            pos = e
        if pos < block.end:
            pieces.append((text[pos : block.end], None))
        if any(reads is None and piece.strip() for piece, reads in pieces):
            out.append(Paragraph(block.start, tuple(pieces)))
    return out, False


# -- offsets ------------------------------------------------------------------------------


def utf16_to_str(text: str) -> Callable[[int], int]:
    """Return a function from UTF-16 offsets in ``text`` (Java's) to ``str`` indices."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    boundaries: list[int] = []  # UTF-16 offset just after each astral character
    units = 0
    for ch in text:
        units += 2 if ord(ch) >= 0x10000 else 1
        if ord(ch) >= 0x10000:
            boundaries.append(units)

    def convert(offset: int) -> int:
        return offset - bisect.bisect_right(boundaries, offset)

    return convert


# -- talking to LanguageTool --------------------------------------------------------------


def check_url(base: str) -> str:
    """Return the ``/v2/check`` URL of a server given as ``https://host[/path][/v2]``."""
    base = base.strip().rstrip("/")
    for suffix in ("/v2/check", "/v2"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return base + "/v2/check"


class Server:
    """A LanguageTool HTTP server at a known address (a team's, the public one, ours)."""

    def __init__(self, url: str, *, name: str | None = None) -> None:
        import requests

        from asyncwriter.settings import is_loopback

        self.url = check_url(url)
        self.name = name or urllib.parse.urlsplit(self.url).netloc
        self.session = requests.Session()
        # A proxy from the environment must never see a loopback server's traffic.
        self.session.trust_env = not is_loopback(urllib.parse.urlsplit(self.url).hostname or "")

    def start(self) -> None:
        """Nothing to start: the server runs elsewhere."""

    def close(self) -> None:
        """Drop the connection pool."""
        self.session.close()

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict]:
        """Send paragraphs (joined by blank lines) and return LanguageTool's raw matches.

        Raises:
            GrammarError: the server could not be reached, answered with an error, or sent
                something that is not LanguageTool's answer.
        """
        import requests

        annotation: list[dict[str, str]] = []
        for n, paragraph in enumerate(chunk):
            if n:
                annotation.append({"text": _SEPARATOR})
            annotation.extend(paragraph.annotation())
        form = {
            "data": json.dumps({"annotation": annotation}, ensure_ascii=False),
            "language": language,
            "level": level,
        }
        try:
            response = self.session.post(
                self.url,
                data=form,
                timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
                allow_redirects=False,
            )
        except requests.Timeout as exc:
            raise GrammarError(f"LanguageTool at {self.name} did not answer in time") from exc
        except requests.RequestException as exc:
            raise GrammarError(f"cannot reach LanguageTool at {self.name} ({_why(exc)})") from exc
        status = response.status_code
        if status in (426, 429):
            raise GrammarError(f"LanguageTool at {self.name} asks to slow down (too many checks)")
        if status == 413:
            raise GrammarError(f"LanguageTool at {self.name} refused a paragraph as too long")
        if 300 <= status < 400:
            where = response.headers.get("Location", "elsewhere")
            raise GrammarError(
                f"LanguageTool at {self.name} redirects to {where}; put that address in "
                "Settings › Grammar",
                action="settings",
                retry=False,
            )
        if status != 200:
            detail = " ".join(response.text.split())[:160]
            raise GrammarError(
                f"LanguageTool at {self.name} answered with an error (HTTP {status}"
                + (f": {detail}" if detail else "")
                + ")"
            )
        try:
            matches = response.json()["matches"]
            if not isinstance(matches, list):
                raise TypeError("matches is not a list")
        except (ValueError, KeyError, TypeError) as exc:
            raise GrammarError(
                f"the answer from {self.name} is not LanguageTool's (is the URL right?)"
            ) from exc
        return matches


def _why(exc: Exception) -> str:
    text = str(exc)
    for marker in (
        "Connection refused",
        "Name or service not known",
        "No route to host",
        "certificate verify failed",
        "timed out",
        "Network is unreachable",
        "Temporary failure in name resolution",
    ):
        if marker in text:
            return marker.lower()
    return type(exc).__name__


def _download_problem(exc: Exception) -> str:
    """Say in a few words why a download failed (requests' own messages run to lines)."""
    import requests

    if isinstance(exc, requests.RequestException):
        return _why(exc)
    return str(exc) or type(exc).__name__


class LocalServer(Server):
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
        if self.tool is not None and self.tool._server_is_alive():  # noqa: SLF001
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
        self.url = check_url(self.tool.url.removesuffix("/v2/"))
        logger.info("LanguageTool started at %s", self.url)

    def check(self, chunk: Sequence[Paragraph], language: str, level: str) -> list[dict]:
        """Check on the local server, starting it first if it is not running."""
        self.start()
        return super().check(chunk, language, level)

    def close(self) -> None:
        """Stop the local server."""
        super().close()
        if self.tool is not None:
            with contextlib.suppress(Exception):  # it may have died already
                self.tool.close()
            self.tool = None


# -- local installation -------------------------------------------------------------------


def use_download_folder() -> Path:
    """Point language-tool-python at AsyncWriter's cache dir (unless LTP_PATH is set).

    A LanguageTool that language-tool-python already downloaded to its own default folder
    is used where it is rather than downloaded again.
    """
    from asyncwriter import paths

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
        head = requests.head(url, allow_redirects=True, timeout=CONNECT_TIMEOUT)
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


# -- the checker --------------------------------------------------------------------------


def make_server(config: LanguageToolSettings, *, consent: bool) -> Server | None:
    """Return the server the settings name (None when grammar is off).

    Raises:
        GrammarError: the settings cannot be used (a bad URL, no consent for the public
            service).
    """
    from asyncwriter.settings import check_server_url

    if config.mode == "off":
        return None
    if config.mode == "server":
        why = check_server_url(config.url) if config.url else "no server URL is set"
        if why:
            raise GrammarError(f"LanguageTool server: {why}", action="settings", retry=False)
        return Server(config.url)
    if config.mode == "public":
        if not consent:
            raise GrammarError(
                "the public LanguageTool service would receive the text of your drafts",
                action="consent",
                retry=False,
            )
        return Server(PUBLIC_URL, name="languagetool.org")
    return LocalServer(config.language)


class GrammarChecker:
    """Checks paragraphs against one server, remembering results by paragraph text.

    Thread-safe: the lint thread reads the cache while the grammar thread fills it.
    """

    def __init__(self, config: LanguageToolSettings, server: Server) -> None:
        self.config = config
        self.server = server
        self.set_words(config.words)
        self._cache: OrderedDict[tuple, tuple[Match, ...]] = OrderedDict()
        self._lock = threading.Lock()
        #: Seconds the last request took (for the status line and the benchmark).
        self.last_seconds = 0.0

    def set_words(self, words: Iterable[str]) -> None:
        """Use a new dictionary; cached results stay valid (it is applied on our side)."""
        words = list(words)
        self.config.words = words
        self.words = frozenset(words)
        self._lower_words = frozenset(w.lower() for w in words if w == w.lower())

    def _key(self, paragraph: Paragraph) -> tuple:
        return (self.config.language, self.config.level, paragraph.pieces)

    def review(self, analysis: Analysis) -> GrammarOutcome:
        """Split the draft into paragraphs and note which ones are not checked yet."""
        found, truncated = paragraphs(analysis)
        with self._lock:
            pending = [p for p in found if self._key(p) not in self._cache]
        return GrammarOutcome(paragraphs=found, pending=pending, truncated=truncated)

    def fetch(self, pending: Iterable[Paragraph]) -> None:
        """Ask LanguageTool about paragraphs not checked yet (blocking, off the UI thread).

        Raises:
            GrammarError: LanguageTool could not be asked; what was checked before the
                error stays cached.
        """
        with self._lock:
            # One request per distinct paragraph text: a repeated line is asked about once.
            todo = list(
                {self._key(p): p for p in pending if self._key(p) not in self._cache}.values()
            )
        for chunk in _chunks(todo, MAX_REQUEST_CHARS):
            started = time.perf_counter()
            raw = self.server.check(chunk, self.config.language, self.config.level)
            self.last_seconds = time.perf_counter() - started
            per_paragraph = _split_matches(chunk, raw)
            with self._lock:
                for paragraph, matches in zip(chunk, per_paragraph, strict=True):
                    self._cache[self._key(paragraph)] = matches
                while len(self._cache) > CACHE_SIZE:
                    self._cache.popitem(last=False)

    def findings(
        self, outcome: GrammarOutcome, settings: Mapping[str, RuleSetting]
    ) -> list[Finding]:
        """Return findings for every checked paragraph, with dictionary and settings applied."""
        out: list[Finding] = []
        with self._lock:
            cached = [(p, self._cache.get(self._key(p))) for p in outcome.paragraphs]
        for paragraph, matches in cached:
            if not matches:
                continue
            text = "".join(t for t, _ in paragraph.pieces)
            for m in matches:
                word = text[m.offset : m.offset + m.length]
                if m.issue_type in SPELLING_TYPES and self.known_word(word):
                    continue
                rule = Rule(f"grammar.{m.rule_id}", _severity(m.issue_type), m.description)
                severity = effective_setting(rule, settings)
                if severity is None:
                    continue
                start = paragraph.start + m.offset
                out.append(
                    Finding(
                        rule.id,
                        severity,
                        start,
                        start + m.length,
                        m.message,
                        m.replacements,
                        m.issue_type,
                    )
                )
        return out

    def known_word(self, word: str) -> bool:
        """Return True when the writer added ``word`` to the dictionary.

        A word added in lower case matches any capitalisation; one with capitals matches
        exactly (as in LanguageTool's own word lists).
        """
        return word in self.words or word.lower() in self._lower_words

    def close(self) -> None:
        """Release the server (stops a local one)."""
        self.server.close()


def _severity(issue_type: str) -> Severity:
    """Misspellings and grammar errors are warnings; style and typography are notes."""
    return Severity.WARNING if issue_type in ("misspelling", "grammar") else Severity.INFO


def _chunks(items: Sequence[Paragraph], limit: int) -> Iterable[list[Paragraph]]:
    chunk: list[Paragraph] = []
    size = 0
    for paragraph in items:
        length = paragraph.end - paragraph.start
        if chunk and size + length > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(paragraph)
        size += length + len(_SEPARATOR)
    if chunk:
        yield chunk


def _split_matches(chunk: Sequence[Paragraph], raw: list[dict]) -> list[tuple[Match, ...]]:
    """Give each paragraph of a request its matches, in ``str`` offsets from its start."""
    texts = ["".join(t for t, _ in p.pieces) for p in chunk]
    whole = _SEPARATOR.join(texts)
    to_str = utf16_to_str(whole)
    bounds: list[int] = []
    pos = 0
    for text in texts:
        bounds.append(pos)
        pos += len(text) + len(_SEPARATOR)
    out: list[list[Match]] = [[] for _ in chunk]
    for item in raw:
        try:
            start = to_str(int(item["offset"]))
            end = to_str(int(item["offset"]) + int(item["length"]))
            rule = item.get("rule") or {}
            rule_id = str(rule["id"])
        except (KeyError, TypeError, ValueError):
            logger.debug("skipping a malformed LanguageTool match: %r", item)
            continue
        i = bisect.bisect_right(bounds, start) - 1
        if i < 0 or end > bounds[i] + len(texts[i]) or end <= start:
            continue  # across two paragraphs, or in the separator
        offset = start - bounds[i]
        length = end - start
        if any(s < offset + length and offset < e for s, e in chunk[i].covered()):
            continue  # about the stand-in for code or a URL, not the writer's words
        replacements = tuple(
            str(r["value"])
            for r in (item.get("replacements") or [])[:5]
            if isinstance(r, dict) and "value" in r
        )
        out[i].append(
            Match(
                offset=offset,
                length=length,
                rule_id=rule_id,
                message=str(item.get("message") or rule.get("description") or rule_id),
                replacements=replacements,
                issue_type=str(rule.get("issueType") or ""),
                description=str(rule.get("description") or ""),
            )
        )
    return [tuple(m) for m in out]
