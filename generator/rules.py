"""One record + reference data -> the problems a schema cannot say. No I/O.

The JSON Schema settles shape; these rules need other files or the calendar:
ids that must exist in the reference data (with the closest known ids when they
do not), real dates, the id matching its file name, offices matching the level
of their region, regions involved, plausible elections, and the example text
of the `new` skeleton left in place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from . import dates
from .diagnostics import Diagnostic
from .offices import name_advice, office_message, read_message, wordless_other
from .refdata import listed_instrument
from .reference import Reference
from .regionfind import find_region, normalize_name, region_hint, unknown_region  # noqa: F401
from .rules21 import check_shape21
from .schema import Path_, key_text, suggest
from .urls import url_problem

VALUE_FORMS = {"month": ("YYYY-MM", 7), "year": ("YYYY", 4)}
HEAD_OFFICES = {
    "Gubernur": "provinsi",
    "Wakil Gubernur": "provinsi",
    "Bupati": "kabupaten",
    "Wakil Bupati": "kabupaten",
    "Wali Kota": "kota",
    "Wakil Wali Kota": "kota",
}
PLAUSIBLE_YEARS = 2
"""An event concerns an election held on or after it, and at most this many years later."""

# Example texts of the `new` skeleton (templates/new-record.yml.j2): left in place
# they would publish as facts, so they are errors, not values.
PLACEHOLDERS = frozenset(
    {
        "Jelaskan dari mana tanggal ini diketahui.",
        "Nama Pejabat",
        "Siapa yang ikut, menurut sumber.",
        "Bunyi butir pertama persis seperti di sumber.",
        "https://contoh.id/berita",
        "Nama Media",
        "Judul Berita",
    }
)


class Sink:
    """Collects problems at the recorded position of a key path.

    A path the schema walk already reported (or one above or below it) gets no
    second message: one message per mistake.
    """

    def __init__(
        self, display: str, marks: dict[Path_, tuple[int, int]], broken: set[Path_]
    ) -> None:
        self.display, self.marks, self.broken = display, marks, broken
        self.diags: list[Diagnostic] = []

    def __call__(self, path: Path_, message: str, severity: str = "error") -> None:
        if self.is_broken(path):
            return
        line, col = self.marks.get(path) or self.marks.get(path[:-1], (1, 1))
        self.diags.append(Diagnostic(self.display, line, col, key_text(path), message, severity))

    def warn(self, path: Path_, message: str) -> None:
        """Advice: the record is accepted, but probably not written as the guide asks."""
        self(path, message, "warning")

    def is_broken(self, path: Path_) -> bool:
        """True if the schema walk reported this path, one above it or one below it."""
        return any(path[: len(b)] == b or b[: len(path)] == path for b in self.broken if b)


def check_event(err: Sink, stem: str, value: dict, ref: Reference, today: date) -> list[Diagnostic]:
    """Everything about one record that needs more than its own shape."""
    region = ref.regions.get(value.get("region", ""))
    if "region" in value and region is None:
        err(("region",), unknown_region(value["region"], ref))
    _check_id(err, value, stem, region)
    _check_placeholders(err, value)
    _check_date(err, value.get("date", {}), today)
    involved = _check_participating(err, value, ref)
    _check_elections(err, value, ref)
    _check_people(err, value.get("people", []), region, involved, ref)
    _check_templates(err, value, ref)
    _check_legal(err, value.get("legal_basis", []), ref, today)
    _check_sources(err, value.get("sources", []), today)
    check_shape21(err, value, ref, unknown)
    return err.diags


def known_ids(what: str, ref: Reference) -> list[str]:
    """The ids a record may use for each kind of reference."""
    return {
        "election": lambda: list(ref.elections),
        "instrument": lambda: list(ref.legal_bases),
        "clause template": ref.clause_ids,
    }[what]()


def unknown(what: str, value: str, ref: Reference) -> str:
    """One message for an id that is not known, well-formed or not, with the closest ids."""
    known = known_ids(what, ref)
    msg = f"unknown {what} '{value}'{suggest(value, known)}; known: {', '.join(sorted(known))}"
    if what == "instrument":
        msg += "; describe a local instrument with type, issuer, number, date, title instead"
    return msg


def id_hints(ref: Reference) -> dict[str, Callable[[str, str], str]]:
    """Messages for values that fail an id pattern: the did-you-mean, not the id example."""
    return {
        "region": lambda v, m: m + region_hint(v, ref),
        "participating_regions": lambda v, m: m + region_hint(v, ref),
        "elections": lambda v, m: unknown("election", v, ref),
        "candidate": lambda v, m: unknown("election", v, ref),
        "instrument": lambda v, m: unknown("instrument", v, ref),
        "template": lambda v, m: unknown("clause template", v, ref),
        "office": office_message,
        "read": read_message,
    }


def _check_templates(err: Sink, value: dict, ref: Reference) -> None:
    """Known templates, each used on an event within its text's period of use."""
    when = value.get("date", {})
    first = dates.earliest(when.get("value"), when.get("precision", "unknown"))
    last = dates.latest(when.get("value"), when.get("precision", "unknown"))
    for i, clause in enumerate(value.get("clauses", [])):
        template = clause.get("template")
        if template is None:
            continue
        if template not in ref.clause_ids():
            err(("clauses", i, "template"), unknown("clause template", template, ref))
            continue
        used = ref.clause_period(template)
        before = last is not None and used[0] is not None and last < used[0]
        after = first is not None and used[1] is not None and first > used[1]
        if before or after:
            span = _period(*used)
            err(
                ("clauses", i, "template"),
                f"template '{template}' was in use {span} (registry/clauses.yml), "
                f"and this event is dated {when['value']}; leave template out, or widen "
                "the template's used_from/used_until with a source showing it in use then",
            )


