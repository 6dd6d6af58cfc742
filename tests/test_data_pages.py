"""Both data pages of the built site describe everything the build publishes: every
column of every CSV file (read from the files' own header rows) and every download,
on the Indonesian page (data/) and the English one (en/data/). Read from site/, the
files and pages a reader gets, not from the model."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from tests.conftest import assert_columns_described

PAGES = ("data/index.html", "en/data/index.html")


def csv_headers(site: Path) -> dict[str, list[str]]:
    out = {}
    for path in sorted((site / "data").rglob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            out[path.relative_to(site / "data").as_posix()] = next(csv.reader(handle))
    return out


def downloads(site: Path) -> list[str]:
    """Every published data file: under data/, and the feeds."""
    files = [
        p.relative_to(site).as_posix()
        for p in (site / "data").rglob("*")
        if p.is_file() and p.suffix != ".html"  # the data page itself
    ]
    return sorted([*files, "feed.xml", "koreksi/feed.xml"])


@pytest.mark.parametrize("page", PAGES)
def test_every_csv_column_is_described(built_site: Path, page: str) -> None:
    text = (built_site / page).read_text(encoding="utf-8")
    headers = csv_headers(built_site)
    assert {"events.csv", "event-elections.csv", "clauses.csv", "clause-changes.csv"} <= set(
        headers
    )
    assert "kodebuku.csv" in headers and "days_before_min" in headers["event-elections.csv"]
    assert "election_days_before_min" in headers["events.csv"]
    assert_columns_described(text, headers, page)


@pytest.mark.parametrize("page", PAGES)
def test_every_download_is_described(built_site: Path, page: str) -> None:
    """By its link, or for a file per record, region or election by its family's line
    (data/wilayah/&lt;wilayah&gt;.json)."""
    text = (built_site / page).read_text(encoding="utf-8")
    links = {html.unescape(h) for h in re.findall(r'href="([^"]+)"', text)}
    base = (built_site / page).parent
    linked = {
        (base / h).resolve().relative_to(built_site.resolve()).as_posix()
        for h in links
        if not h.startswith(("http", "#", "mailto:")) and "#" not in h
    }
    for name in downloads(built_site):
        folder, _, file = name.rpartition("/")
        family = re.escape(folder) + r"/&lt;[\w-]+&gt;" + re.escape(file[file.index(".") :])
        assert name in linked or re.search(family, text), f"{page}: {name} not described"
