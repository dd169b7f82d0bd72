"""The repair that makes sanitised raw HTML valid (site_gen/html_repair.py), fast: no build, no checker.

tests/test_raw_html_validity.py proves the results valid with the real Nu HTML Checker.
"""

from __future__ import annotations

import re

import pytest

from site_gen import html_repair
from site_gen.html_repair import MAX_DEPTH, repair, repair_url, valid_attribute
from site_gen.markup import MarkdownRenderer


@pytest.mark.parametrize(("html", "repaired"), [
    ("<ol>text<li>a</li></ol>", "<ol><li>text</li><li>a</li></ol>"),
    ("<ul>\n<li>a</li>\n<b>b</b> c\n<li>d</li></ul>", "<ul>\n<li>a</li>\n<li><b>b</b> c\n</li><li>d</li></ul>"),
    ("<ul><ul><li>x</li></ul></ul>", "<ul><li><ul><li>x</li></ul></li></ul>"),
    ("<span><div>x</div></span>", "<span>x</span>"),
    ("<h2><p>x</p></h2>", "<h2>x</h2>"),
    ("<li>x</li><dt>y</dt><figcaption>z</figcaption>", "xyz"),
    ("<dl>text<dt>a</dt><dd>b</dd></dl>", "<div><div>text</div><div>a</div><div>b</div></div>"),
    ("<dl><dt>a</dt><dd>b</dd>more</dl>", "<dl><dt>a</dt><dd>b</dd><dd>more</dd></dl>"),
    ("<dl><dt>a</dt><div><dt>b</dt><dd>c</dd></div><dd>d</dd></dl>", "<dl><dt>a</dt><dt>b</dt><dd>c</dd><dd>d</dd></dl>"),
    ("<details>x</details>", "x"),
    ("<details></details>", ""),
    ("<details><p>x</p><summary>s</summary></details>", "<p>x</p>s"),
    ("<details><summary><h2>x</h2><b>y</b></summary>z</details>", "<details><summary>x<b>y</b></summary>z</details>"),
    ('<a href="https://a.org"><details><summary>s</summary>x</details></a>', '<a href="https://a.org">sx</a>'),
    ('<a href="https://a.org"><table><tbody><tr><td><a href="https://b.org">x</a></td></tr></tbody></table></a>',
     '<a href="https://a.org">x</a>'),
    ("<dfn><dfn>x</dfn></dfn>", "<dfn>x</dfn>"),
    ("<dl><dt><h2>x</h2></dt><dd>y</dd></dl>", "<dl><dt>x</dt><dd>y</dd></dl>"),
    ("<figure><p>x</p><figcaption>a</figcaption><p>y</p></figure>", "<figure><p>x</p>a<p>y</p></figure>"),
    ("<figure><figcaption>a</figcaption><p>x</p><figcaption>b</figcaption></figure>", "<figure><figcaption>a</figcaption><p>x</p>b</figure>"),
    ("<bdo>x</bdo>", "x"),
    ('<time>\n<time datetime="2026-01-01">1 January</time></time>', '\n<time datetime="2026-01-01">1 January</time>'),
    ('<a hreflang="en">x</a>', "<a>x</a>"),
    ("<table><tbody><tr><td>a</td></tr></tbody><caption>c</caption><caption>d</caption></table>",
     "<table><caption>c d</caption><tbody><tr><td>a</td></tr></tbody></table>"),
    ("<table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody><thead><tr><td>h</td></tr></thead><thead><tr><td>i</td></tr></thead></table>",
     "<table><thead><tr><td>h</td></tr></thead><tbody><tr><td>b</td></tr></tbody><tbody><tr><td>i</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>"),
    ('<table><tbody><tr><td>a</td></tr><tr><td colspan="3">b</td></tr></tbody></table>',
     '<table><tbody><tr><td>a</td></tr><tr><td colspan="1">b</td></tr></tbody></table>'),
    ('<table><tbody><tr><td rowspan="3">x</td></tr></tbody></table>', '<table><tbody><tr><td rowspan="1">x</td></tr></tbody></table>'),
    ('<table><tbody><tr><td rowspan="2">a</td><td>b</td></tr><tr></tr><tr><td>c</td></tr></tbody></table>',
     '<table><tbody><tr><td rowspan="1">a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>'),
    ('<table><tbody><tr><td rowspan="2">a</td><td>b</td></tr><tr><td colspan="2">c</td></tr></tbody></table>',
     '<table><tbody><tr><td rowspan="2">a</td><td>b</td></tr><tr><td colspan="1">c</td></tr></tbody></table>'),
    ('<table><colgroup><col span="3"></colgroup><tbody><tr><td>x</td></tr></tbody></table>', "<table><tbody><tr><td>x</td></tr></tbody></table>"),
    ('<table><colgroup span="2"><col><col></colgroup><tbody><tr><td>x</td><td>y</td></tr></tbody></table>',
     "<table><colgroup><col><col></colgroup><tbody><tr><td>x</td><td>y</td></tr></tbody></table>"),
])
def test_what_html_does_not_allow_is_repaired(html: str, repaired: str) -> None:
    assert repair(html) == repaired


