"""The rules of record shape 2.1 (registry/SCHEMA-VERSIONS.md) a schema cannot say.

Split from rules.py so each module stays small. A candidate stands in a known
election; contests name the races of a pilkada, so they need one among the
event's elections; a second event of one region and day (distinct_from) takes the
other's id with a number. The rule between files (the other record exists, on the
same day in the same region) is in validate.check_across. No I/O.
"""

from __future__ import annotations

import re
from typing import Any

from .reference import Reference

DISTINCT_SUFFIX = re.compile(r"-([0-9]+)")


def check_shape21(err: Any, value: dict, ref: Reference, unknown: Any) -> None:
    """Candidates, contests and the id of a distinct event; `err` is a rules.Sink and
    `unknown` rules.unknown (passed in: rules imports this module)."""
    for i, person in enumerate(value.get("people", [])):
        for j, election in enumerate(person.get("candidate", [])):
            if election not in ref.elections:
                err(("people", i, "candidate", j), unknown("election", election, ref))
    _check_contests(err, value, ref)
    _check_distinct_id(err, value)


def _check_contests(err: Any, value: dict, ref: Reference) -> None:
    if "contests" not in value:
        return
    kinds = {ref.elections[e]["kind"] for e in value.get("elections", []) if e in ref.elections}
    if "pilkada" not in kinds:
        err(
            ("contests",),
            "contests name the races of a pilkada, but elections lists no pilkada; "
            "add the pilkada to elections or delete contests",
        )


def _check_distinct_id(err: Any, value: dict) -> None:
    other = value.get("distinct_from", {}).get("id")
    ident = value.get("id")
    if other is None or ident is None:
        return
    number = DISTINCT_SUFFIX.fullmatch(ident[len(other) :]) if ident.startswith(other) else None
    if number is None or int(number.group(1)) < 2:
        err(
            ("id",),
            f"a second event on the day of {other} takes its id with a number: "
            f"write id: {other}-2 (-3 for a third) and rename the file to match",
        )
