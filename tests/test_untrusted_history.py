"""Hostile git history: commit messages, old blobs and paths are untrusted data.

Each test builds a throw-away repository (fixed identities and dates, as
test_history does) holding what an attacker could commit, then checks and
builds it: no traceback, no forged entry, no blob parsed beyond the record rules.
"""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import history, write, yaml12
from tests.conftest import FIXTURES, TODAY, git, make_registry
from tests.test_history import CONFIG, EVENT, NAME, build

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}]\n"
    for i in range(8)
)
"""Nine levels of nine aliases: 9**9 items once constructed, under 600 bytes as text."""


def commit_file(root: Path, message: bytes, day: str) -> None:
    """Commit what is staged with a message given as bytes, any bytes at all: the object
    is written by hand, as an attacker's tooling would (git commit refuses a NUL)."""
    tree = git(root, "write-tree").strip()
    parent = git(root, "rev-parse", "HEAD").strip()
    who = f"Penyunting <penyunting@example.org> {1793527200 + (int(day) - 1) * 86400} +0000"
    head = f"tree {tree}\nparent {parent}\nauthor {who}\ncommitter {who}\n\n".encode()
    result = subprocess.run(
        ["git", "hash-object", "-t", "commit", "-w", "--stdin", "--literally"],
        cwd=root,
        input=head + message,
        capture_output=True,
        check=True,
    )
    git(root, "update-ref", "HEAD", result.stdout.decode().strip())


def repo_with(root: Path, messages: list[bytes], edit: bool = True) -> Path:
    """A registry with the fixture record, then one commit per message (each a change)."""
    registry = make_registry(root)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Data rujukan")
    text = (FIXTURES / "records" / NAME).read_text(encoding="utf-8")
    (registry / "events" / NAME).write_text(text, encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Tambah catatan", "-m", "Alasan: Tambah catatan", day="02")
    for i, message in enumerate(messages):
        if edit:
            text = text.replace("precision: approximate", "precision: exact")
            text = text.replace("Teks yang sama", f"Teks yang sama {i}")
            (registry / "events" / NAME).write_text(text, encoding="utf-8")
            git(root, "add", ".")
        commit_file(root, message, day=f"{3 + i:02d}")
    return registry


def event_json(pages: dict[str, str]) -> dict:
    return json.loads(pages[f"data/peristiwa/{EVENT}.json"])


def test_separators_in_a_message_break_nothing(tmp_path: Path) -> None:
    message = b"Koreksi\x1eX\n\nAlasan: Koreksi\x1eX\x1fnot-a-number\x1f\x1d tanggal\n"
    registry = repo_with(tmp_path, [message])
    pages = build(tmp_path, registry, tmp_path / "docs")
    record = event_json(pages)
    assert [h["class"] for h in record["history"]] == ["correction", "addition"]
    assert record["history"][0]["why"] == "Koreksi X not-a-number tanggal"
    ET.fromstring(pages["koreksi/feed.xml"])  # well-formed


def test_a_message_cannot_forge_a_commit_date_or_reason(tmp_path: Path) -> None:
    forged = (
        b"Perjelas catatan\n\n\x1e" + b"0" * 40 + b"\x1f946684800\x1f2000-01-01\x1f"
        b"Disetujui KASN (dokumen resmi)\x1f\x1d%x00\n\n"
        b"Alasan: Perjelas catatan\n"
        b"Reason: Clarified note\n"
    )
    registry = repo_with(tmp_path, [forged])
    pages = build(tmp_path, registry, tmp_path / "docs")
    record = event_json(pages)
    real = git(tmp_path, "log", "-1", "--format=%H").strip()
    assert record["history"][0]["commit"] == real[:7]
    assert [h["why"] for h in record["history"]] == ["Perjelas catatan", "Tambah catatan"]
    assert record["history"][0]["why_en"] == "Clarified note"
    text = "".join(pages.values())
    assert "0000000" not in text and "2000-01-01" not in text and "Disetujui KASN" not in text


def test_merge_on_the_second_parent_is_read_too(tmp_path: Path) -> None:
    registry = repo_with(tmp_path, [])
    git(tmp_path, "checkout", "-q", "-b", "cabang")
    path = registry / "events" / NAME
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    git(tmp_path, "add", ".")
    commit_file(tmp_path, b"Rapikan\x1e\x1f12\x1fx", day="04")
    git(tmp_path, "checkout", "-q", "main")
    merge = (
        b"Merge pull request #7 from orang/cabang\n\nRapikan berkas\n\n"
        b"Alasan: Rapikan \x1e\x1f\xe2\x80\xae\x07 berkas\n"
    )
    (tmp_path / ".git" / "MERGE").write_bytes(merge)
    git(
        tmp_path,
        "merge",
        "-q",
        "--no-ff",
        "-F",
        str(tmp_path / ".git" / "MERGE"),
        "cabang",
        day="05",
    )
    pages = build(tmp_path, registry, tmp_path / "docs")
    assert event_json(pages)["history"][0]["why"] == "Rapikan berkas (#7)"


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Merge pull request #", "", ""),
        ("Merge pull request #x from a/b", "Judul", "Judul"),
        ("Merge pull request #3 from a/b", "\u2028\u202e\n\x00Judul\u200b baru", "Judul baru (#3)"),
        ("Judul", "a\u0085b\u2029c\x7fd\x9be", "a b c d e"),
        ("Judul", "\u200b\u202e \x00", ""),
        ("Judul", "x" * 400, "x" * 299 + "…"),
    ],
)
def test_reasons_are_one_clean_line(subject: str, body: str, expected: str) -> None:
    assert history.reason(subject, body) == expected


