"""Navigation, phones and accessibility beyond axe (issue #17), in real Chromium at
360 and 1280 px, on the fixture site. Each test names the point of the issue it holds."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

WIDTHS = (360, 1280)
SECTIONS = {
    "bandingkan/": ["bandingkan/klausul/"],
    "statistik/": ["statistik/peta/", "statistik/cakupan/"],
}
PHONE_PAGES = ["", "peristiwa/", "wilayah/", "dasar-hukum/", "statistik/peta/", "en/"]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def tab(browser, request):
    """A page at one of the two widths; JavaScript errors fail the test."""
    context = browser.new_context(viewport={"width": request.param, "height": 800}, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    context.close()
    assert errors == []


def width(page: Page) -> int:
    return page.viewport_size["width"]


# --- 1. Navigation model -------------------------------------------------------------


def test_every_menu_page_is_reachable_from_a_visible_menu(tab: Page, base_url: str) -> None:
    """Sub-pages of Bandingkan and Statistik are links on their section's pages at every width."""
    for index, subpages in SECTIONS.items():
        tab.goto(base_url + index)
        sub = tab.locator("nav.sub-bagian")
        expect(sub).to_be_visible()
        for target in subpages:
            link = sub.locator(f'a[href$="{target.split("/", 1)[1]}"]')
            expect(link).to_be_visible()
        expect(sub.locator('[aria-current="page"]')).to_have_count(1)


def test_top_level_menu_visible_at_each_width(tab: Page, base_url: str) -> None:
    """Desktop: tabs, the active one marked. Phone: the drawer behind the menu button."""
    tab.goto(base_url + "wilayah/kab-bengkayang/")
    if width(tab) >= 1280:
        active = tab.locator(".md-tabs__item--active a")
        expect(active).to_have_text(re.compile("Wilayah"))
        expect(active).to_have_attribute("aria-current", "true")
        assert active.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    else:
        tab.locator('.md-header label[for="__drawer"]').click()
        drawer = tab.locator(".md-sidebar--primary")
        for name in ("Peristiwa", "Wilayah", "Statistik", "Tentang", "English"):
            expect(drawer.get_by_text(name, exact=True).first).to_be_visible()


@pytest.mark.parametrize(
    "path, crumbs",
    [
        (
            "peristiwa/kab-bengkayang-2020-10-20/",
            ["Wilayah", "Kalimantan Barat", "Kabupaten Bengkayang"],
        ),
        ("wilayah/kab-bengkayang/", ["Wilayah", "Kalimantan Barat"]),
        ("wilayah/prov-kalimantan-barat/", ["Wilayah"]),
    ],
)
def test_breadcrumbs_show_where_a_page_sits(tab: Page, base_url: str, path: str, crumbs) -> None:
    tab.goto(base_url + path)
    trail = tab.locator("nav.jejak")
    expect(trail).to_be_visible()
    assert trail.locator("a").all_inner_texts() == crumbs
    expect(trail.locator('[aria-current="page"]')).to_have_count(1)
    for link in trail.locator("a").all():
        assert tab.request.get(link.evaluate("a => a.href")).ok


def test_footer_links_carry_real_titles(page: Page, base_url: str) -> None:
    page.goto(base_url + "statistik/peta/")
    prev = page.locator(".md-footer__link--prev")
    expect(prev).to_have_attribute("aria-label", "Sebelumnya: Statistik")
    page.goto(base_url + "bandingkan/klausul/")
    expect(page.locator(".md-footer__link--prev")).to_have_attribute(
        "aria-label", "Sebelumnya: Bandingkan peristiwa"
    )
    expect(page.locator(".md-footer__link--next")).to_have_attribute(
        "aria-label", "Selanjutnya: Perubahan isi ikrar"
    )


@pytest.mark.parametrize(
    "path, title",
    [
        ("", "Registri Ikrar Netralitas ASN"),
        ("wilayah/", "Wilayah - Registri Ikrar Netralitas ASN"),
        ("statistik/peta/", "Peta provinsi - Registri Ikrar Netralitas ASN"),
        ("en/", "ASN Neutrality Pledge Registry"),
        ("en/data/", "Open data - ASN Neutrality Pledge Registry"),
    ],
)
def test_every_page_has_its_own_title(page: Page, base_url: str, path: str, title: str) -> None:
    page.goto(base_url + path)
    assert page.title() == title


# --- 2. Phone --------------------------------------------------------------------------


