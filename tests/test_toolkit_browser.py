"""The toolkit in real Chromium on the fixture site: copying a citation (with the
reader's access date), table sort and filter kept in the URL, undated events last
in both directions, the "unduh tampilan ini" CSV, and the pre-filled error report."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import bibtexparser
import rispy
import yaml
from playwright.sync_api import expect

from generator import exports
from tests.conftest import ROOT

MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
TABLE = "table.registri"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "laporkan-kesalahan.yml"


def first_event(page, base_url: str) -> str:
    page.goto(f"{base_url}peristiwa/")
    return page.locator(f"{TABLE} tbody tr th a").first.get_attribute("href")


def test_copy_citation_with_access_date(browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{base_url}peristiwa/kab-bener-meriah-2024-10-07/")
        today = date.today()
        words = f"{today.day} {MONTHS.split()[today.month - 1]} {today.year}"
        expect(page.locator("[data-tanggal-akses]")).to_have_text(words)
        title = page.locator('meta[name="citation_title"]').get_attribute("content")
        button = page.get_by_role("button", name="Salin kutipan")
        button.click()
        expect(page.locator(".salin-status")).to_have_text("Kutipan disalin.")
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert f"“{title}”" in copied and copied.endswith(f"diakses {words}.")
        assert "peristiwa/kab-bener-meriah-2024-10-07/" in copied
    finally:
        context.close()


def test_citation_downloads_carry_the_readers_access_date(page, base_url: str) -> None:
    """urldate (BibTeX), Y2 (RIS) and accessed (CSL-JSON) are today's date, added in the
    browser: the built page stays the same for every reader."""
    page.goto(f"{base_url}peristiwa/kab-bener-meriah-2024-10-07/")
    today = date.today()
    texts = page.locator('.kutipan a[href^="data:"]').evaluate_all(
        """links => links.map(a => [a.type, decodeURIComponent(escape(atob(
            a.getAttribute('href').split('base64,')[1])))])"""
    )
    found = dict(texts)
    bib = bibtexparser.parse_string(found["application/x-bibtex"]).entries[0]
    assert bib["urldate"] == today.isoformat() and bib["title"].startswith("{")
    (ris,) = rispy.loads(found["application/x-research-info-systems"])
    assert ris["access_date"] == today.strftime("%Y/%m/%d")
    (csl,) = json.loads(found["application/vnd.citationstyles.csl+json"])
    assert csl["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}


def test_citation_html_is_the_same_for_every_reader(built_site: Path) -> None:
    html = (built_site / "peristiwa/kab-bener-meriah-2024-10-07/index.html").read_text()
    assert "(tanggal akses)" in html and "hidden>Salin kutipan</button>" in html


def dates_column(page) -> list[str]:
    return page.eval_on_selector_all(
        f"{TABLE} tbody tr:not([hidden])",
        "rows => rows.map(r => r.querySelector('td[data-label=Tanggal]').dataset.sort)",
    )


def test_sort_is_kept_in_the_url_and_undated_sort_last(page, base_url: str) -> None:
    page.goto(f"{base_url}peristiwa/")
    header = page.locator(f"{TABLE} thead th", has_text="Tanggal")
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert parse_qs(urlsplit(page.url).query)["urut"] == ["tanggal-naik"]
    ascending = dates_column(page)
    assert ascending[-1] == ""  # fixture records include an undated event
    header.locator("button").click()
    assert parse_qs(urlsplit(page.url).query)["urut"] == ["tanggal-turun"]
    descending = dates_column(page)
    assert descending[-1] == "" and descending[:-1] == sorted(descending[:-1], reverse=True)
    page.reload()
    header = page.locator(f"{TABLE} thead th", has_text="Tanggal")
    expect(header).to_have_attribute("aria-sort", "descending")
    assert dates_column(page) == descending


def test_filter_is_kept_in_the_url(page, base_url: str) -> None:
    page.goto(f"{base_url}wilayah/prov-kalimantan-barat/")
    table = page.locator(TABLE, has_text="Kabupaten dan kota")
    index = page.locator(TABLE).evaluate_all(
        "(ts) => ts.findIndex(t => t.caption && t.caption.textContent.startsWith('Kabupaten'))"
    )
    name = "saring" if index == 0 else f"saring{index + 1}"
    page.locator(f"#saring-tabel-{index}").fill("Bengkayang")
    expect(table.locator("tbody tr:not([hidden])")).to_have_count(1)
    assert parse_qs(urlsplit(page.url).query)[name] == ["Bengkayang"]
    page.reload()
    expect(page.locator(f"#saring-tabel-{index}")).to_have_value("Bengkayang")
    expect(table.locator("tbody tr:not([hidden])")).to_have_count(1)


def test_download_this_view_as_csv(page, base_url: str) -> None:
    page.goto(f"{base_url}wilayah/prov-kalimantan-barat/")
    box = page.locator(".saring-tabel").last
    box.locator("input").fill("kab")
    header = page.locator(TABLE).last.locator("thead th", has_text="Wilayah").locator("button")
    header.click()
    header.click()  # descending
    with page.expect_download() as info:
        page.locator(".unduh-tabel").last.get_by_role(
            "button", name="Unduh tampilan ini (CSV)"
        ).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    shown = page.locator(TABLE).last.locator("tbody tr:not([hidden]) th").all_inner_texts()
    assert rows[0] == ["Wilayah", "Peristiwa", "Kode", "Tingkat"]
    assert [r[0] for r in rows[1:]] == shown
    assert all("Kabupaten" in r[0] for r in rows[1:]) and len(rows) > 2
    names = [r[0] for r in rows[1:]]
    assert names == sorted(names, key=str.lower, reverse=True)


def test_an_events_table_downloads_its_rows_of_events_csv(page, base_url: str) -> None:
    """A table of events saves data: events.csv's columns, ISO dates, numbers as numbers,
    one field per column, only the rows shown, in the order shown."""
    page.goto(f"{base_url}peristiwa/")
    table = page.locator(TABLE).first
    ids = table.locator("tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.dataset.id)"
    )
    with page.expect_download() as info:
        page.locator(".unduh-tabel").first.get_by_role(
            "button", name="Unduh tampilan ini (CSV)"
        ).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == ids and len(ids) > 2
    assert list(rows[0]) == exports.EVENT_COLUMNS
    for r in rows:
        assert re.fullmatch(r"(\d{4}(-\d\d(-\d\d)?)?)?", r["date_value"])
        assert re.fullmatch(r"\d*", r["participant_count"])


def test_error_report_is_prefilled(page, base_url: str) -> None:
    fields = {item.get("id") for item in yaml.safe_load(FORM.read_text())["body"]}
    assert {"catatan", "halaman"} <= fields
    href = first_event(page, base_url)
    cases = [(href, href.rstrip("/").split("/")[-1]), ("../wilayah/kab-bengkayang/", "61.07")]
    for path, ident in cases:
        page.goto(f"{base_url}peristiwa/{path}")
        link = page.get_by_role("link", name="Laporkan kesalahan")
        url = urlsplit(link.get_attribute("href"))
        query = parse_qs(url.query)
        assert url.netloc == "github.com" and url.path.endswith("/issues/new")
        assert query["template"] == ["laporkan-kesalahan.yml"]
        assert query["catatan"] == [ident]
        canonical = page.locator('link[rel="canonical"]').get_attribute("href")
        assert query["halaman"] == [canonical]
