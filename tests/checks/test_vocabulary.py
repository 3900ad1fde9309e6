"""The vocabulary files: each parses, and each list is clean and read by the code."""

from __future__ import annotations

import pytest

from asyncwriter import vocabulary
from asyncwriter.checks.rules import style

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


def test_style_package_reads_every_key():
    # Each style module reads its lists through words.vocab() at import: a key nobody reads
    # is a list that silently stopped mattering.
    assert style.VOCABULARY_KEYS == set(STYLE)


def test_style_lists_are_lower_or_upper_case_as_matched():
    # Hedge, filler and passive words are compared with lower-cased text, capitals with
    # the text as written: a word in the wrong case would never match.
    upper = {"acronyms", "shouted_words", "common_short_words", "rfc2119_keywords", "sql_words"}
    for key in STYLE_LISTS:
        for entry in vocabulary.words("style", key):
            assert entry == (entry.upper() if key in upper else entry.lower()), (key, entry)
