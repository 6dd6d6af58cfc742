"""Record history from git: classes of change on event pages, the Koreksi page, its feed
and the JSON; shallow clones and missing git degrade; published records stay.

Every test builds from a temporary git repository with fixed author and committer
dates, so nothing depends on the live registry or the clock.
"""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator import fielddiff, history, messages, write
from generator.diagnostics import GeneratorError
from tests.conftest import FIXTURES, ROOT, TODAY, git, make_registry

NAME = "prov-kepulauan-riau-2020-10-19.yml"
EVENT = NAME.removesuffix(".yml")
ATOM = "{http://www.w3.org/2005/Atom}"
CONFIG = (
    "site_url: https://contoh.github.io/registri/\nrepo_url: https://github.com/contoh/registri\n"
)
JPNN = """  - url: https://www.jpnn.com/news/asn-kepri-ikrar-netralitas
    publisher: JPNN
    title: ASN Kepri ikrar netralitas
    accessed: 2026-11-24
    supports: [date]
"""
# (message, day, edit of the record text) in commit order; the first adds it.
# The reason is the commit's `Alasan:` trailer (`Reason:` in English); the subject is not.
STEPS = [
    ("Tambah catatan Kepulauan Riau\n\nAlasan: Catatan baru", "02", lambda t: t),
    (
        "Fix date\n\nAlasan: Koreksi tanggal: sumber kedua menyebut tanggal acara\n"
        "Reason: Date corrected: a second source gives the day",
        "03",
        lambda t: t.replace("precision: approximate", "precision: exact"),
    ),
    ("Tambah sumber JPNN", "04", lambda t: t.replace("notes: >-", JPNN + "notes: >-")),
    (
        # a commit message is untrusted text
        'Perjelas\n\nAlasan: Perjelas catatan <script>alert("x")</script>',
        "05",
        lambda t: t.replace("Teks yang sama juga terbit", "Teks serupa juga terbit"),
    ),
]


def make_repo(root: Path) -> Path:
    """A repository whose registry went through the four kinds of change in STEPS."""
    registry = make_registry(root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Data rujukan")
    text = (FIXTURES / "records" / NAME).read_text(encoding="utf-8")
    for message, day, edit in STEPS:
        text = edit(text)
        (registry / "events" / NAME).write_text(text, encoding="utf-8")
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", message, day=day)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return registry


def build(root: Path, registry: Path, docs: Path) -> dict[str, str]:
    """generate() as `python -m generator build` runs it, from root; files as text."""
    cwd = os.getcwd()
    os.chdir(root)
    try:
        write.generate(registry, docs, TODAY)
    finally:
        os.chdir(cwd)
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in _files(docs)}


def _files(docs: Path) -> list[Path]:
    wanted = ("peristiwa/", "koreksi/", "data/peristiwa/")
    return [
        p
        for p in docs.rglob("*")
        if p.is_file() and p.relative_to(docs).as_posix().startswith(wanted)
    ]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("repo"))


@pytest.fixture(scope="module")
def site(repo: Path) -> dict[str, str]:
    return build(repo.parent, repo, repo.parent / "docs")


def commits(repo: Path) -> list[str]:
    """Full commit ids, newest first."""
    return git(repo, "log", "--format=%H").split()


def test_event_page_shows_each_class_newest_first(site: dict[str, str]) -> None:
    page = site[f"peristiwa/{EVENT}.md"]
    riwayat = page[page.index("## Riwayat") : page.index("## Kutip halaman ini")]
    badges = [
        "Perjelasan</span>",
        "Sumber ditambah</span>",
        "Koreksi</span>",
        "Penambahan</span>",
    ]
    at = [riwayat.index(b) for b in badges]
    assert at == sorted(at)
    assert "tanggal: ± 19 Okt 2020 (perkiraan) → 19 Okt 2020 (tepat)" in riwayat
    assert "sumber ditambah: JPNN" in riwayat
    assert "Alasan: Koreksi tanggal: sumber kedua menyebut tanggal acara" in riwayat
    assert '<del class="hapus"><span class="sr-only">[dihapus: </span>yang sama' in riwayat
    assert '<time datetime="2026-11-03">3 November 2026</time>' in riwayat
    assert "Alasan: Perjelas catatan &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in riwayat
    assert "<script>" not in page


def test_citation_names_the_version_and_links_the_file_then(
    repo: Path, site: dict[str, str]
) -> None:
    page = site[f"peristiwa/{EVENT}.md"]
    last = commits(repo)[0]
    citation = page[page.index("## Kutip halaman ini") :]
    assert f"versi <code>{last[:7]}</code> (5 November 2026)" in citation
    blob = f"https://github.com/contoh/registri/blob/{last}/registry/events/{NAME}"
    assert f'<a href="{blob}">berkas pada commit {last[:7]}</a>' in citation


