"""Hostile records, atomic builds and reproducible output.

A record is a stranger's pull request. Built into a real site and opened in
Chromium, no payload may run or turn into markup: each shows as the text the
contributor wrote. A failed build leaves the previous site alone, and two
builds of the same input are byte-identical (tests/test_reproducible.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile import PAYLOADS, REGIONS, record, write_records
from tests.sitebuild import build_site

PWNED = "window.__hits = []; window.__pwned = function (w) { window.__hits.push(String(w)); };"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    work = tmp_path_factory.mktemp("hostile")
    registry = work / "registry"
    shutil.copytree(ROOT / "registry", registry, ignore=shutil.ignore_patterns("events"))
    (registry / "events").mkdir()
    ids = write_records(registry / "events")
    return build_site(registry, work), ids


@pytest.fixture(scope="module")
def hostile_url(hostile):
    from tools.serve import serve

    with serve(hostile[0]) as url:
        yield url


def visible(text: str) -> str:
    """What a reader sees of a value: whitespace folded, as one_line renders it."""
    return re.sub(r"\s+", " ", text).strip()


def texts(value) -> list[str]:
    """Every free-text string in a record (not ids, dates, enums or URLs)."""
    skip = {"id", "region", "value", "precision", "office", "status", "wording", "template"}
    skip |= {"elections", "event_types", "instrument", "type", "accessed", "url"}
    skip |= {"roles", "kind", "document"}  # enums, shown as Indonesian labels
    if isinstance(value, dict):
        return [t for k, v in value.items() if k not in skip for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    if isinstance(value, str) and not value.startswith(("http", "20")) and value[:1] != "-":
        return [value]
    return []


def open_page(browser, url: str):
    context = browser.new_context()
    context.add_init_script(PWNED)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, dialogs


# The only data: links a page may hold: its own citation downloads (cite.downloads),
# base64 of text the generator wrote, saved as files, never shown or run.
CITATION_DOWNLOAD = (
    r"^data:application/(vnd\.citationstyles\.csl\+json|x-bibtex|x-research-info-systems)"
    r";charset=utf-8;base64,[A-Za-z0-9+/=]+$"
)


def assert_inert(page, dialogs: list[str]) -> None:
    assert page.evaluate("window.__hits") == []
    assert dialogs == []
    bad = page.evaluate(
        """(citation) => Array.from(document.querySelectorAll('*')).flatMap(el =>
            Array.from(el.attributes)
              .filter(a => /^on/i.test(a.name) ||
                           (/^(href|src|action|formaction)$/i.test(a.name) &&
                            /^\\s*(javascript|data|vbscript):/i.test(a.value) &&
                            !(el.tagName === 'A' && a.name === 'href' &&
                              el.hasAttribute('download') &&
                              new RegExp(citation).test(a.value))))
              .map(a => el.tagName + ' ' + a.name + '=' + a.value))""",
        CITATION_DOWNLOAD,
    )
    assert bad == []
    assert page.locator("iframe, object, embed, math").count() == 0
    inline = page.evaluate(
        "() => Array.from(document.scripts).filter(s => /__pwned/.test(s.text)).length"
    )
    assert inline == 0


def test_every_payload_stays_text_on_its_event_page(browser, hostile, hostile_url) -> None:
    _, ids = hostile
    for i, ident in enumerate(ids):
        code, slug = REGIONS[i % len(REGIONS)]
        rec = record(i, code, slug, 1 + i)
        context, page, dialogs = open_page(browser, f"{hostile_url}peristiwa/{ident}/")
        try:
            assert_inert(page, dialogs)
            shown = visible(page.inner_text("article"))
            missing = [t for t in texts(rec) if visible(t) not in shown]
            assert missing == [], f"{ident}: not shown as written: {missing}"
        finally:
            context.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "peristiwa/",
        "wilayah/kab-bengkayang/",
        "wilayah/prov-kalimantan-barat/",
        "pemilu/pilkada-2024/",
        "dasar-hukum/skb-netralitas-2022/",
        "bandingkan/",
        "bandingkan/klausul/",
        "cari/?q=pwned",
        "cari/?q=script",
    ],
)
def test_listing_pages_stay_inert(browser, hostile_url, path: str) -> None:
    context, page, dialogs = open_page(browser, hostile_url + path)
    try:
        if path.startswith("cari/"):
            page.wait_for_timeout(1500)
        assert_inert(page, dialogs)
    finally:
        context.close()


def test_hostile_titles_are_escaped_in_head(hostile) -> None:
    site, ids = hostile
    for ident in ids:
        html = (site / "peristiwa" / ident / "index.html").read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        assert "__pwned" not in head
    assert len(PAYLOADS) == len(ids)


def test_failed_build_leaves_previous_site(tmp_path: Path) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(ROOT / "registry", registry)
    (registry / "events" / "kab-bengkayang-2020-10-20.yml").write_text("id: [unclosed\n")
    site = tmp_path / "site"
    site.mkdir()
    (site / "marker.html").write_text("previous site")
    result = subprocess.run(
        ["make", "-s", "site", f"REGISTRY={registry}", f"SITE={site}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "kab-bengkayang-2020-10-20.yml:2:1: error: YAML syntax" in result.stdout
    assert [p.name for p in site.iterdir()] == ["marker.html"]
