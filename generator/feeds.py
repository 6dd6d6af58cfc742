"""Atom feeds: the whole site, and one per province, regency or city and election, so a
desk can follow its own region or race. Each page names its own feed in
<link rel="alternate"> (front matter `feed`, read by overrides/main.html).

Entries are ordered by when their record last changed, then by the event's latest
possible day (dates.py), undated last; never by the build clock.
"""

from __future__ import annotations

import re

import jinja2

from . import messages
from .model import Event, Registry

FEED_LIMIT = 50  # entries in the site-wide feed
PART_LIMIT = 20  # entries in a region's or an election's feed


def feed_lists(registry: Registry) -> list[tuple[str, str, tuple[Event, ...], str, int]]:
    """(path, title, events, page path, limit) of every feed."""
    words = messages.section("site")
    lists = [("feed.xml", words["name"], registry.events, "", FEED_LIMIT)]
    for region in registry.regions.values():
        index = registry.by_province if region.is_province else registry.by_region
        lists.append(
            (
                f"data/feed/{region.slug}.xml",
                words["feed_title"].format(name=region.name),
                index.get(region.code, ()),
                f"wilayah/{region.slug}/",
                PART_LIMIT,
            )
        )
    for x in registry.elections.values():
        lists.append(
            (
                f"data/feed/pemilu/{x.id}.xml",
                words["feed_title"].format(name=x.name),
                registry.by_election.get(x.id, ()),
                f"pemilu/{x.id}/",
                PART_LIMIT,
            )
        )
    return lists


def feeds(env: jinja2.Environment, registry: Registry, site: dict[str, str]) -> dict[str, str]:
    template = env.get_template("feed.xml.j2")
    base = site["url"]
    fallback = registry.regions_updated or "1970-01-01"
    out = {}
    for path, title, events, page, limit in feed_lists(registry):
        entries = sorted(events, key=lambda e: (entry_updated(e), e.date.sort_key, e.id))
        entries = entries[::-1][:limit]
        out[path] = xml_chars(
            template.render(
                base=base,
                id_base=base or "urn:registri-ikrar-netralitas-asn:",
                self_path=path,
                self_url=base + path,
                alternate=base + page,
                title=title,
                updated=stamp(max([entry_updated(e) for e in entries], default=fallback)),
                entries=[(e, stamp(entry_updated(e))) for e in entries],
            )
        )
    return out


NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold at all, escaped or not (U+0000-U+001F but tab and line
ends, lone surrogates, U+FFFE and U+FFFF): one would make the whole feed unreadable."""


def xml_chars(document: str) -> str:
    """A rendered XML document with every character XML 1.0 forbids replaced by U+FFFD.

    The template is ours and holds none, so each one came from data (a commit message, a
    name in reference data); values are escaped by the template, characters only here."""
    return NOT_XML.sub("\ufffd", document)


def entry_updated(e: Event) -> str:
    """Git date of the record, else the event's latest possible day; never the clock."""
    return e.updated or e.date.sort_key or "1970-01-01"


def stamp(day: str) -> str:
    return f"{day}T00:00:00Z"
