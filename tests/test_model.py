"""The model: frozen records with the indexes every page type needs, newest first."""

from __future__ import annotations

from pathlib import Path

from generator import claims, model, validate
from tests.conftest import FIXTURES, TODAY, make_registry


def registry(tmp: Path) -> model.Registry:
    events = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    checked, diags = validate.check(make_registry(tmp, events), None, TODAY)
    assert diags == []
    return model.build(checked, {"kab-bengkayang-2020-10-20.yml": "2026-11-20"})


def test_events_newest_first_and_indexed(tmp_path: Path) -> None:
    reg = registry(tmp_path)
    keys = [e.date.sort_key for e in reg.events]  # latest possible day; unknown dates last
    assert keys == sorted(keys, reverse=True) and keys[-1] == ""
    # Bengkayang hosted one event and took part in its province's joint event ("61.*")
    joint = "prov-kalimantan-barat-2024-09-10"
    assert [e.id for e in reg.by_region["61.07"]] == [joint, "kab-bengkayang-2020-10-20"]
    assert {e.id for e in reg.by_province["61"]} == {joint, "kab-bengkayang-2020-10-20"}
    kalbar = next(e for e in reg.events if e.id == joint)
    assert [r.code for r in kalbar.participating] == ["61.07"] and kalbar.joint
    in_2020 = {e.id for e in reg.by_election["pilkada-2020"]}
    assert in_2020 == {"kab-bengkayang-2020-10-20", "prov-kepulauan-riau-2020-10-19"}


def test_acting_officials_and_last_change_dates(tmp_path: Path) -> None:
    reg = registry(tmp_path)
    by_id = {e.id: e for e in reg.events}
    seed = by_id["kab-bengkayang-2020-10-20"]
    assert claims.derive_all(reg)[seed.id].presiding.acting
    assert by_id["kab-bengkayang-2020-10-20"].updated == "2026-11-20"
    assert reg.schema["properties"]["region"]
    assert [r.code for r in reg.children(reg.regions["61"])] == ["61.07"]


def test_values_templates_read_as_data(tmp_path: Path) -> None:
    """What templates once called methods for (children(), .isoformat()), as attributes."""
    reg = registry(tmp_path)
    assert reg.children_of == {p.code: reg.children(p) for p in reg.provinces}
    assert reg.regencies == [r for r in reg.regions.values() if not r.is_province]
    assert {len(reg.provinces), len(reg.regencies)} != {0}
    for el in reg.elections.values():
        assert el.voting_date_iso == el.voting_date.isoformat()
    for basis in reg.legal_bases.values():
        assert basis.date_iso == (basis.date.isoformat() if basis.date else "")


def test_people_by_role(tmp_path: Path) -> None:
    """Who presided, who read the pledge, who signed as a group: each its own fact."""
    reg = registry(tmp_path)
    e = {e.id: e for e in reg.events}["kab-pulang-pisau-2024-10"]
    said = claims.derive_all(reg)[e.id]
    assert (said.presiding.name, said.presiding.status) == ("Fiktif Penjabat", "pj")
    reader = said.readers[0]
    assert (reader.name, reader.office, reader.status) == (
        "Fiktif Sekda",
        "Sekretaris Daerah",
        "plh",
    )
    signers = [p for p in e.people if p.is_group]
    assert [(p.group, p.count, p.roles) for p in signers] == [
        ("perwakilan guru ASN", 7, ("signing",))
    ]
    assert (e.organizer, e.venue) == (
        "Dinas Pendidikan",
        "Halaman Kantor Dinas Pendidikan Pulang Pisau",
    )
    assert [b.kind for b in e.bodies] == ["polri"] and not e.joint