def test_a_table_the_checker_misreads_loses_its_column_spans() -> None:
    """Every column of this table has a cell starting in it, but the checker's bookkeeping reports column 6 empty."""
    table = ('<table><tbody><tr><th>x</th><td colspan="5">x</td><td>x</td><th>x</th></tr></tbody><tfoot>'
             '<tr><td colspan="2">x</td><td colspan="2">x</td><td>x</td><td>x</td></tr>'
             '<tr><td rowspan="2">x</td><th>x</th></tr><tr><td>x</td><td>x</td><th>x</th></tr></tfoot></table>')
    assert html_repair._checker_finds_empty_columns([[(0, 1), (1, 6), (6, 7), (7, 8)], [(0, 2), (2, 4), (4, 5), (5, 6)],
                                                     [(0, 1), (1, 2)], [(1, 2), (2, 3), (3, 4)]], [])
    assert "colspan" not in repair(table)


def test_the_checkers_column_bookkeeping_passes_ordinary_tables() -> None:
    assert not html_repair._checker_finds_empty_columns([[(0, 2), (2, 3)], [(0, 1), (1, 2), (2, 3)]], [])
    assert not html_repair._checker_finds_empty_columns([[(0, 1), (1, 2)]], [1, 1])
    assert html_repair._checker_finds_empty_columns([[(0, 1)]], [2])  # (a column of <col> markup no cell starts in)


VALID = [
    "<p>Plain <b>bold</b> and <a href=\"https://a.org\">link</a>.</p>",
    "<ul>\n<li>a</li>\n<li><p>b</p><ul><li>c</li></ul></li>\n</ul>",
    "<ol start=\"3\" reversed=\"\"><li>x</li></ol>",
    "<dl><dt>a</dt><dt>b</dt><dd>c</dd><dd>d</dd></dl>",
    "<dl><div><dt>a</dt><dd>b</dd></div><div><dt>c</dt><dd>d</dd></div></dl>",
    "<dl></dl>",
    "<details><summary>More</summary><p>x</p></details>",
    "<details><summary><h2>Heading</h2></summary>x</details>",
    "<figure><figcaption>a</figcaption><blockquote>x</blockquote></figure>",
    "<figure><p>x</p><figcaption>a</figcaption></figure>",
    '<a href="https://a.org"><div><p>block link</p></div></a>',
    '<table><caption>c</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col">a</th><th>b</th></tr></thead>'
    '<tbody><tr><td colspan="2">x</td></tr><tr><td rowspan="0">y</td><td>z</td></tr></tbody><tfoot><tr><td>1</td><td>2</td></tr></tfoot></table>',
    '<p><time datetime="2026-01-01">New year</time>, <bdo dir="rtl">x</bdo>, <q cite="https://a.org">q</q></p>',
    "<pre><code>x &lt; y</code></pre>",
    '<table><tbody><tr><td rowspan="65534">to the end</td></tr></tbody></table>',
    "<h2 id=\"x\">Title <em>emphasis</em></h2>",
]


@pytest.mark.parametrize("html", VALID)
def test_valid_html_comes_out_unchanged(html: str) -> None:
    assert repair(html) is html


def test_elements_nested_too_deeply_are_unwrapped_and_their_text_kept() -> None:
    deep = repair("<div>" * 3000 + "deep" + "</div>" * 3000)
    assert deep == "<div>" * MAX_DEPTH + "deep" + "</div>" * MAX_DEPTH
    lists = repair("<ul>" * 1000 + "</ul>" * 1000)  # (each inner list goes in an item: still no deeper than the limit)
    assert max(_depths(lists)) == MAX_DEPTH


