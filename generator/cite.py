"""How an event is cited: one dictionary per event, and from it the page's metadata
(Highwire citation_*, schema.org JSON-LD) and the downloads CSL-JSON, BibTeX and RIS.

One source for every form, so the citation on the page, the reference manager's
capture (Zotero reads citation_*) and the downloaded files always agree; tests
parse each download with its own library and compare. Dates come from the record
and git, never the clock; the reader's access date is filled in by the browser.
Models in, strings and dictionaries out; no I/O.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from typing import Any

from . import messages
from .model import Event

SITE = messages.section("site")
PUBLISHER = SITE["name"]
# The date of an event in the citation title, in words: never "≤" or "±".
TITLE_DATE = {
    "exact": "{day}",
    "reported": messages.section("dates")["cite_reported"],
    "approximate": messages.section("dates")["cite_approximate"],
    "month": "{day}",
    "year": "{day}",
    "unknown": messages.section("dates")["unknown"],
}


def citation(e: Event, site: dict[str, str], long_date: Callable[[str], str], kinds: str) -> dict:
    """Everything a citation of one event needs; `kinds` is its event types in words."""
    when = TITLE_DATE[e.date.precision].format(day=long_date(e.date.value) if e.date.value else "")
    updated = e.updated or ""
    return {
        "id": e.id,
        "title": f"{e.region.name}: {kinds}, {when}",
        "url": f"{site['url']}peristiwa/{e.id}/" if site.get("url") else "",
        "year": updated[:4],
        "updated": updated,
        "publisher": PUBLISHER,
        "region": e.region.name,
        "province": e.province.name,
        "start": e.date.value,
        # The version cited (the record's last commit), as the text citation names it.
        "version": e.version.short if e.version else "",
    }


def highwire(c: dict) -> dict[str, str]:
    """citation_* meta tags (Highwire Press), read by Zotero and Google Scholar."""
    tags = {
        "citation_title": c["title"],
        "citation_author": c["publisher"],
        "citation_publisher": c["publisher"],
        "citation_language": "id",
        "citation_technical_report_number": c["id"],
    }
    if c["updated"]:
        tags["citation_date"] = c["updated"].replace("-", "/")
        tags["citation_online_date"] = c["updated"].replace("-", "/")
    if c["url"]:
        tags["citation_public_url"] = c["url"]
        tags["citation_abstract_html_url"] = c["url"]
    return tags


def event_jsonld(e: Event, c: dict) -> dict[str, Any]:
    """schema.org Event: where (the region, from reference data), when (ISO, partial
    dates kept partial). Free text a contributor wrote (venue, organizer) stays out of
    the page head, as titles do: the head carries reference data and ids only."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": c["title"],
        "identifier": e.id,
        "location": {
            "@type": "Place",
            "name": e.region.name,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": e.region.name,
                "addressRegion": e.province.name,
                "addressCountry": "ID",
            },
        },
        "inLanguage": "id",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if e.date.value:
        data["startDate"] = e.date.value
    if c["url"]:
        data["url"] = c["url"]
    if c["updated"]:
        data["dateModified"] = c["updated"]
    return data


def dataset_jsonld(site: dict[str, str], updated: str, count: int, files: list[str]) -> dict:
    """schema.org Dataset for the data page, with one DataDownload per file."""
    base = site.get("url", "")
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": SITE["dataset"],
        "alternateName": PUBLISHER,
        "description": SITE["dataset_description"].format(count=count),
        "inLanguage": "id",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator": {"@type": "Organization", "name": PUBLISHER},
        "isAccessibleForFree": True,
        "spatialCoverage": {"@type": "Place", "name": "Indonesia"},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": _media_type(name),
                "contentUrl": f"{base}data/{name}",
            }
            for name in files
        ],
    }
    if base:
        data["url"] = f"{base}data/"
    if updated:
        data["dateModified"] = updated
    return data


