"""Deterministic synthetic registries for the benchmark: N events over the real regions.

The spread imitates a season of contributions: every election, every level,
several events in busy regions, clause wording varied the way real sources
vary it (typos, shortened clauses, "politik kepentingan"), date precisions
and optional fields in realistic proportions. The same N always gives the
same files, byte for byte.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PRECISIONS = ["exact"] * 6 + ["reported"] * 2 + ["approximate", "month", "year", "unknown"]
TYPES = ["ikrar", "apel", "deklarasi", "pakta-integritas", "sosialisasi"]
STATUSES = ["definitif"] * 3 + ["pj", "pj", "pjs", "plt", "plh"]
OFFICE = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}
VARIANTS = [
    ("konflik kepentingan", "politik kepentingan"),
    ("praktik-praktik", "praktek-praktek"),
    ("apa pun", "apapun"),
    ("menegakkan", "menegakan"),
    (", tidak dipergunakan untuk kepentingan pasangan calon tertentu", ""),
]
NAMES = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko"]


def load_reference(registry: Path) -> tuple[list[dict], list[dict], list[dict]]:
    with open(registry / "regions.csv", encoding="utf-8", newline="") as handle:
        regions = list(csv.DictReader(handle))
    elections = yaml.safe_load((registry / "elections.yml").read_text(encoding="utf-8"))
    clauses = yaml.safe_load((registry / "clauses.yml").read_text(encoding="utf-8"))["sets"][0]
    return regions, elections, clauses["clauses"]


def make_registry(count: int, target: Path, source: Path = ROOT / "registry") -> Path:
    """Copy the reference data and schemas from `source`, then write `count` events."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("events"))
    (target / "events").mkdir()
    regions, elections, templates = load_reference(source)
    rng = random.Random(count)
    used: set[str] = set()
    for index in range(count):
        event = synth_event(rng, index, regions, elections, templates, used)
        path = target / "events" / f"{event['id']}.yml"
        text = "# yaml-language-server: $schema=../schema/event.schema.json\n"
        text += yaml.safe_dump(event, allow_unicode=True, sort_keys=False, width=88)
        path.write_text(text, encoding="utf-8")
    return target


def synth_event(
    rng: random.Random,
    index: int,
    regions: list[dict],
    elections: list[dict],
    templates: list[dict],
    used: set[str],
) -> dict:
    """One plausible record; ids are unique and follow the slug-date rule."""
    region = regions[int(rng.paretovariate(1.2) * 37) % len(regions)]
    election = rng.choice(elections)
    year = int(str(election["voting_date"])[:4])
    ident = ""
    while not ident or ident in used:  # one event per region and day, as the checker wants
        day = f"{year - rng.choice([0, 0, 1])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        day = min(day, str(election["voting_date"]))
        precision = rng.choice(PRECISIONS)
        value = {"month": day[:7], "year": day[:4], "unknown": None}.get(precision, day)
        ident = f"{region['slug']}-{value or 'tanpa-tanggal'}"
        if precision in ("month", "year", "unknown"):
            ident += f"-{index}"
    used.add(ident)
    date = {"precision": precision, "note": "Tanggal menurut berita sumber."}
    if value:
        date["value"] = value
    event = {
        "schema_version": 2,
        "id": ident,
        "region": region["code"],
        "date": date,
        "elections": [election["id"]],
        "event_types": sorted(rng.sample(TYPES, rng.randint(1, 3)), key=TYPES.index),
        "people": [
            {
                "roles": ["presiding"],
                "name": f"{rng.choice(NAMES)} {rng.choice(NAMES)}putra",
                "office": OFFICE[region["level"]],
                "status": rng.choice(STATUSES),
            }
        ],
        "participants": {"description": "ASN di lingkungan pemerintah daerah."},
        "clauses": [synth_clause(rng, t) for t in templates],
        "sources": [
            {
                "url": f"https://berita.example/{ident}",
                "publisher": "Media Contoh",
                "title": f"ASN {region['name']} ikrar netralitas",
                "published": day,
                "accessed": "2026-11-01",
            }
        ],
    }
    if rng.random() < 0.3:
        event["people"].append(
            {"roles": ["reading"], "office": "Sekretaris Daerah", "status": "definitif"}
        )
    if rng.random() < 0.2:
        event["venue"] = f"Halaman Kantor {region['name']}"
    if region["level"] == "provinsi" and rng.random() < 0.1:  # joint: every regency signs
        event["participating_regions"] = [f"{region['code']}.*"]
    if rng.random() < 0.3:
        event["participants"]["count"] = rng.randint(50, 9000)
    if rng.random() < 0.4:
        event["legal_basis"] = [
            {
                "type": "surat-edaran",
                "issuer": f"Kepala {region['name']}",
                "number": f"800/{index}/BKPSDM/{year}",
            }
        ]
    return event


def fill_slots(text: str) -> str:
    """A template's {slots} filled as a source would: the election named, no government."""
    filled = text.replace("{pemilihan}", "Pilkada serentak 2024").replace("{pemerintah}", "")
    return " ".join(filled.split())


def synth_clause(rng: random.Random, template: dict) -> dict:
    text = fill_slots(template["text"])
    for old, new in VARIANTS:
        if old in text and rng.random() < 0.25:
            text = text.replace(old, new)
    return {
        "text": text,
        "template": template["id"],
        "wording": "verbatim" if rng.random() < 0.8 else "paraphrased",
    }
