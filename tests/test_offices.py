"""Offices and names as sources write them: the exact values the checker suggests."""

from __future__ import annotations

import pytest

from generator.offices import name_without, office_hint, read_office, titles_in


@pytest.mark.parametrize(
    ("written", "office", "status"),
    [
        ("Sekda", "Sekretaris Daerah", None),
        ("Pj Sekda", "Sekretaris Daerah", "pj"),
        ("Plh. Sekda", "Sekretaris Daerah", "plh"),
        ("Penjabat Sementara Bupati", "Bupati", "pjs"),
        ("Pelaksana Tugas Wali Kota", "Wali Kota", "plt"),
        ("Asisten I", "Asisten Sekretaris Daerah", None),
        ("Asisten III Setda", "Asisten Sekretaris Daerah", None),
        ("Kadis", "Kepala Dinas", None),
        ("Plt Kepala Dinas Pendidikan", "Kepala Dinas", "plt"),
        ("Kaban Kesbangpol", "Kepala Badan", None),
        ("Kepala BKPSDM Kabupaten Sukamara", "Kepala BKPSDM", None),
        ("Walikota", "Wali Kota", None),
        ("Wabup", "Wakil Bupati", None),
        ("Wawali", "Wakil Wali Kota", None),
        ("Inspektur Daerah", "Inspektur", None),
        ("Camat Sukadana", "Camat", None),
    ],
)
def test_an_office_as_written_is_read(written: str, office: str, status: str | None) -> None:
    assert read_office(written) == (office, status)


@pytest.mark.parametrize("written", ["Kapolres", "Dandim", "Ketua DPRD", "Pj"])
def test_other_offices_get_no_guess(written: str) -> None:
    assert read_office(written) is None and office_hint(written) is None


def test_the_hint_names_status_and_keeps_the_source_words_for_title() -> None:
    assert office_hint("Pj Bupati") == "write office: Bupati and status: pj"
    assert office_hint("Kadis Pendidikan") == (
        "write office: Kepala Dinas (the source's words may go in title: 'Kadis Pendidikan')"
    )


@pytest.mark.parametrize(
    ("name", "titles", "bare"),
    [
        ("Deri Asta, SH", ["SH"], "Deri Asta"),
        ("Dr. H. Budi", ["Dr.", "H."], "Budi"),
        ("Hj Siti Aminah", ["Hj"], "Siti Aminah"),
        ("Budi Santoso S.Sos", ["S.Sos"], "Budi Santoso"),
        ("Ali, M.Si", ["M.Si"], "Ali"),
        ("Ir Joko Susilo", ["Ir"], "Joko Susilo"),
        ("Drs. H. Ali Baal, M.Si.", ["Drs.", "H.", "M.Si."], "Ali Baal"),
    ],
)
def test_titles_in_a_name_are_found(name: str, titles: list[str], bare: str) -> None:
    assert titles_in(name) == titles
    assert name_without(name, titles) == bare


@pytest.mark.parametrize(
    "name", ["H Budi", "M. Yusuf", "A.Rahman", "A. Murtala", "Yohanes Budiman"]
)
def test_initials_are_not_titles(name: str) -> None:
    assert titles_in(name) == []
