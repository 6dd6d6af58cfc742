"""The draft assistant (generator/draft*.py): right or empty, never wrong.

Measured on the seed articles and eighteen stored news pages (tests/fixtures/draft/, each
with the values a reader wrote down by hand): every filled value must equal the
reader's; a value left as a TODO is allowed. The figures are printed (run with -s) and
by `python -m tools.draft_accuracy`. Then: the draft is YAML of the record's shape
that the checker accepts once its TODOs are filled, and the assistant leaves a field
empty, saying why, wherever the text allows two readings.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import draft, reference, write
from generator.__main__ import main
from generator.drafttext import Found, Unsure
from tests.conftest import ROOT, site_registry
from tools import draft_accuracy

FOLDER = ROOT / "tests" / "fixtures" / "draft"
ARTICLES = sorted(FOLDER.glob("*.txt"))
TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def ref() -> reference.Reference:
    found, _ = reference.check_reference(ROOT / "registry")
    assert found is not None
    return found


def test_no_filled_value_is_wrong() -> None:
    counts, wrong = draft_accuracy.measure(FOLDER)
    print("\n" + draft_accuracy.table(counts))
    assert wrong == []
    assert len(draft_accuracy.cases(FOLDER)) == len(ARTICLES) >= 8
    right = sum(n for (_, outcome), n in counts.items() if outcome == "right")
    empty = sum(n for (_, outcome), n in counts.items() if outcome == "empty")
    assert right > 3 * empty  # the assistant is worth running: most values are filled
    assert draft_accuracy.recorded(FOLDER) == draft_accuracy.table(counts), (
        "figures changed: run .venv/bin/python -m tools.draft_accuracy --write"
    )


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_draft_is_yaml_of_the_record_shape(path: Path, ref: reference.Reference) -> None:
    text = draft.render_draft(path.read_text(encoding="utf-8"), ref, "https://contoh.id/x")
    value = yaml.safe_load(text)
    assert list(value)[:6] == ["schema_version", "id", "region", "date", "elections", "event_types"]
    assert value["sources"][0]["url"] == "https://contoh.id/x"
    for line in text.splitlines():
        code = line.split("  # ", 1)[0]  # the evidence beside a value may hold a colon
        if code.strip() and not code.lstrip().startswith("#") and ":" in code:
            key = code.split(":", 1)[0].strip().lstrip("- ")
            assert re.fullmatch(r"[a-z_]+", key), line


def test_filled_draft_passes_the_checker(tmp_path: Path, ref: reference.Reference) -> None:
    """Fill the TODOs of a seed's draft as a contributor would: the checker accepts it."""
    article = (FOLDER / "002_a1beab4d6c90e98c.txt").read_text(encoding="utf-8")
    url = "https://gayo.tribunnews.com/2024/10/07/tak-boleh-terlibat"
    text = draft.render_draft(article, ref, url, date(2024, 10, 7), TODAY)
    filled = (
        text.replace("  note:  # TODO", "  note: Sumber menyebut Senin (7/10/2024).  #")
        .replace("  - roles:  # TODO", "  - roles: [speaking]  #")
        .replace("    publisher:  # TODO", "    publisher: TribunGayo.com  #")
        .replace("    title:  # TODO", "    title: Tak Boleh Terlibat dalam Politik di Pilkada  #")
        .replace("participants:\n", "")
    )
    value = yaml.safe_load(filled)
    registry = site_registry(tmp_path / "registry")
    path = registry / "events" / f"{value['id']}.yml"
    path.write_text(filled, encoding="utf-8")
    assert write.check_only(registry, [path], TODAY) == 1


def analysed(ref: reference.Reference, text: str, published: date | None = None) -> draft.Draft:
    return draft.analyse(text, ref, published)


