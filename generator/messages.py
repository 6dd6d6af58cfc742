"""User-visible words, one catalogue per language: messages/id.yml and messages/en.yml.

Labels live in one place so that a word is changed once and an English edition is a
second file, not a second set of templates. Generated pages speak Indonesian; the
English catalogue serves the theme on /en/ pages and keeps every key translated.

Keys nest by area (`event`, `region`, `labels.status`, `months`, `theme`, ...).
Placeholders use str.format syntax ("{n} dari {total} baris"). A catalogue is read
once per process and handed out read-only, so no caller can change another's words.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

LANGUAGES = ("id", "en")
DIRECTORY = Path(__file__).parent / "messages"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def catalogue(lang: str = "id") -> Mapping[str, Any]:
    """The whole catalogue of one language as nested read-only mappings.

    Cached: every page of a build reads the same words, and parsing YAML per
    page would cost seconds at 5,000 events.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no message catalogue for language {lang!r}")
    text = (DIRECTORY / f"{lang}.yml").read_text(encoding="utf-8")
    return _freeze(yaml.load(text, Loader=_LOADER) or {})


def _freeze(node: Any) -> Any:
    if isinstance(node, dict):
        return MappingProxyType({str(k): _freeze(v) for k, v in node.items()})
    if isinstance(node, list):
        return tuple(_freeze(v) for v in node)
    return node


def section(path: str, lang: str = "id") -> Mapping[str, Any]:
    """One area of a catalogue by dotted path ('labels.status'): what a module's
    label dictionary used to be, now read from the catalogue."""
    node: Any = catalogue(lang)
    for part in path.split("."):
        node = node[part]
    return node


def flat(node: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted key, leaf) of every message: what the tests compare across languages."""
    for key, value in node.items():
        if isinstance(value, Mapping):
            yield from flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def placeholders(text: str) -> frozenset[str]:
    """Names of the {placeholders} in a message; both languages must use the same."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


class Tree:
    """A catalogue as attributes for templates: `t.event.date`.

    Jinja resolves `t.event` with a plain getattr on this object, one dictionary
    lookup per dot, where a dotted-path function would split a string on every call
    of 5,000 event pages. Read-only like the catalogue it is made from.
    """

    def __init__(self, node: Mapping[str, Any], leaf: Callable[[Any], Any]) -> None:
        items = {
            k: Tree(v, leaf) if isinstance(v, Mapping) else _leaves(v, leaf)
            for k, v in node.items()
        }
        object.__setattr__(self, "__dict__", items)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("message catalogues are read-only")

    def __getitem__(self, key: str) -> Any:
        return self.__dict__[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.__dict__.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.__dict__

    def __iter__(self) -> Iterator[str]:
        return iter(self.__dict__)


def _leaves(value: Any, leaf: Callable[[Any], Any]) -> Any:
    if isinstance(value, tuple):
        return tuple(_leaves(v, leaf) for v in value)
    return leaf(value) if isinstance(value, str) else value


def tree(lang: str, leaf: Callable[[Any], Any] = str) -> Tree:
    """The catalogue of `lang` as a Tree whose strings pass through `leaf` (the
    page renderer marks them as template text)."""
    return Tree(catalogue(lang), leaf)
