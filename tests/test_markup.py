"""Markdown rendering and the sanitiser: features work, payloads come out inert."""

from __future__ import annotations

import pytest

from site_gen.markup import LinkResolver, MarkdownRenderer
from site_gen.urls import Urls

RENDERER = MarkdownRenderer()


def render(text: str) -> str:
    return str(RENDERER.render(text, LinkResolver({}, lambda route: "/base/" + route, source="content/projects/a.md")))


def assert_renders(markdown: str, expected: str) -> None:
    assert render(markdown).strip() == expected


@pytest.mark.parametrize(("markdown", "html"), [
    ("## Getting there", '<h2 id="getting-there">Getting there</h2>'),
    ("## Bogotá día", '<h2 id="bogotá-día">Bogotá día</h2>'),
    ("*a* and **b**", "<p><em>a</em> and <strong>b</strong></p>"),
    ("See https://who.int/news.", '<p>See <a rel="noopener" href="https://who.int/news">https://who.int/news</a>.</p>'),
    ("[home](/about/)", '<p><a href="/base/about/">home</a></p>'),
    ("[x](#top)", '<p><a href="#top">x</a></p>'),
    ("[mail](mailto:a@example.edu)", '<p><a href="mailto:a@example.edu">mail</a></p>'),
    ("[who](//who.int/news)", '<p><a rel="noopener" href="//who.int/news">who</a></p>'),
    ("```python\nx = 1\n```", '<pre><code class="language-python">x = 1\n</code></pre>'),
    ("{{ 7*7 }} {% if x %}", "<p>{{ 7*7 }} {% if x %}</p>"),
])
def test_markdown_features(markdown: str, html: str) -> None:
    assert_renders(markdown, html)


def test_tables_are_wrapped_for_small_screens_in_regions_the_keyboard_reaches() -> None:
    html = render("| a | b |\n|---|--:|\n| 1 | 2 |\n\nText.\n\n| c |\n|---|\n| 3 |")
    assert html.startswith('<div class="table-scroll" tabindex="0" role="region" aria-label="Table 1"><table>')
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 2"><table>' in html
    assert "style=" not in html and "align=" not in html


def test_tables_written_as_html_are_wrapped_too_but_only_the_outermost() -> None:
    html = render(
        "| a |\n|---|\n| 1 |\n\n<table><tr><td>raw <table><tr><td>inner</td></tr></table></td></tr></table>\n\n"
        '<abbr title="<table>">x</abbr>\n\n- item\n\n    <table><tr><td>in a list</td></tr></table>\n'
    )
    assert html.count('class="table-scroll"') == 3 and html.count("<table>") == 4
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 2"><table><tbody><tr><td>raw <table>' in html
    assert "</td></tr></tbody></table></td></tr></tbody></table></div>" in html
    assert 'aria-label="Table 3"' in html and html.count("<div") == html.count("</div>")


def test_content_cannot_set_the_table_wrappers_attributes() -> None:
    html = render('<div class="table-scroll" tabindex="5" role="button" aria-label="x">no table</div>')
    assert html.strip() == "<div>no table</div>"


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<form action="https://evil.example"><input name=a></form>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    "<!--><script>alert(1)</script>-->",
    '<a href="https://ok.example" onclick="alert(1)" target="_blank">x</a>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<h2 id="site-main">hijack</h2>',
    '<div class="evil-class">x</div>',
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_come_out_inert(payload: str) -> None:
    html = render(payload).lower()
    for forbidden in ("<script", "onerror", "onload", "onclick", "javascript:", "data:text", "<iframe", "<form",
                      "<input", "style=", "<object", "<embed", "<style", "<base", "<meta", "<link", "<svg", "<math",
                      "target=", 'id="site-main"', "evil-class"):
        assert forbidden not in html, (payload, html)


@pytest.mark.parametrize(("markdown", "html"), [
    ("https://who.int/<b>news</b>", '<p><a rel="noopener" href="https://who.int/">https://who.int/</a><b>news</b></p>'),
    ("<https://who.int/<script>>", '<p>&lt;<a rel="noopener" href="https://who.int/">https://who.int/</a></p>'),
    ("https://who.int/`x`", '<p><a rel="noopener" href="https://who.int/">https://who.int/</a><code>x</code></p>'),
])
def test_a_bare_address_ends_before_markup_that_follows_it(markdown: str, html: str) -> None:
    """The address took in Python-Markdown's placeholder for the markup (U+0002 klzzwxh:0000 U+0003):
    a broken link, and characters no HTML page may hold."""
    assert_renders(markdown, html)


