"""Walk a YAML node tree with a JSON Schema: values, marks and diagnostics in one pass.

The JSON Schema in registry/schema/ is the single source of truth for record
shape (it also drives editor completion and the data docs). Rather than build
Python objects first and map a generic validator's errors back to lines, we
interpret the subset of JSON Schema we use directly on the nodes. That keeps
every message ours (with "did you mean" and "write this instead"), every
position exact, and the check fast. tests/test_schema.py proves the walker
agrees with the reference jsonschema implementation on every fixture.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

import yaml

from .diagnostics import Diagnostic

Path_ = tuple[str | int, ...]
MISSING: Any = object()

TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ufeff]")

PATTERN_HELP = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "use lowercase letters, digits and single hyphens "
    "(e.g. kab-bengkayang-2020-10-20)",
    "^[0-9]{2}(\\.[0-9]{2})?$": 'write a Kemendagri code in quotes: "61.07" for a regency '
    'or city, "21" for a province (see registry/regions.csv)',
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write a date as YYYY-MM-DD, e.g. 2024-10-07",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-10-07",
    "^https?://": "write an address starting with https:// or http://",
}

Hint = Callable[[str], str]


def key_text(path: Path_) -> str:
    """Human path: clauses[1].text, where list positions count from 1 as people do."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def suggest(word: str, choices: list[str]) -> str:
    """A ' (did you mean X?)' suffix, or '' when nothing is close."""
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return f" (did you mean '{lowered[word.lower()]}'?)"
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[close[0]]}'?)" if close else ""


