"""Every statement the site derives from a record, computed once (issue #23).

The records are facts as sources give them; what the site *says* about them
(who led, how many days before which vote, how many other regions took part,
whether the pledge text is known, what kind of change a wording is) is derived.
A wrong derived sentence about a named official is as bad as a wrong record, so
each one is computed here, named for what it is, and never guessed: nobody is
said to have led an event unless their recorded roles include presiding, and an
H-n always belongs to one named election. Pages, search metadata, feeds,
statistics and downloads print these values; templates do no arithmetic,
fallbacks or counting of their own. Sits between model and render; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from . import changes as changeclass
from .dates import days_before
from .model import Body, Clause, Election, Event, Person, Registry

# Offices whose holder heads the regional government (an acting head keeps the office
# and says so in status): the people a story about Pj heads asks for.
HEAD_OFFICES = frozenset({"Gubernur", "Bupati", "Wali Kota"})
# Offices whose holder stands as an incumbent (petahana) when a candidate: the head of
# the region and the deputy, whatever their status (a Plt head is the elected deputy).
INCUMBENT_OFFICES = HEAD_OFFICES | {"Wakil Gubernur", "Wakil Bupati", "Wakil Wali Kota"}
# Who presided, grouped by office, in the order the statistics page lists them.
LEADER_GROUPS = ("kepala-daerah", "sekretaris-daerah", "lainnya", "tidak-dicatat")
# Event types whose text a source may quote, and the document that text belongs to.
TYPE_DOCUMENT = {"ikrar": "ikrar", "pakta-integritas": "pakta-integritas", "deklarasi": "deklarasi"}


@dataclass(frozen=True)
class ElectionTiming:
    """An event's distance to one election's voting day, read for people.

    `fewest` comes from the latest possible day, `most` from the earliest (dates.py);
    either is None when open or unknown; negative means after voting day. `phase` is
    before, day (on voting day), after, spans (a range across voting day) or unknown.
    """

    election: Election
    fewest: int | None
    most: int | None

    @property
    def known(self) -> bool:
        return self.fewest is not None or self.most is not None

    @property
    def exact(self) -> bool:
        return self.fewest is not None and self.fewest == self.most

    @cached_property
    def phase(self) -> str:
        lo, hi = self.fewest, self.most
        if lo is None:
            return "unknown"
        if hi is None:  # reported: on or before a day
            return "before" if lo >= 0 else "spans"
        if lo > 0:
            return "before"
        if lo == 0:
            return "day" if hi == 0 else "before"
        return "after" if hi < 0 else "spans"

    @property
    def before(self) -> bool:
        """Wholly before voting day (or on it): only then is an event "menjelang" it."""
        return self.phase in ("before", "day")

    @cached_property
    def days(self) -> int | None:
        """One number to sort by: the fewest days (the latest possible day) when known."""
        return self.fewest if self.fewest is not None else self.most


@dataclass(frozen=True)
class Named:
    """One official or group shown in a table cell, with what the record says they did."""

    person: Person
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Missing:
    """A document the event's types promise and no clause quotes, and why it is absent:
    partial (a source was read only in part), not_quoted (every source was read in full
    and none quotes it) or not_recorded (the record says no more)."""

    document: str
    state: str


@dataclass(frozen=True)
class EventClaims:
    """What the site says about one event; every field is a statement a page prints."""

    presiding: Person | None
    presiding_body: Body | None
    presiding_group: Person | None
    leader_group: str
    readers: tuple[Person, ...]
    shown: tuple[Named, ...]
    timings: tuple[ElectionTiming, ...]
    others: int
    documents: tuple[str, ...]
    missing: tuple[Missing, ...]
    clause_state: str
    changes: tuple[changeclass.Change, ...]
    # Substantive changes of each clause, and its class (clause_kind), in clause order.
    per_clause: tuple[int, ...] = ()
    clause_kinds: tuple[str, ...] = ()
    # Regional heads or deputies standing in an election of this event (calon petahana).
    incumbent_candidates: tuple[Person, ...] = ()
    # Why no legal basis is recorded ("" when one is): see legal_gap.
    legal_gap: str = ""
    # Why no official is named ("" when one is): see people_gap.
    people_gap: str = ""

    def incumbent(self, person: Person) -> bool:
        """Whether this person of the event is an incumbent candidate (by identity)."""
        return any(person is p for p in self.incumbent_candidates)

    @cached_property
    def timing_by_election(self) -> dict[str, ElectionTiming]:
        return {t.election.id: t for t in self.timings}

    @cached_property
    def known_timings(self) -> tuple[ElectionTiming, ...]:
        return tuple(t for t in self.timings if t.known)

    @cached_property
    def ahead(self) -> tuple[Election, ...]:
        """Elections the event was wholly before: the only ones it is "menjelang"."""
        return tuple(t.election for t in self.timings if t.before)

    @cached_property
    def afterwards(self) -> tuple[Election, ...]:
        """Elections whose voting day had passed: the event was after them."""
        return tuple(t.election for t in self.timings if t.phase == "after")

    @cached_property
    def unplaced(self) -> tuple[Election, ...]:
        """Elections the event cannot be placed before or after (unknown or wide dates)."""
        return tuple(t.election for t in self.timings if not t.before and t.phase != "after")

    @cached_property
    def sort_days(self) -> int | None:
        """The H-n a general table sorts by: the first election the event was before,
        else the first with a known distance."""
        ahead = [t for t in self.timings if t.before]
        known = ahead or list(self.known_timings)
        return known[0].days if known else None

    @cached_property
    def substantive(self) -> tuple[changeclass.Change, ...]:
        return tuple(c for c in self.changes if c.klass == "isi")

    @cached_property
    def presiding_head(self) -> Person | None:
        """The presiding official when they head the regional government (kepala daerah)."""
        p = self.presiding
        return p if p is not None and p.office in HEAD_OFFICES else None

    @cached_property
    def follows_template(self) -> bool:
        """Every clause with a template is quoted verbatim and has no substantive change;
        order, probable typos and synonyms are shown but are not changes of content."""
        return self.clause_state == "follows"


def leader_group(presiding: Person | None, other: bool) -> str:
    if presiding is not None:
        if presiding.office in HEAD_OFFICES:
            return "kepala-daerah"
        if presiding.office == "Sekretaris Daerah":
            return "sekretaris-daerah"
        return "lainnya"
    return "lainnya" if other else "tidak-dicatat"


def shown_people(
    event: Event,
    presiding: Person | None,
    readers: tuple[Person, ...],
    incumbents: tuple[Person, ...] = (),
) -> tuple[Named, ...]:
    """Who a table cell names: whoever presided, then whoever read the pledge, then any
    incumbent candidate (with a badge); when the record has none of them, its first
    named official. Each with their own recorded roles, so a cell never turns an
    attendee into a leader."""
    picked: list[Person] = [p for p in (presiding, *readers, *incumbents) if p is not None]
    if not picked:
        first = next((p for p in event.people if not p.is_group), None)
        picked = [first] if first else []
    out: list[Named] = []
    for p in picked:
        if all(p is not n.person for n in out):
            out.append(Named(p, p.roles))
    return tuple(out)


def incumbent_candidates(event: Event) -> tuple[Person, ...]:
    """People at the event who hold a regional head's or deputy's office and, by the
    record (`candidate`), stand in an election the event concerns: calon petahana. A
    candidate in another election, or an official of another office, is not one."""
    ids = {x.id for x in event.elections}
    return tuple(
        p
        for p in event.people
        if not p.is_group
        and p.office in INCUMBENT_OFFICES
        and any(x.id in ids for x in p.candidate)
    )


def timings(event: Event) -> tuple[ElectionTiming, ...]:
    """Distance to every election of the event, in voting order."""
    d = event.date
    return tuple(
        ElectionTiming(x, *days_before(x.voting_date, d.value, d.precision))
        for x in event.elections
    )


def missing_documents(event: Event) -> tuple[Missing, ...]:
    """Documents the event's types promise but no clause quotes, each with why."""
    present = {c.document for c in event.clauses}
    wanted = [TYPE_DOCUMENT[t] for t in event.event_types if t in TYPE_DOCUMENT]
    if not wanted and not event.clauses:
        wanted = ["ikrar"]
    state = unrecorded_because(event)
    return tuple(Missing(d, state) for d in dict.fromkeys(wanted) if d not in present)


