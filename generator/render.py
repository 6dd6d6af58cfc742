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
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import cite, corrections, exports, messages, parallel, textdiff, wording
from .model import Event, Region, Registry
from .wording import one_line

MANIFEST = ".generated"
TEMPLATES = Path(__file__).parent / "templates"

# User-visible labels come from the Indonesian catalogue (messages/id.yml); these
# names stay so templates and modules keep one short name per label table.
MONTHS: tuple[str, ...] = tuple(messages.section("months"))
STATUS: Mapping[str, tuple[str, str]] = messages.section("labels.status")
EVENT_TYPES: Mapping[str, str] = messages.section("labels.event_types")
FIELDS: Mapping[str, str] = messages.section("labels.fields")
ROLES: Mapping[str, str] = messages.section("labels.roles")
BODY_KINDS: Mapping[str, str] = messages.section("labels.body_kinds")
DOCUMENTS: Mapping[str, str] = messages.section("labels.documents")
LEGAL_TYPES: Mapping[str, str] = messages.section("labels.legal_types")
WORDS: Mapping[str, str] = messages.section("words")
DATES: Mapping[str, str] = messages.section("dates")
FILTERS: Mapping[str, str] = messages.section("filters")


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
        jenis=types_label,
        angka=number,
        yaml=front_matter_value,
        kata=bare_words,
        lines=lines,
        bidang=field_labels,
        peran=roles_label,
        hari=days_label,
        pemerintah=government,
    )
    env.globals.update(
        **wording.globals_for(),
        STATUS=STATUS,
        LEGAL_TYPES=LEGAL_TYPES,
        TABLE_LIMIT=TABLE_LIMIT,
        BODY_KINDS=BODY_KINDS,
        DOCUMENTS=DOCUMENTS,
        missing_texts=missing_texts,
        FIELDS=FIELDS,
        ROLES=ROLES,
    )
    return env


def front_matter_value(value: str) -> Markup:
    """A YAML scalar for front matter: JSON is valid YAML and quotes everything.

    Marked safe because HTML-escaping would corrupt the YAML; titles come from
    reference data and fixed words, and the theme overrides escape them again.
    """
    return Markup(json.dumps(value, ensure_ascii=False))


def field_labels(keys: tuple[str, ...]) -> str:
    """Record field names in Indonesian, for "this source supports ..."."""
    return WORDS["list"].join(FIELDS[k] for k in keys)


def roles_label(roles: tuple[str, ...]) -> str:
    """('presiding', 'speaking') -> 'memimpin dan memberi sambutan'."""
    return word_list([ROLES[r] for r in roles])


