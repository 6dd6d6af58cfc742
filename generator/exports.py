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
import dataclasses
import io
import json
from dataclasses import asdict
from datetime import date
from typing import Any

import jinja2

from . import cite, messages, package
from .changes import CLASSES
from .claims import ElectionTiming, EventClaims
from .feeds import FEED_LIMIT, feeds
from .fielddiff import DateValue
from .figures import (
    clause_changes,
    coverage,
    island_groups,
    schema_fields,
    statistics,
    tile_map,
)
from .filters import days_label
from .history import Change, Version
from .model import Body, Clause, Event, LegalRef, Person, Region, Registry
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
changes_of_content legal_basis source_urls source_publishers source_titles notes updated"""
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
CODEBOOK_COLUMNS = ["file", "column", "code", "label"]
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
    fields = schema_fields(registry.schema)
    out["data/index.md"] = page(
        safe,
        "data.md.j2",
        1,
        fields=fields,
        columns=columns,
        meta_jsonld=cite.dataset_jsonld(site, updated, len(records), DATASET_FILES),
        feed_limit=FEED_LIMIT,
        **ctx,
    )
    out["statistik/index.md"] = page(safe, "statistik.md.j2", 1, **ctx)
    tiles = tile_map(registry)
    groups = island_groups(tiles["tiles"])
    out["statistik/peta.md"] = page(safe, "peta.md.j2", 2, map=tiles, groups=groups, **ctx)
    out["statistik/cakupan.md"] = page(safe, "cakupan.md.j2", 2, coverage=coverage(registry), **ctx)
    return out


def page(env: jinja2.Environment, template: str, depth: int, **context: Any) -> str:
    """Same contract as render.page: `root` is the relative prefix back to the site root."""
    return env.get_template(template).render(root="../" * depth, **context)


def _nulls(fields: dict[str, Any]) -> dict[str, Any]:
    """Absent optional text becomes null and tuples lists, so consumers need not guess."""
    return {
        k: None if v == "" else list(v) if isinstance(v, tuple) else v for k, v in fields.items()
    }


def event_record(
    e: Event, site: dict[str, str], legal_types: dict[str, str], c: EventClaims
) -> dict[str, Any]:
    """One event, normalized: codes resolved to names, optional values null. What the
    site derives (who presided, H-n per election, clause text state, change classes)
    comes from claims.py, the same values the pages print."""
    people = {"count": e.participant_count, "description": e.participant_description}
    return {
        "id": e.id,
        "url": f"{site['url']}peristiwa/{e.id}/" if site["url"] else None,
        "file": f"registry/events/{e.file}",
        "updated": e.updated or None,
        "version": _version(e.version),
        "region": _place(e.region),
        "province": _place(e.province),
        "joint": e.joint,
        "participating_count": c.others,
        "participating_regions": [_place(r) for r in e.participating],
        "organizer": e.organizer or None,
        "venue": e.venue or None,
        "date": {
            **_nulls(asdict(e.date)),
            "start": _iso(e.date.earliest),
            "end": _iso(e.date.latest),
        },
        "elections": [_election(t) for t in c.timings],
        "event_types": list(e.event_types),
        "people": [_person(p) for p in e.people],
        "presiding": c.presiding and _person(c.presiding),
        "presiding_body": c.presiding_body and _body(c.presiding_body),
        "leader_group": c.leader_group,
        "readers": [_person(p) for p in c.readers],
        "bodies": [_body(b) for b in e.bodies],
        "elections_note": e.elections_note or None,
        "participants": _nulls(people),
        "clause_text": {
            "state": "recorded" if e.clauses else "missing",
            "documents": list(c.documents),
            "missing": [{"document": m.document, "state": m.state} for m in c.missing],
        },
        "clauses": [
            _clause(cl, n, k)
            for cl, n, k in zip(e.clauses, c.per_clause, c.clause_kinds, strict=True)
        ],
        "follows_template": c.follows_template,
        "changes_of_content": len(c.substantive),
        "wording_changes": [_wording_change(ch) for ch in c.changes],
        "legal_basis": [_legal(ref, legal_types) for ref in e.legal_basis],
        "sources": [_nulls(asdict(source)) for source in e.sources],
        "notes": e.notes or None,
        "history": [_change(c) for c in e.history],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _election(t: ElectionTiming) -> dict[str, Any]:
    """An election of the event with the event's distance to its voting day."""
    x = t.election
    return {
        "id": x.id,
        "name": x.name,
        "kind": x.kind,
        "voting_date": x.voting_date.isoformat(),
        "days_before": {"min": t.fewest, "max": t.most} if t.known else None,
        "phase": t.phase,
        "h": days_label(t) or None,
    }


def _body(b: Body) -> dict[str, Any]:
    return _nulls(asdict(b))


