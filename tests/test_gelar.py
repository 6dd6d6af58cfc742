"""Degrees and titles in names are printed but kept out of the search index."""

from __future__ import annotations

from generator.gelar import name_html

IGNORED = "<span data-pagefind-ignore>{}</span>"


def test_degrees_after_the_name_and_titles_before_it_are_ignored() -> None:
    html = str(name_html("Drs. H. Ali Baal, M.Si."))
    assert html == (
        f"{IGNORED.format('Drs.')} {IGNORED.format('H.')} Ali Baal, {IGNORED.format('M.Si.')}"
    )
    assert IGNORED.format("S.Sos") in str(name_html("Budi, S.Sos"))
    assert IGNORED.format("S.H.") in str(name_html("Budi S.H. M.H."))
    assert IGNORED.format("MM") in str(name_html("Moh. Ma'ruf Bantilan, MM"))


def test_names_and_initials_stay_searchable() -> None:
    assert str(name_html("A. Rahman")) == "A. Rahman"
    assert str(name_html("Moh. Tanwier")) == "Moh. Tanwier"
    assert str(name_html("Budi Harahap")) == "Budi Harahap"


def test_the_name_is_escaped_and_one_line() -> None:
    assert str(name_html("<b>x</b>\nS.Sos")) == f"&lt;b&gt;x&lt;/b&gt; {IGNORED.format('S.Sos')}"
