"""Bytes the first search downloads, measured in real Chromium against the built site.

GitHub Pages serves text gzip-compressed; Pagefind's index chunks are already
compressed, so each response counts as the smaller of its raw and gzipped size.
Pagefind's fixed runtime (its JS and WebAssembly) is counted apart from the
index data (entry, index and filter chunks, fragments, meta, our region list).
"""

from __future__ import annotations

import gzip
from pathlib import Path

from tools.serve import ARGS, CHROMIUM, serve


def transfer(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 6)))


def measure(site: Path, query: str) -> dict[str, float]:
    """Open the search page with a query; sum what the search itself fetched."""
    from playwright.sync_api import expect, sync_playwright

    fetched: list[tuple[str, int]] = []
    with serve(site) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.on(
            "response",
            lambda r: (
                fetched.append((r.url, transfer(r.body())))
                if "/pagefind/" in r.url or r.url.endswith("wilayah.json")
                else None
            ),
        )
        page.goto(f"{base}cari/?q={query}")
        expect(page.locator("#cari-status")).to_contain_text("hasil", timeout=30000)
        page.wait_for_timeout(300)
        browser.close()
    runtime = sum(size for url, size in fetched if _is_runtime(url))
    total = sum(size for _, size in fetched)
    return {
        "search_runtime_kb": runtime / 1e3,
        "search_index_kb": (total - runtime) / 1e3,
        "search_total_kb": total / 1e3,
    }


def _is_runtime(url: str) -> bool:
    name = url.rsplit("/", 1)[-1]
    return name.endswith(".js") or (".pagefind" in name and name.startswith("wasm"))
