"""Git history of the registry -> every change to every record: when, why, what, which class.

A registry that reporters cite must show when a published fact changed and
why, as a newspaper's corrections column does. Git already holds that record,
so the history is read from it at build time, in one pass for the whole
registry: one `git log` (which files each commit touched, with the blob ids
before and after) and one `git cat-file --batch` (the contents of the blobs a
comparison needs). Two processes per build, never one per file, so the build
stays linear at thousands of records; a record added once and never changed
needs no blob at all.

Changes are compared field by field on parsed values (older record shapes are
migrated first, so a change of file format is not mistaken for a change of
fact). Every date is a commit's committer date, never the clock, so two builds
of one commit are identical. A shallow clone, a missing git or a registry
outside a repository degrades to pages without history and one warning.

History is untrusted input (gitlog.py reads it as data): an old version is parsed
as the checker reads records (yaml12.safe_value: size cap, no anchors or aliases,
YAML 1.2 core types), and one that cannot be read is skipped with a warning naming
its commit, so a broken or hostile commit never crashes a build or invents a change.

The classes of change are defined here (the rule, in `classify`) and named and
explained in words once, in templates/_history.md.j2, which the methodology
page (docs/tentang.md) quotes; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import load, migrate, yaml12
from .diagnostics import Diagnostic
from .fielddiff import FieldChange, diff_records
from .gitlog import (  # noqa: F401  (re-exported: tests and callers read the log here)
    NO_HISTORY,
    GitLog,
    Touch,
    Version,
    clean,
    is_history_path,
    log_format,
    parse_log,
    read_blobs,
    read_log,
    reason,
)

CLASSES = ("addition", "source", "correction", "clarification", "format")
"""Every class of change, in the order a reader meets them. What each means:
addition: the record was published; source: sources were added and no fact changed;
correction: a published fact changed (or a source was withdrawn); clarification:
notes, descriptions or source details changed and no fact did; format: the file
changed but no value did (layout, comments, a migration to a new record shape)."""

NOTE_KEYS = frozenset({"note", "notes", "description", "elections_note", "other_names"})
"""Keys whose change is wording, not fact: a clarification."""


@dataclass(frozen=True)
class Change:
    """One commit's change to one record; why in Indonesian (trailer Alasan) and in
    English (why_en, trailer Reason), each "" when the commit gives none."""

    version: Version
    why: str
    kind: str
    changes: tuple[FieldChange, ...]
    previous: Version | None
    why_en: str = ""


@dataclass(frozen=True)
class History:
    """Per record file name: its changes (newest first) and version (last commit)."""

    dates: dict[str, str]
    records: dict[str, tuple[Change, ...]]
    versions: dict[str, Version]
    warning: str = ""


def removed_records(log: GitLog, registry: Path) -> list[Diagnostic]:
    """Published records whose file is gone (deleted or renamed): ids never change."""
    present = {p.name for p in load.event_paths(registry)}
    out = []
    for path, touches in log.touches.items():
        folder, _, name = path.partition("/")
        if folder != load.EVENTS_DIR or "/" in name or name.startswith(".") or name in present:
            continue
        last = next((t for t in reversed(touches) if t.status != "D"), None)
        if last is None:
            continue
        v = last.version
        msg = (
            f"record '{Path(name).stem}' was published (commit {v.short}, {v.date}) and its "
            "file is missing; ids never change, so a published record is not renamed or "
            f"deleted: restore it (git checkout {v.short} -- {v.path}) and correct it "
            "instead; a correction keeps the record's history"
        )
        display = load.display_path(registry / load.EVENTS_DIR / name)
        out.append(Diagnostic(display, 1, 1, "id", msg))
    return sorted(out)


def build(log: GitLog) -> History:
    """Changes and versions of every record file, from one log and one blob read."""
    records = {
        path.partition("/")[2]: touches
        for path, touches in log.touches.items()
        if path.startswith(load.EVENTS_DIR + "/")
    }
    wanted = {s for ts in records.values() for s in _needed(ts)}
    parsed = {sha: parse_record(text) for sha, text in read_blobs(log, sorted(wanted)).items()}
    newest: dict[str, Version] = {}
    for path, touches in log.touches.items():
        name, last = Path(path).name, touches[-1].version
        if name not in newest or last.order < newest[name].order:
            newest[name] = last
    problems: list[str] = []
    changes = {name: record_changes(ts, parsed, problems) for name, ts in records.items()}
    return History(
        dates={name: v.date for name, v in newest.items()},
        records=changes,
        versions={name: ts[-1].version for name, ts in records.items() if ts[-1].status != "D"},
        warning="\n".join(filter(None, [log.warning, *sorted(set(problems))])),
    )


def _needed(touches: list[Touch]) -> set[str]:
    """Blobs a comparison needs: both sides of every change after the first addition."""
    out: set[str] = set()
    known = ""
    for t in touches:
        if t.status == "D":
            continue
        if known:
            out |= {known, t.new}
        known = t.new
    return out


def parse_record(text: str | None) -> dict[str, Any] | None:
    """A record's values in the current shape, read as records are (yaml12.safe_value:
    no anchors or aliases, YAML 1.2 core types); None for a version that cannot be read."""
    if text is None:
        return None
    value = yaml12.safe_value(migrate.migrate_text(text))
    return value if isinstance(value, dict) else None


def record_changes(
    touches: list[Touch], parsed: dict[str, dict | None], problems: list[str] | None = None
) -> tuple[Change, ...]:
    """A file's touches -> its changes, newest first.

    A version that cannot be read (too large, not YAML, aliases, not a mapping) is
    skipped with a warning naming its commit: the next readable one is compared
    with the last readable one before it, so a broken commit never invents a change.
    """
    out = []
    previous: Touch | None = None
    for t in touches:
        if t.status == "D":
            continue
        if previous is None:
            out.append(Change(t.version, t.why, "addition", (), None, t.why_en))
            previous = t
            continue
        old, new = parsed.get(previous.new, {}), parsed.get(t.new, {})
        if old is None:  # nothing readable to compare with: this version is the new base
            _warn(problems, previous)
            previous = t
            continue
        changes = None if new is None else _diff(old, new)
        if changes is None:
            _warn(problems, t)
            continue
        out.append(Change(t.version, t.why, classify(changes), changes, previous.version, t.why_en))
        previous = t
    return tuple(reversed(out))


def _diff(old: dict, new: dict) -> tuple[FieldChange, ...] | None:
    """diff_records on two old versions; None when one holds shapes no record has."""
    try:
        return diff_records(old, new)
    except (TypeError, AttributeError, KeyError, ValueError, IndexError):
        return None


def _warn(problems: list[str] | None, t: Touch) -> None:
    if problems is not None:
        problems.append(
            f"{t.version.path} at commit {t.version.short} ({t.version.date}) cannot be read "
            "as a record (too large, not YAML, aliases or not a mapping); its history skips "
            "that version"
        )


def classify(changes: tuple[FieldChange, ...]) -> str:
    """The class of a change to a published record (see CLASSES)."""
    if any(is_fact(c) for c in changes):
        return "correction"
    if any(c.field == "sources" and c.op == "added" for c in changes):
        return "source"
    return "clarification" if changes else "format"


def is_fact(c: FieldChange) -> bool:
    """A published fact changed: anything but wording, source details and new sources."""
    if c.field in NOTE_KEYS or c.part in NOTE_KEYS:
        return False
    return not (c.field == "sources" and c.op in ("added", "changed"))


def read(registry: Path) -> tuple[GitLog, History]:
    """The whole registry's history: one log pass, one blob read."""
    log = read_log(registry)
    return log, build(log)
