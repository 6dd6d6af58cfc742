"""Errors as data: every problem a contributor can cause is a Diagnostic value.

Nothing in the pipeline raises on bad input; it returns diagnostics, so a run
can report every problem at once. GeneratorError is the one exception that
crosses the CLI boundary, and it only carries diagnostics.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place: 1-based line and column, dotted key path.

    severity is "error" (the record is refused) or "warning" (the record is accepted,
    but probably not written as the guide asks, e.g. a degree inside a name).
    """

    path: str
    line: int
    col: int
    key: str
    message: str
    severity: str = "error"

    def text(self) -> str:
        """The line printed for people and editors: PATH:LINE:COL: error: KEY: MESSAGE.

        A problem with no place in a file (a command-line argument) has line 0 and
        prints without a position: `error: --region: MESSAGE`.
        """
        key = f"{printable(self.key)}: " if self.key else ""
        return f"{self._where()}{self.severity}: {key}{printable(self.message)}"

    def _where(self) -> str:
        path = printable(self.path)
        if self.line:
            return f"{path}:{self.line}:{self.col}: "
        return f"{path}: " if path else ""

    def github(self) -> str:
        """A GitHub Actions workflow command, so the error annotates the changed line."""
        key, message = printable(self.key), printable(self.message)
        title = _gh_escape(key or "registry", prop=True)
        msg = _gh_escape(f"{key}: {message}" if key else message)
        if not self.line:
            return f"::{self.severity} title={title}::{msg}"
        file = _gh_escape(printable(self.path), prop=True)
        where = f"file={file},line={self.line},col={self.col}"
        return f"::{self.severity} {where},title={title}::{msg}"


ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def printable(text: str) -> str:
    """Text for one line of a terminal or a CI log: every control, format (bidi,
    zero-width) and line-separator character written as an escape (\\n, \\u2028), so a
    file name or YAML key can neither start a new line (`::warning`, `::add-mask`) nor
    reorder what is shown. Most text has none, and is returned as it is."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        ESCAPES.get(c) or (f"\\u{ord(c):04X}" if unicodedata.category(c) in HIDDEN else c)
        for c in text
    )


def argument_error(option: str, message: str) -> Diagnostic:
    """A problem with a command-line argument: no file, no line, no column."""
    return Diagnostic("", 0, 0, option, message)


def _gh_escape(value: str, prop: bool = False) -> str:
    """Escape per the workflow-command rules; properties also escape ':' and ','."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def errors(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that refuse a record (warnings only advise)."""
    return [d for d in diagnostics if d.severity == "error"]


class GeneratorError(Exception):
    """Raised at the boundary when a run found problems; carries all of them (warnings
    found in the same run included, so they are printed with the errors)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(errors(diagnostics))} error(s)")
        self.diagnostics = sorted(diagnostics)