def test_two_readings_are_left_empty(ref: reference.Reference) -> None:
    d = analysed(
        ref,
        "Sebanyak 300 ASN Pemkab Jombang mengikuti apel ikrar netralitas, Senin (23/9/2024).\n"
        "Penjabat sementara (Pjs) Bupati Jombang Ahmad Fauzi membacakan ikrar.\n"
        "Pj Bupati juga meminta 400 ASN yang mengikuti apel menjaga netralitas.",
    )
    assert d.count == Unsure("count_many", (("numbers", "300, 400"),))
    assert isinstance(d.people[0].status(), Unsure)
    assert d.people[0].roles.keys() == {"reading"}
    assert isinstance(d.date, Found) and d.date.value == ("exact", "2024-09-23")
    assert isinstance(d.region, Found) and d.region.value == "35.17"


def test_weekday_and_year(ref: reference.Reference) -> None:
    monday = "Pemkab Jombang menggelar apel ikrar netralitas ASN, Senin (23/9/2024)."
    assert analysed(ref, monday).date == Found(("exact", "2024-09-23"), monday)
    wrong_day = monday.replace("Senin", "Selasa")
    assert analysed(ref, wrong_day).date == Unsure("date_weekday", (("day", "2024-09-23"),))
    no_year = "Pemkab Jombang menggelar apel ikrar netralitas ASN, Senin (23/9)."
    assert analysed(ref, no_year).date == Unsure("date_year", (("day", "23/9"),))
    found = analysed(ref, no_year, date(2024, 9, 25)).date
    assert isinstance(found, Found) and found.value == ("exact", "2024-09-23")
    found = analysed(ref, no_year + " Ikrar untuk Pilkada Serentak 2024.").date
    assert isinstance(found, Found) and found.value == ("exact", "2024-09-23")


def test_bandung_alone_is_two_regions(ref: reference.Reference) -> None:
    d = analysed(ref, "ASN di Bandung mengikuti apel ikrar netralitas.")
    assert isinstance(d.region, Unsure) and d.region.why == "region_many"
    d = analysed(ref, "Pemkot Bandung menggelar apel ikrar netralitas.")
    assert d.region == Found("32.73", "Pemkot Bandung menggelar apel ikrar netralitas.")
    d = analysed(ref, "Pemkab Kuansing menggelar apel ikrar netralitas.")
    assert isinstance(d.region, Found) and d.region.value == "14.09"


def test_elections_named_or_implied(ref: reference.Reference) -> None:
    named = "Pemkab Jombang menggelar apel ikrar, Senin (23/9/2024), jelang Pilkada 2024."
    assert analysed(ref, named).elections.value == ("pilkada-2024",)
    dated = "Pemkab Jombang menggelar apel ikrar netralitas ASN, Senin (23/9/2024)."
    assert analysed(ref, dated).elections.why == "elections_many"  # the date alone
    implied = dated + " ASN diminta netral dalam pilkada."
    found = analysed(ref, implied).elections
    assert isinstance(found, Found) and found.value == ("pilkada-2024",)
    both = "Pemkab Jombang menggelar apel ikrar netralitas ASN, Selasa (18/7/2023)."
    assert analysed(ref, both).elections.why == "elections_many"
    assert analysed(ref, both + " Jelang pemilu.").elections.value == ("pemilu-2024",)


def test_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    article = FOLDER / "000_47b86d7a002adc2c.txt"
    monkeypatch.setattr("sys.stdin", io.StringIO(article.read_text(encoding="utf-8")))
    assert main(["draft", "--url", "https://koran-jakarta.com/x", "--today", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    assert "id: kab-bengkayang-2020-10-20" in out and "accessed: 2026-12-02" in out
    target = tmp_path / "draft.yml"
    assert main(["draft", str(article), "-o", str(target)]) == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["region"] == "61.07"
    assert main(["draft", str(article), "-o", str(target)]) == 1  # never overwrites
    assert main(["draft", str(article), "--url", "javascript:alert(1)"]) == 1
    assert "--url" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\u2028#: - [ ] { } \"'\u202e",
        "Pemkab Jombang menggelar apel ikrar, Senin (31/2/2024).\u2028Pj Bupati Jombang "
        + "A" * 5000,
        "Senin (32/13) apel ikrar Pemkot Bandung\x85Plt Wali Kota Bandung Xx\u202e Yy",
        "Pj Bupati " * 2000,
    ],
)
def test_any_text_gives_yaml_on_printable_lines(text: str, ref: reference.Reference) -> None:
    """Article text is untrusted: no control, format or line-separator character, and
    no YAML syntax in it, can break the draft or put a value where it does not belong."""
    out = draft.render_draft(text, ref, "https://contoh.id/x")
    assert isinstance(yaml.safe_load(out), dict)
    assert all(c.isprintable() for line in out.splitlines() for c in line)


