"""Bytes the first search downloads, measured in real Chromium against the built site.

GitHub Pages serves text gzip-compressed; Pagefind's index chunks are already
compressed, so each response counts as the smaller of its raw and gzipped size.
Pagefind's fixed runtime (its JS and WebAssembly) is counted apart from the
index data (entry, index and filter chunks, fragments, meta, our region list).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PREFIX = "/registri/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep benchmark output readable
        pass

    def translate_path(self, path: str) -> str:
        return super().translate_path(path[len(PREFIX) - 1 :] if path.startswith(PREFIX) else "/_")


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve site/ under a sub-path on 127.0.0.1, as GitHub Pages serves a project site."""
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"


def transfer(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, 6)))


def measure(site: Path, query: str) -> dict[str, float]:
    """Open the search page with a query; sum what the search itself fetched."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    fetched: list[tuple[str, int]] = []
    try:
        with sync_playwright() as pw:
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
            page.wait_for_function(
                "document.getElementById('cari-status').textContent.includes('hasil')",
                timeout=30000,
            )
            page.wait_for_timeout(300)
            browser.close()
    finally:
        server.shutdown()
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
