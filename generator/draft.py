"""A news article's text -> a record draft: `python -m generator draft ARTICLE.txt`.

Transcribing an article is slow and error-prone work, but guessing is worse than
leaving a field empty: a wrong value that looks filled is easy to miss in review.
So the draft fills only what the text states one way (drafttext, draftdate,
draftpeople decide), prints beside each value the sentence it came from, and leaves
everything else as a `# TODO` with the field's hint, or with why it could not
choose when the text allows two readings. The draft has the shape `new` writes;
once the TODOs are filled, the checker reads it like any record. No network.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import messages, render, rules
from .draftdate import article_date, find_date
from .draftpeople import Person, people
from .drafttext import (
    Found,
    Unsure,
    base_name,
    clean_lines,
    election_kinds,
    find_clauses,
    find_count,
    find_event_types,
    find_region,
    name_index,
    named_elections,
    sentences,
)
from .reference import Reference

EVIDENCE_MAX = 180
OFFICES_BY_LEVEL = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}


@dataclass(frozen=True)
class Line:
    """One value of the draft: YAML text (empty when left to the contributor) and its
    comment (the sentence it came from, or the TODO)."""

    value: str
    comment: str


@dataclass(frozen=True)
class Draft:
    """What the draft found, field by field: read by the template and by the tests."""

    region: Found | Unsure
    date: Found | Unsure
    elections: Found | Unsure
    event_types: dict[str, str]
    people: list[Person]
    count: Found | Unsure | None
    clauses: Found | None


def analyse(text: str, ref: Reference, published: date | None = None) -> Draft:
    """Every field the text states, from the article's text alone."""
    lines = clean_lines(text)
    sents = sentences(lines)
    region = find_region(sents, ref.regions)
    anchor = published or article_date(lines)
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", " ".join(sents))}
    when = find_date(sents, anchor, years if len(years) == 1 else _election_years(sents))
    elections = _elections(sents, ref, when)
    host_words: set[str] = set()
    if isinstance(region, Found):
        host_words = set(base_name(ref.regions[region.value]).split())
    names = _names_pattern(ref)
    return Draft(
        region,
        when,
        elections,
        find_event_types(sents),
        people(sents, names, host_words),
        find_count(sents),
        find_clauses(lines),
    )


def _election_years(sents: list[str]) -> set[int]:
    """Years of the elections the text names ('Pilkada Serentak 2020'): a day without
    a year is placed in one of them only when its weekday fits just one."""
    return {int(i[-4:]) for i in named_elections(sents, _all_ids(sents))}


def _all_ids(sents: list[str]) -> set[str]:
    years = set(re.findall(r"\b(20\d\d)\b", " ".join(sents)))
    return {f"{k}-{y}" for k in ("pemilu", "pilkada") for y in years}


