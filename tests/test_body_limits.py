"""Bodies Python-Markdown cannot render in bounded time or stack are refused at load, on the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import PAGE, make_catalog
from site_gen.pipeline import check

from site_gen.body_limits import MAX_NESTING, body_problem, nesting_depth
from site_gen.markup import MarkdownRenderer, RenderRefused


@pytest.mark.parametrize(("line", "depth"), [
    ("plain text", 0), ("- item", 1), ("- - - x", 3), ("1. 2) - x", 3), ("    - x", 2), ("\t\t* x", 3),
    ("> > - x", 1), ("> quote", 0), ("-not a list", 0), ("1234567890. ten digits is not a marker", 0),
    ("- - - - - - -", 0), ("* * * * *", 0), ("_ _ _ _", 0),  # horizontal rules
])
def test_nesting_depth_counts_list_levels_only(line: str, depth: int) -> None:
    assert nesting_depth(line) == depth


def test_ordinary_bodies_pass() -> None:
    body = "# Title\n\n" + "".join("    " * level + "- item\n" for level in range(6)) + "\n> quoted\n\n<b>bold</b> a < b\n" * 50
    assert body_problem(body) is None


def test_the_first_line_too_deep_is_named() -> None:
    body = "Intro.\n\n" + "- " * (MAX_NESTING + 1) + "x\n" + "- " * 500 + "y\n"
    assert body_problem(body) == (2, f"this line nests lists {MAX_NESTING + 1} levels deep (at most {MAX_NESTING}) — use fewer levels")


def test_many_quotes_are_not_nesting() -> None:
    assert body_problem(">" * 10_000 + " deep") is None


def test_a_few_unclosed_tags_pass_and_many_are_named_where_the_longest_read_starts() -> None:
    assert body_problem("a <b c\n" * 100 + "word " * 5_000) is None
    problem = body_problem("Fine.\n" + "<a " * 5_000 + "\n" + "word " * 5_000)
    assert problem is not None and problem[0] == 1 and "never closed with '>'" in problem[1]


def test_unclosed_comments_count_like_unclosed_tags() -> None:
    assert body_problem("<!-- " * 10_000) is not None
    assert body_problem("<!-- note -->\n" * 1_000) is None


def test_a_body_nested_beyond_the_stack_is_refused_and_the_renderer_still_works() -> None:
    renderer = MarkdownRenderer()
    with pytest.raises(RenderRefused, match="nests lists or quotes too deeply"):
        renderer.render("".join("\t" * level + "* x\n" for level in range(400)))
    assert str(renderer.render("*still* fine")) == "<p><em>still</em> fine</p>"


def test_a_body_the_renderer_refuses_is_a_problem_on_its_first_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("site_gen.source.body_problem", lambda body: None)  # as if the load-time limits missed it
    deep = "".join("\t" * level + "* x\n" for level in range(400))
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.replace("About us.\n", deep)})
    result = check(content, jobs=1)
    assert [str(problem) for problem in result.problems] == [
        "content/pages/about.md:5: the text nests lists or quotes too deeply to lay out — use fewer levels"
    ]
