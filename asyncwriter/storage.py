"""The drafts store: every draft, its copy history and a full-text index in one SQLite file.

SQLite because a writer's drafts must survive anything short of a lost disk: a write is a
transaction, so a crash (or a SIGKILL) in the middle of one leaves the previous version;
WAL mode lets the index be read while a save is written; FTS5 gives search over thousands
of drafts in milliseconds; and two app instances can share the file safely (SQLite locks,
and every save says which revision it replaces, so neither silently overwrites the other).

Nothing here imports Qt: the window runs these calls on a background thread, and tests and
scripts use them directly. The schema is versioned (``PRAGMA user_version``) and built by
:data:`MIGRATIONS`, so a later version of AsyncWriter opens a store an earlier one wrote.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from asyncwriter import os_errors, paths, wal_check
from asyncwriter.draft_text import derive_title, fts_query, preview
from asyncwriter.storage_schema import MIGRATIONS, statements

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

logger = logging.getLogger(__name__)

#: How long a draft stays in the trash before it is deleted for good.
TRASH_DAYS = 30
#: How many matches a search returns (newest first); the sidebar shows them all.
SEARCH_LIMIT = 200
#: How long a write waits for another instance's transaction before it gives up (ms).
BUSY_TIMEOUT_MS = 5_000

# SQLite's primary result codes (``exc.sqlite_errorcode & 0xFF``) that mean the file itself
# is damaged, as opposed to the disk, the folder or another process being in the way.
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
_IOERR = 10
_REASONS = {
    3: "permission denied",
    5: "another program is holding the store locked",
    6: "another program is holding the store locked",
    8: "the folder or file is read-only",
    10: "the disk reported an input/output error",
    13: os_errors.DISK_FULL,
    14: "the file cannot be opened",
    23: "permission denied",
}


class StoreError(Exception):
    """The store cannot be used; ``reason`` says why in words a writer understands.

    ``damaged`` is True when SQLite found the file itself corrupt: reopening it moves it
    aside. Otherwise (a full disk, a read-only folder, a lock) trying again later may work.
    """

    def __init__(self, reason: str, *, path: Path | None = None, damaged: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.damaged = damaged


def as_store_error(exc: sqlite3.Error | OSError, path: Path | None = None) -> StoreError:
    """Return ``exc`` as a :class:`StoreError` with a reason a writer understands."""
    if isinstance(exc, StoreError):
        return exc
    damaged = isinstance(exc, sqlite3.DatabaseError) and _is_corrupt(exc)
    reason = "the file is damaged" if damaged else _reason(exc, path)
    return StoreError(reason, path=path, damaged=damaged)


class Conflict(StoreError):
    """A save lost a race: the draft was changed elsewhere (another window) since it was read."""


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One copy of a draft: when, in which format, and what kind (copy, subject, mail)."""

    draft_id: str
    at: datetime
    format: str
    action: str = "copy"


@dataclass(frozen=True, slots=True)
class Draft:
    """A stored draft, body included."""

    id: str
    title: str
    named: bool
    template_id: str | None
    channel: str | None
    body: str
    cursor: int
    revision: int
    created: datetime
    updated: datetime
    deleted: datetime | None = None


