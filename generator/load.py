"""Files -> YAML nodes with line/column marks. No validation beyond "is it YAML".

We compose nodes (not Python objects) with libyaml's C loader so that every
later error can point at the line and column of the offending value, and so
that we decide ourselves how each scalar is read (a region code like 32.70
must stay text, not become the float 32.7).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from .diagnostics import Diagnostic

MAX_FILE_BYTES = 64 * 1024
"""A record is a page of facts; anything larger is a mistake or an attack."""

EVENTS_DIR = "events"
REFERENCE_FILES = ("elections.yml", "legal-bases.yml", "clauses.yml")
REGIONS_FILE = "regions.csv"
SCHEMA_FILE = "schema/event.schema.json"
RECORD_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
ID_MAX = 80
"""A record's id is its file name without .yml: the schema's pattern and length."""


@dataclass(frozen=True)
class Document:
    """One YAML file: its printable path, its text and its root node (None if empty)."""

    path: Path
    display: str
    text: str
    node: yaml.Node | None


@dataclass(frozen=True)
class Table:
    """A CSV file as rows of dicts; row numbers are file line numbers for errors."""

    display: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def display_path(path: Path) -> str:
    """Path as printed in diagnostics: relative to the working directory when inside it.
    The folder is resolved, not the name: a link is shown as itself, not its target."""
    folder = _display_folder(str(path.parent), os.getcwd())
    if folder is None:
        return path.as_posix()
    return path.name if folder == "." else f"{folder}/{path.name}"


@functools.lru_cache(maxsize=64)
def _display_folder(folder: str, cwd: str) -> str | None:
    """A folder relative to the working directory, or None outside it: once per folder,
    not per record (resolving cost `check` a fifth of its time at 5,000 records)."""
    try:
        return Path(folder).resolve().relative_to(Path(cwd).resolve()).as_posix()
    except ValueError:
        return None


def read_text(
    path: Path, display: str, limit: int = MAX_FILE_BYTES, what: str = "a record"
) -> tuple[str | None, list[Diagnostic]]:
    """Read a regular file (never a symbolic link: its target is not ours to read, and
    is never quoted) as strict UTF-8 within the size limit, reporting where it fails."""
    try:
        data = read_regular(path, limit)
    except FileTooLarge as err:
        msg = f"file is {err.size} bytes; {what} may be at most {limit} bytes"
        return None, [Diagnostic(display, 1, 1, "", msg)]
    except NotRegular as err:
        return None, [Diagnostic(display, 1, 1, "", str(err))]
    except OSError as err:
        return None, [Diagnostic(display, 1, 1, "", f"cannot read file: {err.strerror}")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line, col = _byte_position(data, err.start)
        msg = (
            f"file is not UTF-8 (byte 0x{data[err.start]:02x}); "
            "save it as UTF-8 (in most editors: Save with Encoding -> UTF-8)"
        )
        return None, [Diagnostic(display, line, col, "", msg)]


class NotRegular(OSError):
    """The path is a symbolic link, a folder or a device, not a file of the registry."""


class FileTooLarge(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


SYMLINK = "is a symbolic link; the registry holds only regular files (copy the file in)"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file, opened without following a final symbolic link and
    checked on the open descriptor (no window between the check and the read)."""
    try:
        fd = os.open(
            path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        )
    except OSError as err:
        if path.is_symlink():
            raise NotRegular(SYMLINK) from None
        raise err
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise NotRegular("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular("is not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(len(data))
    return data


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, counting characters decoded so far."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    last = before.rfind(b"\n") + 1
    col = len(before[last:].decode("utf-8", errors="replace")) + 1
    return line, col


def compose(text: str, display: str) -> tuple[yaml.Node | None, list[Diagnostic]]:
    """Parse one YAML document into a node tree; syntax errors become diagnostics."""
    try:
        return yaml.compose(text, Loader=yaml.CSafeLoader), []
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Diagnostic(display, line, col, "", syntax_message(err))]
    except yaml.reader.ReaderError as err:
        line, col = _char_position(text, err.position)
        code = err.character if isinstance(err.character, int) else ord(err.character)
        msg = f"character U+{code:04X} is not allowed in YAML; delete it"
        return None, [Diagnostic(display, line, col, "", msg)]
    except yaml.YAMLError as err:  # any other libyaml complaint, still without a traceback
        return None, [Diagnostic(display, 1, 1, "", f"YAML syntax: {err}")]


