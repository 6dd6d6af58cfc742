"""The message catalogues (generator/messages.py, generator/wording.py).

Labels live in one place per language: every key exists in both catalogues with
the same placeholders, every key a template, theme override or module names
exists, and no template or override holds words of its own (issue #17).
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from generator import messages, render, wording

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = sorted((ROOT / "generator" / "templates").glob("*.j2"))
OVERRIDES = sorted((ROOT / "overrides").rglob("*.html"))
PYTHON = sorted((ROOT / "generator").glob("*.py"))

# Files not yet moved to the catalogue: this list only shrinks (issue #17, point 7).
NOT_YET: dict[str, str] = {}

# Files with no UI words of their own, and why.
EXCLUDED = {
    # The record scaffold: YAML keys and codes of the record format are data, not
    # words; its comments and example values are checked by test_scaffold_words.
    "new-record.yml.j2": "record keys and codes",
    "draft-record.yml.j2": "record keys and codes",
    # Material's own base.html, copied unchanged: its words come from material's
    # language files through lang.t (checked below), not from our catalogue.
    "base.html": "material's strings via lang.t",
    # Front matter: keys and values for the theme (title, hide, feed), no words.
    "_base.md.j2": "front matter keys",
    "_meta.md.j2": "front matter keys",
}

# Leftover text that is not a word for readers: names, formats, units, code.
ALLOWED = {
    "CSV",
    "JSON",
    "BibTeX",
    "RIS",
    "CSL-JSON",
    "Atom",
    "RFC",
    "ID",
    "EN",
    "H-n",
}


# Names that are not words to translate: a product and the name of its maker.
ALLOWED_PHRASES = ("Material for MkDocs",)


def flat(lang: str) -> dict[str, str]:
    return dict(messages.flat(messages.catalogue(lang)))


def test_same_keys_in_both_languages() -> None:
    ids, ens = flat("id"), flat("en")
    assert sorted(set(ids) - set(ens)) == [], "keys missing from en.yml"
    assert sorted(set(ens) - set(ids)) == [], "keys missing from id.yml"


# Printed as they are, never formatted: braces in them are literal text.
UNFORMATTED = ("columns.",)


def test_same_placeholders_in_both_languages() -> None:
    ids, ens = flat("id"), flat("en")
    wrong = [
        key
        for key, text in ids.items()
        if isinstance(text, str)
        and key in ens
        and not key.startswith(UNFORMATTED)
        and messages.placeholders(text) != messages.placeholders(ens[key])
    ]
    assert wrong == []


def test_lists_have_the_same_length_in_both_languages() -> None:
    """Month names, palette names, chart groups: read by position."""
    ids, ens = flat("id"), flat("en")
    assert [k for k, v in ids.items() if isinstance(v, tuple) and len(v) != len(ens[k])] == []


def test_every_message_is_text() -> None:
    for lang in messages.LANGUAGES:
        for key, text in flat(lang).items():
            texts = text if isinstance(text, tuple) else (text,)
            assert texts and all(isinstance(x, str) and x.strip() for x in texts), f"{lang}: {key}"


def test_catalogue_is_read_only() -> None:
    cat = messages.catalogue("id")
    with pytest.raises(TypeError):
        cat["x"] = "y"  # type: ignore[index]
    tree = messages.tree("id")
    with pytest.raises(AttributeError):
        tree.x = "y"


STRING = re.compile(r"""(["'])(?:\\.|(?!\1).)*\1""")
USE = re.compile(r"\bt((?:\.[A-Za-z_]\w*)+)")
SECTION = re.compile(r"""messages\.(?:section|text)\(\s*["']([\w.]+)["']""")


def used_keys() -> set[str]:
    """Dotted keys templates name as t.area.key and modules as messages.section(...)."""
    keys: set[str] = set()
    for path in TEMPLATES:
        for code in JINJA.findall(path.read_text(encoding="utf-8")):
            for m in USE.finditer(STRING.sub("", code)):
                keys.add(m.group(1)[1:].removesuffix(".format").removesuffix(".fill"))
    for path in PYTHON:
        keys.update(SECTION.findall(path.read_text(encoding="utf-8")))
    return keys


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_used_key_exists(lang: str) -> None:
    tree = messages.catalogue(lang)
    missing = []
    for key in sorted(used_keys()):
        node = tree
        for part in key.split("."):
            if not isinstance(node, dict | type(tree)) or part not in node:
                missing.append(key)
                break
            node = node[part]
    assert missing == []


THEME_USE = re.compile(r"lang\.words\.(\w+)|config\.extra\.messages\.\w+\.theme\.(\w+)")
WORD_CALL = re.compile(r'word\(\s*"(\w+)"')
WORD_CHOICE = re.compile(r'word\([\w.]+(?: === "\w+")? \? "(\w+)" : "(\w+)"')
KUTIP_USE = re.compile(r"KUTIP\.(\w+)")
SCRIPTS = {"tabel": "tabel", "kutip": "kutip", "cari": "cari", "berdampingan": "berdampingan"}


@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_theme_and_script_key_exists(lang: str) -> None:
    """The overrides name theme words as lang.words.key; the scripts name theirs as
    word("key") in their own section of `js` (or KUTIP.key in kutip.js)."""
    cat = messages.catalogue(lang)
    missing = []
    for path in OVERRIDES:
        for m in THEME_USE.finditer(path.read_text(encoding="utf-8")):
            key = m.group(1) or m.group(2)
            if key not in cat["theme"]:
                missing.append(f"{path.name}: theme.{key}")
    for name, section in SCRIPTS.items():
        source = (ROOT / "docs" / "assets" / "js" / f"{name}.js").read_text(encoding="utf-8")
        used = WORD_CALL.findall(source) + KUTIP_USE.findall(source)
        used += [k for pair in WORD_CHOICE.findall(source) for k in pair]
        missing += [f"{name}.js: js.{section}.{k}" for k in used if k not in cat["js"][section]]
    assert missing == []


def test_templates_compile_against_the_catalogue() -> None:
    """wording.Messages resolves every printed key while compiling: a missing one fails here."""
    env = render.environment()
    for path in TEMPLATES:
        env.get_template(path.name)


# Front matter of generated pages: keys for the theme, not words.
FRONT_MATTER = re.compile(r"\{% block meta %\}.*?\{% endblock %\}", re.S)
# A path or file name in an href-building macro ("peristiwa/", "data/feed/") is no word.
PATH = re.compile(r"^[\w.\-]*/[\w.\-/]*$")
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->|<(style|script)\b[^>]*>.*?</\1>", re.S)
ATTRIBUTE = re.compile(
    r"""\s(aria-label|title|alt|placeholder|content)\s*=\s*(["'])(.*?)\2""", re.S
)
TAG = re.compile(r"<[!/]?[A-Za-z][^<>]*>|<\?xml[^>]*\?>", re.S)
ENTITY = re.compile(r"&#?\w+;")
MARKDOWN = re.compile(r"\]\([^)]*\)|\{ *[#.][^}]*\}|\bhttps?://\S+")
# <meta content> is mostly machine values (viewport, CSP, og:type); only these are read.
PROSE_META = re.compile(
    r"""<meta\s+(?:name|property)=["'](?:description|og:title|og:description|og:image:alt|twitter:title|twitter:description|twitter:image:alt)["'][^<>]*$"""
)
WORD = re.compile(r"[^\W\d_][\w.\-/]*", re.U)


def leftover(source: str) -> list[tuple[int, str]]:
    """(line, text) of every word a template writes itself, outside Jinja, tags and
    markup, and of every word in an attribute a reader sees or hears."""
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731 keep line numbers
    text = FRONT_MATTER.sub(blank, source)
    for phrase in ALLOWED_PHRASES:
        text = text.replace(phrase, " " * len(phrase))
    text = JINJA.sub(blank, text)
    text = HTML_COMMENT.sub(blank, text)
    found = []
    for m in ATTRIBUTE.finditer(text):
        if m.group(1) == "content" and not PROSE_META.search(text, 0, m.start()):
            continue
        words = [w for w in WORD.findall(ENTITY.sub(" ", m.group(3))) if w not in ALLOWED]
        if words:
            found.append((text.count("\n", 0, m.start()) + 1, f'{m.group(1)}="{m.group(3)}"'))
    text = TAG.sub(blank, text)
    text = ENTITY.sub(blank, text)
    text = MARKDOWN.sub(blank, text)
    for number, line in enumerate(text.split("\n"), 1):
        words = [w for w in WORD.findall(line) if w not in ALLOWED and not PATH.match(w)]
        if words:
            found.append((number, " ".join(words)))
    return found


def ui_files() -> list[Path]:
    return [p for p in TEMPLATES + OVERRIDES if p.name not in EXCLUDED]


@pytest.mark.parametrize("path", ui_files(), ids=lambda p: p.name)
def test_no_hard_coded_ui_text(path: Path) -> None:
    found = leftover(path.read_text(encoding="utf-8"))
    if path.name in NOT_YET:
        assert found, f"{path.name} is clean: remove it from NOT_YET"
        pytest.skip(f"not yet in the catalogue: {NOT_YET[path.name]}")
    assert [f"{path.name}:{n}: {text}" for n, text in found] == []


# What the record scaffold may write itself: keys and codes of the record format.
YAML_KEY = re.compile(r"^\s*(#\s*)?(-\s+)?[a-z_]+:", re.M)
CODE_LIST = re.compile(r"#\s*[\w\-\[\]]+(\s*\|\s*[\w\-\[\]]+)+")
RECORD_CODES = {"ikrar", "definitif", "verbatim", "presiding", "date", "people", "clauses"}
RECORD_CODES |= {"pakta-integritas", "YYYY-MM-DD", "yaml-language-server", "schema"}


@pytest.mark.parametrize("name", ["new-record.yml.j2", "draft-record.yml.j2"])
def test_scaffold_words(name: str) -> None:
    """new-record.yml.j2's comments and example values come from the catalogue
    (`scaffold`), draft-record.yml.j2's from draft.py (the `draft` section): what they
    write themselves is the record format's keys and codes."""
    source = (ROOT / "generator" / "templates" / name).read_text(encoding="utf-8")
    source = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    text = JINJA.sub(" ", source)
    text = CODE_LIST.sub(" ", YAML_KEY.sub(" ", text))
    text = re.sub(r"https?://\S+", " ", text)
    words = {w.strip(".-") for w in WORD.findall(text) if not PATH.match(w)} - {""}
    assert words - RECORD_CODES == set()


def test_the_check_finds_words() -> None:
    """The scanner is not vacuous: words, attributes and entities are caught or not."""
    source = '{# Komentar #}<p title="Judul">Halo {{ x }}</p>\n<a href="x">&nbsp;{{ t.a.b }}</a>'
    assert leftover(source) == [(1, 'title="Judul"'), (1, "Halo")]
    assert leftover("{% set x = 'teks' %}<code>{{ y }}</code>") == []


def test_inline_messages_render_like_written_text() -> None:
    """`{{ t.k }}` compiles to the text; `.format` arguments stay escaped, one line."""
    env = jinja2.Environment(
        autoescape=True, extensions=[wording.Messages], finalize=wording.one_line
    )
    env.globals.update(wording.globals_for())
    cat = messages.catalogue("id")
    area = next(k for k, v in cat.items() if isinstance(v, dict | type(cat)) and v)
    key, text = next((k, v) for k, v in cat[area].items() if isinstance(v, str) and "{" not in v)
    assert env.from_string(f"{{{{ t.{area}.{key} }}}}").render() == text
    text = wording.Text("{a} & <b>{b}</b>").format(a="<x>\ny", b=1)
    assert text == "&lt;x&gt; y & <b>1</b>"
    with pytest.raises(jinja2.TemplateSyntaxError):
        env.from_string("{{ t.no_such_area.key }}")


def test_no_key_hides_a_tree_method() -> None:
    """Templates reach a section's words as attributes: a key named like a method of
    messages.Tree (`get`) would hide it, so no section may use one."""
    methods = {name for name in dir(messages.Tree) if not name.startswith("_")}
    for lang in messages.LANGUAGES:
        clashes = [
            key
            for key, _ in messages.flat(messages.catalogue(lang))
            if set(key.split(".")) & methods
        ]
        assert clashes == [], lang
