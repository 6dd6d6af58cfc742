"""Rendered files -> docs/, atomically; plus the pipeline entry points.

Nothing is written until every record has passed every check and every page
has rendered in memory. Then each generated top-level entry of docs/ is built
in a staging folder and swapped in with renames, so a failed run leaves the
previous output untouched and a reader of docs/ never sees half a build.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import yaml

from . import load, model, render, validate
from .diagnostics import Diagnostic, GeneratorError
from .load import EVENTS_DIR


def check_only(registry: Path, files: list[Path] | None, today: date | None) -> int:
    """Validate; raise GeneratorError with every problem; return the record count."""
    checked, diags = validate.check(registry, files, today)
    if checked is None:
        raise GeneratorError(diags)
    return len(checked.records) if files is None else len(files)


def generate(registry: Path, docs: Path, today: date | None = None) -> int:
    """The whole generator: check, model, render in memory, then write atomically."""
    checked, diags = validate.check(registry, None, today)
    if checked is None:
        raise GeneratorError(diags)
    registry_model = model.build(checked, load.git_dates(registry))
    files = render.render_site(registry_model, site_settings(Path("mkdocs.yml")))
    write_tree(docs, files)
    return len(files)


def site_settings(config: Path) -> dict[str, str]:
    """site_url and repo_url from mkdocs.yml, the one place they are configured."""
    if not config.exists():
        return {}
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    url = str(data.get("site_url") or "")
    return {
        "url": url if not url or url.endswith("/") else url + "/",
        "repo_url": str(data.get("repo_url") or "").rstrip("/"),
    }


def write_tree(docs: Path, files: dict[str, str]) -> None:
    """Replace each generated top-level entry of docs/ with its freshly staged version.

    Entries of docs/ the generator does not produce (hand-written pages,
    assets) are left alone.
    """
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=docs.parent))
    try:
        for rel, text in sorted(files.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", newline="\n")
        tops = sorted({rel.split("/")[0] for rel in files} | _previous(docs))
        for top in tops:
            _swap(staging / top, docs / top)
        (docs / render.MANIFEST).write_text("\n".join(tops) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _previous(docs: Path) -> set[str]:
    """Top-level entries an earlier run generated, so stale ones are removed."""
    manifest = docs / render.MANIFEST
    if not manifest.exists():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").splitlines() if line}


def _swap(new: Path, old: Path) -> None:
    """Move new into old's place; old (if any) is removed only after the move."""
    trash = old.with_name(f".old-{old.name}")
    if trash.exists():
        _remove(trash)
    if old.exists():
        os.replace(old, trash)
    if new.exists():
        os.replace(new, old)
    if trash.exists():
        _remove(trash)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def new_record(registry: Path, region: str, when: str, today: date | None) -> Path:
    """Write a record skeleton for a region and date, refusing to overwrite anything."""
    reference, diags = validate.check_reference(registry)
    if reference is None:
        raise GeneratorError(diags)
    code = _find_region(reference, region)
    precision, value = _parse_when(when)
    row = reference.regions[code]
    ident = f"{row['slug']}-{value[:10]}" if value else f"{row['slug']}-tanpa-tanggal"
    path = registry / EVENTS_DIR / f"{ident}.yml"
    if path.exists():
        raise GeneratorError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    "id",
                    "file already exists; add a suffix such as -2 if it is another event",
                )
            ]
        )
    text = render.render_new_record(
        ident, row, precision, value, reference, (today or date.today()).isoformat()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def _find_region(reference: validate.Reference, text: str) -> str:
    if text in reference.regions:
        return text
    hint = validate.region_hint(text, reference)
    if hint:
        return hint.split('"')[1]
    raise GeneratorError(
        [
            Diagnostic(
                "--region",
                1,
                1,
                "region",
                f"unknown region '{text}'; give a code from registry/regions.csv, e.g. 61.07",
            )
        ]
    )


def _parse_when(text: str) -> tuple[str, str]:
    if text == "unknown":
        return "unknown", ""
    precision = {10: "exact", 7: "month", 4: "year"}.get(len(text))
    try:
        date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        precision = None
    if precision is None:
        raise GeneratorError(
            [
                Diagnostic(
                    "--date", 1, 1, "date", f"'{text}' is not YYYY-MM-DD, YYYY-MM, YYYY or unknown"
                )
            ]
        )
    return precision, text
