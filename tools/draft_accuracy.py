"""How often the draft assistant is right: per field, right / wrong / left empty.

    .venv/bin/python -m tools.draft_accuracy [--write] [FOLDER]

reads every ARTICLE.txt with its ARTICLE.expected.yml in FOLDER (default
tests/fixtures/draft), drafts it (generator/draft.py) against the registry's reference
data and compares the draft with the values a reader wrote down. A filled value that
differs from the reader's is wrong; a TODO is empty. tests/test_draft.py runs the same
comparison and fails on any wrong value, or when the figures recorded in FOLDER's
README.md (rewritten by --write) are not the measured ones.
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator import draft, reference
from generator.draftpeople import Person
from generator.drafttext import Found

ROOT = Path(__file__).resolve().parent.parent
FIELDS = (
    "region", "date.precision", "date.value", "elections", "event_types", "count",
    "people.name", "people.office", "people.status", "people.roles", "people.extra",
)  # fmt: skip


def cases(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """(article, expected values) for every article with an expected file."""
    out = []
    for text in sorted(folder.glob("*.txt")):
        expected = text.with_suffix(".expected.yml")
        if expected.exists():
            out.append((text, yaml.safe_load(expected.read_text(encoding="utf-8"))))
    return out


def score(d: draft.Draft, want: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(field, right | wrong | empty, what) for every value the reader wrote down or
    the draft filled."""
    out: list[tuple[str, str, str]] = []
    region = d.region.value if isinstance(d.region, Found) else None
    out.append(_one("region", region, want["region"]))
    when = d.date.value if isinstance(d.date, Found) else (None, None)
    out.append(_one("date.precision", when[0], want["date"]["precision"]))
    if when[1] or want["date"]["value"]:
        out.append(_one("date.value", when[1] or None, want["date"]["value"]))
    got = sorted(d.elections.value) if isinstance(d.elections, Found) else None
    out.append(_one("elections", got, sorted(want["elections"])))
    out.extend(_items("event_types", set(d.event_types), set(want["event_types"])))
    count = d.count.value if isinstance(d.count, Found) else None
    if count is not None or want["count"] is not None:
        out.append(_one("count", count, want["count"]))
    out.extend(_people(d.people, want["people"]))
    return out


def _one(field: str, got: Any, want: Any) -> tuple[str, str, str]:
    if got is None or got == "":
        return (field, "empty", f"want {want!r}")
    return (field, "right" if got == want else "wrong", f"got {got!r}, want {want!r}")


def _items(field: str, got: set[str], want: set[str]) -> list[tuple[str, str, str]]:
    return (
        [(field, "right", x) for x in sorted(got & want)]
        + [(field, "wrong", f"got {x!r}") for x in sorted(got - want)]
        + [(field, "empty", f"want {x!r}") for x in sorted(want - got)]
    )


def _people(found: list[Person], wanted: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    out = []
    unmatched = list(found)
    for want in wanted:
        person = _match(unmatched, want)
        if person is None:
            out.extend(
                ("people." + k, "empty", f"{want['name']}: want {want[k]!r}")
                for k in ("name", "office", "status")
            )
            out.extend(_items("people.roles", set(), set(want["roles"])))
            continue
        unmatched.remove(person)
        name = person.name()
        status = person.status()
        if want["name"] is not None or isinstance(name, Found):
            out.append(
                _one("people.name", name.value if isinstance(name, Found) else None, want["name"])
            )
        out.append(_one("people.office", person.office, want["office"]))
        out.append(
            _one(
                "people.status", status.value if isinstance(status, Found) else None, want["status"]
            )
        )
        out.extend(_items("people.roles", set(person.roles), set(want["roles"])))
    out.extend(("people.extra", "wrong", f"{p.office} {sorted(p.names)}") for p in unmatched)
    return out


def _match(found: list[Person], want: dict[str, Any]) -> Person | None:
    """The drafted official the reader's entry is: by name, else the one unnamed
    official of that office."""
    for p in found:
        name = p.name()
        if (
            isinstance(name, Found)
            and want["name"]
            and set(name.value.split()) & set(want["name"].split())
        ):
            return p
    unnamed = [p for p in found if not p.names and p.office == want["office"]]
    return unnamed[0] if len(unnamed) == 1 else None


def measure(folder: Path) -> tuple[Counter[tuple[str, str]], list[str]]:
    """Counts per (field, outcome) over every article, and the wrong values named."""
    ref, _ = reference.check_reference(ROOT / "registry")
    assert ref is not None
    counts: Counter[tuple[str, str]] = Counter()
    wrong = []
    for path, want in cases(folder):
        published = date.fromisoformat(want["published"]) if want["published"] else None
        d = draft.analyse(path.read_text(encoding="utf-8"), ref, published)
        for field, outcome, what in score(d, want):
            counts[(field, outcome)] += 1
            if outcome == "wrong":
                wrong.append(f"{path.name}: {field}: {what}")
    return counts, wrong


def table(counts: Counter[tuple[str, str]]) -> str:
    """The figures as a Markdown table, one row per field and a total."""
    rows = ["| field | right | wrong | empty |", "| --- | ---: | ---: | ---: |"]
    for field in (*FIELDS, "total"):
        pick = [f for f in FIELDS if field in (f, "total")]
        r, w, e = (sum(counts[(f, k)] for f in pick) for k in ("right", "wrong", "empty"))
        if r or w or e:
            rows.append(f"| {field} | {r} | {w} | {e} |")
    return "\n".join(rows)


RESULTS = "## Figures"


def recorded(folder: Path) -> str:
    """The table under '## Figures' in the folder's README."""
    text = (folder / "README.md").read_text(encoding="utf-8")
    return text.split(RESULTS + "\n", 1)[1].split("\n\n", 2)[1].strip() if RESULTS in text else ""


def record(folder: Path, figures: str) -> None:
    readme = folder / "README.md"
    text = readme.read_text(encoding="utf-8").split(RESULTS + "\n", 1)[0].rstrip("\n")
    intro = "Measured by `.venv/bin/python -m tools.draft_accuracy --write`:"
    readme.write_text(f"{text}\n\n{RESULTS}\n\n{intro}\n\n{figures}\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    write = "--write" in argv
    argv = [a for a in argv if a != "--write"]
    folder = Path(argv[0]) if argv else ROOT / "tests" / "fixtures" / "draft"
    counts, wrong = measure(folder)
    print(table(counts))
    if write:
        record(folder, table(counts))
    for line in wrong:
        print("wrong:", line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
