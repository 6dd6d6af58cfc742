"""A record's date as a range: the earliest and latest day it can have been.

A record states a date with a precision (exact, reported, approximate, month,
year, unknown). Checks that compare dates (an event after its election's voting
day) and pages that sort or filter by date need the same reading of that
precision, so it lives here once:

- exact: that day.
- reported: the day it was reported; the event was on or before it, so there
  is no earliest day (None) and the latest is that day.
- approximate: derived from a relative phrase, so three days either side.
- month: the first to the last day of the month; year: 1 January to 31 December.
- unknown (or a value that is not a real date): no bound at all (None).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

APPROXIMATE_DAYS = 3


def _parts(value: str | None) -> list[int] | None:
    try:
        return [int(part) for part in (value or "").split("-")]
    except ValueError:
        return None


def earliest(value: str | None, precision: str) -> date | None:
    """The first day the event can have taken place; None when open or unknown."""
    return _bound(value, precision, first=True)


def latest(value: str | None, precision: str) -> date | None:
    """The last day the event can have taken place; None when unknown."""
    return _bound(value, precision, first=False)


def _bound(value: str | None, precision: str, first: bool) -> date | None:
    parts = _parts(value)
    if not parts or precision == "unknown" or (precision == "reported" and first):
        return None
    try:
        if precision == "year" and len(parts) == 1:
            return date(parts[0], 1, 1) if first else date(parts[0], 12, 31)
        if precision == "month" and len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1 if first else last)
        if len(parts) != 3 or precision not in ("exact", "reported", "approximate"):
            return None
        day = date(*parts)
    except ValueError:
        return None
    if precision == "approximate":
        shift = timedelta(days=APPROXIMATE_DAYS)
        try:
            return day - shift if first else day + shift
        except OverflowError:
            return day
    return day


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def days_before(voting: date, value: str | None, precision: str) -> tuple[int | None, int | None]:
    """Days from an event to voting day ("H-n"), as (fewest, most); None where open or
    unknown. The fewest comes from the latest possible day, the most from the earliest;
    a negative count means after voting day. Tables, pages and downloads show these."""
    first, last = earliest(value, precision), latest(value, precision)
    fewest = (voting - last).days if last else None
    most = (voting - first).days if first else None
    return fewest, most
