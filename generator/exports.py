"""Open data and pictures: JSON, CSV and Atom downloads, and the data, statistics, map
and coverage pages (their figures come from figures.py). Models in, strings out; no I/O.

One source, many outputs (as endoflife.date does): every download is built from the
same model the pages show, and tests read each one back and compare. JSON and CSV
are made with the json and csv modules, never by hand; feeds, pages and SVG go
through templates with autoescape forced on, because record values are untrusted
and `.xml.j2`/`.svg.j2` names would not be escaped by the page environment.
"""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

import jinja2

from . import cite, messages, package, wording
from .changes import CLASSES
from .feeds import FEED_LIMIT, feeds
from .figures import clause_changes, coverage, island_groups, statistics, tile_map
from .filters import long_date, number
from .model import Registry
from .records import event_record, with_segments
from .schemadoc import schema_fields
from .textdiff import EDGES

EXPORT_VERSION = 2  # the record schema version the downloads follow (registry/SCHEMA-VERSIONS.md)
BOM = "\ufeff"  # lets Excel read the CSV files as UTF-8
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Column names of the CSV files; data.md.j2 documents each (a missing one fails the build).
EVENT_NAMES = """id url region_code region_name region_level province_code province_name
joint participating_count participating_region_codes participating_region_names organizer
venue date_precision date_value date_start date_end date_note elections election_names
election_days_before_min election_days_before_max election_phase event_types presiding_name
presiding_office presiding_status presiding_acting presiding_roles presiding_other_names
presiding_body leader_group reader_name reader_office reader_status people bodies
participant_count participant_description clause_count clause_text clauses_follow_template
changes_of_content legal_basis source_urls source_publishers source_titles notes updated
event_name co_organizers contests participant_groups attendance_share incumbent_candidate
incumbent_candidate_names distinct_from"""
EVENT_COLUMNS = EVENT_NAMES.split()
CLAUSE_NAMES = """event_id index document text template_id wording template_text differs
comparison changes spelling_differences"""
CLAUSE_COLUMNS = CLAUSE_NAMES.split()
CHANGE_NAMES = """event_id url region_code region_name date_value clause_index template_id
change class template_words sworn_words"""
CHANGE_COLUMNS = CHANGE_NAMES.split()
TIMING_NAMES = """event_id election_id election_name voting_date days_before_min days_before_max
phase h_label"""
TIMING_COLUMNS = TIMING_NAMES.split()
CODEBOOK_COLUMNS = ["file", "column", "code", "label", "label_en"]
DATASET_FILES = ["events.json", "events.csv", "event-elections.csv", "clauses.csv"]
DATASET_FILES += ["clause-changes.csv"]
DATASET_FILES += ["kodebuku.csv", "datapackage.json"]


def render_exports(env: jinja2.Environment, registry: Registry) -> dict[str, str]:
    """Every download and page of this module, keyed by path under docs/."""
    safe = env.overlay(autoescape=True, cache_size=64)
    site = env.globals["site"]
    events = sorted(registry.events, key=lambda e: e.id)
    said = env.globals["said"]
    legal_types = env.globals["LEGAL_TYPES"]
    records = [event_record(e, site, legal_types, said[e.id]) for e in events]
    out = {"data/events.json": dataset_json(registry, records, site)}
    for event, record in zip(events, records, strict=True):
        out[f"data/peristiwa/{record['id']}.json"] = to_json(
            {"schema_version": EXPORT_VERSION, **with_segments(record, event)}, None
        )
    out["data/events.csv"] = to_csv(EVENT_COLUMNS, [event_row(r) for r in records])
    timing_rows = [t for r in records for t in timing_rows_of(r)]
    out["data/event-elections.csv"] = to_csv(TIMING_COLUMNS, timing_rows)
    out["data/clauses.csv"] = to_csv(CLAUSE_COLUMNS, [c for r in records for c in clause_rows(r)])
    changes = clause_changes(registry.events, said)
    out["data/clause-changes.csv"] = to_csv(CHANGE_COLUMNS, [change_row(c, site) for c in changes])
    classes = [(k, sum(1 for c in changes if c["class"] == k)) for k in CLASSES]
    out["bandingkan/perubahan.md"] = page(
        safe, "compare-changes.md.j2", 2, changes=changes, classes=classes
    )
    out["data/kodebuku.csv"] = to_csv(CODEBOOK_COLUMNS, package.codebook_rows(env, registry))
    columns = {"events.csv": EVENT_COLUMNS, "event-elections.csv": TIMING_COLUMNS}
    columns |= {"clauses.csv": CLAUSE_COLUMNS}
    columns |= {"clause-changes.csv": CHANGE_COLUMNS, "kodebuku.csv": CODEBOOK_COLUMNS}
    updated = registry.updated(registry.events)
    out["data/datapackage.json"] = to_json(package.datapackage(env, columns, site, updated))
    out.update(package.api_files(registry, {r["id"]: r for r in records}, to_json))
    out.update(package.citation_files(env))
    out.update(feeds(safe, registry, site))
    ctx = {"reg": registry, "stats": statistics(registry, env.globals["STATUS"], said)}
    jsonld = cite.dataset_jsonld(site, updated, len(records), DATASET_FILES)
    out.update(data_pages(safe, registry, columns, jsonld))
    out["statistik/index.md"] = page(safe, "statistik.md.j2", 1, **ctx)
    tiles = tile_map(registry)
    groups = island_groups(tiles["tiles"])
    out["statistik/peta.md"] = page(safe, "peta.md.j2", 2, map=tiles, groups=groups, **ctx)
    out["statistik/cakupan.md"] = page(safe, "cakupan.md.j2", 2, coverage=coverage(registry), **ctx)
    return out


