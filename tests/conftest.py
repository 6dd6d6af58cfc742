"""Shared fixtures: a small, stable registry assembled in a temporary folder.

Tests use the real JSON Schemas from registry/schema/ but the small reference
files in tests/fixtures/registry/, so reference-data updates do not churn
every expected diagnostic.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
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

# Page and browser tests never read registry/events/: a contributor's valid new
# record must not break them. They run on a site built from the real reference
# data (all 552 regions, elections, clauses, legal bases) and fixture records.
SITE_EVENTS = (FIXTURES / "records", FIXTURES / "site" / "events")
TEST_SITE = ROOT / ".build" / "test-site"


def site_registry(target: Path) -> Path:
    """The browser tests' registry: real reference data, fixture records only."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "registry", target, ignore=shutil.ignore_patterns("events"))
    (target / "events").mkdir()
    for folder in SITE_EVENTS:
        for path in sorted(folder.glob("*.yml")):
            shutil.copy2(path, target / "events" / path.name)
    return target


def _inputs_digest() -> str:
    """What the fixture site is built from; an unchanged digest reuses the last build.

    Files git would track (ignored build output such as generated docs/ pages is not an input).
    """
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *INPUTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    digest = hashlib.sha256()
    for name in sorted(set(listed)):
        path = ROOT / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


INPUTS = ("generator", "overrides", "docs", "registry", "tests/fixtures", "tools")
INPUTS += ("mkdocs.yml", "pagefind.yml", "requirements.txt", "package-lock.json")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once (and reused while its inputs are unchanged)."""
    from tests.sitebuild import build_site

    stamp = TEST_SITE / "inputs.sha256"
    digest = _inputs_digest()
    site = TEST_SITE / "site"
    if stamp.exists() and stamp.read_text() == digest and (site / "pagefind").exists():
        return site
    work = tmp_path_factory.mktemp("test-site")
    registry = site_registry(work / "registry")
    if TEST_SITE.exists():
        shutil.rmtree(TEST_SITE)
    TEST_SITE.mkdir(parents=True)
    build_site(registry, TEST_SITE)
    stamp.write_text(digest)
    return site


def site_model():
    """The model of the fixture site, for tests that compare pages with records."""
    from generator import model, validate

    registry = site_registry(ROOT / ".build" / "test-site-registry")
    checked, diags = validate.check(registry, None, None)
    assert checked is not None, diags
    return model.build(checked, {})


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


def git(repo: Path, *args: str, day: str = "01") -> str:
    """git with fixed identity and dates, untouched by the user's configuration."""
    when = f"2026-11-{day}T10:00:00+00:00"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(repo),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": "Penyunting",
        "GIT_AUTHOR_EMAIL": "penyunting@example.org",
        "GIT_COMMITTER_NAME": "Penyunting",
        "GIT_COMMITTER_EMAIL": "penyunting@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    result = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def assert_columns_described(page: str, columns: dict[str, list[str]], label: str) -> None:
    """The data page (`page`, its HTML or Markdown) has a table per CSV, captioned with the
    file's name and column count, and a described row for every column: read from the
    files' own headers, so a column added to a CSV and not to the codebook fails."""
    for file, names in columns.items():
        caption = re.search(rf"<caption>[^<]*\b{re.escape(file)} \({len(names)}\)</caption>", page)
        assert caption, f"{label}: no table of the {len(names)} columns of {file}"
        table = page[caption.start() : page.index("</table>", caption.start())]
        for name in names:
            row = re.search(
                rf'<th scope="row"><code>{re.escape(name)}</code></th><td>([^<]+)', table
            )
            assert row and row.group(1).strip(), f"{label}: {file} column {name} not described"
