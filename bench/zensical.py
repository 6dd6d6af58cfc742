"""Measure the gates for moving from mkdocs-material to Zensical (README, "Leaving
Material for MkDocs"), and build the fixture site with Zensical.

    python3 bench/zensical.py --fixture          # the fixture site, Zensical vs mkdocs
    python3 bench/zensical.py --records 5000     # + from-scratch build time and peak

Zensical goes into a venv of its own (.build/zensical-venv, pinned below), never into
the project's requirements. Its project is laid out as Zensical expects (config, docs/
and overrides/ side by side, relative paths), without our hook: Zensical runs none, so
the theme's words must arrive as data (docs/.tema.yml). Each gate prints PASS or FAIL
with what was measured; results go to stdout, and to bench/out/zensical.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench import synth
from generator import theme
from tests.conftest import site_registry
from tools.sitebuild import ROOT, handwritten_docs, mkdocs_env, relocated_config

ZENSICAL = "zensical==0.0.73"  # the newest that installs from the index here
NEXT = "zensical>=0.1,<0.2"  # needs zensical-ui, which the index does not have
VENV = ROOT / ".build" / "zensical-venv"
OUT = ROOT / "bench" / "out" / "zensical"
BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path = ROOT) -> tuple[float, int, float, str]:
    """(wall seconds, peak RSS MB of the process and its children, their CPU seconds,
    output). CPU is the fairer time on a shared machine; both are reported."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=mkdocs_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    output = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{output[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime, output


def install() -> Path:
    """Zensical in its own venv; returns its executable."""
    exe = VENV / "bin" / "zensical"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, "--disable-pip-version-check", ZENSICAL], check=True)
    return exe


def next_installable() -> tuple[bool, str]:
    """Gate: does a 0.1.x release install from the index? (dry run, nothing changes)"""
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--dry-run", NEXT]
    result = subprocess.run(pip, capture_output=True, text=True)
    needs = sorted({m for m in re.findall(r"depends on (\S+)", result.stdout + result.stderr)})
    why = "installs" if result.returncode == 0 else "not installable: needs " + ", ".join(needs)
    return result.returncode == 0, why


def project(docs: Path, work: Path) -> Path:
    """A Zensical project in work/: our mkdocs.yml (no hook; paths relative), docs/
    as generated, overrides/ copied. Returns the config's path."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(docs, work / "docs", symlinks=False)
    shutil.copytree(ROOT / "overrides", work / "overrides")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config.pop("watch", None)
    config.update(docs_dir="docs", site_dir="site")
    config["theme"]["custom_dir"] = "overrides"
    # Zensical builds its own search index unless told not to (we index with Pagefind);
    # at 5,000 events its index refuses the clause page (over 16,384 token positions).
    config["plugins"] = {"search": {"enabled": False}}
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build_both(docs: Path, work: Path) -> dict[str, float]:
    """mkdocs and Zensical, each from scratch on the same docs/; times and peaks."""
    r: dict[str, float] = {}
    site = work / "mkdocs-site"
    config = relocated_config(work / "mkdocs.yml", docs, site)
    mkdocs = [str(BIN / "mkdocs"), "build", "-q", "-f", str(config)]
    r["mkdocs_s"], r["mkdocs_mb"], r["mkdocs_cpu_s"], _ = run(mkdocs)
    zconfig = project(docs, work / "zensical")
    exe = install()
    zensical = [str(exe), "build", "--clean", "-f", str(zconfig)]
    r["zensical_s"], r["zensical_mb"], r["zensical_cpu_s"], out = run(zensical)
    r["zensical_issues"] = 0 if "No issues found" in out else 1
    return r


class _Tokens(HTMLParser):
    """A page's article as tokens: tags with their attributes (links resolved against
    the page, so ./x and ././x are one link) and the text, whitespace folded."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base, self.tokens = "http://site.invalid/registri/" + url, []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("id") == "__skip":  # Zensical's skip-link target
            self.skip = True
            return
        for key in ("href", "src"):
            if values.get(key) is not None:
                values[key] = urljoin(self.base, values[key] or "")
        self.tokens.append((tag, tuple(sorted(values.items()))))

    def handle_endtag(self, tag: str) -> None:
        if self.skip and tag == "a":
            self.skip = False
            return
        self.tokens.append(("/" + tag,))

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text:
            self.tokens.append(("text", text))


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def page_tokens(html: str, url: str) -> tuple:
    parser = _Tokens(url)
    found = ARTICLE.search(html)
    parser.feed(found.group(1) if found else "")
    # Titles as text: MiniJinja's escape writes / as &#x2f;, the same character.
    return tuple(unescape(t) for t in TITLE.findall(html)), tuple(parser.tokens)


def compare(ours: Path, theirs: Path) -> dict[str, object]:
    """Page by page: the same pages, each with the same title and article; and on every
    page the theme's words that mkdocs printed (from docs/.tema.yml, no hook)."""
    words = _theme_words()
    pages = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*.html"))
    missing, different, wordless, links_only, beyond, first = [], [], [], [], [], []
    for rel in pages:
        if not (theirs / rel).exists():
            missing.append(rel)
            continue
        url = rel.removesuffix("index.html")
        a = (ours / rel).read_text(encoding="utf-8")
        b = (theirs / rel).read_text(encoding="utf-8")
        ta, tb = page_tokens(a, url), page_tokens(b, url)
        if ta != tb:
            different.append(rel)
            if _unlinked(ta) == _unlinked(tb):
                links_only.append(rel)
            else:
                beyond.append(rel)
                first = first or [_first_difference(_unlinked(ta), _unlinked(tb))]
        if [w for w in words if w in a and w not in b]:
            wordless.append(rel)
    extra = sorted(
        p.relative_to(theirs).as_posix()
        for p in theirs.rglob("*.html")
        if not (ours / p.relative_to(theirs)).exists()
    )
    return {
        "pages": len(pages),
        "missing": missing[:20],
        "extra": extra[:20],
        "different": different[:20],
        "different_n": len(different),
        "different_in_links_only_n": len(links_only),
        "different_beyond_links": beyond,
        "first_other_difference": first[0] if first else None,
        "without_theme_words": wordless[:20],
        "without_theme_words_n": len(wordless),
    }


