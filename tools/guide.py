"""Write the reference part of CONTRIBUTING.md from the record schema and the fixtures.

Why: a rule stated by hand in the guide, again in the schema and again in the checker
drifts; here each is stated once. Every field's meaning comes from
registry/schema/event.schema.json (`x-description-id` in Indonesian, `description` in
English, `examples` instead of the pattern), and every checker message, with the
fixture that makes it, from tests/fixtures/invalid/expected.txt. The text goes between
the BEGIN and END markers of CONTRIBUTING.md; tests/test_contributing.py fails when it
is out of date.

    .venv/bin/python -m tools.guide          # rewrite the reference in CONTRIBUTING.md
    .venv/bin/python -m tools.guide --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "CONTRIBUTING.md"
SCHEMA = ROOT / "registry" / "schema" / "event.schema.json"
EXPECTED = ROOT / "tests" / "fixtures" / "invalid" / "expected.txt"
BEGIN = "<!-- BEGIN REFERENCE: written by tools/guide.py; edit the schema or fixtures -->"
END = "<!-- END REFERENCE -->"
LINE = re.compile(r"^(?P<fixture>\S+)\t\S+?:\d+:\d+: (?P<severity>error|warning): (?P<rest>.*)$")
KEY = re.compile(r"([a-z_][a-z0-9_]*(?:\[\d+\])*(?:\.[a-z_][a-z0-9_]*(?:\[\d+\])*)*): (.*)")


@dataclass
class Field:
    """One key path of the record, as the schema describes it (all oneOf forms merged)."""

    path: str
    texts: list[tuple[str, str, str]] = field(default_factory=list)  # (form, id, en)
    forms: list[str] = field(default_factory=list)  # the oneOf forms of its item ([""]: none)
    required: list[str] = field(default_factory=list)  # the forms that require it
    facts: list[str] = field(default_factory=list)


def fields(schema: dict) -> list[Field]:
    """Every key path of the record schema, in schema order."""
    out: dict[str, Field] = {}
    _walk(schema, "", out, form="")
    return list(out.values())


def _walk(schema: dict, prefix: str, out: dict[str, Field], form: str) -> None:
    """A oneOf form is named by its first required key no other form has (`office`,
    `group`; `instrument`, `type`)."""
    options = schema.get("oneOf", [])
    for option, name in zip(options, _form_names(options), strict=True):
        _walk(option, prefix, out, form=name)
        for entry in out.values():
            if (
                entry.path.startswith(prefix + ".")
                and entry.path.count(".") == prefix.count(".") + 1
            ):
                entry.forms = _form_names(options)
    required = set(schema.get("required", []))
    for name, sub in schema.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        entry = out.setdefault(path, Field(path))
        entry.forms = _form_names(options) or [form]
        texts = (form, sub.get("x-description-id", ""), sub.get("description", ""))
        if texts[1:] not in [t[1:] for t in entry.texts]:
            entry.texts.append(texts)
        if name in required:
            entry.required.append(form)
        for fact in _facts(sub):
            if fact not in entry.facts:
                entry.facts.append(fact)
        target = sub.get("items", sub) if sub.get("type") == "array" else sub
        _walk(target, path + ("[]" if target is not sub else ""), out, form="")


def _form_names(options: list[dict]) -> list[str]:
    names = []
    for option in options:
        others = {k for o in options if o is not option for k in o.get("properties", {})}
        own = [k for k in option.get("required", []) if k not in others]
        names.append(own[0] if own else "")
    return names


def _facts(schema: dict) -> list[str]:
    """What a value must be, in both languages, from the schema's keywords."""
    item = schema.get("items", {})
    facts = []
    if schema.get("type") == "object":
        facts.append("kunci di bawahnya / keys below it")
    if schema.get("type") == "array":
        facts.append("daftar / list")
    for part in (schema, item):
        if "const" in part:
            facts.append(f"selalu / always `{part['const']}`")
        if "enum" in part:
            facts.append("satu dari / one of: " + ", ".join(f"`{v}`" for v in part["enum"]))
        if part.get("type") == "integer":
            low, high = part.get("minimum"), part.get("maximum")
            facts.append(f"bilangan bulat / whole number {low}–{high}")
        if "examples" in part:
            facts.append(
                "contoh / e.g. " + ", ".join(_code(json.dumps(v)) for v in part["examples"])
            )
        if "maxLength" in part and "examples" in part and part.get("minLength"):
            facts.append(f"≤ {part['maxLength']} karakter / characters")
    if "maxItems" in schema:
        facts.append(f"≤ {schema['maxItems']} butir / items")
    return facts


def _code(text: str) -> str:
    """A Markdown code span that holds any text, backticks included."""
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def render_fields(schema: dict) -> list[str]:
    lines = []
    for entry in fields(schema):
        need = ""
        if entry.required and set(entry.required) == set(entry.forms):
            need = "**wajib / required**; "
        elif entry.required:
            forms = ", ".join(f"`{f}`" for f in entry.required)
            need = f"**wajib dalam bentuk / required in the form with** {forms}; "
        lines.append(f"- `{entry.path}`: {need}{'; '.join(entry.facts)}".rstrip("; "))
        for form, text_id, text_en in entry.texts:
            label = f" (`{form}`)" if len(entry.texts) > 1 else ""
            lines.append(f"  - ID{label}: {text_id}")
            lines.append(f"  - EN{label}: {text_en}")
    return lines


def messages(text: str) -> list[tuple[str, str, str, str]]:
    """(fixture, severity, key, message) for every line of expected.txt."""
    out = []
    for row in text.splitlines():
        match = LINE.match(row)
        if not match:
            continue
        rest = match["rest"]
        key_match = KEY.fullmatch(rest)
        key, message = (key_match[1], key_match[2]) if key_match else ("", rest)
        out.append((match["fixture"], match["severity"], key, message))
    return out


def render_messages(text: str) -> list[str]:
    lines = []
    for fixture, severity, key, message in messages(text):
        where = f" `{key}`" if key else ""
        label = " (peringatan / warning)" if severity == "warning" else ""
        lines.append(f"- `{fixture}`{label}{where}: {_code(message)}")
    return lines


def render(schema: dict, expected: str) -> str:
    """The reference: every field, then every message, between the markers."""
    parts = [
        BEGIN,
        "",
        "## Arti setiap kolom / What each field means",
        "",
        "Dari / from `registry/schema/event.schema.json`. `[]`: butir daftar / list item.",
        "",
        *render_fields(schema),
        "",
        "## Pesan pemeriksa / Checker messages",
        "",
        "Satu baris per pesan: nama berkas contoh di `tests/fixtures/invalid/`, kunci, pesan.",
        "One line per message: the example file in `tests/fixtures/invalid/`, key, message.",
        "`[1]` = butir pertama / first item.",
        "",
        *render_messages(expected),
        "",
        END,
    ]
    return "\n".join(parts)


def updated(guide: str, reference: str) -> str:
    """The guide with its reference replaced; the guide must hold both markers once."""
    start, end = guide.index(BEGIN), guide.index(END) + len(END)
    return guide[:start] + reference + guide[end:]


def current() -> tuple[str, str]:
    """(the guide as it is, the guide as tools/guide.py would write it)."""
    guide = GUIDE.read_text(encoding="utf-8")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return guide, updated(guide, render(schema, EXPECTED.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    guide, fresh = current()
    if "--check" in argv:
        if guide != fresh:
            print("CONTRIBUTING.md is out of date: run .venv/bin/python -m tools.guide")
            return 1
        return 0
    if guide != fresh:
        GUIDE.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
