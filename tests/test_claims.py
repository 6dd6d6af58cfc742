"""Claims tests: every statement the site derives, recomputed from the records alone.

Hypothesis writes fixture registries (every role combination, no presiding person,
one to three elections, events before, on and after voting day, imprecise dates,
joint events with "NN.*" participants, clause text absent, partial, verbatim,
paraphrased); the generator renders them; an oracle written here, reading only the
record dicts and the reference files, recomputes who presided, every H-n, the number
of other regions, the clause text state, why no legal basis is recorded and the change
counts, and compares them with the pages, CSV and JSON the build wrote (never with the
model). A second test does the same on the real mkdocs build of the fixture site that
the browser tests use.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import model, render, validate
from tests.conftest import FIXTURES, TODAY, make_registry

REF = FIXTURES / "registry"
ELECTIONS = {
    e["id"]: (e["name"], date.fromisoformat(str(e["voting_date"])))
    for e in yaml.safe_load((REF / "elections.yml").read_text(encoding="utf-8"))
}
REGIONS = list(csv.DictReader(io.StringIO((REF / "regions.csv").read_text(encoding="utf-8"))))
PROVINCES = [r for r in REGIONS if r["level"] == "provinsi"]
ROLES = ["presiding", "reading", "signing", "speaking", "witnessing", "declaring", "attending"]
OFFICES = {
    "provinsi": ["Gubernur", "Wakil Gubernur", "Sekretaris Daerah", "Kepala Dinas"],
    "kabupaten": ["Bupati", "Wakil Bupati", "Sekretaris Daerah", "Camat", "Kepala Badan"],
    "kota": ["Wali Kota", "Sekretaris Daerah", "Camat"],
}
# Election sets an event can belong to (the checker refuses an election over two years off).
ELECTION_SETS = [
    ["pilkada-2020"],
    ["pemilu-2024"],
    ["pilkada-2024"],
    ["pemilu-2024", "pilkada-2024"],
]
STATUSES = ["definitif", "pj", "pjs", "plt", "plh"]
SITE = {"url": "https://example.org/registri/", "repo_url": "https://example.org/repo"}


# --- the records Hypothesis writes ---


@st.composite
def person(draw: st.DrawFn, i: int, level: str) -> dict:
    if draw(st.booleans()) and i:
        return {
            "roles": draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True)),
            "group": f"kelompok {i}",
        }
    out = {
        "roles": draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=3, unique=True)),
        "name": f"Fiktif Orang {i}",
        "office": draw(st.sampled_from([*OFFICES[level], "Lainnya"])),
        "status": draw(st.sampled_from(STATUSES)),
    }
    if draw(st.booleans()):  # the source's title, for any office; some state the status
        out["title"] = draw(
            st.sampled_from([f"Kepala Bagian Fiktif {i}", f"Pelaksana Tugas (Plt) Kepala {i}"])
        )
    return out


@st.composite
def event(draw: st.DrawFn, n: int, host: dict) -> dict:
    elections = draw(st.sampled_from(ELECTION_SETS))
    first = min(ELECTIONS[e][1] for e in elections)
    day = first + timedelta(days=draw(st.integers(-400, 60)))
    precision = draw(st.sampled_from(["exact", "exact", "reported", "approximate", "month"]))
    value = day.isoformat()[:7] if precision == "month" else day.isoformat()
    record: dict = {
        "schema_version": 2,
        "id": f"{host['slug']}-{n}",
        "region": host["code"],
        "date": {"precision": precision, "value": value},
        "elections": elections,
        "event_types": draw(st.sampled_from([["ikrar"], ["apel", "ikrar"], ["pakta-integritas"]])),
        "sources": [{"url": "https://example.org/a", "publisher": "Contoh", "title": "Judul"}],
    }
    if day > first - timedelta(days=4):  # possibly after a voting day: the checker asks why
        record["elections_note"] = "Acara uji sesudah pemungutan suara."
    people = [draw(person(i, host["level"])) for i in range(draw(st.integers(0, 3)))]
    if people:
        record["people"] = people
    if host["level"] == "provinsi" and draw(st.booleans()):
        children = [
            r["code"] for r in REGIONS if r["province_code"] == host["code"] and r is not host
        ]
        record["participating_regions"] = draw(
            st.sampled_from([[f"{host['code']}.*"], children[:1] or [f"{host['code']}.*"]])
        )
    read = draw(st.sampled_from([None, "full", "partial"]))
    if read:
        record["sources"][0]["read"] = read
    if draw(st.booleans()):
        record["legal_basis"] = [{"instrument": "uu-5-2014"}]
    clauses = draw(st.sampled_from(["none", "verbatim", "paraphrased"]))
    if clauses != "none":
        record["clauses"] = [
            {"text": "Menjaga dan menegakkan prinsip netralitas ASN.", "wording": clauses}
        ]
    return record


@st.composite
def registries(draw: st.DrawFn) -> list[dict]:
    hosts = draw(
        st.lists(st.sampled_from(REGIONS), min_size=1, max_size=6, unique_by=lambda r: r["code"])
    )
    return [draw(event(i, host)) for i, host in enumerate(hosts)]


def render_all(tmp: Path, records: list[dict]) -> dict[str, str] | None:
    files = {f"{r['id']}.yml": yaml.safe_dump(r, allow_unicode=True).encode() for r in records}
    registry = make_registry(tmp, files)
    checked, diags = validate.check(registry, None, TODAY)
    if checked is None or diags:
        return None
    return render.render_site(model.build(checked), SITE)


# --- the oracle: records in, the statements a page must make ---


def presiding(record: dict) -> dict | None:
    return next(
        (p for p in record.get("people", []) if "group" not in p and "presiding" in p["roles"]),
        None,
    )


def bounds(record: dict) -> tuple[date | None, date | None]:
    d = record["date"]
    value, precision = str(d["value"]), d["precision"]
    if precision == "month":
        y, m = map(int, value.split("-"))
        nxt = date(y + m // 12, m % 12 + 1, 1)
        return date(y, m, 1), nxt - timedelta(days=1)
    day = date.fromisoformat(value)
    if precision == "reported":
        return None, day
    if precision == "approximate":
        return day - timedelta(days=3), day + timedelta(days=3)
    return day, day


def h(days: int) -> str:
    return f"H+{-days}" if days < 0 else f"H-{days}"


def h_label(record: dict, election: str, elections: dict = ELECTIONS) -> tuple[str, str]:
    """The H-n the site must print for one election, and its phase."""
    voting = elections[election][1]
    first, last = bounds(record)
    fewest = (voting - last).days
    most = (voting - first).days if first else None
    if most is None:
        return f"{h(fewest)} atau lebih awal", "before" if fewest >= 0 else "spans"
    label = h(most) if fewest == most else f"{h(most)}…{h(fewest)}"
    if fewest > 0 or (fewest == 0 and most > 0):
        return label, "before"
    if fewest == most == 0:
        return label, "day"
    return label, "after" if most < 0 else "spans"


def others(record: dict, regions: list[dict] = REGIONS) -> int:
    codes: set[str] = set()
    for code in record.get("participating_regions", []):
        if code.endswith(".*"):
            codes |= {r["code"] for r in regions if r["province_code"] == code[:2]} - {code[:2]}
        else:
            codes.add(code)
    return len(codes - {record["region"]})


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def check_event(record: dict, out: dict[str, str]) -> None:
    page = out[f"peristiwa/{record['id']}.md"]
    data = json.loads(out[f"data/peristiwa/{record['id']}.json"])
    lead = presiding(record)
    summary = re.search(r'data-pagefind-meta="ringkas">(.*?)</span>', page, re.S).group(1)
    dd = page.split("<dt>Dipimpin</dt>", 1)[1].split("</dd>", 1)[0]
    if lead:
        assert lead["name"] in dd and "dipimpin" in summary and lead["name"] in summary
        # "Lainnya" is the office list's "other": the source's title stands in its place.
        assert "Lainnya" not in summary + dd
        # The source's title names the office when the record gives one, and a status
        # the title states is not said again before it.
        if lead.get("title") or lead["office"] == "Lainnya":
            assert f"{lead.get('title', '')} {lead['name']}".strip() in summary + dd
        if "(Plt)" in lead.get("title", ""):
            assert "Plt Pelaksana" not in page
        assert data["presiding"]["name"] == lead["name"]
    else:
        assert "dipimpin" not in summary and data["presiding"] is None
        for p in record.get("people", []):
            assert p.get("name", "\0") not in dd
    # Nobody else is ever called the leader, in the summary or the feed.
    for p in record.get("people", []):
        if p is not lead and "name" in p:
            assert f"dipimpin {p['name']}" not in summary.replace("  ", " ")
    # H-n per election, named, with its phase; "menjelang" only before voting day.
    timing = page.split("Jarak ke hari pemungutan suara</dt>", 1)[1].split("</dd>", 1)[0]
    for ident in record["elections"]:
        name = ELECTIONS[ident][0]
        label, phase = h_label(record, ident)
        assert f'<span class="h-n">{label}</span> {name}' in timing, (label, name)
        got = next(x for x in data["elections"] if x["id"] == ident)
        assert (got["h"], got["phase"]) == (label, phase)
        before = re.search(r"menjelang ([^,.]*)", summary)
        assert (
            (name in before.group(1))
            if phase in ("before", "day")
            else (before is None or name not in before.group(1))
        )
    # Other regions of a joint event: the host is never counted.
    n = others(record)
    assert data["participating_count"] == n
    if n:
        assert f"dengan {n} wilayah lain" in page
    # Clause text: a document the event's types promise and no clause quotes is "not
    # recorded", "not quoted by a source read in full", or "only part was read"; never
    # "not quoted" when the source was read only in part.
    read = record["sources"][0].get("read")
    docs = {"ikrar": "ikrar", "pakta-integritas": "pakta integritas", "deklarasi": "deklarasi"}
    wanted = [t for t in record["event_types"] if t in docs] or (
        [] if "clauses" in record else ["ikrar"]
    )
    present = {c.get("document", "ikrar") for c in record.get("clauses", [])}
    missing = [d for d in wanted if d not in present]
    assert ("tidak mengutip" in page) == bool(missing and read == "full")
    assert bool(re.search(r"Bunyi [^<]* tidak tercatat karena", page)) == bool(
        missing and read == "partial"
    )
    for d in missing:
        sentence = {
            "full": f"tidak mengutip bunyi {docs[d]}.",
            "partial": f"Bunyi {docs[d]} tidak tercatat karena",
            None: f"Bunyi {docs[d]} tidak dicatat.",
        }[read]
        assert sentence in page, sentence
    # Legal basis and officials: none recorded is "the sources read in full name none"
    # only after a full read; after a partial one, why; else only that none is recorded.
    absent_says(
        page,
        read,
        not record.get("legal_basis"),
        {
            "full": "dibaca utuh dan tidak menyebut dasar hukum.",
            "partial": "Dasar hukum tidak tercatat karena kontributor",
            None: "Dasar hukum tidak dicatat.",
        },
    )
    absent_says(
        page,
        read,
        not record.get("people"),
        {
            "full": "dibaca utuh dan tidak menyebut pejabat.",
            "partial": "Pejabat tidak tercatat karena kontributor",
            None: "Tidak ada pejabat yang dicatat.",
        },
    )


def absent_says(page: str, read: str | None, absent: bool, sentences: dict) -> None:
    """Of the three sentences (by how far the source was read), the page prints the
    one for `read` when the thing is absent, and none of them otherwise."""
    for state, sentence in sentences.items():
        assert (sentence in page) == (absent and read == state), sentence


CELL_MISSING = {
    "full": "tidak disebut sumber",
    "partial": "tidak tercatat (sumber terbaca sebagian)",
    None: "tidak dicatat",
}


def check_table_cells(records: list[dict], out: dict[str, str]) -> None:
    """The all-events table: a cell with no official or no legal basis says why, by how
    far the source was read, never "not named" after a partial read."""
    table = out["peristiwa/index.md"]
    for record in records:
        row = table.split(f'<tr data-id="{record["id"]}"', 1)[1].split("</tr>", 1)[0]
        read = record["sources"][0].get("read")
        cell = row.split('data-label="Dasar hukum">', 1)[1].split("</td>", 1)[0]
        if not record.get("legal_basis"):
            assert cell == f'<span class="kosong">{CELL_MISSING[read]}</span>', cell
        cell = row.split('data-label="Pejabat">', 1)[1].split("</td>", 1)[0]
        if not any("group" not in p for p in record.get("people", [])):
            assert f'<span class="kosong">{CELL_MISSING[read]}</span>' in cell, cell


def check_downloads(records: list[dict], out: dict[str, str]) -> None:
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO(out["data/events.csv"].lstrip("\ufeff")))
    }
    long = list(csv.DictReader(io.StringIO(out["data/event-elections.csv"].lstrip("\ufeff"))))
    for record in records:
        row = rows[record["id"]]
        lead = presiding(record)
        assert row["presiding_name"] == (lead["name"] if lead else "")
        assert row["participating_count"] == str(others(record))
        mine = [x for x in long if x["event_id"] == record["id"]]
        assert sorted(x["election_id"] for x in mine) == sorted(record["elections"])
        for x in mine:
            label, phase = h_label(record, x["election_id"])
            assert (x["h_label"], x["phase"]) == (label, phase)
        order = sorted(record["elections"], key=lambda e: ELECTIONS[e][1])
        assert row["elections"] == "; ".join(order)
        assert row["election_phase"] == "; ".join(h_label(record, e)[1] for e in order)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(records=registries())
def test_every_derived_statement_matches_the_records(tmp_path_factory, records: list[dict]) -> None:
    out = render_all(tmp_path_factory.mktemp("claims"), records)
    if out is None:  # the checker refused the combination: not a page the site can make
        return
    for record in records:
        check_event(record, out)
    check_downloads(records, out)
    check_table_cells(records, out)
    # Statistics: every kepala daerah who presided, by status, over its stated denominator.
    stats = out["statistik/index.md"]
    heads = [
        p
        for p in map(presiding, records)
        if p and p["office"] in ("Bupati", "Gubernur", "Wali Kota")
    ]
    acting = sum(1 for p in heads if p["status"] != "definitif")
    assert (
        f"<strong>{acting}</strong> dari {len(heads)} peristiwa yang dipimpin kepala daerah"
        in stats
    )


# --- the real mkdocs build of the fixture site ---


def site_records() -> list[dict]:
    folders = (FIXTURES / "records", FIXTURES / "site" / "events")
    return [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for f in folders
        for p in sorted(f.glob("*.yml"))
    ]


def test_built_pages_never_call_a_non_presider_the_leader(built_site: Path) -> None:
    """On the real site: the Dipimpin line, the search summary and the statistics name
    only people whose recorded roles include presiding."""
    for record in site_records():
        page = (built_site / "peristiwa" / record["id"] / "index.html").read_text(encoding="utf-8")
        dd = text_of(page.split("<dt>Dipimpin</dt>", 1)[1].split("</dd>", 1)[0])
        lead = presiding(record)
        names = [p["name"] for p in record.get("people", []) if "name" in p]
        for name in names:
            assert (name in dd) == (lead is not None and name == lead.get("name")), name
        summary = re.search(r'data-pagefind-meta="ringkas">(.*?)</span>', page, re.S)
        assert ("dipimpin" in summary.group(1)) == (lead is not None), record["id"]


REAL = FIXTURES.parent.parent / "registry"
REAL_REGIONS = list(csv.DictReader(io.StringIO((REAL / "regions.csv").read_text(encoding="utf-8"))))
REAL_ELECTIONS = {
    e["id"]: (e["name"], date.fromisoformat(str(e["voting_date"])))
    for e in yaml.safe_load((REAL / "elections.yml").read_text(encoding="utf-8"))
}


@pytest.mark.parametrize("column", ["presiding_name", "participating_count", "election_phase"])
def test_built_csv_agrees_with_the_records(built_site: Path, column: str) -> None:
    """The site's real reference data (every region, the real elections) and its records."""
    text = (built_site / "data" / "events.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    for record in site_records():
        row = rows[record["id"]]
        if column == "presiding_name":
            lead = presiding(record)
            assert row[column] == (lead.get("name", "") if lead else "")
        elif column == "participating_count":
            assert row[column] == str(others(record, REAL_REGIONS))
        elif record["date"]["precision"] in ("exact", "reported", "approximate", "month"):
            order = sorted(record["elections"], key=lambda e: REAL_ELECTIONS[e][1])
            phases = [h_label(record, e, REAL_ELECTIONS)[1] for e in order]
            assert row[column] == "; ".join(phases), record["id"]
