"""Every check the validator makes, one invalid fixture each, asserting the exact output.

tests/fixtures/invalid/FIELD_REASON.yml is placed in a fresh registry as
registry/events/kab-bengkayang-2020-10-20.yml, or under the name its first line
gives as `# file: NAME` (duplicate_* fixtures go beside
a valid copy of tests/fixtures/base.yml). expected.txt lists, per fixture, the
exact diagnostic lines a contributor sees: it is the catalogue of messages.
"""

from __future__ import annotations

import os
import tempfile
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
    if checked is not None:  # a record with warnings only is accepted: name-title fixtures
        assert checked.warnings and diags == []
        return [d.text() for d in checked.warnings]
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
    monkeypatch.setattr(validate, "cores", lambda: 2)
    serial = validate.check_event_files(paths, reference, TODAY, parallel_from=len(paths) + 1)
    parallel = validate.check_event_files(paths, reference, TODAY, parallel_from=0)
    assert parallel == serial
    assert sum(record is not None for record, _ in serial) == 1
    assert sum(len(found) for _, found in serial) > len(paths) // 2


BASE = (FIXTURES / "base.yml").read_text(encoding="utf-8")


def check_text(tmp: Path, text: str, name: str = BASE_NAME) -> list[str]:
    """Check one record text in a fresh fixture registry under tmp (one per call)."""
    tmp = Path(tempfile.mkdtemp(dir=tmp))
    os.chdir(tmp)
    registry = make_registry(tmp, {name: text.encode()})
    _, diags = validate.check(registry, None, TODAY)
    return [d.text() for d in diags]


@pytest.mark.parametrize(
    ("precision", "value", "flagged"),
    [
        ("exact", "2020-12-09", False),  # the voting day itself
        ("exact", "2020-12-10", True),
        ("reported", "2020-12-15", False),  # on or before the report: may be before voting
        ("approximate", "2020-12-12", False),  # three days either side
        ("approximate", "2020-12-13", True),
        ("month", "2020-12", False),
        ("year", "2021", True),
        ("exact", "2018-12-09", False),  # exactly two years before
        ("exact", "2018-12-08", True),
        ("month", "2018-12", False),  # its last day is within two years
        ("year", "2017", True),
    ],
)
def test_plausibility_reads_the_date_by_its_precision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, precision: str, value: str, flagged: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    text = BASE.replace(
        "  precision: reported\n  value: 2020-10-20",
        f'  precision: {precision}\n  value: "{value}"',
    )
    lines = check_text(tmp_path, text)
    assert bool(lines) == flagged, lines
    assert all("voting day of pilkada-2020" in line for line in lines)


def test_elections_note_explains_an_implausible_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = BASE.replace("  - pilkada-2020\n", "  - pilkada-2024\n")
    assert len(check_text(tmp_path, text)) == 1
    noted = text.replace(
        "event_types:", "elections_note: Sumber menyebutnya persiapan Pilkada 2024.\nevent_types:"
    )
    assert check_text(tmp_path, noted) == []


def test_joint_event_of_a_province_and_its_regencies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A governor's event where every bupati signs: heads fit their own region's level."""
    monkeypatch.chdir(tmp_path)
    text = (
        BASE.replace("id: kab-bengkayang-2020-10-20", "id: prov-kalimantan-barat-2020-10-20")
        .replace('region: "61.07"', 'region: "61"\nparticipating_regions: ["61.*", "62.11"]')
        .replace("    office: Bupati\n", "    office: Gubernur\n")
        .replace(
            "participants:",
            "  - roles: [signing]\n    office: Bupati\n    status: definitif\n"
            '    region: "61.07"\n'
            "  - roles: [signing]\n    group: bupati dan wali kota se-Kalimantan Barat\n"
            "    count: 14\n"
            "  - roles: [witnessing]\n    office: Wakil Bupati\n    status: definitif\n"
            '    region: "62.11"\n'
            "participants:",
        )
    )
    assert check_text(tmp_path, text, "prov-kalimantan-barat-2020-10-20.yml") == []
    wrong = text.replace('    region: "61.07"\n', '    region: "61"\n', 1)
    assert check_text(tmp_path, wrong, "prov-kalimantan-barat-2020-10-20.yml") == [
        "registry/events/prov-kalimantan-barat-2020-10-20.yml:18:13: error: people[2].office: "
        "Bupati heads a kabupaten, but Kalimantan Barat is a provinsi; write Gubernur or "
        "Wakil Gubernur, or set this person's region"
    ]


def test_unknown_dates_are_never_implausible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = BASE.replace("  precision: reported\n  value: 2020-10-20", "  precision: unknown")
    assert check_text(tmp_path, text.replace("pilkada-2020", "pilkada-2024", 1)) == []


DISTINCT = (
    "distinct_from:\n  id: kab-bengkayang-2020-10-20\n"
    "  note: Deklarasi sore di kantor KPU dengan peserta lain; apel pagi di alun-alun.\n"
)


def _two_events(tmp: Path, second: str) -> list[str]:
    name = BASE_NAME.replace(".yml", "-2.yml")
    text = BASE.replace("id: kab-bengkayang-2020-10-20\n", "id: kab-bengkayang-2020-10-20-2\n")
    registry = make_registry(tmp, {BASE_NAME: BASE.encode(), name: (text + second).encode()})
    return [d.text() for d in validate.check(registry, None, TODAY)[1]]


def test_a_second_event_of_the_day_declared_distinct(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shape 2.1: distinct_from with a note makes a second event of one region and day
    valid; without it the same day is still a clash (the same event twice)."""
    monkeypatch.chdir(tmp_path)
    assert _two_events(tmp_path, DISTINCT) == []
    assert len(_two_events(tmp_path / "again", "")) == 2


def test_numbered_events_distinct_from_one_event_are_distinct(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A third event of the day (-3) names the first, as the second (-2) does."""
    monkeypatch.chdir(tmp_path)
    third = BASE.replace("id: kab-bengkayang-2020-10-20\n", "id: kab-bengkayang-2020-10-20-3\n")
    second = BASE.replace("id: kab-bengkayang-2020-10-20\n", "id: kab-bengkayang-2020-10-20-2\n")
    events = {
        BASE_NAME: BASE.encode(),
        "kab-bengkayang-2020-10-20-2.yml": (second + DISTINCT).encode(),
        "kab-bengkayang-2020-10-20-3.yml": (third + DISTINCT).encode(),
    }
    registry = make_registry(tmp_path, events)
    assert validate.check(registry, None, TODAY)[1] == []


def test_contests_with_a_pilkada(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = BASE.replace("event_types:", "contests: [bupati]\nevent_types:")
    assert check_text(tmp_path, text) == []
