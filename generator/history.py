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

The classes of change are defined here (the rule, in `classify`) and named and
explained in words once, in templates/_history.md.j2, which the methodology
page (docs/tentang.md) quotes; a test keeps the two in step.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from . import load, migrate
from .diagnostics import Diagnostic
from .fielddiff import FieldChange, diff_records

CLASSES = ("addition", "source", "correction", "clarification", "format")
"""Every class of change, in the order a reader meets them. What each means:
addition: the record was published; source: sources were added and no fact changed;
correction: a published fact changed (or a source was withdrawn); clarification:
notes, descriptions or source details changed and no fact did; format: the file
changed but no value did (layout, comments, a migration to a new record shape)."""

NOTE_KEYS = frozenset({"note", "notes", "description", "elections_note", "other_names"})
"""Keys whose change is wording, not fact: a clarification."""

GIT_TIMEOUT = 300
SEP_COMMIT, SEP_FIELD, SEP_HEAD = "\x1e", "\x1f", "\x1d"
LOG_FORMAT = "%x1e%H%x1f%ct%x1f%cs%x1f%s%x1f%b%x1d"


@dataclass(frozen=True)
class Version:
    """One commit as seen by a record: full id, committer date and time, file path then."""

    commit: str
    date: str
    time: int
    path: str
    order: int = field(default=0, compare=False)  # position in the log: 0 is the newest

    @property
    def short(self) -> str:
        """Seven characters, fixed (git's own abbreviation grows with the repository)."""
        return self.commit[:7]

    @property
    def stamp(self) -> str:
        """RFC 3339 UTC time of the commit, for Atom."""
        return datetime.fromtimestamp(self.time, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Change:
    """One commit's change to one record."""

    version: Version
    why: str
    kind: str
    changes: tuple[FieldChange, ...]
    previous: Version | None


@dataclass(frozen=True)
class Touch:
    """A commit touching a file: status (A, M, D, T) and the blob ids before and after."""

    version: Version
    why: str
    status: str
    old: str
    new: str


@dataclass(frozen=True)
class GitLog:
    """What one `git log` pass found: per path (relative to the registry) the commits
    touching it, oldest first; the registry's folder inside the repository."""

    touches: dict[str, list[Touch]]
    prefix: str = ""
    warning: str = ""
    cwd: Path = Path(".")


@dataclass(frozen=True)
class History:
    """Per record file name: its changes (newest first) and version (last commit)."""

    dates: dict[str, str]
    records: dict[str, tuple[Change, ...]]
    versions: dict[str, Version]
    warning: str = ""


NO_HISTORY = "pages are built without record history (versions, corrections)"


def _git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    """Run git; raise OSError or SubprocessError on failure (callers degrade)."""
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", *args],
        cwd=cwd,
        input=data,
        capture_output=True,
        check=True,
        timeout=GIT_TIMEOUT,
    ).stdout


def read_log(registry: Path) -> GitLog:
    """One pass over the registry's history (first parents: one entry per merged change).

    Never raises: without git, outside a repository or in a shallow clone the log is
    empty and carries the one warning to print.
    """
    try:
        shallow, prefix = (
            _git(["rev-parse", "--is-shallow-repository", "--show-prefix"], registry)
            .decode()
            .split("\n")[:2]
        )
    except FileNotFoundError:
        return GitLog({}, warning=f"git is not installed: {NO_HISTORY}")
    except (OSError, subprocess.SubprocessError):
        return GitLog({}, warning=f"{registry} is not in a git repository: {NO_HISTORY}")
    if shallow == "true":
        return GitLog(
            {},
            warning=f"shallow git clone: {NO_HISTORY}; fetch the whole history "
            "(git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)",
        )
    args = ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw"]
    args += ["--no-abbrev", "-z", "--relative", f"--format={LOG_FORMAT}", "--", "."]
    try:
        out = _git(args, registry).decode("utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return GitLog({}, prefix)  # a repository without commits yet: nothing to show
    return GitLog(parse_log(out, prefix), prefix, cwd=registry)


def parse_log(out: str, prefix: str) -> dict[str, list[Touch]]:
    """`git log -z --raw` output -> touches per path, oldest first."""
    touches: dict[str, list[Touch]] = {}
    chunks = [c for c in out.split(SEP_COMMIT) if c]
    for order, chunk in enumerate(chunks):
        head, _, raw = chunk.partition(SEP_HEAD)
        commit, time, day, subject, body = (head.split(SEP_FIELD) + [""] * 5)[:5]
        why = reason(subject, body)
        parts = raw.lstrip("\0\n").split("\0")
        for meta, path in zip(parts[::2], parts[1::2], strict=False):
            bits = meta.lstrip(":").split()
            if len(bits) < 5:
                continue
            version = Version(commit, day, int(time or 0), prefix + path, order)
            touches.setdefault(path, []).append(Touch(version, why, bits[4][0], bits[2], bits[3]))
    for items in touches.values():
        items.reverse()
    return touches


def reason(subject: str, body: str) -> str:
    """The why: a pull request's title for GitHub's merge commits, else the subject."""
    if subject.startswith("Merge pull request #"):
        number = subject.split()[3]
        title = next((line.strip() for line in body.splitlines() if line.strip()), "")
        return f"{title} ({number})" if title else subject
    return subject.strip()


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
    return History(
        dates={name: v.date for name, v in newest.items()},
        records={name: record_changes(ts, parsed) for name, ts in records.items()},
        versions={name: ts[-1].version for name, ts in records.items() if ts[-1].status != "D"},
        warning=log.warning,
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


def read_blobs(log: GitLog, shas: list[str]) -> dict[str, str]:
    """Contents of the given blobs through one `git cat-file --batch`."""
    if not shas:
        return {}
    try:
        data = _git(["cat-file", "--batch"], log.cwd, ("\n".join(shas) + "\n").encode())
    except (OSError, subprocess.SubprocessError):
        return {}
    out, at = {}, 0
    while at < len(data):
        end = data.index(b"\n", at)
        head = data[at:end].split()
        at = end + 1
        if len(head) < 3:  # "<sha> missing"
            continue
        size = int(head[2])
        out[head[0].decode()] = data[at : at + size].decode("utf-8-sig", errors="replace")
        at += size + 1
    return out


def parse_record(text: str) -> dict[str, Any]:
    """A record's values in the current shape; an unreadable file is an empty record."""
    try:
        value = yaml.load(migrate.migrate_text(text), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return {}
    return value if isinstance(value, dict) else {}


def record_changes(touches: list[Touch], parsed: dict[str, dict]) -> tuple[Change, ...]:
    """A file's touches -> its changes, newest first."""
    out = []
    previous: Touch | None = None
    for t in touches:
        if t.status == "D":
            continue
        if previous is None:
            out.append(Change(t.version, t.why, "addition", (), None))
        else:
            changes = diff_records(parsed.get(previous.new, {}), parsed.get(t.new, {}))
            out.append(Change(t.version, t.why, classify(changes), changes, previous.version))
        previous = t
    return tuple(reversed(out))


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
