"""`make bench` in miniature: the benchmark runs end to end on a tiny registry.

A benchmark is not a test, so nothing here asserts speed; it only keeps the
harness working so that `make bench` never rots between measurements.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_benchmark_smoke_run() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "--smoke", "--no-search"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| check s |" in result.stdout
