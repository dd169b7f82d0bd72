"""Files generated from the content schema and committed: JSON Schemas, editor settings,
the field reference and the entry templates that web-editor contributors copy.

``python -m site_gen.generated`` rewrites them all; tests fail when a committed copy drifts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .field_reference import REFERENCE_PATH, field_reference
from .scaffold import KIND_TO_COLLECTION, entry_template
from .schema_export import SITE_KIND, schema_files, schema_models, schema_path, source_glob

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REMARK_CONFIG = ".remarkrc.json"
VSCODE_SETTINGS = ".vscode/settings.json"
ENTRY_TEMPLATES_DIR = "content/_templates"  # ignored by the build: names starting with _


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def remark_config() -> dict[str, Any]:
    """remark-lint-frontmatter-schema settings: each entry kind's files checked against its schema."""
    schemas = {f"./{schema_path(kind)}": [f"./{source_glob(kind)}"] for kind in schema_models() if kind != SITE_KIND}
    return {"plugins": ["remark-frontmatter", ["remark-lint-frontmatter-schema", {"schemas": schemas}]]}


def vscode_settings() -> dict[str, Any]:
    """VS Code: the YAML language server checks site.yaml (it cannot see front matter in Markdown)."""
    return {"yaml.schemas": {f"./{schema_path(SITE_KIND)}": [source_glob(SITE_KIND)]}}


def generated_files() -> dict[str, str]:
    """Every generated file's text by repository-relative path."""
    return {
        **schema_files(),
        REMARK_CONFIG: _json(remark_config()),
        VSCODE_SETTINGS: _json(vscode_settings()),
        REFERENCE_PATH: field_reference(),
        **{f"{ENTRY_TEMPLATES_DIR}/{kind}.md": entry_template(kind, f"new-{kind}") for kind in KIND_TO_COLLECTION},
    }


def write_generated(root: Path = PROJECT_ROOT) -> list[str]:
    """Write every generated file below ``root``; return the paths whose text changed."""
    changed = []
    for relative, text in generated_files().items():
        path = root / relative
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(relative)
    return changed


if __name__ == "__main__":
    for name in write_generated():
        print(f"wrote {name}")
    sys.exit(0)
