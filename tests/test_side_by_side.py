"""The side-by-side view in real Chromium: events chosen from the comparison table, the
choice in a shareable address, facts and clauses aligned, stacked on a phone, accessible."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
A, B, C = "kab-bener-meriah-2024-10-07", "kab-bengkayang-2020-10-20", "kota-bandung-2023-07-18"
VIEW = "bandingkan/berdampingan/"


def open_view(browser, base_url: str, width: int, query: str):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(f"{base_url}{VIEW}{query}")
    expect(page.locator("table.berdampingan")).to_be_visible()
    return context, page, errors


def row(page, label: str) -> list[str]:
    cells = page.locator("table.berdampingan tbody tr", has=page.locator(f"th:text-is('{label}')"))
    return cells.locator("td").all_inner_texts()


@pytest.mark.parametrize("width", [360, 1280])
def test_shared_link_shows_events_aligned(browser, base_url: str, width: int) -> None:
    context, page, errors = open_view(browser, base_url, width, f"?id={A},{B}")
    try:
        heads = page.locator("table.berdampingan thead th[scope=col] a:not(.catatan)")
        expect(heads).to_have_text(["Kabupaten Bener Meriah", "Kabupaten Bengkayang"])
        assert len(row(page, "Tanggal")) == 2
        clause_2 = row(page, "Butir 2 templat")
        assert "politik" in clause_2[0] and "1 perubahan" in clause_2[0]
        assert "beda ejaan saja" in clause_2[1]  # praktek-praktek is spelling only
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("#tautan-berdampingan").input_value().endswith(f"?id={A},{B}")
    finally:
        context.close()
    assert errors == []


def test_phone_stacks_each_fact_with_every_event(browser, base_url: str) -> None:
    context, page, _ = open_view(browser, base_url, 360, f"?id={A},{B},{C}")
    try:
        cells = page.locator("table.berdampingan tbody tr").first.locator("td")
        boxes = [cells.nth(i).bounding_box() for i in range(3)]
        assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # stacked, not side by side
        assert all(b["width"] > 250 for b in boxes)
    finally:
        context.close()


def test_desktop_puts_events_side_by_side(browser, base_url: str) -> None:
    context, page, _ = open_view(browser, base_url, 1280, f"?id={A},{B},{C}")
    try:
        cells = page.locator("table.berdampingan tbody tr").first.locator("td")
        boxes = [cells.nth(i).bounding_box() for i in range(3)]
        assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
        assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]
    finally:
        context.close()


def test_choice_from_the_table_becomes_a_shareable_address(page, base_url: str) -> None:
    page.goto(f"{base_url}bandingkan/")
    page.locator(f"input[name=id][value={A}]").check()
    page.locator(f"input[name=id][value={C}]").check()
    page.get_by_role("button", name="Bandingkan berdampingan").click()
    expect(page.locator("table.berdampingan")).to_be_visible()
    assert page.url.endswith(f"{VIEW}?id={A},{C}")  # the form's ?id=a&id=b, made shareable
    shared = page.url
    page.goto(shared)
    expect(page.locator("table.berdampingan thead th[scope=col]")).to_have_count(3)


def test_removing_an_event_and_bad_ids(page, base_url: str) -> None:
    page.goto(f"{base_url}{VIEW}?id={A},{B},{C},tidak-ada,<x>")
    expect(page.locator("table.berdampingan")).to_be_visible()
    expect(page.locator("#berdampingan-status")).to_contain_text("Tidak ditemukan: tidak-ada")
    page.get_by_role("link", name="Hapus Kabupaten Bengkayang dari perbandingan").click()
    expect(page.locator("table.berdampingan thead th[scope=col]")).to_have_count(3)
    assert page.url.endswith(f"?id={A},{C}")


def test_fewer_than_two_asks_for_more(page, base_url: str) -> None:
    page.goto(f"{base_url}{VIEW}?id={A}")
    expect(page.locator("#berdampingan-status")).to_contain_text("satu peristiwa lagi")
    expect(page.locator("table.berdampingan")).to_have_count(0)


@pytest.mark.parametrize("width", [360, 1280])
def test_filled_view_is_accessible(browser, base_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(f"{base_url}{VIEW}?id={A},{C}")
        expect(page.locator("table.berdampingan")).to_be_visible()
        page.add_script_tag(path=str(AXE))
        # The theme's phone drawer is left out: at 360 px every page in a nav section has
        # a landmark-unique finding there (statistik/peta/ too), whatever its content.
        result = page.evaluate(
            "() => axe.run({exclude: [['.md-sidebar']]},"
            " {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']})"
        )
        assert [v["id"] for v in result["violations"]] == []
    finally:
        context.close()
