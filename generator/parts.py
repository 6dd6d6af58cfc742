"""The parts of an event: its date, people, bodies, clauses, legal references and
sources, as frozen dataclasses. Split from model.py so each module stays small; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from . import dates
from .offices import OTHER_OFFICE
from .refdata import ClauseTemplate, Election, LegalBasis, Region
from .textdiff import Comparison

ACTING = ("pj", "pjs", "plt", "plh")


@dataclass(frozen=True)
class EventDate:
    precision: str
    value: str
    note: str

    @property
    def year(self) -> int | None:
        return int(self.value[:4]) if self.value else None

    @property
    def earliest(self) -> date | None:
        """First possible day (dates.py: the bounds rule); None when open or unknown."""
        return dates.earliest(self.value, self.precision)

    @property
    def latest(self) -> date | None:
        """Last possible day; None when unknown."""
        return dates.latest(self.value, self.precision)

    @property
    def sort_key(self) -> str:
        """The latest possible day as ISO text, "" when undated: every table, feed and
        search sort orders by it and puts undated events last in either direction."""
        last = self.latest
        return last.isoformat() if last else ""


ROLES = ("presiding", "reading", "signing", "speaking", "witnessing", "declaring", "attending")


# A status the source's title already states (not "Kepala Pelaksana BPBD", an office).
STATUS_IN_TITLE = re.compile(r"\b(?:Pjs?|Plt|Plh|Penjabat|Pelaksana (?:Tugas|Harian))\b", re.I)


@dataclass(frozen=True)
class Person:
    """One official at the event (name only if a source gives it), or a group (`group` set)."""

    roles: tuple[str, ...]
    name: str
    office: str
    title: str
    status: str
    region: Region | None
    other_names: tuple[str, ...]
    note: str
    group: str = ""
    count: int | None = None
    # Shape 2.1: who they acted for, nicknames (not spellings), elections they stood in.
    on_behalf_of: str = ""
    nicknames: tuple[str, ...] = ()
    candidate: tuple[Election, ...] = ()

    @property
    def acting(self) -> bool:
        return self.status in ACTING

    @property
    def is_group(self) -> bool:
        return bool(self.group)

    @property
    def office_words(self) -> str:
        """The office as a sentence or a table names it: the office from the list, except
        "Lainnya", the list's "other", which no one holds: then the source's own title
        ("dipimpin Kepala Biro Humas …"), or nothing when the record gives none."""
        return self.title if self.office == OTHER_OFFICE else self.office

    @property
    def office_title(self) -> str:
        """The office as a sentence names its holder: the source's own title when the
        record gives one ("Kadispora Provinsi Kalimantan Timur" says which "Kepala Dinas"
        led), else office_words."""
        return self.title or self.office_words

    @property
    def status_before_office(self) -> bool:
        """Whether a sentence puts the status before the office ("Pj Bupati"): not for a
        definitif official, nor when the title says it already ("Pelaksana Tugas (Plt)
        Kepala Dinas …" would read "Plt Pelaksana Tugas (Plt) …")."""
        return self.status != "definitif" and not STATUS_IN_TITLE.search(self.title)


@dataclass(frozen=True)
class Body:
    """Another body at the event: KPU, Bawaslu, TNI, Polri and the like."""

    kind: str
    name: str
    roles: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Clause:
    position: int
    text: str
    template: ClauseTemplate | None
    wording: str
    document: str = "ikrar"
    # Classified difference from the template; None for a paraphrase or no template.
    comparison: Comparison | None = None

    @cached_property
    def kind(self) -> str:
        """none (no template), paraphrase, or the comparison's state: same, spelling, changed."""
        if self.template is None:
            return "none"
        if self.comparison is None:
            return "paraphrase"
        return self.comparison.state


@dataclass(frozen=True)
class LegalRef:
    """Either a national instrument from the reference list, or one described in place."""

    instrument: LegalBasis | None
    type: str
    issuer: str
    number: str
    date: str
    title: str
    note: str
    article: str = ""  # shape 2.1: "Pasal 2 huruf f"


@dataclass(frozen=True)
class Source:
    url: str
    publisher: str
    title: str
    published: str
    accessed: str
    archive_url: str
    supports: tuple[str, ...]
    # full or partial (the contributor could read only part of it); "" when not said.
    read: str = ""


@dataclass(frozen=True)
class ParticipantGroup:
    """A group of participants with its own number, as the source lists it (shape 2.1)."""

    description: str
    count: int | None = None


@dataclass(frozen=True)
class Distinct:
    """The other event of the same region and day, and why the two differ (shape 2.1)."""

    id: str
    note: str