def test_header_fits_a_phone_and_names_the_site(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url)
        name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        assert name.evaluate(
            "e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1"
        )
        box = name.bounding_box()
        assert box["x"] + box["width"] <= 360
        for control in page.locator(".md-header .md-header__button:visible").all():
            b = control.bounding_box()
            assert b["height"] >= 44 and b["width"] >= 44, control.evaluate("e => e.outerHTML")
            assert b["x"] + b["width"] <= 360
    finally:
        context.close()


def test_primary_controls_are_44px_on_a_phone(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for path, selector in [
            ("", ".cari-beranda input, .cari-beranda button"),
            ("peristiwa/", ".saring-tabel input, .urut-kartu select"),
            ("wilayah/", ".saring-tabel input"),
            ("statistik/", "nav.sub-bagian a"),
        ]:
            page.goto(base_url + path)
            controls = page.locator(selector)
            assert controls.count() > 0
            for control in controls.all():
                assert control.bounding_box()["height"] >= 44, f"{path} {selector}"
    finally:
        context.close()


def test_cards_keep_a_sort_control(browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url + "peristiwa/")
        select = page.locator(".urut-kartu select")
        expect(select).to_be_visible()
        select.select_option(label="Tanggal (naik)")
        dates = page.eval_on_selector_all(
            "table.registri tbody tr", "rs => rs.map(r => r.cells[2].getAttribute('data-sort'))"
        )
        undated = [d for d in dates if not d]  # undated events last, both ways
        assert dates == sorted(d for d in dates if d) + undated
        select.select_option(label="Tanggal (turun)")
        dates = page.eval_on_selector_all(
            "table.registri tbody tr", "rs => rs.map(r => r.cells[2].getAttribute('data-sort'))"
        )
        assert dates == sorted((d for d in dates if d), reverse=True) + undated
        assert "Klik judul kolom" not in page.content()
    finally:
        context.close()


def test_sort_select_hidden_on_desktop(page: Page, base_url: str) -> None:
    page.goto(base_url + "peristiwa/")
    expect(page.locator(".urut-kartu")).to_be_hidden()
    expect(page.locator("table.registri thead button.urut").first).to_be_visible()


@pytest.mark.parametrize("path", ["wilayah/", "dasar-hukum/", "statistik/peta/"])
def test_lists_stack_instead_of_scrolling_sideways(browser, base_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url + path)
        for box in page.locator(".tabel-gulir").all():
            assert box.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), path
        caption = page.locator("table.registri caption").first
        assert caption.bounding_box()["width"] >= 250  # not a word per line
    finally:
        context.close()


def test_badges_say_what_they_mean_without_hover(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "wilayah/kab-bengkayang/")
    cell = tab.locator("td[data-label='Pejabat']", has_text="Pjs").first
    expect(cell.locator(".lencana-arti")).to_have_text("(penjabat sementara)")
    expect(cell.locator(".lencana-arti")).to_be_visible()


# --- 3. Filters ------------------------------------------------------------------------


def test_filter_has_label_border_and_focus_ring(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "peristiwa/")
    box = tab.get_by_label("Saring baris")
    expect(box).to_be_visible()
    expect(tab.locator(".saring-tabel label")).to_be_visible()
    assert box.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    assert box.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)") >= 1
    box.focus()
    tab.keyboard.press("a")  # keyboard focus: :focus-visible applies
    assert box.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert box.evaluate("e => parseFloat(getComputedStyle(e).outlineWidth)") >= 2


def test_filter_matches_whole_words(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "peristiwa/")
    box = tab.get_by_label("Saring baris")
    rows = tab.locator("table.registri tbody tr:not([hidden])")
    box.fill("pjs")
    pjs = rows.all_inner_texts()
    assert pjs and all(re.search(r"\bPjs\b", r) for r in pjs)
    box.fill("pj")
    for text in rows.all_inner_texts():
        assert re.search(r"\bPj\b", text), text
    assert not any("Bengkayang" in t for t in rows.all_inner_texts())  # Pjs Bupati there


def test_wilayah_filter_finds_regencies_inside_provinces(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "wilayah/")
    tab.get_by_label("Saring baris").fill("bengkayang")
    rows = tab.locator("table.registri tbody tr:not([hidden])")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Kalimantan Barat")
    place = rows.first.locator(".anak li:not([hidden]) a")
    expect(place).to_have_count(1)
    expect(place).to_be_visible()
    expect(place).to_have_text("Kabupaten Bengkayang")


