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
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from . import load, migrate, textdiff
from .diagnostics import Diagnostic

CLASSES = ("addition", "source", "correction", "clarification", "format")
"""Every class of change, in the order a reader meets them. What each means:
addition: the record was published; source: sources were added and no fact changed;
correction: a published fact changed (or a source was withdrawn); clarification:
notes, descriptions or source details changed and no fact did; format: the file
changed but no value did (layout, comments, a migration to a new record shape)."""

NOTE_KEYS = frozenset({"note", "notes", "description", "elections_note", "other_names"})
"""Keys whose change is wording, not fact: a clarification."""

LONG_TEXT = 40
"""Texts longer than this are shown as a word diff rather than 'before -> after'."""

GIT_TIMEOUT = 300
SEP_COMMIT, SEP_FIELD, SEP_HEAD = "\x1e", "\x1f", "\x1d"
LOG_FORMAT = "%x1e%H%x1f%ct%x1f%cs%x1f%s%x1f%b%x1d"


class DateValue(NamedTuple):
    """A record's date as compared and shown: precision and value together."""

    precision: str
    value: str


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
class FieldChange:
    """One difference: field and part (sub-key), op (added/removed/changed), the list
    item it concerns (a label), values before and after, and a word diff for long text."""

    field: str
    part: str
    op: str
    item: str
    before: Any
    after: Any
    words: tuple[tuple[str, str], ...] = ()


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


IGNORED = frozenset({"schema_version", "id"})


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    """Field-by-field differences between two parsed records, in the new record's order."""
    out: list[FieldChange] = []
    for key in [*new, *(k for k in old if k not in new)]:
        if key in IGNORED or old.get(key) == new.get(key):
            continue
        a, b = old.get(key), new.get(key)
        if key == "date":
            out += _date_changes(a or {}, b or {})
        elif isinstance(a, list) or isinstance(b, list):
            out += _list_changes(key, a or [], b or [])
        elif isinstance(a, dict) or isinstance(b, dict):
            out += _mapping_changes(key, "", a or {}, b or {})
        else:
            out.append(_scalar(key, "", "", a, b))
    return tuple(out)


def _date_changes(a: dict, b: dict) -> list[FieldChange]:
    """Precision and value are one fact ("± 19 Okt 2020 -> 19 Okt 2020"); the note another."""
    out = []
    before = DateValue(str(a.get("precision", "")), _text(a.get("value", "")))
    after = DateValue(str(b.get("precision", "")), _text(b.get("value", "")))
    if before != after:
        op = "changed" if a else "added"
        out.append(FieldChange("date", "", op, "", before if a else None, after))
    if a.get("note") != b.get("note"):
        out.append(_scalar("date", "note", "", a.get("note"), b.get("note")))
    return out


def _mapping_changes(key: str, item: str, a: dict, b: dict) -> list[FieldChange]:
    return [
        _scalar(key, part, item, a.get(part), b.get(part))
        for part in [*b, *(k for k in a if k not in b)]
        if a.get(part) != b.get(part)
    ]


ITEM_KEYS = {
    "sources": lambda v: v.get("url"),
    "people": lambda v: v.get("name") or v.get("group") or v.get("office"),
    "bodies": lambda v: (v.get("kind"), v.get("name")),
    "legal_basis": lambda v: v.get("instrument") or (v.get("issuer"), v.get("number")),
}


def item_label(key: str, index: int, v: Any) -> str:
    """How a list item is named in a change: a source by its publisher, a clause by number."""
    if not isinstance(v, dict):
        return _text(v)
    if key == "clauses":
        return str(index + 1)
    names = ("publisher", "name", "group", "office", "instrument", "issuer", "kind", "url")
    return next((_text(v[n]) for n in names if v.get(n)), str(index + 1))


def _list_changes(key: str, a: list, b: list) -> list[FieldChange]:
    """Items matched by identity (a source by its URL), else by position; then compared."""
    if not all(isinstance(v, dict) for v in a + b):
        gone = [FieldChange(key, "", "removed", _text(v), None, None) for v in a if v not in b]
        return gone + [FieldChange(key, "", "added", _text(v), None, None) for v in b if v not in a]
    ident = ITEM_KEYS.get(key)
    pairs, left, right = [], list(range(len(a))), list(range(len(b)))
    if ident:
        for j in list(right):
            i = next((i for i in left if ident(a[i]) == ident(b[j])), None)
            if i is not None:
                pairs.append((i, j))
                left.remove(i)
                right.remove(j)
    while left and right and key != "sources":  # another URL is another source
        pairs.append((left.pop(0), right.pop(0)))
    out = []
    for i, j in sorted(pairs, key=lambda p: p[1]):
        if a[i] != b[j]:
            out += _mapping_changes(key, item_label(key, j, b[j]), a[i], b[j])
    out += [FieldChange(key, "", "removed", item_label(key, i, a[i]), None, None) for i in left]
    out += [FieldChange(key, "", "added", item_label(key, j, b[j]), None, None) for j in right]
    return out


def _scalar(key: str, part: str, item: str, a: Any, b: Any) -> FieldChange:
    before, after = _shown(a), _shown(b)
    op = "added" if a is None else "removed" if b is None else "changed"
    words: tuple[tuple[str, str], ...] = ()
    texts = isinstance(before, str) and isinstance(after, str)
    if op == "changed" and texts and max(len(before), len(after)) > LONG_TEXT:
        words = textdiff.word_diff(before, after)
    return FieldChange(key, part, op, item, before, after, words)


def _shown(v: Any) -> Any:
    """A value as a page and JSON show it: text, a number, or a tuple of texts."""
    if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return tuple(_text(x) for x in v)
    return _text(v)


def _text(v: Any) -> str:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_text(x)}" for k, x in v.items())
    return "" if v is None else str(v)


def read(registry: Path) -> tuple[GitLog, History]:
    """The whole registry's history: one log pass, one blob read."""
    log = read_log(registry)
    return log, build(log)