def test_koreksi_page_lists_corrections_only(repo: Path, site: dict[str, str]) -> None:
    page = site["koreksi/index.md"]
    correction, added = commits(repo)[2:4]
    assert page.count("<li><p><time") == 1
    assert "Alasan: Koreksi tanggal: sumber kedua menyebut tanggal acara" in page
    assert "Perjelas catatan" not in page and "Tambah sumber JPNN" not in page
    blob = "https://github.com/contoh/registri/blob/{}/registry/events/" + NAME
    assert f'<a href="{blob.format(added)}">catatan sebelum koreksi</a>' in page
    assert f'<a href="{blob.format(correction)}">sesudah koreksi</a>' in page
    assert f'<a href="../peristiwa/{EVENT}/">catatan kini</a>' in page


def test_feed_carries_the_correction(site: dict[str, str]) -> None:
    root = ET.fromstring(site["koreksi/feed.xml"])
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.findtext(f"{ATOM}updated") == "2026-11-03T10:00:00Z"
    assert root.findtext(f"{ATOM}updated") == "2026-11-03T10:00:00Z"
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert "tanggal: ± 19 Okt 2020 (perkiraan) → 19 Okt 2020 (tepat)" in summary
    assert entry.find(f"{ATOM}category").get("term") == "correction"
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"https://contoh.github.io/registri/peristiwa/{EVENT}/"


def test_json_carries_history_and_version(repo: Path, site: dict[str, str]) -> None:
    record = json.loads(site[f"data/peristiwa/{EVENT}.json"])
    ids = commits(repo)[:4]
    assert record["version"]["commit"] == ids[0][:7]
    assert record["version"]["date"] == record["updated"] == "2026-11-05"
    assert [h["class"] for h in record["history"]] == [
        "clarification",
        "source",
        "correction",
        "addition",
    ]
    assert [h["commit"] for h in record["history"]] == [c[:7] for c in ids]
    correction = record["history"][2]
    assert correction["changes"] == [
        {
            "field": "date",
            "part": None,
            "op": "changed",
            "item": None,
            "before": {"precision": "approximate", "value": "2020-10-19"},
            "after": {"precision": "exact", "value": "2020-10-19"},
        }
    ]
    assert record["history"][1]["changes"][0]["item"] == "JPNN"
    assert record["history"][0]["changes"][0]["field"] == "notes"


def test_builds_are_identical(repo: Path, site: dict[str, str]) -> None:
    assert build(repo.parent, repo, repo.parent / "docs-again") == site


def test_shallow_clone_builds_with_one_warning(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.parent}", str(clone))
    pages = build(clone, clone / "registry", tmp_path / "docs")
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "shallow git clone" in err
    assert "fetch-depth: 0" in err
    assert "## Riwayat" not in pages[f"peristiwa/{EVENT}.md"]
    assert "Belum ada koreksi" in pages["koreksi/index.md"]
    assert json.loads(pages[f"data/peristiwa/{EVENT}.json"])["history"] == []


