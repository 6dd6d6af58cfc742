"""generator/parallel.py: pages rendered on every core come back complete and in order,
identical to rendering them in one process."""

from __future__ import annotations

import os
import threading

import pytest

from generator import parallel, render
from tests.conftest import site_model


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)


def test_results_come_back_in_order(always_parallel: None) -> None:
    items = list(range(1234))
    assert parallel.render_all(lambda i: f"{i}:{os.getpid()}".split(":")[0], items) == [
        str(i) for i in items
    ]


def test_workers_really_render(always_parallel: None) -> None:
    pids = set(parallel.render_all(lambda _: str(os.getpid()), list(range(1000))))
    assert str(os.getpid()) not in pids


def test_a_threaded_caller_renders_here(always_parallel: None) -> None:
    """The mkdocs hook runs inside a threaded server: no fork there."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pids = set(parallel.render_all(lambda _: str(os.getpid()), list(range(10))))
    finally:
        stop.set()
        thread.join()
    assert pids == {str(os.getpid())}


def test_event_pages_are_identical_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    registry = site_model()
    serial = render.render_site(registry)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert render.render_site(registry) == serial
