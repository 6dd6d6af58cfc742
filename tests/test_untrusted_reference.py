"""Hostile reference data: elections.yml, regions.csv and the other reference files
arrive by pull request like records, so they meet the same loader (no anchors or
aliases, size cap, strict UTF-8), lengths, patterns and control-character rules,
each problem a located line, never a KeyError or "File name too long" in the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.__main__ import main
from tests.conftest import TODAY

ALIAS = """- &x
  id: pilkada-2020
  name: Pilkada Serentak 2020
  kind: pilkada
  voting_date: 2020-12-09
  source: https://example.org/pilkada-2020
- *x
"""


def check(capsys: pytest.CaptureFixture[str], command: str = "check") -> list[str]:
    assert main([command, "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return out.out.splitlines()


def edit(name: str, old: str, new: str) -> None:
    path = Path("registry") / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="")


def test_an_alias_in_elections_is_refused_by_check_and_build(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (registry_dir / "elections.yml").write_text(ALIAS, encoding="utf-8")
    expected = [
        "registry/elections.yml:1:3: error: YAML anchors (&name) are not allowed; "
        "write each value out in full",
        "registry/elections.yml:7:3: error: YAML aliases (*name) are not allowed; "
        "write the value out in full",
    ]
    assert check(capsys) == expected
    assert check(capsys, "build") == expected


def test_a_long_election_id_is_refused(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit("elections.yml", "id: pilkada-2024", "id: pilkada-" + "x" * 299)
    assert check(capsys, "build") == [
        "registry/elections.yml:12:7: error: [3].id: is 307 characters long; at most 40 are allowed"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "name: Pemilu 2024",
            'name: "Pemilu\\x1b[31m 2024"',
            "registry/elections.yml:8:9: "
            "error: [2].name: contains control character U+001B; delete it",
        ),
        (
            "source: https://example.org/pemilu-2024",
            "source: http://127.0.0.1/pemilu",
            "registry/elections.yml:11:11: error: [2].source: 'http://127.0.0.1/pemilu' is not a "
            "usable web address: its host 127.0.0.1 is an IP address; link to the site by its name",
        ),
        (
            "source: https://example.org/pemilu-2024",
            "source: javascript:alert(1)",
            "registry/elections.yml:11:11: error: [2].source: 'javascript:alert(1)' is not valid: "
            "write an address starting with https:// or http://",
        ),
    ],
)
def test_election_text_and_sources_meet_record_rules(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: str
) -> None:
    edit("elections.yml", old, new)
    assert check(capsys) == [line]


def test_a_large_reference_file_is_refused(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = registry_dir / "legal-bases.yml"
    path.write_bytes(path.read_bytes() + b"#" * 70_000 + b"\n")
    size = path.stat().st_size
    assert check(capsys) == [
        f"registry/legal-bases.yml:1:1: error: file is {size} bytes; a record may be at "
        "most 65536 bytes"
    ]


REGION = "11.17,kabupaten,Kabupaten Bener Meriah,11,kab-bener-meriah,"


@pytest.mark.parametrize(
    ("new", "line"),
    [
        (
            '11.17,kabupaten,"Kabupaten\r\nTY  - JOUR",11,kab-bener-meriah,',
            "registry/regions.csv:3:1: error: name: name contains character U+000D "
            "(control character); delete it",
        ),
        (
            "11.17,kabupaten,Kabupaten Bener\x7fMeriah,11,kab-bener-meriah,",
            "registry/regions.csv:3:1: error: name: name contains character U+007F "
            "(control character); delete it",
        ),
        (
            "11.17,kabupaten,Kabupaten \u202eBener Meriah,11,kab-bener-meriah,",
            "registry/regions.csv:3:1: error: name: name contains character U+202E "
            "(right-to-left override); delete it",
        ),
        (
            "11.17,kabupaten,Kabupaten Bener Meriah\u2028,11,kab-bener-meriah,",
            "registry/regions.csv:3:1: error: name: name contains character U+2028 "
            "(line separator); delete it",
        ),
        (
            "11.17,kabupaten," + "K" * 101 + ",11,kab-bener-meriah,",
            "registry/regions.csv:3:1: error: name: name is 101 characters long; "
            "at most 100 are allowed",
        ),
        (
            "11.17,kabupaten, Kabupaten Bener Meriah,11,kab-bener-meriah,",
            "registry/regions.csv:3:1: error: name: name 'Kabupaten Bener Meriah' has "
            "spaces around it; delete them",
        ),
        (
            REGION + "Bener;\x1bMeriah",
            "registry/regions.csv:3:1: error: aliases: alias contains character U+001B "
            "(control character); delete it",
        ),
        (
            "11.17,kabupaten,Kabupaten Bener Meriah,11,kab-" + "b" * 60 + ",",
            "registry/regions.csv:3:1: error: slug: slug is 64 characters long; "
            "at most 60 are allowed",
        ),
        (
            REGION + ",extra",
            "registry/regions.csv:3:1: error: row has 7 fields; the header has 6",
        ),
        (
            "11.17,kabupaten,Kabupaten Bener Meriah,11",
            "registry/regions.csv:3:1: error: row has 4 fields; the header has 6",
        ),
        (
            '11.17,kabupaten,"Kabupaten" Bener,11,kab-bener-meriah,',
            "registry/regions.csv:3:1: error: CSV syntax: ',' expected after '\"'",
        ),
    ],
)
def test_region_rows_meet_record_rules(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], new: str, line: str
) -> None:
    lines = (registry_dir / "regions.csv").read_text(encoding="utf-8").split("\n")
    at = next(i for i, row in enumerate(lines) if row.startswith("11.17,"))
    lines[at] = new
    (registry_dir / "regions.csv").write_text("\n".join(lines), encoding="utf-8", newline="")
    assert check(capsys) == [line]


def test_a_region_list_that_is_not_utf8_is_located(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = registry_dir / "regions.csv"
    path.write_bytes(path.read_bytes().replace(b"Bener Meriah,11", b"Bener M\xe9riah,11", 1))
    assert check(capsys) == [
        "registry/regions.csv:3:34: error: file is not UTF-8 (byte 0xe9); save it as UTF-8 "
        "(in most editors: Save with Encoding -> UTF-8)"
    ]


def test_a_slot_pattern_with_nested_repetition_is_refused(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        "clauses.yml", "pattern: ^(pemerintah|pemprov|pemkab|pemkot|pemda)$", "pattern: ^([a-z]+)*$"
    )
    assert check(capsys) == [
        "registry/clauses.yml:1:1: error: pattern: slot 'pemerintah': '([a-z]+)*' repeats a "
        "group that repeats itself, which can take exponential time on a long word; write it "
        "without nesting"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "voting_date: 2024-02-14",
            "voting_date: 2024-02-30",
            "registry/elections.yml:10:16: error: [2].voting_date: '2024-02-30' is not a real date",
        ),
        (
            "voting_date: 2024-02-14",
            "voting_date: 0001-01-01",
            "registry/elections.yml:10:16: error: [2].voting_date: '0001-01-01' is not between "
            "1900 and 2100",
        ),
    ],
)
def test_reference_dates_are_real_days(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, line: str
) -> None:
    edit("elections.yml", old, new)
    assert check(capsys, "build") == [line]


@pytest.mark.parametrize("name", ["elections.yaml", "pemilu.yml", "wilayah.csv", "x.json"])
def test_a_data_file_the_registry_does_not_read_is_an_error(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (registry_dir / name).write_text("- id: x\n", encoding="utf-8")
    assert check(capsys) == [
        f"registry/{name}:1:1: error: is not a file the registry reads: reference data is "
        "clauses.yml, elections.yml, legal-bases.yml, regions.csv, wording.yml"
    ]


def test_links_anywhere_in_the_registry_are_errors(
    registry_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (registry_dir / "CATATAN.md").symlink_to("/etc/passwd")
    (registry_dir / "schema" / "lain.json").symlink_to("/etc/passwd")
    link = "is a symbolic link; the registry holds only regular files (copy the file in)"
    assert check(capsys) == [
        f"registry/CATATAN.md:1:1: error: {link}",
        f"registry/schema/lain.json:1:1: error: {link}",
    ]
    (registry_dir / "CATATAN.md").unlink()
    (registry_dir / "schema" / "lain.json").unlink()
    (registry_dir / "schema").rename(tmp_path / "skema")
    (registry_dir / "schema").symlink_to(tmp_path / "skema")
    assert check(capsys) == [f"registry/schema:1:1: error: {link}"]
