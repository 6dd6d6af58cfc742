"""CITATION.cff says what the site's citation says: the same title and publisher, the
site and repository addresses of mkdocs.yml, and the licences of DATA-LICENSE.md and
LICENSE. A fork that changes site_url or repo_url and forgets this file fails here."""

from __future__ import annotations

import yaml

from generator import cite, messages
from tests.conftest import ROOT


def test_citation_cff_is_in_step_with_the_site() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert {"message", "title", "authors"} <= set(cff)
    assert cff["title"] == messages.section("site")["name"] == cite.PUBLISHER
    assert [a["name"] for a in cff["authors"]] == [cite.PUBLISHER]
    assert cff["url"] == config["site_url"]
    assert cff["repository-code"] == config["repo_url"]
    assert cff["license"] == "CC-BY-4.0" and "CC BY 4.0" in (ROOT / "DATA-LICENSE.md").read_text()
    (code,) = cff["references"]
    assert code["license"] == "MIT" and "MIT" in (ROOT / "LICENSE").read_text()
    assert code["repository-code"] == config["repo_url"]
