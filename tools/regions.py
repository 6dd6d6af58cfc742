"""Regenerate registry/regions.csv from the idn-area-data npm package.

Why a script and not a hand-kept file: 552 rows of codes and names are easy to
mistype and hard to review. The package is pinned by version and by the
integrity hash npm publishes, so a rerun gives the same file byte for byte.

    python tools/regions.py               # fetches the pinned tarball with `npm pack`
    python tools/regions.py --tarball F   # uses a tarball you already have

Names and codes come from the package (data under ODbL 1.0, see
registry/REGIONS.md). Search aliases are derived here ("Kab. X", "Kab X", the
bare name where no other region shares it) plus every region's short names
(tools/shortnames.py: press conventions, sources in registry/region-aliases.csv),
which it also writes to registry/region-shortnames.csv. An alias that two
regions would share is dropped from both, so typing it never lands a citizen on the wrong regency.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import shortnames

PACKAGE = "idn-area-data@4.0.1"
INTEGRITY = (
    "sha512-PhNSIl5T7swVwwWxJOFMtCaeHAF9TUu0HLDf+36EIWZro9j7au83AFIJiBQGL+iRsBDA2OlpJ5fjiqxNYndzOQ"
    "=="
)
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "registry" / "regions.csv"
EXTRA = ROOT / "registry" / "region-aliases.csv"
NAMES = ROOT / "registry" / "region-names.csv"
COLUMNS = ["code", "level", "name", "province_code", "slug", "aliases"]
PREFIXES = {
    "Kabupaten Administrasi ": ("kabupaten", ["Kab. Adm. ", "Kab. ", "Kab ", "Kabupaten "]),
    "Kota Administrasi ": ("kota", ["Kota Adm. ", "Kota "]),
    "Kabupaten ": ("kabupaten", ["Kab. ", "Kab "]),
    "Kota ": ("kota", []),
}
SLUG_PREFIX = {"provinsi": "prov", "kabupaten": "kab", "kota": "kota"}


def fetch(tarball: Path | None) -> bytes:
    """The pinned tarball, checked against npm's published integrity hash."""
    if tarball is None:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True)
            data = next(Path(tmp).glob("*.tgz")).read_bytes()
    else:
        data = tarball.read_bytes()
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        sys.exit(f"integrity mismatch for {PACKAGE}: {digest}")
    return data


def read_csv(data: bytes, name: str) -> list[dict[str, str]]:
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        member = tar.extractfile(f"package/data/{name}")
        assert member is not None, name
        text = member.read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def split_name(name: str) -> tuple[str, str, list[str]]:
    """'Kabupaten Bengkayang' -> ('kabupaten', 'Bengkayang', ['Kab. ', 'Kab '])."""
    for prefix, (level, short) in PREFIXES.items():
        if name.startswith(prefix):
            return level, name[len(prefix) :], short
    raise SystemExit(f"unexpected regency name: {name}")


def candidate_rows(data: bytes) -> list[dict]:
    """Every region with its derived alias candidates; bare names kept aside."""
    rows = []
    for prov in read_csv(data, "provinces.csv"):
        name = prov["name"]
        rows.append(
            {
                "code": prov["code"],
                "level": "provinsi",
                "name": name,
                "province_code": prov["code"],
                "slug": f"prov-{slugify(name)}",
                "aliases": [f"Provinsi {name}", f"Prov. {name}"],
                "bare": name,
            }
        )
    for reg in read_csv(data, "regencies.csv"):
        level, bare, shorts = split_name(reg["name"])
        rows.append(
            {
                "code": reg["code"],
                "level": level,
                "name": reg["name"],
                "province_code": reg["province_code"],
                "slug": f"{SLUG_PREFIX[level]}-{slugify(bare)}",
                "aliases": [s + bare for s in shorts],
                "bare": bare,
            }
        )
    return rows


def official_names(rows: list[dict], path: Path = NAMES) -> list[dict]:
    """Names as the regional government and Kemendagri write them (region-names.csv).

    The package's spelling stays an alias ("Kota Bau Bau", "Bau Bau"), and the slug made
    from it stays, so page addresses do not change.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        names = {
            r["code"]: r["name"]
            for r in csv.DictReader(line for line in handle if not line.startswith("#"))
        }
    by_code = {r["code"]: r for r in rows}
    unknown = sorted(set(names) - set(by_code))
    if unknown:
        sys.exit(f"region-names.csv names unknown codes: {unknown}")
    for code, name in names.items():
        row = by_code[code]
        level, bare, shorts = split_name(name)
        if level != row["level"]:
            sys.exit(f"region-names.csv: {name} is not a {row['level']}")
        row["aliases"] = [row["name"], row["bare"], *row["aliases"], *(s + bare for s in shorts)]
        row["name"], row["bare"] = name, bare
    return rows


def read_extra(rows: list[dict]) -> tuple[dict[str, list[str]], set[str]]:
    """Short names of every region (tools/shortnames.py), also written to
    region-shortnames.csv; and the keys of those that name more than one region."""
    found = shortnames.shortnames(rows, shortnames.read_sourced(EXTRA))
    shortnames.OUT.write_text(shortnames.render(found), encoding="utf-8")
    report = shortnames.coverage(rows, shortnames.read_rows(EXTRA))
    shortnames.COVERAGE.write_text(report, encoding="utf-8")
    extra: dict[str, list[str]] = {}
    for alias, code, _ in found:
        extra.setdefault(code, []).append(alias)
    return extra, shortnames.shared(found)


def finish(rows: list[dict], extra: dict[str, list[str]], shared: set[str]) -> list[dict]:
    """Attach bare names and extras, then drop every alias that is not unique, except
    a sourced name that sources give to each of its regions (`shared`)."""
    for row in rows:
        row["aliases"] = [*row["aliases"], row["bare"], *extra.get(row["code"], [])]
        row["aliases"] = [a for a in dict.fromkeys(row["aliases"]) if a != row["name"]]
    names = Counter(r["name"].casefold() for r in rows)
    counts = Counter(a.casefold() for r in rows for a in r["aliases"])
    for row in rows:
        row["aliases"] = [
            a
            for a in row["aliases"]
            if (counts[a.casefold()] == 1 or shortnames.key(a) in shared)
            and not names[a.casefold()]
        ]
    unknown = set(extra) - {r["code"] for r in rows}
    if unknown:
        sys.exit(f"region-aliases.csv names unknown codes: {sorted(unknown)}")
    return sorted(rows, key=lambda r: r["code"])


def write(rows: list[dict]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([*(row[c] for c in COLUMNS[:-1]), ";".join(row["aliases"])])
    OUT.write_text(buffer.getvalue(), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="idn-area-data-4.0.1.tgz already on disk")
    args = parser.parse_args()
    rows = official_names(candidate_rows(fetch(args.tarball)))
    rows = finish(rows, *read_extra(rows))
    write(rows)
    levels = Counter(r["level"] for r in rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {dict(sorted(levels.items()))}")


if __name__ == "__main__":
    main()