@pytest.mark.parametrize(("markdown", "html"), [
    ("[https://who.int](https://who.int)", '<p><a rel="noopener" href="https://who.int">https://who.int</a></p>'),
    ("[see https://who.int/news](https://b.org)", '<p><a rel="noopener" href="https://b.org">see https://who.int/news</a></p>'),
    ("[**https://who.int**](https://who.int)", '<p><a rel="noopener" href="https://who.int"><strong>https://who.int</strong></a></p>'),
    ("[<https://a.org>](https://b.org)", '<p><a rel="noopener" href="https://b.org">https://a.org</a></p>'),
    ("[<me@a.org>](https://b.org)", '<p><a rel="noopener" href="https://b.org">me@a.org</a></p>'),
    ("[<https://a.org>][r]\n\n[r]: https://b.org", '<p><a rel="noopener" href="https://b.org">https://a.org</a></p>'),
    ("[a *b* <https://a.org> **c** d](https://b.org) e",
     '<p><a rel="noopener" href="https://b.org">a <em>b</em> https://a.org <strong>c</strong> d</a> e</p>'),
    ("[*<https://a.org>* and <https://c.org>](https://b.org)",
     '<p><a rel="noopener" href="https://b.org"><em>https://a.org</em> and https://c.org</a></p>'),
    ("<https://a.org> and [x](https://b.org)", '<p><a rel="noopener" href="https://a.org">https://a.org</a> and <a rel="noopener" href="https://b.org">x</a></p>'),
])
def test_an_address_written_as_a_links_text_is_that_links_text(markdown: str, html: str) -> None:
    """The bare address inside made a link in the link, which the sanitiser split into empty links beside it
    (links without a name, which a screen reader announces as just "link"); so did ``<address>`` and ``<mail>``."""
    assert_renders(markdown, html)


@pytest.mark.parametrize(("markdown", "html"), [
    ('Hospital (<span lang="zh-Hans">南京</span>)', '<p>Hospital (<span lang="zh-Hans">南京</span>)</p>'),
    ('<p lang="fr">Bonjour</p>', '<p lang="fr">Bonjour</p>'),
    ('<blockquote lang="pt-BR">Olá</blockquote> <q lang="">?</q>', '<blockquote lang="pt-BR">Olá</blockquote>\n<p><q lang="">?</q></p>'),
    ('<span lang="!!">a</span> <span lang="zz-ZZ">b</span> <span lang="en_US">c</span>', "<p><span>a</span> <span>b</span> <span>c</span></p>"),
])
def test_a_part_in_another_language_keeps_its_lang(markdown: str, html: str) -> None:
    """WCAG 3.1.2: a name in Chinese inside English text is read by a Chinese voice only if it says so.
    A value that is no language tag the checker knows made the page invalid HTML: it is dropped, the text stays."""
    assert_renders(markdown, html)


@pytest.mark.parametrize(("markdown", "html"), [
    ("See the map: ![Map of the district](map.png) below.", "<p>See the map: Map of the district below.</p>"),
    ("[![Apply now](button.png)](https://apply.example.org)", '<p><a rel="noopener" href="https://apply.example.org">Apply now</a></p>'),
    ("- ![one](a.png) and ![two][b]!\n\n[b]: b.png", "<ul>\n<li>one and two!</li>\n</ul>"),
    ("![<b>x</b> & y](javascript:alert(1))", "<p>&lt;b&gt;x&lt;/b&gt; &amp; y</p>"),
    ("![](decoration.png) text", "<p> text</p>"),
    ('<a href="https://x.org"><img src="logo.png" alt="Partner logo"></a>', '<p><a rel="noopener" href="https://x.org">Partner logo</a></p>'),
    ("Text <IMG SRC=a.png ALT='A chart &amp; table'> more", "<p>Text A chart &amp; table more</p>"),
    ('<img src=x alt="<script>alert(1)</script>" onerror=alert(1)>', "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    ("<img title=\"alt=no\" alt='yes'> `<img alt=code>`", "<p>yes <code>&lt;img alt=code&gt;</code></p>"),
])
def test_an_image_shows_its_description(markdown: str, html: str) -> None:
    """The site shows no images; dropped whole, an image lost its description, and a linked one left a link
    with no name (a screen reader says just "link"), in Markdown as in raw HTML (a partner's logo linked to its site)."""
    assert_renders(markdown, html)


def test_a_heading_id_is_kept_only_when_valid_html_and_not_already_used() -> None:
    """Raw ids with white space, empty ids and an id given twice made invalid HTML (and a fragment link that picks one)."""
    assert_renders(
        '## Intro\n\n<h3 id="intro">a</h3><h3 id="x y">b</h3><h3 id="">c</h3><h3 id="ok">d</h3><h3 id="ok">e</h3>',
        '<h2 id="intro">Intro</h2>\n<h3>a</h3>\n<h3>b</h3>\n<h3>c</h3>\n<h3 id="ok">d</h3>\n<h3>e</h3>',
    )
    assert_renders('<h3 id="ok">the next body may use it again</h3>', '<h3 id="ok">the next body may use it again</h3>')


def test_links_to_entry_files_resolve_to_routes() -> None:
    resolver = LinkResolver({"content/partners/b.md": "partners/b/"}, lambda route: "/base/" + route, source="content/projects/a.md")
    html = str(RENDERER.render("[b](../partners/b.md#x) [c](../partners/c.md)", resolver))
    assert 'href="/base/partners/b/#x"' in html
    assert [link for link, _ in resolver.broken] == ["../partners/c.md"]


def resolver_at(source: str = "content/projects/a.md") -> LinkResolver:
    return LinkResolver({"content/partners/b.md": "partners/b/"}, lambda route: "/base/" + route, source=source, base_path="/base/")


