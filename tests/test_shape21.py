"""Record shape 2.1 end to end: the fixture registry in tests/fixtures/shape21/ (six
fictional cases and a distinct second event of one day) checked, built and rendered;
every new fact is looked for on its event page and in events.json and events.csv, and
the incumbent-candidate count is recomputed from the records themselves.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator import claims, model, render, validate
from tests.conftest import FIXTURES, TODAY, make_registry

SHAPE21 = FIXTURES / "shape21"
SITE = {"url": "https://contoh.github.io/registri/", "repo_url": "https://github.com/contoh/r"}
HEADS = {"Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[model.Registry, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("shape21")
    events = {p.name: p.read_bytes() for p in (SHAPE21 / "events").glob("*.yml")}
    registry = make_registry(tmp, events)
    shutil.copy(SHAPE21 / "elections.yml", registry / "elections.yml")
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        checked, diags = validate.check(registry, None, TODAY)
        assert [d.text() for d in diags] == []
        reg = model.build(checked, {name: "2026-11-20" for name in events})
        return reg, render.render_site(reg, SITE)
    finally:
        os.chdir(cwd)


def page(pages: dict[str, str], ident: str) -> str:
    """An event page's text with tags removed and spaces squeezed, as a reader sees it."""
    text = re.sub(r"<[^>]+>", " ", pages[f"peristiwa/{ident}.md"])
    return re.sub(r"\s+", " ", text)


def record(pages: dict[str, str], ident: str) -> dict:
    events = json.loads(pages["data/events.json"])["events"]
    return next(e for e in events if e["id"] == ident)


def row(pages: dict[str, str], ident: str) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(pages["data/events.csv"].lstrip("\ufeff")))
    return next(r for r in rows if r["id"] == ident)


def test_the_event_name(built: tuple) -> None:
    _, pages = built
    ident = "kota-bandung-2019-04-10"
    assert "Nama kegiatan Apel Gabungan Bulan April 2019" in page(pages, ident)
    assert record(pages, ident)["name"] == "Apel Gabungan Bulan April 2019"
    assert row(pages, ident)["event_name"] == "Apel Gabungan Bulan April 2019"


def test_article_and_nickname(built: tuple) -> None:
    _, pages = built
    ident = "kota-bandung-2019-04-10"
    text = page(pages, ident)
    assert "UU 5/2014 , Pasal 2 huruf f tentang Aparatur Sipil Negara" in text
    assert "Nama panggilan: Mas Ipin" in text
    rec = record(pages, ident)
    assert rec["legal_basis"][0]["article"] == "Pasal 2 huruf f"
    assert rec["people"][0]["nicknames"] == ["Mas Ipin"]
    assert rec["people"][0]["other_names"] == []
    assert "(Pasal 2 huruf f)" in row(pages, ident)["legal_basis"]
    assert '"Mas Ipin"' in row(pages, ident)["people"]


def test_on_behalf_of_and_co_organizer(built: tuple) -> None:
    _, pages = built
    ident = "prov-jawa-barat-2020-11-02"
    text = page(pages, ident)
    assert "Sekretaris Daerah, mewakili Gubernur Jawa Barat" in text
    assert "bersama Bawaslu Jawa Barat" in text
    assert "Dipimpin Sekretaris Daerah Budi Contoh, mewakili Gubernur Jawa Barat" in text
    rec = record(pages, ident)
    assert rec["people"][0]["on_behalf_of"] == "Gubernur Jawa Barat"
    assert rec["co_organizers"] == ["Bawaslu Jawa Barat"]
    assert row(pages, ident)["co_organizers"] == "Bawaslu Jawa Barat"
    assert "for Gubernur Jawa Barat" in row(pages, ident)["people"]


def test_contest(built: tuple) -> None:
    _, pages = built
    ident = "kota-bandung-2020-11-20"
    assert "Pemilihan dalam pilkada pemilihan wali kota" in page(pages, ident)
    assert record(pages, ident)["contests"] == ["wali-kota"]
    assert row(pages, ident)["contests"] == "wali-kota"
    codebook = pages["data/kodebuku.csv"]
    assert "events.csv,contests,wali-kota,pemilihan wali kota" in codebook


def test_groups_without_a_stated_total(built: tuple) -> None:
    _, pages = built
    ident = "kota-bandung-2020-10-05"
    text = page(pages, ident)
    assert "total tidak disebut sumber" in text
    assert "15 camat, 83 lurah" in text
    assert "kehadiran 85 persen" in text
    assert "98" not in text  # never a sum the source does not state
    people = record(pages, ident)["participants"]
    assert people["count"] is None
    assert people["groups"] == [
        {"description": "camat", "count": 15},
        {"description": "lurah", "count": 83},
    ]
    assert people["attendance_share"] == 85
    r = row(pages, ident)
    assert (r["participant_count"], r["participant_groups"]) == ("", "camat (15); lurah (83)")
    assert r["attendance_share"] == "85"


