"""Region codes and names as contributors write them -> the code meant. No I/O.

Split from rules.py: the same lookups serve the checker's messages (the closest
code, a name where a code belongs) and the `new` command (a region by name).
"""

from __future__ import annotations

import re

from .reference import Reference
from .schema import closest, suggest

NAME_CUTOFF = 0.8
"""How alike a misspelt region name must be to suggest it (Bengkayan -> Bengkayang)."""


def unknown_region(code: str, ref: Reference) -> str:
    """Say why a well-formed code is unknown, the closest codes, and where to look."""
    province = ref.regions.get(code[:2])
    if province is None:
        return f"no province has code '{code[:2]}'; see registry/regions.csv for codes"
    same = [c for c, r in ref.regions.items() if r["province_code"] == code[:2]]
    return (
        f"no region has code '{code}' in {province['name']} (province {code[:2]})"
        f"{suggest(code, same)}; see registry/regions.csv for the codes"
    )


def region_hint(text: str, ref: Reference) -> str:
    """For a name (or a near-miss code) where a code belongs, the code to write instead."""
    code = find_region(text, ref)
    return f' (did you mean "{code}" for {ref.regions[code]["name"]}?)' if code else ""


def find_region(text: str, ref: Reference) -> str | None:
    """A region code for a code, a name or alias, or the closest name; None if nothing fits."""
    if text in ref.regions:
        return text
    names: dict[str, str] = {}
    for code, region in ref.regions.items():
        for name in [region["name"], *region["aliases"].split(";")]:
            if name:
                names.setdefault(normalize_name(name), code)
    wanted = normalize_name(text)
    if wanted in names:
        return names[wanted]
    if wanted and not wanted[0].isdigit():
        near = closest(wanted, list(names), cutoff=NAME_CUTOFF)
        return names[near[0]] if near else None
    padded = re.sub(r"^([0-9]{2})\.?([0-9])$", r"\1.0\2", text.strip())  # 61.7 -> 61.07
    if padded in ref.regions:
        return padded
    near_codes = closest(text, list(ref.regions))
    return near_codes[0] if near_codes else None


def normalize_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
