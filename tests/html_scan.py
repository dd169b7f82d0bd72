"""Scan built pages for anything a browser could execute or fetch from elsewhere.

Pages are parsed with the standard library's ``html.parser`` (which unescapes
attribute values as browsers do); each rule returns readable findings so a test
can show every violation of a page at once.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset", "ping"})
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# Our own templates may draw inline SVG maps, but never anything in SVG that can run or fetch.
FORBIDDEN_TAGS = frozenset({
    "iframe", "frame", "object", "embed", "applet", "base", "style", "math", "template", "portal",
    "foreignobject", "animate", "set", "handler", "use", "image", "feimage",
})
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


@dataclass(frozen=True)
class Element:
    tag: str
    attrs: dict[str, str]
    line: int


@dataclass
class Page(HTMLParser):
    """Every element, script body and comment of one HTML document."""

    elements: list[Element] = field(default_factory=list)
    scripts: list[tuple[Element, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._script: Element | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs}, self.getpos()[0])
        self.elements.append(element)
        if tag == "script":
            self._script, self._script_text = element, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse_page(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def normalised_url(value: str) -> str:
    """A URL as a browser's parser sees it (WHATWG URL): C0 controls and spaces trimmed, tabs and newlines removed."""
    return _TAB_OR_NEWLINE.sub("", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                            "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")).lower()


def is_dangerous_url(value: str) -> bool:
    return normalised_url(value).startswith(DANGEROUS_SCHEMES)


def is_same_origin(value: str, base_url: str) -> bool:
    """True for relative URLs and absolute ones on the site's own origin."""
    parts, base = urlsplit(value.strip()), urlsplit(base_url)
    if value.strip().startswith("//"):
        return parts.netloc == base.netloc
    if not parts.scheme:
        return True
    return (parts.scheme, parts.netloc) == (base.scheme, base.netloc)


def _script_findings(element: Element, text: str, own_prefixes: tuple[str, ...]) -> list[str]:
    kind = element.attrs.get("type", "").strip().lower()
    if kind == "application/ld+json" and "src" not in element.attrs:
        try:
            json.loads(text)
        except ValueError:
            return [f"line {element.line}: JSON-LD that is not JSON: {text[:80]!r}"]
        if "</" in text or "<!--" in text:
            return [f"line {element.line}: JSON-LD holds markup that could close the script: {text[:80]!r}"]
        return []
    if kind not in ("", "module", "text/javascript"):
        return [f"line {element.line}: script of type {kind!r}"]
    source = element.attrs.get("src")
    if source is None or text.strip():
        return [f"line {element.line}: inline script {text[:80]!r}"]
    if not source.startswith(own_prefixes):
        return [f"line {element.line}: script from {source!r}, not our static or search folder"]
    return []


# The only refresh a page may hold: at once, to a path of the site (a ".../page/1/" page sends the visitor to its list's first page).
_OWN_REDIRECT = re.compile(r"0; url=(?P<path>/[A-Za-z0-9/%._~-]*)")


def _is_own_redirect(page: Page, element: Element, base_path: str) -> bool:
    """A refresh in the document's head (where no content goes) to a path below ``base_path``."""
    found = _OWN_REDIRECT.fullmatch(element.attrs.get("content", ""))
    body = next((index for index, other in enumerate(page.elements) if other.tag == "body"), -1)
    return (found is not None and found["path"].startswith(base_path) and "//" not in found["path"]
            and 0 <= page.elements.index(element) < body)


def executable_findings(html: str, base_path: str) -> list[str]:
    """Everything in ``html`` that could run: scripts not ours, handlers, script URLs, styles, refreshes not ours."""
    page = parse_page(html)
    findings: list[str] = []
    for element in page.elements:
        if element.tag in FORBIDDEN_TAGS:
            findings.append(f"line {element.line}: <{element.tag}> element")
        if element.tag == "meta" and element.attrs.get("http-equiv", "").lower() == "refresh" and not _is_own_redirect(page, element, base_path):
            findings.append(f"line {element.line}: meta refresh")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                findings.append(f"line {element.line}: event handler {name}={value[:60]!r} on <{element.tag}>")
            elif name == "style":
                findings.append(f"line {element.line}: style attribute on <{element.tag}>")
            elif name in URL_ATTRIBUTES and is_dangerous_url(value):
                findings.append(f"line {element.line}: {name}={value[:60]!r} on <{element.tag}>")
    for element, text in page.scripts:
        findings += _script_findings(element, text, (base_path + "static/", base_path + "search/"))
    findings += [f"comment that may hide markup: {text[:60]!r}" for text in page.comments if "<" in text or ">" in text]
    return findings


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
