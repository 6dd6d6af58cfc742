"""Figures for the statistics, map, coverage and data pages: counts, bar charts, the
province tile map and the field table of the record schema. Models in, plain data
out (templates draw the SVG); no I/O.

Split from exports.py so each module stays small: exports turns records into
downloads, this turns the registry into numbers and shapes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from . import messages
from .claims import LEADER_GROUPS, EventClaims
from .model import Event, Registry

# Chart titles, row labels and field-table words (messages/id.yml, `figures`).
WORDS: Mapping[str, Any] = messages.section("figures")

# Tile cartogram: one square per province (Kemendagri code), roughly where it lies.
GRID = """
11 .. .. .. 65 .. .. 75 71 82 .. ..
12 14 21 61 64 .. 76 72 .. 96 92 91
13 15 19 62 63 .. 73 74 81 .. 94 95
17 16 18 .. .. .. .. .. .. .. .. 93
.. .. 36 31 32 33 35 51 52 53 .. ..
.. .. .. .. .. 34 .. .. .. .. .. ..
"""
TILE, SPLIT = 60, 6  # tile pitch; provinces GRID lacks go in rows of SPLIT below it
SHORT_NAMES = """11:Aceh 12:Sumut 13:Sumbar 14:Riau 15:Jambi 16:Sumsel 17:Bengkulu 18:Lampung
19:Babel 21:Kepri 31:DKI 32:Jabar 33:Jateng 34:DIY 35:Jatim 36:Banten 51:Bali 52:NTB 53:NTT
61:Kalbar 62:Kalteng 63:Kalsel 64:Kaltim 65:Kaltara 71:Sulut 72:Sulteng 73:Sulsel 74:Sultra
75:Gorontalo 76:Sulbar 81:Maluku 82:Malut 91:Papua 92:Pabar 93:Pasel 94:Papteng 95:Papeg 96:PBD"""
SHORT = dict(item.split(":") for item in SHORT_NAMES.split())
SHADES = (("#eeeeee", "#1a1a1a"), ("#fcbba1", "#1a1a1a"), ("#fb6a4a", "#1a1a1a"))
SHADES += (("#cb181d", "#ffffff"), ("#67000d", "#ffffff"))
Row = tuple[str, int, str]  # a bar: label, count, link relative to the site root ("" for none)


def statistics(
    registry: Registry, status: dict[str, tuple[str, str]], said: dict[str, EventClaims]
) -> dict[str, Any]:
    """Counts behind the statistics page, each as a bar chart whose rows also fill its
    table; every share names its denominator (`total` of each chart). Who presided and
    what changed come from claims.py, never recounted here."""
    events = registry.events
    claims = [said[e.id] for e in events]
    provinces = sorted(
        (
            (p.name, len(registry.by_province.get(p.code, ())), f"wilayah/{p.slug}/")
            for p in registry.provinces
        ),
        key=lambda row: (-row[1], row[0]),
    )
    elections = [
        (x.name, len(registry.by_election.get(x.id, ())), f"pemilu/{x.id}/")
        for x in registry.elections.values()
    ]
    heads = [c.presiding_head for c in claims if c.presiding_head is not None]
    clauses = _clause_rows(claims)
    compared = [e for e in events if e.compared]
    kinds = Counter(ch.klass for c in claims for ch in c.changes)
    province_rows = [p for p in provinces if p[1]]
    return {
        "total": len(events),
        "heads": len(heads),
        "acting_heads": sum(1 for p in heads if p.acting),
        "clause_total": sum(row[1] for row in clauses),
        "changes": kinds["isi"],
        "change_classes": [(k, kinds[k]) for k in ("urutan", "salah-ketik", "sinonim")],
        "changed_clauses": sum(1 for c in claims for k in c.clause_kinds if k == "changed"),
        "compared_events": len(compared),
        "following": sum(1 for e in compared if said[e.id].follows_template),
        "paraphrases": sum(1 for e in events for c in e.clauses if c.kind == "paraphrase"),
        "covered_provinces": sum(1 for p in provinces if p[1]),
        # Events a regional head or deputy standing in their election led or attended.
        "incumbent_candidate_events": sum(1 for c in claims if c.incumbent_candidates),
        "elections": bar_chart("pemilu", WORDS["elections"], elections, len(events)),
        "years": bar_chart("tahun", WORDS["years"], _year_rows(events)),
        "provinces": bar_chart("provinsi", WORDS["provinces"], province_rows, len(events)),
        "leaders": bar_chart("memimpin", WORDS["leaders"], _leader_rows(claims), len(events)),
        "officials": bar_chart("pejabat", WORDS["officials"], _head_rows(heads, status)),
        "clauses": bar_chart("klausul", WORDS["clauses"], clauses),
        "timing": [
            bar_chart(f"h-n-{x.id}", WORDS["timing"].format(name=x.name), rows)
            for x, rows in _timing_rows(registry, said)
        ],
    }


# H-n groups of the statistics page: (label, fewest, most days before voting day).
H_GROUPS = tuple(zip(WORDS["h_groups"], (0, 8, 31, 91, 181), (7, 30, 90, 180, None), strict=True))


def _h_group(fewest: int | None, most: int | None) -> str:
    """The group both bounds fall in; a range across groups is counted as imprecise."""
    if fewest is None:
        return WORDS["no_date"]
    if fewest < 0 and (most is not None and most < 0):
        return WORDS["after_voting"]
    for label, low, high in H_GROUPS:
        fits_low = low <= fewest and (high is None or fewest <= high)
        fits_high = most is not None and low <= most and (high is None or most <= high)
        if fits_low and (fits_high or (most is None and high is None)):
            return label
    return WORDS["wide_range"]


def _timing_rows(registry: Registry, said: dict[str, EventClaims]) -> list[tuple[Any, list[Row]]]:
    """Per election with events: how many took place how long before voting day."""
    out = []
    order = [g[0] for g in H_GROUPS] + [
        WORDS["after_voting"],
        WORDS["wide_range"],
        WORDS["no_date"],
    ]
    for x in registry.elections.values():
        events = registry.by_election.get(x.id, ())
        if not events:
            continue
        counts = Counter(
            _h_group(t.fewest, t.most)
            for e in events
            for t in said[e.id].timings
            if t.election is x
        )
        out.append((x, [(label, counts[label], "") for label in order if counts[label]]))
    return out


def _year_rows(events: tuple[Event, ...]) -> list[Row]:
    """Every year from the first to the last, gaps included, so the bars read as a timeline."""
    years = Counter(e.date.year for e in events)
    known = [y for y in years if y]
    rows = [(str(y), years[y], "") for y in range(min(known), max(known) + 1)] if known else []
    return rows + ([(WORDS["no_date"], years[None], "")] if years[None] else [])


def _leader_rows(claims: list[EventClaims]) -> list[Row]:
    """Events by the office of whoever presided: kepala daerah, sekretaris daerah, other
    (another official, a group or a body), or not recorded (claims.leader_group)."""
    counts = Counter(c.leader_group for c in claims)
    return [(WORDS["leader_groups"][g], counts[g], "") for g in LEADER_GROUPS if counts[g]]


def _head_rows(heads: list[Any], status: dict[str, tuple[str, str]]) -> list[Row]:
    """Kepala daerah who presided, by status: definitive or acting (Pj, Pjs, Plt, Plh)."""
    counts = Counter(p.status for p in heads)
    rows = [
        (WORDS["official"].format(full=full, short=short), counts[s], "")
        for s, (short, full) in status.items()
    ]
    return [r for r in rows if r[1]]


CLAUSE_KINDS: Mapping[str, str] = WORDS["clause_kinds"]


def _clause_rows(claims: list[EventClaims]) -> list[Row]:
    """Clauses by comparison class (claims.clause_kind); filled slots count as same."""
    counts = Counter(k for c in claims for k in c.clause_kinds)
    return [(label, counts[key], "") for key, label in CLAUSE_KINDS.items() if counts[key]]


def clause_changes(events: tuple[Event, ...], said: dict[str, EventClaims]) -> list[dict[str, Any]]:
    """Every classified wording change, newest event first: which event changed which
    clause, how, and of which class (changes.py). One list for the changes page and
    clause-changes.csv, so both always agree; only class isi is a change of content."""
    return [
        {
            "event": e,
            "clause": ch.clause,
            "kind": ch.kind,
            "class": ch.klass,
            "text": ch.text,
            "was": ch.was,
        }
        for e in events
        for ch in said[e.id].changes
    ]


def bar_chart(ident: str, title: str, rows: list[Row], total: int = 0) -> dict[str, Any]:
    """Horizontal bars, label above each bar, in a 320-wide viewBox that a phone shows at
    about 1:1, so the labels stay as large as the text around them.

    Shares are of `total` when given (an event counted under two elections), else of
    the sum of the rows."""
    width, row_h, room = 320, 46, 104
    total = total or sum(v for _, v, _ in rows)
    top = max([v for _, v, _ in rows] + [1])
    bars = []
    for i, (label, value, href) in enumerate(rows):
        w = round((width - room) * value / top, 1)
        bars.append(
            {
                "label": label,
                "value": value,
                "share": round(100 * value / total) if total else 0,
                "href": href,
                "y": i * row_h,
                # As text: engines print floats differently (MiniJinja writes 72.0 as 72).
                "w": str(w),
                "value_x": str(w + 6),
            }
        )
    height = len(rows) * row_h
    return {
        "id": ident,
        "title": title,
        "width": width,
        "height": height,
        "rows": bars,
        "total": total,
    }


def tile_map(registry: Registry) -> dict[str, Any]:
    """Tiles, shades and legend of the province cartogram, 12 tiles across. Narrower
    screens get the same tiles as lists by island group (island_groups): a map folded
    to fit a phone loses the west-to-east order it exists to show."""
    cells = _cells(registry)
    spots = {code: (col * TILE, row * TILE) for code, (col, row) in cells.items()}
    counts = {p.code: len(registry.by_province.get(p.code, ())) for p in registry.provinces}
    legend = shade_bins(max(counts.values(), default=0))
    tiles = [
        {
            "region": p,
            "short": SHORT.get(p.code, p.name[:9]),
            "count": counts[p.code],
            "x": spots[p.code][0],
            "y": spots[p.code][1],
            "fill": next(b for b in legend if b["lo"] <= counts[p.code] <= b["hi"]),
        }
        for p in sorted(registry.provinces, key=lambda p: p.code)
    ]
    width = max(x for x, _ in spots.values()) + TILE
    height = max(y for _, y in spots.values()) + TILE
    return {"tiles": tiles, "legend": legend, "width": width, "height": height}


def _cells(registry: Registry) -> dict[str, tuple[int, int]]:
    """Grid cell of every province in GRID, and of any province GRID lacks (in rows below)."""
    cells = {
        code: (col, row)
        for row, line in enumerate(GRID.strip().splitlines())
        for col, code in enumerate(line.split())
        if code != ".."
    }
    extra = [p for p in registry.provinces if p.code not in cells]
    cells.update({p.code: (i % SPLIT, 6 + i // SPLIT) for i, p in enumerate(extra)})
    return cells


def shade_bins(top: int) -> list[dict[str, Any]]:
    """Zero, then up to four equal ranges up to the largest count; darkest is always the top."""
    step = max(1, -(-top // 4))
    ranges = [(lo, min(lo + step - 1, top)) for lo in range(1, top + 1, step)]
    offset = len(SHADES) - 1 - len(ranges)
    bins = [{"lo": 0, "hi": 0, "label": "0", "bg": SHADES[0][0], "fg": SHADES[0][1]}]
    for i, (lo, hi) in enumerate(ranges):
        bg, fg = SHADES[1 + offset + i]
        bins.append({"lo": lo, "hi": hi, "label": f"{lo}–{hi}" if hi > lo else str(lo)})
        bins[-1].update(bg=bg, fg=fg)
    return bins


def coverage(registry: Registry) -> list[dict[str, Any]]:
    """Per province: which regencies and cities have a record, and which do not yet."""
    rows = []
    for p in registry.provinces:
        children = sorted(registry.children(p), key=lambda r: r.name)
        done = [c for c in children if c.code in registry.by_region]
        rows.append(
            {
                "province": p,
                "total": len(children),
                "done": [(c, len(registry.by_region[c.code])) for c in done],
                "missing": [c for c in children if c.code not in registry.by_region],
                "share": round(100 * len(done) / len(children)) if children else 0,
                "own": len(registry.by_region.get(p.code, ())),
            }
        )
    return rows


# Island groups west to east, by the first digits of a province code (Kemendagri
# numbers provinces by island group); the template names them.
ISLAND_GROUPS = (
    ("sumatra", ("1", "21")),
    ("jawa", ("3",)),
    ("kalimantan", ("6",)),
    ("nusa-tenggara", ("5",)),
    ("sulawesi", ("7",)),
    ("maluku", ("8",)),
    ("papua", ("9",)),
)


def island_groups(tiles: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The tile map's tiles as lists by island group, each west to east (then north to
    south): what a phone shows instead of a map too narrow to keep its shape."""
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for key, prefixes in ISLAND_GROUPS:
        members = [t for t in tiles if t["region"].code.startswith(prefixes)]
        members.sort(key=lambda t: (t["x"], t["y"], t["region"].code))
        if members:
            groups.append((key, members))
    return groups
