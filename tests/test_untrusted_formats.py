"""Every output format escapes for itself: Atom feeds hold only XML 1.0 characters,
RIS and BibTeX fields stay on one line, front matter survives any character, and
diagnostics never start a new line in a terminal or a GitHub Actions log.

Reference data is checked (test_untrusted_reference.py), but each writer must
hold on its own: here the model is built from a checked registry and then given
a hostile region name, as a future reference file or a bug might.
"""

from __future__ import annotations

import errno
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from generator import cite, filters, model, render, validate
from generator.__main__ import main
from generator.diagnostics import Diagnostic
from tests.conftest import FIXTURES, TODAY, make_registry

NAME = "prov-kepulauan-riau-2020-10-19.yml"
HOSTILE = "Kepulauan\x1b Riau\r\nTY  - JOUR\u0085\u2028\x7f\ufffe\x00"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = {"url": "https://contoh.github.io/registri/", "repo_url": ""}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("formats")
    record = (FIXTURES / "records" / NAME).read_bytes()
    registry = make_registry(root, {NAME: record})
    checked, diags = validate.check(registry, None, TODAY)
    assert checked is not None, diags
    checked.reference.regions["21"]["name"] = HOSTILE
    return render.render_site(model.build(checked), SITE)


def test_feeds_hold_only_xml_characters(files: dict[str, str]) -> None:
    for path in ("feed.xml", "data/feed/prov-kepulauan-riau.xml", "koreksi/feed.xml"):
        root = ET.fromstring(files[path])  # raises on any character XML 1.0 forbids
        assert root.tag == f"{ATOM}feed"
    entry = ET.fromstring(files["feed.xml"]).find(f"{ATOM}entry")
    title = entry.findtext(f"{ATOM}title") or ""
    assert title.startswith("Kepulauan\ufffd Riau")
    assert "JOUR\u0085\u2028\x7f\ufffd\ufffd: " in title


def test_front_matter_keeps_any_character(files: dict[str, str]) -> None:
    page = files["peristiwa/prov-kepulauan-riau-2020-10-19.md"]
    head = page.split("\n---\n", 1)[0].removeprefix("---\n")
    meta = yaml.load(head, Loader=yaml.SafeLoader)
    assert meta["title"].startswith(HOSTILE + ": ")
    assert meta["jsonld"]["location"]["name"] == HOSTILE
    assert meta["citation"]["citation_title"].startswith(HOSTILE)
    assert "\u2028" not in head and "\x85" not in head and "\x7f" not in head


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a\u0085b", '"a\\u0085b"'),
        ("a\u2028b\u2029c", '"a\\u2028b\\u2029c"'),
        ("a\x7fb\ufeff", '"a\\u007fb\\ufeff"'),
        ("a\nb\x1b", '"a\\nb\\u001b"'),
        ("Bengkayang", '"Bengkayang"'),
    ],
)
def test_front_matter_value_is_yaml_safe(value: str, expected: str) -> None:
    text = filters.front_matter_value(value)
    assert text == expected
    assert yaml.load(text, Loader=yaml.SafeLoader) == value


CITATION = {
    "id": "prov-kepulauan-riau-2020-10-19",
    "title": "Kepulauan\r\nER  - \r\nTY  - JOUR\u2028Riau: ikrar, 19 Oktober 2020",
    "url": "https://contoh.github.io/registri/peristiwa/prov-kepulauan-riau-2020-10-19/",
    "year": "2026",
    "updated": "2026-11-05",
    "publisher": "Registri\nIkrar",
    "region": "Kepulauan Riau",
    "province": "Kepulauan Riau",
    "start": "2020-10-19",
    "version": "0a1b2c3\r\nER  - ",
}


def test_ris_fields_stay_on_one_line() -> None:
    assert cite.ris(CITATION).split("\r\n") == [
        "TY  - ELEC",
        "TI  - Kepulauan ER  -  TY  - JOUR Riau: ikrar, 19 Oktober 2020",
        "AU  - Registri Ikrar",
        "PB  - Registri Ikrar",
        "PY  - 2026",
        "DA  - 2026/11/05",
        f"UR  - {CITATION['url']}",
        "ID  - prov-kepulauan-riau-2020-10-19",
        "ET  - 0a1b2c3 ER  -",
        "LA  - id",
        "ER  - ",
        "",
    ]


def test_bibtex_fields_stay_on_one_line() -> None:
    lines = cite.bibtex(CITATION).splitlines()
    # The title is brace-protected (sentence-case styles keep its capitals).
    assert lines[1] == "  title = {{Kepulauan ER  -  TY  - JOUR Riau: ikrar, 19 Oktober 2020}},"
    assert "  version = {0a1b2c3 ER  -}," in lines
    assert lines[2] == "  author = {{Registri Ikrar}},"
    assert all(re.fullmatch(r"  [a-z]+ = \{.*\},?", line) for line in lines[1:-1])


@pytest.mark.parametrize(
    ("diag", "text", "github"),
    [
        (
            Diagnostic("registry/events/x.yml", 3, 1, "a\n::warning::b", "unknown key"),
            "registry/events/x.yml:3:1: error: a\\n::warning::b: unknown key",
            "::error file=registry/events/x.yml,line=3,col=1,title=a\\n%3A%3Awarning%3A%3Ab"
            "::a\\n::warning::b: unknown key",
        ),
        (
            Diagnostic("registry/events/x\r::add-mask::y.yml", 1, 1, "", "m\u2028\u0085\x1b[2J"),
            "registry/events/x\\r::add-mask::y.yml:1:1: error: m\\u2028\\u0085\\u001B[2J",
            "::error file=registry/events/x\\r%3A%3Aadd-mask%3A%3Ay.yml,line=1,col=1,"
            "title=registry::m\\u2028\\u0085\\u001B[2J",
        ),
        (
            Diagnostic("registry/events/\u202egnp.yml", 1, 1, "", "ok"),
            "registry/events/\\u202Egnp.yml:1:1: error: ok",
            "::error file=registry/events/\\u202Egnp.yml,line=1,col=1,title=registry::ok",
        ),
    ],
)
def test_diagnostics_escape_control_characters(diag: Diagnostic, text: str, github: str) -> None:
    assert diag.text() == text
    assert diag.github() == github
    assert "\n" not in diag.text() + diag.github()


def test_a_newline_in_a_yaml_key_stays_on_its_line(
    registry_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = (FIXTURES / "base.yml").read_text(encoding="utf-8")
    hostile = record + '"x\\n::warning file=a,line=1::palsu": 1\n'
    (registry_dir / "events" / "kab-bengkayang-2020-10-20.yml").write_text(hostile)
    for fmt in ("text", "github"):
        assert main(["check", "--today", TODAY.isoformat(), "--format", fmt]) == 1
        out = capsys.readouterr().out
        assert not any(line.startswith("::warning") for line in out.splitlines())
        assert len(out.splitlines()) == 1


def test_disk_full_is_one_line(
    registry_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    record = (FIXTURES / "base.yml").read_bytes()
    (registry_dir / "events" / "kab-bengkayang-2020-10-20.yml").write_bytes(record)

    def full(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device", str(self))

    monkeypatch.setattr(Path, "write_text", full)
    assert main(["build", "--today", TODAY.isoformat(), "--docs", "docs"]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if "warning" not in line]
    assert len(err) == 1
    assert re.fullmatch(
        r"error: cannot read or write \.gen-\w+/\S+\.\w+: No space left on device", err[0]
    )
    assert not list(Path().glob(".gen-*"))
