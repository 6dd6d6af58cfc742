"""Short names (singkatan) for every region, by the conventions the Indonesian press uses.

Why derived and not hand-listed: there are 552 regions, and a citizen types
"Bolsel" or "Mahulu" for a regency whose official name no one types. The press
builds these names by a few rules, so the candidates are derived by those rules
and kept only when a source confirms them or nothing else could mean them:

- ``sumber``: a row of registry/region-aliases.csv, with the URL (or legal text)
  that shows the name in use, and its kind (singkatan, sehari-hari, nama lama).
  A sourced name is kept unless it is another region's own name; a name sourced
  for two regions (Jogja: the city and the province) is kept for both, and the
  search page offers both.
- ``aturan: arah``: compass endings. A name "X Utara/Selatan/Timur/Barat/
  Tengah/Tenggara/Pusat" gives the first syllable of X plus -ut, -sel, -tim,
  -bar, -teng, -tra, -pus (Kalimantan Barat -> Kalbar, Halmahera Selatan ->
  Halsel).
- ``aturan: inisial``: initials of a name of three words or more (Hulu Sungai
  Utara -> HSU, Timor Tengah Selatan -> TTS).
- ``aturan: nama``: the name without its level word ("Bengkayang"), the short
  name every one-word region goes by.

A rule-derived candidate is kept only when nothing else could mean it: no other
region's name, sourced name or candidate is the same string (compared case-,
space- and punctuation-blind), and the region has no sourced name of the same
rule (a source beats a rule: "Jateng", not the rule's "Jawteng"). A region whose
bare name is shared (Bandung: a kabupaten and a kota) keeps its level form
("Kota Bandung") as its short name; `test_regions.py` checks that every region
has one and that no short name points at two regions.

    python tools/shortnames.py    # rewrites registry/region-shortnames.csv from regions.csv

tools/regions.py imports this module, so regenerating regions.csv also refreshes
the short names and puts them into its aliases column.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCED = ROOT / "registry" / "region-aliases.csv"
OUT = ROOT / "registry" / "region-shortnames.csv"
REGIONS = ROOT / "registry" / "regions.csv"
COMPASS = {
    "utara": "ut",
    "selatan": "sel",
    "timur": "tim",
    "barat": "bar",
    "tengah": "teng",
    "tenggara": "tra",
    "pusat": "pus",
}
LEVEL_PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
VOWELS = set("aeiou")


def bare(name: str) -> str:
    """'Kabupaten Hulu Sungai Utara' -> 'Hulu Sungai Utara'."""
    for prefix in LEVEL_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def level_form(level: str, name: str) -> str:
    """The short level form used when the bare name is shared: 'Kab. Bandung', 'Kota Bandung'."""
    if level == "provinsi":
        return f"Prov. {name}"
    return name if level == "kota" else f"Kab. {bare(name)}"


def key(text: str) -> str:
    """Comparison key: lower case, letters and digits only ('OKU Selatan' == 'okuselatan')."""
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def first_syllable(word: str) -> str:
    """Leading consonants, the first vowel and, when one follows, one consonant.

    'Kalimantan' -> 'Kal', 'Halmahera' -> 'Hal', 'Nias' -> 'Ni', 'Aceh' -> 'Ac'.
    """
    low = word.lower()
    i = 0
    while i < len(low) and low[i] not in VOWELS:
        i += 1
    i += 1
    if i < len(low) and low[i].isalpha() and low[i] not in VOWELS:
        i += 1
    return word[:i]


def by_compass(words: list[str]) -> list[str]:
    """'Halmahera Selatan' -> ['Halsel']; 'Lombok Timur' -> ['Lomtim', 'Lotim'].

    A one-word stem and a compass ending. The press cuts the stem after the
    first vowel (Lotim, Mabar, Basel) or after the consonant that follows it
    (Kalbar, Halsel, Lamteng); both forms are candidates, except before -ut
    (Halut, never "Haut").
    """
    if len(words) != 2 or words[1].lower() not in COMPASS:
        return []
    closed = first_syllable(words[0])
    open_ = closed if closed[-1].lower() in VOWELS else closed[:-1]
    end = COMPASS[words[1].lower()]
    stems = (closed,) if end == "ut" else (closed, open_)  # "-ut" after a vowel: no such usage
    return list(dict.fromkeys((stem + end).capitalize() for stem in stems))


def by_initials(words: list[str]) -> str | None:
    """'Hulu Sungai Utara' -> 'HSU': three words or more."""
    letters = [w[0] for w in words if w[0].isalpha()]
    if len(words) < 3 or len(letters) != len(words):
        return None
    return "".join(letters).upper()


def candidates(name: str) -> list[tuple[str, str]]:
    """Rule-derived (alias, rule) pairs for one official name."""
    words = re.split(r"[\s-]+", bare(name))
    out = [(alias, "arah") for alias in by_compass(words)]
    initials = by_initials(words)
    if initials:
        out.append((initials, "inisial"))
    return out


KINDS = ("singkatan", "sehari-hari", "nama lama")


def read_rows(path: Path = SOURCED) -> list[dict[str, str]]:
    """Rows of region-aliases.csv (code, alias, kind, source); '#' lines are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    bad = [r for r in rows if r.get("kind") not in KINDS or not (r.get("source") or "").strip()]
    if bad:
        sys.exit(f"region-aliases.csv: rows need a kind {KINDS} and a source: {bad[:3]}")
    return rows


