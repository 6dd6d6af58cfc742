"""Days before voting day (H-n) from the date bounds of generator/dates.py, and their labels."""

from __future__ import annotations

from datetime import date

import pytest

from generator import dates
from generator.claims import ElectionTiming as Timing
from generator.model import Election
from generator.render import days_label

D = date.fromisoformat


@pytest.mark.parametrize(
    ("precision", "value", "first", "last"),
    [
        ("exact", "2024-10-07", D("2024-10-07"), D("2024-10-07")),
        ("reported", "2020-10-20", None, D("2020-10-20")),
        ("approximate", "2020-10-19", D("2020-10-16"), D("2020-10-22")),
        ("month", "2024-02", D("2024-02-01"), D("2024-02-29")),
        ("month", "2023-12", D("2023-12-01"), D("2023-12-31")),
        ("year", "2024", D("2024-01-01"), D("2024-12-31")),
        ("unknown", "", None, None),
    ],
)
def test_bounds_follow_precision(precision: str, value: str, first, last) -> None:
    assert dates.earliest(value, precision) == first
    assert dates.latest(value, precision) == last


def test_days_before_voting_day() -> None:
    voting = D("2024-11-27")
    assert dates.days_before(voting, "2024-10-07", "exact") == (51, 51)
    assert dates.days_before(voting, "2024-10", "month") == (27, 57)
    assert dates.days_before(voting, "2024-10-07", "reported") == (51, None)
    assert dates.days_before(voting, "", "unknown") == (None, None)
    assert dates.days_before(voting, "2024-11-30", "exact") == (-3, -3)


ELECTION = Election("pilkada-2024", "Pilkada 2024", "pilkada", D("2024-11-27"), "", "")


@pytest.mark.parametrize(
    ("fewest", "most", "label"),
    [
        (51, 51, "H-51"),
        (40, 45, "H-45…H-40"),
        (51, None, "H-51 atau lebih awal"),
        (-3, -3, "H+3"),
        (None, None, ""),
    ],
)
def test_h_n_labels(fewest, most, label: str) -> None:
    assert days_label(Timing(ELECTION, fewest, most)) == label
