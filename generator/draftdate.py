"""An article's sentences -> the event's date and how precisely the text gives it. No I/O.

The rules are CONTRIBUTING's table ("Mencatat ketidakpastian"): the day of the event
("Senin (7/10/2024)") is exact; only the day something was said ("kata …, Selasa
(20/10)") is reported; "saat apel dua hari lalu" in a statement of a known day is
approximate; "beberapa waktu lalu" is unknown. A day without a year takes the year
of the article's date, or the one year the text names when the weekday fits it. A
weekday that does not fit its date, or two different event days, leave the date to
the contributor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .drafttext import EVENT_WORDS, Found, Unsure, excerpt, without_quotes

WEEKDAYS = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5,
    "minggu": 6, "ahad": 6,
}  # fmt: skip
MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6,
    "juli": 7, "agustus": 8, "september": 9, "oktober": 10, "nopember": 11, "november": 11,
    "desember": 12,
}  # fmt: skip
DAY = r"(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"
MONTH = "(" + "|".join(MONTHS) + ")"
NUMERIC = re.compile(
    rf"\b{DAY}\b,?\s*(?:(?:pagi|siang|sore|malam)\s*)?\(?\s*(\d{{1,2}})/(\d{{1,2}})"
    r"(?:/(\d{4}|\d{2}))?(?![\d/])",
    re.I,
)
WORDED = re.compile(rf"(?:\b{DAY}\b,?\s+)?\b(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})\b", re.I)
MONTH_ONLY = re.compile(rf"\b(?:pada|bulan|sejak awal)\s+{MONTH}\s+(\d{{4}})\b", re.I)
DATELINE = re.compile(rf"^{DAY},?\s+(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})\s*(?:\||,|-|\d)", re.I)
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
# A page theme's English dateline, alone on its line: "October 17, 2018 17:00"
ENGLISH_DATELINE = re.compile(
    r"^(" + "|".join(ENGLISH_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})(?:\s+\d{1,2}:\d{2})?$", re.I
)
NOT_EVENT_DAY = re.compile(
    r"(tertanggal|tanggal|nomor|sejak|hingga|sampai|mulai|s\.d\.?)\s*$", re.I
)
OTHER_DAYS = re.compile(
    r"pemungutan suara|pencoblosan|masa kampanye|penetapan|pendaftaran|dijadwalkan|akan digelar"
    r"|akan dilaksanakan|mendatang",
    re.I,
)
HAPPENED = re.compile(
    r"\b(digelar|dilaksanakan|diselenggarakan|berlangsung|dilakukan|menggelar|melaksanakan"
    r"|mengikuti|diikuti|ikut|saat apel|dalam apel|pada apel|dipimpin|memimpin|membaca"
    r"|membacakan|dibacakan|mengucapkan|diucapkan|ucapkan|menandatangani|ditandatangani"
    r"|meneken|teken|menyatakan|mendeklarasikan|mengikrarkan)\b"
    # "kata Untara usai deklarasi …, Rabu (17/10/2018)": said just after it, that day
    r"|\b(?:se)?usai\s+(?:\w+\s+)?(?:apel|ikrar|deklarasi|penandatanganan|upacara)\b",
    re.I,
)
SPEECH = re.compile(
    r"\b(ujar|ujarnya|kata|katanya|ungkap|ungkapnya|tegas|tegasnya|jelasnya|dihubungi"
    r"|mengatakan|menegaskan|menyampaikan|ucapnya|imbuhnya|tuturnya|pintanya|tambahnya"
    r"|terangnya|paparnya|dikonfirmasi|diwawancarai|dikutip)\b",
    re.I,
)
NUMBER_WORDS = {"satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6}
RELATIVE = re.compile(r"\b(\d|satu|dua|tiga|empat|lima|enam) hari (?:yang )?lalu\b", re.I)
BARE_DAY = re.compile(
    rf"(?<=[,(] )\b{DAY}\b(?=\s*[,.)]|\s+(?:pagi|siang|sore|malam)\b)(?!\s*\(?\s*\d)", re.I
)
SOMETIME = re.compile(r"\bbeberapa (?:waktu|hari|pekan|minggu|bulan) (?:yang )?lalu\b", re.I)


@dataclass(frozen=True)
class Mention:
    """A day in a sentence: what it says, and whether it is the event's day or a report's."""

    day: int
    month: int
    year: int | None
    weekday: int | None
    kind: str  # exact | reported
    sentence: str


def article_date(lines: list[str]) -> date | None:
    """The dateline a page prints above the article ('Jumat, 21 Juli 2023 | 08:02 WIB')."""
    for line in lines[:12]:
        m = DATELINE.match(line)
        if m:
            day = _real(int(m.group(4)), MONTHS[m.group(3).lower()], int(m.group(2)))
            if day:
                return day
        m = ENGLISH_DATELINE.match(line.strip())
        if m:
            day = _real(int(m.group(3)), ENGLISH_MONTHS[m.group(1).lower()], int(m.group(2)))
            if day:
                return day
    return None


def find_date(sents: list[str], published: date | None, years: set[int]) -> Found | Unsure:
    """(precision, value) of the event, with the sentence that gives it."""
    mentions = [m for s in sents for m in _mentions(s)]
    exact = _resolved([m for m in mentions if m.kind == "exact"], published, years)
    if isinstance(exact, Unsure):
        return exact
    if exact:
        return _one("exact", exact)
    reported = _resolved([m for m in mentions if m.kind == "reported"], published, years)
    if isinstance(reported, Unsure):
        return reported
    relative = _relative(sents)
    if relative and len(reported) == 1:
        (day, sentence), (n, rel_sentence) = next(iter(reported.items())), relative
        value = (day - timedelta(days=n)).isoformat()
        return Found(("approximate", value), f"{rel_sentence} / {sentence}")
    if relative and not reported and published:
        value = (published - timedelta(days=relative[0])).isoformat()
        return Found(("approximate", value), relative[1])
    if reported:
        return _one("reported", reported)
    weekday = _bare_weekday(sents)
    if weekday:
        day, sentence = weekday
        if published:
            value = (published - timedelta(days=(published.weekday() - day) % 7)).isoformat()
            return Found(("approximate", value), sentence)
        return Found(("unknown", ""), sentence)
    for s in sents:
        narration = without_quotes(s)
        if EVENT_WORDS.search(narration) and SOMETIME.search(narration):
            return Found(("unknown", ""), s)
        m = MONTH_ONLY.search(narration)
        if m and EVENT_WORDS.search(narration):
            return Found(("month", f"{m.group(2)}-{MONTHS[m.group(1).lower()]:02d}"), s)
    return Unsure("date_none")


def _one(precision: str, found: dict[date, str]) -> Found | Unsure:
    if len(found) > 1:
        days = ", ".join(d.isoformat() for d in sorted(found))
        return Unsure("date_many", (("days", days),))
    day, sentence = next(iter(found.items()))
    return Found((precision, day.isoformat()), sentence)


def _mentions(sentence: str) -> list[Mention]:
    """The days a sentence's narration names, outside quotes, legal and schedule dates."""
    narration = without_quotes(sentence)
    if OTHER_DAYS.search(narration):
        return []
    event = bool(EVENT_WORDS.search(narration))
    if event and (HAPPENED.search(narration) or not SPEECH.search(narration)):
        kind = "exact"
    elif SPEECH.search(narration):
        kind = "reported"
    else:
        return []
    out = []
    for m in NUMERIC.finditer(narration):
        if not NOT_EVENT_DAY.search(narration[: m.start()]):
            year = int(m.group(4)) if m.group(4) else None
            year = year + 2000 if year is not None and year < 100 else year
            where = excerpt(sentence, m.start(), m.end())
            out.append(
                Mention(int(m.group(2)), int(m.group(3)), year, _weekday(m.group(1)), kind, where)
            )
    for m in WORDED.finditer(narration):
        if not NOT_EVENT_DAY.search(narration[: m.start()]):
            month = MONTHS[m.group(3).lower()]
            where = excerpt(sentence, m.start(), m.end())
            out.append(
                Mention(int(m.group(2)), month, int(m.group(4)), _weekday(m.group(1)), kind, where)
            )
    return out


