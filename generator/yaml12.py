"""Scalars -> JSON values, as YAML 1.2's core schema reads them.

libyaml (our fast loader) tags plain scalars by YAML 1.1 rules, where `yes` is
true, `12:30` is 750 and `2024-10-07` a timestamp. Editors, JSON Schema tools
and the published schema's users read records as YAML 1.2: `2020` and `61.07`
are numbers, `true`/`false` booleans, `null`, `~` or nothing null, and
everything else text. The walker (schema.py) types scalars here so the checker
and jsonschema judge the same value.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NUMBER_START = frozenset("0123456789+-.")
INT = re.compile(r"[-+]?[0-9]+")
FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {
    **{s + i: float(s + "inf") for s in ("", "+", "-") for i in (".inf", ".Inf", ".INF")},
    **{n: float("nan") for n in (".nan", ".NaN", ".NAN")},
}


def core_value(node: yaml.ScalarNode) -> Any:
    """The JSON value of a scalar under YAML 1.2 core-schema typing.

    Quoted and block scalars are text; a plain scalar is null, a boolean, an
    integer (decimal, 0o octal, 0x hex) or a float when it is written as one,
    and text otherwise. Most values start with a letter, so one set lookup
    settles them before any pattern runs.
    """
    text = node.value
    if node.style:
        return text
    if text in NULLS:
        return None
    if text in BOOLS:
        return BOOLS[text]
    if not text or text[0] not in NUMBER_START:
        return text
    try:
        if INT.fullmatch(text):
            return int(text)
        if FLOAT.fullmatch(text):
            return float(text)
    except ValueError:  # more digits than Python converts; no sane record has them
        return text
    if re.fullmatch(r"0o[0-7]+", text):
        return int(text[2:], 8)
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return int(text[2:], 16)
    return _SPECIAL_FLOATS.get(text, text)


_RESOLVER = yaml.resolver.Resolver()


def explicit_tag(node: yaml.ScalarNode) -> bool:
    """True when the scalar's tag was written in the file (!!int 5), not inferred."""
    implicit = (not node.style, bool(node.style))
    return node.tag != _RESOLVER.resolve(yaml.ScalarNode, node.value, implicit)


MAX_DEPTH = 40
"""Nesting deeper than any record or reference file has: a sign of a crafted document."""
MAX_TEXT = 64 * 1024


class Unsafe(Exception):
    """A document safe_value refuses: anchors, aliases, depth, size or syntax."""


def safe_value(text: str) -> Any:
    """The JSON value of a YAML document as the checker reads it, for text that is not
    checked (old versions in git history): at most MAX_TEXT characters, one document,
    no anchors or aliases (an alias bomb of a few hundred bytes would otherwise fill
    memory), no nesting deeper than MAX_DEPTH, scalars typed by core_value. None when
    the text is refused or is not YAML; never raises.
    """
    if len(text) > MAX_TEXT:
        return None
    try:
        if "&" in text or "*" in text:
            for event in yaml.parse(text, Loader=yaml.CSafeLoader):
                if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                    return None
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
        return None if node is None else node_value(node, 0)
    except (yaml.YAMLError, Unsafe, RecursionError, ValueError):
        return None


def node_value(node: yaml.Node, depth: int) -> Any:
    """Nodes -> JSON values: mappings with text keys, lists, core-schema scalars."""
    if depth > MAX_DEPTH:
        raise Unsafe("too deep")
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value in out:
                raise Unsafe("key")
            out[key.value] = node_value(value, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [node_value(item, depth + 1) for item in node.value]
    return core_value(node)
