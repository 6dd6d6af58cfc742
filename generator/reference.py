"""Reference data -> checked lookup tables: regions, elections, legal bases, clauses.

Reference files change rarely and by maintainers, but they arrive by pull
request like records, so they get the same line-and-column diagnostics.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from . import load, urls
from .diagnostics import Diagnostic, GeneratorError
from .schema import MISSING, Walker, key_text

REGION_COLUMNS = ["code", "level", "name", "province_code", "slug", "aliases"]
LEVELS = ("provinsi", "kabupaten", "kota")
SLUG = re.compile(r"^(prov|kab|kota)-[a-z0-9]+(-[a-z0-9]+)*$")
# How clauses are compared with their templates: read and checked like the other
# reference files (its own schema), listed here so load.py need not know about it.
WORDING_FILE = "wording.yml"
SLOT_MARK = re.compile(r"\{([^{}]*)\}")
_REPEAT = r"(?:[+*]|\{[0-9]*,[0-9]*\})"
NESTED = re.compile(rf"\((?:[^()\\]|\\.)*{_REPEAT}(?:[^()\\]|\\.)*\){_REPEAT}")
"""A repeated group holding a repetition, (a+)+ or (x*y){2,}: the shape of patterns
whose matching time explodes (ReDoS); slot patterns run on every sworn clause."""


@dataclass(frozen=True)
class Reference:
    """Reference data, validated: regions, elections, legal bases, clause templates."""

    regions: dict[str, dict[str, str]]
    elections: dict[str, dict[str, Any]]
    legal_bases: dict[str, dict[str, Any]]
    clause_sets: list[dict[str, Any]]
    schema: dict[str, Any] = field(repr=False)
    # Slots of clause templates (clauses.yml) and normalisation rules (wording.yml).
    clause_slots: list[dict[str, Any]] = field(default_factory=list)
    wording: dict[str, Any] = field(default_factory=dict)

    def clause_ids(self) -> list[str]:
        return [c["id"] for s in self.clause_sets for c in s["clauses"]]

    def clause_period(self, clause_id: str) -> tuple[date | None, date | None]:
        """The first and last day the text holding this clause was in use (None: open)."""
        for text in self.clause_sets:
            if any(c["id"] == clause_id for c in text["clauses"]):
                return tuple(  # type: ignore[return-value]
                    date.fromisoformat(text[k]) if k in text else None
                    for k in ("used_from", "used_until")
                )
        return None, None


SCHEMA_MAX_BYTES = 1024 * 1024


def read_schema(registry: Path, name: str) -> dict[str, Any]:
    """Schemas are ours, in the repository; a broken one is a bug, not user input, but
    it still arrives by pull request: read as a regular file (never through a link),
    and a problem is one located error, not a traceback."""
    path = registry / "schema" / name
    display = load.display_path(path)
    text, diags = load.read_text(path, display, SCHEMA_MAX_BYTES, "a schema")
    try:
        value = json.loads(text) if text is not None else None
    except json.JSONDecodeError as err:
        diags = [Diagnostic(display, err.lineno, err.colno, "", f"invalid JSON: {err.msg}")]
        value = None
    if not isinstance(value, dict):
        raise GeneratorError(diags or [Diagnostic(display, 1, 1, "", "schema is not an object")])
    return value


def check_reference(registry: Path) -> tuple[Reference | None, list[Diagnostic]]:
    """Load and check every reference file; None if any has a problem."""
    regions, diags = check_regions(registry / load.REGIONS_FILE)
    diags = load.scan_registry(registry) + diags
    values = {}
    for name in (*load.REFERENCE_FILES, WORDING_FILE):
        value, found = _check_yaml(registry / name, read_schema(registry, _schema_name(name)))
        values[name] = value
        diags += found
    if not diags:
        diags += check_slots(registry / "clauses.yml", values["clauses.yml"])
    if diags or regions is None:
        return None, diags
    reference = Reference(
        regions=regions,
        elections={e["id"]: e for e in values["elections.yml"]},
        legal_bases={b["id"]: b for b in values["legal-bases.yml"]},
        clause_sets=values["clauses.yml"]["sets"],
        schema=read_schema(registry, load.SCHEMA_FILE.split("/")[-1]),
        clause_slots=values["clauses.yml"].get("slots", []),
        wording=values[WORDING_FILE],
    )
    return reference, []


def check_slots(path: Path, clauses: dict[str, Any]) -> list[Diagnostic]:
    """Every slot pattern compiles and every {slot} a template text marks is defined.

    Positions are the file's first line: the schema walker's marks are gone by now,
    and these files are edited by maintainers who can find one id.
    """
    display = load.display_path(path)
    slots = {s["id"]: s for s in clauses.get("slots", [])}
    diags = []
    for s in slots.values():
        try:
            re.compile(s["pattern"])
        except re.error as err:
            diags.append(Diagnostic(display, 1, 1, "pattern", f"slot '{s['id']}': {err}"))
            continue
        nested = NESTED.search(s["pattern"])
        if nested:
            msg = (
                f"slot '{s['id']}': '{nested.group()}' repeats a group that repeats itself, "
                "which can take exponential time on a long word; write it without nesting"
            )
            diags.append(Diagnostic(display, 1, 1, "pattern", msg))
    for c in (c for s in clauses["sets"] for c in s["clauses"]):
        for name in SLOT_MARK.findall(c["text"]):
            if name not in slots:
                known = ", ".join(sorted(slots)) or "none defined"
                msg = f"clause '{c['id']}' marks unknown slot '{{{name}}}' (known: {known})"
                diags.append(Diagnostic(display, 1, 1, "text", msg))
    return diags + check_periods(display, clauses["sets"])


def check_periods(display: str, sets: list[dict[str, Any]]) -> list[Diagnostic]:
    """A text's used_from and used_until are real days, the first not after the last."""
    diags = []
    for text in sets:
        days = {}
        for key in ("used_from", "used_until"):
            try:
                days[key] = date.fromisoformat(text[key]) if key in text else None
            except ValueError:
                msg = f"text '{text['id']}': '{text[key]}' is not a real date"
                diags.append(Diagnostic(display, 1, 1, key, msg))
        if (
            days.get("used_from")
            and days.get("used_until")
            and days["used_from"] > days["used_until"]
        ):
            msg = f"text '{text['id']}': used_from is after used_until"
            diags.append(Diagnostic(display, 1, 1, "used_until", msg))
    return diags


