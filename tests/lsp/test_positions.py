"""Offsets to LSP positions and back: UTF-16 by default, lines as LSP ends them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asyncwriter.lsp.positions import UTF8, UTF16, UTF32, PositionMap
from tests.lsp.client import offset as client_offset
from tests.lsp.client import position as client_position


def test_astral_characters_count_two_utf16_units():
    text = "a😀b\n𝒳y"
    pm = PositionMap(text)
    assert pm.position(text.index("b")) == (0, 3)
    assert pm.position(text.index("y")) == (1, 2)
    assert pm.offset(0, 3) == text.index("b")
    assert pm.offset(1, 2) == text.index("y")


@pytest.mark.parametrize(("encoding", "column"), [(UTF8, 6), (UTF16, 3), (UTF32, 2)])
def test_each_encoding_counts_its_own_units(encoding, column):
    text = "é😀b"
    assert PositionMap(text, encoding).position(2) == (0, column)
    assert PositionMap(text, encoding).offset(0, column) == 2


def test_lines_end_at_lf_crlf_and_lone_cr_only():
    text = "a\r\nb\rc\nd\u2028e\x0cf"
    pm = PositionMap(text)
    assert pm.position(text.index("b")) == (1, 0)
    assert pm.position(text.index("c")) == (2, 0)
    assert pm.position(text.index("d")) == (3, 0)
    # U+2028 and form feed are text inside a line for LSP (str.splitlines would split).
    assert pm.position(text.index("f")) == (3, 4)


def test_positions_past_a_line_or_the_text_clamp():
    text = "ab\ncd"
    pm = PositionMap(text)
    assert pm.offset(0, 99) == 2  # the end of line 0, before its line break
    assert pm.offset(9, 0) == len(text)
    assert pm.position(99) == (1, 2)


CHARS = st.sampled_from(["a", " ", "\n", "\r", "\r\n", "é", "😀", "𝒳", "\u2028", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(CHARS, max_size=30), st.data())
def test_round_trip_matches_an_editor(pieces, data):
    text = "".join(pieces)
    pm = PositionMap(text)
    at = data.draw(st.integers(0, len(text)))
    if 0 < at < len(text) and text[at - 1 : at + 1] == "\r\n":
        at -= 1  # inside a line break is no position
    line, character = pm.position(at)
    assert {"line": line, "character": character} == client_position(text, at)
    assert pm.offset(line, character) == at
    assert client_offset(text, {"line": line, "character": character}) == at