def test_roles_come_only_from_the_words_that_say_them(ref: reference.Reference) -> None:
    d = analysed(
        ref,
        "Apel ikrar netralitas Pemkab Jombang dipimpin oleh Sekda Jombang Agus Purnomo.\n"
        "Turut hadir Plt Kepala BKPSDM Budi Santoso.\n"
        "Dalam sambutannya, Bupati Jombang Warsubi meminta ASN netral.\n"
        "Bupati Jombang Warsubi meminta ASN membacakan ikrar.",
    )
    roles = {p.office: (set(p.roles), p.status().value) for p in d.people}
    assert roles == {
        "Sekretaris Daerah": ({"presiding"}, "definitif"),
        "Kepala BKPSDM": ({"attending"}, "plt"),
        "Bupati": ({"speaking"}, "definitif"),  # asking others to read is not reading
    }


def test_only_a_weekday(ref: reference.Reference) -> None:
    """CONTRIBUTING: a weekday alone is counted back from the date published
    (approximate); without that date, the date is unknown."""
    text = "ASN Pemkab Jombang menandatangani pakta integritas, Kamis, di halaman kantor."
    assert analysed(ref, text).date.value == ("unknown", "")
    found = analysed(ref, text, date(2024, 10, 19)).date  # a Saturday
    assert found.value == ("approximate", "2024-10-17")
    both = text + " Apel ikrar digelar pula, Jumat, di lapangan."
    assert isinstance(analysed(ref, both).date, Unsure)


def test_regions_whose_name_begins_like_kota(ref: reference.Reference) -> None:
    """'Kotawaringin Timur', 'Kotabaru' and 'Kotamobagu' are names, not 'Kota' + a name."""
    for text, code in (
        ("Pemkab Kotawaringin Timur menggelar apel ikrar netralitas.", "62.02"),
        ("ASN Pemkab Kotabaru mengikuti ikrar netralitas.", "63.02"),
        ("Pemkot Kotamobagu menggelar ikrar netralitas ASN.", "71.74"),
    ):
        d = analysed(ref, text)
        assert isinstance(d.region, Found) and d.region.value == code, text


def test_a_title_before_another_clause_takes_no_name(ref: reference.Reference) -> None:
    """'X merupakan Sekretaris Daerah, Irawati merupakan ...': Irawati is not the Sekda,
    and 'Wakil Bupati Kotawaringin Timur' names the region, not a person."""
    d = analysed(
        ref,
        "Pemkab Kotawaringin Timur menggelar ikrar netralitas ASN.\n"
        "Halikinnor merupakan Sekretaris Daerah, Irawati merupakan anggota DPRD dan Taufiq "
        "Mukri merupakan petahana Wakil Bupati Kotawaringin Timur.\n"
        "Ikrar dipimpin Plh Wali Kota Bandung, Ema Sumarna.",
    )
    assert [(p.office, p.name()) for p in d.people] == [
        ("Wali Kota", Found("Ema Sumarna", d.people[0].names["Ema Sumarna"]))
    ]


