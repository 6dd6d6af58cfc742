"""An article's text -> sentences, and the facts a draft may take from them unaided:
the host region, the participant count, the elections named, the kinds of event and
the listed clauses. No I/O.

The draft assistant (draft.py) fills a field only when the text states it one way;
two readings give an Unsure with the reason, never a guess. Every Found carries the
sentence it came from, which the draft prints beside the value, so the contributor
checks each value against the article instead of trusting the tool.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .gitlog import clean


@dataclass(frozen=True)
class Found:
    """A value the text states, and the sentence that states it."""

    value: Any
    evidence: str


@dataclass(frozen=True)
class Unsure:
    """Why a field is left to the contributor: a message key of draft.why and its values."""

    why: str
    values: tuple[tuple[str, str], ...] = ()


# Lines that end the article and begin the page's lists of other news.
END_MARKERS = re.compile(
    r"^\s*(Berita (Trending|Terkini|Terkait|Terbaru|Lainnya)|Lihat juga"
    r"|Artikel (Terbaru|Terkait)|Terpopuler|Tag Terkait|Redaktur\s*:|Komentar\s*$|Sumber\s*:"
    r"|Editor\s*:|Baca (juga|Juga)\s*:?\s*$)"
)
SKIP_LINE = re.compile(r"^\s*(Baca (juga|Juga)\b|Simak\b|Lihat (juga|Juga)\s*:)")
MIN_BODY = 300  # characters of article before a marker counts as the end


def words(text: str) -> list[str]:
    """A word list written as one string."""
    return text.split()


ABBREVIATIONS = frozenset(
    words("pj pjs plt plh kab prov no dr drs ir h hj st sh se mm msi ssos kh prof jl kec kel")
)
EVENT_WORDS = re.compile(
    r"\b(apel|ikrar|deklarasi|[pf]akta integritas|penandatanganan|berikrar|diikrarkan"
    r"|mengikrarkan|mendeklarasikan|dideklarasikan)\b",
    re.I,
)


def clean_lines(text: str) -> list[str]:
    """The article's paragraphs: page residue after the end markers cut, 'Baca juga'
    lines dropped, and a paragraph repeated by the scraper kept once."""
    out: list[str] = []
    seen: set[str] = set()
    size = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = clean(raw)  # no control, format or line-separator character reaches YAML
        if not line:
            continue
        if size >= MIN_BODY and END_MARKERS.match(line):
            break
        if SKIP_LINE.match(line) or line in seen:
            continue
        seen.add(line)
        out.append(line)
        size += len(line)
    return out


def sentences(lines: Iterable[str]) -> list[str]:
    """Sentences of the paragraphs: split after . ! ? before a capital or a quote,
    except after a short abbreviation (Pj., Kab., Ir.) or an initial."""
    out = []
    for line in lines:
        start = 0
        for m in re.finditer(r"[.!?][\"”’)]?\s+(?=[A-Z\"“(])", line):
            word = re.findall(r"([A-Za-z.]+)[.!?][\"”’)]?\s*$", line[: m.end()])
            last = word[0].replace(".", "").lower() if word else ""
            if last in ABBREVIATIONS or len(last) == 1:
                continue
            out.append(line[start : m.end()].strip())
            start = m.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def without_quotes(sentence: str) -> str:
    """The narration of a sentence: what a quoted speaker says is not what happened.
    Quotes become spaces of their length, so positions still point into the sentence."""
    return re.sub(r"[\"“][^\"”]*[\"”]", lambda m: " " * len(m.group(0)), sentence)


EVIDENCE = 180  # characters of a sentence printed beside a value


def excerpt(sentence: str, start: int = 0, end: int = 0) -> str:
    """The part of a long sentence around what was read in it, marked with '…'."""
    if len(sentence) <= EVIDENCE:
        return sentence
    left = max(0, min(start - 60, len(sentence) - EVIDENCE))
    right = min(len(sentence), left + EVIDENCE)
    return (
        ("…" if left else "")
        + sentence[left:right].strip()
        + ("…" if right < len(sentence) else "")
    )


# ---- regions -------------------------------------------------------------------------

GOVERNMENT = (
    r"Pemerintah (?:Kabupaten|Kota|Provinsi)|Pemkab|Pemkot|Pemprov|Pemda|Setdakab|Setdakot"
    r"|Setdaprov|Sekdakab|Sekdakot|Sekdaprov|Penjabat (?:Sementara )?(?:Bupati|Wali ?[Kk]ota"
    r"|Gubernur)|Wakil Bupati|Wakil Wali ?[Kk]ota|Wakil Gubernur|Bupati|Wali ?[Kk]ota|Gubernur"
)
GEOGRAPHY = r"Kabupaten|Kab\.?|Kota|Provinsi|Prov\.?"
LEVEL_WORDS = (
    ("kota", re.compile(r"kota|pemkot|setdakot|sekdakot", re.I)),
    ("provinsi", re.compile(r"provinsi|prov|pemprov|gubernur|setdaprov|sekdaprov", re.I)),
    ("kabupaten", re.compile(r"kabupaten|kab|pemkab|bupati|setdakab|sekdakab", re.I)),
)


def base_name(row: dict[str, str]) -> str:
    """'Kabupaten Bandung' -> 'Bandung'; a province's name is its own."""
    return re.sub(r"^(Kabupaten Administrasi|Kabupaten|Kota Administrasi|Kota) ", "", row["name"])