def unrecorded_because(event: Event) -> str:
    """Why something is absent from a record, as far as its sources' reading tells:
    partial (a source was read only in part, so it may be in the unread part),
    not_quoted (every source was read in full: it is not there), or not_recorded
    (nobody said how far the sources were read, so the page only says it is not here)."""
    if any(s.read == "partial" for s in event.sources):
        return "partial"
    if event.sources and all(s.read == "full" for s in event.sources):
        return "not_quoted"
    return "not_recorded"


def people_gap(event: Event) -> str:
    """ "" when the record names an official; else why none is (see unrecorded_because):
    "the source names no official" only after a full read."""
    named = any(not p.is_group for p in event.people)
    return "" if named else unrecorded_because(event)


def legal_gap(event: Event) -> str:
    """ "" when the record names a legal basis; else why none is recorded (see
    unrecorded_because): a page may say "the source names none" only after a full read."""
    return "" if event.legal_basis else unrecorded_because(event)


def clause_state(event: Event, changes: tuple[changeclass.Change, ...]) -> str:
    """One word for the clause column: none (no text recorded), untemplated, follows,
    paraphrase (every templated clause is a paraphrase) or changed."""
    clauses = event.clauses
    if not clauses:
        return "none"
    templated = [c for c in clauses if c.template is not None]
    if not templated:
        return "untemplated"
    if any(c.klass == "isi" for c in changes):
        return "changed"
    if all(c.kind == "paraphrase" for c in templated):
        return "paraphrase"
    if all(c.kind != "paraphrase" for c in templated):
        return "follows"
    return "partly-paraphrase"


