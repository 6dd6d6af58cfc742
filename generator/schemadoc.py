"""The record schema as the data pages' field table, in the page's language.

The JSON Schema (registry/schema/event.schema.json) is the one description of a record,
so the tables are made from it on every build and cannot fall behind. Each property
carries an English `description` (what editors see in their editor) and an Indonesian
`x-description-id`: the Indonesian page prints the Indonesian text, or nothing where
there is none (an English sentence in an Indonesian table reads as a mistake, not a
fallback), the English page the English one. A pattern is shown by its `examples`,
never as a regular expression, which few readers can read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import messages

DESCRIPTION = {"id": "x-description-id", "en": "description"}
"""Which schema key holds a property's description in each language."""


def schema_fields(schema: Mapping[str, Any], lang: str = "en") -> list[dict[str, Any]]:
    """Every field of the record schema, depth first, for one language's field table."""
    return _fields(schema, "", None, lang)


def _fields(
    node: Mapping[str, Any], prefix: str, form: tuple[int, str] | None, lang: str
) -> list[dict[str, Any]]:
    rows = []
    required = set(node.get("required", ()))
    for name, prop in node.get("properties", {}).items():
        path = f"{prefix}{name}"
        rows.append(_field(path, prop, name in required, form, lang))
        items = prop.get("items", {})
        if "properties" in prop:
            rows += _fields(prop, path + ".", form, lang)
        for i, option in enumerate(items.get("oneOf", [items]), start=1):
            if "properties" in option:
                keys = " + ".join(option.get("required", ()))
                rows += _fields(option, path + "[].", (i, keys) if "oneOf" in items else form, lang)
    return rows


def _variant(form: tuple[int, str] | None, lang: str) -> str:
    """'bentuk 1, dengan group + roles': which of a list item's shapes a row belongs to."""
    if form is None:
        return ""
    return messages.section("figures", lang)["variant"].format(n=form[0], keys=form[1])


def _field(
    path: str, prop: Mapping[str, Any], required: bool, form: tuple[int, str] | None, lang: str
) -> dict[str, Any]:
    """One row of the field table, constraints in words a reader of `lang` can use."""
    words = messages.section("figures", lang)
    types, limits = words["types"], words["limits"]
    items = prop.get("items", {})
    kind = types.get(prop.get("type", ""), prop.get("type", ""))
    if prop.get("type") == "array":
        kind = words["list_of"].format(kind=types.get(items.get("type", "object"), ""))
    rules = [text.format(prop[key]) for key, text in limits.items() if key in prop]
    rules += [
        words["each_item"].format(rule=text.format(items[key]))
        for key, text in limits.items()
        if key in items
    ]
    anchor = path.replace("[].", "-").replace(".", "-")
    if form is not None:  # the same in both languages: a link to a row works in either
        anchor += "-" + _variant(form, "id").replace(" ", "-")
    examples = prop.get("examples") or items.get("examples") or []
    return {
        "path": path,
        "anchor": anchor,
        "type": kind,
        "free": prop.get("type") == "string",
        "required": required,
        "variant": _variant(form, lang),
        "allowed": prop.get("enum") or items.get("enum") or [],
        "examples": [str(x) for x in examples],
        # a pattern without examples: nothing is said (not "free text", not the regex)
        "patterned": bool(prop.get("pattern") or items.get("pattern")),
        "rules": rules + ([words["unique_items"]] if prop.get("uniqueItems") else []),
        "description": str(prop.get(DESCRIPTION[lang], "")),
    }
