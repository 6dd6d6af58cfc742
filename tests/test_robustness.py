"""Malformed input of any kind yields diagnostics, never a traceback.

The corpus is generated deterministically from a valid record: truncations,
byte flips, and YAML constructs spliced in at every line. Reviewers will
throw corpora at the checker that we have not seen; this covers the class.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator import validate
from generator.diagnostics import Diagnostic
from tests.conftest import FIXTURES, TODAY, make_registry

BASE = (FIXTURES / "base.yml").read_bytes()
SPLICES = [
    b"&a ",
    b"*a",
    b"!!binary ",
    b"!!set ",
    b"!custom ",
    b"? ",
    b"<<: *a",
    b"{",
    b"[",
    b"]",
    b"}",
    b"'",
    b'"',
    b"|",
    b">",
    b"%YAML 1.1",
    b"---",
    b"...",
    b"\t",
    b"\x00",
    b"\xff\xfe",
    b"\xc3\x28",
    b"\xef\xbb\xbf",
    b": ",
    b"- ",
    b"#",
    b"@",
    b"`",
    b"~",
    b"null",
    b"1e999",
    b"0x1F",
    b".inf",
    b"2024-13-45",
    b"\xe2\x80\xae",
    b"\\u0000",
    b'"\\x07"',
    b"!!int x",
    b"!!python/object/apply:os.system [ls]",
    b"[[[[[[[[[[",
    b"{a: {b: {c: {d: 1}}}}",
]


def corpus() -> list[bytes]:
    rng = random.Random(2024)
    lines = BASE.split(b"\n")
    cases = [BASE[:cut] for cut in range(0, len(BASE), 7)]
    for splice in SPLICES:
        for index in range(0, len(lines), 3):
            column = rng.randint(0, len(lines[index]))
            changed = list(lines)
            changed[index] = lines[index][:column] + splice + lines[index][column:]
            cases.append(b"\n".join(changed))
    for _ in range(300):
        data = bytearray(BASE)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cases.append(bytes(data))
    return cases


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[list[Diagnostic]]:
    tmp = tmp_path_factory.mktemp("robust")
    registry = make_registry(tmp)
    target = registry / "events" / "kab-bengkayang-2020-10-20.yml"
    results = []
    for case in corpus():
        target.write_bytes(case)
        checked, diags = validate.check(registry, None, TODAY)
        assert (checked is None) == bool(diags)
        results.append(diags)
    return results


def test_no_exception_and_every_diagnostic_is_well_formed(outcomes: list) -> None:
    assert len(outcomes) > 500
    for diags in outcomes:
        for d in diags:
            assert d.line >= 1 and d.col >= 1 and d.message and "\n" not in d.text()


def test_most_mutations_are_caught(outcomes: list) -> None:
    assert sum(1 for d in outcomes if d) > len(outcomes) * 0.6


def test_billion_laughs_is_cheap(tmp_path: Path) -> None:
    lol = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n"
        % ((ord("a") + i + 1,) * 2 + (ord("a") + i,) * 9)
        for i in range(9)
    )
    registry = make_registry(tmp_path, {"kab-bengkayang-2020-10-20.yml": lol})
    _, diags = validate.check(registry, None, TODAY)
    assert any("anchors" in d.message for d in diags)
    assert len(diags) < 200
