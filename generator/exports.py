"""Open data and pictures: JSON, CSV and Atom downloads, the data, statistics, map and
coverage pages. Models in, strings out; no I/O.

One source, many outputs (as endoflife.date does): every download is built from the
same model the pages show, and tests read each one back and compare. JSON and CSV
are made with the json and csv modules, never by hand; feeds, pages and SVG go
through templates with autoescape forced on, because record values are untrusted
and `.xml.j2`/`.svg.j2` names would not be escaped by the page environment.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jinja2

from .model import Clause, Event, LegalRef, Region, Registry

EXPORT_VERSION = 1  # raised when a field of the downloads changes meaning or disappears
FEED_LIMIT = 50
BOM = "\ufeff"  # lets Excel read the CSV files as UTF-8
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SCHEMA = Path(__file__).resolve().parent.parent / "registry" / "schema" / "event.schema.json"
# Column names of the CSV files; data.md.j2 documents each (a missing one fails the build).
EVENT_NAMES = """id url region_code region_name region_level province_code province_name
date_precision date_value date_note elections election_names event_types official_name
official_office official_status official_acting participant_count participant_description
clause_count clauses_follow_template legal_basis source_urls notes updated"""
EVENT_COLUMNS = EVENT_NAMES.split()
CLAUSE_NAMES = "event_id index text template_id wording template_text differs"
CLAUSE_COLUMNS = CLAUSE_NAMES.split()
# Tile cartogram: one square per province (Kemendagri code), roughly where it lies.
GRID = """
11 .. .. .. 65 .. .. 75 71 82 .. ..
12 14 21 61 64 .. 76 72 .. 96 92 91
13 15 19 62 63 .. 73 74 81 .. 94 95
17 16 18 .. .. .. .. .. .. .. .. 93
.. .. 36 31 32 33 35 51 52 53 .. ..
.. .. .. .. .. 34 .. .. .. .. .. ..
"""
TILE, SPLIT = 60, 6  # tile pitch; on phones columns from SPLIT on move under the rest
SHORT_NAMES = """11:Aceh 12:Sumut 13:Sumbar 14:Riau 15:Jambi 16:Sumsel 17:Bengkulu 18:Lampung
19:Babel 21:Kepri 31:DKI 32:Jabar 33:Jateng 34:DIY 35:Jatim 36:Banten 51:Bali 52:NTB 53:NTT
61:Kalbar 62:Kalteng 63:Kalsel 64:Kaltim 65:Kaltara 71:Sulut 72:Sulteng 73:Sulsel 74:Sultra
75:Gorontalo 76:Sulbar 81:Maluku 82:Malut 91:Papua 92:Pabar 93:Pasel 94:Papteng 95:Papeg 96:PBD"""
SHORT = dict(item.split(":") for item in SHORT_NAMES.split())
SHADES = (("#eeeeee", "#1a1a1a"), ("#fcbba1", "#1a1a1a"), ("#fb6a4a", "#1a1a1a"))
SHADES += (("#cb181d", "#ffffff"), ("#67000d", "#ffffff"))
Row = tuple[str, int, str]  # a bar: label, count, link relative to the site root ("" for none)


def render_exports(
    env: jinja2.Environment, registry: Registry, schema: dict[str, Any] | None = None
) -> dict[str, str]:
    """Every download and page of this module, keyed by path under docs/."""
    safe = env.overlay(autoescape=True, cache_size=64)
    site = env.globals["site"]
    events = sorted(registry.events, key=lambda e: e.id)
    records = [event_record(e, site, env.globals["LEGAL_TYPES"]) for e in events]
    out = {"data/events.json": dataset_json(registry, records, site)}
    for record in records:
        out[f"data/peristiwa/{record['id']}.json"] = to_json(
            {"schema_version": EXPORT_VERSION, **record}
        )
    out["data/events.csv"] = to_csv(EVENT_COLUMNS, [event_row(r) for r in records])
    out["data/clauses.csv"] = to_csv(CLAUSE_COLUMNS, [c for r in records for c in clause_rows(r)])
    out.update(feeds(safe, registry, site))
    ctx = {"reg": registry, "stats": statistics(registry, env.globals["STATUS"])}
    fields = schema_fields(schema or getattr(registry, "schema", None) or bundled_schema())
    out["data/index.md"] = page(
        safe,
        "data.md.j2",
        1,
        fields=fields,
        columns={"events.csv": EVENT_COLUMNS, "clauses.csv": CLAUSE_COLUMNS},
        feed_limit=FEED_LIMIT,
        **ctx,
    )
    out["statistik/index.md"] = page(safe, "statistik.md.j2", 1, **ctx)
    maps = {"lebar": tile_map(registry), "sempit": tile_map(registry, narrow=True)}
    out["statistik/peta.md"] = page(safe, "peta.md.j2", 2, maps=maps, **ctx)
    out["statistik/cakupan.md"] = page(safe, "cakupan.md.j2", 2, coverage=coverage(registry), **ctx)
    return out


def page(env: jinja2.Environment, template: str, depth: int, **context: Any) -> str:
    """Same contract as render.page: `root` is the relative prefix back to the site root."""
    return env.get_template(template).render(root="../" * depth, **context)


def bundled_schema() -> dict[str, Any]:
    """The record schema shipped with the code. Read like a template is read: it is
    ours, not input; the model does not carry it yet."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def _nulls(fields: dict[str, Any]) -> dict[str, Any]:
    """Absent optional text becomes null and tuples lists, so consumers need not guess."""
    return {
        k: None if v == "" else list(v) if isinstance(v, tuple) else v for k, v in fields.items()
    }