@dataclass(frozen=True, slots=True)
class DraftSummary:
    """What a drafts list shows of one draft: no body, just a line of it."""

    id: str
    title: str
    template_id: str | None
    channel: str | None
    updated: datetime
    deleted: datetime | None
    snippet: str
    last_export: ExportRecord | None = None


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save wrote: the new revision and the title the draft now has."""

    id: str
    revision: int
    title: str
    updated: datetime
    created: bool


@dataclass(frozen=True, slots=True)
class Opened:
    """A store that opened, and what had to happen first (a damaged file moved aside)."""

    store: Store
    moved_aside: Path | None = None
    damage: str | None = None
    #: The last saves could not be read back (a damaged write-ahead log): why, and where a
    #: copy of the store and its log as found was kept. The store itself opened as usual.
    lost_saves: str | None = None
    kept_copy: Path | None = None


def store_file() -> Path:
    """Return where the drafts store lives: ``<data dir>/drafts.sqlite3``."""
    return paths.data_dir() / "drafts.sqlite3"


def new_id() -> str:
    """Return a fresh draft id (a UUID): a window can name a draft before it is saved."""
    return uuid.uuid4().hex


def utc_now() -> datetime:
    """Return the current time, aware, in UTC."""
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _stamp(value: str) -> datetime:
    """Read a column the schema declares NOT NULL (created, updated)."""
    return datetime.fromisoformat(value)


def _reason(exc: sqlite3.Error | OSError, path: Path | None = None) -> str:
    """Return why ``exc`` happened; an I/O error on a disk with no room left is a full disk.

    SQLite reports a write that failed for want of space as ``SQLITE_FULL`` only on some
    paths (growing the WAL index, an fsync, a size hint give ``SQLITE_IOERR``), and Python
    does not pass on the system's errno, so the free space decides.
    """
    if isinstance(exc, OSError):
        return os_errors.describe(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == _IOERR and path is not None:
        if os_errors.disk_is_full(path.parent):
            return os_errors.DISK_FULL
    if code is not None and (code & 0xFF) in _REASONS:
        return _REASONS[code & 0xFF]
    return str(exc)


def _is_corrupt(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


#: What a draft with no subject and no name is called where it needs a name.
UNTITLED = "Untitled draft"


def _copy_renamed(title: str, old_body: str, body: str) -> bool:
    """Return True when a duplicate's "X (copy)" name should give way to its new subject.

    Duplicate names the copy after its subject ("Weekly status (copy)", "Untitled draft
    (copy)" for one with none); once the writer rewrites that subject, the copy is titled by
    it like any draft, instead of keeping "(copy)" for ever. Any other name is kept. (A copy
    of a draft the writer named after its own subject cannot be told apart, and follows
    its subject too.)
    """
    before = derive_title(old_body)
    return title == f"{before or UNTITLED} (copy)" and derive_title(body) != before


class Store:
    """A connection to the drafts store.

    One ``Store`` belongs to one thread at a time (the window keeps it on a single worker
    thread); open another for another thread or process. Every method is one transaction.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self._db = connection
        self.path = path

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path | str | None = None, *, migrations: Sequence[str] = MIGRATIONS
    ) -> Opened:
        """Open (or create) the store at ``path``, moving a damaged file aside first.

        A file that SQLite says is corrupt, or that fails ``PRAGMA quick_check``, is renamed
        to ``drafts.sqlite3.damaged-<time>`` (with its WAL) and a new store is started; the
        old file is never written to. Anything else that stops the store from opening (a
        read-only folder, a full disk, a store from a newer AsyncWriter) raises
        :class:`StoreError` and leaves the file alone.
        """
        if path == ":memory:":
            return Opened(cls._connect(":memory:", None, migrations))
        path = Path(path) if path is not None else store_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the folder {path.parent}: {_reason(exc)}", path=path
            ) from exc
        lost_saves = wal_check.damaged_frame(path.with_name(path.name + "-wal"))
        kept_copy = _copy_aside(path) if lost_saves else None
        if lost_saves:
            logger.warning("drafts store %s: %s; copy kept as %s", path, lost_saves, kept_copy)
        try:
            return Opened(
                cls._connect(str(path), path, migrations),
                lost_saves=lost_saves,
                kept_copy=kept_copy,
            )
        except sqlite3.DatabaseError as exc:
            if not _is_corrupt(exc):
                raise StoreError(_reason(exc, path), path=path) from exc
            damage = str(exc)
        aside = _move_aside(path)
        logger.warning("drafts store %s is damaged (%s); moved to %s", path, damage, aside)
        try:
            store = cls._connect(str(path), path, migrations)
        except sqlite3.Error as exc:
            raise StoreError(_reason(exc, path), path=path) from exc
        return Opened(store, moved_aside=aside, damage=damage)

    @classmethod
    def _connect(cls, name: str, path: Path | None, migrations: Sequence[str]) -> Store:
        db = sqlite3.connect(
            name, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        try:
            db.execute("PRAGMA foreign_keys = ON")
            if path is not None:
                mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode != "wal":
                    logger.warning("drafts store %s is in %s mode, not WAL", path, mode)
                # FULL: each save is on the disk when it returns, not only in the OS cache.
                db.execute("PRAGMA synchronous = FULL")
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
            store = cls(db, path)
            store._migrate(migrations)
        except BaseException:
            db.close()
            raise
        return store

    def _migrate(self, migrations: Sequence[str]) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(migrations):
            raise StoreError(
                f"it was written by a newer AsyncWriter (store version {version}; this one "
                f"reads up to {len(migrations)}): update AsyncWriter to open it",
                path=self.path,
            )
        for number in range(version, len(migrations)):
            # One transaction per step: a failed step leaves the store at the step before.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                current = self._db.execute("PRAGMA user_version").fetchone()[0]
                if current == number:  # another instance may have migrated meanwhile
                    for statement in statements(migrations[number]):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number + 1}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @property
    def version(self) -> int:
        """Return the schema version of the open store."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Let SQLite tidy its statistics and close the file."""
        try:
            self._db.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self._db.close()

    def integrity_check(self) -> str:
        """Return SQLite's full integrity check: ``"ok"`` or the problems it found."""
        rows = self._db.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(row[0]) for row in rows)

    # -- writing ---------------------------------------------------------------------

    def save(
        self,
        draft_id: str,
        body: str,
        *,
        template_id: str | None = None,
        channel: str | None = None,
        cursor: int = 0,
        revision: int = 0,
        now: datetime | None = None,
    ) -> Saved:
        """Write a draft's text, creating the draft on its first save.

        ``revision`` is the revision this text was based on (0 for a draft not saved yet).
        If the stored draft has moved on since (another window saved it), nothing is written
        and :class:`Conflict` is raised, so the caller can keep its text as a new draft.
        """
        stamp = _iso(now or utc_now())
        with self._transaction():
            row = self._db.execute(
                "SELECT revision, named, title, deleted FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
            if row is None:
                if revision:
                    raise Conflict("the draft was deleted in another window")
                title = derive_title(body)
                self._db.execute(
                    "INSERT INTO drafts (id, title, template_id, channel, body, cursor, "
                    "revision, created, updated) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    (draft_id, title, template_id, channel, body, cursor, stamp, stamp),
                )
                return Saved(draft_id, 1, title, datetime.fromisoformat(stamp), created=True)
            stored, named, title, deleted = row
            # Only a named draft may be a copy to rename: the old text is read for those alone.
            if named and _copy_renamed(title, self._body(draft_id), body):
                named = False
            if stored != revision:
                raise Conflict("the draft was changed in another window")
            if deleted is not None:
                raise Conflict("the draft was moved to the trash in another window")
            if not named:
                title = derive_title(body)
            self._db.execute(
                "UPDATE drafts SET body = ?, title = ?, named = ?, template_id = ?, "
                "channel = ?, cursor = ?, revision = revision + 1, updated = ? WHERE id = ?",
                (body, title, int(bool(named)), template_id, channel, cursor, stamp, draft_id),
            )
        return Saved(draft_id, stored + 1, title, datetime.fromisoformat(stamp), created=False)

    def set_channel(self, draft_id: str, channel: str | None) -> None:
        """Remember the format a draft was last copied in (its channel when it has no template)."""
        with self._transaction():
            self._db.execute("UPDATE drafts SET channel = ? WHERE id = ?", (channel, draft_id))

    def save_cursor(self, draft_id: str, cursor: int) -> None:
        """Remember where the cursor is (no new revision: the text did not change)."""
        with self._transaction():
            self._db.execute("UPDATE drafts SET cursor = ? WHERE id = ?", (cursor, draft_id))

    def create(
        self,
        body: str,
        *,
        title: str = "",
        template_id: str | None = None,
        channel: str | None = None,
        now: datetime | None = None,
    ) -> Draft:
        """Add a new draft (an import, say) and return it."""
        draft_id = new_id()
        stamp = _iso(now or utc_now())
        named = bool(title.strip())
        with self._transaction():
            self._db.execute(
                "INSERT INTO drafts (id, title, named, template_id, channel, body, created, "
                "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    draft_id,
                    title.strip() if named else derive_title(body),
                    int(named),
                    template_id,
                    channel,
                    body,
                    stamp,
                    stamp,
                ),
            )
        return self.get(draft_id)

    def rename(self, draft_id: str, title: str) -> Draft:
        """Give a draft the writer's own title; an empty title goes back to a derived one."""
        title = " ".join(title.split())
        with self._transaction():
            body = self._body(draft_id)
            named = bool(title)
            self._db.execute(
                "UPDATE drafts SET title = ?, named = ? WHERE id = ?",
                (title if named else derive_title(body), int(named), draft_id),
            )
        return self.get(draft_id)

    def duplicate(self, draft_id: str, *, now: datetime | None = None) -> Draft:
        """Copy a draft (text, template, channel; not its copy history) as a new draft."""
        source = self.get(draft_id)
        base = source.title or UNTITLED
        return self.create(
            source.body,
            title=f"{base} (copy)",
            template_id=source.template_id,
            channel=source.channel,
            now=now,
        )

    def trash(self, draft_id: str, *, now: datetime | None = None) -> None:
        """Move a draft to the trash; :meth:`restore` brings it back for 30 days."""
        with self._transaction():
            self._body(draft_id)
            self._db.execute(
                "UPDATE drafts SET deleted = ? WHERE id = ? AND deleted IS NULL",
                (_iso(now or utc_now()), draft_id),
            )

    def restore(self, draft_id: str) -> Draft:
        """Take a draft out of the trash."""
        with self._transaction():
            self._body(draft_id)
            self._db.execute("UPDATE drafts SET deleted = NULL WHERE id = ?", (draft_id,))
        return self.get(draft_id)

    def delete_forever(self, draft_id: str) -> None:
        """Delete a draft and its copy history for good."""
        with self._transaction():
            self._db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def discard_if_blank(self, draft_id: str) -> bool:
        """Delete a draft that holds nothing (no text, never copied); return whether it did.

        A new draft the writer left empty should not pile up in the list.
        """
        with self._transaction():
            cursor = self._db.execute(
                "DELETE FROM drafts WHERE id = ? AND trim(body, ' ' || char(9, 10, 13)) = '' "
                "AND named = 0 AND NOT EXISTS (SELECT 1 FROM exports WHERE draft_id = ?)",
                (draft_id, draft_id),
            )
            return cursor.rowcount > 0

    def empty_trash(self) -> int:
        """Delete every draft in the trash for good; return how many."""
        with self._transaction():
            return self._db.execute("DELETE FROM drafts WHERE deleted IS NOT NULL").rowcount

    def purge_trash(self, *, now: datetime | None = None, days: int = TRASH_DAYS) -> int:
        """Delete drafts that have been in the trash longer than ``days``; return how many."""
        cutoff = _iso((now or utc_now()) - timedelta(days=days))
        with self._transaction():
            return self._db.execute(
                "DELETE FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", (cutoff,)
            ).rowcount

    def record_export(
        self, draft_id: str, fmt: str, action: str = "copy", *, at: datetime | None = None
    ) -> ExportRecord | None:
        """Add a copy to a draft's history; None when the draft is not stored (it was empty)."""
        moment = at or utc_now()
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO exports (draft_id, at, format, action) "
                "SELECT id, ?, ?, ? FROM drafts WHERE id = ?",
                (_iso(moment), fmt, action, draft_id),
            )
        if not cursor.rowcount:
            return None
        return ExportRecord(draft_id, moment, fmt, action)

    def set_session(self, draft_ids: Iterable[str]) -> None:
        """Remember which drafts are open, in order, for the next start."""
        value = json.dumps(list(draft_ids))
        with self._transaction():
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('session', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (value,),
            )

    # -- reading ---------------------------------------------------------------------

    def get(self, draft_id: str) -> Draft:
        """Return a draft, body included.

        Raises:
            KeyError: no draft has this id (it was deleted for good).
        """
        row = self._db.execute(
            "SELECT id, title, named, template_id, channel, body, cursor, revision, created, "
            "updated, deleted FROM drafts WHERE id = ?",
            (draft_id,),
        ).fetchone()
        if row is None:
            raise KeyError(draft_id)
        return Draft(
            row[0],
            row[1],
            bool(row[2]),
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            _stamp(row[8]),
            _stamp(row[9]),
            _time(row[10]),
        )

    def session(self) -> list[str]:
        """Return the ids of the drafts that were open, still stored and not in the trash."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'session'").fetchone()
        try:
            ids = json.loads(row[0]) if row else []
        except ValueError:
            return []
        if not isinstance(ids, list):
            return []
        ids = [i for i in ids if isinstance(i, str)][:100]
        if not ids:
            return []
        rows = self._db.execute(
            f"SELECT id FROM drafts WHERE deleted IS NULL AND id IN ({','.join('?' * len(ids))})",
            ids,
        )
        live = {r[0] for r in rows}
        return [i for i in ids if i in live]

    def drafts(self, *, trashed: bool = False, limit: int | None = None) -> list[DraftSummary]:
        """Return drafts newest first (or the trash, most recently deleted first)."""
        order = "deleted DESC" if trashed else "updated DESC"
        where = "deleted IS NOT NULL" if trashed else "deleted IS NULL"
        rows = self._db.execute(
            "SELECT id, title, template_id, channel, updated, deleted, substr(body, 1, 600) "
            f"FROM drafts WHERE {where} ORDER BY {order} LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        last = self._last_exports([r[0] for r in rows])
        return [
            DraftSummary(
                r[0],
                r[1],
                r[2],
                r[3],
                _stamp(r[4]),
                _time(r[5]),
                preview(r[6], r[1]),
                last.get(r[0]),
            )
            for r in rows
        ]

    def search(
        self, text: str, *, trashed: bool = False, limit: int = SEARCH_LIMIT
    ) -> list[DraftSummary]:
        """Return the drafts whose title or text has every word of ``text`` (as prefixes).

        Newest first, like the list; each summary's snippet is the text around a match.
        """
        query = fts_query(text)
        if query is None:
            return self.drafts(trashed=trashed, limit=limit)
        where = "deleted IS NOT NULL" if trashed else "deleted IS NULL"
        order = "deleted DESC" if trashed else "updated DESC"
        try:
            # Walk the drafts newest first (an index) and keep those in the match set: a
            # common word stops after ``limit`` rows instead of sorting every match. Then
            # build snippets for those rows only.
            rows = self._db.execute(
                "WITH hits AS (SELECT seq, id, title, template_id, channel, updated, deleted "
                f"FROM drafts WHERE {where} AND seq IN (SELECT rowid FROM drafts_fts "
                f"WHERE drafts_fts MATCH ?1) ORDER BY {order} LIMIT ?2) "
                "SELECT hits.id, hits.title, hits.template_id, hits.channel, hits.updated, "
                "hits.deleted, snippet(drafts_fts, 1, '', '', '…', 16) FROM hits "
                "JOIN drafts_fts ON drafts_fts.rowid = hits.seq WHERE drafts_fts MATCH ?1 "
                f"ORDER BY hits.{order}",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:  # a query FTS5 still rejects: no matches
            logger.info("search %r failed: %s", text, exc)
            return []
        last = self._last_exports([r[0] for r in rows])
        return [
            DraftSummary(
                r[0],
                r[1],
                r[2],
                r[3],
                _stamp(r[4]),
                _time(r[5]),
                " ".join(r[6].split()),
                last.get(r[0]),
            )
            for r in rows
        ]

    def exports(self, draft_id: str) -> list[ExportRecord]:
        """Return a draft's copy history, oldest first."""
        rows = self._db.execute(
            "SELECT at, format, action FROM exports WHERE draft_id = ? ORDER BY at, id", (draft_id,)
        ).fetchall()
        return [ExportRecord(draft_id, _stamp(r[0]), r[1], r[2]) for r in rows]

    def recent_exports(self, limit: int = 20) -> list[tuple[ExportRecord, str]]:
        """Return the latest copies of any draft not in the trash, with the draft's title."""
        rows = self._db.execute(
            "SELECT e.draft_id, e.at, e.format, e.action, d.title FROM exports e "
            "JOIN drafts d ON d.id = e.draft_id WHERE d.deleted IS NULL "
            "ORDER BY e.at DESC, e.id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [(ExportRecord(r[0], _time(r[1]), r[2], r[3]), r[4]) for r in rows]  # type: ignore[arg-type]

    def count(self, *, trashed: bool = False) -> int:
        """Return how many drafts there are (or how many are in the trash)."""
        where = "deleted IS NOT NULL" if trashed else "deleted IS NULL"
        return int(self._db.execute(f"SELECT count(*) FROM drafts WHERE {where}").fetchone()[0])

    # -- helpers ---------------------------------------------------------------------

    def _body(self, draft_id: str) -> str:
        row = self._db.execute("SELECT body FROM drafts WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise KeyError(draft_id)
        return str(row[0])

    def _last_exports(self, ids: list[str]) -> dict[str, ExportRecord]:
        if not ids:
            return {}
        found: dict[str, ExportRecord] = {}
        for start in range(0, len(ids), 500):  # SQLite caps bound parameters
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                "SELECT draft_id, at, format, action FROM exports WHERE id IN (SELECT max(id) "
                f"FROM exports WHERE draft_id IN ({','.join('?' * len(chunk))}) "
                "GROUP BY draft_id)",
                chunk,
            )
            for r in rows:
                found[r[0]] = ExportRecord(r[0], _time(r[1]), r[2], r[3])  # type: ignore[arg-type]
        return found

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self.path)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolls back on any error, so a write is all or nothing.

    IMMEDIATE takes the write lock up front: with two instances, the second waits (up to
    the busy timeout) instead of failing half-way through.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self._db = db
        self._path = path

    def __enter__(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise as_store_error(exc, self._path) from exc

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, *_: object
    ) -> None:
        if kind is None:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:  # a full disk often shows up here
                self._rollback()
                raise as_store_error(exc, self._path) from exc
            return
        self._rollback()
        if isinstance(error, sqlite3.Error):
            raise as_store_error(error, self._path) from error

    def _rollback(self) -> None:
        if self._db.in_transaction:
            try:
                self._db.execute("ROLLBACK")
            except sqlite3.Error:
                logger.exception("rollback failed")


def _aside_name(path: Path) -> Path:
    stamp = utc_now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return target


def _copy_aside(path: Path) -> Path | None:
    """Copy a store and its WAL, as found, to a free ``.damaged-<time>`` name.

    Used when the store itself opens but its log is damaged: SQLite will drop the frames
    after the damage on opening, so the copy keeps them for whoever can recover them.
    Returns None if the copy could not be made (the store still opens; the log says why).
    """
    target = _aside_name(path)
    try:
        shutil.copy2(path, target)
        wal = path.with_name(path.name + "-wal")
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    except OSError as exc:
        logger.warning("could not copy the drafts store %s aside: %s", path, exc)
        return None
    return target


def _move_aside(path: Path) -> Path:
    """Rename a damaged store (and its WAL files) to a free ``.damaged-<time>`` name."""
    target = _aside_name(path)
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, target.with_name(target.name + suffix))
    return target