def test_witnessing_is_of_a_signing_and_reading_of_the_pledge(ref: reference.Reference) -> None:
    d = analysed(
        ref,
        "Ikrar ASN Pemprov Babel disaksikan oleh Wakil Gubernur Babel, Abdul Fatah saat "
        "memimpin upacara.\n"
        "Aturan undang-undang yang dibacakan oleh Kepala BKD Klaten, Surti Hartini.\n"
        "Penandatanganan pakta integritas disaksikan oleh Sekda Babel Naziarto.\n"
        "Empat poin ikrar dibacakan oleh Asisten I Budi Santoso.",
    )
    roles = {p.office: set(p.roles) for p in d.people}
    assert roles == {
        "Wakil Gubernur": {"presiding"},  # "saat memimpin"; no signing to witness
        "Kepala Badan": set(),  # read the regulations, not the pledge
        "Sekretaris Daerah": {"witnessing"},
        "Asisten Sekretaris Daerah": {"reading"},
    }


def test_a_word_in_a_quote_is_no_kind_of_event(ref: reference.Reference) -> None:
    text = 'ASN Pemprov Babel membacakan ikrar. "Ikrar ini deklarasi kita," ujarnya.'
    assert set(analysed(ref, text).event_types) == {"ikrar"}


def test_titles_of_a_city_and_a_pembina(ref: reference.Reference) -> None:
    """'Kota Administrasi' before the name, an office word is no name, a city's
    Sekretaris Kota is its Sekretaris Daerah, and 'menjadi pembina apel' presides."""
    d = analysed(
        ref,
        "Wali Kota Administrasi Jakarta Pusat Dhany Sukma menandatangani deklarasi.\n"
        "Penandatanganan diikuti Wali Kota, Wakil Wali Kota, Sekretaris Kota, Ketua Bawaslu.\n"
        "Sekretaris Kota Palu Asri saat memimpin jalannya apel ikrar ASN.\n"
        "Pj Bupati Lumajang, Indah Wahyuni (Yuyun) menjadi pembina Apel Besar Ikrar.",
    )
    got = {(p.office, p.name().value if p.name() else None): set(p.roles) for p in d.people}
    assert got == {
        ("Wali Kota", "Dhany Sukma"): {"signing"},
        ("Sekretaris Daerah", "Asri"): {"presiding"},
        ("Bupati", "Indah Wahyuni"): {"presiding"},
    }


def test_an_english_dateline_and_a_day_said_just_after(ref: reference.Reference) -> None:
    """A theme's 'October 17, 2018 17:00' dates the article; 'kata … usai deklarasi,
    Rabu (17/10/2018)' gives the declaration's day (CONTRIBUTING: exact), while a day
    only of what was said stays reported."""
    dated = "October 17, 2018 17:00\nASN Pemkot Surakarta mendeklarasikan netralitas, Rabu (17/10)."
    assert analysed(ref, dated).date.value == ("exact", "2018-10-17")
    after = '"Netral," kata Untara usai deklarasi netralitas ASN di Balai Kota, Rabu (17/10/2018).'
    assert analysed(ref, after).date.value == ("exact", "2018-10-17")
    said = '"Netral," kata Untara tentang deklarasi netralitas ASN, Rabu (17/10/2018).'
    assert analysed(ref, said).date.value == ("reported", "2018-10-17")


def test_an_office_short_form_and_a_lowercase_status(ref: reference.Reference) -> None:
    d = analysed(
        ref, "Deklarasi dipimpin langsung penjabat (Pj) Sekretaris Daerah (Sekda) Solo Untara."
    )
    (person,) = d.people
    assert (person.office, person.name().value, person.status().value) == (
        "Sekretaris Daerah",
        "Untara",
        "pj",
    )
    assert set(person.roles) == {"presiding"}


def test_a_time_of_day_before_the_date_and_a_list_of_offices(ref: reference.Reference) -> None:
    """'Senin pagi (12/3)' is the day (its year from the date published); 'para Kepala
    OPD, Camat, Kades se-Rohul' names offices, not a Camat called Kades."""
    d = analysed(
        ref,
        "Apel Bersama Netralitas ASN di halaman Kantor Bupati Rohul, Senin pagi (12/3).\n"
        "Apel dihadiri para Kepala OPD, Camat, Kades se- Rohul dan para ASN Pemkab Rohul.",
        date(2018, 3, 12),
    )
    assert d.date.value == ("exact", "2018-03-12")
    assert d.people == []