def _depths(html: str) -> list[int]:
    depth, found = 0, []
    for tag in re.finditer(r"<(/?)[a-z0-9]+", html):
        depth += -1 if tag.group(1) else 1
        found.append(depth)
    return found


@pytest.mark.parametrize(("url", "repaired"), [
    ("https://a.org/x y", "https://a.org/x%20y"),
    ("https://a.org/a|b{c}^d`e\\f", "https://a.org/a%7Cb%7Bc%7D%5Ed%60e%5Cf"),
    ("https://a.org/100%", "https://a.org/100%25"),
    ("https://a.org/%zz", "https://a.org/%25zz"),
    ("https://a.org/#a#b c", "https://a.org/#a%23b%20c"),
    ("mailto:a<b@c.org", "mailto:a%3Cb@c.org"),
    ("tel:+1 555 0100", "tel:+1%20555%200100"),
    ("https://a.org/é", "https://a.org/é"),
    ("https://a.org/?q=a%20b&x=1#top", "https://a.org/?q=a%20b&x=1#top"),
    (" https://a.org/ ", " https://a.org/ "),  # (white space around an address is allowed: kept as written)
    ("https:///a.org", None),
    ("https:x", None),
    ("https://a..org/", None),
    ("https://a b.org/", None),
    ("//a b.org/", None),
])
def test_addresses_get_the_characters_html_refuses_percent_encoded(url: str, repaired: str | None) -> None:
    assert repair_url(url) == repaired


@pytest.mark.parametrize(("element", "attribute", "value", "kept"), [
    ("td", "colspan", "0", None), ("td", "colspan", "1000", "1000"), ("td", "colspan", "1001", None), ("td", "colspan", "1.5", None),
    ("td", "rowspan", "0", "0"), ("td", "rowspan", "65534", "65534"), ("td", "rowspan", "65535", None), ("td", "rowspan", "-1", None),
    ("col", "span", "0", None), ("col", "span", "2", "2"), ("col", "span", "", None),
    ("ol", "start", "x", None), ("ol", "start", "-3", "-3"), ("ol", "start", " 3", None),
    ("ol", "reversed", "no", ""), ("ol", "reversed", "", ""), ("ol", "reversed", "reversed", "reversed"),
    ("bdo", "dir", "up", None), ("bdo", "dir", "RTL", "RTL"), ("th", "scope", "bogus", None), ("th", "scope", "row", "row"),
    ("a", "hreflang", "!!", None), ("a", "hreflang", "zz-ZZ", None), ("a", "hreflang", "en_US", None),
    ("a", "hreflang", "en", "en"), ("a", "hreflang", "pt-BR", "pt-BR"), ("a", "hreflang", "zh-Hant-TW", "zh-Hant-TW"), ("a", "hreflang", "", ""),
    ("span", "lang", "zh-Hans", "zh-Hans"), ("p", "lang", "fr", "fr"), ("span", "lang", "", ""), ("span", "lang", "zz", None), ("span", "lang", "x y", None),
    ("abbr", "title", "", ""),
])
def test_attribute_values_html_refuses_are_dropped(element: str, attribute: str, value: str, kept: str | None) -> None:
    assert valid_attribute(element, attribute, value) == kept


@pytest.mark.parametrize("markdown", [
    "Plain *prose* with a [link](https://a.org/x) and https://a.org/bare.",
    "* a\n    * b\n\n1. c\n\n> quote\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    "```html\n<div>code, not HTML</div>\n```\n\nAnd `<span>` in code, &amp; an entity, &copy; another.",
    "<https://a.org/auto> and <someone@example.org>",
])
def test_bodies_without_raw_html_skip_the_repair(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Markdown's own HTML is valid: the repair costs those bodies nothing."""
    def refuse(html: str) -> str:
        raise AssertionError("repair ran on a body without raw HTML")

    monkeypatch.setattr(html_repair, "repair", refuse)
    MarkdownRenderer().render(markdown)


@pytest.mark.parametrize("markdown", ["Text <span>raw</span> inline.", "<div>\nblock\n</div>", "* <li>item</li>"])
def test_bodies_with_raw_html_are_repaired(markdown: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(html_repair, "repair", lambda html: seen.append(html) or html)
    MarkdownRenderer().render(markdown)
    assert seen
