"""Nodes + reference data -> validated values and Diagnostics. No writing, ever.

Shape comes from the JSON Schemas (via schema.Walker); this module adds what a
schema cannot say: references to other files, real calendar dates, the id
matching its file name, the office matching the region level, duplicates.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import load
from .diagnostics import Diagnostic
from .reference import Reference, check_reference
from .schema import MISSING, Path_, Walker, key_text, suggest

DAY_PRECISIONS = ("exact", "reported", "approximate")
VALUE_FORMS = {"month": ("YYYY-MM", 7), "year": ("YYYY", 4)}
HEAD_OFFICES = {
    "Gubernur": "provinsi",
    "Wakil Gubernur": "provinsi",
    "Bupati": "kabupaten",
    "Wakil Bupati": "kabupaten",
    "Wali Kota": "kota",
    "Wakil Wali Kota": "kota",
}


@dataclass(frozen=True)
class Record:
    """A record that passed every check, with the line/column of each of its values."""

    path: Path
    display: str
    value: dict[str, Any]
    marks: dict[Path_, tuple[int, int]] = field(repr=False)


@dataclass(frozen=True)
class Checked:
    """Everything a build needs, known to be valid."""

    reference: Reference
    records: list[Record]


def check(
    registry: Path, files: list[Path] | None = None, today: date | None = None
) -> tuple[Checked | None, list[Diagnostic]]:
    """Validate reference data and records; report on `files` only if given.

    Named files are checked against the whole registry, so duplicates with
    existing records are still found.
    """
    today = today or date.today()
    reference, diags = check_reference(registry)
    if reference is None:
        return None, diags
    paths = load.event_paths(registry)
    wanted = {p.resolve() for p in files} if files is not None else None
    extra = [p for p in (files or []) if p.resolve() not in {q.resolve() for q in paths}]
    records: list[Record] = []
    all_paths = paths + extra
    results = check_event_files(all_paths, reference, today)
    for path, (record, found) in zip(all_paths, results, strict=True):
        if wanted is None or path.resolve() in wanted:
            diags += found
        if record is not None:
            records.append(record)
    diags += [d for d in check_across(records) if _reported(d, wanted)]
    if diags:
        return None, sorted(diags)
    return Checked(reference, records), []


def _reported(diag: Diagnostic, wanted: set[Path] | None) -> bool:
    return wanted is None or Path(diag.path).resolve() in wanted


PARALLEL_FROM = 2000
"""Records from which check_event_files uses every core: below it, starting the
worker processes (about 0.2 s) costs more than it saves."""


def check_event_files(
    paths: list[Path], ref: Reference, today: date, parallel_from: int = PARALLEL_FROM
) -> list[tuple[Record | None, list[Diagnostic]]]:
    """check_event_file for each path, in order; on all cores for a large registry.

    Each file is checked on its own, so the work splits cleanly; at 10,000 records
    this halves `check` on two cores (bench/RESULTS.md). Workers are spawned, not
    forked: the mkdocs hook calls us from a threaded server.
    """
    workers = min(_cores(), 8)
    if len(paths) < parallel_from or workers < 2:
        return [check_event_file(path, ref, today) for path in paths]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _init_worker, (ref, today)) as pool:
        return list(pool.map(_check_in_worker, paths, chunksize=250))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


_WORKER: tuple[Reference, date] | None = None


def _init_worker(ref: Reference, today: date) -> None:
    global _WORKER
    _WORKER = (ref, today)


def _check_in_worker(path: Path) -> tuple[Record | None, list[Diagnostic]]:
    assert _WORKER is not None
    return check_event_file(path, *_WORKER)


def check_event_file(
    path: Path, ref: Reference, today: date
) -> tuple[Record | None, list[Diagnostic]]:
    """Load and fully check one record file; a Record only if it has no problem."""
    doc, diags = load.load_document(path)
    if doc is None:
        return None, diags
    if doc.node is None:
        msg = "file is empty; run `python -m generator new` for a template"
        return None, [Diagnostic(doc.display, 1, 1, "", msg)]
    walker = Walker(doc.display, ref.schema, hints={"region": lambda v: region_hint(v, ref)})
    value = walker.walk(doc.node, ref.schema)
    diags = walker.diags + _anchor_diags(doc)
    if value is MISSING:
        return None, diags
    diags += check_event(doc.display, path.stem, value, walker.marks, ref, today)
    if diags:
        return None, diags
    return Record(path, doc.display, value, walker.marks), []


def _anchor_diags(doc: load.Document) -> list[Diagnostic]:
    """Anchors are rejected even when unused: they make reviews misleading."""
    if "&" not in doc.text:
        return []
    messages = {
        False: "YAML anchors (&name) are not allowed; write each value out in full",
        True: "YAML aliases (*name) are not allowed; write the value out in full",
    }
    return [
        Diagnostic(doc.display, line, col, "", messages[alias])
        for line, col, alias in load.anchor_marks(doc.text)
    ]


class _Sink:
    """Collects semantic problems at the recorded position of a key path."""

    def __init__(self, display: str, marks: dict[Path_, tuple[int, int]]) -> None:
        self.display, self.marks, self.diags = display, marks, []

    def __call__(self, path: Path_, message: str) -> None:
        line, col = self.marks.get(path) or self.marks.get(path[:-1], (1, 1))
        self.diags.append(Diagnostic(self.display, line, col, key_text(path), message))


def check_event(
    display: str, stem: str, value: dict, marks: dict, ref: Reference, today: date
) -> list[Diagnostic]:
    """Everything about one record that needs more than its own shape."""
    err = _Sink(display, marks)
    region = ref.regions.get(value.get("region", ""))
    if "region" in value and region is None:
        err(("region",), unknown_region(value["region"], ref))
    _check_id(err, value, stem, region)
    _check_placeholders(err, value)
    _check_date(err, value.get("date", {}), today)
    for i, election in enumerate(value.get("elections", [])):
        if election not in ref.elections:
            err(("elections", i), _unknown("election", election, list(ref.elections)))
    _check_official(err, value.get("official"), region)
    for i, clause in enumerate(value.get("clauses", [])):
        if "template" in clause and clause["template"] not in ref.clause_ids():
            err(
                ("clauses", i, "template"),
                _unknown("clause template", clause["template"], ref.clause_ids()),
            )
    _check_legal(err, value.get("legal_basis", []), ref, today)
    _check_sources(err, value.get("sources", []), today)
    return err.diags


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


def _check_placeholders(err: _Sink, value: dict) -> None:
    """Only the fields the skeleton fills with example text are looked at."""
    spots: list[tuple[Path_, object]] = [
        (("date", "note"), value.get("date", {}).get("note")),
        (("official", "name"), (value.get("official") or {}).get("name")),
        (("participants", "description"), (value.get("participants") or {}).get("description")),
    ]
    spots += [
        (("clauses", i, "text"), c.get("text")) for i, c in enumerate(value.get("clauses", []))
    ]
    for i, source in enumerate(value.get("sources", [])):
        spots += [(("sources", i, key), source.get(key)) for key in ("url", "publisher", "title")]
    for path, text in spots:
        if isinstance(text, str) and text.strip() in PLACEHOLDERS:
            err(path, "this is the example text of the template; write what the source says")


def _unknown(what: str, value: str, known: list[str]) -> str:
    return f"unknown {what} '{value}'{suggest(value, known)}; known: {', '.join(sorted(known))}"


def _check_id(err: _Sink, value: dict, stem: str, region: dict | None) -> None:
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


def _check_date(err: _Sink, when: dict, today: date) -> None:
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


def _check_real_date(err: _Sink, path: Path_, text: str, today: date) -> date | None:
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


def _check_official(err: _Sink, official: dict | None, region: dict | None) -> None:
    if not official or not region or official.get("office") not in HEAD_OFFICES:
        return
    level = HEAD_OFFICES[official["office"]]
    if level != region["level"]:
        fits = " or ".join(o for o, lv in HEAD_OFFICES.items() if lv == region["level"])
        err(
            ("official", "office"),
            f"{official['office']} heads a {level}, but "
            f"{region['name']} is a {region['level']}; write {fits}",
        )


def _check_legal(err: _Sink, items: list, ref: Reference, today: date) -> None:
    for i, item in enumerate(items):
        if "instrument" in item and item["instrument"] not in ref.legal_bases:
            err(
                ("legal_basis", i, "instrument"),
                _unknown("instrument", item["instrument"], list(ref.legal_bases))
                + "; describe a local instrument with type, issuer, number, date, title instead",
            )
        if "date" in item:
            _check_real_date(err, ("legal_basis", i, "date"), item["date"], today)


def _check_sources(err: _Sink, sources: list, today: date) -> None:
    for i, source in enumerate(sources):
        for key in ("url", "archive_url"):
            if key in source and not valid_url(source[key]):
                err(
                    ("sources", i, key),
                    f"'{source[key][:80]}' is not a usable web address; "
                    "write a full http:// or https:// address with a host",
                )
        days = {
            k: _check_real_date(err, ("sources", i, k), source[k], today)
            for k in ("published", "accessed")
            if k in source
        }
        if days.get("published") and days.get("accessed") and days["accessed"] < days["published"]:
            err(("sources", i, "accessed"), "accessed is before published")


def valid_url(url: str) -> bool:
    """http(s) with a host and no spaces or credentials: the only links we will print."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and "@" not in parts.netloc
        and not re.search(r"\s", url)
    )


