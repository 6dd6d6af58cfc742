"""Classified word difference between a standard clause and the wording actually sworn.

Journalists ask which regions changed the pledge and how, so every difference is
put in one class: a spelling difference (equal once both texts are normalised by
registry/wording.yml: "apapun" for "apa pun", "praktek" for "praktik"), a filled
slot (the template's {pemilihan} where an event names its own election), or a
substantive change (words added, removed or replaced), counted once per changed
phrase. Normalisation decides only what counts; the sworn text is always shown
word for word as the source has it. No I/O, no imports from this package.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

EDGES = re.compile(r"^\W+|\W+$")
HYPHEN = re.compile(r"\s*-\s*")
REDUPLICATED = re.compile(r"(\w+)-\1")
SLOT = re.compile(r"^\W*\{([a-z]+)\}\W*$")
SUBSTANTIVE = ("replaced", "removed", "added")

# One segment of a comparison: (kind, sworn words, template words). Kinds: same,
# spelling, slot (template words = the slot id), replaced, removed, added.
Segment = tuple[str, str, str]


@dataclass(frozen=True)
class Slot:
    id: str
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Wording:
    """Normalisation in force: rule ids, spelling forms -> standard form, slots by id."""

    rules: frozenset[str]
    spellings: dict[str, str] = field(default_factory=dict)
    slots: dict[str, Slot] = field(default_factory=dict)

    @property
    def longest_phrase(self) -> int:
        return max((len(k.split()) for k in self.spellings), default=1)


def wording_from(data: dict[str, Any], slots: list[dict[str, Any]]) -> Wording:
    """Wording rules from registry/wording.yml and the slots of registry/clauses.yml."""
    spellings = {}
    for entry in data.get("spellings", []):
        for form in (entry["standard"], *entry["variants"]):
            spellings[form] = entry["standard"]
    return Wording(
        rules=frozenset(r["id"] for r in data.get("rules", [])),
        spellings=spellings,
        slots={
            s["id"]: Slot(s["id"], s["name"], re.compile(s["pattern"], re.IGNORECASE))
            for s in slots
        },
    )


@dataclass(frozen=True)
class Token:
    text: str  # as written
    base: str  # after the rules that hide a difference entirely (case, punctuation...)
    key: str  # after every rule and the spelling list: what is compared
    slot: str = ""  # slot id, in a template only


@dataclass(frozen=True)
class Comparison:
    """The classified difference of one sworn clause from its template."""

    segments: tuple[Segment, ...]

    @cached_property
    def changes(self) -> tuple[Segment, ...]:
        """Substantive changes, one per changed phrase (a replacement is one change)."""
        return tuple(s for s in self.segments if s[0] in SUBSTANTIVE)

    @cached_property
    def spelling(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s[0] == "spelling")

    @cached_property
    def slots(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if s[0] == "slot")

    @cached_property
    def state(self) -> str:
        """changed (a substantive change), spelling (spelling only) or same."""
        if self.changes:
            return "changed"
        return "spelling" if self.spelling else "same"


class Comparer:
    """Compares clauses under one Wording, caching each (template, text) pair: one
    clause appears in many tables, and thousands of records share a few wordings."""

    def __init__(self, wording: Wording) -> None:
        self.wording = wording
        self._cache: dict[tuple[str, str], Comparison] = {}

    def compare(self, template: str, text: str) -> Comparison:
        found = self._cache.get((template, text))
        if found is None:
            found = Comparison(tuple(self._segments(template, text)))
            self._cache[(template, text)] = found
        return found

    def tokens(self, text: str, template: bool = False) -> list[Token]:
        """Words of a text with their comparison keys; adjacent words may merge into one
        token (hyphen spacing, multi-word spellings, a repeated word)."""
        words = self._hyphen_groups(text.split())
        tokens = [self._token(w, template) for w in words]
        return self._merge_repeats(self._merge_phrases(tokens))

    def _hyphen_groups(self, words: list[str]) -> list[str]:
        if "hyphen-spacing" not in self.wording.rules:
            return words
        out: list[str] = []
        for w in words:
            joins = out and not SLOT.match(out[-1]) and not SLOT.match(w)
            if joins and (w == "-" or w.startswith("-") or out[-1].endswith("-")):
                out[-1] = f"{out[-1]} {w}"
            else:
                out.append(w)
        return out

    def _base(self, text: str) -> str:
        rules = self.wording.rules
        text = text.lower() if "case" in rules else text
        text = EDGES.sub("", text) if "punctuation" in rules else text
        return HYPHEN.sub("-", text) if "hyphen-spacing" in rules else text

    def _token(self, word: str, template: bool) -> Token:
        slot = SLOT.match(word) if template else None
        if slot and slot.group(1) in self.wording.slots:
            return Token(word, word, "\0" + slot.group(1), slot.group(1))
        base = self._base(word)
        return Token(word, base, self._key(base))

    def _key(self, base: str) -> str:
        if "reduplication" in self.wording.rules:
            base = REDUPLICATED.sub(r"\1", base)
        return self.wording.spellings.get(base, base)

    def _merge_phrases(self, tokens: list[Token]) -> list[Token]:
        """Multi-word spellings ("apa pun") become one token, so "apapun" can equal them."""
        longest = self.wording.longest_phrase
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            for n in range(min(longest, len(tokens) - i), 1, -1):
                part = tokens[i : i + n]
                base = " ".join(t.base for t in part)
                if base in self.wording.spellings and not any(t.slot for t in part):
                    text = " ".join(t.text for t in part)
                    out.append(Token(text, base, self.wording.spellings[base]))
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _merge_repeats(self, tokens: list[Token]) -> list[Token]:
        if "repeated-word" not in self.wording.rules:
            return tokens
        out: list[Token] = []
        for t in tokens:
            prev = out[-1] if out else None
            if prev and not t.slot and not prev.slot and t.key == prev.key and t.key:
                out[-1] = Token(f"{prev.text} {t.text}", f"{prev.base} {t.base}", prev.key)
            else:
                out.append(t)
        return out

    def _segments(self, template: str, text: str) -> list[Segment]:
        old, new = self.tokens(template, template=True), self.tokens(text)
        matcher = difflib.SequenceMatcher(
            None, [t.key for t in old], [t.key for t in new], autojunk=False
        )
        out: list[Segment] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                out += [_equal(a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)]
            else:
                out += self._unmatched(old[i1:i2], new[j1:j2])
        return _joined(out)

    def _unmatched(self, old: list[Token], new: list[Token]) -> list[Segment]:
        """Template words with no equal in the sworn text, and the sworn words between.

        A slot takes the sworn words from the first one its pattern accepts ("Pilkada
        serentak tahun 2020"); the words before and after it are ordinary changes.
        """
        at = next((k for k, t in enumerate(old) if t.slot), None)
        if at is None:
            return _plain(old, new)
        slot = self.wording.slots[old[at].slot]
        before, after = old[:at], old[at + 1 :]
        start = next((j for j, t in enumerate(new) if slot.pattern.fullmatch(t.key)), None)
        if start is None:
            return self._unmatched(before + after, new)
        end = max(len(new) - len(after), start + 1) if after else len(new)
        filled = ("slot", " ".join(t.text for t in new[start:end]), slot.id)
        return [*self._unmatched(before, new[:start]), filled, *self._unmatched(after, new[end:])]


def _equal(old: Token, new: Token) -> Segment:
    kind = "same" if old.base == new.base else "spelling"
    return (kind, new.text, old.text)


def _plain(old: list[Token], new: list[Token]) -> list[Segment]:
    was, now = " ".join(t.text for t in old), " ".join(t.text for t in new)
    if not old and not new:
        return []
    if not old:
        return [("added", now, "")]
    return [("removed", "", was)] if not new else [("replaced", now, was)]


def _joined(segments: list[Segment]) -> list[Segment]:
    """Runs of unchanged words become one segment, so a page emits one text run."""
    out: list[Segment] = []
    for seg in segments:
        if out and seg[0] == "same" and out[-1][0] == "same":
            prev = out[-1]
            out[-1] = ("same", f"{prev[1]} {seg[1]}", f"{prev[2]} {seg[2]}")
        else:
            out.append(seg)
    return out
