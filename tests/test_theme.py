"""The theme's data (generator/theme.py) and overrides that render alike under Jinja2
(mkdocs, ProperDocs) and MiniJinja (Zensical): no Python method, no page-object
comparison, every value looked up in data the generator wrote.
"""

from __future__ import annotations

import re
import types
from pathlib import Path

import jinja2
import markupsafe
import minijinja
import pytest
import yaml

from generator import messages, theme
from tests.conftest import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL = Path(__import__("material").__file__).parent / "templates"
SETTINGS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
EXTRA = theme.extra(SETTINGS)


def test_the_generated_file_is_config_mkdocs_inherits(tmp_path: Path) -> None:
    assert SETTINGS["INHERIT"] == f"docs/{theme.FILE}"
    text = theme.files(ROOT / "mkdocs.yml")[theme.FILE]
    assert yaml.safe_load(text) == {"extra": EXTRA}
    assert theme.files(tmp_path / "missing.yml")[theme.FILE]  # no config: still data


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_words_are_finished_text(lang: str) -> None:
    """Every theme word, placeholders filled: a template prints it as it is."""
    words = EXTRA["messages"][lang]["theme"]
    assert set(words) == set(messages.section("theme", lang))
    for key, leaf in messages.flat(words):
        assert not messages.placeholders(leaf) if isinstance(leaf, str) else True, key
    assert words["feed_latest"].startswith(SETTINGS["site_name"])
    links = re.findall(r'href="([^"]*)"', words["not_found_links"])
    assert links == ["/registri/wilayah/", "/registri/peristiwa/", "/registri/"]
    js = EXTRA["messages"][lang]["js"]
    assert len(js["months"]) == 12 and js["status"] and js["event_types"]


def test_language_switch_goes_both_ways() -> None:
    pages = EXTRA["bahasa"]["pages"]
    for id_url, en_url in SETTINGS["extra"]["terjemahan"].items():
        assert pages[id_url] == en_url and pages[en_url] == id_url


def test_nav_urls_are_the_built_pages() -> None:
    """Each nav URL is the folder mkdocs writes that page to (use_directory_urls)."""
    assert EXTRA["nav_urls"][:3] == ["", "peristiwa/", "wilayah/"]
    assert "bandingkan/klausul/" in EXTRA["nav_urls"] and "en/about/" in EXTRA["nav_urls"]
    assert EXTRA["subnav"]["statistik/peta/"]["title"] == "Statistik"
    assert [p["url"] for p in EXTRA["subnav"]["en/"]["pages"]][:2] == ["en/", "en/about/"]
    assert "peristiwa/" not in EXTRA["subnav"]


# --- Portability: what MiniJinja (Zensical) does not run -----------------------------

TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Macros of imported templates are the only calls: lang.t (the theme's language file)
# and item.render (the theme's tabs-item.html and nav-item.html, in tabs.html and nav.html).
METHOD = re.compile(r"\b(?!lang\.t\b|fallback\.t\b|item\.render\b)\w+\.(\w+)\s*\(")
PAGE_COMPARED = re.compile(r"[=!]=\s*page\b(?!\.)|\bpage\s*[=!]=|\bpage\s+(not\s+)?in\b")
OBJECTS_COMPARED = re.compile(
    r"\b(nav_item|item|index|first|ref)\s*[=!]=\s*[a-z_]+\s*(%|\}|or|and)"
)
# Attributes only mkdocs' page objects have (Zensical's pages carry url, title, meta, toc...).
MKDOCS_ONLY = re.compile(r"\bis_homepage\b|\.file\.|\binclusion\b")
TEMPLATES = sorted(OVERRIDES.rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(OVERRIDES).as_posix())
def test_override_calls_no_python_method_and_compares_no_page(path: Path) -> None:
    code = " ".join(TAGS.findall(path.read_text(encoding="utf-8")))
    assert METHOD.findall(code) == []
    assert PAGE_COMPARED.findall(code) == []
    assert OBJECTS_COMPARED.findall(code) == []
    assert MKDOCS_ONLY.findall(code) == []


def test_the_portability_check_finds_what_it_looks_for() -> None:
    bad = '{% if url.startswith("en/") %}{{ w.x.format(a=1) }}{% if item == page %}'
    code = " ".join(TAGS.findall(bad + "{% if index == page %}{{ lang.t('toc') }}"))
    assert METHOD.findall(code) == ["startswith", "format"]
    assert len(PAGE_COMPARED.findall(code)) == 2
    assert OBJECTS_COMPARED.findall("{% if nav_item == ref %}")


def test_no_override_names_a_hashed_theme_file() -> None:
    """Such as assets/stylesheets/main.57a0d79d.min.css: another theme version, or
    Zensical, has other names, and the site would build unstyled without a word."""
    hashed = re.compile(r"assets/[\w/]+\.[0-9a-f]{8}\.min\.(css|js)")
    assert [p.name for p in TEMPLATES if hashed.search(p.read_text(encoding="utf-8"))] == []


def _source(name: str) -> str | None:
    for folder in (OVERRIDES, MATERIAL):
        if (folder / name).is_file():
            return (folder / name).read_text(encoding="utf-8")
    return None


def _url(value: object) -> str:
    """Stands in for mkdocs' url filter: the same in both engines."""
    return "/registri/" + str(value)


def jinja(template: str, **context: object) -> str:
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_source), autoescape=False)
    env.filters["url"] = _url
    return env.from_string(template).render(**context)