def _weekday(word: str | None) -> int | None:
    return WEEKDAYS[word.lower()] if word else None


def _resolved(
    mentions: list[Mention], published: date | None, years: set[int]
) -> dict[date, str] | Unsure:
    """The days mentioned, each with its year found; a weekday that contradicts its
    date, or a year that cannot be told, leaves the date to the contributor."""
    out: dict[date, str] = {}
    for m in mentions:
        day = _day(m, published, years)
        if isinstance(day, Unsure):
            return day
        out.setdefault(day, m.sentence)
    return out


def _day(m: Mention, published: date | None, years: set[int]) -> date | Unsure:
    if m.year is not None:
        candidates = [m.year]
    elif published:
        late = _real(published.year, m.month, m.day)
        candidates = [published.year if late and late <= published else published.year - 1]
    else:
        candidates = sorted(years)
    days = [d for d in (_real(y, m.month, m.day) for y in candidates) if d]
    if m.weekday is not None:
        fits = [d for d in days if d.weekday() == m.weekday]
        if not fits and days and (m.year is not None or published):
            return Unsure("date_weekday", (("day", days[0].isoformat()),))
        days = fits
    if len(days) != 1:
        return Unsure("date_year", (("day", f"{m.day}/{m.month}"),))
    return days[0]


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _bare_weekday(sents: list[str]) -> tuple[int, str] | None:
    """'… menandatangani pakta integritas, Kamis, …': only the weekday, in a sentence
    about the event. CONTRIBUTING: counted back from the date published when it is
    known (approximate), else the date is unknown. Two different weekdays: neither."""
    found: dict[int, str] = {}
    for s in sents:
        narration = without_quotes(s)
        if not EVENT_WORDS.search(narration) or OTHER_DAYS.search(narration):
            continue
        for m in BARE_DAY.finditer(narration):
            if not re.search(r"\b(setiap|tiap|lalu|depan|nanti)\s*$", narration[: m.start()], re.I):
                found.setdefault(WEEKDAYS[m.group(1).lower()], excerpt(s, m.start(), m.end()))
    return next(iter(found.items())) if len(found) == 1 else None


def _relative(sents: list[str]) -> tuple[int, str] | None:
    """'… saat apel dua hari lalu': how many days before, in a sentence about the event."""
    for s in sents:
        narration = without_quotes(s)
        m = RELATIVE.search(narration)
        if m and EVENT_WORDS.search(narration):
            word = m.group(1).lower()
            return (int(word) if word.isdigit() else NUMBER_WORDS[word]), excerpt(
                s, m.start(), m.end()
            )
    return None