SYNTAX_HINTS = {
    "mapping values are not allowed": "check this line's indentation, and put text that "
    "contains ': ' in quotes",
    "found another document": "a record is one document; remove the '---' line",
    "could not find expected ':'": "each line needs 'key: value'; check indentation and quotes",
    "found character '\\t'": "use spaces, not tabs, for indentation",
    "found character that cannot start any token": "use spaces, not tabs, for indentation, "
    "and put text that starts with @ or a backtick in quotes",
    "did not find expected '-' indicator": "check this line's indentation against the "
    "lines above it",
    "found undefined alias": "YAML aliases (*name) are not allowed; write the value out",
    "did not find expected ',' or ']'": "close the list with ']', or put text that contains "
    "',', ':' or brackets in quotes",
    "did not find expected ',' or '}'": "close the mapping with '}', or put text that "
    "contains ',', ':' or braces in quotes",
    "while scanning a quoted scalar": "a quoted text is not closed; add the closing quote",
    "found unknown escape character": "inside double quotes a backslash starts an escape; "
    "use single quotes, or write \\\\ for a backslash",
    "expected <block end>": "check this line's indentation against the lines above it",
    "while scanning a simple key": "each line needs 'key: value'; check indentation and quotes",
}


def syntax_message(err: yaml.MarkedYAMLError) -> str:
    """libyaml's context and problem, plus what to do about the common ones."""
    text = ", ".join(p for p in (err.context, err.problem) if p) or "invalid YAML"
    start, end = err.context_mark, err.problem_mark
    if start and end and start.line != end.line and (err.context or "").startswith("while"):
        text += f" (it starts at line {start.line + 1}, column {start.column + 1})"
    hint = next((h for k, h in SYNTAX_HINTS.items() if k in text), "")
    return f"YAML syntax: {text}" + (f"; {hint}" if hint else "")


def _char_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in text."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def anchor_marks(text: str) -> list[tuple[int, int, bool]]:
    """Where anchors (&name) and aliases (*name) stand: (line, col, is_alias).

    Only called when '&' occurs in the text (no alias without an anchor).
    Composed nodes forget anchors and alias positions; the event stream keeps both.
    """
    marks = []
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if getattr(event, "anchor", None):
                alias = isinstance(event, yaml.AliasEvent)
                marks.append((event.start_mark.line + 1, event.start_mark.column + 1, alias))
    except yaml.YAMLError:
        pass  # compose already reported the syntax error
    return marks


ANCHOR_MESSAGES = {
    False: "YAML anchors (&name) are not allowed; write each value out in full",
    True: "YAML aliases (*name) are not allowed; write the value out in full",
}


def anchor_diagnostics(doc: Document) -> list[Diagnostic]:
    """Anchors and aliases are rejected even when unused: they make reviews misleading,
    and an alias walked twice is how a few hundred bytes fill memory."""
    if "&" not in doc.text:
        return []
    return [
        Diagnostic(doc.display, line, col, "", ANCHOR_MESSAGES[alias])
        for line, col, alias in anchor_marks(doc.text)
    ]


