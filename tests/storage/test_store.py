"""The drafts store: saving, revisions, titles, search, trash, copy history and the session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from asyncwriter.draft_text import derive_title, fts_query, preview
from asyncwriter.storage import TRASH_DAYS, Conflict, Store, new_id, store_file

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "drafts.sqlite3")
    yield opened.store
    opened.store.close()


def add(store: Store, body: str, *, at: datetime = T0, **kwargs) -> str:
    draft_id = new_id()
    store.save(draft_id, body, now=at, **kwargs)
    return draft_id


# -- the file -----------------------------------------------------------------------------


def test_the_store_lives_in_the_data_dir_in_wal_mode(tmp_path):
    assert store_file() == tmp_path / "data" / "asyncwriter" / "drafts.sqlite3"
    opened = Store.open()
    try:
        assert store_file().exists()
        mode = opened.store._db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert opened.store.integrity_check() == "ok"
    finally:
        opened.store.close()


# -- saving -------------------------------------------------------------------------------


def test_first_save_creates_the_draft_and_later_saves_replace_its_text(store):
    draft_id = new_id()
    first = store.save(draft_id, "Subject: Cobalt is late\n\nBody one", template_id="status-update",
                       channel="email", cursor=5, now=T0)  # fmt: skip
    assert (first.created, first.revision, first.title) == (True, 1, "Cobalt is late")
    second = store.save(draft_id, "Subject: Cobalt ships\n\nBody two", template_id="status-update",
                        channel="email", cursor=9, revision=1, now=T0 + timedelta(minutes=1))  # fmt: skip
    assert (second.created, second.revision, second.title) == (False, 2, "Cobalt ships")
    draft = store.get(draft_id)
    assert draft.body == "Subject: Cobalt ships\n\nBody two"
    assert (draft.template_id, draft.channel, draft.cursor) == ("status-update", "email", 9)
    assert draft.created == T0 and draft.updated == T0 + timedelta(minutes=1)


def test_a_save_based_on_an_old_revision_is_refused_and_writes_nothing(store):
    draft_id = add(store, "one")
    store.save(draft_id, "two from window A", revision=1)
    with pytest.raises(Conflict, match="another window"):
        store.save(draft_id, "two from window B", revision=1)
    assert store.get(draft_id).body == "two from window A"


def test_saving_a_draft_that_was_trashed_or_deleted_elsewhere_is_a_conflict(store):
    draft_id = add(store, "one")
    store.trash(draft_id)
    with pytest.raises(Conflict, match="trash"):
        store.save(draft_id, "more", revision=1)
    store.delete_forever(draft_id)
    with pytest.raises(Conflict, match="deleted"):
        store.save(draft_id, "more", revision=1)


def test_cursor_saves_do_not_make_a_new_revision(store):
    draft_id = add(store, "hello")
    store.save_cursor(draft_id, 3)
    draft = store.get(draft_id)
    assert (draft.cursor, draft.revision, draft.updated) == (3, 1, T0)


def test_get_of_an_unknown_draft_raises_key_error(store):
    with pytest.raises(KeyError):
        store.get("nope")


# -- titles -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("Subject: Atlas is on track (wk 47)\n\nTL;DR: fine", "Atlas is on track (wk 47)"),
        ("<!-- asyncwriter template: status-update -->\n# **Cobalt** outage\n", "Cobalt outage"),
        ("\n\n- first bullet line\n", "first bullet line"),
        ("Subject: {{project}} is {{status}}\n\nTL;DR: {{x}}\n\nThe real text", "The real text"),
        ("---\n\n***\n\nWords", "Words"),
        ("TL;DR: {{x}}\n\n## Impact\n\n**Done**\n- {{y}}", ""),
        ("**TL;DR:** beta ships Tue\n", "beta ships Tue"),
        ("# Cobalt outage\n\n## Impact", "Cobalt outage"),
        ("", ""),
        ("x" * 200, "x" * 79 + "…"),
    ],
)
def test_titles_come_from_the_subject_or_first_line_with_words(body, title):
    assert derive_title(body) == title


def test_a_renamed_draft_keeps_its_name_until_it_is_cleared(store):
    draft_id = add(store, "Subject: First\n")
    assert store.rename(draft_id, "  My   name ").title == "My name"
    store.save(draft_id, "Subject: Second\n", revision=1)
    assert store.get(draft_id).title == "My name"
    assert store.rename(draft_id, "").title == "Second"
    assert not store.get(draft_id).named


def test_preview_skips_the_title_line():
    body = "<!-- asyncwriter template: x -->\nSubject: Hello\n\n**TL;DR:** all good\n- item"
    assert preview(body, "Hello") == "TL;DR: all good item"


# -- search -------------------------------------------------------------------------------


def test_search_matches_every_word_as_a_prefix_in_title_or_text(store):
    gateway = add(store, "Subject: API gateway outage\n\nThe gateway returned 502s.")
    add(store, "Subject: Weekly status\n\nNothing about that.")
    deploy = add(store, "Subject: Deploy freeze\n\nThe API deploys pause.", at=T0 + timedelta(1))
    assert [s.id for s in store.search("gate")] == [gateway]
    assert [s.id for s in store.search("api")] == [deploy, gateway]  # newest first
    assert [s.id for s in store.search("api OUTAGE")] == [gateway]
    assert "The gateway returned 502s." in store.search("gateway")[0].snippet


def test_search_ignores_accents_and_case(store):
    cafe = add(store, "Meet at the Café Zürich")
    assert [s.id for s in store.search("cafe zurich")] == [cafe]
    assert [s.id for s in store.search("CAFÉ")] == [cafe]


@pytest.mark.parametrize("query", ['"', "it's", "AND", "NEAR(", "-gateway", "a*b", "title:x",
                                   "(((", "^", "OR OR", "😀", "“quoted”"])  # fmt: skip
def test_search_never_fails_on_fts_syntax(store, query):
    add(store, "it's the gateway AND a title: x")
    store.search(query)  # no exception; matches or not


def test_fts_query_quotes_every_word():
    assert fts_query('say "hi" NEAR(x)') == '"say"* "hi"* "NEAR"* "x"*'
    assert fts_query("  --  ") is None


def test_an_empty_search_lists_drafts(store):
    one = add(store, "one")
    assert [s.id for s in store.search("   ")] == [one]


def test_search_sees_the_latest_text_only(store):
    draft_id = add(store, "the old wording")
    store.save(draft_id, "the new phrasing", revision=1)
    assert store.search("wording") == []
    assert [s.id for s in store.search("phrasing")] == [draft_id]


def test_search_finds_trashed_drafts_only_in_the_trash(store):
    draft_id = add(store, "kubernetes upgrade")
    store.trash(draft_id)
    assert store.search("kubernetes") == []
    assert [s.id for s in store.search("kubernetes", trashed=True)] == [draft_id]


def test_search_returns_at_most_the_limit_newest_first(store):
    ids = [add(store, f"report number {n}", at=T0 + timedelta(minutes=n)) for n in range(30)]
    found = store.search("report", limit=10)
    assert [s.id for s in found] == ids[::-1][:10]


# -- list, trash ------------------------------------------------------------------------------


def test_the_list_is_newest_first_and_leaves_out_the_trash(store):
    old = add(store, "old", at=T0)
    new = add(store, "new", at=T0 + timedelta(hours=1))
    trashed = add(store, "bin", at=T0 + timedelta(hours=2))
    store.trash(trashed)
    assert [s.id for s in store.drafts()] == [new, old]
    assert [s.id for s in store.drafts(trashed=True)] == [trashed]
    assert store.count() == 2 and store.count(trashed=True) == 1


def test_trash_restore_and_purge_after_thirty_days(store):
    keep = add(store, "keep me")
    expire = add(store, "expire me")
    store.trash(expire, now=T0)
    store.trash(keep, now=T0 + timedelta(days=20))
    store.restore(keep)
    assert store.get(keep).deleted is None
    store.trash(keep, now=T0 + timedelta(days=20))
    assert store.purge_trash(now=T0 + timedelta(days=TRASH_DAYS - 1)) == 0
    assert store.purge_trash(now=T0 + timedelta(days=TRASH_DAYS, minutes=1)) == 1
    with pytest.raises(KeyError):
        store.get(expire)
    assert store.get(keep).deleted == T0 + timedelta(days=20)
    assert store.empty_trash() == 1
    assert store.count(trashed=True) == 0


def test_delete_forever_takes_the_copy_history_with_it(store):
    draft_id = add(store, "text")
    store.record_export(draft_id, "slack")
    store.delete_forever(draft_id)
    assert store.exports(draft_id) == []
    assert store.recent_exports() == []


def test_duplicate_copies_text_and_template_but_not_history(store):
    source = add(store, "Subject: Plan\n\nbody", template_id="decision-proposal", channel="email")
    store.record_export(source, "email")
    copy = store.duplicate(source)
    assert copy.id != source
    assert (copy.title, copy.body, copy.template_id, copy.channel) == (
        "Plan (copy)", "Subject: Plan\n\nbody", "decision-proposal", "email")  # fmt: skip
    assert store.exports(copy.id) == []


def test_a_copy_takes_its_new_subject_as_title_once_the_writer_rewrites_it(store):
    source = add(store, "Subject: Weekly status\n\nbody")
    copy = store.duplicate(source)
    assert copy.title == "Weekly status (copy)"
    same = store.save(copy.id, "Subject: Weekly status\n\nmore body", revision=copy.revision)
    assert same.title == "Weekly status (copy)"  # the subject is still the old one's
    new = store.save(copy.id, "Subject: Weekly status, 8 Dec\n\nbody", revision=same.revision)
    assert new.title == "Weekly status, 8 Dec"
    blank = store.duplicate(add(store, ""))
    assert blank.title == "Untitled draft (copy)"
    written = store.save(blank.id, "Subject: Launch plan\n\nbody", revision=blank.revision)
    assert written.title == "Launch plan"
    # A name the writer gave, and a copy of it, are kept whatever the subject says.
    store.rename(source, "Team notes")
    named_copy = store.duplicate(source)
    kept = store.save(named_copy.id, "Subject: Other\n\nbody", revision=named_copy.revision)
    assert kept.title == "Team notes (copy)"


def test_blank_drafts_are_discarded_but_not_ones_with_text_or_history(store):
    blank = add(store, " \n\t")
    text = add(store, "words")
    copied = add(store, "")
    store.record_export(copied, "plain")
    assert store.discard_if_blank(blank)
    assert not store.discard_if_blank(text)
    assert not store.discard_if_blank(copied)


# -- copy history and session -------------------------------------------------------------------


def test_copy_history_per_draft_and_across_drafts(store):
    one = add(store, "Subject: One")
    two = add(store, "Subject: Two")
    store.record_export(one, "slack", at=T0)
    store.record_export(two, "email", "subject", at=T0 + timedelta(minutes=1))
    store.record_export(one, "teams", at=T0 + timedelta(minutes=2))
    assert [(r.format, r.at) for r in store.exports(one)] == [("slack", T0),
                                                              ("teams", T0 + timedelta(minutes=2))]  # fmt: skip
    recent = store.recent_exports()
    assert [(r.format, r.action, title) for r, title in recent] == [
        ("teams", "copy", "One"), ("email", "subject", "Two"), ("slack", "copy", "One")]  # fmt: skip
    assert {s.id: s.last_export.format for s in store.drafts()} == {one: "teams", two: "email"}
    assert store.record_export("not-stored", "slack") is None


def test_the_session_keeps_open_drafts_that_still_exist(store):
    one, two, three = add(store, "1"), add(store, "2"), add(store, "3")
    store.set_session([three, "gone", one, two])
    store.trash(two)
    assert store.session() == [three, one]


def test_a_broken_session_value_means_no_session(store):
    store._db.execute("INSERT INTO meta (key, value) VALUES ('session', '{not json')")
    assert store.session() == []
