"""`make bench`: time every build stage at registry scale, against floors, in one run.

Each stage runs as its own process so os.wait4 reports its own wall time and
peak memory. Floors measured in the same run: parsing the same YAML files with
libyaml's C loader (for `check`), and bare mkdocs-material plus Pagefind on the
same number of plain pages (for the full build). Results go to stdout and to
bench/RESULTS.md. `--smoke` runs a tiny size for `make test`; it asserts nothing
about speed (benchmarks are not tests).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import firstsearch, synth
from tools.sitebuild import handwritten_docs, mkdocs_env, pagefind, relocated_config

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
os.environ["NO_MKDOCS_2_WARNING"] = "1"
BIN = Path(PY).parent


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, float]:
    """Run one stage; return (wall seconds, peak RSS in MB, CPU seconds of it and its
    children). Fail loudly: a bench of a broken build measures nothing."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"stage failed: {' '.join(cmd)}\n{err[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def floor_config(path: Path, docs: Path, site: Path) -> Path:
    """Bare mkdocs-material with a one-page nav: what any site of this size costs."""
    config = {
        "site_name": "floor",
        "theme": {"name": "material", "language": "id", "font": False},
        "plugins": [],
        "nav": ["index.md"],
        "not_in_nav": "/p/*.md",
        "docs_dir": str(docs),
        "site_dir": str(site),
    }
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def floor_pages(docs: Path, count: int) -> None:
    """Plain pages of about an event page's text, for the bare mkdocs floor."""
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Floor\n", encoding="utf-8")
    body = "Paragraf berisi kata-kata biasa tentang ikrar netralitas ASN. " * 40
    for i in range(count):
        (docs / "p" / f"{i}.md").write_text(f"# Halaman {i}\n\n{body}\n", encoding="utf-8")


def sizes(site: Path) -> dict[str, float]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in (site / "peristiwa").glob("*/index.html")]
    return {
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "page_median_kb": statistics.median(pages) / 1e3 if pages else 0,
        "page_max_kb": max(pages) / 1e3 if pages else 0,
        "page_max_gz_kb": max(
            (len(gzip.compress(p.read_bytes())) for p in (site / "peristiwa").glob("*/index.html")),
            default=0,
        )
        / 1e3,
    }


def bench_size(count: int, search: bool) -> dict[str, float]:
    """All stages and floors for one registry size."""
    work = OUT / str(count)
    registry = synth.make_registry(count, work / "registry")
    synth.commit_history(registry)  # pages carry history: read from git in the build
    docs, site = work / "docs", work / "site"
    handwritten_docs(docs)
    r: dict[str, float] = {"records": count}
    r["parse_s"], _, _ = run([PY, "-c", PARSE, str(registry / "events")])
    r["check_s"], r["check_mb"], r["check_cpu_s"] = run(
        [PY, "-m", "generator", "check", "--registry", str(registry)]
    )
    r["generate_s"], r["generate_mb"], _ = run(
        [PY, "-m", "generator", "build", "--registry", str(registry), "--docs", str(docs)]
    )
    config = relocated_config(work / "mkdocs.yml", docs, site)
    r["mkdocs_s"], r["mkdocs_mb"], _ = run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config)])
    r["pagefind_s"], r["pagefind_mb"], _ = run(pagefind(site))
    r["total_s"] = r["generate_s"] + r["mkdocs_s"] + r["pagefind_s"]
    r["pages"] = sum(1 for _ in docs.rglob("*.md"))
    r.update(sizes(site))
    floor_docs, floor_site = work / "floor-docs", work / "floor-site"
    floor_pages(floor_docs, int(r["pages"]))
    floor_cfg = floor_config(work / "floor.yml", floor_docs, floor_site)
    r["floor_mkdocs_s"], r["floor_mkdocs_mb"], _ = run(
        [str(BIN / "mkdocs"), "build", "-q", "-f", str(floor_cfg)]
    )
    # The floor runs outside the repository: our pagefind.yml (globs, exclusions) is ours.
    r["floor_pagefind_s"], _, _ = run(pagefind(floor_site), cwd=work)
    r["floor_build_s"] = r["floor_mkdocs_s"] + r["floor_pagefind_s"]
    r["peak_mb"] = max(r["check_mb"], r["generate_mb"], r["mkdocs_mb"], r["pagefind_mb"])
    if search:
        r.update(firstsearch.measure(site, "bengkayang"))
    return r


PARSE = """
import sys, pathlib, yaml
for p in sorted(pathlib.Path(sys.argv[1]).glob('*.yml')):
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--smoke", action="store_true", help="one tiny size, no RESULTS.md")
    parser.add_argument("--no-search", action="store_true", help="skip the Chromium measurement")
    args = parser.parse_args()
    counts = [30] if args.smoke else [int(s) for s in args.sizes.split(",")]
    rows = [bench_size(n, search=not args.no_search and not args.smoke) for n in counts]
    table = report.table(rows)
    print(table)
    if not args.smoke:
        report.write(ROOT / "bench" / "RESULTS.md", rows, table)


if __name__ == "__main__":
    from bench import report

    main()
