"""An article's sentences -> the officials it names, their office, status and roles. No I/O.

An official is found by the title the text gives ("Pj Bupati Bener Ir Mohd Tanwier
MM", "Sekda Sahat Banurea, S.Sos", "Plh Wali Kota Bandung, Ema Sumarna"): status
prefix, office, the region's name, then the name without honorifics and degrees. A
mention without a name ("dibacakan oleh Penjabat Bupati") is the named official of
that office when there is one. Roles come only from the words that say them
(dipimpin, dibacakan, ditandatangani, disaksikan, and memimpin, membacakan,
menandatangani, menyaksikan; "dalam sambutannya" for speaking, "turut hadir" for
attending), for the officials the phrase names: a witness only where a signing is
named, a reader only where what is read is the pledge. A status
written two ways (Pjs and Pj) is left to the contributor, as are two names for one
head of government.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .drafttext import Found, Unsure, excerpt, words

STATUS = (
    r"(?P<status>Penjabat\s+[Ss]ementara(?:\s*\(Pjs\.?\))?|Pjs\.?|Pelaksana\s+[Tt]ugas"
    r"(?:\s*\(Plt\.?\))?|Plt\.?|Pelaksana\s+[Hh]arian(?:\s*\(Plh\.?\))?|Plh\.?"
    r"|[Pp]enjabat(?:\s*\(Pj\.?\))?|Pj\.?)"
)
ASSISTANT_WORDS = (
    r"I{1,3}|IV|Administrasi|Pemerintahan|Perekonomian|Pembangunan|Kesejahteraan|Rakyat|Umum"
    r"|Sosial|Ekonomi|Keuangan|Kesra|Ekbang|Bidang|dan|&"
)
OFFICE = (
    r"(?P<office>Wakil\s+Wali\s?[Kk]ota|Wali\s?[Kk]ota|Wakil\s+Bupati|Bupati|Wakil\s+Gubernur"
    rf"|Gubernur|Sekretaris\s+(?:Daerah|Kota|Kabupaten)|Sekda(?:kab|kot|prov)?|Sekkot|Sekkab|Asisten(?:\s+(?:{ASSISTANT_WORDS}))*"
    r"|Kepala\s+BKPSDM|Kepala\s+(?:BKD|BKPP|BKDPSDM)|Inspektur|Camat)"
)
MENTION = re.compile(rf"(?:{STATUS}\s+)?{OFFICE}(?![\w])")
NOT_HEAD = re.compile(
    r"(Staf Ahli|Ajudan|Asisten|Sekretaris|Kantor|Rumah Dinas|Calon|Cabup|Bakal)\s+$"
)
ONE_HOLDER = frozenset(
    ("Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota")
) | frozenset(("Sekretaris Daerah", "Kepala BKPSDM", "Inspektur"))
HONORIFIC = re.compile(r"^(H|Hj|Ir|Dr|Drs|Dra|Prof|dr|KH|Hc)\.?,?$")
DEGREE = re.compile(
    r"^(?:[A-Z]{1,3}|[A-Z][a-z]{0,3}\.(?:[A-Z][A-Za-z]{0,4}\.?)+|M\.?Si|MSi|M\.?Pd|S\.?Sos"
    r"|S\.?STP|M\.?AP|M\.?Kes|M\.?Hum|Ph\.?D|M\.?Sc|S\.?IP|S\.?Kom|M\.?Kom|S\.?Pd)\.?,?$"
)
NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’-]+|I|Ni)[,.]?$")  # I Gede, Ni Luh
STOP_WORDS = frozenset(
    words(
        """Senin Selasa Rabu Kamis Jumat Sabtu Minggu Januari Februari Maret April Mei Juni Juli
    Agustus September Oktober November Desember Pemkab Pemkot Pemprov Pemerintah Kabupaten Kota
    Provinsi Pilkada Pemilu Ikrar Apel Netralitas Netral Pakta Fakta Integritas Dalam Saat Pada
    Di Ke Dari Yang Dan Bersama Beserta Selaku Sebagai Juga Turut Kembali Pimpin Ingatkan Gencar
    Tegaskan Minta Ajak Imbau Hadiri Buka Gelar Teken Ikuti Pastikan Jaga Dorong Ucapkan Bacakan
    Serahkan Sampaikan Sekda Asisten Kepala Bupati Wakil Wali Gubernur Camat Inspektur Tak Jangan
    Harap Berharap Lantik Resmikan Tinjau Wajib Sebut Beri Minta Kukuhkan Jelang Menjelang Nomor
    Tahun Tentang Surat Edaran Sekretaris Ketua Anggota Komisioner Direktur Staf Lurah Kapolres
    Kapolresta Kapolsek Dandim Danramil Kajari Kabag Kadis Kaban Kasat Setda Sekkab Sekkot
    Administrasi Pj Pjs Plt Plh Penjabat Kades Kakan Kabid Kasi Sekcam Danrem Kapolda Kajati
    Forkopimda OPD SKPD Para"""
    )
)
PASSIVE = re.compile(
    r"\b((?i:dipimpin|dibacakan|ditandatangani|diteken|disaksikan))\b"
    r"(?:\s+(?:langsung|pula|juga|secara langsung))?\s+(?:oleh\s+)?"
)
ACTIVE = re.compile(
    r"^[\s,]*(?:(?:langsung|juga|turut|pun|secara langsung|yang|saat|ketika)\s+)*"
    r"(memimpin|membacakan|menandatangani|meneken|menyaksikan)\b"
)
ROLE_OF = {
    "dipimpin": "presiding", "memimpin": "presiding", "dibacakan": "reading",
    "membacakan": "reading", "ditandatangani": "signing", "diteken": "signing",
    "menandatangani": "signing", "meneken": "signing", "disaksikan": "witnessing",
    "menyaksikan": "witnessing",
}  # fmt: skip
SPEAKING_BEFORE = re.compile(
    r"\b(?:[Dd]alam|[Pp]ada|[Ss]aat memberikan|[Kk]etika memberikan) (?:sambutan|arahan|amanat)"
    r"(?:nya)?\b[\s,]*"
)
SPEAKING_AFTER = re.compile(
    r"^[\s,]*(?:dalam|saat memberikan|ketika memberikan) (?:sambutan|arahan|amanat)(?:nya)?\b"
)
LEVEL_BEFORE = re.compile(
    r"(?:(?:Kabupaten|Kab\.?|Kota|Provinsi|Prov\.?)(?:\s+Administrasi)?|Administrasi)\s+"
)
# "Pj Bupati Lumajang, Indah Wahyuni (Yuyun) menjadi pembina Apel": CONTRIBUTING's presiding
PEMBINA_AFTER = re.compile(
    r"^[\s,]*(?:\([^)]{1,30}\)\s*)?(?:menjadi|bertindak sebagai|selaku)\s+"
    r"(?:pembina|inspektur)\s+(?i:apel|upacara)\b"
)
# The office's short form in brackets right after it: "Sekretaris Daerah (Sekda)"
OFFICE_SHORT = re.compile(r"\((?:Sekda\w*|Sekkot|Sekkab|Wabup|Wawali|Wagub)\)\s*")
# After "Title, Name": the name is the subject of a clause of its own, not the holder.
CLAUSE_VERB = re.compile(r"\s+(?:yang\s+)?(?:merupakan|adalah|ialah|menjabat|sebagai|selaku)\b")
# "dibacakan" / "membacakan" is the reading role only when what is read is the pledge:
# "peraturan undang-undang yang dibacakan oleh Kepala BKD" is not
PLEDGE_WORDS = re.compile(
    r"ikrar|deklarasi|pakta|naskah|pernyataan|poin|point|butir|isi|sumpah|janji|komitmen", re.I
)
# "disaksikan" names a witness of a signing: of a reading alone it says no role
SIGNING = re.compile(r"penandatanganan|tandatangan|tanda tangan|[Pp]akta|teken", re.I)
PRESENT = re.compile(r"\b(?:[Tt]urut|[Tt]ampak|[Jj]uga) hadir\b")
JOINED = re.compile(r"^[\s,]*(?:(?:dan|bersama|serta|beserta)\s+)?$")
STATUS_OF = (("pjs", r"Pjs|[Ss]ementara"), ("plt", r"Plt|[Tt]ugas"), ("plh", r"Plh|[Hh]arian"))


@dataclass(frozen=True)
class Mention:
    office: str
    title: str
    status: str
    name: str
    start: int
    end: int
    sentence: str
    evidence: str


@dataclass
class Person:
    """One official, from every mention that names or points to them."""

    office: str
    title: str
    names: dict[str, str] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    first: str = ""

    def name(self) -> Found | Unsure | None:
        """The longest spelling, when every other is part of it; else two readings."""
        if not self.names:
            return None
        longest = max(self.names, key=lambda n: (len(n.split()), len(n)))
        if all(set(n.split()) <= set(longest.split()) for n in self.names):
            return Found(longest, self.names[longest])
        return Unsure("name_many", (("names", " / ".join(sorted(self.names))),))

    def status(self) -> Found | Unsure:
        if len(self.statuses) > 1:
            return Unsure("status_many", (("statuses", ", ".join(sorted(self.statuses))),))
        if self.statuses:
            return Found(*next(iter(self.statuses.items())))
        return Found("definitif", self.first)


def is_headline(sentence: str) -> bool:
    """A title-case line (a headline or caption title): its names are not reliable."""
    words = [w for w in re.findall(r"[A-Za-z]+", sentence) if len(w) >= 4]
    capital = sum(w[0].isupper() for w in words)
    return bool(words) and capital / len(words) > 0.6 and not sentence.rstrip().endswith(".")


def mentions(sentence: str, region_names: re.Pattern[str], host_words: set[str]) -> list[Mention]:
    """Every official a sentence names by title, with the name that follows, if any."""
    out = []
    for m in MENTION.finditer(sentence):
        if NOT_HEAD.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue
        office, title, end = _office(m)
        name, end = _name(sentence, end, region_names, host_words)
        where = excerpt(sentence, m.start(), end)
        status = _status(m.group("status"))
        out.append(Mention(office, title, status, name, m.start(), end, sentence, where))
    return out


def _office(m: re.Match[str]) -> tuple[str, str, int]:
    text = " ".join(m.group("office").split())
    end = m.end("office")
    if text.startswith("Asisten"):
        trimmed = re.sub(r"(\s+(dan|&))+$", "", text)
        end = m.start("office") + _prefix_length(m.group("office"), trimmed)
        return "Asisten Sekretaris Daerah", trimmed if trimmed != "Asisten" else "", end
    if text.startswith("Sekda") or text == "Sekretaris Daerah":
        return "Sekretaris Daerah", "", end
    if text.startswith(("Sekretaris", "Sekkot", "Sekkab")):  # a city's or regency's Sekda
        return "Sekretaris Daerah", text, end
    if text.startswith("Kepala") and text != "Kepala BKPSDM":
        return "Kepala Badan", text, end
    return re.sub(r"Wali\s?[Kk]ota", "Wali Kota", text), "", end


def _prefix_length(raw: str, words: str) -> int:
    """How far in `raw` (which may hold runs of spaces) the words of `words` reach."""
    count = len(words.split())
    found = list(re.finditer(r"\S+", raw))
    return found[count - 1].end() if count <= len(found) else len(raw)


def _status(prefix: str | None) -> str:
    if not prefix:
        return ""
    for status, pattern in STATUS_OF:
        if re.search(pattern, prefix):
            return status
    return "pj"


def _name(
    sentence: str, pos: int, region_names: re.Pattern[str], host_words: set[str]
) -> tuple[str, int]:
    """The name after a title: past the region's name (and its '(Kukar)'), a comma,
    honorifics; up to a lowercase word, a stop word or a comma; degrees after it are
    part of the mention, not the name."""
    rest = sentence[pos:]
    lead = re.match(r"\s+", rest)
    at = lead.end() if lead else 0
    short = OFFICE_SHORT.match(rest, at)  # "Sekretaris Daerah (Sekda) Untara"
    at = short.end() if short else at
    level = LEVEL_BEFORE.match(rest, at)
    place = region_names.match(rest, level.end() if level else at)
    if place:
        at = place.end()
        bracket = re.match(r"\s*\([^)]{1,25}\)", rest[at:])
        at += bracket.end() if bracket else 0
    comma = re.match(r"\s*,", rest[at:])
    at += comma.end() if comma else 0
    words, end, closed = [], at, False
    for tok in re.finditer(r"\S+", rest[at:]):
        word = tok.group(0)
        if not words and word.rstrip(",.") in host_words:
            end = at + tok.end()
            continue
        if HONORIFIC.match(word) or (words and DEGREE.match(word)):
            end = at + tok.end()
            if words and word.endswith(","):
                closed = True
            continue
        if (
            closed
            or not NAME_WORD.match(word)
            or word.rstrip(",.") in STOP_WORDS
            or len(words) == 5
        ):
            break
        words.append(word.rstrip(",."))
        end = at + tok.end()
        closed = word.endswith((",", "."))
    if not words or (comma and CLAUSE_VERB.match(rest[end:])):
        return "", pos  # "Halikinnor merupakan Sekretaris Daerah, Irawati merupakan ..."
    return " ".join(words), pos + end


def people(sents: list[str], region_names: re.Pattern[str], host_words: set[str]) -> list[Person]:
    """The officials of the article, each with what the text says of them."""
    found = [m for s in sents if not is_headline(s) for m in mentions(s, region_names, host_words)]
    persons: list[Person] = []
    for m in found:
        if m.name:
            _named(persons, m)
    pointed: dict[Mention, Person | None] = {m: _holder(persons, m) for m in found}
    for m in found:
        person = pointed[m]
        if person and m.status:
            person.statuses.setdefault(m.status, m.evidence)
    for s in sents:
        here = [m for m in found if m.sentence == s]
        for m, role, where in _roles(s, here):
            person = pointed[m]
            if person is None:
                person = Person(m.office, m.title, first=m.evidence)
                persons.append(person)
                pointed = {k: (person if _same_unnamed(k, m) else v) for k, v in pointed.items()}
                if m.status:
                    person.statuses.setdefault(m.status, m.evidence)
            person.roles.setdefault(role, where)
    return persons


def _named(persons: list[Person], m: Mention) -> None:
    for p in persons:
        if p.office == m.office and (m.office in ONE_HOLDER or _same_name(p, m.name)):
            if m.title and not p.title:
                p.title = m.title
            p.names.setdefault(m.name, m.evidence)
            return
    persons.append(Person(m.office, m.title, {m.name: m.evidence}, first=m.evidence))


def _same_name(p: Person, name: str) -> bool:
    words = set(name.split())
    return any(words <= set(n.split()) or set(n.split()) <= words for n in p.names)


def _holder(persons: list[Person], m: Mention) -> Person | None:
    """The official a mention means: by name, or the one named holder of its office."""
    if m.name:
        return next(p for p in persons if p.office == m.office and m.name in p.names)
    fits = [p for p in persons if p.office == m.office and (not m.title or p.title == m.title)]
    return fits[0] if len(fits) == 1 else None


def _same_unnamed(k: Mention, m: Mention) -> bool:
    return not k.name and k.office == m.office and k.title == m.title


def _roles(sentence: str, here: list[Mention]) -> list[tuple[Mention, str, str]]:
    """(mention, role) for the officials a role verb's phrase names in one sentence."""
    out = []
    for verb in PASSIVE.finditer(sentence):
        read = sentence[max(0, verb.start() - 80) : verb.start()]
        if not _says_role(ROLE_OF[verb.group(1).lower()], sentence, read):
            continue
        m = next((k for k in here if k.start == verb.end()), None)
        while m is not None:
            out.append((m, ROLE_OF[verb.group(1).lower()], excerpt(sentence, verb.start(), m.end)))
            after = m.end
            m = next((k for k in here if k.start >= after), None)
            if m is not None and not JOINED.match(sentence[after : m.start]):
                m = None
    for cue in SPEAKING_BEFORE.finditer(sentence):
        m = next((k for k in here if k.start == cue.end()), None)
        if m is not None:
            out.append((m, "speaking", excerpt(sentence, cue.start(), m.end)))
    present = PRESENT.search(sentence)
    for m in here:
        if present and m.start > present.end():
            out.append((m, "attending", excerpt(sentence, present.start(), m.end)))
        if PEMBINA_AFTER.match(sentence[m.end :]):
            out.append((m, "presiding", excerpt(sentence, m.start, m.end + 60)))
        if SPEAKING_AFTER.match(sentence[m.end :]):
            out.append((m, "speaking", excerpt(sentence, m.start, m.end + 40)))
        verb = ACTIVE.match(sentence[m.end :])
        read = sentence[m.end + verb.end() :][:80] if verb else ""
        if verb and _says_role(ROLE_OF[verb.group(1)], sentence, read):
            out.append((m, ROLE_OF[verb.group(1)], excerpt(sentence, m.start, m.end + verb.end())))
    return out


def _says_role(role: str, sentence: str, read: str) -> bool:
    """A witness only of a signing; a reader only of the pledge (`read`: the words
    before a passive verb or after an active one, where what is read is named)."""
    if role == "witnessing":
        return bool(SIGNING.search(sentence))
    if role == "reading":
        return bool(PLEDGE_WORDS.search(read))
    return True
