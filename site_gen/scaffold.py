"""The ``new`` command: write a new entry file from the schema's own examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from .errors import ScaffoldError
from .fieldtypes import TEMPLATE_TITLES
from .options import KIND_TO_COLLECTION
from .schema import ENTRY_MODELS
from .link import RESERVED_PAGE_SLUGS
from .slugs import is_slug, suggest_file_slug
from .urls import RESERVED_ENTRY_SLUGS

MAX_SLUG_BYTES = 252  # (file names are at most 255 bytes, with ".md")


def yaml_value(value: Any) -> str:
    """Write an example value as a YAML flow value that reads back as typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_value(part) for part in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {yaml_value(part)}" for key, part in value.items()) + "}"
    text = str(value)
    if any(char in text for char in ":#[]{},&*!|>'\"%@`") or text != text.strip():
        return json.dumps(text, ensure_ascii=False)
    return text


# An example summary that fits each kind of entry (the field's own example is an elective's).
EXAMPLE_SUMMARIES = {
    "elective": "Four weeks on the paediatric wards of a teaching hospital.",
    "project": "A two-year partnership training emergency nurses in three regional hospitals.",
    "partner": "A teaching hospital we work with on clinical education and research.",
    "page": "How to plan a clinical rotation abroad, step by step.",
}


BODY_PROMPTS = {  # what the text below the fields should tell visitors
    "elective": "Describe it here in a few paragraphs: what learners will do, where, with whom, and who may apply.",
    "project": "Describe it here in a few paragraphs: what the project does, where, with whom, and what it has achieved.",
    "partner": "Describe the institution here in a few paragraphs: what it is, and what we do together.",
    "page": "Write the page here: headings start with '## ', lists with '- '.",
}
DRAFT_NOTE = "# To keep it off the site until it is ready, add a line: draft: true"

MAX_LISTED_CHOICES = 12  # (longer lists, such as country codes, are named by the description)
OPTIONAL_FIELDS_NOTE = "# A line such as '# tags: ...' is an optional field: to use it, delete the '# ' at its start."


def choices(schema: dict[str, Any]) -> str:
    """' One of: a, b.' (or 'One or more of' for a list) when a field allows a few fixed values, else ''."""
    for part in (schema, *schema.get("anyOf", [])):
        if 0 < len(part.get("enum", [])) <= MAX_LISTED_CHOICES:
            return f" One of: {', '.join(map(str, part['enum']))}."
        if 0 < len(part.get("items", {}).get("enum", [])) <= MAX_LISTED_CHOICES:
            return f" One or more of: {', '.join(map(str, part['items']['enum']))}."
    return ""


def _field_line(name: str, info: FieldInfo, title: str, kind: str, schema: dict[str, Any]) -> str:
    example = title if name == "title" else EXAMPLE_SUMMARIES[kind] if name == "summary" else (info.examples or [""])[0]
    line = f"{name}: {yaml_value(example)}"
    values = schema.get("enum", [])
    named_already = bool(values) and all(f"{value}:" in (info.description or "") for value in values)  # "clinical: …; research: …"
    comment = f"  # {info.description}{'' if named_already else choices(schema)}" if info.description else ""
    return (line if info.is_required() else f"# {line}") + comment


def title_of(slug: str) -> str:
    """The title a new entry starts with: its slug in words ('rural-surgery' -> 'Rural surgery'), 3 to 200 characters."""
    title = slug.replace("-", " ").capitalize()[:200].rstrip()  # (the file must pass the check as written)
    return f"{title} (write the full title)" if len(title) < 3 else title


def entry_template(kind: str, slug: str) -> str:
    """Return the text of a new entry: required fields filled with examples, optional ones commented."""
    model = ENTRY_MODELS[KIND_TO_COLLECTION[kind]]
    properties = model.model_json_schema()["properties"]
    title = title_of(slug)
    lines = ["---"]
    for name, info in model.model_fields.items():
        if name != "draft":
            lines.append(_field_line(name, info, title, kind, properties[name]))
    lines += [OPTIONAL_FIELDS_NOTE, DRAFT_NOTE, "---", "", "## Overview", "", BODY_PROMPTS[kind], ""]
    return "\n".join(lines)


def create_entry(content_dir: Path, kind: str, slug: str) -> Path:
    """Write ``content/<collection>/<slug>.md`` from the template; refuse to overwrite."""
    if kind not in KIND_TO_COLLECTION:
        raise ScaffoldError(f"unknown kind '{kind}' — use one of: {', '.join(KIND_TO_COLLECTION)}")
    collection = KIND_TO_COLLECTION[kind]
    if not is_slug(slug):
        raise ScaffoldError(f"'{slug}' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. '{suggest_file_slug(slug)}'")
    if len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        raise ScaffoldError(f"the slug is too long for a file name ({len(slug)} characters; at most {MAX_SLUG_BYTES}) — choose a shorter one")
    if collection == "pages" and slug in RESERVED_PAGE_SLUGS:
        raise ScaffoldError(f"page slug '{slug}' is reserved for the site's own /{slug}/ — choose another slug")
    if collection != "pages" and slug in RESERVED_ENTRY_SLUGS:
        raise ScaffoldError(f"slug '{slug}' is reserved for the filter pages at /{collection}/{slug}/ — choose another slug")
    if title_of(slug).casefold() in TEMPLATE_TITLES:  # (check refuses the title, and the address would keep the placeholder)
        raise ScaffoldError(
            f"'{slug}' would give the entry the templates' placeholder title '{title_of(slug)}', which check refuses"
            f" — name the slug after the entry, e.g. python build.py new {kind} rural-surgery-training"
        )
    if not content_dir.is_dir():  # (a typo or the wrong folder: the new file would be lost where check never looks)
        raise ScaffoldError(f"no content folder at {content_dir} — run this in the folder that holds content/, or give --content")
    path = content_dir / collection / f"{slug}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists — choose another slug or edit that file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_template(kind, slug), encoding="utf-8")
    except OSError as error:
        raise ScaffoldError(f"cannot write {path}: {error.strerror or error}") from None
    return path
