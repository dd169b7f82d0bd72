"""GitHub files: workflows and issue forms validate against GitHub's schemas and do what the contract needs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import ROOT
from site_gen.cli import make_parser
from site_gen.schema_export import json_schema, schema_models

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml")


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    """Validate with check-jsonschema's vendored GitHub schemas (no network needed)."""
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", f"vendor.{schema}", *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 — strings only, `on:` stays a key


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_using(workflow: dict[str, Any], action: str) -> dict[str, Any]:
    [step] = [step for step in steps(workflow) if step.get("uses", "").startswith(f"{action}@")]
    return step


def commands(workflow: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def step_environment(workflow: dict[str, Any], step: dict[str, Any]) -> dict[str, str]:
    """The variables a step sees: the workflow's, its job's, then its own."""
    [job] = [job for job in workflow["jobs"].values() if step in job.get("steps", [])]
    return {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}


def base_url_given(workflow: dict[str, Any], step: dict[str, Any]) -> str:
    """The --base-url a step's command passes, with the variables it names written out."""
    match = re.search(r'--base-url "([^"]+)"', step["run"])
    assert match, f"no --base-url in {step['run']!r}"
    environment = step_environment(workflow, step)
    return re.sub(r"\$\{?(\w+)", lambda name: environment[name[1]], match[1])


@pytest.mark.parametrize("name", ["pull-request.yml", "deploy.yml"])
def test_the_content_is_checked_with_the_base_url_it_is_built_with(name: str) -> None:
    """A body link that starts with the base path is an error: the check must annotate it, not leave it to the build's log."""
    workflow = load(GITHUB / "workflows" / name)
    [check] = [step for step in steps(workflow) if "build.py check" in step.get("run", "")]
    [build] = [step for step in steps(workflow) if "build.py build" in step.get("run", "")]
    assert base_url_given(workflow, check) == base_url_given(workflow, build)


@pytest.mark.parametrize(("schema", "files"), [
    ("github-workflows", WORKFLOWS),
    ("github-issue-forms", FORMS),
    ("github-issue-config", [GITHUB / "ISSUE_TEMPLATE/config.yml"]),
])
def test_github_files_match_githubs_schemas(schema: str, files: list[Path]) -> None:
    assert files
    result = check_jsonschema(schema, *files)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("schema", "text"), [
    ("github-workflows", "on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - use: actions/checkout@v4\n"),
    ("github-issue-forms", "name: x\ndescription: y\nbody:\n  - type: inptu\n    id: a\n    attributes: {label: A}\n"),
])
def test_the_schema_check_catches_mistakes(tmp_path: Path, schema: str, text: str) -> None:
    path = tmp_path / "broken.yml"
    path.write_text(text, encoding="utf-8")
    assert check_jsonschema(schema, path).returncode != 0


