"""Build a complete site (generator -> mkdocs -> Pagefind) from any registry, for tests.

The browser tests read the real site/ that `make site` built; hardening tests
need sites built from other registries (hostile records) or built twice
(reproducibility). This builds them the same way, into a temporary folder,
with a copy of mkdocs.yml whose paths point there.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.write import generate
from tools.sitebuild import ROOT, handwritten_docs, mkdocs_env, relocated_config


def build_site(registry: Path, work: Path) -> Path:
    """Build registry into work/site and return that path; raises on any failure."""
    docs, site = work / "docs", work / "site"
    handwritten_docs(docs)
    generate(registry, docs)
    relocated_config(work / "mkdocs.yml", docs, site)
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
        # A clean environment, with the repository importable for mkdocs.
        env=mkdocs_env({"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}),
    )
    if result.returncode:
        raise AssertionError(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
