"""Screenshots of key pages of the built site, at desktop and phone widths.

    .venv/bin/python tools/screenshot.py [--site DIR] [PATH ...]   # paths under the site root

PNGs go to .build/screens/, named after the path and width. A page nobody has
looked at is not done: open them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.serve import ARGS, CHROMIUM, serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".build" / "screens"
WIDTHS = (1280, 360)
PAGES = [
    "",
    "peristiwa/",
    "peristiwa/kab-bengkayang-2020-10-20/",
    "wilayah/",
    "wilayah/kab-bengkayang/",
    "wilayah/prov-kalimantan-barat/",
    "bandingkan/",
    "bandingkan/klausul/",
    "dasar-hukum/",
    "cari/?q=kab.%20bengkayang",
]


def shoot(paths: list[str], site: Path = ROOT / "site") -> list[Path]:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "beranda"
                target = OUT / f"{name}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    args = sys.argv[1:]
    site = ROOT / "site"
    if args[:1] == ["--site"]:  # e.g. .build/test-site/site, the browser tests' fixture site
        site, args = Path(args[1]).resolve(), args[2:]
    for path in shoot(args or PAGES, site):
        print(path.relative_to(ROOT))
