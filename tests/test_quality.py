"""The built site as its readers and auditors meet it: valid HTML, accessible,
private (no request leaves the site), within its Content Security Policy, and
with no broken internal link. Runs against site/ as `make site` built it.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import material
import pytest

from tests.conftest import ROOT

# One page of every kind the generator and theme produce.
SAMPLE = [
    "",
    "peristiwa/",
    "peristiwa/kab-bengkayang-2020-10-20/",
    "peristiwa/kota-bandung-2023-07-18/",
    "peristiwa/prov-kalimantan-barat-2024-09-10/",
    "peristiwa/kab-pulang-pisau-2024-10/",
    "wilayah/",
    "wilayah/kab-bengkayang/",
    "wilayah/kab-sambas/",
    "wilayah/prov-kalimantan-barat/",
    "pemilu/",
    "pemilu/pilkada-2020/",
    "dasar-hukum/",
    "dasar-hukum/skb-netralitas-2020/",
    "bandingkan/",
    "bandingkan/klausul/",
    "bandingkan/perubahan/",
    "bandingkan/berdampingan/",
    "cari/",
    "glosarium/",
    "tentang/",
    "koreksi/",
    "ikut-menambah/",
    "data/",
    "statistik/",
    "statistik/peta/",
    "statistik/cakupan/",
    "en/",
    "en/about/",
    "en/glossary/",
    "en/contributing/",
    "en/data/",
]
# Pages are served under this sub-path (site_url), as on GitHub Pages.
PREFIX = "/registri/"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


# Two attributes of the theme's own base.html and nav-item.html, which we no longer
# copy to fix (a copy of base.html names the theme's hashed asset files, and every
# copy is one more file to port to Zensical): autocomplete="off" on its two toggle
# checkboxes (kept on purpose: Firefox would restore a checked drawer), and an empty
# tabindex on the label of an open nav section. Both harmless; only these are let pass.
THEME_MARKUP = (
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
        r'id="__(drawer|search)" autocomplete="off">',
    ),
    (
        "Bad value “” for attribute “tabindex” on element “label”",
        r'<label class="md-nav__link" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
    ),
)


def test_html_is_valid(built_site: Path) -> None:
    files = [built_site / p / "index.html" for p in SAMPLE]
    assert vnu_errors([*files, built_site / "404.html"]) == []


def test_let_pass_markup_is_the_theme_s_own() -> None:
    """The two exceptions above are the installed theme's templates, not ours."""
    templates = Path(material.__file__).parent / "templates"
    base = (templates / "base.html").read_text(encoding="utf-8")
    nav_item = (templates / "partials" / "nav-item.html").read_text(encoding="utf-8")
    assert base.count('type="checkbox" id="__drawer" autocomplete="off"') == 1
    assert base.count('type="checkbox" id="__search" autocomplete="off"') == 1
    assert 'id="{{ path }}_label" tabindex="{{ tabindex }}"' in nav_item
    assert not (ROOT / "overrides" / "base.html").exists()


def vnu_errors(files: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors for these pages, one line each (THEME_MARKUP aside)."""
    files = [str(f) for f in files]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(
            m["message"].startswith(text) and re.search(markup, m.get("extract", ""))
            for text, markup in THEME_MARKUP
        )
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", SAMPLE)
def test_no_accessibility_violations(browser, base_url: str, path: str, scheme: str) -> None:
    """Light and dark palettes both: the theme follows the reader's system setting."""
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # bypass: inject axe
    page = context.new_page()
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']})"
        )
        violations = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]
        ]
        assert violations == []
    finally:
        context.close()


@pytest.mark.parametrize("path", [*SAMPLE, "cari/?q=bengkayang", "tidak-ada/"])
def test_no_third_party_requests_and_csp_holds(browser, base_url: str, path: str) -> None:
    """Every request goes to the site itself, and the pages never trip their own CSP."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        if path.startswith("cari/?"):
            page.wait_for_selector("#cari-hasil li")
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(base_url))
        assert [u for u in requests if not u.startswith(origin) and not u.startswith("data:")] == []
        assert violations == []
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert "default-src 'self'" in csp.get_attribute("content")
    finally:
        context.close()


def test_no_github_api_call_for_repository_facts(built_site: Path) -> None:
    """repo_url makes the theme fetch stars from api.github.com unless the source
    partial drops data-md-component="source"; the repository link stays."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'class="md-source"' in html
    assert 'data-md-component="source"' not in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") == "canonical"):
                self.links.append(values[key])


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, page_url: str, link: str) -> tuple[Path, str] | None:
    """Map a link on a page to a file in site/ and its fragment; None if external."""
    absolute = urljoin("http://site.invalid" + PREFIX + page_url.lstrip("/"), link)
    parts = urlsplit(absolute)
    if parts.netloc != "site.invalid" or not parts.path.startswith(PREFIX):
        return None if parts.netloc != "site.invalid" else (site / "..outside", "")
    path = site / unquote(parts.path[len(PREFIX) :])
    if parts.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_no_broken_internal_links(built_site: Path) -> None:
    assert broken_links(built_site) == []


def broken_links(built_site: Path) -> list[str]:
    """Every internal link or fragment on any page of the site that points nowhere."""
    broken: list[str] = []
    parsed: dict[Path, _Links] = {}
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).as_posix()
        page_url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        links = parsed.setdefault(html, parse(html)).links
        for link in links:
            if re.match(r"^(mailto:|tel:)", link):
                continue
            found = target_file(built_site, page_url, link)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(f"{rel}: {link}")
            elif fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, parse(target)).ids
                if fragment not in ids:
                    broken.append(f"{rel}: {link} (no #{fragment})")
    return broken


def test_theme_overrides_match_installed_theme() -> None:
    """overrides/ copies these theme templates from this exact version, and no more."""
    assert version("mkdocs-material") == "9.8.2"
    copies = {"partials/toc.html", "partials/footer.html", "partials/tabs-item.html"}
    copies |= {"partials/language.html", "partials/palette.html", "partials/copyright.html"}
    copies |= {"partials/header.html", "partials/tabs.html", "partials/nav.html"}
    found = {
        p.relative_to(ROOT / "overrides").as_posix()
        for p in (ROOT / "overrides").rglob("*.html")
        if "Copied from mkdocs-material" in p.read_text(encoding="utf-8")
    }
    assert found == copies
    for name in copies:
        assert "mkdocs-material 9.8.2" in (ROOT / "overrides" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SAMPLE)
def test_pages_fit_a_phone(browser, base_url: str, path: str) -> None:
    """At 360 px nothing makes the page scroll sideways: wide tables scroll in their own box."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()
