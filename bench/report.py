"""The benchmark table, its ratios to the floors, and the targets from the issue."""

from __future__ import annotations

from pathlib import Path

COLUMNS = [
    ("records", "records", "{:.0f}"),
    ("pages", "pages", "{:.0f}"),
    ("parse_s", "parse floor s", "{:.2f}"),
    ("check_s", "check s", "{:.2f}"),
    ("check_cpu_s", "  check CPU s (all cores)", "{:.2f}"),
    ("generate_s", "generate s", "{:.2f}"),
    ("mkdocs_s", "mkdocs s", "{:.2f}"),
    ("pagefind_s", "pagefind s", "{:.2f}"),
    ("total_s", "total s", "{:.2f}"),
    ("floor_build_s", "floor build s", "{:.2f}"),
    ("floor_mkdocs_s", "  floor: bare mkdocs s", "{:.2f}"),
    ("floor_pagefind_s", "  floor: pagefind s", "{:.2f}"),
    ("peak_mb", "peak MB", "{:.0f}"),
    ("check_mb", "  check MB", "{:.0f}"),
    ("generate_mb", "  generate MB", "{:.0f}"),
    ("mkdocs_mb", "  mkdocs MB", "{:.0f}"),
    ("pagefind_mb", "  pagefind MB", "{:.0f}"),
    ("floor_mkdocs_mb", "  floor: bare mkdocs MB", "{:.0f}"),
    ("site_mb", "site MB", "{:.1f}"),
    ("page_median_kb", "event page median KB", "{:.1f}"),
    ("page_max_kb", "event page max KB", "{:.1f}"),
    ("search_runtime_kb", "1st search runtime KB gz", "{:.1f}"),
    ("search_index_kb", "1st search index KB gz", "{:.1f}"),
    ("search_total_kb", "1st search total KB gz", "{:.1f}"),
]


def table(rows: list[dict[str, float]]) -> str:
    """Markdown table: one column per size, one row per measure, plus ratio rows."""
    head = "| measure | " + " | ".join(f"{r['records']:.0f}" for r in rows) + " |"
    lines = [head, "|---" * (len(rows) + 1) + "|"]
    for key, label, fmt in [
        *COLUMNS[2:],
        ("check_ratio", "check / parse floor", "{:.2f}"),
        ("build_ratio", "build / floor build", "{:.2f}"),
    ]:
        cells = []
        for r in rows:
            r["check_ratio"] = r["check_s"] / r["parse_s"] if r["parse_s"] else 0
            r["build_ratio"] = r["total_s"] / r["floor_build_s"] if r["floor_build_s"] else 0
            cells.append(fmt.format(r[key]) if key in r else "—")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def targets(rows: list[dict[str, float]]) -> list[str]:
    """Each target from the issue, met or not, with the numbers that decide it."""
    by = {int(r["records"]): r for r in rows}
    out = []
    if 10000 in by:
        r = by[10000]
        out.append(
            _line(
                r["check_ratio"] <= 2,
                f"check at 10,000 within 2x parse floor: {r['check_ratio']:.2f}x",
            )
        )
        out.append(
            _line(r["peak_mb"] < 1024, f"peak memory at 10,000 under 1 GB: {r['peak_mb']:.0f} MB")
        )
    if 5000 in by:
        r = by[5000]
        out.append(
            _line(
                r["build_ratio"] <= 1.2,
                f"build at 5,000 within 1.2x floor: {r['build_ratio']:.2f}x",
            )
        )
        if "search_index_kb" in r:
            out.append(
                _line(
                    r["search_index_kb"] <= 60,
                    f"first search index data at 5,000 <= 60 KB: {r['search_index_kb']:.1f}",
                )
            )
            out.append(
                _line(
                    r["search_total_kb"] <= 160,
                    f"first search total at 5,000 <= 160 KB: {r['search_total_kb']:.1f}",
                )
            )
    if 5000 in by and 10000 in by:
        growth = by[10000]["total_s"] / by[5000]["total_s"]
        out.append(_line(growth <= 2.2, f"10,000 takes at most 2.2x of 5,000: {growth:.2f}x"))
    page_max = max(r["page_max_kb"] for r in rows)
    out.append(_line(page_max < 60, f"event page under 60 KB HTML: largest {page_max:.1f} KB"))
    return out


def _line(ok: bool, text: str) -> str:
    return f"- {'met' if ok else '**NOT MET**'}: {text}"


def write(path: Path, rows: list[dict[str, float]], table_text: str) -> None:
    """Keep hand-written notes below the marker; replace the measured part above it."""
    marker = "<!-- notes below are kept between runs -->"
    notes = ""
    if path.exists() and marker in path.read_text(encoding="utf-8"):
        notes = path.read_text(encoding="utf-8").split(marker, 1)[1]
    text = (
        "# Benchmark results\n\nMeasured by `make bench` on this project's 2-core machine. "
        "Times are wall-clock seconds of one run per stage.\n\n"
        + table_text
        + "\n\n## Targets\n\n"
        + "\n".join(targets(rows))
        + "\n\n"
        + marker
        + notes
    )
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