def _names_pattern(ref: Reference) -> re.Pattern[str]:
    index = name_index(ref.regions)
    names = sorted(index, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def _elections(sents: list[str], ref: Reference, when: Found | Unsure) -> Found | Unsure:
    """The elections the text names that fit the date; with none named by year, the
    one election of a kind the text names ('jelang pilkada') that the date can concern
    (the checker's rule, as `new` uses it). The date alone is not enough: a pilkada is
    not held everywhere, and the text may not concern one."""
    named = named_elections(sents, ref.elections)
    if isinstance(when, Found) and when.value[0] != "unknown":
        precision, value = when.value
        fits = set(rules.plausible_elections(ref, value, precision))
        kept = {e: s for e, s in named.items() if e in fits}
        if kept:
            return Found(tuple(kept), " / ".join(dict.fromkeys(kept.values())))
        if named:
            return Unsure("elections_dropped", (("ids", ", ".join(named)),))
        kinds = election_kinds(sents)
        kept = {
            e: kinds[ref.elections[e]["kind"]] for e in fits if ref.elections[e]["kind"] in kinds
        }
        if len(kept) == 1:
            return Found(tuple(kept), next(iter(kept.values())))
        return Unsure("elections_many", (("ids", ", ".join(sorted(kept or fits)) or "-"),))
    if len(named) == 1:
        return Found(tuple(named), next(iter(named.values())))
    if named:
        return Unsure("elections_undated", (("ids", ", ".join(named)),))
    return Unsure("elections_none")


def render_draft(
    text: str,
    ref: Reference,
    url: str = "",
    published: date | None = None,
    today: date | None = None,
) -> str:
    """The draft as YAML text, every value with its sentence, every gap a TODO."""
    found = analyse(text, ref, published)
    words = messages.section("draft")
    context = _context(found, ref, words, url, published, today or date.today())
    return render.environment().get_template("draft-record.yml.j2").render(**context)


def _context(
    d: Draft, ref: Reference, words: Any, url: str, published: date | None, today: date
) -> dict[str, Any]:
    say = _Say(words)
    row = ref.regions[d.region.value] if isinstance(d.region, Found) else None
    precision = value = Line("", say.todo("precision"))
    if isinstance(d.date, Found):
        kind, day = d.date.value
        precision = Line(kind, say.source(d.date.evidence))
        value = Line(_quote(day), say.source(d.date.evidence)) if day else Line("", "")
    elif isinstance(d.date, Unsure):
        precision = value = Line("", say.unsure(d.date, "precision"))
    ident = Line("", say.todo("id"))
    if row and isinstance(d.date, Found):
        day = d.date.value[1]
        ident = Line(
            f"{row['slug']}-{day}" if day else f"{row['slug']}-tanpa-tanggal", words["ident"]
        )
    return {
        "intro": words["intro"],
        "guide": words["guide"],
        "ident": ident,
        "region": _region(d.region, row, say),
        "precision": precision,
        "value": value,
        "date_note": say.todo("date_note"),
        "elections": _election_lines(d.elections, say),
        "elections_gap": None if isinstance(d.elections, Found) else _gap(d.elections, say),
        "event_types": [Line(k, say.source(s)) for k, s in d.event_types.items()],
        "event_types_todo": say.todo("event_types"),
        "people": [_person(p, say) for p in d.people],
        "people_todo": say.todo("people"),
        "count": _count(d.count, say),
        "participants_todo": say.todo("participants"),
        "clauses": _clauses(d.clauses, say),
        "clauses_todo": say.todo("clauses"),
        "template_todo": say.todo("template"),
        "url": Line(url, "") if url else Line("", say.todo("url")),
        "publisher_todo": say.todo("publisher"),
        "title_todo": say.todo("title"),
        "published": Line(published.isoformat(), "")
        if published
        else Line("", say.todo("published")),
        "accessed": today.isoformat(),
        "supports": ", ".join(_supports(d)),
    }


class _Say:
    """The draft's comments, in the catalogue's words."""

    def __init__(self, words: Any) -> None:
        self.words = words

    def todo(self, hint: str) -> str:
        return self.words["todo"].format(hint=self.words["hint"][hint])

    def unsure(self, u: Unsure, hint: str) -> str:
        why = self.words["why"][u.why].format(**dict(u.values))
        return self.words["todo_why"].format(why=why, hint=self.words["hint"][hint])

    def source(self, sentence: str, key: str = "from") -> str:
        text = " ".join(sentence.split())
        if len(text) > EVIDENCE_MAX:
            text = text[: EVIDENCE_MAX - 1] + "…"
        return self.words[key].format(sentence=text)


def _quote(text: str) -> str:
    """A YAML scalar that reads back as this string, whatever it holds."""
    return json.dumps(text, ensure_ascii=False)


def _region(found: Found | Unsure, row: dict[str, str] | None, say: _Say) -> Line:
    if isinstance(found, Found) and row:
        return Line(_quote(row["code"]), f"{row['name']}; " + say.source(found.evidence))
    return Line("", say.unsure(found, "region"))


def _gap(found: Unsure, say: _Say) -> Line:
    return Line("", say.unsure(found, "elections"))


def _election_lines(found: Found | Unsure, say: _Say) -> list[Line]:
    if isinstance(found, Unsure):
        return []
    comment = say.source(found.evidence)
    return [Line(e, comment) for e in found.value]


def _person(p: Person, say: _Say) -> dict[str, Line]:
    name = p.name()
    status = p.status()
    roles = sorted(p.roles)
    out = {
        "roles": Line(f"[{', '.join(roles)}]", say.source(" / ".join(p.roles[r] for r in roles)))
        if roles
        else Line("", say.todo("roles")),
        "office": Line(_quote(p.office), say.source(p.first)),
        "status": _status(status, say),
        "title": Line(_quote(p.title), say.source(p.first)) if p.title else Line("", ""),
    }
    if isinstance(name, Found):
        out["name"] = Line(_quote(name.value), say.source(name.evidence))
    elif isinstance(name, Unsure):
        out["name"] = Line("", say.unsure(name, "name"))
    else:
        out["name"] = Line("", "")
    return out


def _status(found: Found | Unsure, say: _Say) -> Line:
    """A status as written; definitif where no Pj, Pjs, Plt or Plh precedes the office
    (CONTRIBUTING's rule), said so beside it."""
    if isinstance(found, Unsure):
        return Line("", say.unsure(found, "status"))
    key = "definitive" if found.value == "definitif" else "from"
    return Line(found.value, say.source(found.evidence, key))


def _count(found: Found | Unsure | None, say: _Say) -> Line:
    if isinstance(found, Found):
        return Line(str(found.value), say.source(found.evidence))
    if isinstance(found, Unsure):
        return Line("", say.unsure(found, "count"))
    return Line("", say.todo("count"))


def _clauses(found: Found | None, say: _Say) -> list[Line]:
    if found is None:
        return []
    return [Line(_quote(text), say.source(found.evidence, "listed")) for text in found.value]


def _supports(d: Draft) -> list[str]:
    """The fields this source gave the draft: each filled one, in the schema's order."""
    filled = {
        "date": isinstance(d.date, Found),
        "elections": isinstance(d.elections, Found),
        "event_types": bool(d.event_types),
        "people": bool(d.people),
        "participants": isinstance(d.count, Found),
        "clauses": d.clauses is not None,
    }
    return [k for k, v in filled.items() if v]
