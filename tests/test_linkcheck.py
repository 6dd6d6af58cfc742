"""Source health (generator/linkcheck.py, /sumber/): the page lists exactly the cited
sources that do not open, by record.

A local web server serves some pages and refuses others (404, 410, 500, and a port
nobody listens on). The records cite public-looking addresses that lychee's --remap
sends to that server. With lychee installed (on PATH, or LYCHEE=/path/to/lychee) the
test runs it; without, it fetches each address itself and writes lychee's JSON format
(error_map items with url, status and remap, as lychee 0.24 writes them), so the
report builder and the page are tested either way. No network beyond 127.0.0.1.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import linkcheck, model, render, validate, write
from generator.__main__ import main
from tests.conftest import FIXTURES, TODAY, make_registry

SITE = {"url": "https://contoh.github.io/registri/", "repo_url": ""}
STATUS = {"ok": 200, "hilang": 404, "gone": 410, "error": 500}


class Pages(http.server.BaseHTTPRequestHandler):
    """/ok… opens; /hilang… is 404, /gone… 410, /error… 500."""

    def do_GET(self) -> None:
        code = next((c for p, c in STATUS.items() if self.path.startswith("/" + p)), 404)
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<!doctype html><title>x</title><p>x</p>")

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[int, int]]:
    """(port of the server, a port where nothing listens)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        dead = closed.getsockname()[1]
    yield httpd.server_address[1], dead
    httpd.shutdown()
    httpd.server_close()


def record(name: str, sources: str) -> bytes:
    """A fixture record with its sources replaced."""
    text = (FIXTURES / "records" / name).read_text(encoding="utf-8")
    head, _, rest = text.partition("sources:\n")
    notes = rest[rest.index("\nnotes:") :] if "\nnotes:" in rest else "\n"
    return (head + "sources:\n" + sources.strip("\n") + notes).encode()


def source(url: str, archive: str = "") -> str:
    line = f"    archive_url: {archive}\n" if archive else ""
    return (
        f"  - url: {url}\n    publisher: Contoh\n    title: Judul {url.rsplit('/', 1)[1]}\n"
        f"{line}    accessed: 2026-11-24\n    supports: [date]\n"
    )


BENER = "kab-bener-meriah-2024-10-07"
BENGKAYANG = "kab-bengkayang-2020-10-20"
EVENTS = {
    f"{BENER}.yml": record(
        f"{BENER}.yml",
        source("https://berita.contoh.id/ok-1")
        + source("https://berita.contoh.id/hilang-2", "https://arsip.contoh.id/ok-2")
        + source("https://mati.contoh.id/refused-3"),
    ),
    f"{BENGKAYANG}.yml": record(
        f"{BENGKAYANG}.yml",
        source("https://berita.contoh.id/gone-4", "https://arsip.contoh.id/error-4")
        + source("https://berita.contoh.id/ok-5")
        + source("https://berita.contoh.id/error-6"),
    ),
}
BROKEN = {
    (BENER, 2): "https://berita.contoh.id/hilang-2",
    (BENER, 3): "https://mati.contoh.id/refused-3",
    (BENGKAYANG, 1): "https://berita.contoh.id/gone-4",
    (BENGKAYANG, 3): "https://berita.contoh.id/error-6",
}


def remaps(port: int, dead: int) -> list[tuple[str, str]]:
    here = f"http://127.0.0.1:{port}/"
    return [
        (r"https://berita\.contoh\.id/", here),
        (r"https://arsip\.contoh\.id/", here),
        (r"https://mati\.contoh\.id/", f"http://127.0.0.1:{dead}/"),
    ]


def lychee_binary() -> str | None:
    return os.environ.get("LYCHEE") or shutil.which("lychee")


def run_lychee(binary: str, urls: Path, out: Path, port: int, dead: int) -> None:
    args = [binary, "--format", "json", "--output", str(out), "--no-progress"]
    args += ["--max-retries", "0", "--timeout", "5"]
    for pattern, target in remaps(port, dead):
        args += ["--remap", f"{pattern} {target}"]
    done = subprocess.run([*args, str(urls)], capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 2), done.stderr


def fetch_like_lychee(urls: list[str], out: Path, port: int, dead: int) -> None:
    """lychee's JSON output for these addresses, made by fetching them here."""
    errors = []
    for url in urls:
        fetched = url
        for pattern, target in remaps(port, dead):
            fetched = re.sub("^" + pattern, target, fetched)
        try:
            with urllib.request.urlopen(fetched, timeout=5):
                continue
        except urllib.error.HTTPError as err:
            status = {"text": f"Rejected status code: {err.code} {err.reason}", "code": err.code}
        except OSError as err:
            status = {"text": f"Network error: {err}", "details": str(err)}
        remap = {"original": {"url": url}, "new": {"url": fetched}}
        errors.append({"url": fetched, "status": status, "remap": remap})
    data = {"total": len(urls), "errors": len(errors), "error_map": {"urls.txt": errors}}
    out.write_text(json.dumps(data), encoding="utf-8")


