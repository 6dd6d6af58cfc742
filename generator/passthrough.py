"""A Markdown extension that passes the generator's finished HTML blocks through as they are.

Generated pages are Markdown files made mostly of HTML blocks that the templates have
already escaped and closed. Python-Markdown reads every raw HTML block with a pure-Python
HTML parser, and mkdocs reads the page once more to collect anchor ids; at 5,000 event
pages those two passes were the largest single cost of the build (about 4 ms a page).

`mark_blocks` (run by the generator on each page it writes) wraps each run of lines that
is HTML from start to end between two marker comments. This extension, loaded by
mkdocs.yml's `markdown_extensions`, stores such a run in Markdown's HTML stash unread, as
the HTML-block preprocessor would after parsing it, so the page's HTML is unchanged
(tests/test_passthrough.py builds pages both ways and compares them).

Safety: a marker only counts as a whole line. Every value a contributor wrote is escaped
by the templates (`<` becomes `&lt;`) and kept on one line, so no record can open or close
a run. Headings and other Markdown stay outside the runs and are read as before (the
table of contents and heading anchors come from them). Runs hold no Markdown links, so
mkdocs validates the same links as before; anchors inside a run are not collected, and
no Markdown link points into one.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN = "<!--html-->"
CLOSE = "<!--/html-->"
# A run starts with a block-level tag (the HTML-block preprocessor stores those whole;
# a line starting with an inline tag such as <a> would be a Markdown paragraph), and
# every line of it starts a tag or a comment.
_BLOCK_START = re.compile(
    r"<(!--|(address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form"
    r"|h[1-6]|header|hr|nav|ol|p|pre|section|table|ul)[\s>])"
)
_HTML_LINE = re.compile(r"<[a-zA-Z/!]")


def mark_blocks(text: str) -> str:
    """Wrap every blank-line-separated run of lines that are all HTML between the markers.

    Front matter and Markdown (headings, tables, lists, paragraphs) are left alone, and
    so is any run with a line that does not start with a tag: Markdown reads those as
    it always did. Marking twice changes nothing.
    """
    head, body = _split_front_matter(text)
    out: list[str] = []
    for chunk in body.split("\n\n"):
        html = chunk.strip("\n")
        lines = html.split("\n")
        fresh = _BLOCK_START.match(html) and not html.startswith(OPEN)
        if fresh and all(map(_HTML_LINE.match, lines)):
            lead = chunk[: len(chunk) - len(chunk.lstrip("\n"))]
            trail = chunk[len(chunk.rstrip("\n")) :]
            chunk = f"{lead}{OPEN}\n{html}\n{CLOSE}{trail}"
        out.append(chunk)
    return head + "\n\n".join(out)


def _split_front_matter(text: str) -> tuple[str, str]:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[: end + 5], text[end + 5 :]
    return "", text


class _Passthrough(Preprocessor):
    """Store each marked run in the HTML stash before any HTML parser reads the page."""

    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            end = _find(lines, CLOSE, i + 1) if line == OPEN else -1
            if end != -1:
                html = "\n".join(lines[i + 1 : end])
                out += ["", self.md.htmlStash.store(html), ""]
                i = end + 1
                continue
            out.append(line)
            i += 1
        return out


def _find(lines: list[str], marker: str, start: int) -> int:
    try:
        return lines.index(marker, start)
    except ValueError:
        return -1


class PassthroughExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Markdown's name for the hook
        # After whitespace normalisation (30), before mkdocs' anchor collector (21)
        # and the HTML-block preprocessor (20).
        md.preprocessors.register(_Passthrough(md), "registri_passthrough", 25)


def makeExtension(**kwargs: object) -> PassthroughExtension:
    return PassthroughExtension(**kwargs)
