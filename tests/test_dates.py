"""A record's date as a range of days, by its precision."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import earliest, latest, years_before


@pytest.mark.parametrize(
    ("value", "precision", "first", "last"),
    [
        ("2020-10-20", "exact", date(2020, 10, 20), date(2020, 10, 20)),
        ("2020-10-20", "reported", None, date(2020, 10, 20)),
        ("2020-10-20", "approximate", date(2020, 10, 17), date(2020, 10, 23)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", "month", date(2023, 2, 1), date(2023, 2, 28)),
        ("2020", "year", date(2020, 1, 1), date(2020, 12, 31)),
        (None, "unknown", None, None),
        ("2020-02-30", "exact", None, None),
        ("2020", "exact", None, None),
    ],
)
def test_bounds(value: str | None, precision: str, first: date | None, last: date | None) -> None:
    assert earliest(value, precision) == first
    assert latest(value, precision) == last


def test_years_before_keeps_the_day_or_the_end_of_february() -> None:
    assert years_before(date(2024, 11, 27), 2) == date(2022, 11, 27)
    assert years_before(date(2024, 2, 29), 2) == date(2022, 2, 28)
