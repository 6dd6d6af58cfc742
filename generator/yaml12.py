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
