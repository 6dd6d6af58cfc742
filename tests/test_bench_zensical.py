"""bench/zensical.py compares pages by what a reader gets: the same link written two
ways is one link, Zensical's skip-link target and escaped slashes are no difference,
and a changed word or target is."""

from __future__ import annotations

from bench.zensical import _built, _unlinked, page_tokens

PAGE = (
    "<title>PP 42/2004 - Registri</title>"
    '<article class="md-content__inner md-typeset">{}<p>Teks <a href="{}">x</a></p></article>'
)


def tokens(skip: str, href: str, title: str = "PP 42/2004") -> tuple:
    return page_tokens(PAGE.replace("PP 42/2004", title).format(skip, href), "bandingkan/x/")


def test_same_reading_is_equal() -> None:
    ours = tokens("", "./")
    assert tokens('<a id="__skip" tabindex="-1"></a>', "././", "PP 42&#x2f;2004") == ours


def test_other_target_or_text_differs() -> None:
    ours = tokens("", "../../wilayah/")
    moved = tokens("", "../../../wilayah/")
    assert moved != ours and _unlinked(moved) == _unlinked(ours)
    assert tokens("", "../../wilayah/", "PP 43/2004") != ours


def test_built_file_of_a_markdown_page() -> None:
    assert _built("index.md") == "index.html"
    assert _built("peristiwa/index.md") == "peristiwa/index.html"
    assert _built("peristiwa/kab-x.md") == "peristiwa/kab-x/index.html"