class Walker:
    """One document's walk: collects diagnostics and the line/column of every value."""

    def __init__(self, display: str, root: dict, hints: dict[str, Hint] | None = None) -> None:
        self.display = display
        self.root = root
        self.hints = hints or {}
        self.diags: list[Diagnostic] = []
        self.marks: dict[Path_, tuple[int, int]] = {}
        self._seen: set[int] = set()
        self.aliased = False

    def error(self, node: yaml.Node, path: Path_, message: str) -> None:
        """Record a problem at the node's first character."""
        mark = node.start_mark
        self.diags.append(
            Diagnostic(self.display, mark.line + 1, mark.column + 1, key_text(path), message)
        )

    def walk(self, node: yaml.Node, schema: dict, path: Path_ = ()) -> Any:
        """Return the value of node if it fits schema, else MISSING (after reporting why)."""
        if id(node) in self._seen:
            # An alias: validate.py reports it at the *name itself; stop walking so
            # a "billion laughs" document costs no more than its text.
            self.aliased = True
            return MISSING
        self._seen.add(id(node))
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        schema = self._resolve(schema)
        if "oneOf" in schema:
            return self._one_of(node, schema["oneOf"], path)
        kind = schema.get("type")
        if kind == "object":
            return self._mapping(node, schema, path)
        if kind == "array":
            return self._sequence(node, schema, path)
        return self._scalar(node, schema, path)

    def _resolve(self, schema: dict) -> dict:
        ref = schema.get("$ref")
        if not ref:
            return schema
        target: Any = self.root
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        return target

    def _one_of(self, node: yaml.Node, options: list[dict], path: Path_) -> Any:
        """Pick the branch whose required keys are present; object branches only."""
        options = [self._resolve(o) for o in options]
        if isinstance(node, yaml.MappingNode):
            keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
            for option in options:
                if set(option.get("required", ())) <= keys:
                    self._seen.discard(id(node))
                    return self.walk(node, option, path)
        forms = " or ".join(" and ".join(f"'{k}'" for k in o.get("required", ())) for o in options)
        self.error(node, path, f"write either {forms} (see the schema for each form)")
        return MISSING

    def _mapping(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        props: dict = schema.get("properties", {})
        if not isinstance(node, yaml.MappingNode):
            names = ", ".join(props) or "key: value"
            self.error(node, path, f"expected keys below it ({names}), got {_kind(node)}")
            return MISSING
        self._check_tag(node, path, "map")
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key is None:
                continue
            if key in first:
                line = first[key].start_mark.line + 1
                self.error(
                    key_node, (*path, key), f"duplicate key; it is already set on line {line}"
                )
                continue
            first[key] = key_node
            if key not in props and schema.get("additionalProperties") is False:
                allowed = ", ".join(props)
                msg = f"unknown key '{key}'{suggest(key, list(props))}; allowed: {allowed}"
                self.error(key_node, (*path, key), msg)
                continue
            value = self.walk(value_node, props.get(key, {}), (*path, key))
            if value is not None and value is not MISSING:
                out[key] = value
            elif value is None and key in schema.get("required", ()):
                self.error(value_node, (*path, key), "is empty; fill it in")
        for key in schema.get("required", ()):
            if key not in first:
                self.error(node, path, f"missing required key '{key}'")
        return out

    def _key(self, key_node: yaml.Node, path: Path_) -> str | None:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
            self.error(key_node, path, "keys must be plain words like 'region'")
            return None
        return key_node.value

    def _sequence(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if _is_null(node):
                return None
            example = _short(node.value) if isinstance(node, yaml.ScalarNode) else "item"
            self.error(
                node,
                path,
                f"expected a list; put each item on its own line after '- ', e.g. '- {example}'",
            )
            return MISSING
        self._check_tag(node, path, "seq")
        items = [
            self.walk(item, schema.get("items", {}), (*path, i))
            for i, item in enumerate(node.value)
        ]
        self._check_count(node, schema, path, len(items))
        if schema.get("uniqueItems"):
            self._check_unique(node, items, path)
        return [item for item in items if item is not MISSING and item is not None]

    def _check_count(self, node: yaml.Node, schema: dict, path: Path_, count: int) -> None:
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low is not None and count < low:
            self.error(
                node, path, "needs at least one item" if low == 1 else f"needs at least {low} items"
            )
        if high is not None and count > high:
            self.error(node, path, f"has {count} items; at most {high} are allowed")

    def _check_unique(self, node: yaml.Node, items: list, path: Path_) -> None:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, str):
                continue
            if item in seen:
                self.error(node.value[index], (*path, index), f"'{item}' is listed twice")
            seen.add(item)

    def _check_tag(self, node: yaml.Node, path: Path_, kind: str) -> None:
        if node.tag != TAG + kind:
            self.error(node, path, f"YAML tag '{_tag(node)}' is not allowed; remove it")

    def _scalar(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, f"expected a single value, got {_kind(node)}")
            return MISSING
        if node.tag not in PLAIN_TAGS:
            self.error(node, path, f"YAML tag '{_tag(node)}' is not allowed; remove it")
            return MISSING
        if _is_null(node):
            return None
        if "const" in schema:
            return self._const(node, schema, path)
        if schema.get("type") == "integer":
            return self._integer(node, schema, path)
        return self._string(node, schema, path)

    def _const(self, node: yaml.ScalarNode, schema: dict, path: Path_) -> Any:
        """A fixed value (schema_version: 2), written as a plain number or text."""
        want = schema["const"]
        if node.value.strip() != str(want) or (isinstance(want, int) and node.style):
            self.error(node, path, f"must be {want}")
            return MISSING
        return want

    def _integer(self, node: yaml.ScalarNode, schema: dict, path: Path_) -> Any:
        text = node.value.strip()
        if node.style or not re.fullmatch(r"[+-]?[0-9]+", text):
            hint = ""
            if re.fullmatch(r"[0-9]{1,3}([.,][0-9]{3})+", text):
                hint = f" (write {re.sub('[.,]', '', text)} without thousands separators)"
            self.error(node, path, f"expected a whole number without quotes{hint}")
            return MISSING
        value = int(text)
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and value < low:
            self.error(node, path, f"must be at least {low}; leave it out if unknown")
            return MISSING
        if high is not None and value > high:
            self.error(node, path, f"must be at most {high}")
            return MISSING
        return value

    def _string(self, node: yaml.ScalarNode, schema: dict, path: Path_) -> Any:
        value = node.value.strip()
        bad = FORBIDDEN_CHARS.search(value)
        if bad:
            self.error(
                node, path, f"contains control character U+{ord(bad.group()):04X}; delete it"
            )
            return MISSING
        if "enum" in schema and value not in schema["enum"]:
            allowed = ", ".join(schema["enum"])
            hint = suggest(value, schema["enum"])
            self.error(node, path, f"unknown value '{value}'{hint}; write one of: {allowed}")
            return MISSING
        return self._string_limits(node, schema, path, value)

    def _string_limits(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: str) -> Any:
        low, high = schema.get("minLength"), schema.get("maxLength")
        if low is not None and len(value) < low:
            self.error(node, path, "is empty; fill it in or remove the key")
            return MISSING
        if high is not None and len(value) > high:
            self.error(node, path, f"is {len(value)} characters long; at most {high} are allowed")
            return MISSING
        pattern = schema.get("pattern")
        if pattern and not re.search(pattern, value):
            name = next((p for p in reversed(path) if isinstance(p, str)), "")
            extra = self.hints[name](value) if name in self.hints else ""
            help_ = PATTERN_HELP.get(pattern, f"must match {pattern}")
            self.error(node, path, f"'{_short(value)}' is not valid: {help_}{extra}")
            return MISSING
        return value


def _tag(node: yaml.Node) -> str:
    """Tags as written in the file: !!python/object, not tag:yaml.org,2002:python/object."""
    return node.tag.replace(TAG, "!!", 1) if node.tag.startswith(TAG) else node.tag


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == TAG + "null" and not node.style


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "keys"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"the value '{_short(node.value)}'"


def _short(value: str, limit: int = 60) -> str:
    """Quote at most limit characters of a value in a message, on one line."""
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"
