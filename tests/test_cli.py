"""The command line as contributors and CI use it: output format and exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from generator.validate import PLACEHOLDERS
from tests.conftest import FIXTURES

TODAY = ["--today", "2026-11-24"]

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
        f"registry/events/{NAME}:15:13: error: people[1].status: unknown value 'Pjs.' "
        "(did you mean 'pjs'?); write one of: definitif, pj, pjs, plt, plh",
        f"registry/events/{NAME}:17:10: error: participants.count: must be at least 0; "
        "leave it out if unknown",
    ]
    assert out.err == "2 error(s) in 1 file(s)\n"


def test_check_github_format(registry_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    put(registry_dir, NAME, BASE.replace(b"status: pjs", b"status: Pjs."))
    assert main(["check", "--format", "github", "--today", "2026-11-24"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"::error file=registry/events/{NAME},line=15,col=13,title=people[1].status::"
        "people[1].status: unknown value 'Pjs.' (did you mean 'pjs'?); "
        "write one of: definitif, pj, pjs, plt, plh"
    ]


TITLED = BASE.replace(b"name: Yohanes Budiman", b"name: Drs. Yohanes Budiman")
WARNING = (
    "people[1].name: 'Drs.' looks like an academic or religious title; names are written "
    "without them (and title is for the office): write name: Yohanes Budiman"
)


def test_a_warning_is_printed_and_the_record_accepted(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(registry_dir, NAME, TITLED)
    assert main(["check", *TODAY]) == 0
    out = capsys.readouterr()
    assert out.out == f"registry/events/{NAME}:13:11: warning: {WARNING}\n"
    assert out.err == "ok: 1 record(s) valid\n"


def test_warnings_beside_errors_are_counted_apart(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    put(registry_dir, NAME, TITLED.replace(b"status: pjs", b"status: Pjs."))
    assert main(["check", "--format", "github", *TODAY]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines()[0] == (
        f"::warning file=registry/events/{NAME},line=13,col=11,title=people[1].name::{WARNING}"
    )
    assert out.out.splitlines()[1].startswith("::error ")
    assert out.err == "1 error(s) in 1 file(s) and 1 warning(s)\n"


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
    assert len(lines) == 1 and lines[0].startswith(f"registry/events/{new.name}:6:10: error:")


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


def test_new_infers_the_one_election_the_date_fits(registry_dir: Path) -> None:
    assert main(["new", "--region", "61.07", "--date", "2020-10-20", *TODAY]) == 0
    text = (registry_dir / "events" / NAME).read_text(encoding="utf-8")
    assert "schema_version: 2\n" in text
    assert "elections:\n  - pilkada-2020\n" in text
    assert "people:\n  - roles: [presiding]" in text
    assert 'value: "2020-10-20"' in text


@pytest.mark.parametrize(
    ("when", "why", "known"),
    [
        (
            "2023-07-18",
            "the date fits 2 elections (pemilu-2024, pilkada-2024)",
            "pemilu-2024, pilkada-2024",
        ),
        ("unknown", "the date is unknown", "pemilu-2024, pilkada-2020, pilkada-2024"),
        (
            "2025-01",
            "no election is held on or within two years after the date",
            "pemilu-2024, pilkada-2020, pilkada-2024",
        ),
    ],
)
def test_new_asks_for_the_election_when_the_date_does_not_settle_it(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], when: str, why: str, known: str
) -> None:
    assert main(["new", "--region", "32.73", "--date", when, *TODAY]) == 1
    out = capsys.readouterr()
    assert out.out == (
        f"error: --election: {why}; name the one the event concerns with --election ID "
        f"(repeatable); known: {known}\n"
    )
    assert out.err == "1 error(s)\n"
    assert list((registry_dir / "events").iterdir()) == []


def test_new_takes_repeated_elections(registry_dir: Path) -> None:
    argv = ["new", "--region", "32.73", "--date", "2023-07-18", *TODAY]
    assert main([*argv, "--election", "pemilu-2024", "--election", "pilkada-2024"]) == 0
    text = (registry_dir / "events" / "kota-bandung-2023-07-18.yml").read_text(encoding="utf-8")
    assert "elections:\n  - pemilu-2024\n  - pilkada-2024\n" in text


def test_new_unknown_election_names_the_closest(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["new", "--region", "32.73", "--date", "2023-07-18", "--election", "pilkada 2024"]
    assert main(argv) == 1
    assert capsys.readouterr().out == (
        "error: --election: unknown election 'pilkada 2024' (did you mean 'pilkada-2024'?); "
        "known: pemilu-2024, pilkada-2020, pilkada-2024\n"
    )


def test_command_line_errors_have_no_made_up_position(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "--region", "Bolsel", "--date", "2024-09-30"]) == 1
    assert capsys.readouterr().out == (
        "error: --region: unknown region 'Bolsel'; give a code or a name from "
        "registry/regions.csv, e.g. 61.07\n"
    )
    assert main(["new", "--region", "Bengkayan", "--date", "30-09-2024", "--format", "github"]) == 1
    assert capsys.readouterr().out == (
        "::error title=--region::--region: unknown region 'Bengkayan' (did you mean \"61.07\" "
        "for Kabupaten Bengkayang?); give a code or a name from registry/regions.csv, e.g. 61.07\n"
    )
    assert main(["new", "--region", "Kab. Bengkayang", "--date", "30-09-2024"]) == 1
    assert capsys.readouterr().out == (
        "error: --date: '30-09-2024' is not YYYY-MM-DD, YYYY-MM, YYYY or unknown\n"
    )


def test_migrate_rewrites_old_records_in_place(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = (FIXTURES / "invalid" / "schema_version_missing.yml").read_bytes()
    path = put(registry_dir, NAME, old)
    assert main(["check", *TODAY]) == 1
    capsys.readouterr()
    assert main(["migrate"]) == 0
    assert capsys.readouterr().out == (
        f"registry/events/{NAME}: added schema_version: 2; official became the first item "
        "of people, with roles: [presiding]\n"
    )
    assert path.read_bytes() == BASE
    assert main(["migrate", str(path)]) == 0
    assert capsys.readouterr().out == (
        f"registry/events/{NAME}: already in the current shape, unchanged\n"
    )
    assert main(["check", *TODAY]) == 0
