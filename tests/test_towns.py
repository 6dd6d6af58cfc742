"""The search page's town list (docs/assets/kota.json, tools/towns.py) as shipped."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tools import towns

ROOT = Path(__file__).resolve().parent.parent


def regions() -> list[dict[str, str]]:
    with (ROOT / "registry" / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def shipped() -> dict[str, list[str]]:
    return json.loads((ROOT / "docs" / "assets" / "kota.json").read_text(encoding="utf-8"))


def test_every_regency_and_city_is_keyed_by_its_slug() -> None:
    local = {r["slug"] for r in regions() if r["level"] != "provinsi"}
    assert set(shipped()) == local


def test_every_capital_with_its_source_reaches_its_regency() -> None:
    slug = {r["code"]: r["slug"] for r in regions()}
    data = shipped()
    for row in towns.read_capitals():
        assert row["source"].startswith(("https://", "http://")), row
        assert row["capital"] in data[slug[row["code"]]][0].split("|"), row


def test_the_issues_towns_lead_to_their_regency() -> None:
    data = shipped()
    assert "Labuan Bajo" in data["kab-manggarai-barat"][0].split("|")
    assert "Kotabumi" in data["kab-lampung-utara"][0].split("|")
    assert "Serpong" in data["kota-tangerang-selatan"][1].split("|")


def test_towns_tool_keeps_kecamatan_and_notes_unconfirmed_capitals() -> None:
    region_rows = [
        {"code": "1", "level": "provinsi", "name": "P", "slug": "prov-p"},
        {"code": "1.01", "level": "kabupaten", "name": "Kabupaten Alpha", "slug": "kab-alpha"},
    ]
    districts = [
        {"code": "1.01.01", "regency_code": "1.01", "name": "Beta"},
        {"code": "1.01.02", "regency_code": "1.01", "name": "Alpha"},  # its own name: left out
    ]
    villages = [{"code": "1.01.01.1001", "district_code": "1.01.01", "name": "Gamma Kota"}]
    capitals = [
        {"code": "1.01", "capital": "Gamma Kota", "source": "https://example.org/a"},
        {"code": "1.01", "capital": "Delta", "source": "https://example.org/b"},
    ]
    found, unconfirmed = towns.towns(region_rows, districts, villages, capitals)
    assert found == {"kab-alpha": ["Gamma Kota|Delta", "Beta"]}
    assert unconfirmed == ["1.01 Delta"]
