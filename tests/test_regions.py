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


def sourced_for() -> dict[str, set[str]]:
    """Alias (case-folded) -> the codes region-aliases.csv gives it a source for."""
    from tools.shortnames import read_rows

    out: dict[str, set[str]] = {}
    for row in read_rows():
        out.setdefault(row["alias"].casefold(), set()).add(row["code"])
    return out


def test_no_alias_points_at_two_regions_unless_sources_give_it_both() -> None:
    """Jogja is the city and the province in the sources: it names both, and the
    search page offers both. Every other alias names one region."""
    owners: dict[str, set[str]] = {}
    for row in rows():
        for alias in [row["name"], *filter(None, row["aliases"].split(";"))]:
            owners.setdefault(alias.casefold(), set()).add(row["code"])
    shared = {alias: codes for alias, codes in owners.items() if len(codes) > 1}
    sourced = sourced_for()
    assert {a: c for a, c in shared.items() if sourced.get(a) != c} == {}
    assert shared["jogja"] == {"34", "34.71"}


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


def test_no_short_name_points_at_two_regions_unless_sourced_for_both() -> None:
    from tools.shortnames import key

    owners: dict[str, set[str]] = {}
    for row in shortname_rows():
        owners.setdefault(key(row["alias"]), set()).add(row["code"])
    sourced = {key(a): codes for a, codes in sourced_for().items()}
    assert {k: v for k, v in owners.items() if len(v) > 1 and sourced.get(k) != v} == {}


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
    sourced = [
        ("1", "Sumbar", "https://example.org/a"),
        ("3", "Pdg", "x"),
        ("4", "Pdg", "y"),
        ("2", "Padang", "z"),
    ]
    found = {(alias, code) for alias, code, _ in shortnames(regions, sourced)}
    assert ("Sumbar", "1") in found  # the source beats the rule
    assert ("Sumbar", "2") not in found  # the rule's "Sumbar" for Sumba Barat meets it
    assert {("Pdg", "3"), ("Pdg", "4")} <= found  # sources give it both: it names both
    assert ("Padang", "2") not in found  # another region's own name is not this one's
    assert ("Kab. Padang", "3") in found and ("Kota Padang", "4") in found


def test_official_names_keep_the_old_spelling_and_the_address() -> None:
    by_code = {r["code"]: r for r in rows()}
    for code, name, old, slug in [
        ("74.72", "Kota Baubau", "Kota Bau Bau", "kota-bau-bau"),
        ("62.71", "Kota Palangka Raya", "Palangkaraya", "kota-palangkaraya"),
        ("19.71", "Kota Pangkalpinang", "Pangkal Pinang", "kota-pangkal-pinang"),
        ("72.04", "Kabupaten Tolitoli", "Toli-Toli", "kab-toli-toli"),
    ]:
        assert by_code[code]["name"] == name
        assert old in by_code[code]["aliases"].split(";")
        assert by_code[code]["slug"] == slug


def test_every_alias_row_has_a_kind_and_a_source() -> None:
    from tools.shortnames import KINDS, read_rows

    for row in read_rows():
        assert row["kind"] in KINDS, row
        assert row["source"].startswith(("https://", "http://", "UU ")) or (
            row["source"] == "daftar awal"
        ), row


def test_coverage_report_is_in_step() -> None:
    from tools import shortnames

    text = shortnames.coverage(shortnames.read_regions(), shortnames.read_rows())
    assert (REGISTRY / "REGION-ALIASES-COVERAGE.md").read_text(encoding="utf-8") == text
    assert "of the 514 regencies and cities" in text
    listed = {line.split(" ", 2)[1] for line in text.splitlines() if line.startswith("- ")}
    sourced = {r["code"] for r in shortnames.read_rows() if r["source"].startswith("http")}
    local = {r["code"] for r in rows() if r["level"] != "provinsi"}
    assert listed | (sourced & local) >= local  # every one without a page is named
