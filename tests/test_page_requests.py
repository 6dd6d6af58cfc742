"""A page view asks only for what it shows, and every request succeeds.

Material's script took our Atom link for a language version and fetched a sitemap.xml
beside it on every page view: the whole sitemap (hundreds of KB at scale) next to the
site's feed, a 404 next to a region's. Real Chromium, the fixture site served under
its sub-path, at a phone's width and a desktop's.
"""

from __future__ import annotations

import pytest

# One page of each kind a reader lands on: home, event, region, province, election,
# legal basis, the English edition, and the not-found page (served for a bad address).
VIEWS = [
    "",
    "peristiwa/kab-bengkayang-2020-10-20/",
    "wilayah/kab-bengkayang/",
    "wilayah/prov-kalimantan-barat/",
    "pemilu/pilkada-2020/",
    "dasar-hukum/skb-netralitas-2020/",
    "en/about/",
]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", VIEWS)
def test_page_view_makes_no_failing_request(browser, base_url: str, path: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    failed: list[str] = []
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else 0)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    try:
        response = page.goto(base_url + path)
        assert response is not None and response.ok
        page.wait_for_load_state("networkidle")
        assert failed == []
        assert [u for u in asked if u.endswith("sitemap.xml")] == []
    finally:
        context.close()


def test_not_found_page_asks_for_nothing_more_that_fails(browser, base_url: str) -> None:
    """The 404 page itself answers 404; everything it loads must not."""
    context = browser.new_context()
    page = context.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else 0)
    try:
        page.goto(base_url + "tidak-ada/halaman/")
        page.wait_for_load_state("networkidle")
        assert [f for f in failed if "/tidak-ada/halaman/" not in f] == []
    finally:
        context.close()
