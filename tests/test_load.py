"""Loading: YAML nodes with marks; text decoding; syntax errors as diagnostics."""

from __future__ import annotations

from pathlib import Path

from generator import load


def test_compose_keeps_raw_scalars() -> None:
    node, diags = load.compose("region: 32.70\n", "x.yml")
    assert diags == [] and node is not None
    assert node.value[0][1].value == "32.70"


def test_nesting_bomb_is_a_diagnostic() -> None:
    _, diags = load.compose("[" * 5000 + "]" * 5000, "x.yml")
    assert len(diags) == 1 and diags[0].message.startswith("YAML syntax:")


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_bytes(b"\xef\xbb\xbfid: a\n")
    text, diags = load.read_text(path, "a.yml")
    assert diags == [] and text == "id: a\n"


def test_utf16_is_rejected_with_position(tmp_path: Path) -> None:
    path = tmp_path / "a.yml"
    path.write_bytes("id: a\n".encode("utf-16"))
    text, diags = load.read_text(path, "a.yml")
    assert text is None and diags[0].line == 1 and "not UTF-8" in diags[0].message


def test_event_paths_sorted_and_skip_hidden(tmp_path: Path) -> None:
    (tmp_path / "events").mkdir()
    for name in ("b.yml", "a.yml", ".hidden.yml"):
        (tmp_path / "events" / name).write_text("id: x\n")
    assert [p.name for p in load.event_paths(tmp_path)] == ["a.yml", "b.yml"]