def _unlinked(tokens: tuple) -> tuple:
    """The tokens with every href and src left out."""
    title, body = tokens
    strip = tuple(
        (t[0], tuple(kv for kv in t[1] if kv[0] not in ("href", "src")))
        if len(t) == 2 and t[0] != "text"
        else t
        for t in body
    )
    return title, strip


def _first_difference(a: tuple, b: tuple) -> list[str]:
    if a[0] != b[0]:
        return [repr(a[0]), repr(b[0])]
    for i, (x, y) in enumerate(zip(a[1], b[1], strict=False)):
        if x != y:
            return [
                repr(t) for t in (*a[1][max(0, i - 2) : i + 2], "|", *b[1][max(0, i - 2) : i + 2])
            ]
    return [f"{len(a[1])} vs {len(b[1])} tokens"]


def _theme_words() -> list[str]:
    """Theme words long enough to find in a page (the copyright line, the switch...)."""
    extra = theme.extra({})
    words = [
        str(leaf)
        for lang in extra["messages"].values()
        for key, leaf in _leaves(lang["theme"])
        if isinstance(leaf, str) and len(leaf) > 8 and "<" not in leaf
    ]
    return sorted(set(words))


def _leaves(node: object, prefix: str = ""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, f"{prefix}{key}.")
    elif isinstance(node, list):
        for value in node:
            yield prefix, value
    else:
        yield prefix, node


def generate(registry: Path, docs: Path) -> Path:
    """The handwritten pages plus what the generator writes from `registry`: the docs/
    that both renderers are given."""
    handwritten_docs(docs)
    run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--registry",
            str(registry),
            "--docs",
            str(docs),
        ]
    )
    return docs


def fixture() -> dict[str, object]:
    """The fixture site (tests' registry), built by both; compared page by page."""
    work = OUT / "fixture"
    if work.exists():
        shutil.rmtree(work)
    registry = site_registry(work / "registry")
    docs = generate(registry, work / "docs")
    r: dict[str, object] = dict(build_both(docs, work))
    r.update(compare(work / "mkdocs-site", work / "zensical" / "site"))
    marked = [p for p in docs.rglob("*.md") if "<!--html-->" in p.read_text(encoding="utf-8")]
    built = {_built(p.relative_to(docs).as_posix()) for p in marked}
    r["passthrough_pages"] = len(built)
    r["passthrough_unequal_beyond_links"] = sorted(built & set(r["different_beyond_links"]))
    return r


def _built(source: str) -> str:
    """The HTML file mkdocs writes for a Markdown file (use_directory_urls)."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem + ".html"
    return stem + "/index.html"


def at_scale(count: int) -> dict[str, float]:
    """A synthetic registry of `count` events (bench/synth.py), generated once, then
    rendered from scratch by mkdocs and by Zensical."""
    work = OUT / str(count)
    registry = synth.make_registry(count, work / "registry")
    synth.commit_history(registry)
    docs = generate(registry, work / "docs")
    return {"records": count, **build_both(docs, work)}


def gates(fix: dict[str, object], scale: dict[str, float] | None) -> list[tuple[str, bool, str]]:
    ok, why = next_installable()
    out = [("0.1.x installs from the package index", ok, why)]
    if scale:
        n, z, m = scale["records"], scale["zensical_s"], scale["mkdocs_s"]
        zc, mc = scale["zensical_cpu_s"], scale["mkdocs_cpu_s"]
        timing = f"wall {z:.1f} s vs {m:.1f} s; CPU {zc:.1f} s vs {mc:.1f} s"
        out.append((f"from scratch at {n:.0f} no slower than mkdocs", z <= m and zc <= mc, timing))
        mb = scale["zensical_mb"]
        out.append(
            (f"peak under 1 GB (measured at {n:.0f}; the gate is at 10,000)", mb < 1024, f"{mb} MB")
        )
    words = fix["without_theme_words_n"] == 0
    out.append(
        (
            "theme words without hooks",
            bool(words),
            f"{fix['without_theme_words_n']} pages lack some",
        )
    )
    same = not fix["missing"] and not fix["different_n"]
    unequal = fix["passthrough_unequal_beyond_links"]
    out.append(
        (
            "passthrough extension supported (its pages equal, links aside)",
            fix["passthrough_pages"] > 0 and not unequal,
            f"{fix['passthrough_pages']} pages with passthrough blocks, {len(unequal)} unequal",
        )
    )
    detail = f"{fix['pages']} pages, {fix['different_n']} differ"
    detail += f" ({fix['different_in_links_only_n']} only in links), {len(fix['missing'])} missing"
    out.append(("page-by-page comparison equal", same, detail))
    out.append(
        ("every test green under Zensical", False, "not measured: the suite builds with mkdocs")
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--fixture", action="store_true", help="only the fixture site")
    parser.add_argument("--records", type=int, default=5000, help="size for the timing gates")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    install()
    fix = fixture()
    scale = None if args.fixture else at_scale(args.records)
    results = gates(fix, scale)
    for name, ok, why in results:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {why}")
    print(json.dumps({"fixture": fix, "scale": scale}, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT.parent / "zensical.json").write_text(
        json.dumps({"fixture": fix, "scale": scale, "gates": results}, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
