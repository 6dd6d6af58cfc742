"""Word diffs between a sworn clause and its template, as journalists read them."""

from __future__ import annotations

from generator.textdiff import changed_words, word_diff

TEMPLATE = "Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi."


def test_a_changed_word_is_one_removal_and_one_addition() -> None:
    sworn = "Menghindari politik kepentingan, tidak melakukan praktik-praktik intimidasi."
    assert word_diff(TEMPLATE, sworn) == (
        ("=", "Menghindari"),
        ("-", "konflik"),
        ("+", "politik"),
        ("=", "kepentingan, tidak melakukan praktik-praktik intimidasi."),
    )
    assert changed_words(TEMPLATE, sworn) == 2


def test_case_and_edge_punctuation_do_not_count_but_text_is_kept() -> None:
    sworn = "menghindari konflik kepentingan tidak melakukan praktik-praktik intimidasi"
    assert changed_words(TEMPLATE, sworn) == 0
    assert word_diff(TEMPLATE, sworn) == (("=", sworn),)


def test_a_shortened_clause_shows_what_is_missing() -> None:
    diff = word_diff(TEMPLATE, "Menghindari konflik kepentingan.")
    assert ("-", "tidak melakukan praktik-praktik intimidasi.") in diff