def _period(start: date | None, end: date | None) -> str:
    """The period in words: from 2020-07-02 to 2024-10-14, or open: from 2020-07-02 on."""
    if start and end:
        return f"from {start.isoformat()} to {end.isoformat()}"
    return f"from {start.isoformat()} on" if start else f"until {end.isoformat() if end else '…'}"


def _check_placeholders(err: Sink, value: dict) -> None:
    """Only the fields the skeleton fills with example text are looked at."""
    spots: list[tuple[Path_, object]] = [
        (("date", "note"), value.get("date", {}).get("note")),
        (("participants", "description"), value.get("participants", {}).get("description")),
    ]
    spots += [(("people", i, "name"), p.get("name")) for i, p in enumerate(value.get("people", []))]
    spots += [
        (("clauses", i, "text"), c.get("text")) for i, c in enumerate(value.get("clauses", []))
    ]
    for i, source in enumerate(value.get("sources", [])):
        spots += [(("sources", i, key), source.get(key)) for key in ("url", "publisher", "title")]
    for path, text in spots:
        if isinstance(text, str) and text.strip() in PLACEHOLDERS:
            err(path, "this is the example text of the template; write what the source says")


def _check_id(err: Sink, value: dict, stem: str, region: dict | None) -> None:
    ident = value.get("id")
    if ident is None:
        return
    if ident != stem:
        err(
            ("id",),
            f"id '{ident}' must equal the file name; rename the file to {ident}.yml "
            f"or write id: {stem}",
        )
    elif region and not ident.startswith(region["slug"] + "-"):
        err(
            ("id",),
            f"id must start with the region slug '{region['slug']}-', "
            f"e.g. {region['slug']}-2024-10-07",
        )


def _check_date(err: Sink, when: dict, today: date) -> None:
    precision, text = when.get("precision"), when.get("value")
    if precision is None:
        return
    if precision == "unknown":
        if text is not None:
            err(
                ("date", "value"),
                "precision is unknown, so leave value out "
                "(or choose the precision that fits the value)",
            )
        return
    if text is None:
        err(("date",), f"missing required key 'value' for precision {precision}")
        return
    form, length = VALUE_FORMS.get(precision, ("YYYY-MM-DD", 10))
    if len(text) != length:
        err(("date", "value"), f"precision {precision} needs a value written {form}")
        return
    _check_real_date(err, ("date", "value"), text, today)


