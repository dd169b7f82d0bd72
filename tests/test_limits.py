"""Limits: huge, long, deep and self-multiplying content is handled or refused with a clear
message, within bounded time and memory (each build runs in a subprocess that measures itself)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import PAGE, ROOT, make_catalog, problem_lines, run_cli

MEMORY_CAP = 1536 * 1024 * 1024  # address space of the build: a blow-up fails instead of swapping
MAX_RSS_MB = 400
MAX_SECONDS = 60
RUNNER = """
import resource, sys, time
from site_gen.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"measured: code={code} seconds={time.perf_counter() - start:.2f} rss_mb={rss}", file=sys.stderr)
"""


@dataclass(frozen=True)
class Measured:
    code: int
    out: str
    seconds: float
    rss_mb: int


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def measured_build(tmp_path: Path, files: dict[str, str | bytes | None]) -> Measured:
    content = make_catalog(tmp_path, files)
    command = [sys.executable, "-c", RUNNER, "build", "--content", str(content), "--output", str(tmp_path / "_site")]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=MAX_SECONDS * 3, preexec_fn=_cap_memory)
    found = re.search(r"measured: code=(\d+) seconds=([\d.]+) rss_mb=(\d+)", done.stderr)
    assert found and "Traceback" not in done.stderr, done.stderr[-3000:]
    return Measured(int(found[1]), done.stdout, float(found[2]), int(found[3]))


def page(body: str = "About us.\n", front: str = "") -> str:
    return PAGE.replace("---\nAbout us.\n", f"{front}---\n{body}")


def nested_flow(depth: int) -> str:
    return "extra: " + "[" * depth + "x" + "]" * depth + "\n"


def nested_blocks(depth: int) -> str:
    return "extra:\n" + "".join("  " * level + f"k{level}:\n" for level in range(1, depth)) + "  " * depth + "leaf\n"


BILLION_LAUGHS = "lol0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{i}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]\n" for i in range(1, 9)
)

REFUSED = {
    "a 5 MB entry": ({"pages/about.md": page("x" * 5_000_000)}, "pages/about.md:1: file is too large (5,000,0"),
    "a 10,000-item list": ({"pages/about.md": page(front="tags: [" + ", ".join(f"t{i}" for i in range(10_000)) + "]\n")},
                           "pages/about.md:4: tags: has 10,000 items; at most 50 are allowed"),
    "a 10,000-item list of an unknown field": ({"pages/about.md": page(front="stuff: [" + ", ".join(["x"] * 10_000) + "]\n")},
                                               "pages/about.md:4: unknown field 'stuff'"),
    "100,000 nested flow lists": ({"pages/about.md": page(front=nested_flow(100_000))}, "front matter is nested too deeply"),
    "500 nested mappings": ({"pages/about.md": page(front=nested_blocks(500))}, "front matter is nested too deeply"),
    "billion laughs": ({"pages/about.md": page(front=BILLION_LAUGHS)}, "front matter is too large (more than 20,000 values, aliases counted)"),
    "billion laughs in site.yaml": ({"site.yaml": "title: x\n" + BILLION_LAUGHS}, "site.yaml:6: front matter is too large"),
    "a 1 MB body": ({"pages/about.md": page("word " * 200_000)}, "pages/about.md:5: the text is too long (1,000,000 characters"),
    "40,000 unclosed brackets": ({"pages/about.md": page("[" * 40_000)}, "pages/about.md:5: the text has 40,000 '[' characters"),
    "a 100,000-item Markdown list": ({"pages/about.md": page("* x\n" * 100_000)}, "the text is too long"),
    "500 list levels on one line": ({"pages/about.md": page("Intro.\n\n" + "- " * 500 + "x")},
                                    "pages/about.md:7: this line nests lists 500 levels deep (at most 100) — use fewer levels"),
    "300 indented list levels": ({"pages/about.md": page("".join("\t" * level + "* x\n" for level in range(300)))},
                                 "pages/about.md:105: this line nests lists 101 levels deep (at most 100)"),
    "16,600 unclosed tags": ({"pages/about.md": page("<a " * 16_600)}, "pages/about.md:5: this line has a '<' that starts an HTML tag but is never closed"),
    "unclosed tags, then words": ({"pages/about.md": page("<a " * 2_000 + "\n" + "word " * 8_000)}, "this line has a '<' that starts an HTML tag"),
}

HANDLED = {
    "a 10,000-item Markdown list": ("* x\n" * 10_000, "<li>x</li>", 10_000),
    "2,000 unclosed brackets": ("[" * 2_000, "[[[[", 1),
    "2,000 unclosed links": ("[a](" * 1_000, "[a](", 1),
    "12,000 emphasis markers": ("*a" * 12_000, "a", 1),
    "10,000 nested blockquotes": (">" * 10_000 + " deep", "deep", 1),
    "5,000 nested divs": ("<div>" * 5_000, "", 0),
    "a 49,000-character line": ("x" * 49_000, "x" * 49_000, 1),
    "200 nested list levels": ("".join("    " * level + "* x\n" for level in range(100)), "<li>x", 100),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_oversized_content_is_refused_with_a_clear_message(tmp_path: Path, case: str) -> None:
    files, expected = REFUSED[case]
    result = measured_build(tmp_path, files)
    assert result.code == 1
    assert expected in result.out, result.out[:2000]
    assert len(result.out) < 5_000, "one short message, not the content echoed back"
    assert result.seconds < MAX_SECONDS and result.rss_mb < MAX_RSS_MB, result
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize("case", list(HANDLED))
def test_large_but_legal_bodies_are_built_in_bounded_time(tmp_path: Path, case: str) -> None:
    body, expected, count = HANDLED[case]
    result = measured_build(tmp_path, {"pages/about.md": page(body + "\n")})
    assert result.code == 0, result.out[:2000]
    html = (tmp_path / "_site" / "about" / "index.html").read_text(encoding="utf-8")
    assert html.count(expected) >= count
    assert result.seconds < MAX_SECONDS and result.rss_mb < MAX_RSS_MB, result


@pytest.mark.parametrize("body", ["word " * 20_000, "- " * 500 + "x", "[" * 40_000])
def test_a_refused_body_does_not_hide_the_problems_of_its_front_matter(tmp_path: Path, body: str) -> None:
    """Every problem in one run: the file's fields used to be left unchecked until its body was shortened."""
    content = make_catalog(tmp_path, {"pages/about.md": page(body, front="updated: 2026-02-30\n")})
    lines = problem_lines(run_cli("check", "--content", content))
    assert lines[0] == "content/pages/about.md:4: updated: '2026-02-30' is not a real date — check the month and day", lines
    assert len(lines) == 2 and lines[1].startswith("content/pages/about.md:6: "), lines
