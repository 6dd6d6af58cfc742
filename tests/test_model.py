"""The model: frozen records with the indexes every page type needs, newest first."""

from __future__ import annotations

from pathlib import Path

from generator import model, validate
from tests.conftest import FIXTURES, TODAY, make_registry


def registry(tmp: Path) -> model.Registry:
    events = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    checked, diags = validate.check(make_registry(tmp, events), None, TODAY)
    assert diags == []
    return model.build(checked, {"kab-bengkayang-2020-10-20.yml": "2026-11-20"})


def test_events_newest_first_and_indexed(tmp_path: Path) -> None:
    reg = registry(tmp_path)
    keys = [e.date.value or "" for e in reg.events]  # unknown dates last
    assert keys == sorted(keys, reverse=True)
    assert [e.id for e in reg.by_region["61.07"]] == ["kab-bengkayang-2020-10-20"]
    assert {e.id for e in reg.by_province["61"]} == {"kab-bengkayang-2020-10-20"}
    in_2020 = {e.id for e in reg.by_election["pilkada-2020"]}
    assert in_2020 == {"kab-bengkayang-2020-10-20", "prov-kepulauan-riau-2020-10-19"}


def test_acting_officials_and_last_change_dates(tmp_path: Path) -> None:
    reg = registry(tmp_path)
    by_id = {e.id: e for e in reg.events}
    assert by_id["kab-bengkayang-2020-10-20"].official.acting
    assert by_id["kab-bengkayang-2020-10-20"].updated == "2026-11-20"
    assert reg.schema["properties"]["region"]
    assert [r.code for r in reg.children(reg.regions["61"])] == ["61.07"]