def test_filter_count_is_live_and_says_when_nothing_matches(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "wilayah/")
    box = tab.get_by_label("Saring baris")
    status = tab.locator(".saring-hitung")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("role", "status")
    box.fill("jawa")
    expect(status).to_have_text(re.compile(r"^\d+ dari 38 baris cocok\.$"))
    expect(status).to_be_visible()
    box.fill("tidakadanamaini")
    expect(status).to_have_text("Tidak ada baris yang cocok dengan “tidakadanamaini”.")
    expect(tab.locator("table.registri tbody tr:not([hidden])")).to_have_count(0)


# --- 4. Coverage -----------------------------------------------------------------------


def test_one_coverage_definition_used_everywhere(tab: Page, base_url: str) -> None:
    page = tab
    page.goto(base_url + "tentang/")
    definition = page.locator("#cakupan")
    expect(definition).to_be_visible()
    text = page.locator("article").inner_text()
    assert "552" in text and "514" in text and "tingkat provinsi" in text
    page.goto(base_url + "statistik/cakupan/")
    done = re.search(
        r"(\d+) dari 514 kabupaten dan kota", page.locator(".ringkas-cakupan").inner_text()
    )
    assert done
    for path in ("", "statistik/"):
        page.goto(base_url + path)
        assert (
            f"{done.group(1)} dari 514 kabupaten dan kota tercatat"
            in page.locator("article").inner_text()
        )
        expect(page.locator('article a[href$="tentang/#cakupan"]').first).to_be_visible()
    page.goto(base_url + "statistik/peta/")
    expect(page.locator('article a[href$="tentang/#cakupan"]').first).to_be_visible()


# --- 5. Map ----------------------------------------------------------------------------


def test_map_keeps_west_to_east_order(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "statistik/peta/")
    if width(tab) < 960:
        expect(tab.locator("svg.peta-lebar")).to_be_hidden()
        groups = tab.locator(".peta-daftar h3").all_inner_texts()
        assert groups == [
            "Sumatra",
            "Jawa",
            "Kalimantan",
            "Bali dan Nusa Tenggara",
            "Sulawesi",
            "Maluku",
            "Papua",
        ]
        first = tab.locator(".peta-daftar li").first
        expect(first).to_contain_text("Aceh")
        size = tab.locator(".peta-daftar a").first.evaluate(
            "a => parseFloat(getComputedStyle(a).fontSize)"
        )
    else:
        svg = tab.locator("svg.peta-lebar")
        expect(svg).to_be_visible()
        x = {
            n: svg.locator(f'a[aria-label^="{n}:"] rect').bounding_box()["x"]
            for n in ("Aceh", "Jawa Timur", "Papua")
        }
        assert x["Aceh"] < x["Jawa Timur"] < x["Papua"]
        size = min(
            t.bounding_box()["height"] for t in svg.locator("a text").all()
        )  # rendered glyph box of the smallest label
    assert size >= 12


# --- 6. Keyboard, names, reflow, motion --------------------------------------------------


