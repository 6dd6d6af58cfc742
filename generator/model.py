"""Validated values -> frozen dataclasses and the indexes pages need. No I/O.

Templates see only these types, never raw dicts, so a template cannot read a
field the schema does not define, and every derived fact (sort key, year,
whether an official was acting) is computed once, here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from . import refdata
from .history import Change, History, Version
from .parts import (  # noqa: F401  (re-exported: templates, claims and exports use them)
    ACTING,
    ROLES,
    Body,
    Clause,
    Distinct,
    EventDate,
    LegalRef,
    ParticipantGroup,
    Person,
    Source,
)
from .refdata import (
    ClauseSet,
    Election,
    LegalBasis,
    Region,
    Wording,
)
from .textdiff import Comparer, wording_from
from .validate import Checked, Record


@dataclass(frozen=True)
class Event:
    id: str
    file: str
    region: Region
    province: Region
    date: EventDate
    elections: tuple[Election, ...]
    event_types: tuple[str, ...]
    people: tuple[Person, ...]
    participant_count: int | None
    participant_description: str
    clauses: tuple[Clause, ...]
    legal_basis: tuple[LegalRef, ...]
    sources: tuple[Source, ...]
    notes: str
    updated: str
    participating: tuple[Region, ...] = ()
    organizer: str = ""
    venue: str = ""
    bodies: tuple[Body, ...] = ()
    elections_note: str = ""
    # Shape 2.1 (registry/SCHEMA-VERSIONS.md): the event's own name, co-organisers,
    # pilkada contests, participant groups and attendance, the other event of the day.
    name: str = ""
    co_organizers: tuple[str, ...] = ()
    contests: tuple[str, ...] = ()
    participant_groups: tuple[ParticipantGroup, ...] = ()
    attendance_share: float | int | None = None
    distinct_from: Distinct | None = None
    # From git (history.py): every change, newest first, and the version last committed.
    history: tuple[Change, ...] = ()
    version: Version | None = None

    @property
    def joint(self) -> bool:
        """A joint event: other regions' governments took part beside the host."""
        return bool(self.participating)

    @property
    def regions(self) -> tuple[Region, ...]:
        """Every region the event concerns: the host first, then those that took part."""
        return (self.region, *self.participating)

    def documents(self, kind: str) -> tuple[Clause, ...]:
        """The clauses of one text: ikrar, pakta-integritas or deklarasi."""
        return tuple(c for c in self.clauses if c.document == kind)

    @cached_property
    def compared(self) -> tuple[Clause, ...]:
        """Clauses quoted verbatim and compared with a template, word by word."""
        return tuple(c for c in self.clauses if c.comparison is not None)

    @cached_property
    def templated(self) -> int:
        """How many clauses name a template (compared or paraphrased)."""
        return sum(1 for c in self.clauses if c.template is not None)

    @cached_property
    def paraphrased(self) -> int:
        """How many clauses paraphrase a template: shown, never counted as changes."""
        return sum(1 for c in self.clauses if c.kind == "paraphrase")


