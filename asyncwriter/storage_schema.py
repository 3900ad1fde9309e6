"""The drafts store's schema, as the migrations that build it, and a script splitter.

Kept apart from the store's code because it is append-only history: ``MIGRATIONS[n]``
turns a version-``n`` store into version ``n + 1``, and a migration that has shipped is
never edited, so that every store ever written can still be opened.
"""

from __future__ import annotations

import sqlite3

#: Schema migrations: ``MIGRATIONS[n]`` upgrades a store at version ``n`` to ``n + 1``.
#: Append only; never edit a migration that has shipped.
MIGRATIONS: tuple[str, ...] = (
    # 1: drafts, their copy history, the search index and a key-value table for the session.
    """
    CREATE TABLE drafts (
        seq INTEGER PRIMARY KEY,               -- the search index's row id
        id TEXT NOT NULL UNIQUE,               -- a UUID: stable across duplicates and files
        title TEXT NOT NULL DEFAULT '',        -- the writer's title, or one derived from the body
        named INTEGER NOT NULL DEFAULT 0,      -- 1 when the writer renamed it (kept as typed)
        template_id TEXT,
        channel TEXT,
        cursor INTEGER NOT NULL DEFAULT 0,
        revision INTEGER NOT NULL DEFAULT 1,   -- +1 per save: two windows never overwrite
        created TEXT NOT NULL,                 -- ISO 8601 UTC, sortable as text
        updated TEXT NOT NULL,
        deleted TEXT,                          -- when it went to the trash; NULL when not
        body TEXT NOT NULL DEFAULT ''          -- last: reading the other columns skips it
    );
    CREATE INDEX drafts_updated ON drafts (deleted, updated);
    CREATE TABLE exports (
        id INTEGER PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        format TEXT NOT NULL,
        action TEXT NOT NULL DEFAULT 'copy'
    );
    CREATE INDEX exports_draft ON exports (draft_id, at);
    CREATE INDEX exports_at ON exports (at);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE VIRTUAL TABLE drafts_fts USING fts5 (
        title, body, content = 'drafts', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER drafts_fts_insert AFTER INSERT ON drafts BEGIN
        INSERT INTO drafts_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
    END;
    CREATE TRIGGER drafts_fts_delete AFTER DELETE ON drafts BEGIN
        INSERT INTO drafts_fts (drafts_fts, rowid, title, body)
        VALUES ('delete', old.seq, old.title, old.body);
    END;
    CREATE TRIGGER drafts_fts_update AFTER UPDATE OF title, body ON drafts BEGIN
        INSERT INTO drafts_fts (drafts_fts, rowid, title, body)
        VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO drafts_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
    END;
    """,
)


def statements(script: str) -> list[str]:
    """Split a migration script into statements (``sqlite3.complete_statement`` decides)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line.split("--", 1)[0] + ("\n" if line.endswith("\n") else "")
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