def test_incumbent_candidate(built: tuple) -> None:
    _, pages = built
    ident = "kab-bandung-2020-11-10"
    text = page(pages, ident)
    assert "Dedi Fiktif, Bupati calon petahana : ikut berikrar" in text
    assert "Calon dalam Pilkada Serentak 2020" in text
    assert "Dipimpin Sekretaris Daerah Citra Rekaan" in text
    rec = record(pages, ident)
    assert rec["incumbent_candidate"] is True
    assert [p["incumbent_candidate"] for p in rec["people"]] == [False, True]
    assert rec["people"][1]["candidate"] == ["pilkada-2020"]
    assert rec["presiding"]["name"] == "Citra Rekaan"
    r = row(pages, ident)
    assert (r["incumbent_candidate"], r["incumbent_candidate_names"]) == ("yes", "Dedi Fiktif")
    table = pages["bandingkan/index.md"]
    assert "data-saring-petahana" in table
    assert f'<tr data-id="{ident}" data-petahana>' in table
    assert table.count("data-petahana>") == 1
    cell = table.split(f'<tr data-id="{ident}"')[1].split("</tr>")[0]
    assert "calon petahana" in cell


def test_twenty_seven_regional_heads(built: tuple) -> None:
    _, pages = built
    ident = "prov-jawa-barat-2020-10-01"
    assert "bupati dan wali kota se-Jawa Barat (27 orang): menandatangani" in page(pages, ident)
    group = record(pages, ident)["people"][1]
    assert (group["group"], group["count"]) == ("bupati dan wali kota se-Jawa Barat", 27)


def test_a_distinct_second_event_of_the_day(built: tuple) -> None:
    _, pages = built
    ident = "kota-bandung-2019-04-10-2"
    text = page(pages, ident)
    assert "Peristiwa lain hari itu Peristiwa berbeda dari kota-bandung-2019-04-10" in text
    assert 'href="../../peristiwa/kota-bandung-2019-04-10/"' in pages[f"peristiwa/{ident}.md"]
    rec = record(pages, ident)
    assert rec["distinct_from"]["id"] == "kota-bandung-2019-04-10"
    assert rec["distinct_from"]["note"].startswith("Deklarasi sore")
    assert row(pages, ident)["distinct_from"] == "kota-bandung-2019-04-10"


def test_incumbent_count_recomputed_from_the_records(built: tuple) -> None:
    """Oracle: read the YAML itself; a head or deputy with `candidate` naming an
    election of the event makes the event one led or attended by a calon petahana."""
    _, pages = built
    expected = 0
    for path in (SHAPE21 / "events").glob("*.yml"):
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        elections = set(value["elections"])
        expected += any(
            p.get("office") in HEADS and elections & set(p.get("candidate", []))
            for p in value.get("people", [])
        )
    assert expected == 1
    stats = re.sub(r"\s+", " ", pages["statistik/index.md"])
    assert f"<strong>{expected}</strong> peristiwa dipimpin atau diikuti calon petahana" in stats
    counted = sum(e["incumbent_candidate"] for e in json.loads(pages["data/events.json"])["events"])
    assert counted == expected


@pytest.mark.parametrize(
    ("office", "candidate", "incumbent"),
    [
        ("Bupati", "pilkada-2020", True),
        ("Wakil Bupati", "pilkada-2020", True),
        ("Sekretaris Daerah", "pilkada-2020", False),  # a candidate, not an incumbent
        ("Bupati", "pilkada-2024", False),  # stands in another election than the event's
    ],
)
def test_who_is_an_incumbent_candidate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, office: str, candidate: str, incumbent: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    text = (FIXTURES / "base.yml").read_text(encoding="utf-8")
    text = text.replace(
        "participants:",
        f"  - roles: [declaring]\n    office: {office}\n    status: definitif\n"
        f"    candidate: [{candidate}]\nparticipants:",
    )
    registry = make_registry(tmp_path, {"kab-bengkayang-2020-10-20.yml": text.encode()})
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    reg = model.build(checked)
    said = claims.derive_all(reg)["kab-bengkayang-2020-10-20"]
    person = reg.events[0].people[1]
    assert [p is person for p in said.incumbent_candidates] == ([True] if incumbent else [])
    assert person.candidate[0].id == candidate
