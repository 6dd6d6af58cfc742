"""The JSON Schemas: valid Draft 2020-12, every field described, and agreeing with the walker.

The walker in generator/schema.py interprets the schemas itself; these tests
hold it to the reference implementation (jsonschema) so editors, the data docs
and the checker never disagree about what a valid record is: on every record
and fixture, on block-style YAML that YAML 1.1 and 1.2 read differently, and on
records Hypothesis generates from the schema and then breaks in every way a
contributor could.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load
from generator.schema import PATTERN_HELP, TEXT_PATTERN, URL_PATTERN, Walker
from tests.conftest import FIXTURES, ROOT

SCHEMAS = sorted((ROOT / "registry" / "schema").glob("*.schema.json"))
EVENT_SCHEMA = json.loads((ROOT / "registry/schema/event.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(EVENT_SCHEMA)
RECORDS = (
    sorted((ROOT / "registry" / "events").glob("*.yml"))
    + sorted((FIXTURES / "valid").glob("*.yml"))
    + sorted((FIXTURES / "site" / "events").glob("*.yml"))
    + sorted((FIXTURES / "records").rglob("*.yml"))
    + sorted((FIXTURES / "shape21" / "events").glob("*.yml"))
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


def test_every_pattern_has_a_friendly_message() -> None:
    """No contributor ever reads 'must match ^[0-9]{2}...'."""
    patterns = {sub["pattern"] for _, sub in properties(EVENT_SCHEMA) if "pattern" in sub}
    patterns |= {
        sub["items"]["pattern"]
        for _, sub in properties(EVENT_SCHEMA)
        if "pattern" in sub.get("items", {})
    }
    assert patterns - set(PATTERN_HELP) - {TEXT_PATTERN} == set()


# --- YAML 1.2 core schema, written from the spec (independent of the walker's reading) ---


class Core12Loader(yaml.CSafeLoader):
    """PyYAML with the YAML 1.2 core schema: what the JSON value of a record is."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


for _tag, _regexp, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
):
    Core12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_regexp), _first)


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict:
    """YAML forbids repeated keys (PyYAML would keep the last): no JSON value then."""
    keys = [loader.construct_object(k) for k, _ in node.value]
    if len(keys) != len(set(map(repr, keys))):
        raise yaml.constructor.ConstructorError(None, None, "repeated key", node.start_mark)
    return loader.construct_mapping(node, deep=True)


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = node.value
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 16) if text.startswith("0x") else int(text)


def _float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = node.value.lower()
    return float(text.replace(".inf", "inf").replace(".nan", "nan"))


