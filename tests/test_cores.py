"""ProperDocs, MkDocs 1.x continued, is the tested fallback core (`make site
CORE=properdocs`): with the same Material, docs/ and overrides it builds the fixture
site page by page as mkdocs does. Only the generator tag, which names the program
that built the page, may differ.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import site_registry
from tests.sitebuild import build_site
from tests.test_reproducible import differing

GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-([^",]+), mkdocs-material">')


def test_properdocs_builds_what_mkdocs_builds(tmp_path: Path) -> None:
    registry = site_registry(tmp_path / "registry")
    ours = build_site(registry, tmp_path / "mkdocs")
    fallback = build_site(registry, tmp_path / "properdocs", core="properdocs")
    files = sorted(p.relative_to(ours).as_posix() for p in ours.rglob("*") if p.is_file())
    assert len([f for f in files if f.endswith(".html")]) > 500
    different = differing(ours, fallback)
    assert [f for f in different if not f.endswith(".html")] == []  # Pagefind's index too
    names = set()
    for name in different:
        a, b = (ours / name).read_bytes(), (fallback / name).read_bytes()
        names |= {m.group(1) for m in (GENERATOR.search(a), GENERATOR.search(b)) if m}
        assert GENERATOR.sub(b"", a) == GENERATOR.sub(b"", b), name
    assert names <= {b"1.6.1", b"ProperDocs 1.6.7"}
