"""Build a complete site (generator -> mkdocs -> Pagefind) from any registry, for tests.

The browser tests read the real site/ that `make site` built; hardening tests
need sites built from other registries (hostile records) or built twice
(reproducibility). This builds them the same way, into a temporary folder,
with a copy of mkdocs.yml whose paths point there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.write import generate

ROOT = Path(__file__).resolve().parent.parent


def build_site(registry: Path, work: Path) -> Path:
    """Build registry into work/site and return that path; raises on any failure."""
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=_generated_entries)
    generate(registry, docs)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["hooks"] = [str(ROOT / "generator" / "hooks.py")]
    config.pop("watch", None)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    site = work / "site"
    bin_dir = Path(sys.executable).parent
    run(
        [
            str(bin_dir / "mkdocs"),
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(work / "mkdocs.yml"),
            "--site-dir",
            str(site),
        ]
    )
    run([sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"], cwd=ROOT)
    return site


def run(command: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    if result.returncode:
        raise AssertionError(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")


def _generated_entries(directory: str, names: list[str]) -> set[str]:
    """Skip what the generator writes into docs/, so only hand-written files are copied."""
    if Path(directory) != ROOT / "docs":
        return set()
    manifest = ROOT / "docs" / ".generated"
    listed = set(manifest.read_text().split()) if manifest.exists() else set()
    return {n for n in names if n in listed or n == ".generated" or n == "index.md"}
