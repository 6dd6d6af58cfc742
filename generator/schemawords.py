"""The checker's words for the schema walk: paths as people read them, the closest
known value, what to write for a pattern, and short quotes of nodes.

Split from schema.py so the walker stays small; no I/O, no state.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

import yaml

from .yaml12 import NULLS

Path_ = tuple[str | int, ...]
TAG = "tag:yaml.org,2002:"
_CTRL = r"\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff"
TEXT_PATTERN = f"^[^{_CTRL}]*[^ \\t\\n\\r{_CTRL}][^{_CTRL}]*$"
"""The schema's pattern for free text: one visible character, no control characters."""
URL_PATTERN = f"^https?://[^ \\t\\n\\r{_CTRL}]+$"
CONTROL = re.compile(f"[{_CTRL}]")


def _url_help(value: str) -> str:
    if re.match(r"https?://", value):
        return "an address cannot contain spaces or control characters; write %20 for a space"
    return "write an address starting with https:// or http://"


PATTERN_HELP: dict[str, str | Callable[[str], str]] = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "use lowercase letters, digits and single hyphens "
    "(e.g. kab-bengkayang-2020-10-20)",
    "^[0-9]{2}(\\.[0-9]{2})?$": 'write a Kemendagri code in quotes: "61.07" for a regency '
    'or city, "21" for a province (see registry/regions.csv)',
    "^[0-9]{2}(\\.[0-9]{2}|\\.\\*)?$": 'write a Kemendagri code in quotes: "61.07" for a '
    'regency or city, "21" for a province, "61.*" for every regency and city of province 61',
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write a date as YYYY-MM-DD, e.g. 2024-10-07",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-10-07",
    "^https?://": "write an address starting with https:// or http://",
    URL_PATTERN: _url_help,
}

Hint = Callable[[str, str], str]
"""(value, default message) -> the message to print for a value that fails its pattern
or is not one of its enum's values, by the value's key (rules.id_hints)."""


def key_text(path: Path_) -> str:
    """Human path: clauses[1].text, where list positions count from 1 as people do."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def closest(word: str, choices: list[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The known values nearest to word: same letters ignoring case and separators first."""
    squash = {re.sub(r"[^a-z0-9*]", "", c.lower()): c for c in choices}
    key = re.sub(r"[^a-z0-9*]", "", word.lower())
    if key in squash:
        return [squash[key]]
    lowered = {c.lower(): c for c in choices}
    return [lowered[c] for c in difflib.get_close_matches(word.lower(), list(lowered), n, cutoff)]


def suggest(word: str, choices: list[str]) -> str:
    """A ' (did you mean X?)' suffix, or '' when nothing is close."""
    close = closest(word, choices)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _own_keys(option: dict, options: list[dict]) -> set[str]:
    """Keys of one oneOf branch that no other branch has."""
    others = {k for o in options if o is not option for k in o.get("properties", {})}
    return set(option.get("properties", {})) - others


def _tag(node: yaml.Node) -> str:
    """Tags as written in the file: !!python/object, not tag:yaml.org,2002:python/object."""
    return node.tag.replace(TAG, "!!", 1) if node.tag.startswith(TAG) else node.tag


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in NULLS


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
