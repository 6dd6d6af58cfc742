"""Workflows run with the least they need: actions pinned by commit (the tag in a
comment), no token left in the checkout, write access to Pages only where the site
is deployed, and every Python package installed against its recorded hash.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"uses: ([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+")


def jobs(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["jobs"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_tag(path: Path) -> None:
    lines = [line.strip().removeprefix("- ") for line in path.read_text().splitlines()]
    uses = [line for line in lines if line.startswith("uses:")]
    assert uses and all(PINNED.fullmatch(line) for line in uses), uses


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(path: Path) -> None:
    steps = [s for job in jobs(path).values() for s in job["steps"]]
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_only_the_deploy_job_may_write_to_pages() -> None:
    path = ROOT / ".github" / "workflows" / "deploy.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    assert jobs(path)["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs(path)["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = jobs(path)["deploy"]["steps"]
    assert [s.get("uses", "").split("@")[0] for s in steps] == ["actions/deploy-pages"]


def test_pull_requests_only_read() -> None:
    path = ROOT / ".github" / "workflows" / "pr.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in jobs(path).values())


def test_the_source_check_only_reads_and_publishing_runs_only_git() -> None:
    """sources.yml: lychee and the generator run with read access; the job that may push
    the report and start a deployment downloads it and runs `make sources-publish`,
    which runs git and gh only."""
    path = ROOT / ".github" / "workflows" / "sources.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    assert jobs(path)["check"]["permissions"] == {"contents": "read"}
    assert jobs(path)["publish"]["permissions"] == {"contents": "write", "actions": "write"}
    steps = jobs(path)["publish"]["steps"]
    assert [s.get("uses", s.get("run", "")).split("@")[0] for s in steps] == [
        "actions/checkout",
        "actions/download-artifact",
        "make sources-publish",
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    publish = makefile.split("\nsources-publish:", 1)[1].split("\n\n", 1)[0]
    assert "git push" in publish and "gh workflow run deploy.yml" in publish
    assert not re.search(r"python|\$\(BIN\)|\bmake\b|\bpip\b|\bnpm\b|\bnode\b", publish)
    check = makefile.split("\nsources-check:", 1)[1].split("\n\n", 1)[0]
    assert "requirements-links.txt" in makefile.split("$(LYCHEE): ", 1)[1].split("\n\n", 1)[0]
    assert "--require-hashes" in makefile.split("$(LYCHEE): ", 1)[1].split("\n\n", 1)[0]
    assert "reports/sources.json" in check


@pytest.mark.parametrize(
    "name", ["requirements.txt", "requirements-dev.txt", "requirements-links.txt"]
)
def test_every_requirement_carries_its_hashes(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    entries = re.split(
        r"\n(?=\S)",
        "\n".join(line for line in text.splitlines() if line and not line.startswith("#")),
    )
    for entry in entries:
        if entry == "-r requirements.txt":
            continue
        assert re.fullmatch(
            r"[a-z0-9._-]+==[\w.+-]+ \\(\n    --hash=sha256:[0-9a-f]{64}( \\)?)+", entry
        ), entry


def test_the_makefile_installs_with_hashes_required() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = makefile.split("$(STAMP): ", 1)[1].split("\n\n", 1)[0]
    assert "pip install" in install and "--require-hashes" in install