DATA_PAGES = {"id": ("data/index.md", 1), "en": ("en/data.md", 2)}
"""The data page in each language: one template, one codebook (the catalogues' `columns`
and `codes`), one schema; the English one is the page en/data/ (mkdocs.yml's nav)."""


def data_pages(
    env: jinja2.Environment,
    registry: Registry,
    columns: dict[str, list[str]],
    jsonld: dict[str, Any],
) -> dict[str, str]:
    """The data page in Indonesian and in English, from the same template and data. The
    schema.org Dataset is described once, on the Indonesian page (its canonical home)."""
    out = {}
    for lang, (path, depth) in DATA_PAGES.items():
        extra = {"meta_jsonld": jsonld} if lang == wording.LANGUAGE else {}
        out[path] = page(
            in_language(env, lang),
            "data.md.j2",
            depth,
            reg=registry,
            fields=schema_fields(registry.schema, lang),
            columns=columns,
            feed_limit=FEED_LIMIT,
            page_lang=lang,
            t=messages.tree(lang, wording.Text),
            **extra,
        )
    return out


def in_language(env: jinja2.Environment, lang: str) -> jinja2.Environment:
    """An overlay of `env` whose templates print the words of `lang`: the catalogue's
    messages compiled in (wording.Messages) and the number and date filters of that
    language. `t` is handed to each render: globals are shared with `env`."""
    if lang == wording.LANGUAGE:
        return env
    other = env.overlay(cache_size=16)
    other.message_language = lang  # type: ignore[attr-defined]
    other.filters = {
        **env.filters,
        "angka": functools.partial(number, lang=lang),
        "tanggal": functools.partial(long_date, lang=lang),
    }
    return other


def page(env: jinja2.Environment, template: str, depth: int, **context: Any) -> str:
    """Same contract as render.page: `root` is the relative prefix back to the site root."""
    return env.get_template(template).render(root="../" * depth, **context)


def to_json(value: Any, indent: int | None = 1) -> str:
    """UTF-8 JSON that is also safe to paste into HTML or a script tag."""
    compact = (",", ":") if indent is None else None
    text = json.dumps(value, ensure_ascii=False, indent=indent, separators=compact)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


def dataset_json(registry: Registry, records: list[dict], site: dict[str, str]) -> str:
    """The whole registry in one compact file (pretty printing would double it at
    thousands of records); provenance instead of a build timestamp."""
    return to_json(
        {
            "schema_version": EXPORT_VERSION,
            "generated_from": {
                "repository": site["repo_url"] or None,
                "path": "registry/events/",
                "last_change": registry.updated(registry.events) or None,
            },
            "title": messages.section("site")["name"],
            "license": "CC-BY-4.0",
            "license_url": "https://creativecommons.org/licenses/by/4.0/",
            "count": len(records),
            "events": records,
        },
        indent=None,
    )


def cell(value: Any) -> str:
    """A CSV cell; text Excel would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(columns: list[str], rows: list[list[Any]]) -> str:
    """RFC 4180: CRLF line ends, minimal quoting; with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([cell(v) for v in row] for row in rows)
    return BOM + buffer.getvalue()


