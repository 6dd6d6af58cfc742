"""Source health: which cited pages no longer open, by record (the /sumber/ page).

News pages move and vanish; a reader who follows a dead citation should learn that it
is dead and where an archived copy may be, and a maintainer should see which records
need an `archive_url`. A scheduled workflow (.github/workflows/sources.yml) lists every
source address (`urls`), checks them with lychee, and turns lychee's JSON output into
the report `reports/sources.json` (`build_report`), which it commits. The build reads
that report (`read_report`, as untrusted input: size cap, shape and values checked) and
lists, per record, the sources whose address is in it (`broken_by_record`): only
addresses that records cite reach the page, whatever the report holds. No network.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .diagnostics import Diagnostic
from .gitlog import clean
from .model import Event, Registry, Source
from .rules import valid_url

REPORT = Path("reports") / "sources.json"
REPORT_MAX_BYTES = 5 * 1024 * 1024
STATUS_MAX = 200
CHECKED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
WAYBACK = "https://web.archive.org/web/"


@dataclass(frozen=True)
class Report:
    """What the last check found: when, with what, how many addresses, which failed."""

    checked: str
    tool: str
    total: int
    broken: dict[str, str]  # url -> lychee's status text


@dataclass(frozen=True)
class BrokenSource:
    index: int  # 1-based, as the event page numbers its sources
    source: Source
    status: str
    wayback: str  # where to look for an archived copy, when the record has none
    archive_broken: bool  # the record's archived copy fails too


def urls(registry: Registry) -> list[str]:
    """Every address the records cite, sources and their archived copies, once each."""
    found = {s.url for e in registry.events for s in e.sources}
    found |= {s.archive_url for e in registry.events for s in e.sources if s.archive_url}
    return sorted(found)


def lychee_failures(data: Any) -> dict[str, str]:
    """lychee's JSON output (--format json) -> url: status text of each failed address
    (error_map and timeout_map, keyed by input, each item {url, status: {text, code},
    remap}); anything else in it is ignored."""
    out: dict[str, str] = {}
    if not isinstance(data, dict):
        raise ValueError("lychee's report is not a JSON object")
    for key in ("error_map", "timeout_map"):
        per_input = data.get(key) or {}
        if not isinstance(per_input, dict):
            raise ValueError(f"lychee's {key} is not an object")
        for items in per_input.values():
            for item in items if isinstance(items, list) else []:
                url = _address(item)
                if url:
                    out.setdefault(url, _status(item.get("status")))
    return out


def _address(item: Any) -> str:
    """The address as cited: lychee reports a remapped one (--remap) under
    remap.original, the one it fetched under url."""
    if not isinstance(item, dict):
        return ""
    remap = item.get("remap")
    original = remap.get("original") if isinstance(remap, dict) else None
    if isinstance(original, dict) and isinstance(original.get("url"), str):
        return original["url"]
    return item["url"] if isinstance(item.get("url"), str) else ""


def _status(status: Any) -> str:
    if isinstance(status, dict):
        text = status.get("text") or status.get("details") or ""
    else:
        text = status if isinstance(status, str) else ""
    text = clean(str(text))
    return text[: STATUS_MAX - 1] + "…" if len(text) > STATUS_MAX else text


def build_report(lychee: Any, cited: list[str], checked: str, tool: str) -> dict[str, Any]:
    """Our report from lychee's: only the addresses the records cite, sorted, so the
    committed file changes only when what is broken changes."""
    if not CHECKED.fullmatch(checked):
        raise ValueError(f"checked must be written YYYY-MM-DDTHH:MM:SSZ, not {checked!r}")
    failures = lychee_failures(lychee)
    wanted = set(cited)
    broken = [{"url": u, "status": failures[u]} for u in sorted(failures) if u in wanted]
    return {"checked": checked, "tool": tool, "total": len(cited), "broken": broken}


def read_report(path: Path) -> tuple[Report | None, list[Diagnostic]]:
    """The committed report, or None when there is none (never checked). A report that
    is not in our shape is an error naming the file, never a crash or a page of it."""
    if not path.is_file() or path.is_symlink():
        return None, []
    if path.stat().st_size > REPORT_MAX_BYTES:
        return None, [_problem(path, f"is larger than {REPORT_MAX_BYTES} bytes")]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _report(data), []
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, TypeError) as err:
        return None, [_problem(path, f"is not a source report ({clean(str(err))[:200]})")]


def _report(data: Any) -> Report:
    if not isinstance(data, dict) or not isinstance(data.get("broken"), list):
        raise ValueError("expected an object with a 'broken' list")
    checked, tool, total = data.get("checked"), data.get("tool"), data.get("total")
    if not isinstance(checked, str) or not CHECKED.fullmatch(checked):
        raise ValueError("'checked' must be YYYY-MM-DDTHH:MM:SSZ")
    if not isinstance(tool, str) or not isinstance(total, int) or isinstance(total, bool):
        raise ValueError("'tool' must be text and 'total' a number")
    broken = {}
    for item in data["broken"]:
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            raise ValueError("each 'broken' item needs a 'url'")
        broken[item["url"]] = _status(item.get("status"))
    return Report(checked, clean(tool)[:60], total, broken)


def _problem(path: Path, what: str) -> Diagnostic:
    return Diagnostic(str(path), 1, 1, "", what)


def broken_by_record(
    registry: Registry, report: Report | None
) -> list[tuple[Event, tuple[BrokenSource, ...]]]:
    """Each record with a cited address the report says no longer opens, in record
    order; a source with an archived copy is still listed, its copy linked (and said
    to fail too when the report has it)."""
    if report is None:
        return []
    out = []
    for e in registry.events:
        items = tuple(
            BrokenSource(
                i,
                s,
                report.broken[s.url],
                "" if s.archive_url else _wayback(s.url),
                s.archive_url in report.broken,
            )
            for i, s in enumerate(e.sources, 1)
            if s.url in report.broken
        )
        if items:
            out.append((e, items))
    return out


def _wayback(url: str) -> str:
    """The Internet Archive's page for an address: its latest copy, or its calendar."""
    address = WAYBACK + url
    return address if valid_url(address) else ""


def render_sources(
    env: jinja2.Environment, registry: Registry, report: Report | None
) -> dict[str, str]:
    """sumber/index.md: the check's date and figures, then the records by broken source."""
    found = broken_by_record(registry, report)
    page = env.get_template("sumber.md.j2").render(
        root="../",
        reg=registry,
        report=report,
        checked_day=report.checked[:10] if report else "",
        checked_time=report.checked[11:16] if report else "",
        records=found,
        count=sum(len(items) for _, items in found),
    )
    return {"sumber/index.md": page}
