"""Offices and names as sources write them -> what a record writes instead. No I/O.

Why: a contributor copies what the article says, "Pj Sekda", "Kadis Pendidikan",
"Asisten III", "Dr. H. Budi, M.Si". The record wants the office from the schema's
list with its acting status apart (office: Sekretaris Daerah, status: pj) and the
name without degrees. These functions read the source's words and say the exact
values to write, so the message is the fix, not a list to choose from.
"""

from __future__ import annotations

import re

from .gelar import DEGREES, TITLES, is_degree

# The office list's "other": no one holds it, so the record's `title` says what the
# office is (parts.Person.office_words prints it), or the name alone names the person.
OTHER_OFFICE = "Lainnya"

STATUS_PREFIXES = {
    "pj": "pj",
    "penjabat": "pj",
    "pjs": "pjs",
    "penjabat sementara": "pjs",
    "plt": "plt",
    "pelaksana tugas": "plt",
    "plh": "plh",
    "pelaksana harian": "plh",
}
"""An acting head's prefix, as sources write it, and the status it means."""

# (pattern on the lowercased words without dots, the office it names). First match wins;
# the words after a short form ("Kadis Pendidikan") are the source's, for `title`.
OFFICE_FORMS: list[tuple[str, str]] = [
    (r"gubernur", "Gubernur"),
    (r"(wakil gubernur|wagub)", "Wakil Gubernur"),
    (r"bupati", "Bupati"),
    (r"(wakil bupati|wabup)", "Wakil Bupati"),
    (r"(wali ?kota|walkot|wako)", "Wali Kota"),
    (r"(wakil wali ?kota|wawali|wawako|wawalkot)", "Wakil Wali Kota"),
    (r"(sekretaris daerah|sekda|sekdakab|sekdakot|sekdaprov)( .*)?", "Sekretaris Daerah"),
    (r"asisten( .*)?", "Asisten Sekretaris Daerah"),
    (r"(kepala|kaban|ka) (bkpsdm|bkd|bkpp|bkppd|bkdpsdm)( .*)?", "Kepala BKPSDM"),
    (r"(kepala dinas|kadis|kadin)( .*)?", "Kepala Dinas"),
    (r"(kepala badan|kaban)( .*)?", "Kepala Badan"),
    (r"(inspektur|inspektorat)( .*)?", "Inspektur"),
    (r"camat( .*)?", "Camat"),
]


def read_office(written: str) -> tuple[str, str | None] | None:
    """(office, status or None) for an office as a source writes it; None if unknown.

    "Pj Sekda" -> ("Sekretaris Daerah", "pj"); "Kadis Pendidikan" -> ("Kepala Dinas",
    None); "Walikota" -> ("Wali Kota", None).
    """
    words = " ".join(re.sub(r"[.]", " ", written).lower().split())
    status = None
    for prefix in sorted(STATUS_PREFIXES, key=len, reverse=True):
        if words.startswith(prefix + " "):
            status, words = STATUS_PREFIXES[prefix], words[len(prefix) + 1 :]
            break
    for pattern, office in OFFICE_FORMS:
        if re.fullmatch(pattern, words):
            return office, status
    return None


def office_hint(written: str) -> str | None:
    """What to write instead of an office the schema does not list, or None."""
    found = read_office(written)
    if found is None:
        return None
    office, status = found
    fix = f"write office: {office}"
    if status:
        fix += f" and status: {status}"
    exact = office.lower() == " ".join(written.lower().split())
    if not exact and len(written.split()) > (2 if status else 1):
        fix += f" (the source's words may go in title: '{written}')"
    return fix


def titles_in(name: str) -> list[str]:
    """Academic degrees and religious or academic titles written inside a name.

    Stricter than gelar.name_html (which only hides tokens from the search index): a
    dotted token counts only when its letters are a known degree or title, so an
    initial ("M. Yusuf", "A.Rahman") is not flagged; a title before the name may be
    written without its dot (Hj, Ir, Drs), except H, which may be an initial.
    """
    found: list[str] = []
    leading = True
    for match in re.finditer(r"[^\s,]+", name):
        token = match.group()
        letters = re.sub(r"[^a-z]", "", token.casefold())
        after_comma = "," in name[: match.start()]
        known = letters in DEGREES or letters in TITLES
        dotted = "." in token.rstrip(".") and known
        bare_title = leading and letters in TITLES and (letters != "h" or token.endswith("."))
        if dotted or bare_title or (is_degree(token, after_comma, leading) and known):
            found.append(token.rstrip(","))
            continue
        leading = False
    return found


def name_without(name: str, titles: list[str]) -> str:
    """The name with the given tokens removed, and the commas they leave behind."""
    words = [w for w in re.split(r"\s+", name.replace(",", " , ")) if w]
    kept = [w for w in words if w not in titles]
    text = " ".join(kept).replace(" ,", ",")
    return re.sub(r"(,\s*)+$", "", re.sub(r"^(,\s*)+", "", re.sub(r",(\s*,)+", ",", text))).strip()


def name_advice(name: str) -> str | None:
    """The warning for a name holding degrees or titles, with the name to write; or None."""
    found = titles_in(name)
    if not found:
        return None
    these = ", ".join(f"'{t}'" for t in found)
    if len(found) > 1:
        what = "look like academic or religious titles"
    else:
        what = "looks like an academic or religious title"
    return (
        f"{these} {what}; names are written without them (and title is for the office): "
        f"write name: {name_without(name, found)}"
    )


def office_message(written: str, message: str) -> str:
    """An office as sources write it (Sekda, Pj Bupati, Kadis ...): the exact values to
    write instead of the schema's list; `message` (the list) when it is not one we know."""
    fix = office_hint(written) if len(written) <= 60 else None
    return f"unknown value '{written}'; {fix}" if fix else message


READ_WORDS = {"sebagian": "partial", "terpotong": "partial", "penuh": "full", "lengkap": "full"}
"""How much of a source was read, in the Indonesian a contributor may write it."""


def read_message(written: str, message: str) -> str:
    """`read: sebagian` -> write read: partial; anything else keeps the schema's list."""
    word = READ_WORDS.get(written.lower())
    return f"unknown value '{written}'; write read: {word}" if word else message


def wordless_other(person: dict) -> str | None:
    """Why a person of office Lainnya with neither title nor name is refused: every
    page names a person by office words and name, and Lainnya is not an office, so
    this one would be named by nothing ("dipimpin ," in a summary)."""
    if person.get("office") != OTHER_OFFICE or person.get("title") or person.get("name"):
        return None
    return (
        "office Lainnya only says the office is not in the list, so pages could not say "
        "who this is; add title with the source's words for the office "
        "(e.g. title: Pembina Apel), or the person's name"
    )
