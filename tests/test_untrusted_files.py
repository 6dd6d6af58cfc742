"""Hostile file system: links, odd names and kinds of file in the registry and docs/.

A pull request can add any file: a link to /etc/passwd, a record under a second
extension, a hidden file, a folder named like a record. Each is an error naming
its path; nothing outside the repository is read, quoted or published.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import write
from generator.__main__ import main
from tests.conftest import FIXTURES, TODAY

NAME = "kab-bengkayang-2020-10-20.yml"
RECORD = (FIXTURES / "base.yml").read_bytes()
LINK = "is a symbolic link; the registry holds only regular files (copy the file in)"
SECRET = "root:x:0:0:rahasia"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["check", "--today", TODAY.isoformat(), *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return status, out.out.splitlines()


@pytest.fixture
def events(registry_dir: Path) -> Path:
    folder = registry_dir / "events"
    (folder / NAME).write_bytes(RECORD)
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    return outside / "passwd"


def test_a_record_linked_to_a_secret_is_refused_unread(
    events: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (events / "kab-sambas-2020-10-20.yml").symlink_to(secret)
    status, lines = check(capsys)
    assert status == 1
    assert lines == [f"registry/events/kab-sambas-2020-10-20.yml:1:1: error: {LINK}"]
    assert SECRET not in "".join(lines)
    _, named = check(capsys, "registry/events/kab-sambas-2020-10-20.yml")
    assert named == lines
    status, lines = check(capsys, "--format", "github")
    assert lines == [
        "::error file=registry/events/kab-sambas-2020-10-20.yml,line=1,col=1,"
        f"title=registry::{LINK}"
    ]


def test_a_link_to_a_valid_record_outside_is_not_published(
    events: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-rekaman"
    outside.mkdir()
    other = RECORD.replace(b"2020-10-20", b"2020-10-21")
    (outside / "kab-bengkayang-2020-10-21.yml").write_bytes(other)
    (events / "kab-bengkayang-2020-10-21.yml").symlink_to(outside / "kab-bengkayang-2020-10-21.yml")
    with pytest.raises(write.GeneratorError) as err:
        write.generate(Path("registry"), Path("docs"), TODAY)
    assert [d.text() for d in err.value.diagnostics] == [
        f"registry/events/kab-bengkayang-2020-10-21.yml:1:1: error: {LINK}"
    ]
    assert not Path("docs").exists() or not any(Path("docs").iterdir())


def test_a_linked_events_folder_is_refused(
    registry_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path.parent / f"{tmp_path.name}-events"
    (registry_dir / "events").rename(elsewhere)
    (registry_dir / "events").symlink_to(elsewhere)
    _status, lines = check(capsys)
    assert lines == [f"registry/events:1:1: error: {LINK}"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "kab-bengkayang-2020-10-20.yaml",
            "is not a record file: records are named ID.yml; "
            "rename it to kab-bengkayang-2020-10-20.yml",
        ),
        (
            "kab-bengkayang-2020-10-20",
            "is not a record file: records are named ID.yml; "
            "rename it to kab-bengkayang-2020-10-20.yml",
        ),
        (
            ".kab-bengkayang-2020-10-20.yml",
            "is a hidden file; registry/events/ holds only record files named ID.yml "
            "(lowercase letters, digits and hyphens), so delete or rename it",
        ),
        (
            "...yml",
            "is a hidden file; registry/events/ holds only record files named ID.yml "
            "(lowercase letters, digits and hyphens), so delete or rename it",
        ),
        (
            "Kab-Bengkayang.yml",
            "file name is not a record id: name it ID.yml with lowercase letters, digits "
            "and single hyphens, at most 80 characters before .yml",
        ),
        (
            "a" * 81 + ".yml",
            "file name is not a record id: name it ID.yml with lowercase letters, digits "
            "and single hyphens, at most 80 characters before .yml",
        ),
    ],
)
def test_every_other_file_in_events_is_an_error(
    events: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    (events / name).write_bytes(RECORD)
    status, lines = check(capsys)
    assert status == 1
    assert lines == [f"registry/events/{name}:1:1: error: {message}"]


def test_a_folder_named_like_a_record_is_an_error(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (events / "kab-sambas-2020-10-20.yml").mkdir()
    _status, lines = check(capsys)
    assert lines == [
        "registry/events/kab-sambas-2020-10-20.yml:1:1: error: is a folder; "
        "registry/events/ holds only record files named ID.yml"
    ]


def test_a_fifo_is_an_error_and_never_blocks(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(events / "kab-sambas-2020-10-20.yml")
    status, lines = check(capsys)
    assert lines == [
        "registry/events/kab-sambas-2020-10-20.yml:1:1: error: is not a regular file; "
        "registry/events/ holds only record files named ID.yml"
    ]
    status, lines = check(capsys, "registry/events/kab-sambas-2020-10-20.yml")
    assert status == 1


def test_a_named_file_outside_cannot_reuse_an_id(
    events: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / NAME
    copy.write_bytes(RECORD)
    _status, lines = check(capsys, str(copy))
    assert lines == [
        f"{NAME}:1:1: error: id: id 'kab-bengkayang-2020-10-20' is already used by "
        f"registry/events/{NAME}; ids are unique across the registry"
    ]


@pytest.mark.parametrize("name", ["elections.yml", "regions.csv", "clauses.yml", "wording.yml"])
def test_a_linked_reference_file_is_refused_unread(
    events: Path, secret: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = Path("registry") / name
    target.unlink()
    target.symlink_to(secret)
    status, lines = check(capsys)
    assert status == 1
    assert lines == [f"registry/{name}:1:1: error: {LINK}"]


def test_a_linked_schema_is_refused(
    events: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = Path("registry/schema/elections.schema.json")
    target.unlink()
    target.symlink_to(secret)
    _status, lines = check(capsys)
    assert lines == [f"registry/schema/elections.schema.json:1:1: error: {LINK}"]


def test_a_link_under_docs_stops_the_build_before_mkdocs(
    events: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assets = Path("docs/assets")
    assets.mkdir(parents=True)
    (assets / "passwd.txt").symlink_to(secret)
    (Path("docs") / "tautan").symlink_to(secret.parent, target_is_directory=True)
    status = main(["build", "--today", TODAY.isoformat()])
    out = capsys.readouterr()
    assert status == 1
    rule = (
        "is a symbolic link; docs/ holds only regular files and folders "
        "(mkdocs would publish the link's target)"
    )
    assert out.out.splitlines() == [
        f"docs/assets/passwd.txt:1:1: error: {rule}",
        f"docs/tautan:1:1: error: {rule}",
    ]
    assert SECRET not in out.out + out.err


def test_a_docs_file_name_with_a_control_character_is_refused(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("docs").mkdir()
    (Path("docs") / "catatan\x1b\u2028.md").write_text("# x\n")
    assert main(["build", "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/catatan\\u001B\\u2028.md:1:1: error: file name holds a control or invisible "
        "character; rename it"
    ]


def test_a_link_inside_the_registry_is_named_as_itself(
    events: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (events / "kab-sambas-2020-10-20.yml").symlink_to(events / NAME)
    _, lines = check(capsys)
    assert lines == [f"registry/events/kab-sambas-2020-10-20.yml:1:1: error: {LINK}"]
