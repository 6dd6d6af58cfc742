"""generator/refdata.py: a hand-described legal basis that is a listed national
instrument is recognised by number, year and title, and nothing else is."""

from __future__ import annotations

from generator.refdata import listed_instrument

BASES = {
    "pp-53-2010": {"id": "pp-53-2010", "number": "53", "year": 2010,
                   "title": "Disiplin Pegawai Negeri Sipil"},
    "skb": {"id": "skb", "numbers": ["05 Tahun 2020", "6/SKB/KASN/9/2020"], "year": 2020,
            "title": "Netralitas ASN"},
}  # fmt: skip


def test_the_ways_sources_write_one_regulation() -> None:
    for number, title in (
        ("53 Tahun 2010", "Disiplin Pegawai Negeri Sipil"),
        ("Nomor 53 tahun 2010", "disiplin PNS"),
        ("53/2010", "Disiplin Pegawai Negeri Sipil (PNS)"),
    ):
        item = {"type": "peraturan", "issuer": "Pemerintah", "number": number, "title": title}
        assert listed_instrument(item, BASES) == "pp-53-2010", (number, title)


def test_a_regional_regulation_sharing_the_number_is_not_it() -> None:
    for item in (
        {"number": "53 Tahun 2010", "title": "Disiplin Pegawai di Lingkungan Pemkab"},
        {"number": "53 Tahun 2011", "title": "Disiplin PNS"},
        {"number": "530 Tahun 2010", "title": "Disiplin PNS"},
        {"number": "53 Tahun 2010"},  # no title: cannot be told
        {"title": "Disiplin PNS"},
        {"number": 53, "title": ["not", "text"]},
    ):
        assert listed_instrument({"type": "peraturan", **item}, BASES) == "", item