def read_sourced(path: Path = SOURCED) -> list[tuple[str, str, str]]:
    """(code, alias, source) rows of region-aliases.csv."""
    return [(r["code"], r["alias"].strip(), r["source"].strip()) for r in read_rows(path)]


def shortnames(regions: list[dict[str, str]], sourced: list[tuple[str, str, str]]) -> list[tuple]:
    """(alias, code, basis) for every region, sorted by code then alias.

    `regions` rows need code, level and name. Drops every alias two regions
    would share; a rule candidate that meets anything else is dropped alone.
    """
    codes = {r["code"] for r in regions}
    unknown = sorted({c for c, _, _ in sourced} - codes)
    if unknown:
        sys.exit(f"region-aliases.csv names unknown codes: {unknown}")
    bares: dict[str, set[str]] = defaultdict(set)
    for r in regions:
        bares[key(bare(r["name"]))].add(r["code"])
        bares[key(r["name"])].add(r["code"])
    source_owners: dict[str, set[str]] = defaultdict(set)
    for code, alias, _ in sourced:
        source_owners[key(alias)].add(code)
    rule_owners: dict[str, set[str]] = defaultdict(set)
    derived = {r["code"]: candidates(r["name"]) for r in regions}
    for code, found in derived.items():
        for alias, _ in found:
            rule_owners[key(alias)].add(code)
    out = []
    for code, alias, source in sourced:
        # A name sources give two regions (Jogja: the city and the province) names both;
        # one that is another region's own name is not this one's.
        if bares.get(key(alias), set()) <= source_owners[key(alias)]:
            out.append((alias, code, source))
    has_source = {code for _, code, _ in out}
    for r in regions:
        code = r["code"]
        for alias, rule in derived[code]:
            k = key(alias)
            alone = rule_owners[k] == {code} and not source_owners[k] and k not in bares
            if alone and code not in has_source:
                out.append((alias, code, f"aturan: {rule}"))
        plain = bare(r["name"])
        if bares[key(plain)] == {code} and not source_owners[key(plain)] - {code}:
            out.append((plain, code, "aturan: nama"))
        else:
            out.append((level_form(r["level"], r["name"]), code, "aturan: nama dengan tingkat"))
    unique = dict.fromkeys(out)
    return sorted(unique, key=lambda row: (row[1], row[2].startswith("aturan"), row[0]))


def shared(rows: list[tuple]) -> set[str]:
    """Keys of the sourced names that name more than one region (kept for each)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for alias, code, _ in rows:
        owners[key(alias)].add(code)
    return {k for k, codes in owners.items() if len(codes) > 1}


def render(rows: list[tuple]) -> str:
    buffer = io.StringIO()
    buffer.write(
        "# Generated by tools/shortnames.py from regions.csv and region-aliases.csv; "
        "do not edit (registry/REGIONS.md).\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["alias", "code", "basis"])
    writer.writerows(rows)
    return buffer.getvalue()


def read_regions(path: Path = REGIONS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    regions = read_regions()
    rows = shortnames(regions, read_sourced())
    OUT.write_text(render(rows), encoding="utf-8")
    COVERAGE.write_text(coverage(regions, read_rows()), encoding="utf-8")
    kinds = defaultdict(int)
    for _, _, basis in rows:
        kinds[basis if basis.startswith("aturan") else "sumber"] += 1
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} short names {dict(sorted(kinds.items()))}")


COVERAGE = ROOT / "registry" / "REGION-ALIASES-COVERAGE.md"


def coverage(regions: list[dict[str, str]], rows: list[dict[str, str]]) -> str:
    """registry/REGION-ALIASES-COVERAGE.md: which regencies and cities have a name in use
    with a source page, and every one that still has none (tests check it is in step)."""
    local = [r for r in regions if r["level"] != "provinsi"]
    names = {r["code"]: r["name"] for r in regions}
    seen: dict[str, set[str]] = defaultdict(set)
    unchecked: set[str] = set()
    for row in rows:
        if row["code"] not in names or names[row["code"]] == row["alias"]:
            continue
        if row["source"].startswith(("http://", "https://")):
            seen[row["code"]].add(row["kind"])
        else:
            unchecked.add(row["code"])
    with_url = [r for r in local if r["code"] in seen]
    waiting = [r for r in local if r["code"] in unchecked - set(seen)]
    without = [r for r in local if r["code"] not in seen and r["code"] not in unchecked]
    kinds = Counter(k for r in with_url for k in seen[r["code"]])
    lines = [
        "# Names in use: coverage",
        "",
        "Generated by `tools/shortnames.py` from `regions.csv` and `region-aliases.csv`; "
        "do not edit (`tests/test_regions.py` checks it is in step).",
        "",
        f"- {len(with_url)} of the {len(local)} regencies and cities have a short, "
        "colloquial or former name with a page that uses it "
        f"({', '.join(f'{k}: {n}' for k, n in sorted(kinds.items()))}).",
        f"- {len(waiting)} have one from the first hand-kept list that still waits "
        "for a source page (`daftar awal`).",
        f"- {len(without)} have none found yet. Rule-derived names "
        "(`region-shortnames.csv`, `aturan: ...`) and the region's own name still find "
        "them in the search page; a name people use for them, with its page, goes in "
        "`region-aliases.csv`.",
        "",
        "## Waiting for a source page",
        "",
        *(f"- {r['code']} {r['name']}" for r in waiting),
        "",
        "## No name in use found yet",
        "",
        *(f"- {r['code']} {r['name']}" for r in without),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