Core12Loader.add_constructor("tag:yaml.org,2002:map", _mapping)
Core12Loader.add_constructor("tag:yaml.org,2002:int", _int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", _float)
Core12Loader.add_constructor(
    "tag:yaml.org,2002:bool", lambda loader, node: node.value.lower() == "true"
)


def json_value(text: str) -> Any:
    return yaml.load(text, Loader=Core12Loader)


def walker_accepts(text: str) -> bool:
    """What `check` says about the shape: no syntax error and no schema diagnostic."""
    node, diags = load.compose(text, "x.yml")
    if diags or node is None:
        return False
    walker = Walker("x.yml", EVENT_SCHEMA, tags="!" in text)
    walker.walk(node, EVENT_SCHEMA)
    return not walker.diags


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_valid_records_satisfy_reference_validator(path: Path) -> None:
    """Every record the checker accepts is valid JSON Schema, read as YAML 1.2 reads it."""
    text = path.read_text(encoding="utf-8")
    assert walker_accepts(text)
    VALIDATOR.validate(json_value(text))


BASE = (FIXTURES / "base.yml").read_text(encoding="utf-8")

# Lines of base.yml rewritten the ways YAML 1.1 and 1.2 (or a contributor and
# the schema) may disagree about; each must be judged alike by both.
BLOCK_CASES = [
    ('region: "61.07"', "region: 61.07"),
    ('region: "61.07"', "region: 61.10"),
    ('region: "61.07"', "region: '61.07'"),
    ("  value: 2020-10-20", "  value: 2020"),
    ("  value: 2020-10-20", '  value: "2020-10-20"'),
    ("  precision: reported", '  precision: year\n  value: "2020"'),
    ("schema_version: 2", "schema_version: 2.0"),
    ("schema_version: 2", 'schema_version: "2"'),
    ("schema_version: 2", "schema_version: 0x2"),
    ("  count: 3983", "  count: 3.983"),
    ("  count: 3983", "  count: 1.000"),
    ("  count: 3983", "  count: 1e3"),
    ("  count: 3983", "  count: 0o17"),
    ("  count: 3983", "  count: true"),
    ("  count: 3983", "  count:"),
    ("  count: 3983", "  count: ~"),
    ("  count: 3983", "  count: '3983'"),
    ("  count: 3983", "  count: 3983\n  attendance_share: 85"),
    ("  count: 3983", "  count: 3983\n  attendance_share: 92.5"),
    ("  count: 3983", "  count: 3983\n  attendance_share: 85,5"),
    ("  count: 3983", "  count: 3983\n  attendance_share: '85'"),
    ("  count: 3983", "  count: 3983\n  attendance_share: 100.5"),
    ("  count: 3983", "  count: 3983\n  attendance_share: 1e2"),
    ("  count: 3983", "  count: 3983\n  attendance_share: true"),
    ("    name: Yohanes Budiman", "    name: yes"),
    ("    name: Yohanes Budiman", "    name: 12:30"),
    ("    name: Yohanes Budiman", "    name: 1_000"),
    ("    name: Yohanes Budiman", "    name: null"),
    ("    name: Yohanes Budiman", '    name: "  "'),
    ("    name: Yohanes Budiman", '    name: " Yohanes "'),
    ("    name: Yohanes Budiman", '    name: "Yohanes\\a"'),
    ("    name: Yohanes Budiman", "    name: !!str 2020"),
    ("    name: Yohanes Budiman", "    name: |\n      Yohanes\n      Budiman"),
    ("    name: Yohanes Budiman", "    name: .inf"),
    ("    name: Yohanes Budiman", "    name: 0x1F"),
    ("    name: Yohanes Budiman", "    name: +12"),
    ("    name: Yohanes Budiman", "    name: 2024-10-07"),
    ("  - apel", "  - apel\n  - apel"),
    ("  - apel", "  -"),
    ("legal_basis:", "legal_basis: []\nnotes: x\nx_legal_basis:"),
    ("  - pilkada-2020", "  - pilkada 2020"),
]


@pytest.mark.parametrize(("old", "new"), BLOCK_CASES)
def test_block_yaml_judged_as_jsonschema_judges_it(old: str, new: str) -> None:
    assert old in BASE
    text = BASE.replace(old, new, 1)
    try:
        data = json_value(text)
    except yaml.YAMLError:
        data = None
    assert walker_accepts(text) == (data is not None and VALIDATOR.is_valid(data)), text


# --- Hypothesis: valid records from the schema, and every kind of mistake ---

STRING_CAP = 12  # generated free text stays short; maxLength is tested by mutation


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


_VISIBLE = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\ufeff\ufffe\uffff")
_WORD = st.text("abkpz0129", min_size=1, max_size=5)
_CODE = st.builds(lambda a, b: a + b, _digits(2), st.sampled_from(["", ".07", ".73", ".00"]))
_DAY = st.builds("-".join, st.tuples(_digits(4), _digits(2), _digits(2)))
PATTERNED: dict[str, st.SearchStrategy[str]] = {
    # from_regex is exact but slow; these cover each pattern's language well enough,
    # and test_generated_valid_records_are_valid proves they stay inside it.
    TEXT_PATTERN: st.text(
        _VISIBLE | st.sampled_from(" \t\n\r"), min_size=1, max_size=STRING_CAP
    ).filter(lambda s: re.search(TEXT_PATTERN, s) is not None),
    "^[a-z0-9]+(-[a-z0-9]+)*$": st.lists(_WORD, min_size=1, max_size=4).map("-".join),
    "^[0-9]{2}(\\.[0-9]{2})?$": _CODE,
    "^[0-9]{2}(\\.[0-9]{2}|\\.\\*)?$": st.one_of(_CODE, _digits(2).map(lambda c: c + ".*")),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": _DAY,
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": st.one_of(
        _DAY, _digits(4), st.builds("-".join, st.tuples(_digits(4), _digits(2)))
    ),
    URL_PATTERN: st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(["https://", "http://"]),
        st.text(_VISIBLE.filter(lambda c: not c.isspace()), min_size=1, max_size=STRING_CAP),
    ),
}


def strings(schema: dict) -> st.SearchStrategy[str]:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if "pattern" not in schema:
        return st.text(min_size=low, max_size=min(high or STRING_CAP, STRING_CAP))
    pattern = schema["pattern"]
    base = PATTERNED[pattern] if pattern in PATTERNED else st.from_regex(pattern)
    return base if high is None else base.filter(_within(low, high))


def _within(low: int, high: int) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        return low <= len(text) <= high

    return check


