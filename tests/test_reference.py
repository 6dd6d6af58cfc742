"""Reference files that steer the wording comparison are checked like the others:
wording.yml against its schema, and every {slot} a template marks must be defined."""

from __future__ import annotations

from pathlib import Path

from generator import reference
from tests.conftest import make_registry


def messages(registry: Path) -> list[str]:
    found, diags = reference.check_reference(registry)
    assert found is None
    return [f"{d.path.rsplit('/', 1)[-1]}:{d.line}: {d.key}: {d.message}" for d in diags]


def test_the_fixture_reference_loads_wording_and_slots(tmp_path: Path) -> None:
    found, diags = reference.check_reference(make_registry(tmp_path))
    assert diags == [] and found is not None
    assert [r["id"] for r in found.wording["rules"]][:2] == ["case", "punctuation"]
    assert {s["id"] for s in found.clause_slots} == {"pemilihan", "pemerintah"}


def test_an_unknown_rule_is_reported_at_its_line(tmp_path: Path) -> None:
    registry = make_registry(tmp_path)
    path = registry / "wording.yml"
    path.write_text(path.read_text().replace("id: case", "id: kapital", 1))
    [message] = messages(registry)
    assert message.startswith("wording.yml:") and "kapital" in message


def test_a_spelling_without_source_is_reported(tmp_path: Path) -> None:
    registry = make_registry(tmp_path)
    path = registry / "wording.yml"
    text = path.read_text()
    path.write_text(
        text.replace("    source: https://kbbi.kemdikbud.go.id/entri/apa%20pun\n", "", 1)
    )
    assert any("source" in m for m in messages(registry))


def test_a_template_marking_an_unknown_slot_is_reported(tmp_path: Path) -> None:
    registry = make_registry(tmp_path)
    path = registry / "clauses.yml"
    path.write_text(path.read_text().replace("{pemilihan}", "{pemilu}"))
    assert messages(registry) == [
        "clauses.yml:1: text: clause 'ikrar-netralitas-asn-1' marks unknown slot '{pemilu}'"
        " (known: pemerintah, pemilihan)"
    ]


def test_a_slot_pattern_that_does_not_compile_is_reported(tmp_path: Path) -> None:
    registry = make_registry(tmp_path)
    path = registry / "clauses.yml"
    path.write_text(path.read_text().replace("pattern: ^(pemerintah|", "pattern: ^((pemerintah|"))
    [message] = messages(registry)
    assert message.startswith("clauses.yml:1: pattern: slot 'pemerintah':")


def test_a_template_period_must_be_real_days_in_order(tmp_path: Path) -> None:
    registry = make_registry(tmp_path)
    path = registry / "clauses.yml"
    text = path.read_text()
    path.write_text(text.replace("used_until: 2025-12-31", "used_until: 2019-02-29"))
    assert messages(registry) == [
        "clauses.yml:1: used_until: text 'ikrar-netralitas-asn': '2019-02-29' is not a real date"
    ]
    path.write_text(text.replace("used_until: 2025-12-31", "used_until: 2015-10-14"))
    assert messages(registry) == [
        "clauses.yml:1: used_until: text 'ikrar-netralitas-asn': used_from is after used_until"
    ]


def test_every_live_template_has_its_period() -> None:
    """Each text of registry/clauses.yml says when it was in use (set from the records
    that follow it), so the checker can refuse it on an event outside that period."""
    from tests.conftest import ROOT

    found, diags = reference.check_reference(ROOT / "registry")
    assert found is not None, diags
    assert all(found.clause_period(c) != (None, None) for c in found.clause_ids())