def test_pull_request_workflow_annotates_tests_and_builds_under_a_sub_path() -> None:
    workflow = load(GITHUB / "workflows/pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert step_using(workflow, "actions/setup-python")["with"]["cache"] == "pip"
    assert step_using(workflow, "actions/setup-node")["with"]["cache"] == "npm"
    run = commands(workflow)
    assert "build.py check --format github" in run
    readme_test_command = re.search(r"^make test\b", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    assert readme_test_command and re.search(r"^make test$", run, re.M), "the README's one test command runs"
    [build] = [step for step in steps(workflow) if "build.py build" in step.get("run", "")]
    assert "--base-url" in build["run"]
    preview_url = step_environment(workflow, build)["PREVIEW_URL"]
    assert re.fullmatch(r"https://.+\.github\.io/[^/]+/", preview_url.replace("${{ github.repository_owner }}", "org").replace("${{ github.event.repository.name }}", "catalog"))


def test_deploy_workflow_publishes_main_with_the_pages_url() -> None:
    workflow = load(GITHUB / "workflows/deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    [daily] = workflow["on"]["schedule"]  # deadlines are decided at build time: "Closes in 3 days" must not stay
    minute, hour, *rest = daily["cron"].split()
    assert rest == ["*", "*", "*"] and hour.isdigit() and minute.isdigit(), daily
    assert effective_permissions(workflow, "build") == {"contents": "read", "pages": "read"}, "the job that runs installs and the build cannot publish"
    assert effective_permissions(workflow, "deploy") == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    pages = step_using(workflow, "actions/configure-pages")
    [build] = [step for step in steps(workflow) if "build.py build" in step.get("run", "")]
    assert f"steps.{pages['id']}.outputs.base_url" in " ".join(build.get("env", {}).values())
    assert "--base-url" in build["run"]
    assert step_using(workflow, "actions/upload-pages-artifact")["with"]["path"] == "_site"
    deploy_job = workflow["jobs"]["deploy"]
    assert deploy_job["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy_job["steps"]] == ["actions/deploy-pages"]


def stub(logged_as: str, then: str = "") -> str:
    """A shell script that appends its name and arguments to $SETUP_LOG, then runs `then`."""
    return f'#!/bin/sh\necho "{logged_as} $*" >> "$SETUP_LOG"\n{then}\n'


def installs_by_setup_step(workflow_name: str, tmp_path: Path) -> list[str]:
    """Run the workflow's set-up step in a copy of the project, with pip, npm and apt-get recording what they are asked for."""
    workflow = load(GITHUB / "workflows" / workflow_name)
    [setup] = [step for step in steps(workflow) if "scripts/setup.sh" in step.get("run", "")]
    project, stubs, log = tmp_path / "project", tmp_path / "bin", tmp_path / "log"
    (project / "scripts").mkdir(parents=True)
    stubs.mkdir()
    for name in ("scripts/setup.sh", "pyproject.toml", "constraints.txt", "package-lock.json"):
        (project / name).write_bytes((ROOT / name).read_bytes())
    venv_python = 'mkdir -p .venv/bin && cp "$0.venv" .venv/bin/python && chmod +x .venv/bin/python'
    scripts = {"npm": stub("npm", "mkdir -p node_modules"), "apt-get": stub("apt-get"),
               "python3": stub("python3", venv_python), "python3.venv": stub("pip")}
    for name, text in scripts.items():
        (stubs / name).write_text(text, encoding="utf-8")
        (stubs / name).chmod(0o755)
    for tool in ("sh", "bash", "sha256sum", "cut", "touch", "mkdir", "cp", "chmod", "dirname", "basename", "id"):
        (stubs / tool).symlink_to(shutil.which(tool) or tool)
    # Only the stubs and these tools: no chromium or java, so only --build-only skips apt-get.
    environment = {"PATH": str(stubs), "SETUP_LOG": str(log), "HOME": str(tmp_path)}
    result = subprocess.run(["bash", "-c", setup["run"]], cwd=project, env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return log.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("size", "warned"), [(10_000, False), (1_100_000_000, True)])
def test_deploy_warns_when_the_site_is_larger_than_pages_publishes(tmp_path: Path, size: int, warned: bool) -> None:
    """GitHub Pages publishes at most 1 GB: about 25,000 entries of the synthetic catalog."""
    [step] = [step for step in steps(load(GITHUB / "workflows/deploy.yml")) if "du -sb _site" in step.get("run", "")]
    (tmp_path / "_site").mkdir()
    with (tmp_path / "_site/index.html").open("wb") as sparse:  # (a hole: the apparent size, no disk used)
        sparse.truncate(size)
    result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert ("::warning::" in result.stdout) == warned, result.stdout
    assert f"The site is {size // 1048576} MiB" in result.stdout


def test_deploy_installs_only_what_building_needs(tmp_path: Path) -> None:
    """Deploying runs check and build: the test extra (Playwright, validators) and npm's devDependencies (axe-core, remark) are not installed."""
    installs = installs_by_setup_step("deploy.yml", tmp_path)
    assert "pip -m pip install -q -c constraints.txt -e ." in installs, "the package at the pinned versions"
    assert not any("[test]" in line for line in installs)
    assert "npm ci --no-audit --no-fund --loglevel=error --omit=dev" in installs
    assert not any(line.startswith("apt-get") for line in installs)


def test_pull_request_installs_the_test_extra_and_dev_packages(tmp_path: Path) -> None:
    installs = installs_by_setup_step("pull-request.yml", tmp_path)
    if os.getuid() == 0:
        assert any(line.startswith("apt-get install") for line in installs), "the browser tests' packages"
    assert "pip -m pip install -q -c constraints.txt -e .[test]" in installs, "the package and test extra at the pinned versions"
    assert "npm ci --no-audit --no-fund --loglevel=error" in installs


def effective_permissions(workflow: dict[str, Any], job: str) -> dict[str, str]:
    """A job's GITHUB_TOKEN permissions: its own block replaces the workflow's whole."""
    return workflow["jobs"][job].get("permissions", workflow.get("permissions"))


def form_fields(name: str) -> dict[str, dict[str, Any]]:
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    return {element["id"]: element for element in form["body"] if "id" in element}


@pytest.mark.parametrize(("form", "kind"), [("propose-elective.yml", "elective"), ("propose-project.yml", "project")])
def test_proposal_forms_require_the_contracts_required_fields_with_its_values(form: str, kind: str) -> None:
    fields, schema = form_fields(form), json_schema(kind)
    for name in schema["required"]:
        assert name in fields, f"{form} lacks the required field {name}"
        assert fields[name].get("validations", {}).get("required") == "true", f"{form}: {name} is not required"
        allowed = schema["properties"][name].get("enum") or schema["properties"][name].get("items", {}).get("enum")
        if allowed and len(allowed) < 20:
            assert fields[name]["attributes"]["options"] == allowed, f"{form}: {name} options differ from the schema"
    assert set(fields) - {"description"} <= set(schema_models()[kind].model_fields), "form ids are field names"


def test_issue_config_links_to_the_guide_in_the_sites_repository() -> None:
    repository = yaml.safe_load((ROOT / "content/site.yaml").read_text(encoding="utf-8"))["repository"].rstrip("/")
    config = load(GITHUB / "ISSUE_TEMPLATE/config.yml")
    [guide] = [link for link in config["contact_links"] if link["url"].endswith("/CONTRIBUTING.md")]
    assert guide["url"].startswith(repository + "/blob/")
    assert (ROOT / "CONTRIBUTING.md").is_file()


def test_pull_request_template_is_a_checklist_with_real_commands() -> None:
    template = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert len(items) >= 4
    for command in re.findall(r"`python build\.py ([^`]+)`", template):
        make_parser().parse_args(command.split())
    assert "draft: true" in template and "deadline" in template.lower()


# The first major version of each action that runs on Node 24: GitHub stopped running actions on Node 20 in 2026.
NODE_24_MAJORS = {
    "actions/checkout": 5, "actions/setup-python": 6, "actions/setup-node": 5, "actions/upload-artifact": 6,
    "actions/configure-pages": 6, "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5,
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_a_version_that_runs_on_node_24(path: Path) -> None:
    for step in steps(load(path)):
        if "uses" in step:
            action, version = step["uses"].split("@")
            assert action in NODE_24_MAJORS, f"{action}: which major runs on Node 24?"
            assert int(version.removeprefix("v").split(".")[0]) >= NODE_24_MAJORS[action], step["uses"]
