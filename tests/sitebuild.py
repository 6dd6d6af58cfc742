"""Build a complete site (generator -> mkdocs -> Pagefind) from any registry, for tests.

The browser tests read the real site/ that `make site` built; hardening tests
need sites built from other registries (hostile records) or built twice
(reproducibility). This builds them the same way, into a temporary folder,
with a copy of mkdocs.yml whose paths point there.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.write import generate
from tools.sitebuild import ROOT, handwritten_docs, mkdocs_env, pagefind, relocated_config


def build_site(
    registry: Path,
    work: Path,
    clock: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    core: str = "mkdocs",
) -> Path:
    """Build registry into work/site and return that path; raises on any failure.

    `clock` prefixes every step (e.g. faketime with an offset) and `env` adds to
    its environment (e.g. TZ): the generator then runs as its own process too, so
    no step of the build reads this process's clock. `core` is the mkdocs-compatible
    program that renders the pages (mkdocs, or its fallback properdocs).
    """
    docs, site = work / "docs", work / "site"
    handwritten_docs(docs)
    extra = dict(env or {})
    if clock or extra:
        generator = [sys.executable, "-m", "generator", "build", "--registry", str(registry)]
        run([*clock, *generator, "--docs", str(docs)], cwd=ROOT, env=extra)
    else:
        generate(registry, docs)
    relocated_config(work / "mkdocs.yml", docs, site)
    bin_dir = Path(sys.executable).parent
    config = ["-f", str(work / "mkdocs.yml"), "--site-dir", str(site)]
    run([*clock, str(bin_dir / core), "build", "--strict", "--quiet", *config], env=extra)
    run([*clock, *pagefind(site)], cwd=ROOT, env=extra)
    return site


def run(command: list[str], cwd: Path | None = None, env: Mapping[str, str] | None = None) -> None:
    result = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        # A clean environment, with the repository importable for mkdocs.
        env=mkdocs_env({"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **(env or {})}),
    )
    if result.returncode:
        raise AssertionError(f"{command[0]} failed:\n{result.stdout}\n{result.stderr}")
