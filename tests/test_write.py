"""Writing docs/: generated entries are replaced whole, hand-written ones never touched."""

from __future__ import annotations

from pathlib import Path

from generator import render
from generator.write import write_tree


def test_generated_entries_replaced_and_stale_ones_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "site.css").write_text("hand-written")
    (docs / "tentang.md").write_text("hand-written")
    write_tree(docs, {"peristiwa/a.md": "A", "wilayah/x.md": "X", "index.md": "home"})
    write_tree(docs, {"peristiwa/b.md": "B", "index.md": "home 2"})
    assert sorted(p.name for p in (docs / "peristiwa").iterdir()) == ["b.md"]
    assert not (docs / "wilayah").exists()
    assert (docs / "index.md").read_text() == "home 2"
    assert (docs / "assets" / "site.css").read_text() == "hand-written"
    assert (docs / "tentang.md").read_text() == "hand-written"
    assert (docs / render.MANIFEST).read_text().split() == ["index.md", "peristiwa", "wilayah"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gen-")]


def test_bytes_are_written_as_given(tmp_path: Path) -> None:
    """No newline translation: CSV downloads keep their CRLF and byte-order mark."""
    write_tree(tmp_path / "docs", {"data/x.csv": "\ufeffa,b\r\n1,2\r\n"})
    assert (tmp_path / "docs" / "data" / "x.csv").read_bytes() == b"\xef\xbb\xbfa,b\r\n1,2\r\n"


def test_a_generated_page_among_hand_written_ones(tmp_path: Path) -> None:
    """docs/en/ is hand-written but for the English data page: only that file is swapped."""
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "en" / "about.md").write_text("hand-written")
    write_tree(docs, {"en/data.md": "data 1", "index.md": "home"})
    write_tree(docs, {"en/data.md": "data 2", "index.md": "home"})
    assert (docs / "en" / "data.md").read_text() == "data 2"
    assert (docs / "en" / "about.md").read_text() == "hand-written"
    assert sorted(p.name for p in (docs / "en").iterdir()) == ["about.md", "data.md"]
    assert (docs / render.MANIFEST).read_text().split() == ["en/data.md", "index.md"]
    write_tree(docs, {"index.md": "home"})
    assert not (docs / "en" / "data.md").exists()
    assert (docs / "en" / "about.md").read_text() == "hand-written"