def derive(event: Event, synonyms: changeclass.Synonyms) -> EventClaims:
    """Every derived statement about one event."""
    persons = [p for p in event.people if not p.is_group]
    presiding = next((p for p in persons if "presiding" in p.roles), None)
    group = next((p for p in event.people if p.is_group and "presiding" in p.roles), None)
    body = next((b for b in event.bodies if "presiding" in b.roles), None)
    readers = tuple(p for p in event.people if "reading" in p.roles and p is not presiding)
    incumbents = incumbent_candidates(event)
    found = changeclass.classify(event.clauses, synonyms)
    counts = [
        sum(1 for ch in found if ch.clause is cl and ch.klass == "isi") for cl in event.clauses
    ]
    return EventClaims(
        presiding=presiding,
        presiding_body=body if presiding is None else None,
        presiding_group=group if presiding is None else None,
        leader_group=leader_group(presiding, bool(group or body)),
        readers=readers,
        shown=shown_people(event, presiding, readers, incumbents),
        timings=timings(event),
        others=len(event.participating),
        documents=tuple(dict.fromkeys(c.document for c in event.clauses)),
        missing=missing_documents(event),
        clause_state=clause_state(event, found),
        changes=found,
        per_clause=tuple(counts),
        clause_kinds=tuple(
            clause_kind(cl, n, found) for cl, n in zip(event.clauses, counts, strict=True)
        ),
        incumbent_candidates=incumbents,
        legal_gap=legal_gap(event),
        people_gap=people_gap(event),
    )


def clause_kind(clause: Clause, substantive: int, found: tuple[changeclass.Change, ...]) -> str:
    """none (no template), paraphrase, changed (a change of content), minor (only
    order, probable typos or synonyms), spelling (spelling only) or same."""
    if clause.kind in ("none", "paraphrase"):
        return clause.kind
    if substantive:
        return "changed"
    if any(ch.clause is clause for ch in found):
        return "minor"
    return "spelling" if clause.comparison.spelling else "same"


def derive_all(registry: Registry) -> dict[str, EventClaims]:
    """Claims of every event, by id; computed once per build."""
    synonyms = changeclass.synonyms_from(registry.wording.synonyms)
    return {e.id: derive(e, synonyms) for e in registry.events}
