"""Builds that are not alone or do not finish: a lock, a stage beside SITE, a swap by
rename, leftovers of killed builds removed, failures in one line (tools/site.py).

The steps here are small Python commands standing in for generate, mkdocs and
Pagefind, so each case runs in a fraction of a second; the real steps are the
Makefile's (test_hardening.py builds with them).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

WRITE = (
    '{python} -c "import pathlib, sys, time; time.sleep({sleep}); '
    "p = pathlib.Path('{{stage}}'); "
    "[(p / f'{{i}}.html').write_text('x' * 10) for i in range({count})]\""
)
WAITING = (
    "make site: another build is running in this clone (.build/site.lock); waiting for it to finish"
)


def step(count: int = 3, sleep: float = 0) -> str:
    return WRITE.format(python=sys.executable, sleep=sleep, count=count)


def _site(site: str, *steps: str) -> dict:
    """tools.site's command line and environment, for run() and start()."""
    return {
        "args": [sys.executable, "-m", "tools.site", site, *steps],
        "env": {**os.environ, "PYTHONPATH": str(ROOT)},
        "text": True,
    }


def run(cwd: Path, site: str, *steps: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(**_site(site, *steps), cwd=cwd, capture_output=True, timeout=60)


def start(cwd: Path, site: str, *steps: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        **_site(site, *steps), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def test_a_build_replaces_site_with_its_stage(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.html").write_text("old")
    result = run(tmp_path, "site", step(3))
    assert (result.returncode, result.stdout, result.stderr) == (0, "site/ is ready\n", "")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["0.html", "1.html", "2.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build", "site"]
    assert oct((tmp_path / "site").stat().st_mode & 0o777) == "0o755"


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    first = start(tmp_path, "site", step(50, sleep=1.5))
    while not (tmp_path / ".build" / "site.lock").exists():
        time.sleep(0.05)
    time.sleep(0.3)
    second = start(tmp_path, "site", step(7))
    out1, err1 = first.communicate(timeout=60)
    out2, err2 = second.communicate(timeout=60)
    assert (first.returncode, out1, err1) == (0, "site/ is ready\n", "")
    assert (second.returncode, out2, err2) == (0, "site/ is ready\n", WAITING + "\n")
    assert len(list((tmp_path / "site").iterdir())) == 7  # the later build, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build", "site"]


def test_a_failed_step_leaves_the_previous_site(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "marker.html").write_text("previous site")
    fail = f"{sys.executable} -c \"import sys; print('error: x'); sys.exit(3)\""
    result = run(tmp_path, "site", step(3), fail)
    assert (result.returncode, result.stdout) == (1, "error: x\n")
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["marker.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build", "site"]


def test_site_elsewhere_is_staged_beside_it(tmp_path: Path) -> None:
    work, out = tmp_path / "work", tmp_path / "out" / "deep"
    work.mkdir()
    seen = tmp_path / "stage.txt"
    where = (
        f"{sys.executable} -c \"import pathlib; pathlib.Path('{seen}').write_text('{{stage}}')\""
    )
    result = run(work, str(out / "site"), where, step(2))
    assert result.returncode == 0
    stage = Path(seen.read_text())
    assert stage.parent == out and stage.name.startswith("site.new-")
    assert sorted(p.name for p in out.iterdir()) == ["site"]


def test_leftovers_of_killed_builds_are_removed(tmp_path: Path) -> None:
    for name in (
        ".gen-abc/x.md",
        "site.new-1/a.html",
        "site.old-2/site/b.html",
        "docs/.old-peristiwa/c.md",
        ".build/site-new/d.html",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("stale")
    (tmp_path / "docs" / "keep.md").write_text("hand-written")
    result = run(tmp_path, "site", step(1))
    assert result.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build", "docs", "site"]
    assert [p.name for p in (tmp_path / "docs").iterdir()] == ["keep.md"]
    assert [p.name for p in (tmp_path / ".build").iterdir()] == ["site.lock"]


def test_an_unwritable_place_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    result = run(tmp_path, "file/site", step(1))
    assert result.returncode == 1
    assert (
        result.stderr.splitlines() == ["error: make site: cannot read or write file: File exists"]
        or len(result.stderr.splitlines()) == 1
    )
    assert "Traceback" not in result.stderr


def test_the_makefile_builds_through_the_script() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nsite: ", 1)[1].split("\n\n", 1)[0]
    assert "-m tools.site $(SITE)" in recipe
    assert "--site-dir {stage}" in recipe and "--site {stage}" in recipe
