"""The journalist's toolkit on the built fixture site: every Atom feed valid, every page
naming its own feed, the data package valid for frictionless, the codebook complete,
the JSON API at its documented paths, and citation downloads that parse with a library
each and match the page's citation_* metadata."""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import feedparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from frictionless import validate

ATOM = "{http://www.w3.org/2005/Atom}"


def feeds(site: Path) -> list[Path]:
    return [site / "feed.xml", *sorted((site / "data" / "feed").rglob("*.xml"))]


def test_every_feed_is_valid_atom(built_site: Path) -> None:
    paths = feeds(built_site)
    regions = len(list((built_site / "wilayah").glob("*/index.html")))
    assert len(paths) >= 1 + regions  # the site, every region, every election
    for path in paths:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        root = ET.fromstring(path.read_bytes())
        assert root.tag == f"{ATOM}feed"
        for child in ("id", "title", "updated"):
            assert root.findtext(f"{ATOM}{child}"), (path, child)
        assert root.find(f"{ATOM}link[@rel='self']") is not None
        assert root.find(f"{ATOM}author/{ATOM}name") is not None
        for entry in root.iter(f"{ATOM}entry"):
            for child in ("id", "title", "updated"):
                assert entry.findtext(f"{ATOM}{child}"), (path, child)
            assert entry.find(f"{ATOM}link[@rel='alternate']") is not None


FEED_TYPES = ("application/atom+xml", "application/rss+xml")


class Head(HTMLParser):
    """The feeds a page announces, found as feed readers find them (RSS/Atom
    autodiscovery, HTML's `alternate` link type: a <link> whose rel tokens include
    "alternate" and whose type is Atom's or RSS's), and its <meta name|property>."""

    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.jsonld: list[str] = []
        self._ld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and "alternate" in rel and a.get("type") in FEED_TYPES:
            self.feeds.append(a.get("href", ""))
        if tag == "meta" and (a.get("name") or a.get("property")):
            self.meta.setdefault(a.get("name") or a["property"], []).append(a.get("content", ""))
        self._ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._ld:
            self.jsonld.append(data)
            self._ld = False


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("wilayah/kab-bengkayang", "data/feed/kab-bengkayang.xml"),
        ("wilayah/prov-kalimantan-barat", "data/feed/prov-kalimantan-barat.xml"),
        ("wilayah/kab-sambas", "data/feed/kab-sambas.xml"),
        ("pemilu/pilkada-2024", "data/feed/pemilu/pilkada-2024.xml"),
        ("peristiwa/kab-bengkayang-2020-10-20", "data/feed/kab-bengkayang.xml"),
        ("data", "feed.xml"),
    ],
)
def test_each_page_names_its_own_feed(built_site: Path, page: str, feed: str) -> None:
    found = head(built_site / page / "index.html").feeds
    depth = "../" * (page.count("/") + 1)
    assert found == [depth + feed]
    assert (built_site / feed).exists()


def test_no_link_is_taken_for_a_language_version(built_site: Path) -> None:
    """Material's script takes every link[rel=alternate] (that exact value) for a language
    version of the page and fetches the sitemap.xml beside it; the feed links say
    rel="alternate feed", which feed readers still find (above) and the script does not."""
    exact = re.compile(r"<link\b[^>]*\brel=(\"alternate\"|'alternate'|alternate\b)", re.I)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    taken = [p for p in pages if exact.search(p.read_text(encoding="utf-8").split("</head>")[0])]
    assert taken == []


def test_data_package_validates_with_frictionless(built_site: Path) -> None:
    report = validate(str(built_site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((built_site / "data" / "datapackage.json").read_text())
    for resource in package["resources"]:
        header = next(csv.reader(io.StringIO(read_csv(built_site, resource["path"]))))
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        assert all(f["description"] for f in resource["schema"]["fields"])


def read_csv(site: Path, name: str) -> str:
    return (site / "data" / name).read_text(encoding="utf-8-sig")


def test_codebook_labels_every_code_in_the_csv(built_site: Path) -> None:
    book = list(csv.DictReader(io.StringIO(read_csv(built_site, "kodebuku.csv"))))
    known: dict[str, set[str]] = {}
    for row in book:
        assert row["label"]
        known.setdefault(row["column"], set()).add(row["code"])
    events = list(csv.DictReader(io.StringIO(read_csv(built_site, "events.csv"))))
    assert events
    columns = ("region_level", "date_precision", "presiding_status", "joint", "leader_group")
    for column in columns:
        assert {r[column] for r in events if r[column]} <= known[column], column
    for column in ("event_types", "elections", "election_phase"):
        used = {v for r in events for v in r[column].split("; ") if v}
        assert used <= known[column], column
    roles = {m for r in events for m in re.findall(r"(?:^|; )([a-z+]+):", r["people"])}
    assert {x for r in roles for x in r.split("+")} <= known["people"]


def test_events_csv_dates_and_days_before(built_site: Path) -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(read_csv(built_site, "events.csv")))}
    exact = rows["kab-bener-meriah-2024-10-07"]
    assert (exact["date_start"], exact["date_end"]) == ("2024-10-07", "2024-10-07")
    assert (exact["election_days_before_min"], exact["election_days_before_max"]) == ("51", "51")
    reported = rows["kab-bengkayang-2020-10-20"]
    assert (reported["date_start"], reported["date_end"]) == ("", "2020-10-20")
    assert (reported["election_days_before_min"], reported["election_days_before_max"]) == (
        "50",
        "",
    )
    assert reported["source_publishers"] and reported["source_titles"]
    undated = rows["kab-pulang-pisau-2024"]
    assert undated["date_end"] == "" or undated["date_precision"] == "year"


