"""The shared pieces of English in what AsyncWriter writes."""

from __future__ import annotations

from asyncwriter.english import series


def test_a_series_joins_with_commas_and_the_last_with_and():
    assert series([]) == ""
    assert series(["Aiko"]) == "Aiko"
    assert series(["Aiko", "Lena"]) == "Aiko and Lena"
    assert series(["Aiko", "Lena", "Sam"]) == "Aiko, Lena and Sam"
    assert series(["@sam", "@kim"], "or") == "@sam or @kim"
