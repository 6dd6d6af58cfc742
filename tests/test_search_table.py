"""The search page as a citizen types into it on a 360 px phone.

tests/search_queries.csv lists typed queries (typos, short names from every
island group, level words, shared names, a region with an election, regions
with no record) and the region whose answer card must come first. The site is
conftest.py's fixture site: the real reference data (regions, elections,
clauses, legal bases) and only the fixture records (tests/fixtures/records/ and
tests/fixtures/site/events/), never registry/events/, served under /registri/
as GitHub Pages serves it.
"""

from __future__ import annotations

import csv
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import expect

from .conftest import ROOT

TABLE = ROOT / "tests" / "search_queries.csv"
FIRST = "#cari-jawab h2 a, #cari-hasil li h2 a"
CARDS = "#cari-jawab h2 a"


def table() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def slugs() -> dict[str, str]:
    with (ROOT / "registry" / "regions.csv").open(encoding="utf-8", newline="") as handle:
        return {row["name"]: row["slug"] for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def fixture_url(base_url: str) -> str:
    """The fixture site (conftest.py): real reference data, fixture records only."""
    return base_url


@pytest.fixture(scope="module")
def phone(browser, fixture_url: str):
    """One 360 px page on the search page; every request it makes is recorded."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(f"{fixture_url}cari/")
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def typed(page, query: str) -> None:
    """Type into the page's own search box (no Enter: it searches as you type)."""
    page.fill("#cari-q", query)
    expect(page.locator("#cari-status")).to_contain_text(f"“{query}”", timeout=20000)
    expect(page.locator("#cari-status")).to_contain_text("hasil")


ROWS = [row for row in table() if row["kind"] != "mungkin"]
WEAK = [row for row in table() if row["kind"] == "mungkin"]


def test_the_table_covers_what_citizens_type() -> None:
    kinds = {row["kind"] for row in ROWS}
    assert len(ROWS) >= 60
    islands = {k.split(" ", 1)[1] for k in kinds if k.startswith("singkatan ")}
    assert islands >= {"Sumatera", "Jawa", "Kalimantan", "Sulawesi", "Nusa Tenggara", "Maluku"}
    assert {"typo", "tingkat", "nama sama", "wilayah dan pemilihan"} <= kinds
    assert {"sehari-hari", "nama lama", "ibu kota", "kecamatan", "wilayah dan topik"} <= kinds
    assert WEAK
    assert any(row["card"].startswith("Belum ada catatan") for row in ROWS)
    assert {row["expected"] for row in ROWS + WEAK} <= set(slugs())


@pytest.mark.parametrize("row", ROWS, ids=[r["query"] for r in ROWS])
def test_typed_query_answers_with_the_right_region_first(
    phone, fixture_url: str, row: dict[str, str]
) -> None:
    slug = slugs()
    typed(phone, row["query"])
    hrefs = phone.eval_on_selector_all(FIRST, "els => els.map(e => e.href)")
    assert hrefs, row
    assert hrefs[0] == f"{fixture_url}wilayah/{slug[row['expected']]}/", row
    if row["then"]:
        assert hrefs[1] == f"{fixture_url}wilayah/{slug[row['then']]}/", row
    if row["card"]:
        expect(phone.locator(".jawab-status").first).to_contain_text(row["card"])
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("row", WEAK, ids=[r["query"] for r in WEAK])
def test_weak_match_is_offered_never_announced(phone, fixture_url: str, row) -> None:
    typed(phone, row["query"])
    offered = phone.eval_on_selector_all(
        "#cari-mungkin a, .cari-mungkin a", "els => els.map(e => e.href)"
    )
    expect(phone.locator(".cari-mungkin")).to_contain_text("Mungkin maksud Anda")
    assert f"{fixture_url}wilayah/{slugs()[row['expected']]}/" in offered, row
    assert len(offered) <= 3
    assert phone.locator(CARDS).count() == 0
    assert "Hasil untuk" not in phone.inner_text("#cari-saran")


def test_town_card_says_whose_town_it_is(phone) -> None:
    typed(phone, "Labuan Bajo")
    expect(phone.locator(".jawab-kota").first).to_have_text(
        "Labuan Bajo: ibu kota Kabupaten Manggarai Barat"
    )
    typed(phone, "Serpong")
    expect(phone.locator(".jawab-kota").first).to_have_text(
        "Serpong: kecamatan di Kota Tangerang Selatan"
    )


def test_region_and_topic_lists_the_regions_events_first(phone, fixture_url: str) -> None:
    typed(phone, "pakta integritas kepri")
    results = phone.eval_on_selector_all("#cari-hasil li h2 a", "els => els.map(e => e.href)")
    assert results[0] == f"{fixture_url}peristiwa/kota-batam-2024-10-01/"
    meranti = f"{fixture_url}peristiwa/kab-kepulauan-meranti-2024-10-02/"
    assert meranti not in results or results.index(meranti) > 0


def test_town_list_is_fetched_only_when_no_region_matches(browser, fixture_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    try:
        page.goto(f"{fixture_url}cari/?q=bengkayang")
        expect(page.locator("#cari-status")).to_contain_text("hasil", timeout=20000)
        page.wait_for_timeout(300)
        assert not [u for u in fetched if u.endswith("kota.json")]
        typed(page, "Kotabumi")
        assert [u for u in fetched if u.endswith("assets/kota.json")]
    finally:
        context.close()


def test_no_request_leaves_the_site(phone, fixture_url: str) -> None:
    typed(phone, "kota bandng")
    origin = urlparse(fixture_url).netloc
    assert {urlparse(u).netloc for u in phone.requests} == {origin}


def test_level_word_alone_names_no_region(phone) -> None:
    phone.fill("#cari-q", "kota")
    expect(phone.locator("#cari-status")).to_contain_text("tambahkan nama wilayah")
    assert phone.locator(CARDS).count() == 0
    assert phone.locator("#cari-hasil li").count() == 0


def test_region_without_record_says_so_and_links_to_adding_one(phone, fixture_url: str) -> None:
    typed(phone, "bolsel")
    status = phone.locator(".jawab-status").first
    expect(status).to_contain_text("Belum ada catatan")
    assert status.locator("a").get_attribute("href") == f"{fixture_url}tentang/#menambah-catatan"


def test_card_names_the_province_and_the_latest_event(phone, fixture_url: str) -> None:
    typed(phone, "bengkayng")
    card = phone.locator(".jawab").first
    expect(card).to_contain_text("Kabupaten di Provinsi Kalimantan Barat")
    latest = card.locator(".jawab-status a").get_attribute("href")
    assert latest.startswith(f"{fixture_url}peristiwa/")
    expect(phone.locator("#cari-saran")).to_contain_text("Anda mengetik")


def test_event_snippets_are_built_from_the_event_facts(phone) -> None:
    typed(phone, "pulang pisau")
    snippets = phone.locator("#cari-hasil .cuplikan").all_inner_texts()
    assert snippets and all("Terakhir diubah" not in s for s in snippets)
    assert any("dipimpin" in s or "menjelang" in s for s in snippets)


def test_back_steps_through_earlier_queries(browser, fixture_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{fixture_url}cari/")
        typed(page, "bengkayang")
        page.wait_for_timeout(1500)  # the results stood: the next query gets its own entry
        page.type("#cari-q", " ")  # keystrokes, not one fill
        page.fill("#cari-q", "")
        page.type("#cari-q", "pulpis", delay=40)
        expect(page.locator("#cari-status")).to_contain_text("“pulpis”", timeout=20000)
        assert "q=pulpis" in page.url
        page.go_back()
        expect(page.locator("#cari-status")).to_contain_text("“bengkayang”", timeout=20000)
        assert page.input_value("#cari-q") == "bengkayang"
        page.go_back()
        assert "q=" not in page.url
    finally:
        context.close()


def test_filter_hiding_everything_is_named_and_cleared_in_one_click(
    browser, fixture_url: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{fixture_url}cari/?q={quote('pulang pisau')}&tahun=2020")
        notice = page.locator("#cari-saringan")
        expect(notice).to_contain_text("Tahun: 2020", timeout=20000)
        expect(notice).to_contain_text("tanpa saringan")
        assert page.locator("#cari-hasil li").count() == 0
        notice.locator("button").click()
        expect(page.locator("#cari-hasil li").first).to_be_visible(timeout=20000)
        assert "tahun=" not in page.url
        assert page.input_value("select[name=tahun]") == ""
    finally:
        context.close()


def test_header_search_is_a_44px_target_at_360px(browser, fixture_url: str) -> None:
    """At 360 px the header keeps only its search button (the site title needs the
    room); one tap opens the search page with the cursor in its box."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{fixture_url}glosarium/")
        button = page.locator(".cari-kepala button").bounding_box()
        assert button and button["height"] >= 44 and button["width"] >= 44
        assert button["x"] + button["width"] <= 360
        page.locator(".cari-kepala button").click()
        expect(page.locator("#cari-q")).to_be_focused(timeout=20000)
        box = page.locator("#cari-q").bounding_box()
        assert box and box["height"] >= 44
        page.keyboard.type("bolsel")
        expect(page.locator("#cari-status")).to_contain_text("“bolsel”", timeout=20000)
        assert (
            page.locator(CARDS)
            .first.get_attribute("href")
            .endswith("wilayah/kab-bolaang-mongondow-selatan/")
        )
    finally:
        context.close()


def test_header_search_box_is_44px_with_a_placeholder_that_fits(browser, fixture_url: str) -> None:
    """Where the header has room for its box (from 481 px), it is a 44 px target."""
    context = browser.new_context(viewport={"width": 600, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{fixture_url}glosarium/")
        box = page.locator("#cari-kepala-q").bounding_box()
        assert box and box["height"] >= 44 and box["x"] + box["width"] <= 600
        fits = page.evaluate(
            """() => {
              const input = document.getElementById('cari-kepala-q');
              const style = getComputedStyle(input);
              const ctx = document.createElement('canvas').getContext('2d');
              ctx.font = style.fontSize + ' ' + style.fontFamily;
              const room = input.clientWidth - parseFloat(style.paddingLeft)
                - parseFloat(style.paddingRight);
              return ctx.measureText(input.placeholder).width <= room;
            }"""
        )
        assert fits
    finally:
        context.close()