@dataclass(frozen=True)
class Registry:
    """The whole registry, with the indexes every page type needs, all sorted."""

    regions: dict[str, Region]
    elections: dict[str, Election]
    legal_bases: dict[str, LegalBasis]
    clause_sets: tuple[ClauseSet, ...]
    events: tuple[Event, ...]
    by_region: dict[str, tuple[Event, ...]] = field(repr=False)
    by_province: dict[str, tuple[Event, ...]] = field(repr=False)
    by_election: dict[str, tuple[Event, ...]] = field(repr=False)
    by_legal_basis: dict[str, tuple[Event, ...]] = field(repr=False)
    regions_updated: str = ""
    # The record schema, for the data page that documents every field from it.
    schema: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Normalisation rules and spellings (wording.yml) and slots, for the methodology.
    wording: Wording = field(default_factory=Wording, repr=False, compare=False)
    slots: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def provinces(self) -> list[Region]:
        return [r for r in self.regions.values() if r.is_province]

    @property
    def regencies(self) -> list[Region]:
        """Every regency and city, in code order."""
        return [r for r in self.regions.values() if not r.is_province]

    @cached_property
    def children_of(self) -> dict[str, list[Region]]:
        """children() of every province, by its code: data for templates, which call
        no methods (MiniJinja, which may render them one day, has none)."""
        out: dict[str, list[Region]] = {p.code: [] for p in self.provinces}
        for r in self.regencies:
            out.setdefault(r.province_code, []).append(r)
        return out

    @cached_property
    def updated_all(self) -> str:
        """updated() of the whole registry, as data for the templates (no method calls)."""
        return self.updated(self.events)

    def updated(self, events: tuple[Event, ...]) -> str:
        """When a page listing these events last changed: its newest record, or the regions."""
        return max([e.updated for e in events] + [self.regions_updated])

    def children(self, province: Region) -> list[Region]:
        """Regencies and cities of a province, in code order."""
        return [
            r
            for r in self.regions.values()
            if not r.is_province and r.province_code == province.code
        ]


def build(
    checked: Checked, dates: dict[str, str] | None = None, history: History | None = None
) -> Registry:
    """Turn validated data into the model; events sorted newest first, then by id.

    `dates` maps file names to their last commit date (from git), if known;
    `history` gives each record its changes and version (history.py).
    """
    dates = history.dates if history and dates is None else dates or {}
    ref = checked.reference
    regions = {code: refdata.region(row) for code, row in sorted(ref.regions.items())}
    elections = {
        k: refdata.election(v)
        for k, v in sorted(ref.elections.items(), key=lambda kv: kv[1]["voting_date"])
    }
    bases = {k: refdata.legal_basis(v) for k, v in sorted(ref.legal_bases.items())}
    comparer = Comparer(wording_from(ref.wording, ref.clause_slots))
    slots = comparer.wording.slots
    sets = tuple(refdata.clause_set(s, slots) for s in ref.clause_sets)
    templates = {c.id: c for s in sets for c in s.clauses}
    events = [
        _event(r, regions, elections, bases, templates, dates.get(r.path.name, ""), comparer)
        for r in checked.records
    ]
    if history:
        events = [_with_history(e, history) for e in events]
    events.sort(key=lambda e: e.id)
    events.sort(key=lambda e: e.date.sort_key or "0000", reverse=True)
    return Registry(
        regions=regions,
        elections=elections,
        legal_bases=bases,
        clause_sets=sets,
        events=tuple(events),
        by_region=_index(events, lambda e: [r.code for r in e.regions]),
        by_province=_index(events, lambda e: sorted({r.province_code for r in e.regions})),
        by_election=_index(events, lambda e: [x.id for x in e.elections]),
        by_legal_basis=_index(
            events, lambda e: sorted({r.instrument.id for r in e.legal_basis if r.instrument})
        ),
        regions_updated=dates.get("regions.csv", ""),
        schema=checked.reference.schema,
        wording=refdata.wording(ref.wording),
        slots=slots,
    )


def _with_history(event: Event, history: History) -> Event:
    changes = history.records.get(event.file, ())
    return replace(event, history=changes, version=history.versions.get(event.file))


def _index(events: list[Event], keys: Any) -> dict[str, tuple[Event, ...]]:
    out: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for key in keys(event):
            out[key].append(event)
    return {k: tuple(v) for k, v in sorted(out.items())}


def _clause(i: int, c: dict[str, Any], templates: dict, comparer: Comparer) -> Clause:
    template = templates.get(c.get("template", ""))
    compared = template is not None and c["wording"] == "verbatim"
    return Clause(
        i + 1,
        c["text"],
        template,
        c["wording"],
        c.get("document", "ikrar"),
        comparer.compare(template.text, c["text"]) if compared else None,
    )