def _check_real_date(err: Sink, path: Path_, text: str, today: date) -> date | None:
    """A real calendar date, not in the future. Partial dates compare by their first day."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        err(path, f"'{text}' is not a real date")
        return None
    if day > today:
        err(path, f"'{text}' is in the future (today is {today.isoformat()})")
        return None
    return day


def _check_participating(err: Sink, value: dict, ref: Reference) -> set[str]:
    """Codes taking part, known and not the host; returns every region involved."""
    host = value.get("region", "")
    involved = {host}
    for i, code in enumerate(value.get("participating_regions", [])):
        path = ("participating_regions", i)
        if code.endswith(".*"):
            province = ref.regions.get(code[:2])
            if province is None or province["level"] != "provinsi":
                err(path, f"no province has code '{code[:2]}'; see registry/regions.csv for codes")
                continue
            involved |= {
                c
                for c, r in ref.regions.items()
                if r["province_code"] == code[:2] and c != code[:2]
            }
        elif code not in ref.regions:
            err(path, unknown_region(code, ref))
        elif code == host:
            err(path, host_listed(code, ref))
        else:
            involved.add(code)
    return involved


def host_listed(code: str, ref: Reference) -> str:
    """The host in its own participating_regions: for a province, the regencies and
    cities were probably meant, and "NN.*" names them all."""
    message = f"'{code}' is the host region (region); list only the other regions"
    if ref.regions[code]["level"] == "provinsi":
        message += f'; for every regency and city of {ref.regions[code]["name"]}, write "{code}.*"'
    return message


def _check_elections(err: Sink, value: dict, ref: Reference) -> None:
    """Known ids; and an event neither after a voting day nor years before it, unless
    elections_note explains why."""
    when = value.get("date", {})
    first = dates.earliest(when.get("value"), when.get("precision", "unknown"))
    last = dates.latest(when.get("value"), when.get("precision", "unknown"))
    for i, election in enumerate(value.get("elections", [])):
        if election not in ref.elections:
            err(("elections", i), unknown("election", election, ref))
            continue
        if "elections_note" in value:
            continue
        voting = voting_day(ref, election)
        problem = implausible(voting, first, last)
        if problem:
            err(
                ("elections", i),
                f"the event ({when['value']}) is {problem} the voting day of {election} "
                f"({voting.isoformat()}); correct the date or the election, "
                "or explain it in elections_note",
            )


def voting_day(ref: Reference, election: str) -> date:
    return date.fromisoformat(str(ref.elections[election]["voting_date"]))


def implausible(voting: date, first: date | None, last: date | None) -> str | None:
    """Why an event dated first..last cannot concern an election on `voting`, or None."""
    if first is not None and first > voting:
        return "after"
    if last is not None and last < dates.years_before(voting, PLAUSIBLE_YEARS):
        return f"more than {PLAUSIBLE_YEARS} years before"
    return None


def plausible_elections(ref: Reference, value: str | None, precision: str) -> list[str]:
    """Elections an event of this date may concern (what `new` offers); [] if unknown."""
    first, last = dates.earliest(value, precision), dates.latest(value, precision)
    if last is None:
        return []
    return sorted(e for e in ref.elections if not implausible(voting_day(ref, e), first, last))


def _check_people(
    err: Sink, people: list, host: dict | None, involved: set[str], ref: Reference
) -> None:
    """A person's region (default: the host; for a governor at a regency's or city's
    event, the host's province) is one involved in the event, or the host's province;
    a head's office fits its level."""
    province = ref.regions.get(host["province_code"]) if host else None
    if province:
        involved = involved | {province["code"]}
    listed = not err.is_broken(("participating_regions",))
    for i, person in enumerate(people):
        _check_name(err, ("people", i, "name"), person.get("name"))
        if wordless := wordless_other(person):
            err(("people", i, "office"), wordless)
        if err.is_broken(("people", i, "region")):
            continue  # its region is unreadable: judging the office by the host would mislead
        region = host
        if province and HEAD_OFFICES.get(person.get("office", "")) == "provinsi":
            region = province
        if "region" in person:
            code = person["region"]
            region = ref.regions.get(code)
            if region is None:
                err(("people", i, "region"), unknown_region(code, ref))
                continue
            if code not in involved and listed:
                err(
                    ("people", i, "region"),
                    f"'{code}' ({region['name']}) is neither the host region, its province, "
                    "nor in participating_regions; add it there, or correct the code",
                )
                continue
        _check_office(err, ("people", i, "office"), person.get("office"), region)


def _check_name(err: Sink, path: Path_, name: str | None) -> None:
    """Degrees and titles belong neither in name nor in title (the office's words)."""
    advice = name_advice(name) if name else None
    if advice:
        err.warn(path, advice)


def _check_office(err: Sink, path: Path_, office: str | None, region: dict | None) -> None:
    if not region or office not in HEAD_OFFICES:
        return
    level = HEAD_OFFICES[office]
    if level != region["level"]:
        fits = " or ".join(o for o, lv in HEAD_OFFICES.items() if lv == region["level"])
        err(
            path,
            f"{office} heads a {level}, but {region['name']} is a {region['level']}; "
            f"write {fits}, or set this person's region",
        )


def _check_legal(err: Sink, items: list, ref: Reference, today: date) -> None:
    for i, item in enumerate(items):
        if "instrument" in item and item["instrument"] not in ref.legal_bases:
            err(("legal_basis", i, "instrument"), unknown("instrument", item["instrument"], ref))
        if "date" in item:
            _check_real_date(err, ("legal_basis", i, "date"), item["date"], today)
        listed = listed_instrument(item, ref.legal_bases) if "type" in item else ""
        if listed:
            short = ref.legal_bases[listed].get("short", listed)
            err(
                ("legal_basis", i, "type"),
                f"{short} is listed in registry/legal-bases.yml: write instrument: {listed} "
                "in place of type, issuer, number, date and title (keep the note)",
            )


def _check_sources(err: Sink, sources: list, today: date) -> None:
    for i, source in enumerate(sources):
        for key in ("url", "archive_url"):
            problem = url_problem(source[key]) if key in source else ""
            if problem:
                err(("sources", i, key), problem)
        days = {
            k: _check_real_date(err, ("sources", i, k), source[k], today)
            for k in ("published", "accessed")
            if k in source
        }
        if days.get("published") and days.get("accessed") and days["accessed"] < days["published"]:
            err(("sources", i, "accessed"), "accessed is before published")


def valid_url(url: str) -> bool:
    """A public http(s) address by name: the only links we will print (urls.py says why)."""
    return not url_problem(url)


def old_shape(display: str, node: Any) -> list[Diagnostic]:
    """A record without schema_version is in the version-1 shape: one message, at line 1."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return []
    keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    if "schema_version" in keys:
        return []
    msg = (
        "this record is in the version-1 shape (it has no schema_version); "
        f"upgrade it with: python -m generator migrate {display}"
    )
    return [Diagnostic(display, 1, 1, "", msg)]
