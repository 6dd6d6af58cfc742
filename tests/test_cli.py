"""The command line as contributors and CI use it: output format and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from generator.validate import PLACEHOLDERS
from tests.conftest import FIXTURES

BASE = (FIXTURES / "base.yml").read_bytes()
NAME = "kab-bengkayang-2020-10-20.yml"


def put(registry: Path, name: str, data: bytes) -> Path:
    path = registry / "events" / name
    path.write_bytes(data)
    return path


def test_check_ok(registry_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(registry_dir, NAME, BASE)
    assert main(["check", "--today", "2026-11-24"]) == 0
    assert capsys.readouterr().err == "ok: 1 record(s) valid\n"


def test_check_reports_every_error_and_exits_1(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(
        registry_dir,
        NAME,
        BASE.replace(b"status: pjs", b"status: Pjs.").replace(b"count: 3983", b"count: -1"),
    )
    assert main(["check", "--today", "2026-11-24"]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        f"registry/events/{NAME}:13:11: error: official.status: unknown value 'Pjs.' "
        "(did you mean 'pjs'?); write one of: definitif, pj, pjs, plt, plh",
        f"registry/events/{NAME}:15:10: error: participants.count: must be at least 0; "
        "leave it out if unknown",
    ]
    assert out.err == "2 error(s) in 1 file(s)\n"


def test_check_github_format(registry_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(registry_dir, NAME, BASE.replace(b"status: pjs", b"status: Pjs."))
    assert main(["check", "--format", "github", "--today", "2026-11-24"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"::error file=registry/events/{NAME},line=13,col=11,title=official.status::"
        "official.status: unknown value 'Pjs.' (did you mean 'pjs'?); "
        "write one of: definitif, pj, pjs, plt, plh"
    ]


def test_check_named_file_against_whole_registry(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(registry_dir, NAME, BASE)
    new = put(
        registry_dir,
        NAME.replace(".yml", "-2.yml"),
        BASE.replace(b"id: kab-bengkayang-2020-10-20", b"id: kab-bengkayang-2020-10-20-2"),
    )
    assert main(["check", "--today", "2026-11-24", str(new)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"registry/events/{new.name}:5:10: error:")


def test_check_writes_nothing(registry_dir: Path) -> None:
    put(registry_dir, NAME, BASE)
    before = sorted(p for p in registry_dir.parent.rglob("*"))
    main(["check", "--today", "2026-11-24"])
    assert sorted(p for p in registry_dir.parent.rglob("*")) == before


def test_new_scaffold_validates_after_filling(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["new", "--region", "Bengkayang", "--date", "2024-09-30", "--today", "2026-11-24"])
        == 0
    )
    path = registry_dir / "events" / "kab-bengkayang-2024-09-30.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/event.schema.json\n")
    assert 'region: "61.07"' in text
    assert "published:" not in text.replace("# published:", "")
    assert main(["check", "--today", "2026-11-24", str(path)]) == 1
    assert capsys.readouterr().out.count("example text of the template") == len(PLACEHOLDERS)
    for n, example in enumerate(sorted(PLACEHOLDERS)):
        filled = f"https://example.org/{n}" if example.startswith("http") else f"Isi {n}"
        text = text.replace(example, filled)
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--today", "2026-11-24", str(path)]) == 0
    assert main(["new", "--region", "61.07", "--date", "2024-09-30"]) == 1
    assert "file already exists" in capsys.readouterr().out


def test_build_fails_without_writing(registry_dir: Path, tmp_path: Path) -> None:
    put(registry_dir, NAME, BASE.replace(b"status: pjs", b"status: x"))
    docs = tmp_path / "docs"
    assert main(["build", "--docs", str(docs), "--today", "2026-11-24"]) == 1
    assert not docs.exists()


def test_check_never_writes(registry_dir: Path) -> None:
    """`check` is safe to run anywhere, e.g. in a pre-commit hook: it only reads."""
    put(registry_dir, NAME, BASE)
    put(registry_dir, "kab-bengkayang-2020-10-21.yml", BASE.replace(b"status: pjs", b"status: x"))

    def snapshot() -> dict[str, tuple[int, int]]:
        return {
            str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in registry_dir.parent.rglob("*")
        }

    before = snapshot()
    assert main(["check", "--today", "2026-11-24"]) == 1
    assert snapshot() == before
