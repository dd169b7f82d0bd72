"""JSON Schemas and other generated files: committed copies match the models, and the schemas agree with ``check``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from helpers import BUNDLED_CONTENT, ELECTIVE, PARTNER, PROJECT, ROOT, SITE_YAML, make_catalog, run_cli
from site_gen.generated import generated_files, remark_config, vscode_settings
from site_gen.schema_export import SITE_KIND, json_schema, schema_models, source_glob


class Yaml12Loader(yaml.SafeLoader):
    """Read YAML as editors do (YAML 1.2 core schema): ``NO`` and ``2026-01-01`` stay strings, ``012`` is twelve."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))


def _yaml12_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(str(text)[:2], 10)
    return int(str(text)[2:] if base != 10 else str(text), base)


Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _yaml12_int)


def front_matter(text: str) -> Any:
    """The YAML data of a Markdown file's front matter (or a whole YAML file)."""
    if text.startswith("---\n"):
        text = text[4:].split("\n---", 1)[0]
    return yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 — a SafeLoader subclass


def schema_errors(kind: str, data: Any) -> list[str]:
    validator = jsonschema.Draft7Validator(json_schema(kind), format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]


def bundled_files() -> list[tuple[str, Path]]:
    """Every bundled catalog file (drafts included) with the kind of its schema."""
    files = [(SITE_KIND, BUNDLED_CONTENT / "site.yaml")]
    for kind in schema_models():
        if kind != SITE_KIND:
            files += [(kind, path) for path in sorted(ROOT.glob(source_glob(kind))) if not path.name.startswith(("_", "."))]
    return files


@pytest.mark.parametrize("relative", sorted(generated_files()))
def test_committed_generated_file_matches_the_models(relative: str) -> None:
    path = ROOT / relative
    assert path.is_file(), f"{relative} is missing — run: python -m site_gen.generated"
    assert path.read_text(encoding="utf-8") == generated_files()[relative], f"{relative} is out of date — run: python -m site_gen.generated"


@pytest.mark.parametrize("kind", sorted(schema_models()))
def test_every_schema_is_a_valid_draft_07_schema_that_forbids_unknown_fields(kind: str) -> None:
    schema = json_schema(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {name for name, info in schema_models()[kind].model_fields.items() if info.is_required()}


def test_every_bundled_file_validates_against_its_schema() -> None:
    files = bundled_files()
    assert len(files) > 40
    failures = [f"{path.relative_to(ROOT)}: {error}" for kind, path in files for error in schema_errors(kind, front_matter(path.read_text(encoding="utf-8")))]
    assert not failures, "\n".join(failures)


BROKEN = [
    ("partner", PARTNER, "country: CN", "contry: CN"),
    ("partner", PARTNER, "kind: hospital", "kind: hospitl"),
    ("partner", PARTNER, "country: CN", "country: China"),
    ("project", PROJECT, "countries: [CN]", "countries: CN"),
    ("project", PROJECT, "status: active", "status: active\npeople_reached: -3"),
    ("project", PROJECT, "partners: [riverside]", "partners: [Riverside Hospital]"),
    ("elective", ELECTIVE, "title: Surgery Elective", "title: Su"),
    ("elective", ELECTIVE, "deadline: 2026-11-30", "deadline: 2026-02-30"),
    ("elective", ELECTIVE, "audience: [medical-student]", "audience: []"),
    ("elective", ELECTIVE, "host: riverside", "host: riverside\ncost: {amount: 100, currency: usd}"),
    ("elective", ELECTIVE, "host: riverside", "host: riverside\nduration_weeks: {min: 4, maximum: 8}"),
    ("elective", ELECTIVE, "summary: Four weeks of surgery.\n", ""),
]


@pytest.mark.parametrize(("kind", "text", "old", "new"), BROKEN)
def test_a_broken_entry_fails_both_its_schema_and_check(tmp_path: Path, kind: str, text: str, old: str, new: str) -> None:
    assert old in text
    broken = text.replace(old, new, 1)
    assert schema_errors(kind, front_matter(text)) == []
    assert schema_errors(kind, front_matter(broken)) != []
    collection = {"partner": "partners", "project": "projects", "elective": "electives"}[kind]
    name = {"partners": "riverside", "projects": "needs", "electives": "surgery"}[collection]
    assert run_cli("check", "--content", make_catalog(tmp_path, {f"{collection}/{name}.md": broken})).code == 1


def test_site_schema_rejects_what_check_rejects(tmp_path: Path) -> None:
    assert schema_errors(SITE_KIND, front_matter(SITE_YAML)) == []
    broken = SITE_YAML.replace("base_url: https://example.org/catalog/", "base_url: example.org")
    assert schema_errors(SITE_KIND, front_matter(broken)) != []
    assert run_cli("check", "--content", make_catalog(tmp_path, {"site.yaml": broken})).code == 1


def test_editor_settings_point_at_committed_schemas_that_match_bundled_files() -> None:
    associations = {**remark_config()["plugins"][1][1]["schemas"], **vscode_settings()["yaml.schemas"]}
    assert len(associations) == len(schema_models())
    for schema, globs in associations.items():
        assert (ROOT / schema).is_file(), schema
        assert all(list(ROOT.glob(pattern.removeprefix("./"))) for pattern in globs), globs


def remark(cwd: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    """Run the editor setup's linter (remark-lint-frontmatter-schema) as an editor would."""
    command = [str(ROOT / "node_modules/.bin/remark"), "--frail", "--quiet", "--no-stdout", "--no-color", *paths]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_editor_linter_accepts_the_bundled_entries() -> None:
    result = remark(ROOT, *(source_glob(kind) for kind in schema_models() if kind != SITE_KIND))
    assert result.returncode == 0, result.stdout + result.stderr


def test_editor_linter_points_at_the_broken_line(tmp_path: Path) -> None:
    for name in (".remarkrc.json", "schemas", "node_modules"):
        (tmp_path / name).symlink_to(ROOT / name)
    broken = ELECTIVE.replace("countries: [CN]", "countries: CN").replace("category: clinical", "category: clinicl")
    make_catalog(tmp_path, {"electives/surgery.md": broken})
    result = remark(tmp_path, "content/electives/surgery.md")
    assert result.returncode == 1
    assert re.search(r"^\s*4:\d+-4:\d+\s+warning\s+Must be equal to one of the allowed values", result.stderr, re.M), result.stderr
    assert re.search(r"^\s*8:\d+-8:\d+\s+warning\s+Must be array", result.stderr, re.M), result.stderr
