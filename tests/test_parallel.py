"""generator/parallel.py: pages rendered on every core come back complete and in order,
identical to rendering them in one process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from generator import parallel
from tests.conftest import ROOT

FORCE = """
import os
from generator import parallel
parallel.PARALLEL_FROM = 1
parallel.cores = lambda: 2
"""


def fresh(code: str) -> str:
    """Run in a new interpreter: this test process runs threads (browsers, servers), and
    render_all rightly refuses to fork while other threads run."""
    result = subprocess.run(
        [sys.executable, "-c", FORCE + code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_workers_render_and_results_come_back_in_order() -> None:
    out = fresh(
        """
texts = parallel.render_all(lambda i: f"{i} {os.getpid()}", list(range(1234)))
assert [t.split()[0] for t in texts] == [str(i) for i in range(1234)], texts[:5]
assert str(os.getpid()) not in {t.split()[1] for t in texts}
print("ok")
"""
    )
    assert out.strip() == "ok"


def test_event_pages_are_identical_either_way() -> None:
    out = fresh(
        """
from generator import render
from tests.conftest import site_model
registry = site_model()
together = render.render_site(registry)
parallel.PARALLEL_FROM = 10**9
assert render.render_site(registry) == together
print(len(registry.events))
"""
    )
    assert int(out) > 5


def test_a_threaded_caller_renders_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mkdocs hook runs inside a threaded server: no fork there."""
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pids = set(parallel.render_all(lambda _: str(os.getpid()), list(range(10))))
    finally:
        stop.set()
        thread.join()
    assert pids == {str(os.getpid())}
