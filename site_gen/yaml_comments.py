"""Load and validate stage helper: a value that YAML read as a comment (``tags: #surgery #education``).

In YAML a ``#`` after a space starts a comment, so such a field is empty: the
validator alone would say "is empty", or nothing at all for an optional field,
and the value written would silently not appear. The load stage notes what each
empty field's line holds after its colon; the validator names it with the fix.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

# 'field: #word…': a '#' right before a word, as in a hashtag. ('field:  # a note' is a
# comment written as one and means "left empty", as in the templates.)
_COMMENTED_VALUE = re.compile(r":[ \t]+(#[^\s#].*?)[ \t]*$")


def commented_values(front: str, first_line: int, data: dict[str, Any], lines: dict[tuple[str | int, ...], int]) -> dict[str, str]:
    """{field: what follows its colon} for each top-level field left empty by a ``#`` that starts its value."""
    if "#" not in front:
        return {}
    raw = front.split("\n")
    found: dict[str, str] = {}
    for path, line in lines.items():
        if len(path) != 1 or not isinstance(path[0], str) or data.get(path[0], "") is not None:
            continue
        if 0 <= line - first_line < len(raw):
            match = _COMMENTED_VALUE.search(raw[line - first_line])
            if match is not None:
                found[path[0]] = match.group(1)
    return found


# '- #surgery' (a list item) or '  amount: #850' (a field inside a field): the same, one level down.
_COMMENTED_ITEM = re.compile(r"^[ \t]*(?:-|[A-Za-z_][\w-]*[ \t]*:)[ \t]+(#[^\s#].*?)[ \t]*$")


def commented_items(front: str, first_line: int, data: dict[str, Any], lines: dict[tuple[str | int, ...], int]) -> dict[tuple[str | int, ...], str]:
    """{path: what follows its dash or colon} for each list item or inner field left empty by a ``#`` that starts its value."""
    if "#" not in front:
        return {}
    raw = front.split("\n")
    found: dict[tuple[str | int, ...], str] = {}
    for path, line in lines.items():
        if len(path) < 2 or not 0 <= line - first_line < len(raw) or _value_at(data, path) is not None:
            continue
        match = _COMMENTED_ITEM.match(raw[line - first_line])
        if match is not None:
            found[path] = match.group(1)
    return found


def _value_at(data: Any, path: tuple[str | int, ...]) -> Any:
    """The value at ``path``, or "" where there is none (so it is not taken for an empty one)."""
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return ""
    return data


def commented_item_message(label: str, path: tuple[str | int, ...], comment: str) -> str:
    """Why the list item or inner field at ``path`` (shown as ``label``) is empty, and what to write instead."""
    words = _hashtag_words(comment) or [""]
    if not isinstance(path[-1], int):
        fix = f"write it without '#': {path[-1]}: {words[0]}"
    elif len(words) > 1:  # '- #surgery #pediatrics': one item each
        fix = "write each without '#' on its own line: " + ", ".join(f"'- {word}'" for word in words)
    else:
        fix = f"write it without '#': - {words[0]}"
    return _read_as_comment(comment, label, fix)


def _hashtag_words(comment: str) -> list[str]:
    """The words a comment holds, without their '#' ('#global-health #surgery': global-health, surgery)."""
    return [part.strip(" ,") for part in comment.split("#") if part.strip(" ,")]


def _read_as_comment(comment: str, label: str, fix: str) -> str:
    shown = comment if len(comment) <= 60 else comment[:57] + "..."
    return f"'{shown}' is read as a comment (in YAML, '#' after a space starts one), so {label} is empty — {fix}"


@lru_cache(maxsize=None)
def _properties(model: type[BaseModel]) -> dict[str, Any]:
    return dict(model.model_json_schema()["properties"])


def _field_kind(model: type[BaseModel], name: str) -> str:
    """'list', 'text' (any words) or 'value' (a code, number, date or address), from the model's JSON Schema."""
    schema = _properties(model).get(name, {})
    options = [option for option in schema.get("anyOf", [schema]) if option.get("type") != "null"]
    flat = [inner for option in options for inner in option.get("oneOf", [option])]
    if any(option.get("type") == "array" for option in flat):
        return "list"
    if any(option.get("type") == "string" and not {"enum", "pattern", "format"} & option.keys() for option in flat):
        return "text"
    return "value"


def _is_valid(model: type[BaseModel], name: str, value: str) -> bool:
    """Whether ``value`` is a good value of the field ``name`` ('training' for a project's kind; not 'TBD' for an email)."""
    info = model.model_fields[name]
    try:
        TypeAdapter(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation).validate_python(value)
    except ValidationError:
        return False
    return True


def commented_message(model: type[BaseModel], name: str, comment: str) -> str:
    """Why ``name`` is empty and what to write instead."""
    words = _hashtag_words(comment)
    kind = _field_kind(model, name)
    if kind == "list":
        fix = f"write it without '#': {name}: [{', '.join(words)}]"
    elif kind == "text":
        quoted = f'"{comment}"' if '"' not in comment else "'" + comment.replace("'", "''") + "'"
        fix = f"to keep the '#', put the value in quotes: {name}: {quoted}"
    elif words and _is_valid(model, name, words[0]):
        fix = f"write it without '#': {name}: {words[0]}"
    else:
        fix = "write the value without '#'" + ("" if model.model_fields[name].is_required() else ", or delete the line")
    return _read_as_comment(comment, name, fix)
