"""A corpus of hostile strings, and records that carry them in every free-text field.

Each payload would run script, inject markup, break a table or a template if it
reached the page unescaped. Executable ones call window.__pwned(), which the
browser tests define to record the hit.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PAYLOADS = [
    "<script>__pwned('script')</script>",
    "<img src=x onerror=\"__pwned('img')\">",
    "\"><svg onload=__pwned('svg')>",
    "<a href=\"javascript:__pwned('a')\">klik</a>",
    "[tautan](javascript:__pwned('md-link'))",
    "![gambar](data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKCdkYXRhJyk8L3NjcmlwdD4=)",
    "<https://evil.example/autolink>",
    "| kolom | pecah |\n|---|---|\n| a | b |",
    "# Judul palsu",
    "<!-- komentar tidak tertutup",
    "{: onclick=\"__pwned('attr')\" }",
    "{{ 7 * 7 }} {% raw %} {# jinja #}",
    "**tebal** _miring_ `kode` ~~coret~~",
    "&lt;script&gt; sudah di-escape &amp; tetap teks",
    "</textarea></title></style><script>__pwned('close')</script>",
    "teks\u202ekanan-ke-kiri\u202c dan\u200blebar\u200dnol",
    "x" * 300,
    "<iframe srcdoc=\"<script>parent.__pwned('iframe')</script>\"></iframe>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__pwned('mxss')>",
]


def record(index: int, region: str, slug: str, day: int) -> dict:
    """One valid record whose free-text fields all carry payloads."""

    def p(offset: int) -> str:
        return PAYLOADS[(index + offset) % len(PAYLOADS)]

    return {
        "schema_version": 2,
        "id": f"{slug}-2024-09-{day:02d}",
        "region": region,
        "date": {"precision": "exact", "value": f"2024-09-{day:02d}", "note": p(0)},
        "elections": ["pilkada-2024"],
        "event_types": ["ikrar"],
        "venue": p(7)[:200],
        "organizer": p(8)[:200],
        "people": [
            {
                "roles": ["presiding"],
                "name": p(1)[:120],
                "office": "Bupati",
                "status": "pj",
                "other_names": [p(2)[:120]],
                "note": p(3),
            },
            {"roles": ["reading"], "office": "Lainnya", "title": p(9)[:200], "status": "plh"},
            {"roles": ["signing"], "group": p(10)[:200], "count": 7, "note": p(11)},
        ],
        "bodies": [{"kind": "lainnya", "name": p(12)[:200], "note": p(13)}],
        "participants": {"count": 10, "description": p(4)},
        "clauses": [
            {"text": p(5), "template": "ikrar-netralitas-asn-1", "wording": "verbatim"},
            {"text": p(6), "wording": "paraphrased"},
        ],
        "legal_basis": [
            {"instrument": "skb-netralitas-2022", "note": p(7)},
            {"type": "surat-edaran", "issuer": p(8)[:120], "number": p(9)[:100], "title": p(10)},
        ],
        "sources": [
            {
                "url": "https://example.org/berita?q=%22%3E%3Cscript%3E",
                "publisher": p(11)[:120],
                "title": p(12),
                "accessed": "2026-11-24",
            }
        ],
        "notes": p(13),
    }


REGIONS = [
    ("61.07", "kab-bengkayang"),
    ("62.11", "kab-pulang-pisau"),
    ("11.17", "kab-bener-meriah"),
]


def write_records(events: Path) -> list[str]:
    """Write one hostile record per payload rotation; return their ids."""
    ids = []
    for i in range(len(PAYLOADS)):
        code, slug = REGIONS[i % len(REGIONS)]
        rec = record(i, code, slug, 1 + i)
        text = yaml.safe_dump(rec, allow_unicode=True, sort_keys=False, width=1000)
        (events / f"{rec['id']}.yml").write_text(text, encoding="utf-8")
        ids.append(rec["id"])
    return ids
