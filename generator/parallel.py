"""Render many pages on every core: event pages are most of `generate` at thousands of
records, and each is rendered on its own from the same model.

Workers are forked, so they start with the parent's model and compiled templates and
nothing is pickled on the way in; only the finished pages come back, in order, so the
output is identical to rendering in one process. Forking is skipped (and everything
is rendered here) below PARALLEL_FROM items, on one core, where fork does not exist,
and when other threads run (the mkdocs hook calls the generator from a threaded
server, and forking a threaded process is unsafe).
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from typing import Any

from .validate import PARALLEL_FROM, cores

CHUNK = 250  # items per task: small enough to balance two cores, large enough to be cheap

_job: tuple[Callable[[Any], str], Sequence[Any]] | None = None


def render_all(render_one: Callable[[Any], str], items: Sequence[Any]) -> list[str]:
    """[render_one(item) for item in items], on every core when it pays."""
    workers = min(cores(), 8)
    if len(items) < PARALLEL_FROM or workers < 2 or not _can_fork():
        return [render_one(item) for item in items]
    global _job
    _job = (render_one, items)
    try:
        bounds = [(i, min(i + CHUNK, len(items))) for i in range(0, len(items), CHUNK)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_render_range, bounds, chunksize=1)
    finally:
        _job = None
    return [text for part in parts for text in part]


def _render_range(bounds: tuple[int, int]) -> list[str]:
    assert _job is not None  # set by render_all before the fork
    render_one, items = _job
    return [render_one(items[i]) for i in range(*bounds)]


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