def tab_to(page: Page, predicate: str, limit: int = 80) -> int:
    """Press Tab until the focused element satisfies the JS predicate; return presses.
    Every stop must show a visible focus indicator."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        active = page.evaluate_handle("document.activeElement")
        visible = page.evaluate(
            """e => { const s = getComputedStyle(e);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                  || s.boxShadow !== 'none' || s.textDecorationLine.includes('underline'); }""",
            active,
        )
        assert visible, page.evaluate("e => e.outerHTML.slice(0, 120)", active)
        if page.evaluate(predicate, active):
            return n
    raise AssertionError(f"never reached: {predicate}")


def test_skip_link_is_first_and_visible(tab: Page, base_url: str) -> None:
    tab.goto(base_url + "wilayah/")
    tab.keyboard.press("Tab")
    skip = tab.locator(".md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    tab.keyboard.press("Enter")
    assert tab.evaluate("location.hash") != ""


def test_keyboard_find_a_region_and_open_an_event(tab: Page, base_url: str) -> None:
    page = tab
    page.goto(base_url + "wilayah/")
    tab_to(page, "e => e.id && e.id.startsWith('saring-tabel')")
    page.keyboard.type("bengkayang")
    tab_to(page, "e => e.tagName === 'A' && e.textContent.trim() === 'Kabupaten Bengkayang'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/wilayah/kab-bengkayang/")
    tab_to(
        page,
        "e => e.tagName === 'A' && e.getAttribute('href').includes('peristiwa/kab-bengkayang')",
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/peristiwa/kab-bengkayang-2020-10-20/")


def test_keyboard_compare_and_download(page: Page, base_url: str) -> None:
    page.goto(base_url)
    tab_to(
        page, "e => e.classList.contains('md-tabs__link') && e.textContent.trim() === 'Bandingkan'"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/bandingkan/")
    tab_to(page, "e => e.closest('nav.sub-bagian') && e.textContent.trim() === 'Bunyi ikrar'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/bandingkan/klausul/")
    page.goto(base_url + "data/")
    tab_to(
        page, "e => e.tagName === 'A' && /events\\.csv$/.test(e.getAttribute('href') || '')", 200
    )
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "events.csv"


INTERACTIVE = {
    "button",
    "link",
    "textbox",
    "searchbox",
    "combobox",
    "checkbox",
    "radio",
    "tab",
    "switch",
}


@pytest.mark.parametrize(
    "path",
    [
        "",
        "peristiwa/",
        "peristiwa/kab-bengkayang-2020-10-20/",
        "wilayah/",
        "statistik/peta/",
        "en/",
    ],
)
def test_every_control_has_an_accessible_name(page: Page, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    cdp = page.context.new_cdp_session(page)
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    nameless = [
        n.get("role", {}).get("value")
        for n in nodes
        if not n.get("ignored")
        and n.get("role", {}).get("value") in INTERACTIVE
        and not (n.get("name", {}).get("value") or "").strip()
    ]
    assert nameless == []


@pytest.mark.parametrize(
    "path", [*PHONE_PAGES, "peristiwa/kab-bengkayang-2020-10-20/", "statistik/cakupan/"]
)
@pytest.mark.parametrize("viewport", [(320, 640), (640, 400)], ids=["320px", "200pct-zoom"])
def test_content_reflows(browser, base_url: str, path: str, viewport) -> None:
    """WCAG 1.4.10: 320 CSS px (1280 at 400%) and 1280 px at 200% (640 CSS px):
    no sideways scrolling of the page."""
    w, h = viewport
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= w
    finally:
        context.close()


def test_reduced_motion_is_respected(browser, base_url: str) -> None:
    context = browser.new_context(reduced_motion="reduce", viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(base_url)
        durations = page.evaluate(
            """() => [...document.querySelectorAll('.md-sidebar, .md-header, .md-top, .md-overlay')]
                .map(e => parseFloat(getComputedStyle(e).transitionDuration) || 0)"""
        )
        assert durations and max(durations) <= 0.001
        assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    finally:
        context.close()


# --- 7. English edition ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, other",
    [("", "en/"), ("tentang/", "en/about/"), ("glosarium/", "en/glossary/"), ("data/", "en/data/")],
)
def test_language_switch_leads_both_ways(tab: Page, base_url: str, path: str, other: str) -> None:
    tab.goto(base_url + path)
    switch = tab.locator("a.bahasa")
    expect(switch).to_be_visible()
    expect(switch).to_have_attribute("hreflang", "en")
    switch.click()
    tab.wait_for_url(base_url + other)
    assert tab.evaluate("document.documentElement.lang") == "en"
    back = tab.locator("a.bahasa")
    expect(back).to_have_attribute("hreflang", "id")
    back.click()
    tab.wait_for_url(base_url + path)
    assert tab.evaluate("document.documentElement.lang") == "id"


def test_english_pages_exist_and_generated_pages_stay_indonesian(page: Page, base_url: str) -> None:
    english = ("en/", "en/about/", "en/glossary/", "en/contributing/", "en/data/")
    for path in (*english, "en/indonesian-pages/"):
        page.goto(base_url + path)
        assert page.evaluate("document.documentElement.lang") == "en"
        expect(page.locator("article h1")).to_be_visible()
    page.goto(base_url + "peristiwa/kab-bengkayang-2020-10-20/")
    assert page.evaluate("document.documentElement.lang") == "id"
    expect(page.locator("a.bahasa")).to_have_attribute("href", re.compile(r"en/$|#event$"))


@pytest.mark.parametrize(
    "path, part",
    [
        ("peristiwa/kab-bengkayang-2020-10-20/", "event"),
        ("wilayah/kab-bengkayang/", "region"),
        ("pemilu/pilkada-2024/", "election"),
        ("statistik/", "statistics"),
        ("bandingkan/berdampingan/", "compare"),
    ],
)
def test_en_on_an_indonesian_only_page_keeps_the_readers_place(
    tab: Page, base_url: str, path: str, part: str
) -> None:
    """EN never drops the reader on the English home: a page that exists in Indonesian
    only leads to the English page that explains that kind of page, at its section."""
    tab.goto(base_url + path)
    switch = tab.locator("a.bahasa")
    expect(switch).to_have_accessible_name(re.compile(r"^EN\b"))
    switch.click()
    tab.wait_for_url(f"{base_url}en/indonesian-pages/#{part}")
    assert tab.evaluate("document.documentElement.lang") == "en"
    expect(tab.locator(f"[id='{part}']")).to_be_visible()


@pytest.mark.parametrize(
    "path, words",
    [
        ("en/", ("Search the whole site", "Search regions…", "Dark mode", "Records: CC BY 4.0")),
        ("", ("Cari di seluruh situs", "Cari wilayah…", "Mode gelap", "Data catatan: CC BY 4.0")),
    ],
)
def test_theme_speaks_the_page_language(tab: Page, base_url: str, path: str, words) -> None:
    """Header search, palette toggle and footer licence line come from the page
    language's catalogue (generator/messages/*.yml, theme section)."""
    tab.goto(base_url + path)
    search, placeholder, toggle, licence = words
    expect(tab.locator("form.cari-kepala")).to_have_attribute("aria-label", search)
    expect(tab.locator("#cari-kepala-q")).to_have_attribute("placeholder", placeholder)
    assert tab.locator(f'input.md-option[aria-label="{toggle}"]').count() == 1
    expect(tab.locator(".md-copyright__highlight")).to_contain_text(licence)


