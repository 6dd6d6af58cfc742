"""Serve the built site as GitHub Pages would: under a sub-path, on 127.0.0.1.

Shared by the browser tests, the screenshot tool and the benchmark so that all
three see the same thing readers will: /registri/ as the site root, a 404 page
for unknown paths, and nothing above the sub-path.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium tries to reach Google's
# hosts at every start, which this machine's closed network refuses.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PREFIX = "/registri/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet: tests read their own output
        pass

    def translate_path(self, path: str) -> str:
        inside = path.startswith(PREFIX)
        return super().translate_path(path[len(PREFIX) - 1 :] if inside else "/.outside")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Yield the base URL (ending in /registri/) of site/ served in a thread."""
    handler = functools.partial(_Handler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    # `.venv/bin/python tools/serve.py [SITE]`: preview the built site, search included.
    import sys
    import time

    with serve(Path(sys.argv[1] if len(sys.argv) > 1 else "site")) as url:
        print(f"serving on {url} (Ctrl-C to stop)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
