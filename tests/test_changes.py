"""Classes of wording change (generator/changes.py): what a difference from the template
is before anyone counts it. Each case is a real kind of difference found in the sources."""

from __future__ import annotations

from generator import changes
from generator.model import Clause
from generator.refdata import ClauseTemplate, Synonym
from tests.test_textdiff import TEMPLATE_2, comparer

SYNONYMS = changes.synonyms_from((Synonym(("bijak", "bijaksana"), "https://example.org/kbbi"),))


def clause(sworn: str, template: str = TEMPLATE_2, position: int = 2, at: int = 2) -> Clause:
    tpl = ClauseTemplate(f"ikrar-{at}", "ikrar", at, template)
    return Clause(position, sworn, tpl, "verbatim", "ikrar", comparer().compare(template, sworn))


def classes(*clauses: Clause) -> list[tuple[str, str]]:
    return [(c.kind, c.klass) for c in changes.classify(clauses, SYNONYMS)]


def test_a_phrase_said_in_another_order_is_one_change_of_order() -> None:
    sworn = TEMPLATE_2.replace("intimidasi dan ancaman", "ancaman dan intimidasi")
    assert classes(clause(sworn)) == [("moved", "urutan")]


def test_a_one_letter_slip_in_a_long_word_is_a_probable_typo() -> None:
    template = "Tidak menyebarkan ujaran kebencian."
    sworn = "Tidak menyebabkan ujaran kebencian."
    assert classes(clause(sworn, template)) == [("replaced", "salah-ketik")]


def test_a_short_word_or_a_real_edit_stays_a_change_of_content() -> None:
    assert not changes.probable_typo(("dan",), ("dari",))
    assert not changes.probable_typo(("konflik",), ("politik",))  # two letters in 7: content
    assert changes.probable_typo(("menyebarkan",), ("menyebabkan",))
    assert not changes.probable_typo(("intimidasi", "dan"), ("intimidasi",))


def test_a_documented_synonym_is_not_a_change_of_content() -> None:
    template = "Menggunakan media sosial secara bijak."
    assert classes(clause("Menggunakan media sosial secara bijaksana.", template)) == [
        ("replaced", "sinonim")
    ]
    assert classes(clause("Menggunakan media sosial secara hati-hati.", template)) == [
        ("replaced", "isi")
    ]


def test_a_clause_sworn_out_of_order_is_one_change_of_order() -> None:
    first = clause("Menjaga netralitas.", "Menjaga netralitas.", position=1, at=2)
    second = clause("Menolak politik uang.", "Menolak politik uang.", position=2, at=1)
    assert classes(first, second) == [("moved-clause", "urutan")]


def test_distance_counts_a_swap_as_one_edit() -> None:
    assert changes.distance("ancaman", "ancmaan") == 1
    assert changes.distance("", "abc") == 3