def test_scripts_speak_the_page_language(tab: Page, base_url: str) -> None:
    """tabel.js takes its words from the page's catalogue block: an English page with a
    table gets an English filter, an Indonesian one keeps "Saring baris"."""
    tab.goto(base_url + "en/data/")
    words = tab.evaluate("JSON.parse(document.getElementById('pesan-js').textContent)")
    assert words["tabel"]["filter_label"] == "Filter rows"
    assert words["months"][0] == "January"
    tab.goto(base_url + "peristiwa/")
    expect(tab.locator(".saring-tabel label").first).to_have_text("Saring baris")


ENGLISH_MENU = [
    "Home",
    "About and method",
    "Glossary",
    "Contributing",
    "Data",
    "Pages in Indonesian only",
]
INDONESIAN_MENU = ["Beranda", "Peristiwa", "Wilayah", "Pemilu", "Dasar hukum", "Bandingkan"]
INDONESIAN_MENU += ["Statistik", "Data", "Cari", "Glosarium", "Ikut menambah", "Tentang", "English"]


def menu(tab: Page) -> list[str]:
    """The top-level menu as a reader sees it: the tabs on a desktop, the drawer's
    entries behind the menu button on a phone."""
    if width(tab) >= 1280:
        links = tab.locator(".md-tabs__list > .md-tabs__item > a.md-tabs__link")
        expect(links.first).to_be_visible()
    else:
        tab.locator('.md-header label[for="__drawer"]').click()
        expect(tab.locator(".md-nav--primary > .md-nav__title")).to_be_visible()
        # the current page's own link hides behind its table-of-contents toggle
        links = tab.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")
    return [" ".join(text.split()) for text in links.all_inner_texts()]


@pytest.mark.parametrize("path", ["en/", "en/about/", "en/data/", "en/indonesian-pages/"])
def test_english_pages_have_the_english_title_and_menu(tab: Page, base_url: str, path: str) -> None:
    """Issue 27: an English page names the English edition and offers the English pages,
    not the Indonesian site name and its 13 Indonesian tabs."""
    tab.goto(base_url + path)
    topic = tab.locator(".md-header__topic").first
    expect(topic).to_have_text(re.compile(r"^\s*ASN Neutrality Pledge Registry\s*$"))
    assert "Registri Ikrar" not in tab.title() and "ASN Neutrality Pledge Registry" in tab.title()
    assert tab.locator(".md-header .md-logo").evaluate("a => a.href") == base_url + "en/"
    assert menu(tab) == ENGLISH_MENU
    current = tab.locator('.md-tabs__link[aria-current="page"]')
    if width(tab) >= 1280:
        expect(current).to_have_count(1)
        assert current.evaluate("a => a.href") == base_url + path


@pytest.mark.parametrize("path", ["", "wilayah/", "data/", "peristiwa/kab-bengkayang-2020-10-20/"])
def test_indonesian_pages_keep_their_title_and_menu(tab: Page, base_url: str, path: str) -> None:
    tab.goto(base_url + path)
    topic = tab.locator(".md-header__topic").first
    expect(topic).to_have_text(re.compile(r"^\s*Registri Ikrar Netralitas ASN\s*$"))
    assert tab.title().endswith("Registri Ikrar Netralitas ASN")
    assert menu(tab) == INDONESIAN_MENU
