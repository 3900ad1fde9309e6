"""The vocabulary files: each parses, and each list is clean and read by the code."""

from __future__ import annotations

import pytest

from asyncwriter import vocabulary

# -- style.toml (the style rules' word lists) ------------------------------------------------

STYLE = vocabulary.load("style")
STYLE_LISTS = sorted(k for k, v in STYLE.items() if isinstance(v, list))
STYLE_TABLES = sorted(k for k, v in STYLE.items() if isinstance(v, dict))


def test_style_vocabulary_parses_into_lists_and_tables():
    assert "style" in vocabulary.names()
    assert STYLE_LISTS
    assert set(STYLE_LISTS) | set(STYLE_TABLES) == set(STYLE)


@pytest.mark.parametrize("key", STYLE_LISTS)
def test_style_list_is_clean(key):
    entries = vocabulary.words("style", key)
    assert entries, f"{key} is empty"
    assert len(set(entries)) == len(entries), f"{key} has duplicates"
    assert all(e and e == e.strip() for e in entries), f"{key} has blank or unstripped entries"


@pytest.mark.parametrize("key", STYLE_TABLES)
def test_style_table_is_clean(key):
    table = STYLE[key]
    assert table, f"{key} is empty"
    for name, text in table.items():
        assert isinstance(text, str), (key, name)
        assert text and text == text.strip(), (key, name)


def test_style_lists_are_lower_or_upper_case_as_matched():
    # Hedge, filler and passive words are compared with lower-cased text, capitals with
    # the text as written: a word in the wrong case would never match.
    upper = {"acronyms", "shouted_words", "common_short_words", "rfc2119_keywords", "sql_words"}
    for key in STYLE_LISTS:
        for entry in vocabulary.words("style", key):
            assert entry == (entry.upper() if key in upper else entry.lower()), (key, entry)


# -- every vocabulary file, and the files the facts, links and time modules read -------------


def _problems(value: object, where: str) -> list[str]:
    """Return what is wrong with one parsed value: empty, duplicated or unstripped entries."""
    if isinstance(value, str):
        return [] if value and value == value.strip() else [f"{where}: {value!r} is not stripped"]
    if isinstance(value, dict):
        found = [] if value else [f"{where} is empty"]
        for key, item in value.items():
            found += _problems(item, f"{where}.{key}")
        return found
    if isinstance(value, list):
        found = [] if value else [f"{where} is empty"]
        strings = [v for v in value if isinstance(v, str)]
        if len(strings) == len(value) and len(set(strings)) != len(strings):
            found.append(f"{where} has duplicates")
        for i, item in enumerate(value):
            found += _problems(item, f"{where}[{i}]")
        return found
    return []


@pytest.mark.parametrize("name", vocabulary.names())
def test_vocabulary_file_parses_and_is_clean(name):
    tables = vocabulary.load(name)
    assert tables, f"{name}.toml is empty"
    assert _problems(tables, name) == []


def _read_by_a_lint() -> None:
    """Import every module that reads a vocabulary file and lint once (some lists are read
    when the first lint builds its phrase matcher)."""
    from asyncwriter.checks import lint
    from asyncwriter.checks.spelling import checker
    from asyncwriter.times import expressions, zones  # noqa: F401 - read at import

    lint("Please review the plan by Thu 26 Nov, 17:00 UTC.", tz="UTC")
    checker.work_words()  # read when the first word is looked up, which a short lint may not do


@pytest.mark.parametrize("name", vocabulary.names())
def test_every_key_of_a_vocabulary_file_is_read_by_the_code(name):
    # A key nobody reads is a list that silently stopped mattering.
    _read_by_a_lint()
    assert vocabulary.keys_read(name) == set(vocabulary.load(name))


def test_ask_phrase_slots_name_lists_of_the_same_file():
    asks = vocabulary.load("asks")
    for label, shapes in asks["phrases"].items():
        for shape in shapes:
            for slot in shape:
                if isinstance(slot, str):
                    assert vocabulary.words("asks", slot), (label, slot)