def _schema_name(file_name: str) -> str:
    return file_name.replace(".yml", ".schema.json")


def _check_yaml(path: Path, schema: dict) -> tuple[Any, list[Diagnostic]]:
    doc, diags = load.load_document(path)
    if doc is None:
        return None, diags
    if doc.node is None:
        return None, [Diagnostic(doc.display, 1, 1, "", "file is empty")]
    walker = Walker(doc.display, schema)
    value = walker.walk(doc.node, schema)
    diags = walker.diags + load.anchor_diagnostics(doc) + _duplicate_ids(walker, value)
    if value is not MISSING and not diags:
        diags += _urls(walker, value) + _dates(walker, value)
    return (None if value is MISSING else value), diags


def _duplicate_ids(walker: Walker, value: Any) -> list[Diagnostic]:
    """Ids must be unique within a reference file, at any depth (sets and their clauses)."""
    seen: set[str] = set()
    diags = []
    for path, line_col in sorted(walker.marks.items(), key=lambda kv: kv[1]):
        if not path or path[-1] != "id":
            continue
        ident = _get(value, path)
        if isinstance(ident, str) and ident in seen:
            line, col = line_col
            diags.append(Diagnostic(walker.display, line, col, "id", f"id '{ident}' is used twice"))
        seen.add(ident)
    return diags


