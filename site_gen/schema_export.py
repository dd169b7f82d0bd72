"""JSON Schema export: the validator's own pydantic models as ``schemas/<kind>.schema.json``.

The schemas describe front matter as a YAML 1.2 reader (an editor) sees it: dates
as strings, years and counts as integers, empty optional fields as null.
``build.py check`` stays the authority; the schemas help editors point at mistakes.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .scaffold import KIND_TO_COLLECTION
from .schema import ENTRY_MODELS, SiteConfig

DIALECT = "http://json-schema.org/draft-07/schema#"  # the draft every editor tool (Ajv, YAML language server) reads
SCHEMAS_DIR = "schemas"
SITE_KIND = "site"


def schema_models() -> dict[str, type[BaseModel]]:
    """Every schema by kind: ``site`` for site.yaml, then one per entry kind (as in ``new``)."""
    models: dict[str, type[BaseModel]] = {SITE_KIND: SiteConfig}
    models.update({kind: ENTRY_MODELS[collection] for kind, collection in KIND_TO_COLLECTION.items()})
    return models


def schema_path(kind: str) -> str:
    """Repository-relative path of a kind's schema file."""
    return f"{SCHEMAS_DIR}/{kind}.schema.json"


def source_glob(kind: str) -> str:
    """The content files a kind's schema applies to."""
    return "content/site.yaml" if kind == SITE_KIND else f"content/{KIND_TO_COLLECTION[kind]}/*.md"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind, generated from its pydantic model."""
    model = schema_models()[kind]
    schema = model.model_json_schema()
    return {"$schema": DIALECT, "title": f"{schema.pop('title')} ({source_glob(kind)})", **schema}


def schema_files() -> dict[str, str]:
    """Every schema file's text by repository-relative path."""
    return {schema_path(kind): json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in schema_models()}
