"""Classified differences between sworn clauses and their templates, as journalists
read them: spelling (not a change), slot (filled, not changed), substantive (added,
removed or replaced words, one change per phrase). Every seed clause is pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import claims, model, validate
from generator.textdiff import Comparer, wording_from
from tests.conftest import FIXTURES, TODAY, make_registry

REFERENCE = FIXTURES / "registry"


def comparer() -> Comparer:
    wording = yaml.safe_load((REFERENCE / "wording.yml").read_text(encoding="utf-8"))
    clauses = yaml.safe_load((REFERENCE / "clauses.yml").read_text(encoding="utf-8"))
    return Comparer(wording_from(wording, clauses["slots"]))


TEMPLATE_2 = (
    "Menghindari konflik kepentingan, tidak melakukan praktik-praktik intimidasi dan ancaman"
    " kepada pegawai ASN dan seluruh elemen masyarakat serta tidak memihak kepada pasangan"
    " calon tertentu."
)

# Every seed clause: (record, clause position) -> (kind, differences other than 'same').
# Paraphrases and clauses without a template are not compared word by word.
SEEDS = {
    ("kab-bener-meriah-2024-10-07", 1): (
        "changed",
        [
            ("removed", "", "pegawai"),
            ("spelling", "aparatur sipil negara", "ASN"),  # the abbreviation written out
            ("slot", "Pemilukada serentak Tahun 2024.", "pemilihan"),
        ],
    ),
    ("kab-bener-meriah-2024-10-07", 2): (
        "changed",
        [("replaced", "politik", "konflik"), ("spelling", "intimindasi", "intimidasi")],
    ),
    ("kab-bener-meriah-2024-10-07", 3): ("same", []),
    ("kab-bener-meriah-2024-10-07", 4): ("spelling", [("spelling", "apapun.", "apa pun.")]),
    ("kab-bengkayang-2020-10-20", 1): (
        "changed",
        [("removed", "", "pegawai"), ("slot", "Pilkada serentak tahun 2020.", "pemilihan")],
    ),
    ("kab-bengkayang-2020-10-20", 2): (
        "spelling",
        [("spelling", "praktek-praktek", "praktik-praktik")],
    ),
    ("kab-bengkayang-2020-10-20", 3): ("same", []),
    ("kab-bengkayang-2020-10-20", 4): ("spelling", [("spelling", "apapun.", "apa pun.")]),
    ("kab-pulang-pisau-2024", 1): (
        "spelling",
        [
            ("spelling", "menegakan", "menegakkan"),
            ("slot", "pemilihan kepala daerah tahun 2024.", "pemilihan"),
        ],
    ),
    ("kab-pulang-pisau-2024", 2): ("same", []),
    ("kab-pulang-pisau-2024", 3): ("same", []),
    ("kab-pulang-pisau-2024", 4): ("spelling", [("spelling", "apapun.", "apa pun.")]),
    ("kota-bandung-2023-07-18", 1): (
        "changed",
        [
            ("added", "di instansi masing-masing", ""),
            ("replaced", "dan", "maupun"),
            ("slot", "Pemilu 2024;", "pemilihan"),
        ],
    ),
    ("kota-bandung-2023-07-18", 2): (
        "changed",
        [
            ("spelling", "Mengindari", "Menghindari"),
            ("spelling", "praktek", "praktik-praktik"),
            ("removed", "", "ancaman"),
            ("removed", "", "pasangan"),
        ],
    ),
    ("kota-bandung-2023-07-18", 3): (
        "changed",
        [("replaced", "dan", "tidak dipergunakan untuk kepentingan pasangan calon tertentu,")],
    ),
    ("kota-bandung-2023-07-18", 4): (
        "spelling",
        [("spelling", "segala segala", "segala"), ("spelling", "apapun.", "apa pun.")],
    ),
    ("prov-kalimantan-barat-2024-09-10", 1): ("none", None),
    ("prov-kepulauan-riau-2020-10-19", 1): ("paraphrase", None),
    ("prov-kepulauan-riau-2020-10-19", 2): ("paraphrase", None),
    ("prov-kepulauan-riau-2020-10-19", 3): ("paraphrase", None),
    ("prov-kepulauan-riau-2020-10-19", 4): ("paraphrase", None),
}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> model.Registry:
    records = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    registry = make_registry(tmp_path_factory.mktemp("seeds"), records)
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    return model.build(checked, {})


def test_every_seed_clause_is_pinned(seeds: model.Registry) -> None:
    found = {(e.id, c.position): c for e in seeds.events for c in e.clauses}
    assert set(found) == set(SEEDS)
    for key, (kind, differences) in SEEDS.items():
        clause = found[key]
        assert clause.kind == kind, key
        if differences is None:
            assert clause.comparison is None, key
            continue
        got = [s for s in clause.comparison.segments if s[0] != "same"]
        assert got == differences, key


def test_bener_meriah_clause_2_is_one_replacement(seeds: model.Registry) -> None:
    event = next(e for e in seeds.events if e.id == "kab-bener-meriah-2024-10-07")
    assert event.clauses[1].comparison.changes == (("replaced", "politik", "konflik"),)
    said = claims.derive_all(seeds)[event.id]
    # clause 1 without "pegawai" ("aparatur sipil negara"), clause 2
    assert len(said.substantive) == 2


def test_seed_events_following_the_template(seeds: model.Registry) -> None:
    """Pulang Pisau differs only in spelling and its election's name: it follows."""
    said = claims.derive_all(seeds)
    following = sorted(e.id for e in seeds.events if said[e.id].follows_template)
    assert following == ["kab-pulang-pisau-2024"]
    counts = {e.id: len(said[e.id].substantive) for e in seeds.events}
    assert {k: v for k, v in counts.items() if v} == {
        "kab-bener-meriah-2024-10-07": 2,
        "kab-bengkayang-2020-10-20": 1,
        "kota-bandung-2023-07-18": 5,
    }