def word_list(names: list[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b dan c', with the catalogue's list words."""
    if len(names) == 1:
        return names[0]
    return WORDS["list"].join(names[:-1]) + WORDS["and"] + names[-1]


def government(region: Region) -> str:
    """The regional government that holds an event: 'Pemerintah Kabupaten Bengkayang',
    'Pemerintah Provinsi Kalimantan Barat' (province names carry no level word)."""
    return WORDS["government_province" if region.is_province else "government"].format(
        name=region.name
    )


# Event types whose text a source may quote, and the document that text belongs to.
TYPE_DOCUMENT = {"ikrar": "ikrar", "pakta-integritas": "pakta-integritas", "deklarasi": "deklarasi"}


def missing_texts(event: Event) -> list[str]:
    """Documents the event's types promise but no clause quotes: an ikrar event without
    ikrar clauses, a pakta-integritas event without the pact's text. Each is said on the
    page in its own words, so a pakta-only event never reads "no pledge text"."""
    present = {c.document for c in event.clauses}
    wanted = [TYPE_DOCUMENT[t] for t in event.event_types if t in TYPE_DOCUMENT]
    if not wanted and not event.clauses:
        wanted = ["ikrar"]
    return [d for d in dict.fromkeys(wanted) if d not in present]


def long_date(value: str | date) -> str:
    """'2020-10-20' -> '20 Oktober 2020'; partial dates keep what they have."""
    text = value.isoformat() if isinstance(value, date) else value
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def short_date(value: str | date) -> str:
    """'2020-10-20' -> '20 Okt 2020', for table cells."""
    words = long_date(value).split(" ")
    return " ".join(w[:3] if w in MONTHS else w for w in words)


def date_phrase(when: Any) -> str:
    """The date of an event with its precision, in words (event pages)."""
    if when.precision == "unknown":
        return DATES["unknown"]
    day = long_date(when.value)
    return day if when.precision == "exact" else DATES[when.precision].format(day=day)


def date_short(when: Any) -> str:
    """The same, short, for table cells."""
    if when.precision == "unknown":
        return DATES["unknown_short"]
    day = short_date(when.value)
    return {"reported": f"≤ {day}", "approximate": f"± {day}"}.get(when.precision, day)


def h_day(days: int) -> str:
    """Days before voting as newsrooms write it: H-45; H+2 after voting day; H-0 on it."""
    return f"H+{-days}" if days < 0 else f"H-{days}"


def days_label(timing: Any) -> str:
    """H-n of an event, a range for imprecise dates (H-45…H-40), or "" if unknown."""
    if timing is None or not timing.known:
        return ""
    if timing.most is None:
        return DATES["h_earlier"].format(h=h_day(timing.fewest))
    if timing.fewest is None or timing.exact:
        return h_day(timing.most)
    return f"{h_day(timing.most)}…{h_day(timing.fewest)}"


def status_label(status: str, long: bool = False) -> str:
    short, full = STATUS[status]
    return full if long else short


def types_label(types: tuple[str, ...]) -> str:
    return word_list([EVENT_TYPES[t] for t in types])


def number(value: int) -> str:
    """Indonesian thousands separator: 3983 -> '3.983'."""
    return f"{value:,}".replace(",", ".")


def lines(text: str) -> list[str]:
    """Non-empty lines of a multi-line value, so templates never emit blank lines in HTML."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def bare_words(text: str) -> str:
    """Words quoted in a summary ('apapun' for 'apapun.'): edge punctuation belongs
    to the sentence the words were cut from, not to the words."""
    return textdiff.EDGES.sub("", text)


def page(env: jinja2.Environment, template: str, depth: int, **context: Any) -> str:
    """Render one page; `root` is the relative prefix from that page to the site root."""
    return env.get_template(template).render(root="../" * depth, **context)


def render_site(registry: Registry, site: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/.

    `site` carries site_url and repo_url (from mkdocs.yml) for citations and
    edit links; both may be empty.
    """
    env = environment()
    env.globals["site"] = {"url": "", "repo_url": "", **(site or {})}
    env.globals["kutip"] = {
        "highwire": cite.highwire,
        "event_jsonld": cite.event_jsonld,
        "unduhan": cite.downloads,
    }
    env.globals["cites"] = {
        e.id: cite.citation(e, env.globals["site"], long_date, types_label(e.event_types))
        for e in registry.events
    }
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
            env, "search.md.j2", 1, reg=r, filters=search_filters(r), open_filters=False
        ),
        "cari/wilayah.json": region_finder_data(r),
    }
    out.update(leaf_pages(env, r))
    out.update(region_pages(env, r))
    out.update(exports.render_exports(env, r))
    out.update(corrections.render_corrections(env, r))
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
            latest=latest_event(events, region),
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


def search_filters(registry: Registry) -> list[dict[str, Any]]:
    """Filter menus of the search page. Values equal the data-pagefind-filter values
    the page templates emit, so choosing one narrows Pagefind's results exactly."""
    events = registry.events
    years = sorted({e.date.year for e in events if e.date.year}, reverse=True)
    statuses = [s for s in STATUS if any(e.official and e.official.status == s for e in events)]
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
