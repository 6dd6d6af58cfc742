"""Shared fixtures: a small, stable registry assembled in a temporary folder.

Tests use the real JSON Schemas from registry/schema/ but the small reference
files in tests/fixtures/registry/, so reference-data updates do not churn
every expected diagnostic.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
TODAY = date(2026, 11, 24)


def make_registry(root: Path, events: dict[str, bytes] | None = None) -> Path:
    """Build root/registry with fixture reference data, the real schemas and `events`."""
    registry = root / "registry"
    shutil.copytree(FIXTURES / "registry", registry)
    shutil.copytree(ROOT / "registry" / "schema", registry / "schema")
    (registry / "events").mkdir()
    for name, data in (events or {}).items():
        (registry / "events" / name).write_bytes(data)
    return registry


@pytest.fixture
def registry_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty fixture registry at ./registry, with the working directory at its parent."""
    monkeypatch.chdir(tmp_path)
    return make_registry(tmp_path)


# --- Real Chromium against a built site, served under a sub-path (/registri/) ---

SITE = ROOT / "site"


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The site `make site` built; `make test` builds it before running the tests."""
    if not (SITE / "pagefind" / "pagefind.js").exists():
        pytest.fail("site/ is not built: run `make test` (it builds the site first)")
    return SITE


@pytest.fixture(scope="session")
def base_url(built_site: Path):
    from tools.serve import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tools.serve import ARGS, CHROMIUM

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page (own cookies and storage); JS errors fail the test that caused them."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
