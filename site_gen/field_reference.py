"""Contributors' field reference (docs/fields.md), generated from the same models as the validator.

Types and allowed values are read from the JSON Schema of each model, descriptions
and examples from the fields themselves, so the reference cannot drift from the checks.
"""

from __future__ import annotations

from typing import Any

from pydantic.fields import FieldInfo

from .scaffold import KIND_TO_COLLECTION, yaml_value
from .schema import Entry
from .schema_export import SITE_KIND, json_schema, schema_models, source_glob

REFERENCE_PATH = "docs/fields.md"
MAX_LISTED_VALUES = 12
_FORMATS = {"date": "date (YYYY-MM-DD)", "email": "email address", "uri": "web address (http or https)"}
_HEADER = "| field | type | required | allowed values | example | what it is |\n|---|---|---|---|---|---|"
_INTRO = """\
# Field reference

Every field a catalog file may have: its type, whether it is required, the values
it allows and an example. This page is generated from the schema the checker uses
(`site_gen/schema.py`) by `python -m site_gen.generated`; do not edit it by hand.
Fields not listed here are errors. An optional field left empty (`host:`) counts
as not given, except a list (write `tags: []` or leave the line out) and a field
with a default (`draft`, `language`, `branch`), which needs a value when written.
Lists are written in brackets: `countries: [KE, UG]`.
"""


def _code_list(values: list[Any]) -> str:
    if len(values) > MAX_LISTED_VALUES:
        return f"{len(values)} codes, e.g. `{values[0]}`"
    return ", ".join(f"`{value}`" for value in values)


def _scalar_type(schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """A short human name for a JSON Schema type."""
    if "$ref" in schema:
        nested = defs[schema["$ref"].rsplit("/", 1)[-1]]
        return "{" + ", ".join(nested["properties"]) + "}"
    if "anyOf" in schema or "oneOf" in schema:
        options = [option for option in schema.get("anyOf", schema.get("oneOf", [])) if option.get("type") != "null"]
        return " or ".join(_scalar_type(option, defs) for option in options)
    if schema.get("type") == "array":
        bounds = []
        if schema.get("minItems"):
            bounds.append(f"at least {schema['minItems']}")
        if schema.get("maxItems"):
            bounds.append(f"at most {schema['maxItems']:,} items")
        items = schema["items"]
        named = "allowed values" if 0 < len(items.get("enum", [])) <= MAX_LISTED_VALUES else _scalar_type(items, defs)
        return "list" + (f" ({', '.join(bounds)})" if bounds else "") + f" of {named}"
    if "enum" in schema:
        return _enum_type(schema["enum"])
    if schema.get("format") in _FORMATS:
        return _FORMATS[schema["format"]]
    if "pattern" in schema and schema["pattern"].startswith("^[a-z0-9]+"):
        return "slug (lower-case letters, digits, hyphens)"
    return _numeric_or_text(schema)


def _enum_type(values: list[Any]) -> str:
    """Long lists of codes are named by what they code; short lists are listed in their own column."""
    if len(values) <= MAX_LISTED_VALUES:
        return "one value"
    return {2: "country code (ISO 3166-1 alpha-2)", 3: "currency code (ISO 4217)"}.get(len(values[0]), "code")


def _numeric_or_text(schema: dict[str, Any]) -> str:
    kind = schema.get("type", "text")
    if kind in ("integer", "number"):
        word = "whole number" if kind == "integer" else "number"
        if schema.get("maximum") == 9999:
            return "year"
        return f"{word} ≥ {schema['minimum']}" if "minimum" in schema else word
    if kind == "boolean":
        return "true or false"
    if schema.get("maxLength"):
        return f"text, at most {schema['maxLength']:,} characters"
    return "text"


def _allowed(schema: dict[str, Any]) -> str:
    """The enumerated values of a field (or its list items), if few enough to list."""
    for part in (schema, schema.get("items", {}), *schema.get("anyOf", [])):
        if "enum" in part:
            return _code_list(part["enum"])
        if "items" in part and "enum" in part["items"]:
            return _code_list(part["items"]["enum"])
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def _required(info: FieldInfo) -> str:
    if info.is_required():
        return "**yes**"
    default = info.get_default()
    if default in (None, (), []):
        return "no"
    return f"no (default `{yaml_value(default)}`)"


def field_row(name: str, info: FieldInfo, schema: dict[str, Any], defs: dict[str, Any]) -> str:
    """One table row: field, type, required, allowed values, example, description."""
    examples = " or ".join(f"`{name}: {yaml_value(example)}`" for example in info.examples or [])
    cells = [f"`{name}`", _scalar_type(schema, defs), _required(info), _allowed(schema), examples, info.description or ""]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def field_table(kind: str, names: list[str]) -> str:
    """The table of the given fields of one kind."""
    schema, model = json_schema(kind), schema_models()[kind]
    defs = schema.get("$defs", {})
    rows = [field_row(name, model.model_fields[name], schema["properties"][name], defs) for name in names]
    return "\n".join([_HEADER, *rows])


def _section(kind: str) -> str:
    """The heading and table of site.yaml or of one entry kind (its own fields only)."""
    model = schema_models()[kind]
    if kind == SITE_KIND:
        return f"## Site settings — `{source_glob(kind)}`\n\n{field_table(kind, list(model.model_fields))}\n"
    heading = f"## {KIND_TO_COLLECTION[kind].capitalize()} — `{source_glob(kind)}`\n\n{model.__doc__}"
    own = [name for name in model.model_fields if name not in Entry.model_fields]
    if not own:
        return f"{heading} Only the fields every entry has.\n"
    return f"{heading} Besides the fields every entry has:\n\n{field_table(kind, own)}\n"


def field_reference() -> str:
    """The whole reference as Markdown."""
    folders = ", ".join(f"`content/{collection}/`" for collection in KIND_TO_COLLECTION.values())
    common = f"## Every entry\n\nEvery file in {folders} has these fields in its front matter.\n\n{field_table('page', list(Entry.model_fields))}\n"
    sections = [_INTRO, _section(SITE_KIND), common, *(_section(kind) for kind in KIND_TO_COLLECTION)]
    return "\n".join(sections)