def valid(schema: dict) -> st.SearchStrategy[Any]:
    """Values the schema accepts (for the keywords our schemas use)."""
    if "oneOf" in schema:
        return st.one_of([valid(option) for option in schema["oneOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        required = schema.get("required", [])
        return st.fixed_dictionaries(
            {k: valid(props[k]) for k in required},
            optional={k: valid(v) for k, v in props.items() if k not in required},
        )
    if kind == "array":
        low = schema.get("minItems", 0)
        return st.lists(
            valid(schema["items"]),
            min_size=low,
            max_size=min(schema.get("maxItems", 2), low + 1),
            unique=bool(schema.get("uniqueItems")),
        )
    if kind == "integer":
        return st.integers(schema.get("minimum", -(10**6)), schema.get("maximum", 10**9))
    if kind == "number":
        low, high = schema.get("minimum", -(10**6)), schema.get("maximum", 10**9)
        return st.one_of(st.integers(low, high), st.floats(low, high, allow_nan=False))
    return strings(schema)


VALID_RECORD = valid(EVENT_SCHEMA)


def paths(value: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every place in a record that a mistake can be put."""
    yield prefix
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from paths(sub, (*prefix, index))


WRONG = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**8),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([3.0, 2.0, 1e3, 0.5, -1.0]),
    st.text(max_size=6),
    st.sampled_from(
        [
            "",
            " ",
            " \t",
            "\x07",
            "a\x85b",
            "a\u2028",
            "x" * 2001,
            "2020",
            "61.07",
            "33.*",
            "pilkada 2020",
            "Bupati",
            "presiding",
            "kpu",
            "ikrar",
            "https://x y",
            "2024-02-30",
            "javascript:alert(1)",
            "null",
            "true",
            "2",
            "\ufeff",
            "a\ufffeb",
        ]
    ),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.sampled_from(["roles", "group", "kind", "text", "x"]), st.text(max_size=3)),
)


def near_misses(value: Any) -> list[Any]:
    """What a contributor writes when they almost get a value right."""
    if isinstance(value, bool):
        return [int(value), str(value).lower()]
    if isinstance(value, int):
        return [float(value), value + 0.5, str(value), -value - 1, value * 10**7, True]
    if isinstance(value, str):
        out: list[Any] = [f" {value}", f"{value} ", value.upper(), value.replace("-", " ")]
        out += [value + "\x07", value * 600, value[:-1], "\u00a0" * len(value)]
        with contextlib.suppress(ValueError):
            out.append(json.loads(value))  # "2020" -> 2020, "61.07" -> 61.07
        return out
    if isinstance(value, list):
        return [[], value + value[:1], [None], value[0] if value else None]
    if isinstance(value, dict):
        return [{}, [value], None]
    return [None]


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _parent(data: Any, path: tuple) -> tuple[Any, Any]:
    for part in path[:-1]:
        data = data[part]
    return data, path[-1]


def _places(record: Any, kind: str) -> list[tuple]:
    """Where a mistake of this kind can go: lists for duplicates, mappings for new keys."""
    every = list(paths(record))
    if kind in ("duplicate", "overfill"):
        return [p for p in every if isinstance(_get(record, p), list) and _get(record, p)]
    if kind == "add-key":
        return [p for p in every if isinstance(_get(record, p), dict)]
    return every


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid record, then one to three mistakes at drawn places (some keep it valid).

    Scalars are drawn by their type first, so the few integers get as many
    mistakes as the many strings.
    """
    record = draw(VALID_RECORD)
    kinds = ["replace", "near-miss", "near-miss", "delete", "add-key", "duplicate", "overfill"]
    for _ in range(draw(st.integers(1, 3))):
        record = copy.deepcopy(record)
        kind = draw(st.sampled_from(kinds))
        places = _places(record, kind)
        if kind == "near-miss":
            by_type: dict[str, list[tuple]] = {}
            for place in places:
                by_type.setdefault(type(_get(record, place)).__name__, []).append(place)
            places = by_type[draw(st.sampled_from(sorted(by_type)))]
        path = draw(st.sampled_from(places)) if places else ()
        if not path:
            if kind == "replace":
                record = draw(WRONG)
            continue
        parent, last = _parent(record, path)
        target = parent[last]
        if kind == "replace":
            parent[last] = draw(WRONG)
        elif kind == "near-miss":
            parent[last] = draw(st.sampled_from(near_misses(target)))
        elif kind == "delete":
            del parent[last]
        elif kind == "add-key":
            target[draw(st.sampled_from(["official", "x", "Region", "note", "count"]))] = "x"
        elif kind == "duplicate":
            target.append(copy.deepcopy(target[0]))
        else:
            target.extend(copy.deepcopy(target[-1:]) * 61)
    return record


def as_yaml(data: Any) -> str:
    """JSON text is YAML 1.2; YAML 1.1 readers take these three as line breaks, so escape."""
    text = json.dumps(data, ensure_ascii=False)
    for char in ("\x85", "\u2028", "\u2029"):
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(mutated())
def test_walker_agrees_with_jsonschema(data: Any) -> None:
    text = as_yaml(data)
    # The text says what we think it says (unless it holds raw U+FFFE and the like:
    # then it is no YAML at all, and no valid record holds them).
    with contextlib.suppress(yaml.reader.ReaderError):
        assert json_value(text) == data
    assert walker_accepts(text) == VALIDATOR.is_valid(data), text


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(VALID_RECORD)
def test_generated_valid_records_are_valid(data: Any) -> None:
    """The generator above does produce valid records (else agreement proves little)."""
    assert VALIDATOR.is_valid(data)
    assert walker_accepts(as_yaml(data))
