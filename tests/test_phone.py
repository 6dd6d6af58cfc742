"""Phone layouts designed for the task (issue #27), in real Chromium at 360 and 1280 px
on the fixture site: the count column of a province's region list is in view without a
sideways swipe, the comparison page's action bar stays reachable and counts the picks,
and every pick box is a 44 px target."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture(params=[360, 1280], ids=["360px", "1280px"])
def sized(browser, request):
    context = browser.new_context(viewport={"width": request.param, "height": 740}, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def test_region_list_shows_the_count_without_a_swipe(sized, base_url: str) -> None:
    sized.goto(f"{base_url}wilayah/prov-kalimantan-barat/")
    table = sized.locator("table.registri", has=sized.locator("th", has_text="Kode")).last
    header = table.locator("thead th").nth(1)
    expect(header).to_have_text("Peristiwa")
    width = sized.viewport_size["width"]
    for cell in table.locator("tbody tr td.angka").all()[:5]:
        box = cell.bounding_box()
        assert box and box["x"] + box["width"] <= width, box


def test_compare_action_bar_stays_in_reach_and_counts(sized, base_url: str) -> None:
    sized.goto(f"{base_url}bandingkan/")
    boxes = sized.locator('input[form="pilih-peristiwa"]')
    bar = sized.locator("form.pilih-peristiwa")
    expect(bar.locator(".pilih-jumlah")).to_have_text("0 dipilih (2 sampai 4)")
    boxes.nth(0).check()
    last = boxes.nth(boxes.count() - 1)
    last.scroll_into_view_if_needed()
    last.check()
    expect(bar.locator(".pilih-jumlah")).to_have_text("2 dipilih (2 sampai 4)")
    height = sized.viewport_size["height"]
    box = bar.get_by_role("button", name="Bandingkan berdampingan").bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, box
    for target in sized.locator("label.pilih-kotak").all()[:5]:
        size = target.bounding_box()
        assert size and size["width"] >= 44 and size["height"] >= 44, size
    bar.get_by_role("button", name="Bandingkan berdampingan").click()
    expect(sized).to_have_url(re.compile(r"berdampingan/\?id=[^&,]+,[^&,]+$"))  # two picked


def test_side_by_side_labels_each_value_once_with_its_region(sized, base_url: str) -> None:
    """Stacked on a phone, a value is labelled with its region only (the date too only
    when two picked events share a region); the full heading stands once, above."""
    sized.goto(
        f"{base_url}bandingkan/berdampingan/?id=kab-bener-meriah-2024-10-07,kab-bengkayang-2020-10-20"
    )
    cells = sized.locator("table.berdampingan tbody tr").first.locator("td")
    expect(cells).to_have_count(2)
    labels = cells.evaluate_all("cells => cells.map(c => c.dataset.label)")
    assert labels == ["Kabupaten Bener Meriah", "Kabupaten Bengkayang"]
    lead = sized.locator("table.berdampingan tbody tr", has=sized.locator("th:text-is('Dipimpin')"))
    expect(lead).to_have_count(1)
