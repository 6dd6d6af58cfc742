"""The words and numbers pages print: Jinja filters and label tables (dates, H-n,
statuses, event types, roles). Split from render.py; the labels come from the
Indonesian message catalogue (messages/id.yml). No I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from markupsafe import Markup

from . import messages, textdiff
from .model import Person, Region

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
H_WORDS: Mapping[str, str] = messages.section("claims.h_words")


def front_matter_value(value: str) -> Markup:
    """A YAML scalar for front matter: JSON is valid YAML and quotes everything.

    Marked safe because HTML-escaping would corrupt the YAML; titles come from
    reference data and fixed words, and the theme overrides escape them again.
    """
    return Markup(YAML_UNSAFE.sub(_escape, json.dumps(value, ensure_ascii=False)))


YAML_UNSAFE = re.compile("[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
"""Characters json.dumps leaves raw that YAML cannot hold in a double-quoted scalar
(DEL and C1 controls, which its reader refuses; U+2028 and U+2029, which it reads as line
breaks): a region name with one would turn a page's front matter into body text."""


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


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


def long_date(value: str | date, lang: str = "id") -> str:
    """'2020-10-20' -> '20 Oktober 2020' ('20 October 2020' in English); partial dates
    keep what they have."""
    text = value.isoformat() if isinstance(value, date) else value
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    months = MONTHS if lang == "id" else messages.section("months", lang)
    month = months[int(parts[1]) - 1]
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


def days_words(timing: Any) -> str:
    """The same in words, for citizens who do not read "H-5": "5 hari sebelum
    pemungutan suara", "236 hari sesudah pemungutan suara", "pada hari pemungutan suara"."""
    if timing is None or not timing.known:
        return ""
    lo, hi = timing.fewest, timing.most
    if hi is None:
        return H_WORDS["earlier"].format(n=number(lo)) if lo >= 0 else H_WORDS["open"]
    if lo == hi:
        if lo == 0:
            return H_WORDS["day"]
        key = "before" if lo > 0 else "after"
        return H_WORDS[key].format(n=number(abs(lo)))
    if lo >= 0:
        return H_WORDS["before_range"].format(lo=number(lo), hi=number(hi))
    if hi < 0:
        return H_WORDS["after_range"].format(lo=number(-hi), hi=number(-lo))
    return H_WORDS["spans"].format(before=number(hi), after=number(-lo))


def status_label(status: str, long: bool = False) -> str:
    short, full = STATUS[status]
    return full if long else short


def leader_words(person: Person) -> str:
    """Whoever presided, as summaries, the "Dipimpin" row and the feed name them ("Pj
    Bupati Sudirman", "Kepala Biro Humas Hefdi", "Kadispora Provinsi Kalimantan Timur
    Syirajuddin", "Fardiansyah"): the source's title when the record has one. One
    place, so an empty part (a definitif status, an office the list calls "other" with
    no title) leaves no gap, and a status the title states is not said twice."""
    status = status_label(person.status) if person.status_before_office else ""
    return " ".join(part for part in (status, person.office_title, person.name) if part)


def types_label(types: tuple[str, ...]) -> str:
    return word_list([EVENT_TYPES[t] for t in types])


def number(value: float, lang: str = "id") -> str:
    """Digits of the language: 3983 -> '3.983' (English: '3,983'); a share of attendance
    keeps its decimals, 92.5 -> '92,5' (English '92.5'); 85.0 -> '85'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".translate(SWAP_MARKS) if lang == "id" else f"{value:,}"


SWAP_MARKS = str.maketrans(",.", ".,")


def lines(text: str) -> list[str]:
    """Non-empty lines of a multi-line value, so templates never emit blank lines in HTML."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def bare_words(text: str) -> str:
    """Words quoted in a summary ('apapun' for 'apapun.'): edge punctuation belongs
    to the sentence the words were cut from, not to the words."""
    return textdiff.EDGES.sub("", text)
