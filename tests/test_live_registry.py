"""The real registry, grown by records of every shape a contributor may write, still
builds into a valid site with no broken link.

Other page and browser tests use fixture records only (tests/conftest.py), so that a
contributor's valid record can never break them. This test runs the other way round:
whatever registry/events/ holds today, adding synthetic records of every shape (a
joint event over a province's regencies, people by role, groups, bodies, an organising
office, every date precision) must neither fail the checker nor the site checks. The
synthetic records use ids and imprecise dates that no real record can clash with.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from generator import validate
from tests.conftest import FIXTURES, ROOT
from tests.sitebuild import build_site
from tests.test_quality import broken_links, vnu_errors

SHAPES = ("prov-kalimantan-barat-2024-09-10.yml", "kab-pulang-pisau-2024-10.yml")


def shaped_records() -> dict[str, str]:
    """The fixture shapes, renamed `<slug>-uji-bentuk-N` with month precision, so they
    can never duplicate a real record's id or its region and day."""
    out = {}
    for n, name in enumerate(SHAPES, start=1):
        text = (FIXTURES / "records" / name).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=yaml.CSafeLoader)
        ident = re.sub(r"-\d{4}.*$", f"-uji-bentuk-{n}", data["id"])
        month = str(data["date"]["value"])[:7]
        text = text.replace(f"id: {data['id']}", f"id: {ident}")
        text = re.sub(
            r"(?m)^  precision: \w+\n  value: .*$", f"  precision: month\n  value: {month}", text
        )
        out[f"{ident}.yml"] = text
    return out


def test_real_registry_with_every_shape_builds_a_valid_site(tmp_path: Path) -> None:
    registry = tmp_path / "registry"
    shutil.copytree(ROOT / "registry", registry)
    shapes = shaped_records()
    for name, text in shapes.items():
        (registry / "events" / name).write_text(text, encoding="utf-8")
    checked, diags = validate.check(registry, None, None)
    assert diags == [] and checked is not None
    site = build_site(registry, tmp_path / "build")
    assert broken_links(site) == []
    pages = [site / "peristiwa" / Path(n).stem / "index.html" for n in shapes]
    pages += [site / "wilayah" / s / "index.html" for s in ("kab-bengkayang", "kab-pulang-pisau")]
    assert vnu_errors(pages) == []
    joint = (pages[0]).read_text(encoding="utf-8")
    assert "Peristiwa bersama" in joint and "Kabupaten Bengkayang" in joint
    regency = (site / "wilayah" / "kab-bengkayang" / "index.html").read_text(encoding="utf-8")
    assert "prov-kalimantan-barat-uji-bentuk-1" in regency