def load_document(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Read and compose one YAML file; None with diagnostics when it cannot be read."""
    display = display_path(path)
    text, diags = read_text(path, display)
    if text is None:
        return None, diags
    node, diags = compose(text, display)
    if diags:
        return None, diags
    return Document(path, display, text, node), []


def event_paths(registry: Path) -> list[Path]:
    """All record files, sorted so every run reports and renders in the same order."""
    return scan_events(registry)[0]


def is_record_name(name: str) -> bool:
    """The one rule for a record's file name: ID.yml, ID in the schema's id pattern."""
    stem = name.removesuffix(".yml")
    return stem != name and len(stem) <= ID_MAX and RECORD_ID.fullmatch(stem) is not None


def is_reference_name(name: str) -> bool:
    """A reference file at the top of the registry (history keeps its dates)."""
    return name in (*REFERENCE_FILES, REGIONS_FILE, "wording.yml")


SCHEMAS = frozenset(
    n.replace(".yml", ".schema.json") for n in (*REFERENCE_FILES, "wording.yml", "event.yml")
)
TOOL_FILES = (
    "region-aliases.csv",
    "region-capitals.csv",
    "region-names.csv",
    "region-shortnames.csv",
)
"""Sources the tools/ scripts read to rebuild regions.csv; not read by the generator."""


def scan_registry(registry: Path) -> list[Diagnostic]:
    """The registry's own folder and schema/: no symbolic link (each reference file is
    judged when it is read), and no data file the generator would silently ignore
    (elections.yaml beside elections.yml, a new list nobody reads)."""
    diags = []
    known = {*REFERENCE_FILES, REGIONS_FILE, "wording.yml", *TOOL_FILES}
    for folder in (registry, registry / "schema"):
        if folder.is_symlink():
            continue  # reported as an entry of the registry
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            path = display_path(Path(entry.path))
            if entry.name in (known if folder == registry else SCHEMAS):
                continue  # read (and judged) by name
            if entry.is_symlink():
                diags.append(Diagnostic(path, 1, 1, "", SYMLINK))
            elif folder == registry and entry.name.endswith((".yml", ".yaml", ".csv", ".json")):
                msg = (
                    "is not a file the registry reads: reference data is "
                    f"{', '.join(sorted({*REFERENCE_FILES, 'wording.yml', REGIONS_FILE}))}"
                )
                diags.append(Diagnostic(path, 1, 1, "", msg))
    return diags


def scan_events(registry: Path) -> tuple[list[Path], list[Diagnostic]]:
    """Record files of registry/events/, and an error for every other entry there.

    A record is a regular file (not a symbolic link) named ID.yml directly in the
    folder; anything else (x.yaml, x, .x.yml, a folder named x.yml, a link) would be
    skipped or, worse, published twice, so each is reported with its path.
    """
    folder = registry / EVENTS_DIR
    if folder.is_symlink():
        return [], [Diagnostic(display_path(folder), 1, 1, "", SYMLINK)]
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return [], []
    paths, diags = [], []
    for entry in entries:
        problem = entry_problem(entry)
        if problem:
            diags.append(Diagnostic(display_path(Path(entry.path)), 1, 1, "", problem))
        else:
            paths.append(Path(entry.path))
    return paths, diags


def entry_problem(entry: os.DirEntry) -> str:
    """Why an entry of registry/events/ is not a record file ('' when it is one)."""
    name = entry.name
    if entry.is_symlink():
        return SYMLINK
    if entry.is_dir(follow_symlinks=False):
        return "is a folder; registry/events/ holds only record files named ID.yml"
    if not entry.is_file(follow_symlinks=False):
        return "is not a regular file; registry/events/ holds only record files named ID.yml"
    if name.startswith("."):
        return (
            "is a hidden file; registry/events/ holds only record files named ID.yml "
            "(lowercase letters, digits and hyphens), so delete or rename it"
        )
    if name.endswith(".yml") and not is_record_name(name):
        return (
            f"file name is not a record id: name it ID.yml with lowercase letters, digits "
            f"and single hyphens, at most {ID_MAX} characters before .yml"
        )
    if not name.endswith(".yml"):
        stem = name.rsplit(".", 1)[0] if "." in name else name
        return f"is not a record file: records are named ID.yml; rename it to {stem}.yml"
    return ""


def load_table(path: Path) -> tuple[Table | None, list[Diagnostic]]:
    """Read a CSV reference file with its header; rows keep their line numbers."""
    display = display_path(path)
    text, diags = read_text(path, display) if path.name != REGIONS_FILE else _read_big(path)
    if text is None:
        return None, diags
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, dict[str, str]]] = []
    start = 1
    try:
        header = next(reader, [])
        start = reader.line_num
        for row in reader:  # a row's line is where it starts (a quoted field may span lines)
            if row and len(row) != len(header):
                msg = f"row has {len(row)} fields; the header has {len(header)}"
                return None, [Diagnostic(display, start + 1, 1, "", msg)]
            if row:
                rows.append((start + 1, dict(zip(header, row, strict=True))))
            start = reader.line_num
    except csv.Error as err:
        return None, [Diagnostic(display, start + 1, 1, "", f"CSV syntax: {err}")]
    return Table(display, header, rows), []


REGIONS_MAX_BYTES = 4 * 1024 * 1024
"""The region list (552 rows, 50 KB) is larger than a record, but not without limit."""


def _read_big(path: Path) -> tuple[str | None, list[Diagnostic]]:
    """The region list: read as a record is, with its own size limit."""
    return read_text(path, display_path(path), REGIONS_MAX_BYTES, "the region list")