def test_links_in_raw_html_are_resolved_and_checked_like_markdown_links() -> None:
    resolver = resolver_at()
    html = str(RENDERER.render('<a href="../partners/b.md#x">b</a> <p><a href="../partners/c.md">c</a></p>', resolver))
    assert 'href="/base/partners/b/#x"' in html
    assert [link for link, _ in resolver.broken] == ["../partners/c.md"]


@pytest.mark.parametrize("link", ["../partners/brochure.pdf", "../site.yaml", "about/", "other-page"])
def test_relative_links_to_anything_but_an_entry_file_are_broken(link: str) -> None:
    resolver = resolver_at()
    RENDERER.render(f"[x]({link})", resolver)
    [(written, message)] = resolver.broken
    assert written == link and "is relative, so it would break on the site" in message


@pytest.mark.parametrize("link", ["/../../etc/passwd", "/static/../../x", "/%2e%2e/x", "/./about/", "/about/../search/"])
def test_root_relative_links_with_dot_folders_are_broken(link: str) -> None:
    """Under the base path '/base/', '/../x' led to '/base/../x', a page outside the site: the link was written unchecked."""
    resolver = resolver_at()
    RENDERER.render(f"[x]({link})", resolver)
    assert resolver.broken == [(link, f"link to '{link}' has a '.' or '..' part — write the page's address from the site's root, e.g. '/about/'")]


@pytest.mark.parametrize("link", ["#part", "?q=x", "https://example.org/a", "mailto:a@example.org", "/about/"])
def test_fragments_queries_full_and_root_relative_links_are_fine(link: str) -> None:
    resolver = resolver_at()
    RENDERER.render(f"[x]({link})", resolver)
    assert resolver.broken == []


def test_root_relative_links_keep_their_query_and_fragment() -> None:
    html = str(RENDERER.render("[s](/search/?q=surgery#results)", resolver_at()))
    assert 'href="/base/search/?q=surgery#results"' in html


@pytest.mark.parametrize("link", ["/topics/sa%C3%BAde-p%C3%BAblica/", "/topics/saúde-pública/"])
def test_root_relative_links_are_escaped_once_however_they_are_written(link: str) -> None:
    resolver = LinkResolver({}, Urls("https://example.org/base/").href, source="content/pages/a.md", base_path="/base/")
    html = str(RENDERER.render(f"[topic]({link})", resolver))
    assert 'href="/base/topics/sa%C3%BAde-p%C3%BAblica/"' in html and resolver.broken == []


def test_a_link_written_with_the_base_path_is_broken_with_the_fix() -> None:
    resolver = resolver_at()
    RENDERER.render("[a](/base/about/) [b](/base)", resolver)
    assert resolver.broken == [
        ("/base/about/", "link to '/base/about/' starts with the site's base path /base/ — write '/about/' (the base path is added for you)"),
        ("/base", "link to '/base' starts with the site's base path /base/ — write '/' (the base path is added for you)"),
    ]


def test_renderer_is_reusable_without_leaking_state() -> None:
    first = render("## Same heading")
    second = render("## Same heading")
    assert first == second


def test_a_table_region_is_named_by_the_heading_it_sits_under_when_it_is_that_headings_only_table() -> None:
    """Regions were all named "Table 1", "Table 2": a screen reader's list of landmarks said nothing of what each held."""
    html = render("## Costs\n\nWhat you pay.\n\n| item | cost |\n|---|---|\n| visa | 50 |\n\n## Weeks\n\n| a |\n|---|\n| 1 |\n\n| b |\n|---|\n| 2 |")
    assert '<h2 id="costs">Costs</h2>' in html
    assert '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="costs"><table>' in html
    assert html.count('aria-label="Table 2"') == html.count('aria-label="Table 3"') == 1  # (two tables under one heading: their own names)


def test_a_heading_inside_an_earlier_table_does_not_name_a_later_one() -> None:
    html = render('<table><tr><td><h3 id="inner">Inner</h3></td></tr></table>\n\n| a |\n|---|\n| 1 |')
    assert 'aria-labelledby="inner"' not in html and html.count('aria-label="Table ') == 2


def test_a_table_with_a_caption_names_its_region_by_the_caption() -> None:
    html = render('## Costs\n\n<table><caption lang="en">Fees in <b>2026</b></caption><tr><td>1</td></tr></table>\n\n'
                  "<table><caption> </caption><tr><td>2</td></tr></table>")
    assert ('<div class="table-scroll" tabindex="0" role="region" aria-labelledby="site-table-1"><table>'
            '<caption id="site-table-1" lang="en">Fees in <b>2026</b></caption>') in html
    assert '<div class="table-scroll" tabindex="0" role="region" aria-label="Table 2"><table><caption> </caption>' in html  # (an empty caption names nothing)


def test_content_cannot_write_the_id_a_caption_gets() -> None:
    html = render('<p id="site-table-1">x</p>\n\n<table><caption>Fees</caption><tr><td>1</td></tr></table>')
    assert html.count('id="site-table-1"') == 1
