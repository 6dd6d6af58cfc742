"""Academic degrees and honorifics in a person's name, kept out of the search index.

Why: "Drs. H. Ali Baal, M.Si." is how sources write an official, and the page prints
it so; but Pagefind indexes "M.Si" as words, and "siantar" then finds an event by a
"si". The name is printed as given, with its degrees inside data-pagefind-ignore.

A degree is a token with a dot inside it (S.Sos, M.Si, S.H., Ph.D, M.AP), a known
title before the name (Dr., Drs., Dra., Ir., Prof., H., Hj.), or a known short
degree (SE, SH, MM, MSi, ...) after the name's first comma.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

TITLES = {"dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "tgk"}
DEGREES = {
    "se", "sh", "mm", "msi", "mh", "map", "mpd", "spd", "ssos", "sip", "st", "mt", "ak",
    "sstp", "mkes", "skm", "ssi", "sag", "mag", "phd", "mba", "llm", "ma", "msc", "bsc",
}  # fmt: skip
TOKEN = re.compile(r"[^\s,]+")


def is_degree(token: str, after_comma: bool, leading: bool) -> bool:
    bare = token.rstrip(".").casefold()
    letters = re.sub(r"[^a-z]", "", bare)
    if not letters:
        return False
    if re.fullmatch(r"[A-Za-z]{1,4}\.[A-Za-z.]{1,6}", token.rstrip(",")):
        return True  # S.Sos, M.Si, S.H., Ph.D
    if leading and token.endswith(".") and letters in TITLES:
        return True
    return after_comma and letters in DEGREES


def name_html(name: str) -> Markup:
    """The name, escaped, with each degree or title wrapped in data-pagefind-ignore."""
    name = " ".join(name.split())  # one line, like every printed value
    out: list[str] = []
    pos = 0
    leading = True
    for match in TOKEN.finditer(name):
        token = match.group()
        after_comma = "," in name[: match.start()]
        out.append(str(escape(name[pos : match.start()])))
        if is_degree(token, after_comma, leading):
            out.append(f"<span data-pagefind-ignore>{escape(token)}</span>")
        else:
            out.append(str(escape(token)))
            leading = False
        pos = match.end()
    out.append(str(escape(name[pos:])))
    return Markup("".join(out))
