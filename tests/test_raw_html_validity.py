"""Raw HTML that the sanitiser lets through comes out as valid HTML: each hostile body, built, passes the Nu HTML Checker.

Every fragment below built with exit 0 and then failed the checker before the repair
(site_gen/html_repair.py). One build makes a free page per fragment and one Java run
checks them all (the checker is slow to start); each fragment is then its own test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_catalog, run_cli
from test_html_validity import run_checker

HOSTILE = {
    "text-in-ol": "<ol>text<li>a</li></ol>",
    "text-in-ul": "<ul>text<li>a</li></ul>",
    "inline-in-ul": "<ul><b>bold</b><li>a</li></ul>",
    "list-in-list": "<ul><ul><li>x</li></ul></ul>",
    "mailto-with-lt": '<a href="mailto:a&lt;b@example.org">mail</a>',
    "tel-with-spaces": '<a href="tel:+1 555 0100">call</a>',
    "https-with-pipe": "See https://example.org/a|b{c}^d for more.",
    "https-with-space": '<a href="https://example.org/a b">x</a>',
    "percent-alone": '<a href="https://example.org/100%">x</a>',
    "two-hashes": '<a href="https://example.org/#a#b">x</a>',
    "no-host": '<a href="https:///example.org">x</a>',
    "cite-with-space": '<q cite="https://example.org/a b">x</q>',
    "deep-divs": "<div>" * 3000 + "deep" + "</div>" * 3000,
    "div-in-span": "<div><span><div>x</div></span></div>",
    "p-in-q": "<div><q><p>x</p></q></div>",
    "p-in-h2": "<h2><p>x</p></h2>",
    "div-in-h2": "<h2><div>x</div></h2>",
    "div-in-pre": "<pre><div>x</div></pre>",
    "table-in-caption": "<table><caption><table><tr><td>x</td></tr></table></caption><tr><td>y</td></tr></table>",
    "table-in-link": '<div><a href="https://example.org"><table><tr><td>x</td></tr></table></a></div>',
    "li-alone": "<li>x</li>",
    "dt-alone": "<dt>x</dt>",
    "dd-alone": "<dd>x</dd>",
    "figcaption-alone": "<figcaption>x</figcaption>",
    "figcaption-in-middle": "<figure><p>x</p><figcaption>a</figcaption><p>y</p></figure>",
    "figcaption-in-link": '<figure><a href="https://example.org"><figcaption>a</figcaption></a></figure>',
    "summary-alone": "<summary>x</summary>",
    "summary-with-block": "<details><summary><div>x</div></summary>y</details>",
    "summary-heading-and-text": "<details><summary><h2>x</h2><p>y</p></summary>z</details>",
    "caption-after-rows": "<table><tr><td>a</td></tr><caption>c</caption></table>",
    "text-in-dl": "<dl>text<dt>a</dt><dd>b</dd></dl>",
    "dd-without-dt": "<dl><dd>b</dd></dl>",
    "dt-without-dd": "<dl><dt>a</dt></dl>",
    "empty-group-in-dl": "<dl><div></div></dl>",
    "heading-in-dt": "<dl><dt><h2>x</h2></dt><dd>y</dd></dl>",
    "heading-in-th": "<table><tr><th><h2>x</h2></th></tr></table>",
    "empty-details": "<details></details>",
    "details-without-summary": "<details>x</details>",
    "summary-last": "<details><p>x</p><summary>s</summary></details>",
    "link-in-link": '<div><a href="https://example.org"><table><tr><td><a href="https://example.net">x</a></td></tr></table></a></div>',
    "details-in-link": '<div><a href="https://example.org"><details><summary>s</summary>x</details></a></div>',
    "dfn-in-dfn": "<dfn><dfn>x</dfn></dfn>",
    "time-in-bare-time": '<time>\n<time datetime="2026-01-01">1 January</time></time>',
    "col-span-0": '<table><col span="0"><tr><td>x</td></tr></table>',
    "colgroup-span-and-cols": '<table><colgroup span="2"><col><col></colgroup><tr><td>x</td><td>y</td></tr></table>',
    "cols-wider-than-cells": '<table><colgroup><col span="3"></colgroup><tr><td>x</td></tr></table>',
    "colspan-0": '<table><tr><td colspan="0">x</td></tr></table>',
    "colspan-huge": '<table><tr><td colspan="2000">x</td></tr></table>',
    "colspan-too-wide": '<table><tr><td>a</td></tr><tr><td colspan="3">b</td></tr></table>',
    "rowspan-too-long": '<table><tr><td rowspan="3">x</td></tr></table>',
    "rowspan-huge": '<table><tr><td rowspan="70000">x</td></tr></table>',
    "overlapping-cells": '<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td colspan="2">c</td></tr></table>',
    "empty-row": "<table><tr></tr><tr><td>x</td></tr></table>",
    "checker-split-columns": (  # (every column has a cell starting in it, yet the checker says column 6 has none)
        '<table><tbody><tr><th>x</th><td colspan="5">x</td><td>x</td><th>x</th></tr></tbody><tfoot>'
        '<tr><td colspan="2">x</td><td colspan="2">x</td><td>x</td><td>x</td></tr>'
        '<tr><td rowspan="2">x</td><th>x</th></tr><tr><td>x</td><td>x</td><th>x</th></tr></tfoot></table>'
    ),
    "two-heads-and-feet": ("<table><tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody><thead><tr><td>h</td></tr></thead>"
                           "<thead><tr><td>h2</td></tr></thead><tfoot><tr><td>f2</td></tr></tfoot></table>"),
    "ol-start-word": '<ol start="x"><li>a</li></ol>',
    "ol-reversed-no": '<ol reversed="no"><li>a</li></ol>',
    "bdo-without-dir": "<bdo>x</bdo>",
    "bdo-bad-dir": '<bdo dir="up">x</bdo>',
    "scope-bogus": '<table><tr><th scope="bogus">x</th></tr></table>',
    "hreflang-junk": '<a href="https://example.org" hreflang="!!">x</a>',
    "hreflang-unknown-language": '<a href="https://example.org" hreflang="zz-ZZ">x</a>',
    "hreflang-without-href": '<a hreflang="en">x</a>',
    "lang-junk": '<span lang="!!">x</span> <p lang="zz-ZZ">y</p>',
    "lang-kept": '<span lang="zh-Hans">南京</span> <p lang="fr">Bonjour</p> <span lang="">?</span>',
    "in-a-markdown-list": "* a <span><div>b</div></span>\n* c",
    "in-a-markdown-table": "| a | b |\n|---|---|\n| <li>x</li> | <dd>y</dd> |",
}


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each fragment's page errors (one build, one checker run)."""
    root = tmp_path_factory.mktemp("raw-html")
    pages = {f"pages/raw-{name}.md": f"---\ntitle: Raw HTML {name}\nsummary: A hostile body.\n---\n{body}\n" for name, body in HOSTILE.items()}
    content = make_catalog(root, pages)
    result = run_cli("build", "--content", content, "--output", root / "_site")
    assert result.code == 0, result.out + result.err
    files = {name: root / "_site" / f"raw-{name}" / "index.html" for name in HOSTILE}
    errors = run_checker(list(files.values()))
    return {name: [text for path, text in errors if path == str(page)] for name, page in files.items()}


@pytest.mark.parametrize("name", HOSTILE)
def test_raw_html_comes_out_as_valid_html(checked: dict[str, list[str]], name: str) -> None:
    assert checked[name] == [], f"{HOSTILE[name][:200]!r}:\n" + "\n".join(checked[name])