def test_registry_outside_git_builds_with_one_warning(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(repo, tmp_path / "registry")
    pages = build(tmp_path, tmp_path / "registry", tmp_path / "docs")
    err = capsys.readouterr().err
    assert err.count("warning:") == 1 and "not in a git repository" in err
    assert json.loads(pages[f"data/peristiwa/{EVENT}.json"])["version"] is None


@pytest.mark.parametrize("how", ["delete", "rename", "commit-delete"])
def test_checker_refuses_removing_a_published_record(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"file://{repo.parent}", str(clone))
    events = clone / "registry" / "events"
    if how == "rename":
        (events / NAME).rename(events / "prov-kepulauan-riau-2020-10-20.yml")
    else:
        (events / NAME).unlink()
    if how == "commit-delete":
        git(clone, "commit", "-qam", "Hapus catatan", day="06")
    monkeypatch.chdir(clone)
    with pytest.raises(GeneratorError) as err:
        write.check_only(Path("registry"), None, TODAY)
    messages = [d.text() for d in err.value.diagnostics if d.path.endswith(NAME)]
    short = commits(repo)[0][:7]
    assert messages == [
        f"registry/events/{NAME}:1:1: error: id: record '{EVENT}' was published (commit "
        f"{short}, 2026-11-05) and its file is missing; ids never change, so a published "
        f"record is not renamed or deleted: restore it (git checkout {short} -- "
        f"registry/events/{NAME}) and correct it instead; a correction keeps the "
        "record's history"
    ]


def test_classes() -> None:
    base = {
        "date": {"precision": "exact", "value": "2020-10-19", "note": "a"},
        "sources": [{"url": "https://a.example/", "publisher": "A"}],
        "notes": "x",
    }
    plus = {"url": "https://b.example/", "publisher": "B"}

    def kind(**new: object) -> str:
        return history.classify(fielddiff.diff_records(base, {**base, **new}))

    assert kind() == "format"
    assert kind(notes="y") == "clarification"
    assert kind(sources=[{"url": "https://a.example/", "publisher": "A, Jakarta"}]) == (
        "clarification"
    )
    assert kind(sources=[*base["sources"], plus]) == "source"
    assert kind(sources=[plus]) == "correction"  # a source withdrawn
    assert kind(date={**base["date"], "note": "b"}) == "clarification"
    assert kind(date={**base["date"], "value": "2020-10-18"}) == "correction"
    assert kind(venue="Aula") == "correction"
    assert kind(sources=[*base["sources"], plus], venue="Aula") == "correction"


def test_pull_request_number_follows_the_reason() -> None:
    merge = "Merge pull request #12 from pengguna/cabang"
    assert history.reason(merge, "Koreksi tanggal Bengkayang") == "Koreksi tanggal Bengkayang (#12)"
    assert history.reason("Tambah sumber (#13)", "Sumber baru") == "Sumber baru"
    assert history.reason(merge, "") == ""


def test_reason_comes_from_trailers_in_the_pages_language(repo: Path, site: dict) -> None:
    """Alasan: for the Indonesian page, Reason: for English (why_en in the JSON); a commit
    without the trailer shows no reason, not its subject."""
    record = json.loads(site[f"data/peristiwa/{EVENT}.json"])
    assert [(h["why"], h["why_en"]) for h in record["history"]] == [
        ('Perjelas catatan <script>alert("x")</script>', None),
        (None, None),
        (
            "Koreksi tanggal: sumber kedua menyebut tanggal acara",
            "Date corrected: a second source gives the day",
        ),
        ("Catatan baru", None),
    ]
    page = site[f"peristiwa/{EVENT}.md"]
    riwayat = page[page.index("## Riwayat") : page.index("## Kutip halaman ini")]
    assert riwayat.count('<p class="alasan">') == 3
    for subject in ("Fix date", "Tambah sumber JPNN", "Tambah catatan Kepulauan Riau"):
        assert subject not in page
    assert "Date corrected" not in page


@pytest.mark.parametrize(
    ("message", "why", "why_en"),
    [
        ("Judul\n\nAlasan: Satu\nReason: One", "Satu", "One"),
        ("Judul\n\nReason: One", "", "One"),
        ("Judul\n\nalasan:   Kecil  ", "Kecil", ""),  # git: keys are case-insensitive
        ("Judul\n\nAlasan: Baris satu\n  baris dua", "Baris satu baris dua", ""),  # unfolded
        ("Judul\n\nAlasan: Pertama\nAlasan: Kedua", "Pertama", ""),
        ("Judul\n\nAlasan: bukan trailer\n\nParagraf terakhir.", "", ""),
        ("Alasan: hanya judul", "", ""),
        ("Judul\n\nTeks Alasan: di tengah kalimat", "", ""),
    ],
)
def test_reason_follows_git_trailer_rules(
    tmp_path: Path, message: str, why: str, why_en: str
) -> None:
    registry = make_registry(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    (registry / "events" / NAME).write_text(
        (FIXTURES / "records" / NAME).read_text(encoding="utf-8"), encoding="utf-8"
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", message)
    (touch,) = history.read_log(registry).touches[f"events/{NAME}"]
    assert (touch.why, touch.why_en) == (why, why_en)


def test_methodology_page_states_every_class() -> None:
    classes = messages.section("history.classes")
    assert set(classes) == set(history.CLASSES)
    about = (ROOT / "docs" / "tentang.md").read_text(encoding="utf-8")
    for label, meaning in classes.values():
        assert f"**{label}**: {meaning}" in about


def test_list_items_are_matched_by_identity_then_shape() -> None:
    person = {"roles": ["presiding"], "name": "Nunu", "office": "Bupati", "status": "pj"}
    group = {"roles": ["declaring"], "group": "para kepala OPD"}
    renamed = {**person, "name": "Nunu Andriani"}
    changes = fielddiff.diff_records({"people": [person]}, {"people": [renamed, group]})
    assert [(c.op, c.item, c.part, c.before, c.after) for c in changes] == [
        ("changed", "Bupati", "name", "Nunu", "Nunu Andriani"),
        ("added", "para kepala OPD", "", None, None),
    ]
    changes = fielddiff.diff_records({"people": [person]}, {"people": [group]})
    assert [(c.op, c.item) for c in changes] == [
        ("removed", "Bupati Nunu"),
        ("added", "para kepala OPD"),
    ]