def event_record(e: Event, site: dict[str, str], legal_types: dict[str, str]) -> dict[str, Any]:
    """One event, normalized: codes resolved to names, optional values null."""
    people = {"count": e.participant_count, "description": e.participant_description}
    return {
        "id": e.id,
        "url": f"{site['url']}peristiwa/{e.id}/" if site["url"] else None,
        "file": f"registry/events/{e.file}",
        "updated": e.updated or None,
        "region": _place(e.region),
        "province": _place(e.province),
        "date": _nulls(asdict(e.date)),
        "elections": [
            {"id": x.id, "name": x.name, "kind": x.kind, "voting_date": x.voting_date.isoformat()}
            for x in e.elections
        ],
        "event_types": list(e.event_types),
        "official": e.official and {**_nulls(asdict(e.official)), "acting": e.official.acting},
        "participants": _nulls(people),
        "clauses": [_clause(c) for c in e.clauses],
        "follows_template": e.follows_template,
        "legal_basis": [_legal(ref, legal_types) for ref in e.legal_basis],
        "sources": [_nulls(asdict(source)) for source in e.sources],
        "notes": e.notes or None,
    }


def _place(region: Region) -> dict[str, str]:
    return {"code": region.code, "name": region.name, "level": region.level, "slug": region.slug}


def _clause(c: Clause) -> dict[str, Any]:
    template = c.template
    return {
        "index": c.position,
        "text": c.text,
        "wording": c.wording,
        "template": template.id if template else None,
        "template_text": template.text if template else None,
        "differs_from_template": None if template is None else template.text != c.text,
    }


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
            "title": "Registri Ikrar Netralitas ASN",
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
    """The columns of EVENT_COLUMNS, in order, from a normalized record."""
    o = r["official"] or {}
    join = "; ".join
    return [
        r["id"],
        r["url"],
        r["region"]["code"],
        r["region"]["name"],
        r["region"]["level"],
        r["province"]["code"],
        r["province"]["name"],
        r["date"]["precision"],
        r["date"]["value"],
        r["date"]["note"],
        join(x["id"] for x in r["elections"]),
        join(x["name"] for x in r["elections"]),
        join(r["event_types"]),
        o.get("name"),
        o.get("office"),
        o.get("status"),
        o.get("acting"),
        r["participants"]["count"],
        r["participants"]["description"],
        len(r["clauses"]),
        r["follows_template"] if r["clauses"] else None,
        join(x["name"] for x in r["legal_basis"]),
        join(s["url"] for s in r["sources"]),
        r["notes"],
        r["updated"],
    ]


def clause_rows(r: dict[str, Any]) -> list[list[Any]]:
    keys = ("index", "text", "template", "wording", "template_text", "differs_from_template")
    return [[r["id"], *(c[k] for k in keys)] for c in r["clauses"]]


def feeds(env: jinja2.Environment, registry: Registry, site: dict[str, str]) -> dict[str, str]:
    """Atom: the whole site, and one per province so a desk can follow its own region."""
    template = env.get_template("feed.xml.j2")
    base = site["url"]
    lists = [("feed.xml", "Registri Ikrar Netralitas ASN", registry.events, "")]
    lists += [
        (f"data/feed/{p.slug}.xml", f"{p.name}: ikrar netralitas ASN", _of(registry, p), p.slug)
        for p in registry.provinces
    ]
    fallback = registry.regions_updated or "1970-01-01"
    out = {}
    for path, title, events, slug in lists:
        entries = sorted(events, key=lambda e: (entry_updated(e), e.date.sort_key, e.id))
        entries = entries[::-1][:FEED_LIMIT]
        out[path] = template.render(
            base=base,
            id_base=base or "urn:registri-ikrar-netralitas-asn:",
            self_path=path,
            self_url=base + path,
            alternate=base + (f"wilayah/{slug}/" if slug else ""),
            title=title,
            updated=stamp(max([entry_updated(e) for e in entries], default=fallback)),
            entries=[(e, stamp(entry_updated(e))) for e in entries],
        )
    return out


