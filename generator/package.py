"""Downloads for newsrooms and reference managers, beside exports.py's JSON and CSV:
the codebook, the Frictionless Data Package, a JSON API per region and per election
(stable paths, as endoflife.date serves one file per product) and the registry's
citations in one file per format. Models and normalized records in, strings out; no I/O.
"""

from __future__ import annotations

import json
from typing import Any

import jinja2

from . import cite, messages
from .model import Registry

API_VERSION = 2  # raised when a field of the per-region or per-election files changes meaning
# Which codebook list explains which CSV column.
CODED = {
    ("events.csv", "region_level"): "region_level",
    ("events.csv", "date_precision"): "date_precision",
    ("events.csv", "event_types"): "event_types",
    ("events.csv", "presiding_status"): "official_status",
    ("events.csv", "presiding_acting"): "yes_no",
    ("events.csv", "joint"): "yes_no",
    ("events.csv", "presiding_roles"): "people_roles",
    ("events.csv", "leader_group"): "leader_group",
    ("events.csv", "election_phase"): "election_phase",
    ("events.csv", "reader_status"): "official_status",
    ("event-elections.csv", "phase"): "election_phase",
    ("events.csv", "people"): "people_roles",
    ("events.csv", "bodies"): "body_kinds",
    ("events.csv", "clauses_follow_template"): "yes_no",
    ("clauses.csv", "document"): "documents",
    ("clauses.csv", "wording"): "wording",
    ("clauses.csv", "differs"): "yes_no",
    ("clauses.csv", "comparison"): "comparison",
    ("clause-changes.csv", "change"): "change_kind",
    ("clause-changes.csv", "class"): "change_class",
    ("events.csv", "contests"): "contests",
    ("events.csv", "incumbent_candidate"): "yes_no",
}
# Table Schema types of the CSV columns; every other column is a string.
TYPES = {
    "participant_count": "integer",
    "clause_count": "integer",
    "index": "integer",
    "clause_index": "integer",
    "changes": "integer",
    "spelling_differences": "integer",
    "participating_count": "integer",
    "days_before_min": "integer",
    "days_before_max": "integer",
    "voting_date": "date",
    "changes_of_content": "integer",
    "date_start": "date",
    "date_end": "date",
    "updated": "date",
    "joint": "boolean",
    "presiding_acting": "boolean",
    "clauses_follow_template": "boolean",
    "differs": "boolean",
    "attendance_share": "number",
    "incumbent_candidate": "boolean",
}


def citation_files(env: jinja2.Environment) -> dict[str, str]:
    """Every event's citation in one file per format (data/kutip/registri.json|.bib|.ris),
    for a reference manager importing the whole registry. An event page carries its own
    citation in each format as a data: link, so 3 files per event (15,000 at 5,000
    events) are neither written nor copied by mkdocs."""
    cites = [env.globals["cites"][ident] for ident in sorted(env.globals["cites"])]
    items = [cite.csl_item(c) for c in cites]
    return {
        "data/kutip/registri.json": json.dumps(items, ensure_ascii=False, indent=1) + "\n",
        "data/kutip/registri.bib": "\n".join(cite.bibtex(c) for c in cites),
        "data/kutip/registri.ris": "".join(cite.ris(c) for c in cites),
    }


def codebook_rows(env: jinja2.Environment, registry: Registry) -> list[list[str]]:
    """One row per code: file, column, code, Indonesian label, English label. Election
    ids come from the reference list (an election's name is its name in both); the other
    codes from the catalogues' `codes` labels, the same keys in both languages."""
    labels, english = messages.section("codes"), messages.section("codes", "en")
    rows = [
        [file, column, code, label, english[group][code]]
        for (file, column), group in CODED.items()
        for code, label in labels[group].items()
    ]
    rows += [["events.csv", "elections", x.id, x.name, x.name] for x in registry.elections.values()]
    return rows


def datapackage(
    env: jinja2.Environment, columns: dict[str, list[str]], site: dict[str, str], updated: str
) -> dict[str, Any]:
    """A Frictionless Data Package describing every CSV with a Table Schema."""
    docs = messages.section("columns")
    resources = [
        {
            "name": name.removesuffix(".csv").replace("_", "-"),
            "path": name,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "profile": "tabular-data-resource",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
            "schema": {
                "fields": [_field(c, docs.get(c, "")) for c in names],
                "missingValues": [""],
                **({"primaryKey": ["id"]} if name == "events.csv" else {}),
            },
        }
        for name, names in columns.items()
    ]
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "registri-ikrar-netralitas-asn",
        "title": messages.section("site")["name"],
        "description": messages.section("site")["package_description"],
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],
        "resources": resources,
    }
    if site.get("url"):
        package["homepage"] = f"{site['url']}data/"
    if updated:
        package["version"] = updated
    return package


def _field(name: str, description: str) -> dict[str, Any]:
    kind = TYPES.get(name, "string")
    field: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if kind == "boolean":
        field.update(trueValues=["yes"], falseValues=["no"])
    return field


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """An event in the per-region and per-election files: enough to list and sort it;
    the full record is one request away (`json`)."""
    presiding = record["presiding"] or {}
    return {
        "id": record["id"],
        "url": record["url"],
        "json": f"peristiwa/{record['id']}.json",
        "region": record["region"]["code"],
        "region_name": record["region"]["name"],
        "joint": record["joint"],
        "date": record["date"],
        "elections": [x["id"] for x in record["elections"]],
        "days_before": {
            x["id"]: x["days_before"] and {**x["days_before"], "phase": x["phase"]}
            for x in record["elections"]
        },
        "event_types": record["event_types"],
        "presiding": {k: presiding.get(k) for k in ("name", "office", "status")} or None,
        "participant_count": record["participants"]["count"],
        "updated": record["updated"],
    }


def api_files(registry: Registry, records: dict[str, dict], to_json: Any) -> dict[str, str]:
    """data/wilayah/<slug>.json for every region and data/pemilu/<id>.json for every
    election: the events, newest first (latest possible day), undated last."""
    brief = {ident: summary(r) for ident, r in records.items()}
    out = {}
    for region in registry.regions.values():
        index = registry.by_province if region.is_province else registry.by_region
        events = index.get(region.code, ())
        out[f"data/wilayah/{region.slug}.json"] = to_json(
            {
                "schema_version": API_VERSION,
                "region": {
                    "code": region.code,
                    "name": region.name,
                    "level": region.level,
                    "slug": region.slug,
                    "province": region.province_code,
                },
                "updated": registry.updated(events) or None,
                "count": len(events),
                "events": [brief[e.id] for e in events],
            },
            None,
        )
    for x in registry.elections.values():
        events = registry.by_election.get(x.id, ())
        out[f"data/pemilu/{x.id}.json"] = to_json(
            {
                "schema_version": API_VERSION,
                "election": {
                    "id": x.id,
                    "name": x.name,
                    "kind": x.kind,
                    "voting_date": x.voting_date.isoformat(),
                },
                "updated": registry.updated(events) or None,
                "count": len(events),
                "events": [brief[e.id] for e in events],
            },
            None,
        )
    return out
