"""Rendered files -> docs/, atomically; plus the pipeline entry points.

Nothing is written until every record has passed every check and every page
has rendered in memory. Then each generated top-level entry of docs/ is built
in a staging folder and swapped in with renames, so a failed run leaves the
previous output untouched and a reader of docs/ never sees half a build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from . import draft, history, linkcheck, model, passthrough, render, rules, theme, validate
from .diagnostics import Diagnostic, GeneratorError, argument_error
from .load import EVENTS_DIR, display_path


def check_only(
    registry: Path, files: list[Path] | None, today: date | None, fmt: str = "text"
) -> int:
    """Validate; raise GeneratorError with every problem; print the warnings of valid
    records (as GitHub annotations for fmt github); return the record count."""
    checked, diags = validate.check(registry, files, today)
    if files is None:  # a deleted or renamed record is a registry-wide fact
        diags = diags + history.removed_records(history.read_log(registry), registry)
    if checked is None or diags:
        raise GeneratorError(diags)
    for warning in checked.warnings:
        print(warning.github() if fmt == "github" else warning.text())
    return len(checked.records) if files is None else len(files)


def generate(registry: Path, docs: Path, today: date | None = None) -> int:
    """The whole generator: check, model, render in memory, then write atomically."""
    checked, diags = validate.check(registry, None, today)
    diags += linked_files(docs)
    report, report_diags = linkcheck.read_report(registry.parent / linkcheck.REPORT)
    diags += report_diags
    log = history.read_log(registry)
    diags = diags + history.removed_records(log, registry)
    if checked is None or diags:
        raise GeneratorError(diags)
    for warning in checked.warnings:  # advice on accepted records, as `check` prints it
        print(warning.text(), file=sys.stderr)
    changes = history.build(log)
    for line in changes.warning.splitlines():
        print(f"warning: {line}", file=sys.stderr)
    registry_model = model.build(checked, history=changes)
    files = render.render_site(registry_model, site_settings(Path("mkdocs.yml")), report)
    files.update(theme.files(Path("mkdocs.yml")))  # the theme's words, as data
    write_tree(docs, files, _finished)
    return len(files)


def linked_files(docs: Path) -> list[Diagnostic]:
    """Symbolic links under docs/, each an error: mkdocs would publish what they point
    to (a link to /etc/passwd as assets/passwd.txt), so none may reach the build."""
    diags = []
    for folder, dirs, names in os.walk(docs):
        for name in sorted(dirs + names):
            path = Path(folder) / name
            if path.is_symlink():
                display = display_path(path)
                diags.append(Diagnostic(display, 1, 1, "", "is a symbolic link; " + DOCS_LINK))
            elif not name.isprintable():  # it would become a URL in the sitemap and nav
                msg = "file name holds a control or invisible character; rename it"
                diags.append(Diagnostic(display_path(path), 1, 1, "", msg))
    return diags


DOCS_LINK = "docs/ holds only regular files and folders (mkdocs would publish the link's target)"


def _finished(rel: str, text: str) -> str:
    """Pages go to mkdocs with their finished HTML marked, so Markdown does not parse it
    again (passthrough.py); data files are written as rendered."""
    return passthrough.mark_blocks(text) if rel.endswith(".md") else text


EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


def site_settings(config: Path) -> dict[str, str]:
    """site_url, repo_url and extra.report_email from mkdocs.yml, the one place they are
    configured. The address is the way to report an error without a GitHub account; a
    value that is not a plain address is ignored rather than put into a mailto: link."""
    if not config.exists():
        return {}
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    url = str(data.get("site_url") or "")
    extra = data.get("extra") if isinstance(data.get("extra"), dict) else {}
    email = str(extra.get("report_email") or "")
    return {
        "url": url if not url or url.endswith("/") else url + "/",
        "repo_url": str(data.get("repo_url") or "").rstrip("/"),
        "report_email": email if EMAIL.fullmatch(email) else "",
    }


def write_tree(
    docs: Path, files: dict[str, str], finish: Callable[[str, str], str] = lambda _, t: t
) -> None:
    """Replace each generated top-level entry of docs/ with its freshly staged version.

    Entries of docs/ the generator does not produce (hand-written pages,
    assets) are left alone. `finish(path, text)` is applied as each file is written,
    so no second copy of every page is held (166 MB at 10,000 events).
    """
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".gen-", dir=docs.parent))
    try:
        for rel, text in sorted(files.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(finish(rel, text), encoding="utf-8", newline="\n")
        tops = sorted({entry(rel) for rel in files} | _previous(docs))
        for top in tops:
            _swap(staging / top, docs / top)
        (docs / render.MANIFEST).write_text("\n".join(tops) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


SHARED = ("en",)
"""Folders of docs/ that hold hand-written pages and generated ones (en/data.md, the
English data page): there the generated entry is the file, not the folder."""


def entry(rel: str) -> str:
    """The entry of docs/ a generated file is swapped in with: its top-level folder or
    file, or the file itself inside a folder shared with hand-written pages."""
    top = rel.split("/")[0]
    return rel if top in SHARED and "/" in rel else top


def _previous(docs: Path) -> set[str]:
    """Top-level entries an earlier run generated, so stale ones are removed."""
    manifest = docs / render.MANIFEST
    if not manifest.exists():
        return set()
    return {line for line in manifest.read_text(encoding="utf-8").splitlines() if line}


def _swap(new: Path, old: Path) -> None:
    """Move new into old's place; old (if any) is removed only after the move."""
    old.parent.mkdir(parents=True, exist_ok=True)
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