def name_index(regions: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """Every base name and alias -> the codes it can mean. Names spelled with their
    level ('Kabupaten X', 'Kab. X') are left out: the level before a base name is read
    as a qualifier, so 'Pemerintah Kabupaten X' is seen whole."""
    index: dict[str, set[str]] = {}
    for code, row in regions.items():
        for name in [base_name(row), *row["aliases"].split(";")]:
            # "Kota Baru" is spelled with its level; "Kotawaringin Timur" is not
            if len(name) >= 3 and not re.match(r"(Kabupaten|Kab|Kota|Provinsi|Prov)\b", name):
                index.setdefault(name, set()).add(code)
    return index


def _name_pattern(index: dict[str, set[str]]) -> re.Pattern[str]:
    names = sorted(index, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def find_region(sents: list[str], regions: dict[str, dict[str, str]]) -> Found | Unsure:
    """The host: the one region its government or head is named for ('Pemkab X',
    'Bupati X'); failing that, the one place named once its province is set aside."""
    index = name_index(regions)
    names = _name_pattern(index)
    ruled: dict[str, str] = {}
    plain: dict[str, str] = {}
    qualifier = re.compile(rf"(?:({GOVERNMENT})|({GEOGRAPHY}))\s+(?:\([^)]{{1,25}}\)\s+)?$")
    for s in sents:
        for m in names.finditer(s):
            before = qualifier.search(s[max(0, m.start() - 60) : m.start()])
            codes = index[m.group(1)]
            if before:
                level = _level(before.group(0))
                codes = {c for c in codes if regions[c]["level"] == level} or codes
            target = ruled if before and before.group(1) else plain
            if len(codes) == 1:
                target.setdefault(next(iter(codes)), excerpt(s, m.start(), m.end()))
            if len(codes) > 1 and not before:
                plain.setdefault("?" + m.group(1), s)
    chosen = _drop_provinces(ruled, regions) if ruled else _drop_provinces(plain, regions)
    if len(chosen) == 1:
        code, sentence = next(iter(chosen.items()))
        if not code.startswith("?"):
            return Found(code, sentence)
    if not chosen:
        return Unsure("region_none")
    shown = ", ".join(regions[c]["name"] if c in regions else c[1:] for c in sorted(chosen))
    return Unsure("region_many", (("names", shown),))


def _level(qualifier: str) -> str:
    for level, words in LEVEL_WORDS:
        if words.search(qualifier.split()[-1] if "Pemerintah" not in qualifier else qualifier):
            return level
    return ""


def _drop_provinces(found: dict[str, str], regions: dict[str, dict[str, str]]) -> dict[str, str]:
    """A province named beside one of its regencies or cities is where, not who."""
    inner = {regions[c]["province_code"] for c in found if c in regions and "." in c}
    return {c: s for c, s in found.items() if c not in inner}


# ---- counts, elections, kinds of event ---------------------------------------------

COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{1,7})\s+(?:orang\s+)?"
    r"(?:Aparatur Sipil Negara|ASN|PNS|pegawai|peserta)\b"
)
VAGUE = re.compile(r"(sekitar|kurang lebih|lebih dari|hampir|ratusan|ribuan|±|\+/-)\s*$", re.I)


def find_count(sents: list[str]) -> Found | Unsure | None:
    """'Sebanyak 3.983 ASN ... mengikuti ikrar' -> 3983; two different numbers: unsure."""
    found: dict[int, str] = {}
    for s in sents:
        if not EVENT_WORDS.search(s):
            continue
        for m in COUNT.finditer(s):
            if not VAGUE.search(s[: m.start()]):
                found.setdefault(int(m.group(1).replace(".", "")), excerpt(s, m.start(), m.end()))
    if len(found) > 1:
        return Unsure("count_many", (("numbers", ", ".join(map(str, sorted(found)))),))
    return Found(*next(iter(found.items()))) if found else None