def _event(
    record: Record,
    regions: dict,
    elections: dict,
    bases: dict,
    templates: dict,
    updated: str,
    comparer: Comparer,
) -> Event:
    v = record.value
    region = regions[v["region"]]
    people = v.get("participants", {})
    return Event(
        id=v["id"],
        file=record.path.name,
        region=region,
        province=regions[region.province_code],
        date=EventDate(
            v["date"]["precision"], v["date"].get("value", ""), v["date"].get("note", "")
        ),
        elections=tuple(
            sorted((elections[e] for e in v["elections"]), key=lambda e: e.voting_date)
        ),
        event_types=tuple(v["event_types"]),
        people=tuple(_person(p, regions, elections) for p in v.get("people", [])),
        participant_count=people.get("count"),
        participant_description=people.get("description", ""),
        clauses=tuple(
            _clause(i, c, templates, comparer) for i, c in enumerate(v.get("clauses", []))
        ),
        legal_basis=tuple(_legal_ref(item, bases) for item in v.get("legal_basis", [])),
        sources=tuple(_source(s) for s in v["sources"]),
        notes=v.get("notes", ""),
        updated=updated,
        participating=participating_regions(v, regions),
        organizer=v.get("organizer", ""),
        venue=v.get("venue", ""),
        bodies=tuple(
            Body(b["kind"], b.get("name", ""), tuple(b.get("roles", ())), b.get("note", ""))
            for b in v.get("bodies", [])
        ),
        elections_note=v.get("elections_note", ""),
        **_shape21(v),
    )


def _shape21(v: dict[str, Any]) -> dict[str, Any]:
    """The event-level keys record shape 2.1 added, as Event fields."""
    people = v.get("participants", {})
    other = v.get("distinct_from")
    return {
        "name": v.get("name", ""),
        "co_organizers": tuple(v.get("co_organizers", ())),
        "contests": tuple(v.get("contests", ())),
        "participant_groups": tuple(
            ParticipantGroup(g["description"], g.get("count")) for g in people.get("groups", ())
        ),
        "attendance_share": people.get("attendance_share"),
        "distinct_from": Distinct(other["id"], other["note"]) if other else None,
    }


def participating_regions(v: dict[str, Any], regions: dict[str, Region]) -> tuple[Region, ...]:
    """The regions that took part beside the host, "33.*" expanded to the province's
    regencies and cities, in code order, each once, never the host."""
    codes: set[str] = set()
    for code in v.get("participating_regions", []):
        if code.endswith(".*"):
            province = code[:2]
            codes |= {c for c, r in regions.items() if r.province_code == province}
            codes.discard(province)
        else:
            codes.add(code)
    codes.discard(v["region"])
    return tuple(regions[c] for c in sorted(codes) if c in regions)


def _person(p: dict[str, Any], regions: dict[str, Region], elections: dict) -> Person:
    return Person(
        roles=tuple(p["roles"]),
        name=p.get("name", ""),
        office=p.get("office", ""),
        title=p.get("title", ""),
        status=p.get("status", ""),
        region=regions.get(p.get("region", "")),
        other_names=tuple(p.get("other_names", ())),
        note=p.get("note", ""),
        group=p.get("group", ""),
        count=p.get("count"),
        on_behalf_of=p.get("on_behalf_of", ""),
        nicknames=tuple(p.get("nicknames", ())),
        candidate=tuple(
            sorted((elections[e] for e in p.get("candidate", ())), key=lambda e: e.voting_date)
        ),
    )


def _legal_ref(item: dict[str, Any], bases: dict) -> LegalRef:
    return LegalRef(
        bases.get(item.get("instrument", "")),
        item.get("type", ""),
        item.get("issuer", ""),
        item.get("number", ""),
        item.get("date", ""),
        item.get("title", ""),
        item.get("note", ""),
        item.get("article", ""),
    )


def _source(s: dict[str, Any]) -> Source:
    return Source(
        s["url"],
        s["publisher"],
        s["title"],
        s.get("published", ""),
        s.get("accessed", ""),
        s.get("archive_url", ""),
        tuple(s.get("supports", ())),
        s.get("read", ""),
    )
