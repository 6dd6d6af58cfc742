"""Scalars read as YAML 1.2's core schema reads them (not as libyaml's YAML 1.1 tags say)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from generator import load
from generator.yaml12 import core_value, explicit_tag


def scalar(text: str):
    node, diags = load.compose(f"k: {text}\n", "x.yml")
    assert diags == [] and node is not None
    return node.value[0][1]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2020", 2020),
        ("61.07", 61.07),
        ('"61.07"', "61.07"),
        ("'2020'", "2020"),
        ("2024-10-07", "2024-10-07"),  # a timestamp in YAML 1.1, text in 1.2
        ("yes", "yes"),  # true in YAML 1.1
        ("12:30", "12:30"),  # 750 in YAML 1.1
        ("1_000", "1_000"),
        ("010", 10),  # octal 8 in YAML 1.1
        ("0o17", 15),
        ("0x1F", 31),
        ("1e3", 1000.0),
        ("+12", 12),
        ("-.5", -0.5),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("-.inf", -math.inf),
        ("Bupati", "Bupati"),
        ("|\n  a\n", "a\n"),
    ],
)
def test_core_value(text: str, value: Any) -> None:
    got = core_value(scalar(text))
    assert got == value and type(got) is type(value)


def test_nan() -> None:
    assert math.isnan(core_value(scalar(".nan")))


@pytest.mark.parametrize(
    ("text", "written"),
    [("2020", False), ("!!str 2020", True), ("!!int 5", False), ('!!int "5"', True), ("a", False)],
)
def test_explicit_tag(text: str, written: bool) -> None:
    """A tag that libyaml's own reading would not give (!!int 5 reads as written anyway)."""
    assert explicit_tag(scalar(text)) == written