def _of(registry: Registry, province: Region) -> tuple[Event, ...]:
    return registry.by_province.get(province.code, ())


def entry_updated(e: Event) -> str:
    """Git date of the record, else the event date as far as known; never the clock."""
    if e.updated:
        return e.updated
    value = e.date.value or "1970"
    return (value + "-01-01")[:10] if len(value) < 10 else value


def stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def statistics(registry: Registry, status: dict[str, tuple[str, str]]) -> dict[str, Any]:
    """Counts behind the statistics page, each as a bar chart whose rows also fill its table."""
    events = registry.events
    provinces = sorted(
        ((p.name, len(_of(registry, p)), f"wilayah/{p.slug}/") for p in registry.provinces),
        key=lambda row: (-row[1], row[0]),
    )
    elections = [
        (x.name, len(registry.by_election.get(x.id, ())), f"pemilu/{x.id}/")
        for x in registry.elections.values()
    ]
    officials = _official_rows(events, status)
    clauses = _clause_rows(events)
    return {
        "total": len(events),
        "acting": sum(1 for e in events if e.official and e.official.acting),
        "with_official": sum(1 for e in events if e.official),
        "clause_total": sum(row[1] for row in clauses),
        "covered_provinces": sum(1 for p in provinces if p[1]),
        "elections": bar_chart("pemilu", "Peristiwa per pemilihan", elections, len(events)),
        "years": bar_chart("tahun", "Peristiwa per tahun", _year_rows(events)),
        "provinces": bar_chart(
            "provinsi", "Peristiwa per provinsi", [p for p in provinces if p[1]]
        ),
        "officials": bar_chart("pejabat", "Status pejabat yang memimpin", officials),
        "clauses": bar_chart("klausul", "Klausul dibanding templat", clauses),
    }


def _year_rows(events: tuple[Event, ...]) -> list[Row]:
    """Every year from the first to the last, gaps included, so the bars read as a timeline."""
    years = Counter(e.date.year for e in events)
    known = [y for y in years if y]
    rows = [(str(y), years[y], "") for y in range(min(known), max(known) + 1)] if known else []
    return rows + ([("tanggal tidak diketahui", years[None], "")] if years[None] else [])


def _official_rows(events: tuple[Event, ...], status: dict[str, tuple[str, str]]) -> list[Row]:
    counts = Counter(e.official.status if e.official else "" for e in events)
    rows = [(f"{full} ({short})", counts[s], "") for s, (short, full) in status.items()]
    return [r for r in rows if r[1]] + (
        [("tidak disebut sumber", counts[""], "")] if counts[""] else []
    )


def _clause_rows(events: tuple[Event, ...]) -> list[Row]:
    counts = Counter(_clause_state(c) for e in events for c in e.clauses)
    labels = {
        "same": "sama persis dengan templat",
        "differs": "berbeda dari templat",
        "none": "tanpa templat pembanding",
    }
    return [(label, counts[key], "") for key, label in labels.items() if counts[key]]


def _clause_state(clause: Clause) -> str:
    if clause.template is None:
        return "none"
    return "same" if clause.template.text == clause.text else "differs"


def bar_chart(ident: str, title: str, rows: list[Row], total: int = 0) -> dict[str, Any]:
    """Horizontal bars, label above each bar, in a 320-wide viewBox that a phone shows at
    about 1:1, so the labels stay as large as the text around them.

    Shares are of `total` when given (an event counted under two elections), else of
    the sum of the rows."""
    width, row_h, room = 320, 46, 104
    total = total or sum(v for _, v, _ in rows)
    top = max([v for _, v, _ in rows] + [1])
    bars = [
        {
            "label": label,
            "value": value,
            "share": round(100 * value / total) if total else 0,
            "href": href,
            "y": i * row_h,
            "w": round((width - room) * value / top, 1),
        }
        for i, (label, value, href) in enumerate(rows)
    ]
    return {"id": ident, "title": title, "width": width, "height": len(rows) * row_h, "rows": bars}


def tile_map(registry: Registry, narrow: bool = False) -> dict[str, Any]:
    """Tiles, shades and legend of the province cartogram. The wide map is 12 tiles
    across; `narrow` stacks the eastern half under the western one, so that on a
    phone each tile stays big enough to read without scrolling sideways."""
    cells = _cells(registry)
    spots = {code: _spot(col, row, narrow) for code, (col, row) in cells.items()}
    counts = {p.code: len(_of(registry, p)) for p in registry.provinces}
    legend = shade_bins(max(counts.values(), default=0))
    tiles = [
        {
            "region": p,
            "short": SHORT.get(p.code, p.name[:9]),
            "count": counts[p.code],
            "x": spots[p.code][0],
            "y": spots[p.code][1],
            "fill": next(b for b in legend if b["lo"] <= counts[p.code] <= b["hi"]),
        }
        for p in sorted(registry.provinces, key=lambda p: p.code)
    ]
    width = max(x for x, _ in spots.values()) + TILE
    height = max(y for _, y in spots.values()) + TILE
    return {"tiles": tiles, "legend": legend, "width": width, "height": height}


