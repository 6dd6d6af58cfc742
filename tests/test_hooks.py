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


def test_theme_gets_its_words_in_both_languages() -> None:
    """on_config hands the theme each catalogue's `theme` section, as plain data."""
    config = hooks.on_config({"extra": {}})
    words = config["extra"]["messages"]
    assert set(words) == {"id", "en"}
    assert words["id"]["theme"]["search_button"] == "Cari"
    assert words["en"]["theme"]["search_button"] == "Search"
    assert len(words["en"]["theme"]["palette"]) == 2
    assert words["en"]["js"]["months"][0] == "January"
    assert words["id"]["js"]["tabel"]["filter_label"] == "Saring baris"