def event_row(r: dict[str, Any]) -> list[Any]:
    """The columns of EVENT_COLUMNS, in order, from a normalized record. The days
    before each election are lists in the order of `elections` (one per election);
    event-elections.csv has the same figures one row per event and election."""
    o = r["presiding"] or {}
    body = r["presiding_body"] or {}
    reader = r["readers"][0] if r["readers"] else {}
    join = "; ".join
    days = [x["days_before"] or {} for x in r["elections"]]
    return [
        r["id"],
        r["url"],
        r["region"]["code"],
        r["region"]["name"],
        r["region"]["level"],
        r["province"]["code"],
        r["province"]["name"],
        r["joint"],
        r["participating_count"],
        join(x["code"] for x in r["participating_regions"]),
        join(x["name"] for x in r["participating_regions"]),
        r["organizer"],
        r["venue"],
        r["date"]["precision"],
        r["date"]["value"],
        r["date"]["start"],
        r["date"]["end"],
        r["date"]["note"],
        join(x["id"] for x in r["elections"]),
        join(x["name"] for x in r["elections"]),
        join(_number(d.get("min")) for d in days) if any(days) else None,
        join(_number(d.get("max")) for d in days) if any(days) else None,
        join(x["phase"] for x in r["elections"]),
        join(r["event_types"]),
        o.get("name"),
        o.get("office"),
        o.get("status"),
        o.get("acting"),
        join(o.get("roles") or ()),
        join(o.get("other_names") or ()),
        body.get("name") or body.get("kind"),
        r["leader_group"],
        reader.get("name") or reader.get("group"),
        reader.get("office"),
        reader.get("status"),
        join(person_text(p) for p in r["people"]),
        join(body_text(b) for b in r["bodies"]),
        r["participants"]["count"],
        r["participants"]["description"],
        len(r["clauses"]),
        _clause_text(r["clause_text"]),
        r["follows_template"] if r["clauses"] else None,
        r["changes_of_content"] if r["clauses"] else None,
        join(_legal_text(x) for x in r["legal_basis"]),
        join(s["url"] for s in r["sources"]),
        join(s["publisher"] for s in r["sources"]),
        join(s["title"] for s in r["sources"]),
        r["notes"],
        r["updated"],
        *shape21_cells(r),
    ]


def shape21_cells(r: dict[str, Any]) -> list[Any]:
    """The columns record shape 2.1 added, after the older ones (readers that take
    columns by position keep working)."""
    join = "; ".join
    incumbents = [p for p in r["people"] if p.get("incumbent_candidate")]
    groups = r["participants"]["groups"]
    return [
        r["name"],
        join(r["co_organizers"]),
        join(r["contests"]),
        join(g["description"] + (f" ({g['count']})" if g["count"] else "") for g in groups),
        r["participants"]["attendance_share"],
        r["incumbent_candidate"],
        join(p["name"] or p["office"] for p in incumbents),
        (r["distinct_from"] or {}).get("id"),
    ]


def _legal_text(x: dict[str, Any]) -> str:
    """'SKB Netralitas ASN 2022 (Pasal 2 huruf f)': the article only when cited."""
    return x["name"] + (f" ({x['article']})" if x.get("article") else "")


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _clause_text(state: dict[str, Any]) -> str:
    """'recorded: ikrar; deklarasi' or 'missing: ikrar=partial'."""
    if state["documents"]:
        return "recorded: " + "; ".join(state["documents"])
    return "missing: " + "; ".join(f"{m['document']}={m['state']}" for m in state["missing"])


def timing_rows_of(r: dict[str, Any]) -> list[list[Any]]:
    """The rows of event-elections.csv for one record: one per election of the event."""
    return [
        [
            r["id"],
            x["id"],
            x["name"],
            x["voting_date"],
            (x["days_before"] or {}).get("min"),
            (x["days_before"] or {}).get("max"),
            x["phase"],
            x["h"],
        ]
        for x in r["elections"]
    ]


def person_text(p: dict[str, Any]) -> str:
    """'presiding+speaking: Nana Sudjana (pj Gubernur)'; a group: 'signing: perwakilan ASN (7)';
    since shape 2.1 'declaring: Nama "Mas Ipin" (definitif Bupati; candidate pilkada-2020)'."""
    roles = "+".join(p["roles"])
    if "group" in p:
        return f"{roles}: {p['group']}" + (f" ({p['count']})" if p["count"] else "")
    who = p["name"] or messages.section("site")["no_name"]
    nick = "".join(f' "{n}"' for n in p.get("nicknames") or ())
    extra = "".join(
        f"; {label} {value}"
        for label, value in (
            ("for", p.get("on_behalf_of")),
            ("candidate", "+".join(p.get("candidate") or ())),
        )
        if value
    )
    return f"{roles}: {who}{nick} ({p['status']} {p['title'] or p['office']}{extra})"


def body_text(b: dict[str, Any]) -> str:
    """'bawaslu: Bawaslu Jateng (attending)'."""
    roles = "+".join(b["roles"] or ())
    return f"{b['kind']}: {b['name'] or b['kind']}" + (f" ({roles})" if roles else "")


def clause_rows(r: dict[str, Any]) -> list[list[Any]]:
    keys = ("index", "document", "text", "template", "wording", "template_text")
    keys += ("differs_from_template", "comparison", "changes", "spelling_differences")
    return [[r["id"], *(c[k] for k in keys)] for c in r["clauses"]]


def change_row(change: dict[str, Any], site: dict[str, str]) -> list[Any]:
    """The columns of CHANGE_COLUMNS for one classified change (figures.clause_changes)."""
    e, c = change["event"], change["clause"]
    return [
        e.id,
        f"{site['url']}peristiwa/{e.id}/" if site["url"] else None,
        e.region.code,
        e.region.name,
        e.date.value or None,
        c.position,
        c.template.id,
        change["kind"],
        change["class"],
        EDGES.sub("", change["was"]) or None,
        EDGES.sub("", change["text"]) or None,
    ]
