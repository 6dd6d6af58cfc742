"""Model -> Markdown pages (and the record scaffold) through Jinja templates. No I/O.

Safety rule: a value from a record never lands in Markdown syntax. Templates
put record values only inside HTML blocks, where Jinja's autoescape turns
them into text and Python-Markdown leaves them alone; headings and titles
are built from reference data and fixed words. Links inside HTML blocks are
not rewritten by mkdocs, so every href is computed here as a relative URL,
which keeps the site working under any sub-path.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import jinja2

from . import cite, claims, corrections, exports, gelar, linkcheck, parallel, wording
from .filters import (
    BODY_KINDS,
    DOCUMENTS,
    EVENT_TYPES,
    FIELDS,
    FILTERS,
    LEGAL_TYPES,
    ROLES,
    STATUS,
    bare_words,
    date_phrase,
    date_short,
    days_label,
    days_words,
    field_labels,
    front_matter_value,
    government,
    leader_words,
    lines,
    long_date,
    number,
    roles_label,
    short_date,
    status_label,
    types_label,
)
from .model import Event, Region, Registry
from .wording import one_line

MANIFEST = ".generated"
TEMPLATES = Path(__file__).parent / "templates"

# Rows in one listing table. Beyond this a table is a download, not a page: at
# thousands of records it would weigh megabytes on a phone and dominate build time.
TABLE_LIMIT = 200


def environment() -> jinja2.Environment:
    """One environment for the whole run: templates compile once, not per page."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(enabled_extensions=("md.j2",)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=one_line,
        extensions=[wording.Messages],
    )
    env.filters.update(
        tanggal=long_date,
        tanggal_pendek=short_date,
        waktu=date_phrase,
        waktu_pendek=date_short,
        status=status_label,
        pemimpin=leader_words,
        jenis=types_label,
        angka=number,
        yaml=front_matter_value,
        kata=bare_words,
        lines=lines,
        bidang=field_labels,
        peran=roles_label,
        hari=days_label,
        hari_kata=days_words,
        pemerintah=government,
        nama_orang=gelar.name_html,
        unduhan=cite.downloads,
        highwire=cite.highwire,
        event_jsonld=cite.event_jsonld,
        **wording.MESSAGE_FILTERS,
    )
    env.globals.update(
        **wording.globals_for(),
        STATUS=STATUS,
        LEGAL_TYPES=LEGAL_TYPES,
        TABLE_LIMIT=TABLE_LIMIT,
        BODY_KINDS=BODY_KINDS,
        DOCUMENTS=DOCUMENTS,
        FIELDS=FIELDS,
        ROLES=ROLES,
    )
    return env


def page(env: jinja2.Environment, template: str, depth: int, **context: Any) -> str:
    """Render one page; `root` is the relative prefix from that page to the site root."""
    return env.get_template(template).render(root="../" * depth, **context)