def test_the_page_lists_exactly_the_sources_that_do_not_open(
    tmp_path: Path, server: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    port, dead = server
    registry = make_registry(tmp_path, EVENTS)
    urls = tmp_path / "urls.txt"
    assert main(["sources", "urls", "--registry", str(registry), "-o", str(urls)]) == 0
    cited = urls.read_text(encoding="utf-8").split()
    assert len(cited) == 8  # six sources, two archived copies
    out = tmp_path / "lychee.json"
    binary = lychee_binary()
    if binary:
        run_lychee(binary, urls, out, port, dead)
    else:
        fetch_like_lychee(cited, out, port, dead)
    report_path = tmp_path / "reports" / "sources.json"
    args = ["sources", "report", str(out), "--registry", str(registry)]
    args += ["--checked", "2026-12-01T03:17:00Z", "--tool", "lychee 0.24.2"]
    assert main([*args, "-o", str(report_path)]) == 0
    report, diags = linkcheck.read_report(report_path)
    assert diags == [] and report is not None
    assert set(report.broken) == set(BROKEN.values()) | {"https://arsip.contoh.id/error-4"}
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    found = linkcheck.broken_by_record(model.build(checked), report)
    assert {(e.id, b.index): b.source.url for e, items in found for b in items} == BROKEN
    page = render.render_site(model.build(checked), SITE, report)["sumber/index.md"]
    listed = re.findall(r'<a href="(https://(?:berita|mati)[^"]+)"', page)
    assert sorted(listed) == sorted(BROKEN.values())
    assert "1 Desember 2026" in page and "4 sumber tidak terbuka" in page
    assert '<a href="https://arsip.contoh.id/ok-2"' in page  # the record's archived copy
    assert "salinan arsip juga tidak terbuka" in page  # error-4's copy fails too
    assert 'href="https://web.archive.org/web/https://mati.contoh.id/refused-3"' in page
    print("checked with", binary or "the lychee-format fetcher (lychee not installed)")


def test_without_a_report_the_page_says_never_checked(tmp_path: Path) -> None:
    registry = make_registry(tmp_path, EVENTS)
    checked, _ = validate.check(registry, None, TODAY)
    page = render.render_site(model.build(checked), SITE)["sumber/index.md"]
    assert "belum pernah diperiksa" in page and "sumber-rusak" not in page


def test_every_address_open_says_so(tmp_path: Path) -> None:
    registry = make_registry(tmp_path, EVENTS)
    checked, _ = validate.check(registry, None, TODAY)
    report = linkcheck.Report("2026-12-01T03:17:00Z", "lychee 0.24.2", 8, {})
    page = render.render_site(model.build(checked), SITE, report)["sumber/index.md"]
    assert "Semua alamat sumber terbuka" in page


def test_an_address_no_record_cites_never_reaches_the_page(tmp_path: Path) -> None:
    registry = make_registry(tmp_path, EVENTS)
    checked, _ = validate.check(registry, None, TODAY)
    report = linkcheck.Report(
        "2026-12-01T03:17:00Z",
        "lychee",
        8,
        {"javascript:alert(1)": "x", "https://berita.contoh.id/ok-5": "<script>x</script>"},
    )
    page = render.render_site(model.build(checked), SITE, report)["sumber/index.md"]
    assert "javascript:" not in page and "<script>" not in page
    assert "&lt;script&gt;" in page  # a status is text


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"broken": []}',
        '{"checked": "yesterday", "tool": "lychee", "total": 1, "broken": []}',
        '{"checked": "2026-12-01T03:17:00Z", "tool": "lychee", "total": 1, "broken": [1]}',
    ],
)
def test_a_malformed_report_is_one_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "sources.json"
    path.write_text(text, encoding="utf-8")
    report, diags = linkcheck.read_report(path)
    assert report is None and len(diags) == 1 and "source report" in diags[0].message


def test_the_build_refuses_a_malformed_report(tmp_path: Path, monkeypatch) -> None:
    registry = make_registry(tmp_path, EVENTS)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "sources.json").write_text("[]", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(write.GeneratorError) as err:
        write.generate(registry, tmp_path / "docs", TODAY)
    assert any("source report" in d.message for d in err.value.diagnostics)


def test_lychee_json_without_remap_and_with_timeouts() -> None:
    data = {
        "error_map": {"a.txt": [{"url": "https://x.id/a", "status": {"text": "404", "code": 404}}]},
        "timeout_map": {"a.txt": [{"url": "https://x.id/b", "status": {"text": "Timeout"}}]},
    }
    assert linkcheck.lychee_failures(data) == {"https://x.id/a": "404", "https://x.id/b": "Timeout"}
    report = linkcheck.build_report(data, ["https://x.id/b"], "2026-12-01T03:17:00Z", "lychee")
    assert report["broken"] == [{"url": "https://x.id/b", "status": "Timeout"}]
    with pytest.raises(ValueError):
        linkcheck.build_report(data, [], "1 Desember", "lychee")
