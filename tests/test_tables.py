"""Comparison tables in real Chromium: sortable by any column, filterable by text,
with the script served by the site itself."""

from __future__ import annotations

from playwright.sync_api import expect

TABLE = "table.registri"


def column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        f"{TABLE} tbody tr:not([hidden])",
        "(rows, i) => rows.map(r => r.cells[i].getAttribute('data-sort') ?? r.cells[i].innerText)",
        index,
    )


def test_sort_by_date_both_ways(page, base_url: str) -> None:
    page.goto(f"{base_url}peristiwa/")
    header = page.locator(f"{TABLE} thead th", has_text="Tanggal")
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    index = 2  # Wilayah, Provinsi, Tanggal
    ascending = column(page, index)
    dated = [d for d in ascending if d]
    undated = [d for d in ascending if not d]
    assert ascending == sorted(dated) + undated  # undated events last, both ways
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert column(page, index) == sorted(dated, reverse=True) + undated


def test_filter_by_text(page, base_url: str) -> None:
    page.goto(f"{base_url}peristiwa/")
    rows = page.locator(f"{TABLE} tbody tr")
    total = rows.count()
    box = page.locator(".saring-tabel input")
    if total < 6:  # the filter box appears only where there is something to narrow
        assert box.count() == 0
        return
    box.fill("Bengkayang")
    visible = page.locator(f"{TABLE} tbody tr:not([hidden])")
    expect(visible).to_have_count(1)
    assert "Bengkayang" in visible.first.inner_text()
    box.fill("")
    expect(visible).to_have_count(total)


def test_filter_incumbent_candidates(page, base_url: str) -> None:
    """The comparison table's checkbox keeps the events an incumbent candidate took
    part in (rows marked data-petahana by claims.py), alone or with the text filter,
    and remembers itself in the address."""
    page.goto(f"{base_url}bandingkan/")
    rows = page.locator(f"{TABLE} tbody tr")
    total = rows.count()
    marked = page.locator(f"{TABLE} tbody tr[data-petahana]").count()
    assert 0 < marked < total
    flag = page.get_by_label("Hanya yang diikuti calon petahana")
    flag.check()
    visible = page.locator(f"{TABLE} tbody tr:not([hidden])")
    expect(visible).to_have_count(marked)
    assert "calon petahana" in visible.first.inner_text()
    assert "petahana=1" in page.url
    page.locator(".saring-tabel input[type=search]").fill("Bengkayang")
    expect(visible).to_have_count(0)
    page.locator(".saring-tabel input[type=search]").fill("")
    flag.uncheck()
    expect(visible).to_have_count(total)
    assert "petahana" not in page.url
    page.goto(f"{base_url}bandingkan/?petahana=1")
    expect(page.locator(f"{TABLE} tbody tr:not([hidden])")).to_have_count(marked)


def test_table_script_is_served_by_the_site(page, base_url: str) -> None:
    page.goto(f"{base_url}peristiwa/")
    sources = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert any(s.startswith(base_url) and s.endswith("assets/js/tabel.js") for s in sources)
