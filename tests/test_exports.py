"""Open data and pictures: every download read back and compared with the model.

Downloads are parsed with the same tools a reader would use (json, csv with
utf-8-sig, xml.etree) rather than compared as text, so a test fails when a
file stops being what its format promises. Goldens for the statistics and map
pages follow tests/test_render.py: UPDATE_GOLDEN=1 python -m pytest tests/test_exports.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markupsafe
import pytest

from generator import exports, figures, messages, model, render, schemadoc, validate, wording, write
from generator.model import Registry
from generator.textdiff import EDGES
from tests.conftest import FIXTURES, ROOT, TODAY, assert_columns_described, make_registry

GOLDEN = ROOT / "tests" / "golden"
SITE = {"url": "https://contoh.github.io/registri/", "repo_url": "https://github.com/contoh/r"}
ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"
EVIL = '<script>alert(1)</script> "quotes" ]]> &amp;'
NOTES = "baris satu\nbaris dua, " + EVIL


def build(tmp: Path, extra: dict[str, bytes] | None = None) -> tuple[Registry, dict[str, str]]:
    """The fixture reference data plus the frozen seed records (and `extra`), rendered."""
    seeds = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    registry = make_registry(tmp, {**seeds, **(extra or {})})
    if extra:
        hostile_province(registry / "regions.csv")
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    dates = {name: f"2026-11-{10 + i}" for i, name in enumerate(sorted(seeds))}
    reg = model.build(checked, dates | {"regions.csv": "2026-11-01"})
    return reg, render.render_site(reg, SITE)


def hostile_province(path: Path) -> None:
    """Reference data is untrusted too: give Kalimantan Barat a name that is markup."""
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    for row in rows:
        if row[0] == "61":
            row[2] = f"Kalbar {EVIL}"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


HOSTILE_RECORD = f"""schema_version: 2
id: kab-bengkayang-2024-01-02
region: "61.07"
date: {{precision: exact, value: 2024-01-02}}
elections: [pilkada-2024]
event_types: [ikrar]
venue: {json.dumps(EVIL)}
organizer: {json.dumps(EVIL)}
people:
  - {{roles: [presiding], name: {json.dumps(EVIL)}, office: Bupati, status: plt}}
  - {{roles: [signing], group: {json.dumps(EVIL)}, count: 3}}
bodies:
  - {{kind: kpu, name: {json.dumps(EVIL)}}}
