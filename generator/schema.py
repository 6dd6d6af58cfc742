"""Walk a YAML node tree with a JSON Schema: values, marks and diagnostics in one pass.

The JSON Schema in registry/schema/ is the single source of truth for record
shape (it also drives editor completion and the data docs). Rather than build
Python objects first and map a generic validator's errors back to lines, we
interpret the subset of JSON Schema we use directly on the nodes. That keeps
every message ours (with "did you mean" and "write this instead"), every
position exact, and the check fast.

One truth: the walker accepts exactly what jsonschema (Draft 2020-12) accepts
on the JSON value of the document, with scalars typed as YAML 1.2 types them
(yaml12.py: unquoted `2020` and `61.07` are numbers, `null` is null, unquoted
2024-10-07 is text). Explicit tags are refused except `!!str`. Strings are
checked exactly as written (no stripping). tests/test_schema.py holds the walker
to jsonschema on every record and fixture, on block-style YAML, and on records
Hypothesis generates from the schema and then breaks.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .diagnostics import Diagnostic
from .schemawords import (  # noqa: F401  (re-exported: rules, reference and tests use them)
    CONTROL,
    PATTERN_HELP,
    TAG,
    TEXT_PATTERN,
    URL_PATTERN,
    Hint,
    Path_,
    _is_null,
    _kind,
    _own_keys,
    _short,
    _tag,
    closest,
    key_text,
    suggest,
)
from .yaml12 import BOOLS, INT, core_value, explicit_tag

MISSING: Any = object()
PLAIN_TAGS = {TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}

THOUSANDS = re.compile(r"[0-9]{1,3}([.,][0-9]{3})+")


def _is_integer(value: Any) -> bool:
    """JSON Schema's integer: a number with no fraction (3.0 counts), never a boolean."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


