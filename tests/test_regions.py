"""registry/regions.csv and the other real reference files, as shipped.

The generator's own tests use a small fixture registry; these check the real
one: complete, unambiguous for the region finder, and valid.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from generator import reference

REGISTRY = Path(__file__).resolve().parent.parent / "registry"


def rows() -> list[dict[str, str]]:
    with (REGISTRY / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_all_provinces_and_regencies_are_listed() -> None:
    levels = Counter(r["level"] for r in rows())
    assert levels["provinsi"] == 38
    assert levels["kabupaten"] + levels["kota"] == 514


def test_no_alias_points_at_two_regions() -> None:
    owners: dict[str, set[str]] = {}
    for row in rows():
        for alias in [row["name"], *filter(None, row["aliases"].split(";"))]:
            owners.setdefault(alias.casefold(), set()).add(row["code"])
    shared = {alias: codes for alias, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_ambiguous_bare_names_are_not_aliases() -> None:
    by_code = {r["code"]: r for r in rows()}
    assert "Bandung" not in by_code["32.04"]["aliases"].split(";")
    assert "Bandung" not in by_code["32.73"]["aliases"].split(";")
    assert "Bengkayang" in by_code["61.07"]["aliases"].split(";")
    assert "Kab. Bengkayang" in by_code["61.07"]["aliases"].split(";")


def test_seed_regions_have_expected_names() -> None:
    by_code = {r["code"]: r for r in rows()}
    assert by_code["61.07"]["name"] == "Kabupaten Bengkayang"
    assert by_code["21"]["name"] == "Kepulauan Riau"
    assert by_code["32.73"]["slug"] == "kota-bandung"
    assert by_code["62.11"]["slug"] == "kab-pulang-pisau"


def test_real_reference_files_are_valid() -> None:
    ref, diags = reference.check_reference(REGISTRY)
    assert [d.text() for d in diags] == []
    assert ref is not None
    assert {"pemilu-2019", "pilkada-2020", "pemilu-2024", "pilkada-2024"} <= set(ref.elections)
    assert len(ref.regions) == 552


# --- Short names (tools/shortnames.py, registry/region-shortnames.csv) ---


def shortname_rows() -> list[dict[str, str]]:
    path = REGISTRY / "region-shortnames.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def test_every_region_has_a_short_name_with_its_rule_or_source() -> None:
    found = shortname_rows()
    assert {r["code"] for r in found} == {r["code"] for r in rows()}
    for row in found:
        basis = row["basis"]
        assert (
            basis.startswith(("aturan: ", "https://", "http://", "UU ")) or basis == "daftar awal"
        ), row


def test_no_short_name_points_at_two_regions() -> None:
    from tools.shortnames import key

    owners: dict[str, set[str]] = {}
    for row in shortname_rows():
        owners.setdefault(key(row["alias"]), set()).add(row["code"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_short_names_file_is_what_the_tool_writes() -> None:
    from tools import shortnames

    rows_ = shortnames.shortnames(shortnames.read_regions(), shortnames.read_sourced())
    assert (REGISTRY / "region-shortnames.csv").read_text(encoding="utf-8") == shortnames.render(
        rows_
    )


def test_short_names_reach_the_region_aliases() -> None:
    by_code = {r["code"]: r for r in rows()}
    for row in shortname_rows():
        region = by_code[row["code"]]
        assert row["alias"] in [region["name"], *region["aliases"].split(";")], row


def test_press_short_names_are_found() -> None:
    names = {(r["alias"], r["code"]) for r in shortname_rows()}
    expected = {
        ("Bolsel", "71.11"),  # first syllables, sourced
        ("Mahulu", "64.11"),
        ("Kukar", "64.02"),
        ("Kuansing", "14.09"),
        ("HSU", "63.08"),  # initials of a three-word name
        ("Halsel", "82.04"),  # compass ending, rule
        ("Kalbar", "61"),
        ("Lotim", "52.03"),
    }
    assert expected <= names


def test_a_short_name_two_regions_would_share_is_dropped() -> None:
    from tools.shortnames import shortnames

    regions = [
        {"code": "1", "level": "provinsi", "name": "Sumatera Barat"},
        {"code": "2", "level": "kabupaten", "name": "Kabupaten Sumba Barat"},
        {"code": "3", "level": "kabupaten", "name": "Kabupaten Padang"},
        {"code": "4", "level": "kota", "name": "Kota Padang"},
    ]
    sourced = [("1", "Sumbar", "https://example.org/a"), ("3", "Pdg", "x"), ("4", "Pdg", "y")]
    found = {(alias, code) for alias, code, _ in shortnames(regions, sourced)}
    assert ("Sumbar", "1") in found  # the source beats the rule
    assert ("Sumbar", "2") not in found  # the rule's "Sumbar" for Sumba Barat meets it
    assert not {a for a, _ in found} & {"Pdg"}  # two sources claim it: dropped from both
    assert ("Kab. Padang", "3") in found and ("Kota Padang", "4") in found