participants: {{count: 12, description: "=HYPERLINK(\\"http://x\\")"}}
clauses:
  - {{text: {json.dumps(EVIL)}, wording: verbatim, template: ikrar-netralitas-asn-1}}
  - {{text: "-2+3", wording: paraphrased}}
legal_basis:
  - {{type: surat, issuer: {json.dumps(EVIL)}}}
sources:
  - {{url: "https://example.org/?a=<b>&c=\\"d\\"", publisher: "@pub", title: {json.dumps(EVIL)}}}
notes: {json.dumps(NOTES)}
""".encode()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Registry, dict[str, str]]:
    return _in(tmp_path_factory.mktemp("exports"), None)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Registry, dict[str, str]]:
    extra = {"kab-bengkayang-2024-01-02.yml": HOSTILE_RECORD}
    return _in(tmp_path_factory.mktemp("hostile"), extra)


def _in(tmp: Path, extra: dict[str, bytes] | None) -> tuple[Registry, dict[str, str]]:
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        return build(tmp, extra)
    finally:
        os.chdir(cwd)


def read_csv(text: str) -> list[dict[str, str]]:
    """As a spreadsheet would: bytes, BOM stripped by utf-8-sig, quoted newlines kept."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def unguard(value: str) -> str:
    """Undo the spreadsheet-formula guard exports.cell applies."""
    return value[1:] if value[:1] == "'" and value[1:2] in "=+-@\t\r" else value


# --- JSON ---


def test_events_json_matches_the_model(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    data = json.loads(out["data/events.json"])
    assert data["schema_version"] == exports.EXPORT_VERSION
    assert data["generated_from"] == {
        "repository": SITE["repo_url"],
        "path": "registry/events/",
        "last_change": reg.updated(reg.events),
    }
    records = data["events"]
    assert [r["id"] for r in records] == sorted(e.id for e in reg.events)
    assert data["count"] == len(reg.events) == 7
    events = {e.id: e for e in reg.events}
    for r in records:
        e = events[r["id"]]
        assert r["url"] == f"{SITE['url']}peristiwa/{e.id}/"
        assert (r["region"]["name"], r["province"]["name"]) == (e.region.name, e.province.name)
        assert r["date"]["precision"] == e.date.precision
        assert r["date"]["value"] == (e.date.value or None)
        assert [x["name"] for x in r["elections"]] == [x.name for x in e.elections]
        # Who presided: the first person whose own roles include presiding, else null.
        presiding = [p for p in r["people"] if "group" not in p and "presiding" in p["roles"]]
        assert r["presiding"] == (presiding[0] if presiding else None)
        assert [p["roles"] for p in r["people"]] == [list(p.roles) for p in e.people]
        assert [p.get("name") for p in r["people"]] == [p.name or None for p in e.people if 1]
        assert [b["kind"] for b in r["bodies"]] == [b.kind for b in e.bodies]
        assert (r["venue"], r["organizer"]) == (e.venue or None, e.organizer or None)
        assert r["joint"] is e.joint
        assert [x["code"] for x in r["participating_regions"]] == [x.code for x in e.participating]
        assert r["participants"]["count"] == e.participant_count
        assert [c["text"] for c in r["clauses"]] == [c.text for c in e.clauses]
        assert [c["template_text"] for c in r["clauses"]] == [
            c.template.text if c.template else None for c in e.clauses
        ]
        assert [s["url"] for s in r["sources"]] == [s.url for s in e.sources]
        assert r["updated"] == e.updated


def test_legal_bases_are_resolved(built: tuple[Registry, dict[str, str]]) -> None:
    records = {r["id"]: r for r in json.loads(out_of(built, "data/events.json"))["events"]}
    bases = records["kab-bengkayang-2020-10-20"]["legal_basis"]
    assert [b["name"] for b in bases] == [
        "Surat Ketua Komisi ASN",
        "SKB Netralitas ASN 2020",
        "Surat Edaran Bupati Bengkayang",
    ]
    assert bases[1]["title"].startswith("Pedoman Pengawasan Netralitas")
    assert bases[1]["number"] == "05 Tahun 2020; 800-2836 Tahun 2020"
    assert bases[2]["date"] == "2020-10-05" and bases[2]["url"] is None


def out_of(built: tuple[Registry, dict[str, str]], path: str) -> str:
    return built[1][path]


def test_each_event_has_its_own_json(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    records = {r["id"]: r for r in json.loads(out["data/events.json"])["events"]}
    for event in reg.events:
        one = json.loads(out[f"data/peristiwa/{event.id}.json"])
        assert one.pop("schema_version") == exports.EXPORT_VERSION
        segments = [c.pop("segments") for c in one["clauses"]]
        assert one == records[event.id]
        for clause, found in zip(event.clauses, segments, strict=True):
            if clause.comparison is None:
                assert found is None
                continue
            # The side-by-side view rebuilds the sworn text from them, word for word.
            assert " ".join(s[1] for s in found if s[1]).split() == clause.text.split()
            kinds = [s[0] for s in found]
            assert kinds == [s[0] for s in clause.comparison.segments]


# --- CSV ---


def test_events_csv_matches_the_model(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    text = out["data/events.csv"]
    rows = read_csv(text)
    assert list(rows[0]) == exports.EVENT_COLUMNS
    assert text.count("\n") == text.count("\r\n") == len(rows) + 1  # CRLF, one line a row
    events = {e.id: e for e in reg.events}
    assert [r["id"] for r in rows] == sorted(events)
    for row in rows:
        e = events[row["id"]]
        assert row["region_name"] == e.region.name
        assert row["province_name"] == e.province.name
        assert row["date_value"] == e.date.value
        assert row["elections"] == "; ".join(x.id for x in e.elections)
        presiding = [p for p in e.people if not p.is_group and "presiding" in p.roles]
        assert row["presiding_status"] == (presiding[0].status if presiding else "")
        assert row["joint"] == ("yes" if e.joint else "no")
        assert row["participating_region_codes"] == "; ".join(x.code for x in e.participating)
        assert (row["venue"], row["organizer"]) == (e.venue, e.organizer)
        readers = [p for p in e.people if "reading" in p.roles and p not in presiding[:1]]
        assert row["reader_name"] == (readers[0].name or readers[0].group if readers else "")
        assert len(row["people"].split("; ")) == len(e.people) or not e.people
        assert row["bodies"].count(": ") == len(e.bodies)
        assert row["participant_count"] == str(e.participant_count or "")
        assert row["clause_count"] == str(len(e.clauses))
        assert row["source_urls"] == "; ".join(s.url for s in e.sources)
        assert unguard(row["notes"]) == e.notes


def test_clauses_csv_matches_the_model(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    rows = read_csv(out["data/clauses.csv"])
    assert list(rows[0]) == exports.CLAUSE_COLUMNS
    expected = [
        (
            e.id,
            str(c.position),
            c.text,
            c.template.id if c.template else "",
            c.wording,
            c.template.text if c.template else "",
        )
        for e in sorted(reg.events, key=lambda e: e.id)
        for c in e.clauses
    ]
    got = [
        (r["event_id"], r["index"], r["text"], r["template_id"], r["wording"], r["template_text"])
        for r in rows
    ]
    assert got == expected
    clauses = [c for e in sorted(reg.events, key=lambda e: e.id) for c in e.clauses]
    differs = [
        "" if c.comparison is None else "yes" if c.comparison.changes else "no" for c in clauses
    ]
    assert [r["differs"] for r in rows] == differs
    assert [r["comparison"] for r in rows] == [c.kind for c in clauses]
    assert differs.count("yes") == 6  # tests/test_textdiff.py pins which and why


def test_clause_changes_csv_lists_every_substantive_change(
    built: tuple[Registry, dict[str, str]],
) -> None:
    reg, out = built
    rows = read_csv(out["data/clause-changes.csv"])
    assert list(rows[0]) == exports.CHANGE_COLUMNS
    expected = [
        (e.id, str(c.position), kind, EDGES.sub("", was), EDGES.sub("", text))
        for e in reg.events
        for c in e.compared
        for kind, text, was in c.comparison.changes
    ]
    got = [
        (r["event_id"], r["clause_index"], r["change"], r["template_words"], r["sworn_words"])
        for r in rows
    ]
    assert got == expected
    assert ("kab-bener-meriah-2024-10-07", "2", "replaced", "konflik", "politik") in got


def test_bom_and_crlf_survive_writing(built: tuple[Registry, dict[str, str]], tmp_path: Path):
    """write.py writes text with newline="\\n" (no translation), so bytes are kept."""
    out = built[1]
    files = {k: out[k] for k in ("data/events.csv", "data/clauses.csv", "feed.xml")}
    write.write_tree(tmp_path / "docs", files)
    for rel, text in files.items():
        assert (tmp_path / "docs" / rel).read_bytes() == text.encode("utf-8")


# --- Atom ---


def parse_feed(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    return root


def check_entry(entry: ET.Element) -> str:
    for name in ("id", "title", "updated", "summary"):
        assert (entry.findtext(f"{ATOM}{name}") or "").strip(), name
    link = entry.find(f"{ATOM}link[@rel='alternate'][@type='text/html']")
    assert link is not None and link.get("href", "").startswith(SITE["url"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated") or "")
    return link.get("href", "")


def test_site_feed_is_atom_newest_first(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    root = parse_feed(out["feed.xml"])
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None and self_link.get("href") == SITE["url"] + "feed.xml"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(reg.events)
    hrefs = [check_entry(e) for e in entries]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    newest = max(reg.events, key=lambda e: e.updated)
    assert hrefs[0] == f"{SITE['url']}peristiwa/{newest.id}/"
    assert root.findtext(f"{ATOM}updated") == updated[0]


def test_every_province_has_a_feed(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    for province in reg.provinces:
        root = parse_feed(out[f"data/feed/{province.slug}.xml"])
        hrefs = sorted(check_entry(e) for e in root.findall(f"{ATOM}entry"))
        events = reg.by_province.get(province.code, ())
        assert hrefs == sorted(f"{SITE['url']}peristiwa/{e.id}/" for e in events)


# --- Pages and pictures ---


def schema_paths(node: dict, prefix: str = "") -> list[str]:
    """Every property path of a JSON Schema, written the way the data page writes it."""
    paths = []
    for name, prop in node.get("properties", {}).items():
        paths.append(prefix + name)
        paths += schema_paths(prop, f"{prefix}{name}.")
        items = prop.get("items", {})
        for option in items.get("oneOf", [items]):
            paths += schema_paths(option, f"{prefix}{name}[].")
    return paths


DATA_PAGES = ("data/index.md", "en/data.md")  # the Indonesian and the English data page


@pytest.mark.parametrize("path", DATA_PAGES)
def test_data_page_documents_every_schema_field(
    built: tuple[Registry, dict[str, str]], path: str
) -> None:
    schema = json.loads((ROOT / "registry" / "schema" / "event.schema.json").read_text())
    page = built[1][path]
    paths = schema_paths(schema)
    assert len(paths) > 30
    for field in paths:
        assert f"<code>{field}</code>" in page, field
    fields = schemadoc.schema_fields(schema)
    missing = [f["path"] for f in fields if not f["description"]]
    assert missing == [], "every schema field needs a description (it is the documentation)"
    for target in ("events.json", "events.csv", "clauses.csv"):
        assert f'data/{target}" download' in page
    assert "ODbL" in page and "CC BY 4.0" in page and "MIT" in page


def csv_columns(out: dict[str, str]) -> dict[str, list[str]]:
    """The header of every CSV file the build writes, read back as a reader would."""
    return {
        name.rsplit("/", 1)[1]: next(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        for name, text in out.items()
        if name.endswith(".csv")
    }


@pytest.mark.parametrize("path", DATA_PAGES)
def test_every_csv_column_is_described_on_both_data_pages(
    built: tuple[Registry, dict[str, str]], path: str
) -> None:
    """Read from the files, not the model: a column added to a CSV and not to the
    codebook (messages columns, both languages) fails here."""
    out = built[1]
    page = out[path]
    files = csv_columns(out)
    assert {"events.csv", "event-elections.csv", "clauses.csv", "kodebuku.csv"} <= set(files)
    assert_columns_described(page, files, path)


def test_codebook_has_both_languages(built: tuple[Registry, dict[str, str]]) -> None:
    rows = read_csv(built[1]["data/kodebuku.csv"])
    assert rows and all(r["label"] and r["label_en"] for r in rows)
    pjs = next(r for r in rows if r["code"] == "pjs")
    assert (pjs["label"], pjs["label_en"]) == (
        "Penjabat Sementara (Pjs)",
        "Temporary acting head (Pjs)",
    )


def family(name: str) -> str:
    """'data/wilayah/kab-x.json' -> a regex for the line naming the family,
    'data/wilayah/&lt;wilayah&gt;.json'."""
    folder, _, file = name.rpartition("/")
    suffix = file[file.index(".") :]
    return re.escape(folder) + r"/&lt;[\w-]+&gt;" + re.escape(suffix)


@pytest.mark.parametrize("path", DATA_PAGES)
def test_every_download_is_described_on_both_data_pages(
    built: tuple[Registry, dict[str, str]], path: str
) -> None:
    """Every file the build writes under data/ and every feed, by its link or, for a
    file per record, region or election, by the line naming its family."""
    out = built[1]
    page = out[path]
    downloads = [n for n in out if n.startswith("data/") and not n.endswith(".md")]
    downloads += [n for n in out if n.endswith("feed.xml")]
    assert "data/kutip/registri.bib" in downloads and "koreksi/feed.xml" in downloads
    for name in downloads:
        linked = f'{name}" download' in page or f'{name}" type="application/atom+xml"' in page
        assert linked or re.search(family(name), page), f"{path}: {name} not described"
    for name in ("registri.json", "registri.bib", "registri.ris", "datapackage.json"):
        assert f'kutip/{name}" download' in page or f'data/{name}" download' in page


def test_data_pages_speak_their_language(built: tuple[Registry, dict[str, str]]) -> None:
    """The same template and codebook, each page in its own words; the Indonesian field
    table prints x-description-id (nothing when absent), the English one description."""
    out = built[1]
    indonesian, english = out["data/index.md"], out["en/data.md"]
    assert "\nlang: en\n" in english and "\nlang:" not in indonesian.split("\n---", 1)[0]
    assert "## Unduhan" in indonesian and "## Downloads" in english
    assert "jumlah peserta, bila diberitakan" in indonesian
    assert "number of participants, if reported" in english
    assert "number of participants, if reported" not in indonesian
    assert 'href="../../data/events.csv"' in english and 'href="../data/events.csv"' in indonesian
    assert 'href="../en/data/"' in indonesian
    assert "jsonld:" in indonesian and "jsonld:" not in english
    schema = json.loads((ROOT / "registry" / "schema" / "event.schema.json").read_text())
    for f in schemadoc.schema_fields(schema, "en"):
        assert f["description"] in english.replace("&#39;", "'").replace("&#34;", '"'), f["path"]
    for f in schemadoc.schema_fields(schema, "id"):
        row = re.search(rf'<tr id="bidang-{re.escape(f["anchor"])}">.*?</tr>', indonesian, re.S)
        assert row, f["anchor"]
        cell = row.group(0).rsplit('<td data-label="Keterangan">', 1)[1].split("</td>")[0]
        assert cell == (f["description"] and str(markupsafe.escape(f["description"])))


def test_field_table_uses_indonesian_descriptions_and_examples(
    built: tuple[Registry, dict[str, str]],
) -> None:
    schema = {
        "type": "object",
        "required": ["id"],
        "properties": {
            "id": {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "description": "Permanent identifier.",
                "x-description-id": "Pengenal tetap.",
                "examples": ["kab-bengkayang-2020-10-20"],
            },
            "venue": {"type": "string", "pattern": "^.+$", "description": "Venue."},
            "people": {
                "type": "array",
                "items": {
                    "oneOf": [
                        {"type": "object", "required": ["name"], "properties": {"name": {}}},
                        {"type": "object", "required": ["group"], "properties": {"group": {}}},
                    ]
                },
            },
        },
    }
    fields = {f["path"]: f for f in schemadoc.schema_fields(schema, "id")}
    assert fields["id"]["description"] == "Pengenal tetap."
    assert fields["id"]["examples"] == ["kab-bengkayang-2020-10-20"]
    assert fields["venue"]["description"] == "" and fields["venue"]["examples"] == []
    assert fields["people[].name"]["variant"] == "bentuk 1, dengan name"
    english = {f["path"]: f for f in schemadoc.schema_fields(schema, "en")}
    assert english["id"]["description"] == "Permanent identifier."
    assert english["people[].name"]["variant"] == "form 1, with name"
    assert english["people[].name"]["anchor"] == fields["people[].name"]["anchor"]
    env = render.environment()
    env.globals["site"] = {"url": "", "repo_url": "", "report_email": ""}
    page = exports.page(
        env.overlay(autoescape=True),
        "data.md.j2",
        1,
        reg=built[0],
        fields=list(fields.values()),
        columns={},
        feed_limit=1,
        page_lang="id",
        t=messages.tree("id", wording.Text),
    )
    assert "<code>kab-bengkayang-2020-10-20</code>" in page
    assert "^[a-z0-9]" not in page and "^.+$" not in page


def svgs(page: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg\b.*?</svg>", page, flags=re.S)]


def test_charts_are_well_formed_and_labelled(built: tuple[Registry, dict[str, str]]) -> None:
    out = built[1]
    reg = built[0]
    charts = svgs(out["statistik/index.md"])
    assert len(charts) == 6 + sum(1 for x in reg.elections if reg.by_election.get(x))  # + H-n
    for svg in charts + svgs(out["statistik/peta.md"]):
        assert svg.tag == f"{SVG}svg" and svg.get("width") == "100%"
        assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", svg.get("viewBox", ""))
        assert svg.get("aria-labelledby") and svg.findtext(f"{SVG}title")
    assert "<table" in out["statistik/index.md"].split("<svg", 2)[1]  # a table with each chart


def test_map_has_every_province_linked(built: tuple[Registry, dict[str, str]]) -> None:
    reg, out = built
    (wide,) = svgs(out["statistik/peta.md"])
    links = [a.get("href") for a in wide.iter(f"{SVG}a")]
    assert sorted(links) == sorted(f"../../wilayah/{p.slug}/" for p in reg.provinces)
    listed = out["statistik/peta.md"].split('class="peta-daftar"')[1].split("## Tabel")[0]
    assert sorted(re.findall(r'href="([^"]+)"', listed)) == sorted(links)
    assert all(f"wilayah/{p.slug}.md" in out for p in reg.provinces)
    kalbar = next(a for a in wide.iter(f"{SVG}a") if "kalimantan-barat" in a.get("href", ""))
    # Bengkayang's own event and the province's joint event with all its regencies
    assert kalbar.get("aria-label") == "Kalimantan Barat: 2 peristiwa"


def test_coverage_lists_regions_without_records(built: tuple[Registry, dict[str, str]]) -> None:
    page = built[1]["statistik/cakupan.md"]
    jabar = page.split('id="prov-jawa-barat"')[1].split("</section>")[0]
    assert "1 dari 2 tercatat" in jabar
    done, missing = jabar.split("Belum tercatat (1)")
    assert 'href="../../wilayah/kota-bandung/">Kota Bandung</a> (1)' in done
    assert 'href="../../wilayah/kab-bandung/">Kabupaten Bandung</a>' in missing


GOLDENS = {"statistik.md": "statistik/index.md", "peta.md": "statistik/peta.md"}


@pytest.mark.parametrize("golden", sorted(GOLDENS))
def test_golden(golden: str, built: tuple[Registry, dict[str, str]]) -> None:
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(built[1][GOLDENS[golden]], encoding="utf-8")
    assert built[1][GOLDENS[golden]] == path.read_text(encoding="utf-8")


def test_exports_are_deterministic(built: tuple[Registry, dict[str, str]], tmp_path: Path):
    _, again = _in(tmp_path, None)
    mine = [k for k in built[1] if k.startswith(("data/", "statistik/", "feed.xml"))]
    assert len(mine) > 10
    assert {k: again[k] for k in mine} == {k: built[1][k] for k in mine}


# --- Hostile values ---


def test_hostile_values_survive_json_and_csv(hostile: tuple[Registry, dict[str, str]]) -> None:
    _, out = hostile
    raw = out["data/events.json"]
    assert "<script" not in raw and "]]>" not in raw
    record = next(r for r in json.loads(raw)["events"] if r["id"] == "kab-bengkayang-2024-01-02")
    assert record["presiding"]["name"] == EVIL
    assert record["province"]["name"] == f"Kalbar {EVIL}"
    assert record["notes"] == f"baris satu\nbaris dua, {EVIL}"
    row = next(r for r in read_csv(out["data/events.csv"]) if r["id"] == record["id"])
    assert row["presiding_name"] == EVIL and row["notes"] == record["notes"]
    assert row["participant_description"] == '\'=HYPERLINK("http://x")'  # not a formula
    assert row["legal_basis"] == f"Surat {EVIL}"
    clauses = [r for r in read_csv(out["data/clauses.csv"]) if r["event_id"] == record["id"]]
    assert [c["text"] for c in clauses] == [EVIL, "'-2+3"]
    assert [c["differs"] for c in clauses] == ["yes", ""]


def test_hostile_values_are_escaped_in_atom(hostile: tuple[Registry, dict[str, str]]) -> None:
    _, out = hostile
    for path in ("feed.xml", "data/feed/prov-kalimantan-barat.xml"):
        raw = out[path]
        assert "<script" not in raw and "]]>" not in raw
        entries = parse_feed(raw).findall(f"{ATOM}entry")
        summary = next(e for e in entries if "2024-01-02" in e.findtext(f"{ATOM}id", ""))
        assert EVIL in summary.findtext(f"{ATOM}summary", "")  # text, after XML parsing
    title = parse_feed(out["data/feed/prov-kalimantan-barat.xml"]).findtext(f"{ATOM}title")
    assert title == f"Kalbar {EVIL}: ikrar netralitas ASN"


def test_hostile_values_are_escaped_in_svg(hostile: tuple[Registry, dict[str, str]]) -> None:
    _, out = hostile
    for path in ("statistik/index.md", "statistik/peta.md", "statistik/cakupan.md"):
        body = out[path].split("\n---\n", 1)[1]
        assert "<script" not in body and "]]>" not in body, path
    texts = [
        "".join(el.itertext())
        for svg in svgs(out["statistik/index.md"]) + svgs(out["statistik/peta.md"])
        for el in svg.iter()
    ]
    assert any(f"Kalbar {EVIL}" in t for t in texts)


def test_chart_labels_are_escaped() -> None:
    """The SVG macros escape on their own, whichever template imports them."""
    env = render.environment().overlay(autoescape=True)
    chart = figures.bar_chart("x", EVIL, [(EVIL, 3, ""), ("b", 1, "")])
    svg = env.from_string('{% import "_charts.svg.j2" as g %}{{ g.bars(c) }}').render(c=chart)
    tree = ET.fromstring(svg)
    assert tree.findtext(f"{SVG}title", "").startswith(EVIL)
    assert EVIL in [el.text for el in tree.iter(f"{SVG}text")]


def test_regions_that_took_part_are_covered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coverage counts a regency that took part in a joint event, with no event of its own."""
    monkeypatch.chdir(tmp_path)
    joint = (FIXTURES / "records" / "prov-kalimantan-barat-2024-09-10.yml").read_bytes()
    registry = make_registry(tmp_path, {"prov-kalimantan-barat-2024-09-10.yml": joint})
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    rows = {row["province"].code: row for row in figures.coverage(model.build(checked, {}))}
    assert [(r.code, n) for r, n in rows["61"]["done"]] == [("61.07", 1)]
    assert rows["61"]["own"] == 1