def new_record(
    registry: Path,
    region: str,
    when: str,
    today: date | None,
    elections: list[str] | None = None,
) -> Path:
    """Write a record skeleton for a region and date, refusing to overwrite anything.

    The election is inferred from the date (the one election it can concern,
    by the checker's own plausibility rule), or named with --election.
    """
    reference, diags = validate.check_reference(registry)
    if reference is None:
        raise GeneratorError(diags)
    code = _find_region(reference, region)
    precision, value = _parse_when(when)
    chosen = _elections(reference, elections or [], value, precision)
    row = reference.regions[code]
    ident = f"{row['slug']}-{value[:10]}" if value else f"{row['slug']}-tanpa-tanggal"
    path = registry / EVENTS_DIR / f"{ident}.yml"
    if path.exists():
        msg = "file already exists; add a suffix such as -2 if it is another event"
        raise GeneratorError([Diagnostic(str(path), 1, 1, "id", msg)])
    text = (
        render.environment()
        .get_template("new-record.yml.j2")
        .render(
            ident=ident,
            region=row,
            precision=precision,
            value=value,
            today=(today or date.today()).isoformat(),
            elections=chosen,
            choices=sorted(reference.elections),
            clause_ids=reference.clause_ids(),
        )
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return path


def draft_record(
    registry: Path, text: str, url: str, published: date | None, today: date | None
) -> str:
    """A record draft from an article's text (draft.py), against the registry's
    reference data; the URL is checked as a record's would be."""
    reference, diags = validate.check_reference(registry)
    if reference is None:
        raise GeneratorError(diags)
    problem = rules.url_problem(url) if url else ""
    if problem:
        raise GeneratorError([argument_error("--url", problem)])
    return draft.render_draft(text, reference, url, published, today)


def source_urls(registry: Path, today: date | None = None) -> list[str]:
    """Every address the (valid) registry cites: what the link check checks."""
    checked, diags = validate.check(registry, None, today)
    if checked is None or diags:
        raise GeneratorError(diags)
    return linkcheck.urls(model.build(checked))


def source_report(registry: Path, lychee: Path, checked: str, tool: str) -> str:
    """reports/sources.json's text from lychee's JSON output: the failed addresses the
    records cite. A malformed lychee file is one error naming it."""
    cited = source_urls(registry)
    try:
        data = json.loads(lychee.read_text(encoding="utf-8"))
        report = linkcheck.build_report(data, cited, checked, tool)
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError) as err:
        raise GeneratorError([Diagnostic(str(lychee), 1, 1, "", str(err))]) from None
    return json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_file(path: Path, text: str) -> None:
    """Replace one file whole (written beside it, then renamed): a reader of the old
    report never sees half of the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="\n", dir=path.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(text)
    os.replace(handle.name, path)


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet: a draft never replaces a record."""
    if path.exists():
        msg = "file already exists; choose another name"
        raise GeneratorError([Diagnostic(str(path), 1, 1, "", msg)])
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def _find_region(reference: validate.Reference, text: str) -> str:
    """A code, or a name or alias exactly as in regions.csv; a near miss is only suggested."""
    code = validate.find_region(text, reference)
    if code and (code == text or _named(code, text, reference)):
        return code
    hint = f' (did you mean "{code}" for {reference.regions[code]["name"]}?)' if code else ""
    msg = (
        f"unknown region '{text}'{hint}; give a code or a name from registry/regions.csv, "
        "e.g. 61.07"
    )
    raise GeneratorError([argument_error("--region", msg)])


def _named(code: str, text: str, reference: validate.Reference) -> bool:
    row = reference.regions[code]
    names = [row["name"], *row["aliases"].split(";")]
    return any(validate.normalize_name(n) == validate.normalize_name(text) for n in names if n)


def _parse_when(text: str) -> tuple[str, str]:
    if text == "unknown":
        return "unknown", ""
    precision = {10: "exact", 7: "month", 4: "year"}.get(len(text))
    try:
        date.fromisoformat((text + "-01-01")[:10])
    except ValueError:
        precision = None
    if precision is None:
        msg = f"'{text}' is not YYYY-MM-DD, YYYY-MM, YYYY or unknown"
        raise GeneratorError([argument_error("--date", msg)])
    return precision, text


def _elections(
    reference: validate.Reference, named: list[str], value: str, precision: str
) -> list[str]:
    """The elections named with --election (known ids), or the one the date fits."""
    unknown = [e for e in named if e not in reference.elections]
    if unknown:
        raise GeneratorError(
            [
                argument_error("--election", validate.unknown("election", e, reference))
                for e in unknown
            ]
        )
    if named:
        return list(dict.fromkeys(named))
    fits = validate.plausible_elections(reference, value or None, precision)
    if len(fits) == 1:
        return fits
    if not value:
        why = "the date is unknown"
    elif fits:
        why = f"the date fits {len(fits)} elections ({', '.join(fits)})"
    else:
        why = "no election is held on or within two years after the date"
    known = ", ".join(fits or sorted(reference.elections))
    msg = f"{why}; name the one the event concerns with --election ID (repeatable); known: {known}"
    raise GeneratorError([argument_error("--election", msg)])
