"""The generator's templates (generator/templates/) read the same to Jinja2 and to MiniJinja
(issue 28, items 1 and 7): no Python method, no comparison of two objects, no line over
160 characters, and pages rendered from the fixture registry come out byte for byte alike.

MiniJinja (Zensical's engine) runs without its Python compatibility layer here, as Zensical
does: a template may call only macros of the templates it imports; every other value is
data computed in Python, or a filter registered under one name in both engines (render.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
import minijinja
import pytest

from generator import render, wording
from tests.test_render import hostile_record, render_registry
from tests.test_theme import TAGS

TEMPLATES = sorted(render.TEMPLATES.glob("*.j2"))
LINE_LIMIT = 160


STRING = re.compile(r"""(["'])(?:\\.|(?!\1).)*\1""")
CALL = re.compile(r"\.(\w+)\s*\(")
CHAIN = re.compile(r"[\w.\[\]]*$")  # the dotted name a call's dot follows
IMPORTED = re.compile(r"""\{%-?\s*import\s+["'][^"']+["']\s+as\s+(\w+)""")
# Both operands names, neither a literal: `a == b`. Comparing with "text", 0 or none is fine.
COMPARED = re.compile(r"([\w.\]\[]+)\s*[=!]=\s*([\w.\]\[]+)")
LITERAL = re.compile(r'""|\d+|none|true|false|None|True|False')
KEYS = {"id", "code", "slug"}  # text that names a thing: comparing two is comparing text


def macro_namespaces() -> set[str]:
    """The names templates import other templates as (m, h, g): their macros may be called."""
    return {n for p in TEMPLATES for n in IMPORTED.findall(p.read_text(encoding="utf-8"))}


NAMESPACES = macro_namespaces()


def method_calls(source: str) -> list[str]:
    """Names called as methods in the template's tags, macro calls of imports aside."""
    found = []
    for tag in TAGS.findall(source):
        code = STRING.sub('""', tag)
        for match in CALL.finditer(code):
            if CHAIN.search(code[: match.start()]).group() not in NAMESPACES:
                found.append(match.group(1))
    return found


def objects_compared(source: str) -> list[str]:
    """`a == b` of two values neither of which is a literal, unless both are the same key
    (`x.id == y.id`): MiniJinja compares model objects by identity, Jinja2 by value."""
    found = []
    for tag in TAGS.findall(source):
        for match in COMPARED.finditer(STRING.sub('""', tag)):
            left, right = match.groups()
            if LITERAL.fullmatch(left) or LITERAL.fullmatch(right):
                continue
            fields = {left.rpartition(".")[2], right.rpartition(".")[2]}
            if len(fields) == 1 and fields <= KEYS:
                continue
            found.append(match.group(0))
    return found


PRINTED = re.compile(r"\{\{-?(.*?)-?\}\}|\{%-?\s*set\b(.*?)-?%\}", re.S)


def ifs_without_else(source: str) -> list[str]:
    """`{{ x if c }}`: Jinja2 prints nothing when c is false, MiniJinja hands the finalizer
    none (printed "None" by ours). Write `else ""`."""
    found = []
    for match in PRINTED.finditer(source):
        code = STRING.sub('""', match.group(1) or match.group(2) or "")
        if re.search(r"\bif\b", code) and not re.search(r"\belse\b", code):
            found.append(match.group(0))
    return found


def long_lines(source: str) -> list[int]:
    return [n for n, line in enumerate(source.splitlines(), 1) if len(line) > LINE_LIMIT]


def problems(path: Path) -> dict[str, list[Any]]:
    source = path.read_text(encoding="utf-8")
    found = {
        "methods": method_calls(source),
        "compared": objects_compared(source),
        "long lines": long_lines(source),
        "if without else": ifs_without_else(source),
    }
    return {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_template_calls_no_method_and_keeps_lines_short(path: Path) -> None:
    assert problems(path) == {}


def test_the_checks_find_what_they_look_for() -> None:
    bad = (
        '{{ t.a.b.format(x=1) }}{% for k, v in d.items() %}{{ m.table(x, "a.b(c)") }}'
        "{{ (a).b() }}{{ reg.children(p) | length }}{% if e == event %}{% if e.kind == 'x' %}"
        "{% if a.id != b.id or n == 0 %}{% if p.region != event.region %}"
    )
    assert method_calls(bad) == ["format", "items", "b", "children"]
    assert objects_compared(bad) == ["e == event", "p.region != event.region"]
    assert long_lines("x\n" + "y" * 161) == [2]
    some_ifs = '{{ a if b }}{{ a if b else "" }}{% set x = "if" if y %}{% if c %}'
    assert ifs_without_else(some_ifs) == [
        "{{ a if b }}",
        '{% set x = "if" if y %}',
    ]
    assert sorted(NAMESPACES) == ["g", "h", "m"]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_template_compiles_under_minijinja(path: Path) -> None:
    env = minijinja.Environment(pycompat=False)
    env.add_template(path.name, path.read_text(encoding="utf-8"))  # raises on syntax


# --- Pages rendered alike ----------------------------------------------------------------

PAGES = [
    "cakupan.md.j2",
    "compare-changes.md.j2",
    "elections.md.j2",
    "feed.xml.j2",
    "home.md.j2",
    "koreksi.md.j2",
    "koreksi.xml.j2",
    "legal-bases.md.j2",
    "peta.md.j2",
    "regions.md.j2",
    "search.md.j2",
    "side-by-side.md.j2",
    "compare-clauses.md.j2",
    "election.md.j2",
    "legal-basis.md.j2",
    "region.md.j2",
    "event.md.j2",
    "statistik.md.j2",
    "data.md.j2",
    "new-record.yml.j2",
]
PER_TEMPLATE = 12  # renders compared per template (the fixture has a page per region)


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[dict, str]]]:
    """Every template render of the fixture site (hostile record included): its context,
    globals and Jinja2's text, recorded while render_site runs."""
    seen: dict[str, list[tuple[dict, str]]] = {}
    original = jinja2.Template.render

    def render_and_record(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        text = original(self, *args, **kwargs)
        if len(seen.setdefault(self.name, [])) < PER_TEMPLATE:
            seen[self.name].append(({**self.globals, **kwargs}, text))
        return text

    tmp = tmp_path_factory.mktemp("portable")
    cwd = os.getcwd()
    os.chdir(tmp)
    jinja2.Template.render = render_and_record  # type: ignore[method-assign]
    try:
        render_registry(tmp, {"kab-bengkayang-2024-01-02.yml": hostile_record()})
    finally:
        jinja2.Template.render = original  # type: ignore[method-assign]
        os.chdir(cwd)
    return seen


def _source(name: str) -> str | None:
    path = render.TEMPLATES / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _escaped(value: Any) -> markupsafe.Markup:
    """What Jinja2's finalize (one_line) and autoescape print. MiniJinja escapes the same
    characters but spells some otherwise (&#x2f; for /, &#x27; for '): escaping here, as
    markupsafe does, lets the pages compare byte for byte."""
    return markupsafe.escape(wording.one_line(value))


def minijinja_environment() -> minijinja.Environment:
    """render.environment()'s settings in MiniJinja, with the same filters by name."""
    env = minijinja.Environment(
        loader=_source,
        pycompat=False,
        undefined_behavior="strict",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_escape_callback=lambda _: True,  # every page render.py makes is autoescaped
        finalizer=_escaped,
    )
    builtin = jinja2.Environment().filters
    ours: dict[str, Callable[..., Any]] = {
        k: f for k, f in render.environment().filters.items() if k not in builtin
    }
    for name, function in ours.items():
        env.add_filter(name, function)
    return env


def test_message_filters_are_registered_by_name() -> None:
    filters = render.environment().filters
    assert filters["isi"] is wording.fill and filters["isi_teks"] is wording.fill_text
    text = wording.Text("{a} & <b>{b}</b>")
    assert wording.fill(text, a="<x>\ny", b=1) == "&lt;x&gt; y & <b>1</b>"
    assert wording.fill_text(text, a="<x>", b=1) == "<x> & <b>1</b>"


def test_a_message_with_isi_is_compiled_into_the_template() -> None:
    """`{{ t.k | isi(n=x) }}` costs what written text costs in Jinja2, as `.format` did,
    and prints what the filter (MiniJinja's way, and Jinja2's inside expressions) prints."""
    env = render.environment()
    source = "{{ t.home.dari_kabupaten_dan_kota | isi(kk=n | angka) }}"
    assert "'isi'" not in env.compile(source, raw=True)
    text = env.from_string(source).render(n=1234)
    assert text == wording.fill(env.globals["t"].home.dari_kabupaten_dan_kota, kk="1.234")
    at_render = "{% set x = t.home.dari_kabupaten_dan_kota | isi(kk=n | angka) %}{{ x }}"
    assert env.from_string(at_render).render(n=1234) == text
    # Not one call to the end: rendered by the filter, each message with its own value.
    message = env.globals["t"].home.dari_kabupaten_dan_kota
    call = "t.home.dari_kabupaten_dan_kota | isi(kk={})"
    two = "{{ " + call.format(1) + " ~ " + call.format(2) + " }}"
    assert "'isi'" in env.compile(two, raw=True)
    assert env.from_string(two).render() == wording.fill(message, kk=1) + wording.fill(
        message, kk=2
    )


@pytest.mark.parametrize("name", PAGES)
def test_pages_render_alike_in_both_engines(
    name: str, renders: dict[str, list[tuple[dict, str]]]
) -> None:
    assert renders.get(name), f"the fixture site renders no {name}"
    env = minijinja_environment()
    jinja_only = set(jinja2.Environment().globals)
    for context, text in renders[name]:
        values = {k: v for k, v in context.items() if k not in jinja_only}
        assert env.render_template(name, **values) == text