def render_site(
    registry: Registry,
    site: dict[str, str] | None = None,
    sources_report: linkcheck.Report | None = None,
) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/.

    `site` carries site_url and repo_url (from mkdocs.yml) for citations and
    edit links; both may be empty. `sources_report` is the last link check
    (reports/sources.json), None when there is none.
    """
    env = environment()
    env.globals["site"] = {"url": "", "repo_url": "", "report_email": "", **(site or {})}
    env.globals["cites"] = {
        e.id: cite.citation(e, env.globals["site"], long_date, types_label(e.event_types))
        for e in registry.events
    }
    # Every derived statement (who presided, H-n per election, counts, clause states,
    # change classes), computed once; templates print these and derive nothing.
    env.globals["said"] = claims.derive_all(registry)
    r = registry
    out = {
        "index.md": page(env, "home.md.j2", 0, reg=r),
        "peristiwa/index.md": page(env, "events.md.j2", 1, reg=r),
        "wilayah/index.md": page(env, "regions.md.j2", 1, reg=r),
        "pemilu/index.md": page(env, "elections.md.j2", 1, reg=r),
        "dasar-hukum/index.md": page(env, "legal-bases.md.j2", 1, reg=r),
        "bandingkan/index.md": page(env, "compare.md.j2", 1, reg=r, events=r.events),
        "bandingkan/klausul.md": page(env, "compare-clauses.md.j2", 2, reg=r),
        "bandingkan/berdampingan.md": page(env, "side-by-side.md.j2", 2, reg=r),
        "cari/index.md": page(
            env,
            "search.md.j2",
            1,
            reg=r,
            filters=search_filters(r, env.globals["said"]),
            open_filters=False,
        ),
        "cari/wilayah.json": region_finder_data(r),
    }
    out.update(leaf_pages(env, r))
    out.update(region_pages(env, r))
    out.update(exports.render_exports(env, r))
    out.update(corrections.render_corrections(env, r))
    out.update(linkcheck.render_sources(env, r, sources_report))
    return out


def leaf_pages(env: jinja2.Environment, r: Registry) -> dict[str, str]:
    """One page per event, election and national legal basis."""
    event_page = env.get_template("event.md.j2")

    def render_event(e: Event) -> str:
        return event_page.render(root="../../", reg=r, event=e)

    texts = parallel.render_all(render_event, r.events)
    out = {f"peristiwa/{e.id}.md": text for e, text in zip(r.events, texts, strict=True)}
    for el in r.elections.values():
        events = r.by_election.get(el.id, ())
        out[f"pemilu/{el.id}.md"] = page(
            env, "election.md.j2", 2, reg=r, election=el, events=events
        )
    for basis in r.legal_bases.values():
        events = r.by_legal_basis.get(basis.id, ())
        out[f"dasar-hukum/{basis.id}.md"] = page(
            env, "legal-basis.md.j2", 2, reg=r, basis=basis, events=events
        )
    return out


def region_pages(env: jinja2.Environment, r: Registry) -> dict[str, str]:
    """All 552 region pages, each with a prefilled 'add an event' skeleton for GitHub."""
    scaffold = env.get_template("new-record.yml.j2")
    keys = region_keys(r)
    out = {}
    for region in r.regions.values():
        new_record = scaffold.render(
            ident=f"{region.slug}-TAHUN-BULAN-TANGGAL",
            region=region,
            precision="exact",
            value="",
            today="",
            elections=[],
            choices=list(r.elections),
            clause_ids=[],
        )
        events = region_events(r, region)
        out[f"wilayah/{region.slug}.md"] = page(
            env,
            "region.md.j2",
            2,
            reg=r,
            region=region,
            events=events,
            provincial=provincial_events(r, region),
            new_record=new_record,
            keys="|".join(keys[region.code]),
            counts={c.code: len(r.by_region.get(c.code, ())) for c in r.children(region)},
            latest=latest_event(events, region),
            updated=r.updated(events),
        )
    return out


LEVEL_KEY = {"provinsi": "prov", "kabupaten": "kab", "kota": "kota"}


def region_keys(r: Registry) -> dict[str, list[str]]:
    """Finder keys that name exactly one region, per region code.

    A region page carries them as Pagefind metadata, so the search page can see
    that its top hit already is the region the query names ("Kab. Bengkayang" ->
    "kab bengkayang") and skip downloading the region list. A bare name two
    regions share ("bandung": a kabupaten and a kota) is left out, so such a
    query still goes through the finder and lists both.
    """
    bare = {
        code: {finder_key(t) for t in (reg.name, *reg.aliases)} - {""}
        for code, reg in r.regions.items()
    }
    owners: dict[str, int] = {}
    for found in bare.values():
        for key in found:
            owners[key] = owners.get(key, 0) + 1
    return {
        code: sorted(
            {k for k in found if owners[k] == 1}
            | {f"{LEVEL_KEY[r.regions[code].level]} {k}" for k in found}
        )
        for code, found in bare.items()
    }


def search_filters(registry: Registry, said: dict[str, claims.EventClaims]) -> list[dict[str, Any]]:
    """Filter menus of the search page. Values equal the data-pagefind-filter values
    the page templates emit, so choosing one narrows Pagefind's results exactly."""
    events = registry.events
    years = sorted({e.date.year for e in events if e.date.year}, reverse=True)
    presiding = [said[e.id].presiding for e in events]
    statuses = [s for s in STATUS if any(p and p.status == s for p in presiding)]
    kinds = [k for k in EVENT_TYPES if any(k in e.event_types for e in events)]
    return [
        {
            "name": "provinsi",
            "key": "provinsi",
            "label": FILTERS["provinsi"],
            "options": [(p.name, p.name) for p in sorted(registry.provinces, key=lambda p: p.name)],
        },
        {
            "name": "tingkat",
            "key": "tingkat",
            "label": FILTERS["tingkat"],
            "options": [(lv, lv) for lv in ("provinsi", "kabupaten", "kota")],
        },
        {
            "name": "pemilu",
            "key": "pemilu",
            "label": FILTERS["pemilu"],
            "options": [(e.name, e.name) for e in registry.elections.values()],
        },
        {
            "name": "tahun",
            "key": "tahun",
            "label": FILTERS["tahun"],
            "options": [(str(y), str(y)) for y in years],
        },
        {
            "name": "jenis",
            "key": "jenis",
            "label": FILTERS["jenis"],
            "options": [(k, EVENT_TYPES[k]) for k in kinds],
        },
        {
            "name": "status",
            "key": "status pejabat",
            "label": FILTERS["status"],
            "options": [(STATUS[s][0], STATUS[s][0]) for s in statuses],
        },
    ]