def _get(value: Any, path: tuple) -> Any:
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def check_regions(path: Path) -> tuple[dict[str, dict[str, str]] | None, list[Diagnostic]]:
    """regions.csv: exact header, well-formed unique codes and slugs, known provinces."""
    table, diags = load.load_table(path)
    if table is None:
        return None, diags
    if table.header != REGION_COLUMNS:
        msg = f"header must be {','.join(REGION_COLUMNS)}"
        return None, [Diagnostic(table.display, 1, 1, "", msg)]
    regions: dict[str, dict[str, str]] = {}
    slugs: set[str] = set()
    for line, row in table.rows:
        problem = _region_problem(row, regions, slugs)
        if problem:
            diags.append(Diagnostic(table.display, line, 1, problem[0], problem[1]))
            continue
        regions[row["code"]] = row
        slugs.add(row["slug"])
    return (None if diags else regions), diags


def _region_problem(row: dict, regions: dict, slugs: set) -> tuple[str, str] | None:
    code = row.get("code") or ""
    if not re.fullmatch(r"[0-9]{2}(\.[0-9]{2})?", code) or code in regions:
        return "code", f"code '{code}' is malformed or repeated"
    if row.get("level") not in LEVELS or (len(code) == 2) != (row["level"] == "provinsi"):
        return "level", f"level '{row.get('level')}' does not fit code '{code}'"
    if row.get("province_code") != code[:2] or code[:2] not in regions | {code: row}:
        return "province_code", f"province '{row.get('province_code')}' is unknown or wrong"
    if not SLUG.match(row.get("slug") or "") or row["slug"] in slugs:
        return "slug", f"slug '{row.get('slug')}' is malformed or repeated"
    if len(row["slug"]) > SLUG_MAX:
        return "slug", f"slug is {len(row['slug'])} characters long; at most {SLUG_MAX} are allowed"
    name = _name_problem(row.get("name") or "", "name")
    if name:
        return "name", name
    aliases = row.get("aliases") or ""
    for alias in aliases.split(";") if aliases else ():
        problem = _name_problem(alias, "alias")
        if problem:
            return "aliases", problem
    return None


SLUG_MAX = 60
NAME_MAX = 100
"""Region names and slugs print in titles, feeds and file names: short, one line."""


def _name_problem(text: str, what: str) -> str:
    """A region name or alias: visible, at most NAME_MAX characters, no control, format
    (bidi, zero-width) or line-separator characters, no spaces around it."""
    if not text.strip():
        return f"{what} is empty"
    if len(text) > NAME_MAX:
        return f"{what} is {len(text)} characters long; at most {NAME_MAX} are allowed"
    bad = next((c for c in text if unicodedata.category(c) in HIDDEN), None)
    if bad:
        return f"{what} contains character U+{ord(bad):04X} ({_char_name(bad)}); delete it"
    if text != text.strip():
        return f"{what} '{text.strip()}' has spaces around it; delete them"
    return ""


HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def _char_name(char: str) -> str:
    return unicodedata.name(char, "control character").lower()


def _dates(walker: Walker, value: Any) -> list[Diagnostic]:
    """Every date of a reference file is a real day (the schema only says YYYY-MM-DD),
    as a record's are: 2024-02-30 would otherwise pass and stop the build."""
    diags = []
    for path, (line, col) in sorted(walker.marks.items(), key=lambda kv: kv[1]):
        if not path or path[-1] not in ("date", "voting_date"):
            continue
        day = _get(value, path)
        try:
            when = date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            msg = f"'{day}' is not a real date"
            diags.append(Diagnostic(walker.display, line, col, key_text(path), msg))
            continue
        if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
            msg = f"'{day}' is not between {FIRST_YEAR} and {LAST_YEAR}"
            diags.append(Diagnostic(walker.display, line, col, key_text(path), msg))
    return diags


FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Reference dates are laws and elections of the republic: outside these years a date
is a typo, and date arithmetic (two years before a vote) would leave the calendar."""


def _urls(walker: Walker, value: Any) -> list[Diagnostic]:
    """Every source and url of a reference file, held to the rules of a record's sources."""
    diags = []
    for path, (line, col) in sorted(walker.marks.items(), key=lambda kv: kv[1]):
        if not path or path[-1] not in ("source", "url"):
            continue
        url = _get(value, path)
        problem = urls.url_problem(url) if isinstance(url, str) else ""
        if problem:
            diags.append(Diagnostic(walker.display, line, col, key_text(path), problem))
    return diags
