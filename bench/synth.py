"""Deterministic synthetic registries for the benchmark: N events over the real regions.

The spread imitates a season of contributions: every election, every level,
several events in busy regions, clause wording varied the way real sources
vary it (typos, shortened clauses, "politik kepentingan"), date precisions
and optional fields in realistic proportions. The same N always gives the
same files, byte for byte.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import subprocess
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
    period = (str(clauses.get("used_from", "0000")), str(clauses.get("used_until", "9999")))
    return regions, elections, [{**c, "period": period} for c in clauses["clauses"]]


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
        # A template only within its text's period of use (the checker refuses it outside).
        "clauses": [synth_clause(rng, t) for t in templates if within(day, t["period"])],
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


def within(day: str, period: tuple[str, str]) -> bool:
    return period[0] <= day <= period[1]


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


GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}
SOURCE = (
    "sources:\n- url: https://arsip.example/{stem}\n  publisher: Arsip Contoh\n  title: Arsip\n"
)
# Edits after publication, one commit each, on every 50th record: (message, old, new).
EDITS = [
    ("Koreksi nama pejabat", "putra\n", " Putra\n"),
    ("Tambah sumber arsip", "sources:\n", SOURCE),
    ("Perjelas catatan tanggal", "menurut berita sumber", "menurut berita dari sumber"),
]


def commit_history(registry: Path) -> None:
    """Make `registry` a git repository with a season of history: reference data and
    most records, then the rest, then a correction, an added source and a clarified
    note on every 50th record; fixed dates, so every run has the same commits."""
    files = sorted((registry / "events").glob("*.yml"))
    git(registry, 1, "init", "-q", "-b", "main")
    early = len(files) * 3 // 5
    git(registry, 1, "add", "--", ".", *[f":!events/{p.name}" for p in files[early:]])
    git(registry, 1, "commit", "-q", "-m", "Data rujukan dan catatan awal")
    git(registry, 2, "add", ".")
    git(registry, 2, "commit", "-q", "-m", "Catatan baru")
    for day, (message, old, new) in enumerate(EDITS, start=3):
        for path in files[::50]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(old, new.format(stem=path.stem), 1), encoding="utf-8")
        git(registry, day, "commit", "-q", "-am", message)


def git(repo: Path, day: int, *args: str) -> None:
    when = f"2026-11-{day:02d}T10:00:00+00:00"
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