ELECTION_NAMES = (
    (
        r"Pemilu(?:\s+[Ss]erentak)?\s+dan\s+Pilkada(?:\s+[Ss]erentak)?\s+(?:[Tt]ahun\s+)?(20\d\d)",
        ("pemilu", "pilkada"),
    ),
    (
        r"(?:Pilkada|Pemilukada|Pilkades)\)?(?:\s+[Ss]erentak)?(?:\s+[Tt]ahun)?\s+(20\d\d)",
        ("pilkada",),
    ),
    (
        r"[Pp]emilihan [Kk]epala [Dd]aerah(?:\s+dan\s+[Ww]akil\s+[Kk]epala\s+[Dd]aerah)?"
        r"(?:\s+\(Pilkada\))?(?:\s+[Ss]erentak)?(?:\s+[Tt]ahun)?\s+(20\d\d)",
        ("pilkada",),
    ),
    (r"Pemilu\)?(?:\s+[Ss]erentak)?(?:\s+[Tt]ahun)?\s+(20\d\d)", ("pemilu",)),
    (
        r"Pemilihan Umum(?:\s+\(Pemilu\))?(?:\s+[Ss]erentak)?(?:\s+[Tt]ahun)?\s+(20\d\d)",
        ("pemilu",),
    ),
)


def named_elections(sents: list[str], known: Iterable[str]) -> dict[str, str]:
    """Elections the text names by kind and year, that the registry knows: id -> sentence."""
    known = set(known)
    found: dict[str, str] = {}
    for s in sents:
        for pattern, kinds in ELECTION_NAMES:
            for m in re.finditer(pattern, s):
                if "Pilkades" in m.group(0):
                    continue
                for kind in kinds:
                    ident = f"{kind}-{m.group(1)}"
                    if ident in known:
                        found.setdefault(ident, s)
    return dict(sorted(found.items()))


ELECTION_KINDS = (
    (
        "pilkada",
        re.compile(
            r"\b(pilkada|pemilukada|pilgub|pilbup|pilwalkot|pemilihan kepala daerah"
            r"|pemilihan (gubernur|bupati|wali ?kota))\b",
            re.I,
        ),
    ),
    ("pemilu", re.compile(r"\b(pemilu|pemilihan umum|pilpres|pileg)\b", re.I)),
)


def election_kinds(sents: list[str]) -> dict[str, str]:
    """Kinds of election the text names, with or without a year: kind -> sentence."""
    found: dict[str, str] = {}
    for kind, pattern in ELECTION_KINDS:
        for s in sents:
            m = pattern.search(s)
            if m:
                found[kind] = excerpt(s, m.start(), m.end())
                break
    return found


EVENT_TYPES = (
    ("apel", re.compile(r"\bapel\b", re.I)),
    ("deklarasi", re.compile(r"\bdeklarasi\b", re.I)),
    ("ikrar", re.compile(r"\bikrar\b", re.I)),
    ("pakta-integritas", re.compile(r"\b[pf]akta integritas\b", re.I)),
)


def find_event_types(sents: list[str]) -> dict[str, str]:
    """Kinds of event the text names (CONTRIBUTING's table: 'fakta integritas' is the
    pact): kind -> first sentence naming it, outside quotes (a speaker calling the
    pledge "deklarasi" does not make the event one)."""
    found: dict[str, str] = {}
    for kind, pattern in EVENT_TYPES:
        for s in sents:
            if pattern.search(without_quotes(s)):
                found[kind] = s
                break
    return found


# ---- clauses -------------------------------------------------------------------------

ORDINALS = ("Pertama", "Kedua", "Ketiga", "Keempat", "Kelima", "Keenam", "Ketujuh")
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(.+)$")


def find_clauses(lines: list[str]) -> Found | None:
    """Items the article lists as the pledge's text: '1. …', '2. …' lines, or
    'Pertama, …', 'Kedua …' in order; the items as written, separators trimmed."""
    numbered = _numbered(lines)
    if numbered:
        return numbered
    text = "\n".join(lines)
    marks = [
        m for m in re.finditer(r"(?:(?<=\n)|(?<=[,.;] ))(" + "|".join(ORDINALS) + r")\b,?\s*", text)
    ]
    items: list[str] = []
    for i, m in enumerate(marks):
        if m.group(1) != ORDINALS[len(items)] if len(items) < len(ORDINALS) else True:
            break
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end() : end].split("\n")[0] if i + 1 == len(marks) else text[m.end() : end]
        items.append(_trim(body.replace("\n", " ")))
    if len(items) >= 2:
        return Found(tuple(items), "; ".join(f"{o} …" for o in ORDINALS[: len(items)]))
    return None


def _numbered(lines: list[str]) -> Found | None:
    items: list[str] = []
    for line in lines:
        m = NUMBERED.match(line)
        if m and int(m.group(1)) == len(items) + 1:
            items.append(_trim(m.group(2)))
        elif items and not m:
            if len(items) >= 2:
                break
            items = []
    if len(items) >= 2:
        return Found(tuple(items), " ".join(f"{n + 1}. …" for n in range(len(items))))
    return None


def _trim(text: str) -> str:
    """An item without the list's separators: '…berita bohong,' -> '…berita bohong'."""
    text = re.sub(r"\s*\([a-z]{2,5}(/[a-z]{2,5})+\)\.?$", "", text.strip())  # (rob/red).
    text = re.sub(r"^[\"“]|[\"”]$", "", text)
    return re.sub(r"[\s,;]+$", "", text).strip()
