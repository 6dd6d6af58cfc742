"""Nodes + reference data -> validated values and Diagnostics. No writing, ever.

Shape comes from the JSON Schemas (via schema.Walker); generator/rules.py adds
what a schema cannot say about one record (references to other files, real
calendar dates, the id matching its file name, offices matching the region
level, plausible elections); this module runs both over every file and adds the
rules between records (duplicates).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import load
from .diagnostics import Diagnostic, errors
from .reference import Reference, check_reference
from .rules import (  # noqa: F401  (re-exported: the `new` command and tests use them)
    HEAD_OFFICES,
    PLACEHOLDERS,
    Sink,
    check_event,
    find_region,
    id_hints,
    normalize_name,
    old_shape,
    plausible_elections,
    region_hint,
    unknown,
    unknown_region,
    valid_url,
)
from .schema import MISSING, Path_, Walker

DAY_PRECISIONS = ("exact", "reported", "approximate")


@dataclass(frozen=True)
class Record:
    """A record that passed every check, with the line/column of each of its values."""

    path: Path
    display: str
    value: dict[str, Any]
    marks: dict[Path_, tuple[int, int]] = field(repr=False)


@dataclass(frozen=True)
class Checked:
    """Everything a build needs, known to be valid; and the warnings of the run (advice
    on records that are accepted, printed by `check`)."""

    reference: Reference
    records: list[Record]
    warnings: list[Diagnostic] = field(default_factory=list)


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
    paths, found = load.scan_events(registry)
    wanted = {p.resolve() for p in files} if files is not None else None
    diags += [d for d in found if _reported(d, wanted)]
    known = {q.resolve() for q in paths} if files else set()  # only to place named files
    events = (registry / load.EVENTS_DIR).absolute()
    extra = [
        p
        for p in (files or [])
        if p.resolve() not in known
        and (p.absolute().parent != events or not os.path.lexists(p))  # else scan_events judged it
    ]
    diags += _named_files(extra, paths)
    extra = [p for p in extra if p.name not in {q.name for q in paths} and not p.is_symlink()]
    records: list[Record] = []
    all_paths = paths + extra
    results = check_event_files(all_paths, reference, today)
    for path, (record, found) in zip(all_paths, results, strict=True):
        if wanted is None or path.resolve() in wanted:
            diags += found
        if record is not None:
            records.append(record)
    diags += [d for d in check_across(records) if _reported(d, wanted)]
    if errors(diags):
        return None, sorted(diags)
    return Checked(reference, records, sorted(diags)), []


def _reported(diag: Diagnostic, wanted: set[Path] | None) -> bool:
    return wanted is None or Path(diag.path).resolve() in wanted


def _named_files(extra: list[Path], paths: list[Path]) -> list[Diagnostic]:
    """Files named on the command line outside registry/events/: never a link, and never
    an id the registry already holds (ids are unique across the registry)."""
    names = {p.name: p for p in paths}
    diags = []
    for path in extra:
        display = load.display_path(path)
        if path.is_symlink():
            diags.append(Diagnostic(display, 1, 1, "", load.SYMLINK))
        elif path.name in names:
            other = load.display_path(names[path.name])
            msg = f"id '{path.stem}' is already used by {other}; ids are unique across the registry"
            diags.append(Diagnostic(display, 1, 1, "id", msg))
    return diags


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
    workers = min(cores(), 8)
    if len(paths) < parallel_from or workers < 2:
        return [check_event_file(path, ref, today) for path in paths]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _init_worker, (ref, today)) as pool:
        return list(pool.map(_check_in_worker, paths, chunksize=250))


def cores() -> int:
    """Cores this process may use (its affinity, where the system has one)."""
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
    """Load and fully check one record file; a Record only if it has no error (its
    warnings, if any, are returned with it)."""
    doc, diags = load.load_document(path)
    if doc is None:
        return None, diags
    if doc.node is None:
        msg = "file is empty; run `python -m generator new` for a template"
        return None, [Diagnostic(doc.display, 1, 1, "", msg)]
    old = old_shape(doc.display, doc.node)
    if old:  # one message for the shape; anchors are still reported (they cost a walk)
        return None, old + _anchor_diags(doc)
    walker = Walker(doc.display, ref.schema, id_hints(ref), tags="!" in doc.text)
    value = walker.walk(doc.node, ref.schema)
    diags = walker.diags + walker.rules + _anchor_diags(doc)
    if value is MISSING:
        return None, diags
    err = Sink(doc.display, walker.marks, walker.broken)
    diags += check_event(err, path.stem, value, ref, today)
    if errors(diags):
        return None, diags
    return Record(path, doc.display, value, walker.marks), diags


def _anchor_diags(doc: load.Document) -> list[Diagnostic]:
    """Anchors are rejected even when unused: they make reviews misleading."""
    return load.anchor_diagnostics(doc)


def check_across(records: list[Record]) -> list[Diagnostic]:
    """Problems between records: two files for the same region and day, unless one
    declares itself a distinct event of that day (distinct_from, shape 2.1).

    Both files get a diagnostic naming the other, so checking only the new
    file (as a pull request does) still reports the clash.
    """
    groups: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        key = _day(record)
        if key:
            groups.setdefault(key, []).append(record)
    diags = _distinct_targets(records)
    for group in groups.values():
        base = min((r.value["id"] for r in group), key=lambda i: (len(i), i))
        for record in group:
            clash = [r for r in group if r is not record and not _declared(record, r)]
            if not clash:
                continue
            others = ", ".join(r.display for r in clash)
            line, col = record.marks[("date", "value")]
            msg = (
                f"same region and date as {others}; if it is the same event, merge the "
                "sources into one file; if they are two events, the second one's id is "
                f"{base}-2 and it says distinct_from: with id: {base} and a note on how the "
                "two differ"
            )
            diags.append(Diagnostic(record.display, line, col, "date.value", msg))
    return diags


def _day(record: Record) -> tuple[str, str] | None:
    when = record.value["date"]
    return (record.value["region"], when["value"]) if when["precision"] in DAY_PRECISIONS else None


def _declared(a: Record, b: Record) -> bool:
    """Declared distinct: one names the other, or both are numbered events distinct
    from the same first event of that day (its -2 and -3)."""
    x, y = a.value.get("distinct_from", {}), b.value.get("distinct_from", {})
    return (
        x.get("id") == b.value["id"]
        or y.get("id") == a.value["id"]
        or bool(x and y and x["id"] == y["id"])
    )


def _distinct_targets(records: list[Record]) -> list[Diagnostic]:
    """distinct_from names a record of the same region and day."""
    by_id = {r.value["id"]: r for r in records}
    diags = []
    for record in records:
        other = record.value.get("distinct_from", {}).get("id")
        if other is None:
            continue
        target = by_id.get(other)
        if target is None:
            msg = f"no record has the id '{other}'; name the other event of that day"
        elif _day(record) is None or _day(record) != _day(target):
            msg = (
                f"'{other}' is not an event of the same region on the same day; "
                "distinct_from is only for two events of one region and day: correct the id "
                "or delete distinct_from"
            )
        else:
            continue
        line, col = record.marks[("distinct_from", "id")]
        diags.append(Diagnostic(record.display, line, col, "distinct_from.id", msg))
    return diags