def region_finder_data(registry: Registry) -> str:
    """Every region for the search page's region finder and answer card.

    Compact JSON, one row per region: [name, slug, province row, events,
    latest, alias, ...]. `province row` is the index of the province's own row,
    `events` how many events the region's page lists (joint events included; a
    province counts its regencies' too), `latest` "id|label" of the newest one
    or "" (an id that starts with the region's slug is written "~" + the rest).
    Loaded by the search page only, and only when Pagefind's top hit is not
    already the region the query names. Aliases the finder derives itself
    from the name ("Kab. X", "Kabupaten X", bare "X") are left out: it strips
    the same level and noise words (cari.js LEVEL_WORDS, NOISE).
    """
    index = {code: i for i, code in enumerate(registry.regions)}
    rows = []
    for r in registry.regions.values():
        own = finder_key(r.name)
        events = region_events(registry, r)
        rows.append(
            [
                r.name,
                r.slug,
                index[r.province_code],
                len(events),
                short_latest(latest_event(events, r), r.slug),
                *(a for a in r.aliases if finder_key(a) != own),
            ]
        )
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"


def short_latest(latest: str, slug: str) -> str:
    """'kab-tebo-2024-10-24|24 Okt 2024' -> '~2024-10-24|24 Okt 2024' (cari.js expands it)."""
    prefix = slug + "-"
    return "~" + latest[len(prefix) :] if latest.startswith(prefix) else latest


def latest_event(events: tuple[Event, ...], region: Region) -> str:
    """'id|label' of the newest event a region page lists ("" when none), for its answer card.

    The label is the event's short date, with its host region when that is
    another region (a regency's event on its province's card, a joint event).
    """
    if not events:
        return ""
    newest = max(events, key=lambda e: (e.date.value or "", e.id))  # unknown dates: oldest
    label = date_short(newest.date)
    if newest.region.code != region.code:
        label = f"{label}, {newest.region.name}"
    return f"{newest.id}|{label}"


FINDER_DROPS = frozenset(
    {
        *("kabupaten", "kab", "kabupatenn", "kbupaten", "kabupatn"),
        *("kota", "kot", "kotamadya", "kodya", "kotamadia"),
        *("provinsi", "prov", "propinsi", "provinsii", "adm", "administrasi"),
    }
)


def finder_key(text: str) -> str:
    """What the search page's region finder compares: cari.js parse() in Python."""
    plain = unicodedata.normalize("NFD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    words = re.sub(r"[^a-z0-9]+", " ", plain).split()
    return " ".join(w for w in words if w not in FINDER_DROPS)


def region_events(registry: Registry, region: Region) -> tuple[Event, ...]:
    """A province page lists every event in the province; a regency page its own."""
    index = registry.by_province if region.is_province else registry.by_region
    return index.get(region.code, ())


def provincial_events(registry: Registry, region: Region) -> tuple[Event, ...]:
    """Events its province held without this regency or city taking part: shown on the
    regency's page as provincial events, not counted as its own (tentang.md, Cakupan)."""
    if region.is_province:
        return ()
    return tuple(
        e
        for e in registry.by_region.get(region.province_code, ())
        if e.region.code == region.province_code and region not in e.participating
    )