def unknown_region(code: str, ref: Reference) -> str:
    """Say why a well-formed code is unknown and where to look."""
    province = ref.regions.get(code[:2])
    if province is None:
        return f"no province has code '{code[:2]}'; see registry/regions.csv for codes"
    return (
        f"no region has code '{code}' in {province['name']} (province {code[:2]}); "
        "see registry/regions.csv for the codes"
    )


def region_hint(text: str, ref: Reference) -> str:
    """For a name written where a code belongs, name the code to write instead."""
    wanted = normalize_name(text)
    for code, region in ref.regions.items():
        names = [region["name"], *region["aliases"].split(";")]
        if any(normalize_name(n) == wanted for n in names if n):
            return f' (did you mean "{code}" for {region["name"]}?)'
    return ""


def normalize_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def check_across(records: list[Record]) -> list[Diagnostic]:
    """Problems between records: two files for the same region and day.

    Both files get a diagnostic naming the other, so checking only the new
    file (as a pull request does) still reports the clash.
    """
    groups: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        when = record.value["date"]
        if when["precision"] in DAY_PRECISIONS:
            groups.setdefault((record.value["region"], when["value"]), []).append(record)
    diags = []
    for group in groups.values():
        for record in group if len(group) > 1 else ():
            others = ", ".join(r.display for r in group if r is not record)
            line, col = record.marks[("date", "value")]
            msg = (
                f"same region and date as {others}; if it is the same event, merge the "
                "sources into one file"
            )
            diags.append(Diagnostic(record.display, line, col, "date.value", msg))
    return diags
