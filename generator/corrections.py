"""Model -> the Koreksi page and its Atom feed: every correction, newest first. No I/O.

A newspaper's corrections column, for the registry: only changes of the class
"correction" (a published fact changed; history.classify decides), because
additions, new sources and clarifications do not make an earlier citation
wrong. Each entry links to the record as it was (the file at the commit before)
and as it is. Dates and order come from git, so the page and feed are the
same for every build of one commit.
"""

from __future__ import annotations

import jinja2

from .feeds import xml_chars
from .history import Change
from .model import Event, Registry

PAGE_LIMIT = 200  # the newest; every correction is in each record's JSON ("history")
FEED_LIMIT = 50


def corrections(registry: Registry) -> list[tuple[Event, Change]]:
    """(event, change) for every correction, newest commit first, then by record id."""
    found = [(e, c) for e in registry.events for c in e.history if c.kind == "correction"]
    return sorted(found, key=lambda ec: (ec[1].version.order, ec[0].id))


def render_corrections(env: jinja2.Environment, registry: Registry) -> dict[str, str]:
    """koreksi/index.md and koreksi/feed.xml; the feed escapes every value (forced on,
    as .xml.j2 is not autoescaped by the page environment)."""
    found = corrections(registry)
    site = env.globals["site"]
    base = site["url"]
    page = env.get_template("koreksi.md.j2").render(
        root="../", reg=registry, corrections=found[:PAGE_LIMIT], total=len(found)
    )
    entries = found[:FEED_LIMIT]
    fallback = f"{registry.regions_updated or '1970-01-01'}T00:00:00Z"
    feed = (
        env.overlay(autoescape=True)
        .get_template("koreksi.xml.j2")
        .render(
            reg=registry,
            base=base,
            id_base=base or "urn:registri-ikrar-netralitas-asn:",
            self_url=base + "koreksi/feed.xml",
            updated=entries[0][1].version.stamp if entries else fallback,
            entries=entries,
        )
    )
    return {"koreksi/index.md": page, "koreksi/feed.xml": xml_chars(feed)}
