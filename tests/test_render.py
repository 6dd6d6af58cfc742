"""Rendering: golden pages from a fixed registry, and untrusted text staying text.

Goldens are rendered from the fixture reference data plus the five real seed
records, so they show exactly what a reader gets. Regenerate after an
intended change with: UPDATE_GOLDEN=1 python -m pytest tests/test_render.py
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from generator import model, render, validate
from tests.conftest import FIXTURES, ROOT, TODAY, make_registry

GOLDEN = ROOT / "tests" / "golden"
SITE = {
    "url": "https://contoh.github.io/registri/",
    "repo_url": "https://github.com/contoh/registri",
}
PAGES = {
    "event.md": "peristiwa/kab-bener-meriah-2024-10-07.md",
    "region-with-events.md": "wilayah/kab-bengkayang.md",
    "region-without-events.md": "wilayah/kab-bandung.md",
    "province.md": "wilayah/prov-kalimantan-barat.md",
    "election.md": "pemilu/pilkada-2024.md",
    "compare-clauses.md": "bandingkan/klausul.md",
}


def render_registry(tmp: Path, extra: dict[str, bytes] | None = None) -> dict[str, str]:
    # A frozen copy of the seed records: contributions to registry/ must not churn goldens.
    events = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    registry = make_registry(tmp, {**events, **(extra or {})})
    checked, diags = validate.check(registry, None, TODAY)
    assert diags == []
    dates = {name: "2026-11-20" for name in events} | {"regions.csv": "2026-11-01"}
    return render.render_site(model.build(checked, dates), SITE)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("render")
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        return render_registry(tmp)
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("golden", sorted(PAGES))
def test_golden(golden: str, pages: dict[str, str]) -> None:
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(pages[PAGES[golden]], encoding="utf-8")
    assert pages[PAGES[golden]] == path.read_text(encoding="utf-8")


def test_every_region_has_a_page(pages: dict[str, str]) -> None:
    regions = (FIXTURES / "registry" / "regions.csv").read_text().splitlines()[1:]
    assert all(f"wilayah/{line.split(',')[4]}.md" in pages for line in regions)


def test_rendering_is_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: dict[str, str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert render_registry(tmp_path) == pages


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "[klik](javascript:alert(3))",
    "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "**tebal** _miring_ `kode` <!-- komentar -->",
    "| a | b |\n|---|---|",
    "# Judul palsu",
    "{: onclick=alert(4) }",
    "{{ 7*7 }} {% raw %}",
    "\u202eRTL\u200b zero\u200dwidth",
    "x" * 190,
    "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "<!--html-->\n<script>alert(5)</script>\n<!--/html-->",  # passthrough.py's markers
]


def hostile_record() -> bytes:
    """A valid record whose every free-text field carries attack strings."""
    import json

    s = [json.dumps(h) for h in HOSTILE]
    return f"""schema_version: 2
id: kab-bengkayang-2024-01-02
region: "61.07"
date: {{precision: exact, value: 2024-01-02, note: {s[0]}}}
elections: [pilkada-2024]
event_types: [ikrar]
venue: {s[3]}
organizer: {s[6]}
people:
  - {{roles: [presiding], name: {s[1]}, office: Bupati, status: pj,
     other_names: [{s[2]}], note: {s[7]}}}
  - {{roles: [reading], name: {s[5]}, office: Lainnya, title: {s[4]}, status: definitif}}
  - {{roles: [signing], group: {s[8]}, count: 7, note: {s[9]}}}
bodies:
  - {{kind: lainnya, name: {s[0]}, note: {s[11]}}}
participants: {{description: {s[3]}}}
clauses:
  - {{text: {s[4]}, wording: verbatim}}
  - {{text: {s[5]}, wording: verbatim, template: ikrar-netralitas-asn-1}}
  - {{text: {s[9]}, wording: paraphrased}}
  - {{text: {s[12]}, wording: verbatim}}
legal_basis:
  - {{type: surat, issuer: {s[6]}, number: {s[8]}, title: {s[11]}}}
sources:
  - {{url: "https://example.org/a?x=<b>&y=\\"z\\"", publisher: {s[10]}, title: {s[0]}}}
