"""The mkdocs hook regenerates docs/ only while serving; `make site` generates itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import hooks


def test_build_does_not_regenerate(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, Path]] = []
    monkeypatch.setattr(hooks, "generate", lambda reg, docs: calls.append((reg, docs)))
    hooks.on_startup(command="build", dirty=False)
    hooks.on_pre_build({"docs_dir": "docs"})
    assert calls == []
    hooks.on_startup(command="serve", dirty=False)
    hooks.on_pre_build({"docs_dir": "docs"})
    assert calls == [(Path("registry"), Path("docs"))]
    hooks.on_startup(command="build", dirty=False)
