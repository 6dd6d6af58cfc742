"""The JSON Schemas: valid Draft 2020-12, every field described, and agreeing with the walker.

The walker in generator/schema.py interprets the schemas itself; these tests
hold it to the reference implementation (jsonschema) so editors, the data docs
and the checker never disagree about what a valid record is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import FIXTURES, ROOT

SCHEMAS = sorted((ROOT / "registry" / "schema").glob("*.schema.json"))
RECORDS = (
    sorted((ROOT / "registry" / "events").glob("*.yml"))
    + sorted((FIXTURES / "valid").glob("*.yml"))
    + [FIXTURES / "base.yml"]
)


def properties(schema: dict[str, Any], path: str = "") -> Iterator[tuple[str, dict]]:
    """Every named property at any depth, with its dotted path."""
    for key, sub in schema.get("properties", {}).items():
        yield f"{path}{key}", sub
        yield from properties(sub, f"{path}{key}.")
    for key in ("items",):
        if key in schema:
            yield from properties(schema[key], path)
    for option in schema.get("oneOf", []):
        yield from properties(option, path)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    jsonschema.Draft202012Validator.check_schema(json.loads(path.read_text()))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_field_has_a_description(path: Path) -> None:
    missing = [
        name for name, sub in properties(json.loads(path.read_text())) if not sub.get("description")
    ]
    assert missing == []


def as_json(value: Any) -> Any:
    """What a JSON consumer sees: dates as ISO text, as our walker keeps them."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_valid_records_satisfy_reference_validator(path: Path) -> None:
    schema = json.loads((ROOT / "registry/schema/event.schema.json").read_text())
    data = as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    if isinstance(data.get("region"), float):  # unquoted codes: the walker reads the raw text
        data["region"] = f"{data['region']:.2f}"
    jsonschema.Draft202012Validator(schema).validate(data)