def test_json_api_per_region_and_election(built_site: Path) -> None:
    region = json.loads((built_site / "data/wilayah/kab-bengkayang.json").read_text())
    assert region["region"]["code"] == "61.07" and region["count"] == len(region["events"])
    assert "kab-bengkayang-2020-10-20" in [e["id"] for e in region["events"]]
    for event in region["events"]:
        assert (built_site / "data" / event["json"]).exists()
    empty = json.loads((built_site / "data/wilayah/kab-sambas.json").read_text())
    assert empty["events"] == [] or empty["count"] == len(empty["events"])
    election = json.loads((built_site / "data/pemilu/pilkada-2024.json").read_text())
    ends = [e["date"]["end"] or "" for e in election["events"]]
    assert ends == sorted(ends, key=lambda d: d or "0", reverse=True)  # undated last


def event_pages(site: Path) -> list[Path]:
    return sorted((site / "peristiwa").glob("*/index.html"))


def citation_links(page: Path) -> dict[str, tuple[str, str]]:
    """The page's own citation downloads: file extension -> (download name, content)."""
    found = re.findall(r'<a href="(data:[^"]*)" download="([^"]+)"', page.read_text())
    out = {}
    for href, name in found:
        header, _, body = href.partition(",")
        assert header.endswith(";charset=utf-8;base64")
        out[name.rsplit(".", 1)[1]] = (name, base64.b64decode(body).decode())
    return out


def test_citation_downloads_parse_and_match_the_page(built_site: Path) -> None:
    pages = event_pages(built_site)
    assert pages
    for page in pages:
        ident = page.parent.name
        meta = head(page).meta
        title = meta["citation_title"][0]
        url = meta["citation_public_url"][0]
        files = citation_links(page)
        names = {name for name, _ in files.values()}
        assert names == {f"{ident}.{x}" for x in ("json", "bib", "ris")}
        csl = json.loads(files["json"][1])
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bib = CitationStylesBibliography(style, CiteProcJSON(csl), formatter.plain)
        bib.register(Citation([CitationItem(ident)]))
        rendered = str(bib.bibliography()[0])
        assert title in rendered and csl[0]["URL"] == url
        library = bibtexparser.parse_string(files["bib"][1])
        assert not library.failed_blocks
        entry = library.entries[0]
        # Title brace-protected, so sentence-case styles keep "Kota Surakarta" as written.
        assert entry.key == ident and entry["title"] == "{" + title + "}" and entry["url"] == url
        if "version" in entry.fields_dict:  # the version cited, when git history exists
            assert re.fullmatch(r"[0-9a-f]{7,}", entry["version"])
        (ris,) = rispy.loads(files["ris"][1])
        if "version" in entry.fields_dict:
            assert csl[0]["version"] == entry["version"] == ris["edition"]
        assert ris["title"] == title and ris["urls"] == [url] and ris["id"] == ident
        assert meta["og:title"] == [title]
        (ld,) = head(page).jsonld
        assert json.loads(ld)["name"] == title and json.loads(ld)["@type"] == "Event"


def test_registry_citation_files_hold_every_event_once(built_site: Path) -> None:
    idents = sorted(page.parent.name for page in event_pages(built_site))
    base = built_site / "data" / "kutip" / "registri"
    csl = json.loads(base.with_suffix(".json").read_text())
    assert [item["id"] for item in csl] == idents
    library = bibtexparser.parse_string(base.with_suffix(".bib").read_text())
    assert not library.failed_blocks and [e.key for e in library.entries] == idents
    ris = rispy.loads(base.with_suffix(".ris").read_text())
    assert [r["id"] for r in ris] == idents


def test_citation_title_has_words_not_signs(built_site: Path) -> None:
    for page in event_pages(built_site):
        title = head(page).meta["citation_title"][0]
        assert "≤" not in title and "±" not in title
        assert not title.endswith("tidak diketahui") or title.endswith("tanggal tidak diketahui")


def test_data_page_has_dataset_jsonld(built_site: Path) -> None:
    (ld,) = head(built_site / "data" / "index.html").jsonld
    data = json.loads(ld)
    assert data["@type"] == "Dataset" and data["license"].startswith("https://creativecommons")
    for item in data["distribution"]:
        path = item["contentUrl"].split("/data/", 1)[1]
        assert (built_site / "data" / path).exists()


def test_the_data_pages_way_to_read_the_csv_works(built_site: Path) -> None:
    """What the data page tells a Python user to write gives `id` as the first header;
    plain utf-8 would give '\\ufeffid', as the page warns."""
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'encoding="utf-8-sig", newline=""' in html.unescape(page)
    path = built_site / "data" / "events.csv"
    with open(path, encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f))[0] == "id"
    with open(path, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f))[0] == "\ufeffid"
