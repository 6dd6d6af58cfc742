"""Classes of wording change: what kind of difference from the template each one is.

textdiff finds where a sworn clause differs from its template; this decides what a
difference means before anyone counts it. Counting every difference as a change of
content overstated it: a phrase said in another place is one deletion plus one
addition, a one-letter slip in a news article ("menyebarkan" for "menyebabkan") is
most likely the source's typo, and a documented synonym ("bijak" for "bijaksana")
says the same thing. Each change gets one class:

- urutan: the same words in another order, a moved phrase or a moved clause;
- salah-ketik: one word for one word, close in spelling (a probable typo in the source);
- sinonim: one word for another of the same synonym group (registry/wording.yml);
- isi: anything else, a change of content. Only these are counted as changes.

No I/O; used by claims.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Clause
from .refdata import Synonym
from .textdiff import EDGES

CLASSES = ("isi", "urutan", "salah-ketik", "sinonim")
Synonyms = dict[str, frozenset[str]]


@dataclass(frozen=True)
class Change:
    """One classified difference: `kind` is replaced, removed, added, moved (a phrase
    found elsewhere in the clause) or moved-clause (the clause itself stands elsewhere
    than in the template); `text` the sworn words, `was` the template's."""

    clause: Clause
    kind: str
    text: str
    was: str
    klass: str


def synonyms_from(entries: tuple[Synonym, ...]) -> Synonyms:
    """Word -> its synonym group, from wording.yml's `synonyms`."""
    out: Synonyms = {}
    for entry in entries:
        group = frozenset(entry.words)
        for word in group:
            out[word] = out.get(word, frozenset()) | group
    return out


def words(text: str) -> tuple[str, ...]:
    """Comparison words: lower case, edge punctuation off."""
    return tuple(w for w in (EDGES.sub("", t.lower()) for t in text.split()) if w)


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (optimal string alignment), for short words."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def probable_typo(was: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """One word for one word, one edit apart (two for long words), both real words of
    five letters or more: short words differ by one letter too often in meaning."""
    if len(was) != 1 or len(now) != 1:
        return False
    a, b = was[0], now[0]
    if min(len(a), len(b)) < 5 or not (a.isalpha() and b.isalpha()):
        return False
    return distance(a, b) <= (2 if min(len(a), len(b)) >= 9 else 1)


def _segment_class(kind: str, text: str, was: str, synonyms: Synonyms) -> str:
    if kind != "replaced":
        return "isi"
    old, new = words(was), words(text)
    if old and sorted(old) == sorted(new):
        return "urutan"
    if len(old) == 1 and len(new) == 1 and new[0] in synonyms.get(old[0], ()):
        return "sinonim"
    return "salah-ketik" if probable_typo(old, new) else "isi"


def _clause_changes(clause: Clause, synonyms: Synonyms) -> list[Change]:
    """A clause's differences, a removed phrase said again elsewhere (its words in any
    order: "dan ancaman" removed, "ancaman dan" added) paired into one move."""
    segments = [s for s in clause.comparison.segments if s[0] in ("replaced", "removed", "added")]
    removed = [i for i, s in enumerate(segments) if s[0] == "removed"]
    added = [i for i, s in enumerate(segments) if s[0] == "added"]
    moved: dict[int, int] = {}
    for i in removed:
        key = sorted(words(segments[i][2]))  # the same words, in any order
        match = next(
            (j for j in added if j not in moved.values() and sorted(words(segments[j][1])) == key),
            None,
        )
        if match is not None and key:
            moved[i] = match
    out: list[Change] = []
    for i, (kind, text, was) in enumerate(segments):
        if i in moved.values():
            continue
        if i in moved:
            out.append(Change(clause, "moved", segments[moved[i]][1], was, "urutan"))
        else:
            out.append(Change(clause, kind, text, was, _segment_class(kind, text, was, synonyms)))
    return out


def _increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (the clauses in order)."""
    best: list[list[int]] = []
    for i, v in enumerate(values):
        chains = [c for c in best if values[c[-1]] < v]
        best.append([*max(chains, key=len, default=[]), i])
    return set(max(best, key=len, default=[]))


def moved_clauses(clauses: tuple[Clause, ...]) -> list[Change]:
    """Clauses said in another order than their template set's: the fewest clauses
    that, moved back, restore the order; each is one change of class urutan."""
    out: list[Change] = []
    groups: dict[tuple[str, str], list[Clause]] = {}
    for c in clauses:
        if c.template is not None:
            groups.setdefault((c.document, c.template.set_id), []).append(c)
    for group in groups.values():
        keep = _increasing([c.template.position for c in group])
        out += [
            Change(c, "moved-clause", "", "", "urutan")
            for i, c in enumerate(group)
            if i not in keep
        ]
    return out


def classify(clauses: tuple[Clause, ...], synonyms: Synonyms) -> tuple[Change, ...]:
    """Every classified change of an event's clauses, clause by clause."""
    moves = {id(c.clause): c for c in moved_clauses(clauses)}
    out: list[Change] = []
    for clause in clauses:
        if id(clause) in moves:
            out.append(moves[id(clause)])
        if clause.comparison is not None:
            out += _clause_changes(clause, synonyms)
    return tuple(out)