class Walker:
    """One document's walk: collects diagnostics and the line/column of every value.

    `diags` is what the JSON Schema rejects; `rules` holds the house rules the
    schema cannot say about how a valid value is written (a whole number
    written 1.000). `tags` is False when the text has no '!', so no tag was
    written and no scalar needs the tag test.
    """

    def __init__(
        self, display: str, root: dict, hints: dict[str, Hint] | None = None, tags: bool = True
    ) -> None:
        self.display = display
        self.root = root
        self.hints = hints or {}
        self.tags = tags
        self.diags: list[Diagnostic] = []
        self.rules: list[Diagnostic] = []
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.broken: set[Path_] = set()
        self._seen: set[int] = set()
        self.aliased = False

    def error(self, node: yaml.Node, path: Path_, message: str) -> None:
        """Record a problem at the node's first character."""
        mark = node.start_mark
        self.broken.add(path)
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
        if _is_null(node) and not (self.tags and explicit_tag(node)):
            # JSON null: the schema allows it nowhere.
            self.error(node, path, "is empty; fill it in or delete the line")
            return MISSING
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
        """Pick the branch the mapping means; object branches only.

        Our branches never both match (each forbids the other's required keys),
        so oneOf is anyOf here. The branch whose required keys are all present
        decides; else the one named by a key only it has (`group`, `office`), so
        a person without `office` hears "missing required key 'office'".
        """
        options = [self._resolve(o) for o in options]
        if isinstance(node, yaml.MappingNode):
            keys = {k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
            chosen = next((o for o in options if set(o.get("required", ())) <= keys), None)
            if chosen is None:
                named = [o for o in options if keys & _own_keys(o, options)]
                chosen = named[0] if len(named) == 1 else None
            if chosen is not None:
                self._seen.discard(id(node))
                return self.walk(node, chosen, path)
        forms = " or ".join(" and ".join(f"'{k}'" for k in o.get("required", ())) for o in options)
        self.error(node, path, f"write either {forms} (see the schema for each form)")
        return MISSING

    def _mapping(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        props: dict = schema.get("properties", {})
        if not isinstance(node, yaml.MappingNode):
            names = ", ".join(props) or "key: value"
            self.error(node, path, f"expected keys below it ({names}), got {_kind(node)}")
            return MISSING
        if not self._check_tag(node, path, "map"):
            return MISSING
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        bad = False
        for key_node, value_node in node.value:
            key = self._key(key_node, path)
            if key is None:
                bad = True
                continue
            if key in first:
                line = first[key].start_mark.line + 1
                self.error(
                    key_node, (*path, key), f"duplicate key; it is already set on line {line}"
                )
                bad = True
                continue
            first[key] = key_node
            if key not in props and schema.get("additionalProperties") is False:
                allowed = ", ".join(props)
                msg = f"unknown key '{key}'{suggest(key, list(props))}; allowed: {allowed}"
                self.error(key_node, (*path, key), msg)
                bad = True
                continue
            value = self.walk(value_node, props.get(key, {}), (*path, key))
            if value is not MISSING:
                out[key] = value
        absent = [f"'{key}'" for key in schema.get("required", ()) if key not in first]
        if absent:  # one mistake (a form half written), one message
            keys = " and ".join(absent)
            self.error(node, path, f"missing required key{'s' if len(absent) > 1 else ''} {keys}")
        if bad:
            self.broken.add(path)
        return out

    def _key(self, key_node: yaml.Node, path: Path_) -> str | None:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
            self.error(key_node, path, "keys must be plain words like 'region'")
            return None
        return key_node.value

    def _sequence(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            example = _short(node.value) if isinstance(node, yaml.ScalarNode) else "item"
            self.error(
                node,
                path,
                f"expected a list; put each item on its own line after '- ', e.g. '- {example}'",
            )
            return MISSING
        if not self._check_tag(node, path, "seq"):
            return MISSING
        items = [
            self.walk(item, schema.get("items", {}), (*path, i))
            for i, item in enumerate(node.value)
        ]
        self._check_count(node, schema, path, len(items))
        if schema.get("uniqueItems"):
            self._check_unique(node, items, path)
        return [item for item in items if item is not MISSING]

    def _check_count(self, node: yaml.Node, schema: dict, path: Path_, count: int) -> None:
        low, high = schema.get("minItems"), schema.get("maxItems")
        if low is not None and count < low:
            self.error(
                node, path, "needs at least one item" if low == 1 else f"needs at least {low} items"
            )
        if high is not None and count > high:
            self.error(node, path, f"has {count} items; at most {high} are allowed")

    def _check_unique(self, node: yaml.Node, items: list, path: Path_) -> None:
        """Repeated items, as jsonschema compares them (our unique lists hold text)."""
        seen: set[str] = set()
        for index, item in enumerate(items):
            if not isinstance(item, str):
                continue
            if item in seen:
                self.error(node.value[index], (*path, index), f"'{item}' is listed twice")
            seen.add(item)

    def _check_tag(self, node: yaml.Node, path: Path_, kind: str) -> bool:
        if node.tag != TAG + kind:
            self.error(node, path, f"YAML tag '{_tag(node)}' is not allowed; remove it")
            return False
        return True

    def _scalar(self, node: yaml.Node, schema: dict, path: Path_) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, path, f"expected a single value, got {_kind(node)}")
            return MISSING
        value = self._typed(node, path)
        if value is MISSING:
            return MISSING
        if "const" in schema:
            return self._const(node, schema, path, value)
        if schema.get("type") == "integer":
            return self._integer(node, schema, path, value)
        if schema.get("type") == "number":
            return self._number(node, schema, path, value)
        if "enum" in schema:
            return self._enum(node, schema, path, value)
        if not isinstance(value, str):
            return self._not_text(node, path)
        return self._string(node, schema, path, value)

    def _typed(self, node: yaml.ScalarNode, path: Path_) -> Any:
        """The scalar's JSON value; MISSING (reported) for a written tag other than !!str."""
        if node.tag not in PLAIN_TAGS or (self.tags and explicit_tag(node)):
            if node.tag == TAG + "str":
                return node.value
            self.error(node, path, f"YAML tag '{_tag(node)}' is not allowed; remove it")
            return MISSING
        return core_value(node)

    def _not_text(self, node: yaml.ScalarNode, path: Path_) -> Any:
        what = "true or false" if node.value in BOOLS else "a number"
        self.error(
            node,
            path,
            f"'{_short(node.value)}' is read as {what}; write it in quotes: \"{node.value}\"",
        )
        return MISSING

    def _const(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: Any) -> Any:
        """A fixed value (schema_version: 2); equal as JSON Schema compares (2.0 is 2)."""
        want = schema["const"]
        if isinstance(value, bool) != isinstance(want, bool) or value != want:
            unquote = ", without quotes" if str(want) == value else ""
            self.error(node, path, f"must be {want}{unquote}")
            return MISSING
        return want

    def _integer(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: Any) -> Any:
        text = node.value
        if not _is_integer(value):
            hint = ""
            if THOUSANDS.fullmatch(text):
                hint = f" (write {re.sub('[.,]', '', text)} without thousands separators)"
            self.error(node, path, f"expected a whole number without quotes{hint}")
            return MISSING
        if self._bounds(node, schema, path, value) is MISSING:
            return MISSING
        if isinstance(value, float) or not INT.fullmatch(text):
            self._rule(node, path, text, int(value))
        return int(value)

    def _number(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: Any) -> Any:
        """A number, whole or not (a percentage: 85, 92.5); NaN is valid JSON Schema but
        no share, so it is a house rule."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            comma = re.fullmatch(r"[0-9]+,[0-9]+", node.value)
            hint = f" (write {node.value.replace(',', '.')} with a point)" if comma else ""
            self.error(node, path, f"expected a number without quotes or %{hint}, e.g. 85")
            return MISSING
        if value != value:  # NaN
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
            msg = f"'{node.value}' is not a number; write the share in digits, e.g. 85"
            self.rules.append(Diagnostic(self.display, line, col, key_text(path), msg))
            return value
        return self._bounds(node, schema, path, value)

    def _bounds(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: Any) -> Any:
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and value < low:
            self.error(node, path, f"must be at least {low}; leave it out if unknown")
            return MISSING
        if high is not None and value > high:
            self.error(node, path, f"must be at most {high}")
            return MISSING
        return value

    def _rule(self, node: yaml.ScalarNode, path: Path_, text: str, value: int) -> None:
        """A whole number written another way (1.000, 3.0, 1e3, 0x10): valid JSON, misleading."""
        how = ""
        if THOUSANDS.fullmatch(text):
            value, how = int(re.sub("[.,]", "", text)), " without thousands separators"
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        msg = f"write the number as plain digits: {value}{how}"
        self.rules.append(Diagnostic(self.display, line, col, key_text(path), msg))

    def _enum(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: Any) -> Any:
        if isinstance(value, str) and value in schema["enum"]:
            return value
        allowed = ", ".join(schema["enum"])
        text = value if isinstance(value, str) else node.value
        hint = suggest(text, schema["enum"])
        message = f"unknown value '{_short(text)}'{hint}; write one of: {allowed}"
        name = next((p for p in reversed(path) if isinstance(p, str)), "")
        self.error(node, path, self.hints[name](text, message) if name in self.hints else message)
        return MISSING

    def _string(self, node: yaml.ScalarNode, schema: dict, path: Path_, value: str) -> Any:
        """Length and pattern on the text exactly as written (no stripping: the schema's
        text pattern itself requires a visible character and forbids control characters)."""
        low, high = schema.get("minLength"), schema.get("maxLength")
        if low is not None and len(value) < low:
            self.error(node, path, "is empty; fill it in or delete the line")
            return MISSING
        if high is not None and len(value) > high:
            self.error(node, path, f"is {len(value)} characters long; at most {high} are allowed")
            return MISSING
        pattern = schema.get("pattern")
        if pattern and not re.search(pattern, value):
            self.error(node, path, self._pattern_message(pattern, path, value))
            return MISSING
        return value

    def _pattern_message(self, pattern: str, path: Path_, value: str) -> str:
        if pattern == TEXT_PATTERN:
            bad = CONTROL.search(value)
            if bad:
                return f"contains control character U+{ord(bad.group()):04X}; delete it"
            return "is only spaces; fill it in or delete the line"
        help_ = PATTERN_HELP.get(pattern, f"must match {pattern}")
        help_ = help_(value) if callable(help_) else help_
        message = f"'{_short(value)}' is not valid: {help_}"
        name = next((p for p in reversed(path) if isinstance(p, str)), "")
        return self.hints[name](value, message) if name in self.hints else message
