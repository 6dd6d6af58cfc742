"""Record files in an older shape -> the current shape, as text. No validation.

Records are edited by people, so migration rewrites the file's text rather
than dumping parsed YAML: comments, quoting and line folding survive, and the
diff a reviewer sees is only what changed. Version 1 -> 2 (registry/SCHEMA-VERSIONS.md):
`schema_version: 2` is added, and the `official` block becomes the first item
of `people`, with `roles: [presiding]`; `supports` names `people` where it named `official`.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from . import load
from .diagnostics import Diagnostic, GeneratorError

CURRENT = 2
_VERSION = re.compile(r"^schema_version:", re.M)
_SUPPORTS_OFFICIAL = re.compile(r"^(\s*supports:.*)\bofficial\b", re.M)
_OFFICIAL = re.compile(r"^official:[ \t]*\n((?:[ \t]+.*\n|[ \t]*\n)*)", re.M)


def needs_migration(text: str) -> bool:
    """True for a record written before schema_version existed (version 1)."""
    return not _VERSION.search(text)


def migrate_text(text: str) -> str:
    """Version 1 record text -> version 2 text; text already at version 2 is returned as is."""
    if not needs_migration(text):
        return text
    text = _OFFICIAL.sub(_people_block, text, count=1)
    text = _SUPPORTS_OFFICIAL.sub(r"\1people", text)
    return _add_version(text)


def _people_block(match: re.Match[str]) -> str:
    """official: + indented keys -> people: - roles: [presiding] + the same keys."""
    body = match.group(1)
    lines = body.splitlines(keepends=True)
    while lines and not lines[-1].strip():
        lines.pop()
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()), default=2)
    moved = ["    " + ln[indent:] if ln.strip() else ln for ln in lines]
    trailing = body[len("".join(lines)) :]
    return "people:\n  - roles: [presiding]\n" + "".join(moved) + trailing


def _add_version(text: str) -> str:
    """After the leading comment lines (the editor's schema line), before `id:`."""
    lines = text.splitlines(keepends=True)
    at = 0
    while at < len(lines) and lines[at].startswith("#"):
        at += 1
    return "".join([*lines[:at], f"schema_version: {CURRENT}\n", *lines[at:]])


def changes(text: str) -> list[str]:
    """What migrate_text changes in a record, in words, for the `migrate` command."""
    if not needs_migration(text):
        return []
    done = [f"added schema_version: {CURRENT}"]
    if _OFFICIAL.search(text):
        done.append("official became the first item of people, with roles: [presiding]")
    if _SUPPORTS_OFFICIAL.search(text):
        done.append("supports names people where it named official")
    return done


def migrate_files(paths: list[Path]) -> list[tuple[Path, list[str]]]:
    """Rewrite each file in an older shape in place; what changed in each.

    Every file is read before any is written, so an unreadable file stops the
    run with nothing half done. Each write replaces the file atomically.
    """
    texts: list[tuple[Path, str]] = []
    diags: list[Diagnostic] = []
    for path in paths:
        text, found = load.read_text(path, load.display_path(path))
        diags += found
        if text is not None:
            texts.append((path, text))
    if diags:
        raise GeneratorError(diags)
    out = []
    for path, text in texts:
        done = changes(text)
        if done:
            _replace(path, migrate_text(text))
        out.append((path, done))
    return out


def _replace(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(prefix=".migrate-", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temp, path)