def test_a_paraphrase_with_a_template_counts_no_change(seeds: model.Registry) -> None:
    kepri = next(e for e in seeds.events if e.id == "prov-kepulauan-riau-2020-10-19")
    assert all(c.template is not None and c.kind == "paraphrase" for c in kepri.clauses)
    said = claims.derive_all(seeds)[kepri.id]
    assert said.substantive == () and kepri.compared == () and not said.follows_template


# --- Synthetic clauses: one per class -------------------------------------------------


def kinds(template: str, text: str) -> list[tuple[str, str, str]]:
    return [s for s in comparer().compare(template, text).segments if s[0] != "same"]


def test_case_punctuation_spaces_and_hyphen_spacing_are_no_difference() -> None:
    sworn = (
        "menghindari  KONFLIK kepentingan tidak, melakukan praktik - praktik intimidasi dan"
        " ancaman kepada pegawai ASN dan seluruh elemen masyarakat serta tidak memihak kepada"
        " pasangan calon tertentu"
    )
    found = comparer().compare(TEMPLATE_2, sworn)
    assert found.state == "same" and kinds(TEMPLATE_2, sworn) == []
    assert " ".join(s[1] for s in found.segments).split() == sworn.split()  # shown as given


def test_spelling_variants_reduplication_and_repeats_are_spelling_only() -> None:
    template = (
        "Menolak politik uang dan segala jenis pemberian praktik-praktik dalam bentuk apa pun"
    )
    sworn = "Menolak politik uang dan segala segala jenis pemberian praktek dalam bentuk apapun."
    found = comparer().compare(template, sworn)
    assert found.state == "spelling" and found.changes == ()
    assert [s[1] for s in found.spelling] == ["segala segala", "praktek", "apapun."]


def test_a_replacement_is_one_change_not_two() -> None:
    sworn = TEMPLATE_2.replace("konflik kepentingan", "politik uang")
    found = comparer().compare(TEMPLATE_2, sworn)
    assert found.changes == (("replaced", "politik uang,", "konflik kepentingan,"),)


def test_added_and_removed_words_are_substantive() -> None:
    sworn = TEMPLATE_2.replace(" dan ancaman", "").replace("tertentu.", "tertentu mana pun.")
    assert comparer().compare(TEMPLATE_2, sworn).changes == (
        ("removed", "", "dan ancaman"),
        ("added", "mana pun.", ""),
    )


def test_slots_are_filled_not_changed() -> None:
    template = "Netralitas pegawai ASN {pemerintah} sebelum pelaksanaan {pemilihan}."
    sworn = "Netralitas pegawai ASN Pemkab Sleman sebelum pelaksanaan Pilkada Serentak 2024."
    found = comparer().compare(template, sworn)
    assert found.state == "same"
    assert found.slots == (
        ("slot", "Pemkab Sleman", "pemerintah"),
        ("slot", "Pilkada Serentak 2024.", "pemilihan"),
    )
    empty = comparer().compare(template, "Netralitas pegawai ASN sebelum pelaksanaan Pemilu.")
    assert empty.state == "same"  # an optional slot may stay empty


def test_words_a_slot_does_not_accept_are_a_change() -> None:
    template = "Netralitas pegawai ASN {pemerintah} dalam tugas."
    found = comparer().compare(template, "Netralitas pegawai ASN di kantor dalam tugas.")
    assert found.changes == (("added", "di kantor", ""),)
    replaced = comparer().compare("pelaksanaan {pemilihan}.", "penyelenggaraan Pilkada 2020.")
    assert replaced.changes == (("replaced", "penyelenggaraan", "pelaksanaan"),)
    assert replaced.slots == (("slot", "Pilkada 2020.", "pemilihan"),)


def test_the_comparison_is_cached() -> None:
    c = comparer()
    assert c.compare(TEMPLATE_2, "x") is c.compare(TEMPLATE_2, "x")


def test_rules_come_from_the_data_file(tmp_path: Path) -> None:
    """A rule left out of wording.yml is not applied."""
    data = {"rules": [{"id": "punctuation"}], "spellings": []}
    strict = Comparer(wording_from(data, []))
    assert strict.compare("Menolak apa pun.", "menolak apa pun").state == "changed"
    assert strict.compare("menolak apa pun.", "menolak apapun").state == "changed"
