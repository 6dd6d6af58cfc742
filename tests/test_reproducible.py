"""Builds are byte-identical from the same commit, with no exception: two builds of
the fixture site under different clocks and time zones write the same bytes in every
file, the Pagefind index included. Dates come from git (record history, and
SOURCE_DATE_EPOCH for sitemap.xml), never from the machine that builds.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import git, site_registry
from tests.sitebuild import build_site
from tools.sitebuild import source_date_epoch

# libfaketime's wrapper (Debian package faketime; `make test` installs it, tools/prereqs.sh):
# every step of the build, Python, mkdocs, node and Pagefind's binary, reads the shifted clock.
FAKETIME = shutil.which("faketime")
# Both ahead of now: a record dated after the clock is rightly refused by the checker.
CLOCKS = (("+30d", "Pacific/Kiritimati"), ("+4000d", "America/Adak"))  # UTC+14, UTC-10


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture registry in a git repository of its own, committed at a fixed date,
    so the pages carry record history as a real build's do."""
    root = tmp_path_factory.mktemp("reproducible")
    registry = site_registry(root / "registry")
    for args in (["init", "-q", "-b", "main"], ["add", "."], ["commit", "-q", "-m", "Catatan"]):
        git(root, *args)
    return registry


def shifted(offset: str) -> list[str]:
    """A command prefix that runs a program with the clock moved by `offset`."""
    assert FAKETIME, "faketime is needed (make test installs it: tools/prereqs.sh)"
    return [FAKETIME, "-f", offset]


def test_the_shifted_clock_is_really_shifted() -> None:
    """Without this, a faketime that does nothing would make the next test pass."""
    now = subprocess.run(
        [*shifted("+400d"), sys.executable, "-c", "import time; print(time.time())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert float(now) - datetime.now(UTC).timestamp() > 399 * 86400


def test_builds_under_different_clocks_are_byte_identical(registry: Path, tmp_path: Path):
    (offset_a, zone_a), (offset_b, zone_b) = CLOCKS
    first = build_site(registry, tmp_path / "a", shifted(offset_a), {"TZ": zone_a})
    second = build_site(registry, tmp_path / "b", shifted(offset_b), {"TZ": zone_b})
    assert (first / "pagefind" / "pagefind-entry.json").exists()
    assert differing(first, second) == []
    # The one date mkdocs writes is the commit's (SOURCE_DATE_EPOCH), not either clock's.
    commit_day = datetime.fromtimestamp(int(source_date_epoch()), UTC).date().isoformat()
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{commit_day}</lastmod>") > 0


def differing(a: Path, b: Path) -> list[str]:
    """Relative paths whose bytes differ (or exist on one side only)."""
    out = []
    stack = [(filecmp.dircmp(a, b), "")]
    while stack:
        node, prefix = stack.pop()
        out += [prefix + n for n in node.left_only + node.right_only]
        _, mismatch, errors = filecmp.cmpfiles(
            node.left, node.right, node.common_files, shallow=False
        )
        out += [prefix + n for n in mismatch + errors]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return sorted(out)
