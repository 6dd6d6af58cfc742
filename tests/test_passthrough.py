"""generator/passthrough.py: the generator's finished HTML skips Markdown's HTML parser,
and every page still comes out exactly as Markdown alone would make it."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils import meta

from generator.passthrough import CLOSE, OPEN, mark_blocks
from tests.conftest import ROOT
from tests.test_render import hostile_record, render_registry


def markdown_settings() -> tuple[list, dict]:
    """mkdocs.yml's Markdown extensions, without ours, and their settings."""
    names, configs = [], {}
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
        "markdown_extensions"
    ]:
        name, config = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        if name != "generator.passthrough":
            names.append(name)
            configs[name] = config or {}
    return names, configs


def convert(text: str, passthrough: bool) -> str:
    names, configs = markdown_settings()
    if passthrough:
        names = [*names, "generator.passthrough"]
    body, _ = meta.get_data(text)
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(body)


def without_blank_lines(html: str) -> str:
    """Markdown puts a blank line between the top-level HTML elements it parsed one by
    one; a passed-through run keeps them as the template wrote them. Nothing else differs."""
    return "\n".join(line for line in html.split("\n") if line.strip())


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("passthrough")
    cwd = os.getcwd()
    os.chdir(tmp)
    try:
        files = render_registry(tmp, {"kab-bengkayang-2024-01-02.yml": hostile_record()})
    finally:
        os.chdir(cwd)
    return {rel: text for rel, text in files.items() if rel.endswith(".md")}


def test_every_generated_page_converts_as_markdown_alone_would(pages: dict[str, str]) -> None:
    assert len(pages) > 30
    marked = 0
    for rel, text in pages.items():
        done = mark_blocks(text)
        marked += done.count(OPEN)
        expected = without_blank_lines(convert(text, passthrough=False))
        assert without_blank_lines(convert(done, passthrough=True)) == expected, rel
    assert marked > len(pages)  # most of every page passes through


def test_a_record_cannot_open_or_close_a_run(pages: dict[str, str]) -> None:
    page = pages["peristiwa/kab-bengkayang-2024-01-02.md"]
    assert "&lt;!--html--&gt; &lt;script&gt;" in page  # the hostile value, escaped
    done = mark_blocks(page)
    assert f"\n{OPEN}\n" in done
    html = convert(done, passthrough=True)
    assert "<script" not in html and OPEN not in html and CLOSE not in html


@pytest.mark.parametrize(
    "text",
    [
        "# Judul\n\nTeks biasa.\n",
        "<a href='x'>tautan</a> dan *miring*\n",  # an inline tag starts a paragraph
        "<p>satu</p>\nteks tanpa tag\n",  # a line that is not a tag
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "- butir\n- butir\n",
    ],
)
def test_markdown_is_left_to_markdown(text: str) -> None:
    assert mark_blocks(text) == text


def test_runs_are_marked_once_and_front_matter_is_kept() -> None:
    text = '---\ntitle: "<p>x</p>"\n---\n<nav>\n<a href="a">a</a>\n</nav>\n'
    text += "\n## Bagian\n\n<p>isi</p>\n"
    done = mark_blocks(text)
    assert done.startswith('---\ntitle: "<p>x</p>"\n---\n')
    assert done.count(OPEN) == 2 and "\n## Bagian\n" in done
    assert mark_blocks(done) == done


def test_an_unclosed_run_is_read_by_markdown() -> None:
    text = f"{OPEN}\n<p>a</p>\n\n*b*\n"
    assert "<em>b</em>" in convert(text, passthrough=True)


def test_sites_load_the_extension_from_the_repository() -> None:
    # mkdocs imports it by name; Makefile, bench and tests put the repository on the path.
    assert "export PYTHONPATH := $(CURDIR)" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert Path(ROOT / "generator" / "passthrough.py").exists()