notes: {s[2]}
""".encode()


def test_hostile_values_are_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = render_registry(tmp_path, {"kab-bengkayang-2024-01-02.yml": hostile_record()})
    page = files["peristiwa/kab-bengkayang-2024-01-02.md"]
    body = page.split("\n---\n", 1)[1]
    assert "<script" not in body and "<img" not in body and "<!--" not in body
    assert "onerror=alert(2)&gt;" in body  # shown as text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&amp;lt;b&amp;gt;" in body  # entities in data are shown literally
    # values never start a Markdown construct: no line begins with data
    for line in body.splitlines():
        assert not re.match(r"\s*(\||#\s*Judul|\[klik\]|!\[x\]|\{:)", line), line
    assert 'href="javascript' not in page
    # The only data: links are the page's own citation downloads (base64 of our text).
    ours = r'href="data:application/[a-z.+-]+;charset=utf-8;base64,[A-Za-z0-9+/=]+"'
    assert 'href="data:' not in re.sub(ours, "", page) and 'src="data:' not in page
    assert "https://example.org/a?x=&lt;b&gt;&amp;y=&#34;z&#34;" in page


def test_finder_drops_the_words_the_search_page_drops() -> None:
    """region_finder_data leaves out aliases cari.js derives; both must strip the same words."""
    js = (ROOT / "docs" / "assets" / "js" / "cari.js").read_text(encoding="utf-8")
    block = js[js.index("var LEVEL_WORDS") : js.index("function normalize")]
    words = set(re.findall(r'"?([a-z]+)"?:\s*(?:"|1)', block))
    assert words == set(render.FINDER_DROPS)
    assert render.finder_key("Kab. Bengkayang") == render.finder_key("Kabupaten Bengkayang")
    assert render.finder_key("Kota Adm. Jakarta Pusat") == "jakarta pusat"


def test_every_fact_of_a_joint_event_has_its_place(pages: dict[str, str]) -> None:
    """The trial's cases: a joint event over a province's regencies, reader not the
    presider, symbolic signers, an organising office, a venue and other bodies."""
    joint = pages["peristiwa/prov-kalimantan-barat-2024-09-10.md"]
    assert "Peristiwa bersama: Pemerintah Provinsi Kalimantan Barat sebagai tuan rumah" in joint
    assert 'href="../../wilayah/kab-bengkayang/">Kabupaten Bengkayang</a>' in joint
    assert "Pendopo Gubernur Kalimantan Barat" in joint
    assert "bupati dan wali kota se-Kalimantan Barat (14 orang): menandatangani" in joint
    assert "KPU Provinsi Kalimantan Barat" in joint and "menyaksikan" in joint
    assert "Teks pakta integritas" not in joint  # its pact text is quoted
    office = pages["peristiwa/kab-pulang-pisau-2024-10.md"]
    assert "Dinas Pendidikan, Pemerintah Kabupaten Pulang Pisau" in office
    assert "Fiktif Penjabat, Pj Bupati" in office and "memimpin" in office
    assert "Fiktif Sekda, Plh Sekretaris Daerah" in office and "membacakan ikrar" in office
    assert "perwakilan guru ASN (7 orang): menandatangani" in office
    assert "Halaman Kantor Dinas Pendidikan Pulang Pisau" in office
    # Tables: the joint badge, the organising office and the reader beside the presider
    bengkayang = pages["wilayah/kab-bengkayang.md"]
    assert "bersama 1 wilayah lain" in bengkayang
    listing = pages["peristiwa/index.md"]
    assert "oleh Dinas Pendidikan" in listing
    assert "Fiktif Sekda" in listing and "membacakan ikrar" in listing


def test_a_pakta_without_its_text_says_so(pages: dict[str, str]) -> None:
    page = pages["peristiwa/kab-bener-meriah-2024-10-07.md"]  # clauses quoted: ikrar only
    assert "Bunyi pakta integritas tidak dicatat." in page
    assert "Sumber tidak memuat isi ikrar" not in page and "Bunyi ikrar" not in page


def test_finder_data_counts_events_as_region_pages_do(pages: dict[str, str]) -> None:
    """The answer card's numbers follow the coverage rule: a joint event counts for every
    region that took part, a province counts its regencies' events."""
    rows = json.loads(pages["cari/wilayah.json"])
    by_slug = {row[1]: row for row in rows}
    bengkayang = by_slug["kab-bengkayang"]
    assert rows[bengkayang[2]][1] == "prov-kalimantan-barat"  # its province's row
    assert bengkayang[3] == 2  # its own event and the province's joint one
    assert bengkayang[4] == "prov-kalimantan-barat-2024-09-10|10 Sep 2024, Kalimantan Barat"
    province = by_slug["prov-kalimantan-barat"]
    assert province[3] == 2 and province[4] == "~2024-09-10|10 Sep 2024"
    assert by_slug["kab-bandung"][3:5] == [0, ""]
    page = pages["wilayah/kab-bengkayang.md"]
    assert '<span data-pagefind-meta="jumlah">2</span>' in page
    assert '<dd class="status-wilayah">2 peristiwa tercatat</dd>' in page


def test_search_stop_words_name_no_region() -> None:
    """cari.js never lets a STOP word start a region match, so none may be part of a name."""
    js = (ROOT / "docs" / "assets" / "js" / "cari.js").read_text(encoding="utf-8")
    block = js[js.index("var STOP") : js.index('.split(" ").forEach(function (w) { STOP')]
    stop = set(" ".join(re.findall(r'"([a-z ]+)"', block)).split())
    assert {"pilkada", "ikrar", "bupati"} <= stop
    reference_regions = (ROOT / "registry" / "regions.csv").read_text(encoding="utf-8")
    words = set(re.sub(r"[^a-z0-9]+", " ", reference_regions.lower()).split())
    assert stop & words == set()


def test_an_error_can_be_reported_without_a_github_account(tmp_path: Path) -> None:
    """With extra.report_email set, every event and region page offers a mailto: link
    whose subject names the record and whose body is the page's address."""
    from generator import write

    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_url: https://contoh.github.io/registri\n"
        'extra:\n  report_email: "koreksi@contoh.org"\n'
    )
    settings = write.site_settings(config)
    assert settings["report_email"] == "koreksi@contoh.org"
    config.write_text('extra:\n  report_email: "x@y.org?cc=z@w.org"\n')
    assert write.site_settings(config)["report_email"] == ""  # not a plain address: no link
    events = {p.name: p.read_bytes() for p in (FIXTURES / "records").glob("*.yml")}
    checked, _ = validate.check(make_registry(tmp_path, events), None, TODAY)
    out = render.render_site(
        model.build(checked, {}), {**SITE, "report_email": "koreksi@contoh.org"}
    )
    page = out["peristiwa/kab-bener-meriah-2024-10-07.md"]
    assert (
        'href="mailto:koreksi@contoh.org?subject=%5BKoreksi%5D%20kab-bener-meriah-2024-10-07'
        "&amp;body=Halaman%3A%20https%3A//contoh.github.io/registri/peristiwa/"
        'kab-bener-meriah-2024-10-07/"'
    ) in page
    assert "mailto:" in out["wilayah/kab-bengkayang.md"]