def _spot(col: int, row: int, narrow: bool) -> tuple[int, int]:
    """Top-left corner of a tile. The map keeps its full shape whichever provinces exist."""
    if narrow and col >= SPLIT:
        return (col - SPLIT) * TILE, int((row + 6.5) * TILE)
    if narrow and row >= 6:  # a province GRID lacks: below the eastern half
        return col * TILE, (row + 6) * TILE
    return col * TILE, row * TILE


def _cells(registry: Registry) -> dict[str, tuple[int, int]]:
    """Grid cell of every province in GRID, and of any province GRID lacks (in rows below)."""
    cells = {
        code: (col, row)
        for row, line in enumerate(GRID.strip().splitlines())
        for col, code in enumerate(line.split())
        if code != ".."
    }
    extra = [p for p in registry.provinces if p.code not in cells]
    cells.update({p.code: (i % SPLIT, 6 + i // SPLIT) for i, p in enumerate(extra)})
    return cells


def shade_bins(top: int) -> list[dict[str, Any]]:
    """Zero, then up to four equal ranges up to the largest count; darkest is always the top."""
    step = max(1, -(-top // 4))
    ranges = [(lo, min(lo + step - 1, top)) for lo in range(1, top + 1, step)]
    offset = len(SHADES) - 1 - len(ranges)
    bins = [{"lo": 0, "hi": 0, "label": "0", "bg": SHADES[0][0], "fg": SHADES[0][1]}]
    for i, (lo, hi) in enumerate(ranges):
        bg, fg = SHADES[1 + offset + i]
        bins.append({"lo": lo, "hi": hi, "label": f"{lo}–{hi}" if hi > lo else str(lo)})
        bins[-1].update(bg=bg, fg=fg)
    return bins


def coverage(registry: Registry) -> list[dict[str, Any]]:
    """Per province: which regencies and cities have a record, and which do not yet."""
    rows = []
    for p in registry.provinces:
        children = sorted(registry.children(p), key=lambda r: r.name)
        done = [c for c in children if c.code in registry.by_region]
        rows.append(
            {
                "province": p,
                "total": len(children),
                "done": [(c, len(registry.by_region[c.code])) for c in done],
                "missing": [c for c in children if c.code not in registry.by_region],
                "share": round(100 * len(done) / len(children)) if children else 0,
                "own": len(registry.by_region.get(p.code, ())),
            }
        )
    return rows


def schema_fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every field of the record schema, depth first, for the data page's reference table."""
    return _fields(schema, "", "")


def _fields(node: dict[str, Any], prefix: str, variant: str) -> list[dict[str, Any]]:
    rows = []
    required = set(node.get("required", ()))
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        rows.append(_field(path, prop, name in required, variant))
        items = prop.get("items", {})
        if "properties" in prop:
            rows += _fields(prop, path + ".", variant)
        for i, option in enumerate(items.get("oneOf", [items]), start=1):
            if "properties" in option:
                keys = " + ".join(option.get("required", ()))
                label = f"bentuk {i}, dengan {keys}" if "oneOf" in items else variant
                rows += _fields(option, path + "[].", label)
    return rows


def _field(path: str, prop: dict[str, Any], required: bool, variant: str) -> dict[str, Any]:
    """One row of the field table, constraints in words a reader of Indonesian can use."""
    items = prop.get("items", {})
    kind = TYPES.get(prop.get("type", ""), prop.get("type", ""))
    if prop.get("type") == "array":
        kind = f"daftar {TYPES.get(items.get('type', 'object'), '')}"
    rules = [text.format(prop[key]) for key, text in LIMITS.items() if key in prop]
    rules += [
        f"setiap butir {text.format(items[key])}" for key, text in LIMITS.items() if key in items
    ]
    return {
        "path": path,
        "type": kind,
        "required": required,
        "variant": variant,
        "allowed": prop.get("enum") or items.get("enum") or [],
        "pattern": prop.get("pattern") or items.get("pattern") or "",
        "rules": rules + (["tanpa butir ganda"] if prop.get("uniqueItems") else []),
        "description": prop.get("description", ""),
    }


TYPES = {"string": "teks", "integer": "bilangan bulat", "object": "objek", "array": "daftar"}
LIMITS = {
    "minLength": "min. {} karakter",
    "maxLength": "maks. {} karakter",
    "minimum": "min. {}",
    "maximum": "maks. {}",
    "minItems": "min. {} butir",
    "maxItems": "maks. {} butir",
}