def _media_type(name: str) -> str:
    return {"csv": "text/csv", "json": "application/json"}[name.rsplit(".", 1)[1]]


def csl_json(c: dict) -> str:
    """CSL-JSON (citeproc, Zotero, Pandoc): a list with one item."""
    return json.dumps([csl_item(c)], ensure_ascii=False, separators=(",", ":")) + "\n"


def csl_item(c: dict) -> dict[str, Any]:
    """One event as a CSL-JSON item (also the items of the registry-wide file)."""
    item: dict[str, Any] = {
        "id": c["id"],
        "type": "webpage",
        "title": c["title"],
        "author": [{"literal": c["publisher"]}],
        "publisher": c["publisher"],
        "container-title": c["publisher"],
        "number": c["id"],
        "language": "id",
    }
    if c["version"]:
        item["version"] = c["version"]
    if c["updated"]:
        item["issued"] = {"date-parts": [[int(p) for p in c["updated"].split("-")]]}
    if c["url"]:
        item["URL"] = c["url"]
    return item


BIB_SPECIAL = str.maketrans({c: f"\\{c}" for c in "&%$#_{}"} | {"\\": " ", "~": " ", "^": " "})


LINE_BREAKS = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029]+")
"""Line ends and other controls: RIS is one tag per line, so a CR or LF in a value
would start a record of its own (`ER  -`, `TY  -`); BibTeX fields stay on one line."""


def one_line(text: str) -> str:
    """A value on one line: each run of control or line-break characters becomes a space."""
    return LINE_BREAKS.sub(" ", text).strip() if LINE_BREAKS.search(text) else text


def _bib(text: str) -> str:
    return one_line(text).translate(BIB_SPECIAL)


def bibtex(c: dict) -> str:
    """BibTeX @misc; the organization in double braces so it is not split into names, the
    title in braces so sentence-case styles keep its capitals ("Kota Surakarta"). The
    access date (urldate) is the reader's: kutip.js adds it in the browser."""
    fields = [
        ("title", "{" + _bib(c["title"]) + "}"),
        ("author", "{" + _bib(c["publisher"]) + "}"),
        ("publisher", _bib(c["publisher"])),
        ("year", _bib(c["year"])),
        ("date", _bib(c["updated"])),
        ("url", _bib(c["url"])),
        ("version", _bib(c["version"])),
        (
            "note",
            "Catatan " + _bib(c["id"]) + (f", versi {_bib(c['version'])}" if c["version"] else ""),
        ),
        ("language", "indonesian"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{c['id']},\n{body}\n}}\n"


def ris(c: dict) -> str:
    """RIS (EndNote, Mendeley, Zotero): tagged lines, CRLF, ending with ER."""
    lines = [
        ("TY", "ELEC"),
        ("TI", c["title"]),
        ("AU", c["publisher"]),
        ("PB", c["publisher"]),
        ("PY", c["year"]),
        ("DA", c["updated"].replace("-", "/")),
        ("UR", c["url"]),
        ("ID", c["id"]),
        ("ET", c["version"]),
        ("LA", "id"),
    ]
    text = "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines if value)
    return text + "ER  - \r\n"


FORMATS: tuple[tuple[str, str, str, Callable[[dict], str]], ...] = (
    ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json", csl_json),
    ("BibTeX", "bib", "application/x-bibtex", bibtex),
    ("RIS", "ris", "application/x-research-info-systems", ris),
)


def downloads(c: dict) -> list[dict[str, str]]:
    """An event's citation in each format as a data: link with a file name: the page
    carries its own downloads (under 1 KB each, base64: encoded in C, and no
    character of it needs escaping in HTML), so no file per event and format is
    written, copied and served (15,000 at 5,000 events)."""
    return [
        {
            "label": label,
            "file": f"{c['id']}.{ext}",
            "type": media,
            "href": f"data:{media};charset=utf-8;base64,"
            + base64.b64encode(make(c).encode()).decode("ascii"),
        }
        for label, ext, media, make in FORMATS
    ]
