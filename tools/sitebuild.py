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
# Pagefind from npm, pinned in package-lock.json (the Makefile's `site` target installs it).
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"


def mkdocs_env(base: Mapping[str, str] = os.environ) -> dict[str, str]:
    """`base` (this process's environment unless given) for running mkdocs: mkdocs.yml
    loads a Markdown extension of the generator package (generator/passthrough.py), so
    the repository must be importable; and every date the build writes (sitemap.xml's
    lastmod) is the commit's, never the clock's, as the Makefile has it."""
    paths = [str(ROOT), *filter(None, base.get("PYTHONPATH", "").split(os.pathsep))]
    return {
        **base,
        "PYTHONPATH": os.pathsep.join(paths),
        "SOURCE_DATE_EPOCH": source_date_epoch(),
    }


def source_date_epoch() -> str:
    """The commit time of the checkout being built (0 outside git), in seconds: the
    Makefile's SOURCE_DATE_EPOCH, so a build on another day writes the same bytes."""
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
    )
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "0"


def pagefind(site: Path) -> list[str]:
    """The command that indexes a built site; run it from the repository root, where
    pagefind.yml is (its globs and exclusions are ours)."""
    return [str(PAGEFIND), "--site", str(site), "--quiet"]


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

    Relative paths are made absolute, the hook's too; the inherited theme data
    (docs/.tema.yml) is the relocated docs' own; `watch` (relative to the
    repository) is dropped.
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config.pop("watch", None)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"].get("custom_dir", "overrides"))
    config.update(docs_dir=str(docs), site_dir=str(site))
    if "INHERIT" in config:  # the generated theme data, in the relocated docs/
        config["INHERIT"] = str(docs / Path(config["INHERIT"]).relative_to("docs"))
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path