def mini(template: str, **context: object) -> str:
    """MiniJinja without its Python compatibility layer, as Zensical renders."""
    env = minijinja.Environment(
        loader=_source, auto_escape_callback=lambda _: False, pycompat=False
    )
    env.add_filter("url", _url)
    env.add_filter("striptags", lambda v: markupsafe.Markup(str(v)).striptags())
    return env.render_str(template, **context)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.relative_to(OVERRIDES).as_posix())
def test_every_override_compiles_under_minijinja(path: Path) -> None:
    env = minijinja.Environment(pycompat=False)
    env.add_template(path.name, path.read_text(encoding="utf-8"))  # raises on syntax


PAGES = ["", "en/", "en/about/", "tentang/", "peristiwa/kab-x-2024-01-01/", "bandingkan/klausul/"]


@pytest.mark.parametrize("url", [*PAGES, None])
def test_header_parts_render_alike(url: str | None) -> None:
    """The language switch and the sub-nav row, for pages of every kind (None: 404)."""
    page = None if url is None else {"url": url, "meta": {}}
    code = "en" if url and url.startswith("en/") else "id"
    context = {"config": {"extra": EXTRA}, "page": page, "lang": {"code": code}}
    for name in ("partials/bahasa.html", "partials/subnav.html"):
        template = f'{{% include "{name}" %}}'
        assert jinja(template, **context) == mini(template, **context), name
    switch = jinja('{% include "partials/bahasa.html" %}', **context)
    target = {"en/about/": "tentang/", "tentang/": "en/about/", "en/": "", None: "en/"}
    # An Indonesian-only page leads to the English page that explains its kind.
    target |= {
        "peristiwa/kab-x-2024-01-01/": "en/indonesian-pages/#event",
        "bandingkan/klausul/": "en/indonesian-pages/#compare",
    }
    assert f'href="/registri/{target.get(url, "en/")}"' in switch
    assert 'aria-label="EN: English edition">EN</a>' in switch or code == "en"


def _tab(title: str, url: str | None, children: list | None = None, active: bool = False):
    return {"title": title, "url": url, "children": children, "active": active, "meta": {}}


NAV = [
    _tab("Beranda", ""),
    _tab("Peristiwa", "peristiwa/"),
    _tab(
        "Bandingkan",
        None,
        [_tab("Ringkasan", "bandingkan/"), _tab("Klausul", "bandingkan/klausul/")],
    ),
]


@pytest.mark.parametrize("url", ["", "peristiwa/kab-x-2024-01-01/", "bandingkan/klausul/"])
def test_tabs_render_alike_and_mark_the_section(url: str) -> None:
    """A page outside the nav marks its section's tab; in-nav pages keep the theme's own."""
    nav = [dict(t) for t in NAV]
    if url == "bandingkan/klausul/":
        nav[2]["active"] = True
    if url == "":
        nav[0]["active"] = True
    template = (
        '{% import "partials/tabs-item.html" as item with context %}'
        "{% for nav_item in nav %}{{ item.render(nav_item) }}{% endfor %}"
    )
    context = {
        "config": {"extra": EXTRA},
        "page": {"url": url},
        "features": ["navigation.tabs"],
        "nav": nav,
    }
    html = jinja(template, **context)
    assert html == mini(template, **context)
    active = re.findall(
        r'md-tabs__item--active">\s*<a href="([^"]*)"[^>]*aria-current="(\w+)"', html
    )
    expected = {
        "": [("/registri/", "page")],
        "peristiwa/kab-x-2024-01-01/": [("/registri/peristiwa/", "true")],
        "bandingkan/klausul/": [("/registri/bandingkan/", "true")],
    }
    assert active == expected[url]


ENGLISH = _tab(
    "English",
    None,
    [_tab("Home", "en/"), _tab("About and method", "en/about/", active=True)],
    active=True,
)


@pytest.mark.parametrize("code", ["id", "en"])
def test_english_pages_get_the_english_tabs(code: str) -> None:
    """An English page's tabs are the English section's pages, in English; an
    Indonesian page keeps every section (tabs.html, alike in both engines)."""
    nav = [dict(t) for t in NAV] + [dict(ENGLISH)]
    context = {
        "config": {"extra": EXTRA},
        "page": {"url": "en/about/" if code == "en" else "peristiwa/"},
        "features": ["navigation.tabs"],
        "nav": types.SimpleNamespace(items=nav),
        "lang": types.SimpleNamespace(code=code, t=lambda key: key),
    }
    template = '{% include "partials/tabs.html" %}'
    html = jinja(template, **context)
    assert html == mini(template, **context)
    tabs = [t.strip() for t in re.findall(r'class="md-tabs__link"[^>]*>([^<]*)<', html)]
    if code == "en":
        assert tabs == ["Home", "About and method"]
        assert re.search(r'href="/registri/en/about/"[^>]*aria-current="page"', html)
    else:
        assert tabs == ["Beranda", "Peristiwa", "Bandingkan", "English"]


def test_site_name_in_each_language() -> None:
    assert EXTRA["site_names"] == {
        "id": SETTINGS["site_name"],
        "en": messages.section("site", "en")["name"],
    }
    assert EXTRA["bahasa"]["home"] == {"id": "", "en": "en/"}
