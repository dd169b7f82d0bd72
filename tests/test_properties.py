"""Property tests: whatever front matter and Markdown a contributor writes, the build
either succeeds with a complete site or fails with ``path:line: message`` lines — never
a traceback.

CI runs a fixed, bounded profile. A longer, randomised exploration (500 examples per test, about 3 minutes on two cores):

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/test_properties.py
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import PROJECT, make_catalog, run_cli
from html_scan import executable_findings

settings.register_profile(
    "ci",
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=500, derandomize=False)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PROBLEM_LINE = re.compile(r"^content/.+?:[1-9]\d*: \S.*$")
FIELD_NAMES = (
    "title", "summary", "tags", "updated", "draft", "kind", "status", "countries", "partners", "start", "end",
    "lead", "contact", "people_reached", "funding", "seeking", "category", "format", "direction", "audience",
    "host", "specialties", "duration_weeks", "cost", "languages", "deadline", "apply_url", "country", "city",
    "website", "since", "base_url", "language", "contact_email", "disclaimer", "repository", "branch", "description",
)
ODD_TEXT = st.sampled_from([
    "", " ", "NO", "yes", "012", "0x1F", "1e3", ".inf", "2026-02-30", "2026-13-01", "CN", "cn", "XX", "~", "null",
    "\u202egnp.exe", "a\u200bb", "\ufeff", "\x00", "\ud7ff", "😀" * 3, "x" * 5000, "{{ site }}", "{% raw %}",
    "<script>alert(1)</script>", "javascript:alert(1)", "https://example.org/x", "name@example.edu",
    "riverside", "maternal health", "clinical", "hospital", "research", "active",
])
SCALARS = st.one_of(
    st.text(max_size=40), ODD_TEXT, st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.dates(min_value=date(1, 1, 1)),
)
KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=12), st.integers(-3, 3), st.booleans())
JUNK = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(KEYS, inner, max_size=5)), max_leaves=20)
FRONT_MAPPING = st.dictionaries(KEYS, JUNK, max_size=10)

# Raw YAML lines that a dumper would never produce: tags, anchors, aliases, merge keys, broken syntax.
YAML_LINES = st.sampled_from([
    "title: !!python/object/apply:os.system ['echo pwned']",
    "summary: !!python/name:os.system",
    "tags: !!set {a, b}",
    "kind: !custom research",
    "status: !!str active",
    "countries: &c [CN, GH]",
    "partners: *c",
    "partners: *missing",
    "base: &b {kind: research}",
    "<<: *b",
    "? [complex, key]\n: value",
    "lead: &l x\nfunding: *l",
    "people_reached: !!int 12",
    "updated: !!timestamp 2026-01-01",
    "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]",
    "title: 'unterminated",
    "summary: \"bad \\q escape\"",
    "\ttabbed: x",
    "- a list at the top",
    "{",
    "countries: [CN,",
    "title: x\ntitle: y",
    "duration_weeks: {min: 4, max: 2}",
    "cost: {amount: -5, currency: usd}",
    "start: 2027\nend: 2026",
    "%YAML 1.1",
    "---",
    "...",
])


def _front_text(mapping: dict[Any, Any], raw_lines: list[str], dump_first: bool) -> str:
    dumped = yaml.safe_dump(mapping, allow_unicode=True, sort_keys=False) if mapping else ""
    raw = "\n".join(raw_lines)
    return dumped + raw if dump_first else raw + "\n" + dumped


FRONT_MATTER = st.builds(_front_text, FRONT_MAPPING, st.lists(YAML_LINES, max_size=4), st.booleans())
VALID_PROJECT_FRONT = PROJECT.split("---\n")[1]
MARKDOWN_PIECES = st.sampled_from([
    "# Heading", "## {{ title }}", "* item", "1. one", "> quote", "```\ncode\n```", "| a | b |\n|---|---|\n| 1 | 2 |",
    "[link](../partners/riverside.md)", "[x](javascript:alert(1))", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "<!-- --><script>x</script> -->", "<div onclick=\"x\">hi</div>", "[[", "]]", "***", "    indented", "\\", "&#0;", "&#x110000;",
    "<svg><script>alert(1)</script></svg>", "{% include 'base.html' %}", "https://example.org/a_(b)", "\u202e\u200d",
])
BODY = st.lists(st.one_of(MARKDOWN_PIECES, st.text(max_size=60)), max_size=12).map("\n\n".join)


def build_and_check(files: dict[str, str | bytes | None], page: str | None = None) -> Any:
    """Build a minimal catalog with ``files`` replaced; assert the outcome is one of the two allowed."""
    with tempfile.TemporaryDirectory(prefix="prop-") as folder:
        content = make_catalog(Path(folder), files)
        output = Path(folder) / "_site"
        result = run_cli("build", "--content", content, "--output", output)
        _assert_outcome(result, output, page)
    return result


def _assert_outcome(result: Any, output: Path, page: str | None) -> None:
    """Exit 1 with nothing but problem lines and no output, or exit 0 with a whole, inert site."""
    assert result.code in (0, 1), (result.code, result.out, result.err)
    if result.code == 1:
        lines = result.out.splitlines()
        assert lines and re.fullmatch(r"\d+ problems? found", lines[-1]), result.out + result.err
        for line in lines[:-1]:
            assert PROBLEM_LINE.match(line), line
        assert not output.exists(), "a failed build must write nothing"
        return
    assert result.err == ""
    for name in ("index.html", "404.html", "sitemap.xml", "feed.xml"):
        assert (output / name).is_file(), name
    json.loads((output / "catalog.json").read_text(encoding="utf-8"))
    if page is not None:
        assert executable_findings((output / page).read_text(encoding="utf-8"), "/catalog/") == []


@PROFILE
@given(front=FRONT_MATTER, body=BODY)
@example(front="\n? '\x85  0'\n: null\n", body="")  # (long profile: the field's name, '   0', began the message with spaces)
def test_any_front_matter_builds_or_fails_with_problem_lines(front: str, body: str) -> None:
    build_and_check({"projects/needs.md": f"---\n{front}\n---\n{body}\n"})


@PROFILE
@given(body=BODY)
@example(body="<<<<<<<")  # (found by the long profile: a conflict marker is a problem line, not a crash or a page)
def test_any_markdown_body_builds_into_a_page(body: str) -> None:
    result = build_and_check({"projects/needs.md": f"---\n{VALID_PROJECT_FRONT}---\n{body}\n"}, "projects/needs/index.html")
    if result.code == 1:  # only a link to a missing entry or page, a character no web page may hold, or a line that is
        # a merge conflict's marker ('<<<<<<<': kept an error even in a code block, conflicts.py) may fail a valid entry
        reasons = ("does not match a published entry", "does not match a page of the site", "does not match a filter page of the site",
                   "contains the invisible character U+", "is left over from a merge conflict")
        assert all(any(reason in line for reason in reasons) for line in result.lines[:-1]), result.out


@PROFILE
@given(front=FRONT_MATTER)
def test_any_site_yaml_builds_or_fails_with_problem_lines(front: str) -> None:
    build_and_check({"site.yaml": front})


@PROFILE
@given(raw=st.binary(max_size=300))
def test_any_bytes_as_an_entry_build_or_fail_with_problem_lines(raw: bytes) -> None:
    build_and_check({"partners/riverside.md": raw, "projects/needs.md": None, "electives/surgery.md": None})



FILE_NAMES = st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(lambda name: name not in (".", ".."))


@PROFILE
@given(name=FILE_NAMES, suffix=st.sampled_from([".md", ".MD", "", ".md.bak", ".yaml"]))
def test_any_file_name_builds_or_fails_with_problem_lines(name: str, suffix: str) -> None:
    result = build_and_check({f"pages/{name}{suffix}": "---\ntitle: A page\nsummary: A page.\n---\nText.\n"})
    hidden = [ch for line in result.lines for ch in line if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn", "Zl", "Zp")]
    assert hidden == [], "invisible characters of a file name are shown escaped"