def _wording_change(ch: Any) -> dict[str, Any]:
    """One classified difference from a template (changes.py): class isi, urutan,
    salah-ketik or sinonim; only isi counts as a change of content."""
    return {
        "clause_index": ch.clause.position,
        "kind": ch.kind,
        "class": ch.klass,
        "template_words": EDGES.sub("", ch.was) or None,
        "sworn_words": EDGES.sub("", ch.text) or None,
    }


def _person(p: Person) -> dict[str, Any]:
    """A person or group at the event; a person's region only when it is not the host."""
    # Field by field, not asdict(): that deep-copies the region, replaced here anyway.
    out = _nulls({f.name: getattr(p, f.name) for f in dataclasses.fields(p)})
    out["region"] = _place(p.region) if p.region else None
    if p.is_group:
        return {k: out[k] for k in ("roles", "group", "count", "region", "note")}
    out.pop("group")
    out.pop("count")
    return {**out, "acting": p.acting}


def _version(v: Version | None) -> dict[str, str] | None:
    """The version a citation names: short commit, date, and the file at that commit."""
    return v and {"commit": v.short, "commit_full": v.commit, "date": v.date, "path": v.path}


def _change(c: Change) -> dict[str, Any]:
    """One entry of a record's history (newest first), its class and field changes."""
    return {
        **_version(c.version),
        "class": c.kind,
        "why": c.why or None,
        "previous": c.previous and c.previous.short,
        "changes": [
            {
                "field": f.field,
                "part": f.part or None,
                "op": f.op,
                "item": f.item or None,
                "before": _plain(f.before),
                "after": _plain(f.after),
            }
            for f in c.changes
        ],
    }


def _plain(value: Any) -> Any:
    """A changed value for JSON: a date as {precision, value}, lists as lists."""
    if isinstance(value, DateValue):
        return value._asdict()
    return list(value) if isinstance(value, tuple) else value


def _place(region: Region) -> dict[str, str]:
    return {"code": region.code, "name": region.name, "level": region.level, "slug": region.slug}


def _clause(c: Clause, substantive: int, kind: str) -> dict[str, Any]:
    """A clause with its classified comparison: `comparison` is same, spelling, minor
    (only order, probable typos or synonyms), changed, paraphrase or none (claims.py;
    the word-level segments are in the per-record files only); `changes` counts
    changes of content only."""
    template, found = c.template, c.comparison
    return {
        "index": c.position,
        "document": c.document,
        "text": c.text,
        "wording": c.wording,
        "template": template.id if template else None,
        "template_position": template.position if template else None,
        "template_text": template.text if template else None,
        "differs_from_template": None if found is None else substantive > 0,
        "comparison": kind,
        "changes": None if found is None else substantive,
        "spelling_differences": None if found is None else len(found.spelling),
    }


def with_segments(record: dict[str, Any], e: Event) -> dict[str, Any]:
    """A record with each compared clause's segments, [kind, sworn words, template words]
    ([kind, words] where both are the same), for the side-by-side view. Left out of
    events.json, where they would add a third to the file for little use."""
    clauses = [
        {**c, "segments": _segments(clause)}
        for c, clause in zip(record["clauses"], e.clauses, strict=True)
    ]
    return {**record, "clauses": clauses}


def _segments(clause: Clause) -> list[list[str]] | None:
    if clause.comparison is None:
        return None
    return [
        [k, text] if k == "same" else [k, text, was] for k, text, was in clause.comparison.segments
    ]


def _legal(ref: LegalRef, legal_types: dict[str, str]) -> dict[str, Any]:
    """A national instrument is resolved from the reference list; a local one kept as cited."""
    b = ref.instrument
    if b is None:
        name = f"{legal_types.get(ref.type, ref.type)} {ref.issuer}"
        fields = {**asdict(ref), "instrument": None, "name": name, "url": ""}
        return _nulls(fields)
    return _nulls(
        {
            "instrument": b.id,
            "name": b.short,
            "type": b.kind,
            "issuer": b.issuer,
            "number": "; ".join(b.numbers),
            "date": b.date.isoformat() if b.date else "",
            "title": b.title,
            "url": b.url,
            "note": ref.note,
        }
    )


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
        join(x["name"] for x in r["legal_basis"]),
        join(s["url"] for s in r["sources"]),
        join(s["publisher"] for s in r["sources"]),
        join(s["title"] for s in r["sources"]),
        r["notes"],
        r["updated"],
    ]


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
    """'presiding+speaking: Nana Sudjana (pj Gubernur)'; a group: 'signing: perwakilan ASN (7)'."""
    roles = "+".join(p["roles"])
    if "group" in p:
        return f"{roles}: {p['group']}" + (f" ({p['count']})" if p["count"] else "")
    who = p["name"] or messages.section("site")["no_name"]
    return f"{roles}: {who} ({p['status']} {p['title'] or p['office']})"


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
