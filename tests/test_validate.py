"""Every check the validator makes, one invalid fixture each, asserting the exact output.

tests/fixtures/invalid/FIELD_REASON.yml is placed in a fresh registry as
registry/events/kab-bengkayang-2020-10-20.yml, or under the name its first line
gives as `# file: NAME` (duplicate_* fixtures go beside
a valid copy of tests/fixtures/base.yml). expected.txt lists, per fixture, the
exact diagnostic lines a contributor sees: it is the catalogue of messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import validate
from tests.conftest import FIXTURES, TODAY, make_registry

INVALID = FIXTURES / "invalid"
BASE_NAME = "kab-bengkayang-2020-10-20.yml"


def expected() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (INVALID / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, diag = line.split("\t", 1)
            out.setdefault(name, []).append(diag)
    return out


def run_fixture(tmp: Path, name: str) -> list[str]:
    """Check one fixture as a contributor's only new file; return the printed lines."""
    data = (INVALID / f"{name}.yml").read_bytes()
    first = data.split(b"\n", 1)[0]
    target = first[len(b"# file: ") :].decode() if first.startswith(b"# file: ") else BASE_NAME
    events = {target: data}
    if name.startswith("duplicate_"):
        events = {
            BASE_NAME: (FIXTURES / "base.yml").read_bytes(),
            BASE_NAME.replace(".yml", "-2.yml"): data,
        }
    registry = make_registry(tmp, events)
    checked, diags = validate.check(registry, None, TODAY)
    assert checked is None
    return [d.text() for d in diags]


def test_every_fixture_has_expectations() -> None:
    names = {p.stem for p in INVALID.glob("*.yml")}
    assert names == set(expected()), "fixtures and expected.txt disagree"


@pytest.mark.parametrize("name", sorted(expected()))
def test_invalid_fixture(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_fixture(tmp_path, name) == expected()[name]


def test_base_fixture_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    registry = make_registry(tmp_path, {BASE_NAME: (FIXTURES / "base.yml").read_bytes()})
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    assert checked is not None and len(checked.records) == 1


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    big = (FIXTURES / "base.yml").read_bytes() + b"# " + b"x" * 70_000 + b"\n"
    registry = make_registry(tmp_path, {BASE_NAME: big})
    _, diags = validate.check(registry, None, TODAY)
    assert [d.text() for d in diags] == [
        f"registry/events/{BASE_NAME}:1:1: error: file is {len(big)} bytes; "
        "a record may be at most 65536 bytes"
    ]


def test_parallel_check_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Large registries are checked on all cores; records and messages must not change.
    Every invalid fixture plus a valid record, in worker processes and in this one."""
    monkeypatch.chdir(tmp_path)
    events = {f"{p.stem}.yml": p.read_bytes() for p in INVALID.glob("*.yml")}
    events[BASE_NAME] = (FIXTURES / "base.yml").read_bytes()
    registry = make_registry(tmp_path, events)
    reference, diags = validate.check_reference(registry)
    assert reference is not None, diags
    paths = sorted((registry / "events").glob("*.yml"))
    monkeypatch.setattr(validate, "_cores", lambda: 2)
    serial = validate.check_event_files(paths, reference, TODAY, parallel_from=len(paths) + 1)
    parallel = validate.check_event_files(paths, reference, TODAY, parallel_from=0)
    assert parallel == serial
    assert sum(record is not None for record, _ in serial) == 1
    assert sum(len(found) for _, found in serial) > len(paths) // 2
