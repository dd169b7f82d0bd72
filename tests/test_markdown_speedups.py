"""The Markdown shortcuts (skipping inline patterns whose trigger text is absent, no table of contents
unless the text has the marker) render exactly the same HTML as plain Python-Markdown."""

from __future__ import annotations


import frontmatter
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT
from site_gen.markup import MarkdownRenderer, pattern_triggers

FAST = MarkdownRenderer()
PLAIN = MarkdownRenderer(shortcuts=False)

# Pieces that trigger (or nearly trigger) every inline pattern: code, escapes, links, images,
# autolinks, raw HTML, entities, emphasis, bare URLs, hard breaks and smarty's quotes, dashes and dots.
PIECES = st.sampled_from([
    "word", "Bogotá", " ", " ", "\n", "\n\n", "  \n", "`", "``", "\\", "\\*", "[", "]", "(", ")", "![", "[x](y.md)",
    "[ref]", "[ref]: http://example.org\n", "<", ">", "<b>", "</b>", "<https://example.org>", "<a@b.org>", "&", "&amp;",
    "&#8212;", "*", "**", "_", "__", "https://example.org/path", "http://", "'", '"', "'s", "'90s", "-", "--", "---",
    "..", "...", "....", "#", "## Heading\n", "### <b>x</b> &amp; y\n", "[TOC]", "\n[TOC]\n", "- ", "1. ", "| a | b |\n|---|---|\n| c | d |\n", "```\ncode\n```\n", "\x02", "\x03",
])


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_shortcut_renders_what_python_markdown_renders(text: str) -> None:
    assert FAST.render(text) == PLAIN.render(text)


def test_bundled_bodies_render_the_same_with_and_without_the_shortcut() -> None:
    paths = sorted((ROOT / "content").rglob("*.md"))
    assert len(paths) > 40
    for path in paths:
        body = frontmatter.loads(path.read_text(encoding="utf-8")).content
        assert FAST.render(body) == PLAIN.render(body), path


def test_every_configured_inline_pattern_has_a_trigger() -> None:
    """An upgrade of Python-Markdown that changes a pattern would silently lose the shortcut: fail instead."""
    processors = [processor for processor in FAST._md.treeprocessors if hasattr(processor, "inlinePatterns")]
    assert processors
    for processor in processors:
        for pattern in processor.inlinePatterns:
            assert pattern_triggers(pattern), (type(pattern).__name__, pattern.pattern)


def test_a_table_of_contents_is_still_drawn_where_the_marker_is() -> None:
    body = "Intro\n\n[TOC]\n\n## Goals\n\nText.\n\n### Steps\n\nMore.\n"
    html = FAST.render(body)
    assert html == PLAIN.render(body)
    assert '<div>\n<ul>' in html and 'href="#goals"' in html and 'href="#steps"' in html
    assert '<h2 id="goals">' in FAST.render("## Goals\n\nNo marker here.\n")
