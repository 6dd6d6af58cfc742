"""Search as citizens and journalists use it, in real Chromium against the built site.

Pagefind indexes region and event pages; a region finder puts an answer card
for the region a query names first (tests/test_search_table.py types 70 such
queries on a phone). The site is served under /registri/, as GitHub Pages serves it.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from generator import model

from .conftest import site_model

RESULTS = "#cari-jawab h2 a, #cari-hasil li h2 a"  # answer cards first, then results


def search(page, base_url: str, query: str, params: str = "") -> list[str]:
    """Open the search page for `query`; return result hrefs in order."""
    page.goto(f"{base_url}cari/?q={quote(query)}{params}")
    wait_for_results(page)
    return page.eval_on_selector_all(RESULTS, "els => els.map(e => e.href)")


def wait_for_results(page) -> None:
    """Locator-based waiting: the pages' CSP forbids the eval that wait_for_function needs."""
    expect(page.locator("#cari-status")).to_contain_text("hasil", timeout=20000)


def real_registry() -> model.Registry:
    """The fixture site's records (never registry/events/: see conftest.site_model)."""
    return site_model()


@pytest.mark.parametrize("query", ["bengkayang", "Kab. Bengkayang", "KABUPATEN BENGKAYANG"])
def test_region_query_lands_on_region_page_first(page, base_url: str, query: str) -> None:
    hrefs = search(page, base_url, query)
    assert hrefs and hrefs[0] == f"{base_url}wilayah/kab-bengkayang/"


def test_short_name_finds_region(page, base_url: str) -> None:
    assert search(page, base_url, "Kuansing")[0] == f"{base_url}wilayah/kab-kuantan-singingi/"


def test_header_search_box_uses_the_search_page(page, base_url: str) -> None:
    page.goto(f"{base_url}glosarium/")
    page.fill("#cari-kepala-q", "Kab. Bengkayang")
    page.press("#cari-kepala-q", "Enter")
    wait_for_results(page)
    first = page.eval_on_selector(RESULTS, "e => e.href")
    assert first == f"{base_url}wilayah/kab-bengkayang/"


@pytest.mark.parametrize(
    ("typo", "slug"), [("bengkayng", "kab-bengkayang"), ("pulang pisou", "kab-pulang-pisau")]
)
def test_misspelled_region_is_answered(page, base_url: str, typo: str, slug: str) -> None:
    hrefs = search(page, base_url, typo)
    assert hrefs[0] == f"{base_url}wilayah/{slug}/"
    assert "Anda mengetik" in page.inner_text("#cari-saran")


def test_clause_phrase_finds_events_using_it(page, base_url: str) -> None:
    registry = real_registry()
    using = {
        e.id
        for e in registry.events
        if any("konflik kepentingan" in c.text.lower() for c in e.clauses)
    }
    assert using
    hrefs = search(page, base_url, "konflik kepentingan")
    found = {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/peristiwa/" in h}
    assert using <= found


def indexed_texts(site: Path) -> dict[str, str]:
    """What Pagefind indexed, by page URL: the content of every fragment it wrote."""
    texts = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        texts[data["url"]] = data["content"]
    return texts


def test_index_holds_each_clause_as_worded(built_site: Path) -> None:
    """Template words the event left out (<del>) are not indexed between its own words,
    so a phrase search cannot match a wording the event did not use; labels every page
    repeats are not indexed either (they cost memory at scale, bench/RESULTS.md)."""
    texts = indexed_texts(built_site)
    registry = real_registry()
    assert any(
        kind in ("removed", "replaced")
        for e in registry.events
        for c in e.compared
        for kind, _, _ in c.comparison.segments
    )
    for e in registry.events:
        content = texts[f"/peristiwa/{e.id}/"]
        for c in e.clauses:
            assert " ".join(c.text.split()) in content, (e.id, c.text)
        assert "Jenis kegiatan" not in content and "Klausul ikrar" not in content


def event_ids(hrefs: list[str]) -> set[str]:
    return {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/peristiwa/" in h}


def test_filters_narrow_and_survive_reload(page, base_url: str) -> None:
    registry = real_registry()
    election = registry.elections["pilkada-2020"]
    province = registry.regions["61"]
    expected = {
        e.id
        for e in registry.events
        if election in e.elections and e.province.code == province.code
    }
    # No query: the filters alone decide (browsing by filters), whatever words a record uses.
    everything = event_ids(search(page, base_url, "", f"&pemilu={quote(election.name)}"))
    narrowed = event_ids(
        search(
            page,
            base_url,
            "",
            f"&pemilu={quote(election.name)}&provinsi={quote(province.name)}",
        )
    )
    assert expected and narrowed == expected and narrowed < everything
    page.reload()
    wait_for_results(page)
    assert page.input_value("#cari-q") == ""
    assert page.input_value("select[name=pemilu]") == election.name
    assert page.input_value("select[name=provinsi]") == province.name
    hrefs = page.eval_on_selector_all(RESULTS, "els => els.map(e => e.href)")
    assert event_ids(hrefs) == expected


def test_choosing_a_filter_updates_results_and_url(page, base_url: str) -> None:
    search(page, base_url, "", f"&pemilu={quote('Pemilu 2024')}")  # opens the filters
    page.select_option("select[name=pemilu]", label="Pilkada Serentak 2024")
    page.wait_for_url("**pemilu=*", timeout=20000)
    wait_for_results(page)
    hrefs = page.eval_on_selector_all(RESULTS, "els => els.map(e => e.href)")
    registry = real_registry()
    expected = {e.id for e in registry.events if any(el.id == "pilkada-2024" for el in e.elections)}
    assert event_ids(hrefs) == expected


def test_search_works_on_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        hrefs = search(page, base_url, "bengkayang")
        assert hrefs[0] == f"{base_url}wilayah/kab-bengkayang/"
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360
        assert page.locator("#cari-q").is_visible()
    finally:
        context.close()


def test_region_list_is_fetched_only_when_needed(page, base_url: str) -> None:
    """A query Pagefind already answers with the region page costs no region list."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    search(page, base_url, "Kab. Bengkayang")
    assert not [u for u in fetched if u.endswith("wilayah.json")]
    hrefs = search(page, base_url, "bandung")  # a kabupaten and a kota share the name
    assert [u for u in fetched if u.endswith("wilayah.json")]
    assert set(hrefs[:2]) == {f"{base_url}wilayah/kab-bandung/", f"{base_url}wilayah/kota-bandung/"}


def test_not_found_page_offers_search_at_any_depth(page, base_url: str) -> None:
    response = page.goto(f"{base_url}peristiwa/tidak/ada/")
    assert response is not None and response.status == 404
    assert "Halaman tidak ditemukan" in page.inner_text("h1")
    page.fill("#cari-404", "Kab. Bengkayang")
    page.press("#cari-404", "Enter")
    wait_for_results(page)
    first = page.eval_on_selector(RESULTS, "e => e.href")
    assert first == f"{base_url}wilayah/kab-bengkayang/"
