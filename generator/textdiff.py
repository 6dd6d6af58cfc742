"""Word-level difference between a standard clause and the wording actually sworn.

Journalists compare wording ("konflik kepentingan" became "politik
kepentingan"), so the unit is the word. Words are matched ignoring case and
surrounding punctuation, which differ between transcriptions without meaning
anything, but the sworn text is shown exactly as the source has it.
"""

from __future__ import annotations

import difflib
import functools
import re

WORD = re.compile(r"\S+")
EDGES = re.compile(r"^\W+|\W+$")


def _norm(word: str) -> str:
    return EDGES.sub("", word.lower())


@functools.lru_cache(maxsize=65536)
def word_diff(template: str, text: str) -> tuple[tuple[str, str], ...]:
    """Segments ((op, words), ...): '=' shared, '+' only in text, '-' only in template.

    Adjacent segments with the same op are merged, so a renderer emits one
    <ins> or <del> per run of changed words. Cached: one clause appears in many
    tables (its event, region, province, election and comparison pages), and
    the result is immutable.
    """
    old, new = WORD.findall(template), WORD.findall(text)
    matcher = difflib.SequenceMatcher(
        None, [_norm(w) for w in old], [_norm(w) for w in new], autojunk=False
    )
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(("=", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            segments.append(("-", " ".join(old[i1:i2])))
        if j2 > j1:
            segments.append(("+", " ".join(new[j1:j2])))
    return tuple(segments)


def changed_words(template: str, text: str) -> int:
    """How many words were added or removed: 0 means the clause follows the template."""
    return sum(len(words.split()) for op, words in word_diff(template, text) if op != "=")
