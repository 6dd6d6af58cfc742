"""Building our site somewhere other than the repository root: for the hardening
tests (hostile registries, two builds compared) and for the benchmark.

Both need the same two things, kept here so they cannot drift apart: the
hand-written part of docs/, and a copy of mkdocs.yml whose paths point there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_env(base: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`base` (this process's environment unless given) for running mkdocs: mkdocs.yml
    loads a Markdown extension of the generator package (generator/passthrough.py), so
    the repository must be importable."""
    paths = [str(ROOT), *filter(None, base.get("PYTHONPATH", "").split(os.pathsep))]
    return {**base, "PYTHONPATH": os.pathsep.join(paths)}


def handwritten_docs(target: Path) -> None:
    """Copy what git tracks in docs/ (the generator writes the rest) into target."""
    if target.exists():
        shutil.rmtree(target)
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        dest = target / Path(name).relative_to("docs")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest)


def relocated_config(path: Path, docs: Path, site: Path) -> Path:
    """Our mkdocs.yml, writing `docs` into `site`, saved at `path`.

    Relative paths are made absolute, the hook's too (it gives the theme its
    words); `watch` (relative to the repository) is dropped.
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.pop("watch", None)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"].get("custom_dir", "overrides"))
    config.update(docs_dir=str(docs), site_dir=str(site))
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
