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
