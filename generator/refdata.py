"""Reference data -> frozen dataclasses: regions, elections, legal bases, clause
templates and the wording rules. Split from model.py, which builds events on them;
like it, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Region:
    code: str
    level: str
    name: str
    province_code: str
    slug: str
    aliases: tuple[str, ...]

    @property
    def is_province(self) -> bool:
        return self.level == "provinsi"


@dataclass(frozen=True)
class Election:
    id: str
    name: str
    kind: str
    voting_date: date
    description: str
    source: str

    @property
    def voting_date_iso(self) -> str:
        """'2024-11-27': the sort key a table cell carries (templates call no methods)."""
        return self.voting_date.isoformat()


@dataclass(frozen=True)
class LegalBasis:
    id: str
    kind: str
    short: str
    numbers: tuple[str, ...]
    year: int
    date: date | None
    issuer: str
    title: str
    status: str
    replaced_by: str
    url: str
    note: str

    @property
    def date_iso(self) -> str:
        """'2023-02-21', or "" without a day: the sort key a table cell carries."""
        return self.date.isoformat() if self.date else ""


@dataclass(frozen=True)
class ClauseTemplate:
    id: str
    set_id: str
    position: int
    text: str
    # The text split at its {slot} marks: (words, "") or ("", slot name), for display.
    parts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ClauseSet:
    id: str
    name: str
    description: str
    source: str
    clauses: tuple[ClauseTemplate, ...]


@dataclass(frozen=True)
class WordingRule:
    """A normalisation rule of wording.yml, for the methodology table."""

    id: str
    name: str
    description: str
    shown: bool
    source: str


@dataclass(frozen=True)
class Spelling:
    """A standard spelling and the variants compared as equal to it (wording.yml)."""

    standard: str
    variants: tuple[str, ...]
    kind: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Synonym:
    """Words a template clause may be sworn with in place of one another (wording.yml):
    shown as a change of class sinonim, never counted as a change of content."""

    words: tuple[str, ...]
    source: str
    note: str = ""


@dataclass(frozen=True)
class Wording:
    rules: tuple[WordingRule, ...] = ()
    spellings: tuple[Spelling, ...] = ()
    synonyms: tuple[Synonym, ...] = ()


def region(row: dict[str, str]) -> Region:
    aliases = tuple(a for a in row["aliases"].split(";") if a)
    return Region(
        row["code"], row["level"], row["name"], row["province_code"], row["slug"], aliases
    )


def election(v: dict[str, Any]) -> Election:
    return Election(
        v["id"],
        v["name"],
        v["kind"],
        date.fromisoformat(v["voting_date"]),
        v.get("description", ""),
        v["source"],
    )


def legal_basis(v: dict[str, Any]) -> LegalBasis:
    numbers = tuple(v.get("numbers", ())) or ((v["number"],) if "number" in v else ())
    return LegalBasis(
        v["id"],
        v["kind"],
        v["short"],
        numbers,
        v["year"],
        date.fromisoformat(v["date"]) if "date" in v else None,
        v["issuer"],
        v["title"],
        v.get("status", ""),
        v.get("replaced_by", ""),
        v["url"],
        v.get("note", ""),
    )


def clause_set(v: dict[str, Any], slots: dict[str, Any]) -> ClauseSet:
    clauses = tuple(
        ClauseTemplate(c["id"], v["id"], i + 1, c["text"], _parts(c["text"], slots))
        for i, c in enumerate(v["clauses"])
    )
    return ClauseSet(v["id"], v["name"], v.get("description", ""), v["source"], clauses)


def wording(v: dict[str, Any]) -> Wording:
    rules = tuple(
        WordingRule(
            r["id"], r["name"], r["description"], r["shown_as"] == "spelling", r.get("source", "")
        )
        for r in v.get("rules", [])
    )
    spellings = tuple(
        Spelling(s["standard"], tuple(s["variants"]), s["kind"], s["source"], s.get("note", ""))
        for s in v.get("spellings", [])
    )
    synonyms = tuple(
        Synonym(tuple(s["words"]), s["source"], s.get("note", "")) for s in v.get("synonyms", [])
    )
    return Wording(rules, spellings, synonyms)


def _parts(text: str, slots: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """'pelaksanaan {pemilihan}.' -> (('pelaksanaan ', ''), ('', 'nama pemilihan'), ('.', ''))."""
    pieces = re.split(r"\{([a-z]+)\}", text)
    out = [(p, "") if i % 2 == 0 else ("", slots[p].name) for i, p in enumerate(pieces)]
    return tuple(p for p in out if p != ("", ""))


NUMBER_YEAR = re.compile(r"(\d+)\s*(?:/|\b[Tt]ahun\b)\s*(\d{4})\b")
TITLE_SHORT = (("pns", "pegawai negeri sipil"), ("asn", "aparatur sipil negara"))


def listed_instrument(item: dict[str, Any], bases: dict[str, dict[str, Any]]) -> str:
    """The id of the listed national instrument a free-form legal basis describes, or "".

    Why: written by hand as `type: peraturan, issuer: Presiden Republik Indonesia`, PP
    53/2010 would print as a 'Peraturan Presiden', which it is not; the listed entry
    names it right and links its page. Same number, year and title (a bracketed short
    form and 'PNS'/'ASN' read as written out), so a regent's own regulation that shares
    a number is never taken for it."""
    found = NUMBER_YEAR.search(str(item.get("number", "")))
    title = item.get("title")
    if not found or not isinstance(title, str):
        return ""
    number, year = found.group(1), int(found.group(2))
    for b in bases.values():
        numbers = [str(n) for n in (b.get("numbers") or [b.get("number")])]
        if b.get("year") == year and number in numbers and _title(title) == _title(b["title"]):
            return str(b["id"])
    return ""


def _title(text: str) -> str:
    words = re.sub(r"\([^)]*\)", " ", text.lower())
    for short, full in TITLE_SHORT:
        words = re.sub(rf"\b{short}\b", full, words)
    return " ".join(re.findall(r"\w+", words))
