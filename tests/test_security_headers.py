"""Headers a static host cannot send, as meta tags: every page of the bundled site has a
strict Content-Security-Policy and a referrer policy, and fetches nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from html_scan import Element, executable_findings, html_pages, is_same_origin, parse_page

BASE_URL = "https://example.org/catalog/"
FETCHING = {"link": ("href",), "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
            "audio": ("src",), "track": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",), "form": ("action",),
            "button": ("formaction",), "input": ("src", "formaction"), "image": ("href", "xlink:href"), "use": ("href", "xlink:href")}
REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}


def csp_directives(policy: str) -> dict[str, list[str]]:
    """``default-src 'self'; img-src 'self' data:`` -> {"default-src": ["'self'"], ...}."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def meta(elements: list[Element], **match: str) -> list[Element]:
    return [e for e in elements if e.tag == "meta" and all(e.attrs.get(k, "").lower() == v for k, v in match.items())]


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, list[Element]]:
    return {page.relative_to(built_site).as_posix(): parse_page(page.read_text(encoding="utf-8")).elements for page in html_pages(built_site)}


def test_every_page_has_one_strict_csp_before_anything_it_governs(pages: dict[str, list[Element]]) -> None:
    assert len(pages) > 20
    for name, elements in pages.items():
        policies = meta(elements, **{"http-equiv": "content-security-policy"})
        assert len(policies) == 1, name
        directives = csp_directives(policies[0].attrs["content"])
        assert directives.get("default-src") == ["'self'"], name
        assert directives.get("object-src") == ["'none'"] and directives.get("base-uri") == ["'none'"], name
        sources = [source.lower() for values in directives.values() for source in values]
        assert not [s for s in sources if s.startswith("'unsafe-") or s in ("*", "http:", "https:", "'strict-dynamic'")], name
        assert all(source in ("'self'", "'none'", "data:") for source in sources), (name, sources)
        first_fetch = next(i for i, e in enumerate(elements) if e.tag in ("link", "script", "style", "img"))
        assert elements.index(policies[0]) < first_fetch, f"{name}: the CSP must come before the first resource"


def test_every_page_sets_a_referrer_policy(pages: dict[str, list[Element]]) -> None:
    for name, elements in pages.items():
        policies = meta(elements, name="referrer")
        assert [p.attrs.get("content", "").lower() for p in policies] in ([policy] for policy in REFERRER_POLICIES), name


def test_every_fetched_url_is_same_origin(pages: dict[str, list[Element]]) -> None:
    foreign = [
        (name, element.tag, attribute, url)
        for name, elements in pages.items()
        for element in elements
        for attribute in FETCHING.get(element.tag, ())
        if attribute in element.attrs
        for url in element.attrs[attribute].split(",")
        if url.strip() and not is_same_origin(url.split()[0], BASE_URL)
    ]
    assert foreign == []


def test_every_page_names_its_icon_under_the_base_path_where_the_csp_allows_it(built_site: Path, pages: dict[str, list[Element]]) -> None:
    """Without one the browser asks the host's root for /favicon.ico, outside a GitHub Pages sub-path."""
    for name, elements in pages.items():
        icons = [e.attrs.get("href", "") for e in elements if e.tag == "link" and "icon" in e.attrs.get("rel", "").lower().split()]
        assert len(icons) == 1 and icons[0].startswith("/catalog/static/"), (name, icons)
        assert (built_site / icons[0].removeprefix("/catalog/").split("?")[0]).is_file(), name
        directives = csp_directives(meta(elements, **{"http-equiv": "content-security-policy"})[0].attrs["content"])
        assert "'self'" in directives.get("img-src", directives["default-src"]), name


def test_no_page_of_the_bundled_site_holds_anything_executable(built_site: Path) -> None:
    findings = {page.name: executable_findings(page.read_text(encoding="utf-8"), "/catalog/") for page in html_pages(built_site)}
    assert {name: found for name, found in findings.items() if found} == {}


@pytest.mark.parametrize(("url", "same"), [
    ("/catalog/static/style.css", True), ("static/x.js", True), ("https://example.org/catalog/", True),
    ("//cdn.example.com/x.js", False), ("https://cdn.example.com/x.css", False), ("http://example.org/catalog/", False),
])
def test_same_origin_rule(url: str, same: bool) -> None:
    assert is_same_origin(url, BASE_URL) is same
