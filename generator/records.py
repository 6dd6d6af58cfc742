"""Events as normalized records: the one dict per event that events.json, the per-event
JSON, the CSV rows and the JSON API are all made from. Codes are resolved to names,
optional values are null, and every derived value (who presided, H-n per election,
the clause text state, change classes) comes from claims.py, the values pages print.
Split from exports.py so each module stays small; no I/O.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict
from datetime import date
from typing import Any

from .claims import ElectionTiming, EventClaims
from .fielddiff import DateValue
from .filters import days_label
from .history import Change, Version
from .model import Body, Clause, Event, LegalRef, Person, Region
from .textdiff import EDGES


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
    people = {
        "count": e.participant_count,
        "description": e.participant_description,
        "groups": [{"description": g.description, "count": g.count} for g in e.participant_groups],
        "attendance_share": e.attendance_share,
    }
    person = _person_of(c)
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
        "name": e.name or None,
        "organizer": e.organizer or None,
        "co_organizers": list(e.co_organizers),
        "venue": e.venue or None,
        "date": {
            **_nulls(asdict(e.date)),
            "start": _iso(e.date.earliest),
            "end": _iso(e.date.latest),
        },
        "elections": [_election(t) for t in c.timings],
        "event_types": list(e.event_types),
        "contests": list(e.contests),
        "people": [person(p) for p in e.people],
        "presiding": c.presiding and person(c.presiding),
        "presiding_body": c.presiding_body and _body(c.presiding_body),
        "leader_group": c.leader_group,
        "readers": [person(p) for p in c.readers],
        "incumbent_candidate": bool(c.incumbent_candidates),
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
        "distinct_from": asdict(e.distinct_from) if e.distinct_from else None,
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


def _person_of(c: EventClaims) -> Any:
    """_person for the people of one event, each marked when an incumbent candidate."""
    return lambda p: _person(p, c.incumbent(p))


def _person(p: Person, incumbent: bool = False) -> dict[str, Any]:
    """A person or group at the event; a person's region only when it is not the host.
    `candidate` lists election ids; `incumbent_candidate` is claims.incumbent_candidates."""
    # Field by field, not asdict(): that deep-copies the region, replaced here anyway.
    out = _nulls({f.name: getattr(p, f.name) for f in dataclasses.fields(p)})
    out["region"] = _place(p.region) if p.region else None
    if p.is_group:
        return {k: out[k] for k in ("roles", "group", "count", "region", "note")}
    out.pop("group")
    out.pop("count")
    out["candidate"] = [x.id for x in p.candidate]
    return {**out, "acting": p.acting, "incumbent_candidate": incumbent}


def _version(v: Version | None) -> dict[str, str] | None:
    """The version a citation names: short commit, date, and the file at that commit."""
    return v and {"commit": v.short, "commit_full": v.commit, "date": v.date, "path": v.path}


def _change(c: Change) -> dict[str, Any]:
    """One entry of a record's history (newest first), its class and field changes."""
    return {
        **_version(c.version),
        "class": c.kind,
        "why": c.why or None,
        "why_en": c.why_en or None,
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
            "article": ref.article,
        }
    )
