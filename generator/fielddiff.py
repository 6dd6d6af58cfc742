"""Two parsed records -> their differences, field by field. Pure; no I/O.

What a reader of a record's history needs: which field changed, in which list
item (a source by its publisher, a person by the office), and the values before
and after (long texts as a word diff). Lists are matched by identity where a
record gives one (a source is its URL) and by position otherwise, so an edited
item reads as a change rather than as one item removed and another added.
history.py decides the class of change from these.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from . import messages

LONG_TEXT = 40
"""Texts longer than this are shown as a word diff rather than 'before -> after'."""


class DateValue(NamedTuple):
    """A record's date as compared and shown: precision and value together."""

    precision: str
    value: str


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


ITEM_NAMES = {
    "sources": ("publisher", "url"),
    "people": ("office", "group", "name"),
    "bodies": ("name", "kind"),
    "legal_basis": ("instrument", "issuer", "type"),
}


def whole_label(key: str, index: int, v: Any) -> str:
    """A person added or removed is named in full: office and name ("Bupati Nunu Andriani")."""
    if key == "people" and isinstance(v, dict) and v.get("name") and v.get("office"):
        return f"{_text(v['office'])} {_text(v['name'])}"
    return item_label(key, index, v)


def item_label(key: str, index: int, v: Any) -> str:
    """How a list item is named in a change: a source by its publisher, a person by the
    office (a changed name then reads "Bupati, nama: X -> Y"), a clause by number."""
    if not isinstance(v, dict):
        return _text(v)
    names = ITEM_NAMES.get(key, ())
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
    for j in list(right) if key != "sources" else []:  # another URL is another source
        i = next((i for i in left if _alike(a[i], b[j])), None)
        if i is not None:
            pairs.append((i, j))
            left.remove(i)
            right.remove(j)
    out = []
    for i, j in sorted(pairs, key=lambda p: p[1]):
        if a[i] != b[j]:
            out += _mapping_changes(key, item_label(key, j, b[j]), a[i], b[j])
    out += [FieldChange(key, "", "removed", whole_label(key, i, a[i]), None, None) for i in left]
    out += [FieldChange(key, "", "added", whole_label(key, j, b[j]), None, None) for j in right]
    return out


def _alike(a: dict, b: dict) -> bool:
    """Unmatched items of the same shape are one item edited (a person stays a person,
    a group a group); a person replaced by a group reads as one removed, one added."""
    return ("group" in a) == ("group" in b)


def _scalar(key: str, part: str, item: str, a: Any, b: Any) -> FieldChange:
    before, after = _shown(a), _shown(b)
    op = "added" if a is None else "removed" if b is None else "changed"
    words: tuple[tuple[str, str], ...] = ()
    texts = isinstance(before, str) and isinstance(after, str)
    if op == "changed" and texts and max(len(before), len(after)) > LONG_TEXT:
        words = word_diff(before, after)
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
        return messages.section("words")["yes" if v else "no"]
    if isinstance(v, dict):
        return ", ".join(f"{k}: {_text(x)}" for k, x in v.items())
    return "" if v is None else str(v)


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """Segments ((op, words), ...) of a reworded note: '=' kept, '-' removed, '+' added.

    A plain word diff, exact to the character: a history shows what an editor typed,
    unlike the clause comparison (textdiff), which forgives spelling and fills slots.
    """
    a, b = old.split(), new.split()
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("=", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            segments.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            segments.append(("+", " ".join(b[j1:j2])))
    return tuple(segments)
