"""CONTRIBUTING.md tells the truth: its commands run, its examples pass or fail as shown, its files exist."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from helpers import BUNDLED_CONTENT, ELECTIVE, PARTNER, PROJECT, ROOT, make_catalog, run_cli
from site_gen import urls
from site_gen.cli import make_parser
from site_gen.field_reference import REFERENCE_PATH
from site_gen.schema import ENTRY_MODELS, Elective, SiteConfig

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
COMMAND = re.compile(r"(?:\.venv/bin/)?python build\.py ([^`\n]+)")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", GUIDE, re.M | re.S)


def documented_commands() -> list[list[str]]:
    """Every ``python build.py ...`` in the guide, placeholders filled in."""
    commands = []
    for match in COMMAND.findall(GUIDE):
        words = shlex.split(match.split(" (")[0])
        commands.append([{"SLUG": "new-slug", "DIR": "somewhere", "URL": "https://example.org/x/"}.get(word, word) for word in words])
    return commands


def test_guide_documents_every_command() -> None:
    documented = {command[0] for command in documented_commands()}
    assert documented == {"build", "check", "serve", "new"}


@pytest.mark.parametrize("command", documented_commands(), ids=" ".join)
def test_documented_command_line_is_accepted(command: list[str]) -> None:
    make_parser().parse_args(command)


@pytest.mark.parametrize("command", [c for c in documented_commands() if c[0] in ("check", "build", "new")], ids=" ".join)
def test_documented_command_runs(tmp_path: Path, command: list[str]) -> None:
    content = make_catalog(tmp_path, {})
    extra = ["--content", str(content)] + (["--output", str(tmp_path / "_site")] if command[0] == "build" else [])
    result = run_cli(*command, *extra)
    assert result.code == 0, result.out + result.err


def test_error_examples_are_what_check_prints(tmp_path: Path) -> None:
    broken = ELECTIVE.replace("countries: [CN]", "countries: CN").replace("deadline: 2026-11-30", "deadline: 30/11/2026").replace("format: elective", "format: clerkshp")
    content = make_catalog(tmp_path, {
        "electives/surgery.md": broken,
        "electives/Hiking Trip.md": ELECTIVE,
        "projects/needs.md": PROJECT.replace("partners: [riverside]", "partners: [riverside-hospital]"),
        "partners/riverside.md": PARTNER.replace("country: CN", "contry: CN"),
    })
    [shown] = code_blocks("text")
    assert run_cli("check", "--content", content).out == shown


def test_example_entry_passes_the_check(tmp_path: Path) -> None:
    [example] = code_blocks("yaml")
    host = yaml.safe_load(example.split("---")[1])["host"]
    content = make_catalog(tmp_path, {"electives/pediatrics-elective-kigali.md": example, f"partners/{host}.md": PARTNER})
    result = run_cli("check", "--content", content)
    assert result.code == 0, result.out
    assert set(yaml.safe_load(example.split("---")[1])) <= set(Elective.model_fields)


def test_every_field_written_in_the_guide_exists() -> None:
    fields = set(SiteConfig.model_fields).union(*(model.model_fields for model in ENTRY_MODELS.values()))
    mentioned = set(re.findall(r"`([a-z_]+): ", GUIDE))
    assert mentioned and mentioned <= fields, mentioned - fields


def test_field_reference_is_linked_and_lists_every_field() -> None:
    assert f"({REFERENCE_PATH})" in GUIDE
    reference = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    for model in (SiteConfig, *ENTRY_MODELS.values()):
        for name in model.model_fields:
            assert f"| `{name}` |" in reference, name


def test_files_the_guide_names_exist() -> None:
    tokens = re.findall(r"`([\w./-]+)`", GUIDE)
    named = {token.removeprefix("./") for token in tokens if ("/" in token or re.fullmatch(r"\.\w+\.\w+", token)) and not re.search(r"[A-Z]", token)}
    named -= {"_site/"}  # the output folder, made by a build
    named = {token for token in named if not token.startswith("/")}  # addresses on the site, not files
    assert {".remarkrc.json", "content/_templates/", ".vscode/extensions.json", "docs/fields.md"} <= named
    missing = [path for path in sorted(named) if not (ROOT / path).exists()]
    assert not missing, missing
    for kind in ("elective", "project", "partner", "page"):
        assert f"`{kind}.md`" in GUIDE and (ROOT / f"content/_templates/{kind}.md").is_file()


def test_issue_forms_named_in_the_guide_exist() -> None:
    names = {yaml.safe_load(path.read_text(encoding="utf-8"))["name"] for path in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml"}
    for name in re.findall(r"\*\*((?:Propose|Suggest) an? [a-z ]+)\*\*", GUIDE):
        assert name in names, name


def test_preview_address_is_where_serve_puts_the_bundled_site() -> None:
    site = yaml.safe_load((BUNDLED_CONTENT / "site.yaml").read_text(encoding="utf-8"))
    port = make_parser().parse_args(["serve"]).port
    assert f"<http://127.0.0.1:{port}{urls.Urls(site['base_url']).base_path}>" in GUIDE
