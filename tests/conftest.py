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