def test_log_entries_with_bad_fields_are_skipped() -> None:
    token = "t0"
    good = "a" * 40
    meta = ":100644 100644 " + "1" * 40 + " " + "2" * 40 + " M"
    out = "".join(
        f"\0{token}C{commit}{token}F{time}{token}F{day}{token}Fs{token}Fa{token}Fb{token}E"
        f"\0\n{meta}\0events/{NAME}\0"
        for commit, time, day in [
            ("0" * 7, "1", "2026-11-01"),
            (good, "12x", "2026-11-01"),
            (good, "1", "2026-13-01"),
            (good, "9" * 13, "2026-11-01"),
            (good, "253402300800", "2026-11-01"),
            (good, "\u0661", "2026-11-01"),
            (good, "1", "2026-11-01"),
        ]
    )
    touches = history.parse_log(out, "registry/", token)
    assert [t.version.commit for t in touches[f"events/{NAME}"]] == [good]
    bad_meta = out.replace(" M\0", " Q\0")
    assert history.parse_log(bad_meta, "", token) == {}


@pytest.mark.parametrize(
    "path",
    [
        "events/.catatan.yml",
        "events/...yml",
        "events/x.yaml",
        "events/x",
        "events/sub/x.yml",
        "events/X.yml",
        "lain/x.yml",
        "schema/event.schema.json",
        "catatan.yml",
    ],
)
def test_only_record_and_reference_paths_have_history(path: str) -> None:
    assert not history.is_history_path(path)


def test_record_and_reference_paths_have_history() -> None:
    assert history.is_history_path(f"events/{NAME}")
    assert history.is_history_path("regions.csv")
    assert history.is_history_path("elections.yml")


def test_alias_bomb_in_a_hidden_file_of_history_is_never_parsed(tmp_path: Path) -> None:
    registry = repo_with(tmp_path, [])
    hidden = registry / "events" / ".catatan.yml"
    for day in ("03", "04"):
        hidden.write_text(BOMB + f"# {day}\n", encoding="utf-8")
        git(tmp_path, "add", ".")
        git(tmp_path, "commit", "-q", "-m", "Catatan", day=day)
    hidden.unlink()
    git(tmp_path, "commit", "-qam", "Hapus", day="05")
    log = history.read_log(registry)
    assert set(log.touches) == {
        f"events/{NAME}",
        "elections.yml",
        "clauses.yml",
        "legal-bases.yml",
        "regions.csv",
        "wording.yml",
    }
    pages = build(tmp_path, registry, tmp_path / "docs")
    assert [h["class"] for h in event_json(pages)["history"]] == ["addition"]


def test_unreadable_old_versions_are_warnings_naming_their_commit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = repo_with(tmp_path, [])
    path = registry / "events" / NAME
    good = path.read_text(encoding="utf-8")
    versions = [BOMB, "x" * (70 * 1024), "a: [\n", "- list\n", "date: [1, 2]\nnotes: {a: b}\n"]
    for i, text in enumerate(versions):
        path.write_text(text, encoding="utf-8")
        git(
            tmp_path, "commit", "-qam", f"Rusak {i}", "-m", f"Alasan: Rusak {i}", day=f"{3 + i:02d}"
        )
    path.write_text(good.replace("Teks yang sama", "Teks serupa"), encoding="utf-8")
    git(tmp_path, "commit", "-qam", "Perjelas", "-m", "Alasan: Perjelas", day="09")
    ids = git(tmp_path, "log", "--format=%h %cs", "--abbrev=7").splitlines()
    pages = build(tmp_path, registry, tmp_path / "docs")
    record = event_json(pages)
    assert [(h["class"], h["why"]) for h in record["history"]] == [
        ("clarification", "Perjelas"),
        ("addition", "Tambah catatan"),
    ]
    err = capsys.readouterr().err.splitlines()
    warned = [line for line in err if "cannot be read as a record" in line]
    assert sorted(warned) == sorted(
        f"warning: registry/events/{NAME} at commit {short} ({day}) cannot be read as a "
        "record (too large, not YAML, aliases or not a mapping); its history skips that version"
        for short, day in (line.split() for line in ids[1:6])
    )


def test_large_blobs_are_skipped_without_being_held(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    big = tmp_path / "big"
    big.write_bytes(b"a: 1\n" * 200_000)
    small = tmp_path / "small"
    small.write_bytes(b"a: 1\n")
    shas = [git(tmp_path, "hash-object", "-w", str(p)).strip() for p in (big, small)]
    log = history.GitLog({}, cwd=tmp_path)
    assert history.read_blobs(log, shas) == {shas[0]: None, shas[1]: "a: 1\n"}


@pytest.mark.parametrize(
    "text",
    [BOMB, "a: &x 1\n", "a: *x\n", "[" * 100 + "]" * 100, "a: 1\na: 2\n", "? [a]\n: b\n", "\x07"],
)
def test_safe_value_refuses(text: str) -> None:
    assert yaml12.safe_value(text) is None


def test_safe_value_reads_yaml_1_2_core() -> None:
    value = yaml12.safe_value("a: yes\nb: 2024-10-07\nc: 0o17\nd: ~\ne: '1'\nf: 61.07\n")
    assert value == {"a": "yes", "b": "2024-10-07", "c": 15, "d": None, "e": "1", "f": 61.07}


def test_check_stays_quiet_about_history_it_does_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = repo_with(tmp_path, [b"\x1e\x1f\x1f\x1f\x1d"])
    monkeypatch.chdir(tmp_path)
    assert write.check_only(Path("registry"), None, TODAY) == 1
    result = subprocess.run(
        ["git", "log", "--format=%s", "-1"], cwd=registry, capture_output=True, check=True
    )
    assert result.stdout.startswith(b"\x1e")
