"""Render stage helper: a Markdown body -> sanitised HTML as ``Markup``.

Content is untrusted: Python-Markdown renders it, nh3 keeps only harmless
tags, attributes and URL schemes, and this is the one place where content
HTML becomes ``Markup``. Links are made to work under the base path.
"""

from __future__ import annotations

import bisect
import html as html_text
import posixpath
import re
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Callable
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, TocTreeprocessor, slugify_unicode
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from . import html_repair, urls
from .catalog import ENTRY_COLLECTIONS, Catalog
from .facets import FACETS, build_facets
from .link import RESERVED_PAGE_SLUGS
from .source import first_unshowable
from .suggest import closest, did_you_mean

ALLOWED_TAGS = frozenset(
    """a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt
    em figcaption figure h1 h2 h3 h4 h5 h6 hr i ins kbd li mark ol p pre q s samp small span strong
    sub summary sup table tbody td tfoot th thead time tr u ul var wbr""".split()
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "bdo": {"dir"},
    "code": {"class"},
    "col": {"span"},
    "colgroup": {"span"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "ol": {"start", "reversed"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
    # The language of a part (WCAG 3.1.2): <span lang="zh">南京</span> is read by a Chinese voice, not spelt out
    # (nh3 keeps lang anywhere by default; named here since html_repair.valid_attribute checks its value).
    "*": {"lang"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_TABLE_WRAPPER = "table-scroll"
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")  # a whole tag, quoted values included
_EXTERNAL_LINK = re.compile(r'<a (?=[^>]*\bhref="(?:https?:)?//)')  # (a link to //host/x is another site's, as one to https://host/x)
# (\x02 and \x03 enclose the placeholder of markup already parsed, such as '<b>' in 'https://a.org/<b>': never part of a URL)
_BARE_URL = r"(?<![\w/\"'=])(https?://[^\s<>\"'()\[\]\x02\x03]+[^\s<>\"'()\[\].,;:!?\x02\x03])"


# Where a body writes a link's address: a Markdown link '](…', a reference '[x]: …' or an HTML 'href=…'.
LINK_WRITTEN = r"(?:\]\(\s*<?|\]:[ \t]*<?|href\s*=\s*[\"']?)"
# A link to a file on someone's computer: file:///C:/…, C:\Users\…, \\server\share\… (as Word writes them). The sanitiser
# drops such an address, which the site could not reach anyway, so the text would link nowhere: it is named here, from the source.
_ON_A_COMPUTER = re.compile(LINK_WRITTEN + r"((?:file:|[A-Za-z]:(?:\\|/(?!/))|\\\\)[^)\"'>\n]*)", re.IGNORECASE)
# A link with a scheme the sanitiser drops ('javascript:', 'ftp://', 'skype:', 'whatsapp://'): written as a Markdown link or
# reference, an href, or an autolink '<ftp://…>'. (A Windows drive, 'C:', and 'file:' are a file on a computer, named apart.)
_SCHEMED_LINK = re.compile(LINK_WRITTEN + r"([A-Za-z][A-Za-z0-9+.-]+:[^()\s\"'>]*(?:\([^()\s\"'>]*\)[^()\s\"'>]*)*)|<([A-Za-z][A-Za-z0-9+.-]+://[^\s<>]*)>")
_EMAIL = re.compile(r"[^@\s/:]+@[^@\s/:]+\.[A-Za-z]{2,}")
# 'www.…' or a host name ending in a common top-level domain, then '/' or the end: not a file name such as 'brochure.pdf'
_WEB_ADDRESS = re.compile(r"(?:www\.[^/\s]+|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|int|info)|[\w-]+(?:\.[\w-]+)+\.[a-z]{2})(?:/|$)", re.IGNORECASE)


def _shorten(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


@dataclass
class LinkResolver:
    """Turn a link written in content into a link that works on the site.

    ``entry_routes`` maps a source path ("content/partners/x.md") to its route,
    and each page a root-relative link may name ("/partners/x/", "/topics/y/",
    "/countries/ke/", "/about/") to its route (see ``page_keys``); links to
    pages of the kinds in ``checked`` must name one of those. ``href`` turns a
    route into a link under ``base_path``. Links that cannot work are collected
    in ``broken`` as (link, why and how to fix it).
    """

    entry_routes: dict[str, str]
    href: Callable[[str], str]
    broken: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""
    base_path: str = "/"
    checked: frozenset[str] = frozenset()  # kinds of root-relative links checked: collections, "topics", "countries"
    drafts: frozenset[str] = frozenset()  # source paths of drafts, for a clearer message than "does not match"

    def resolve(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("#"):
            return url
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if parts.path.startswith("/"):
            if self.base_path != "/" and (parts.path + "/").startswith(self.base_path):
                fixed = "/" + url[len(self.base_path):]
                self.broken.append((url, f"link to '{url}' starts with the site's base path {self.base_path} — write '{fixed}' (the base path is added for you)"))
                return url
            # href escapes the route, so a path written escaped (as copied from a browser's
            # address bar: /topics/sa%C3%BAde/) is unescaped first, not escaped twice.
            path = unquote(parts.path)
            if any(segment in (".", "..") for segment in path.split("/")):  # ('/../x' leaves the base path: a page of another site)
                self.broken.append((url, f"link to '{url}' has a '.' or '..' part — write the page's address from the site's root, e.g. '/about/'"))
                return url
            problem = self._missing_page(url, path)
            if problem is not None:
                self.broken.append((url, problem))
                return url
            return self.href(path.lstrip("/")) + (f"?{parts.query}" if parts.query else "") + fragment
        if parts.path.endswith(".md"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), parts.path))
            route = self.entry_routes.get(target)
            if route is None:
                why = ("leads to a draft, which is not published — publish it first or leave the link out" if target in self.drafts
                       else f"does not match a published entry — check the file name{self._entry_meant(target)}")
                self.broken.append((url, f"link to '{url}' {why}"))
                return url
            return self.href(route) + fragment
        written = posixpath.normpath(posixpath.join(posixpath.dirname(self.source), parts.path.rstrip("/") + ".md"))
        if parts.path and self.entry_routes.get(written) is not None:  # '../partners/x' or 'safety': the entry's file without '.md'
            self.broken.append((url, f"link to '{url}' leaves out the file's '.md' — write '{parts.path.rstrip('/')}.md'"))
        elif _EMAIL.fullmatch(url):
            self.broken.append((url, f"link to '{url}' is an email address — write 'mailto:{url}'"))
        elif _WEB_ADDRESS.match(url):  # 'www.example.edu/x' or 'example.edu/x': a web address without its https://
            self.broken.append((url, f"link to '{url}' is a web address without its start — add https:// in front: 'https://{url}'"))
        elif parts.path:
            self.broken.append((url, (
                f"link to '{url}' is relative, so it would break on the site — link to an entry's file ('../partners/x.md'),"
                " to a page from the site's root ('/about/') or to a full address ('https://…')"
            )))
        return url


    def _entry_meant(self, target: str) -> str:
        """' (did you mean '../partners/x.md'?)' for a link to an entry's file with the wrong folder, capitals or a typo."""
        known = getattr(self.entry_routes, "routes", self.entry_routes)  # (the routes behind a recording wrapper)
        entries = [path for path in known if path.endswith(".md")]
        named = [path for path in entries if posixpath.basename(path).lower() == posixpath.basename(target).lower()]
        folder = {posixpath.basename(path): path for path in entries if posixpath.dirname(path) == posixpath.dirname(target)}
        near = closest(posixpath.basename(target), folder)  # (a typo in the name, within the folder written)
        meant = named[0] if len(named) == 1 else folder.get(near or "")
        if meant is None:
            return ""
        return f" (did you mean '{posixpath.relpath(meant, posixpath.dirname(self.source))}'?)"

    def _missing_page(self, url: str, path: str) -> str | None:
        """Why a root-relative link to an entry, topic, country, filter or free page leads nowhere (None: it works, or is not checked)."""
        if path.endswith(".md"):
            return (f"link to '{url}' names a file of the content folder, not a page — link to the entry's file from this one"
                    " ('../partners/x.md') or to its page ('/partners/x/')")
        segments = [segment for segment in path.split("/") if segment]
        key = "/" + "".join(segment + "/" for segment in segments)
        if len(segments) >= 3 and segments[-2] == urls.PAGE_SEGMENT and segments[-1].isdigit() and (
                segments[0] in self.checked or f"{segments[0]}/" == urls.COLLABORATE and self.checked):
            listed = segments[:-2]
            if len(listed) == 2 and listed[0] in FACETS and listed[1] == urls.FACET_SEGMENT:
                listed = listed[:1]  # a listing's pages: /electives/by/page/2/
            first = "/" + "".join(segment + "/" for segment in listed)
            return (f"link to '{url}' names page {segments[-1]} of a long list, which shows other entries as the catalog grows"
                    f" — link to its first page ('{first}') instead")
        if len(segments) == 2 and segments[0] in self.checked and segments[1] != urls.FACET_SEGMENT:
            kind, prefix = segments[0], f"/{segments[0]}/"
        elif len(segments) == 4 and segments[0] in self.checked and segments[0] in FACETS and segments[1] == urls.FACET_SEGMENT:
            kind, prefix = "filters", f"/{segments[0]}/{segments[1]}/{segments[2]}/"  # a listing's filter page
        elif len(segments) == 1 and "pages" in self.checked and segments[0] not in RESERVED_PAGE_SLUGS and "." not in segments[0]:
            kind, prefix = "pages", "/"
        else:
            return None
        if self.entry_routes.get(key) is not None:
            return None
        if kind in ("pages", *ENTRY_COLLECTIONS) and self._draft_file(kind, segments[-1]) in self.drafts:
            return f"link to '{url}' leads to a draft, which is not published — publish it first or leave the link out"
        if kind == "countries":
            return f"link to '{url}' does not match a page of the site — only countries with published entries have a page"
        if kind == "filters":
            hint = "" if segments[2] == "country" else did_you_mean(key, self._known(prefix, key))  # (two letters: any code is "near")
            return f"link to '{url}' does not match a filter page of the site — a filter page exists for each value that published {segments[0]} have{hint}"
        return f"link to '{url}' does not match a page of the site — check the address{did_you_mean(key, self._known(prefix, key))}"

    def _draft_file(self, kind: str, slug: str) -> str:
        """The source path a draft of ``kind`` ("pages" or a collection) named ``slug`` has, beside the linking file's folder."""
        return posixpath.join(posixpath.dirname(posixpath.dirname(self.source)), kind, f"{slug}.md")

    def _known(self, prefix: str, key: str) -> list[str]:
        """The pages a mistyped ``key`` may have meant: those under ``prefix`` with as many parts."""
        known = getattr(self.entry_routes, "routes", self.entry_routes)  # (the routes behind a recording wrapper)
        return [name for name in known if name.startswith(prefix) and name.count("/") == key.count("/")]


def page_keys(catalog: Catalog) -> dict[str, str]:
    """The pages a body may link to from the site's root, for ``LinkResolver``: "/partners/x/" -> route.

    Filter pages ("/electives/by/country/ke/") are always listed (about 0.15 s at
    10,000 entries): a link may spell "/by/" in an escaped form, and a cached body's
    check must not depend on what other bodies write.
    """
    routes = [urls.entry(item.collection, item.slug) for item in catalog.published]
    routes += [urls.topic(slug) for slug in catalog.topics] + [urls.country(code) for code in catalog.by_country]
    routes += [urls.facet(collection, facet.name, value.slug) for collection in FACETS
               for facet in build_facets(collection, catalog.collection(collection)) for value in facet.values]
    return {f"/{route}": route for route in routes}


ENTRY_LINKS = frozenset({*ENTRY_COLLECTIONS, "pages"})  # root-relative links to entries and free pages
CHECKED_LINKS = ENTRY_LINKS | {"topics", "countries"}


class _BareUrlProcessor(InlineProcessor):
    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element, int, int]:  # noqa: N802
        element = etree.Element("a", {"href": m.group(1)})
        element.text = m.group(1)
        return element, m.start(0), m.end(0)


class _LinkTextLinks(Treeprocessor):
    """A link inside a link's text becomes its text: ``[<https://a.org>](https://b.org)`` links to b.org, reading "https://a.org".

    Python-Markdown's ``<address>`` and ``<mail>`` patterns and the bare-address one make a link
    there (``ANCESTOR_EXCLUDES`` cannot keep the first two out: the raw-HTML pattern would then
    take ``<https://a.org>`` for a tag, which the sanitiser drops with its text). HTML has no link
    in a link: the sanitiser split it into an empty link, which has no name, beside the inner one.
    """

    def run(self, root: etree.Element) -> None:
        for link in [link for link in root.iter("a") if link.find(".//a") is not None]:
            _unwrap_links(link)


def _unwrap_links(parent: etree.Element) -> None:
    """Replace every ``a`` element under ``parent`` with its content (text, elements and tail kept in order)."""
    index = 0
    while index < len(parent):
        child = parent[index]
        if child.tag != "a":
            _unwrap_links(child)
            index += 1
            continue
        parent.remove(child)
        pieces: list[etree.Element] = list(child)
        for offset, piece in enumerate(pieces):
            parent.insert(index + offset, piece)
        _append_text(parent, index, child.text or "")
        _append_text(parent, index + len(pieces), child.tail or "")  # (the unwrapped elements are then looked at in turn)


def _append_text(parent: etree.Element, index: int, text: str) -> None:
    """Add ``text`` where the child at ``index`` begins: after the child before it, or at the start of ``parent``."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text


# Python-Markdown scans to the end of the text for the closing bracket or parenthesis
# of every '[' and '(' it meets, so a few thousand unclosed brackets take minutes.
# Link text and link targets longer than this are not links (CommonMark caps labels at 999).
MAX_LINK_SPAN = 1000
_BRACKET_PATTERNS = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref")


class _BoundedLinkScan:
    """Mixin for Python-Markdown's link processors: look at most ``MAX_LINK_SPAN`` characters ahead."""

    def getText(self, data: str, index: int) -> tuple[str, int, bool]:  # noqa: N802
        return super().getText(data[: index + MAX_LINK_SPAN], index)  # type: ignore[misc]

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
        return super().getLink(data[: index + MAX_LINK_SPAN], index)  # type: ignore[misc]


def _bound_link_scans(md: markdown.Markdown) -> None:
    """Replace each bracket-scanning inline processor with a bounded one of the same kind."""
    for name in _BRACKET_PATTERNS:
        original = md.inlinePatterns[name]
        priority = next(item.priority for item in md.inlinePatterns._priority if item.name == name)
        bounded = type(f"Bounded{type(original).__name__}", (_BoundedLinkScan, type(original)), {})
        md.inlinePatterns.register(bounded(original.pattern, md), name, priority)


class _HeadingIdTreeprocessor(TocTreeprocessor):
    """Python-Markdown's table-of-contents processor, without the table when the text cannot ask for one.

    The site uses the heading ids; the table itself only matters where a body
    writes the ``[TOC]`` marker. Building, searching for and serialising it in
    every other body was about a sixth of the Markdown time. ``marker_possible``
    is set per text: the marker can only match if its characters are in the text.
    """

    marker_possible = True

    def build_toc_div(self, toc_list: list) -> etree.Element:  # type: ignore[type-arg]
        return super().build_toc_div(toc_list) if self.marker_possible else etree.Element("div")

    def replace_marker(self, root: etree.Element, elem: etree.Element) -> None:
        if self.marker_possible:
            super().replace_marker(root, elem)


class _HeadingIds(TocExtension):
    TreeProcessorClass = _HeadingIdTreeprocessor


class _CatalogExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802
        _bound_link_scans(md)
        md.inlinePatterns.register(_BareUrlProcessor(_BARE_URL, md), "bare_url", 5)
        md.treeprocessors.register(_LinkTextLinks(md), "link_text_links", 19)  # right after the inline patterns (20)


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    """nh3 attribute filter: drop classes and ids content must not set, and dates a browser cannot read."""
    if attribute == "class":
        return value if re.fullmatch(r"language-[\w+-]+", value) else None
    if attribute == "id":  # (HTML: an id is never empty and holds no white space)
        return None if value.startswith("site-") or not value or re.search(r"[ \t\n\f\r]", value) else value
    if attribute == "datetime":  # (the element and its text stay: only the machine-readable date goes)
        return value if is_machine_date(value, zoned_time=element in ("del", "ins")) else None
    return html_repair.valid_attribute(element, attribute, value)


_MACHINE_DATE = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"|(?:(?P<on>\d{4}-\d{2}-\d{2})[T ])?(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d{1,3})?)?"
    r"(?P<zone>Z|[+-](?P<zone_hour>\d{2}):?(?P<zone_minute>\d{2}))?"
)


def is_machine_date(value: str, zoned_time: bool = False) -> bool:
    """Whether a ``datetime`` attribute holds a date or time HTML can read (else the page is invalid HTML).

    The common forms of HTML's grammar: a year, a month, a date, a time, a date and time,
    with or without a time zone; with ``zoned_time`` (``del``, ``ins``) a time needs a date
    and a zone. Rarer forms (weeks, durations, dates without a year) are dropped too: the
    text stays, only the machine-readable date goes.
    """
    found = _MACHINE_DATE.fullmatch(value)
    if found is None:
        return False
    if found["hour"] is None:
        if zoned_time and (found["month"] is None or found["day"] is None):
            return False
        return 0 < int(found["year"]) and _is_calendar_date(int(found["year"]), int(found["month"] or 1), int(found["day"] or 1))
    if (zoned_time and found["zone"] is None) or (found["zone"] is not None and found["on"] is None):
        return False  # (a time zone goes with a date and a time, never a time alone)
    if found["on"] is not None and not _is_calendar_date(*map(int, found["on"].split("-"))):
        return False
    fields = (int(found["hour"]), int(found["minute"]), int(found["second"] or 0), int(found["zone_hour"] or 0), int(found["zone_minute"] or 0))
    return fields[0] <= 23 and fields[1] <= 59 and fields[2] <= 59 and fields[3] <= 23 and fields[4] <= 59


def _is_calendar_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


class Sanitiser:
    """Keep only harmless HTML; make links work on the site; mark external links ``rel="noopener"``.

    Links are resolved here, after sanitising, so that a link written in raw
    HTML is checked and rewritten exactly like one written in Markdown (nh3 has
    already dropped unsafe URL schemes and escapes what the resolver returns).
    nh3's cleaner is made once: making it for every body was about 40% of the
    time spent sanitising. The resolver is the one part that changes per body.
    """

    def __init__(self) -> None:
        self._resolver: LinkResolver | None = None
        self._ids: set[str] = set()  # ids kept so far in the body being cleaned: a repeated id is dropped
        self._cleaner = nh3.Cleaner(
            tags=set(ALLOWED_TAGS),
            clean_content_tags={"script", "style"},
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=self._keep,
            url_schemes=set(URL_SCHEMES),
            strip_comments=True,
            link_rel=None,
        )

    def _keep(self, element: str, attribute: str, value: str) -> str | None:
        if element == "a" and attribute == "href" and self._resolver is not None:
            return html_repair.repair_url(self._resolver.resolve(value))
        kept = _keep_attribute(element, attribute, value)
        if attribute == "id" and kept is not None:
            if kept in self._ids:
                return None
            self._ids.add(kept)
        return kept

    def clean(self, html: str, resolver: LinkResolver | None = None, repair: bool = True) -> str:
        """Sanitised ``html``, its links resolved by ``resolver`` (kept as written without one).

        ``repair`` makes the HTML valid where elements are not where HTML allows them
        (``html_repair.repair``); HTML that Markdown wrote itself needs none.
        """
        self._resolver = resolver
        try:
            clean = self._cleaner.clean(_images_as_text(html))
        finally:
            self._resolver = None
            self._ids.clear()
        clean = _EXTERNAL_LINK.sub('<a rel="noopener" ', clean)
        clean = _unwrap_unreadable_times(clean)
        return _wrap_tables(html_repair.repair(clean) if repair else clean)


_IMG_TAG = re.compile(r"<img(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _images_as_text(html: str) -> str:
    """Each ``<img>`` as its description, escaped: ``![Map of the district](map.png)`` reads "Map of the district".

    The site shows no images (the sanitiser drops ``img``; the pages' Content Security Policy would
    block one from elsewhere). Dropped whole, an image lost its description, and a linked one
    (``[![Apply now](button.png)](https://…)``, a partner's logo linked to its site in raw HTML)
    left a link with no name, which a screen reader reads as just "link". (About 3 µs a body.)
    """

    def description(tag: re.Match[str]) -> str:
        for name, double, single, bare in _ATTRIBUTE.findall(tag.group(1)):
            if name.lower() == "alt":
                return html_text.escape(html_text.unescape(double or single or bare).strip(), quote=False)
        return ""

    return _IMG_TAG.sub(description, html)


_BARE_TIME = re.compile(r"<time>((?:(?!</?time\b).)*?)</time>", re.DOTALL)  # a time element without attributes, nothing of its kind inside


def _unwrap_unreadable_times(html: str) -> str:
    """Keep the text of a ``<time>`` that has no readable ``datetime`` and is no date itself, without the element.

    HTML wants a time element's date in its ``datetime`` attribute or else as its text;
    the sanitiser drops a ``datetime`` no browser can read, which would leave
    ``<time>next week</time>``: invalid HTML. (Done on the sanitised HTML, whose tags
    are whole and whose attributes are quoted: ``<time>`` there has no attribute.)
    """
    while "<time>" in html:  # (most bodies have none: nothing is scanned twice)
        unwrapped = _BARE_TIME.sub(lambda found: found[0] if is_machine_date(found[1]) else found[1], html)
        if unwrapped == html:
            break
        html = unwrapped
    return html


def _wrap_tables(html: str) -> str:
    """Put each outermost table, Markdown or raw HTML, in a region that scrolls sideways and that the keyboard reaches.

    A table wider than a phone then scrolls inside its region instead of widening
    the page. A region (a landmark, reached by focus) needs a name that says what it
    holds (``aria-labelledby``): the table's caption if it has one (raw HTML), else the
    heading it sits under when it is that heading's only table; otherwise "Table 1",
    "Table 2", … so each name is still its own. Done on the sanitised HTML (whole tags,
    quoted values, no comments), so content cannot make or fake a region itself: it
    cannot set a ``div``'s class, nor an id starting ``site-``.
    """
    if "<table" not in html:
        return html
    tables = _outermost_tables(html)
    per_heading = Counter(heading for _, _, heading in tables)
    parts: list[str] = []
    done = 0
    for number, (start, end, heading) in enumerate(tables, 1):
        table = html[start:end]
        caption = _CAPTION.match(table)
        if caption is not None and _TAG.sub("", caption.group(2)).strip():
            table = f'{table[:caption.start(1)]}<caption id="site-table-{number}"{table[caption.end(1):]}'
            name = f'aria-labelledby="site-table-{number}"'
        elif heading is not None and per_heading[heading] == 1:
            name = f'aria-labelledby="{heading}"'
        else:
            name = f'aria-label="Table {number}"'
        parts += (html[done:start], f'<div class="{_TABLE_WRAPPER}" tabindex="0" role="region" {name}>', table, "</div>")
        done = end
    return "".join(parts) + html[done:]


# A table's caption: its first child, once html_repair has put the table's parts in order.
_CAPTION = re.compile(r"<table\b[^>]*>\s*(<caption)\b[^>]*>(.*?)</caption>", re.IGNORECASE | re.DOTALL)


_HEADING_ID = re.compile(r'<h[1-6]\s[^>]*?\bid="([^"]+)"', re.IGNORECASE)


def _outermost_tables(html: str) -> list[tuple[int, int, str | None]]:
    """(start, end, id of the last heading before it outside any table, if that has one) of each outermost table."""
    tables: list[tuple[int, int, str | None]] = []
    depth = start = 0
    heading: str | None = None
    for tag in _TAG.finditer(html):
        name = tag.group(1).lower()
        if name == "table":
            if tag.group(0).startswith("</"):
                depth = max(depth - 1, 0)
                if depth == 0:
                    tables.append((start, tag.end(), heading))
            else:
                if depth == 0:
                    start = tag.start()
                depth += 1
        elif depth == 0 and len(name) == 2 and name[0] == "h" and name[1] in "123456" and not tag.group(0).startswith("</"):
            found = _HEADING_ID.match(tag.group(0))
            heading = found.group(1) if found else None
    return tables


def _freeze_inline_patterns(md: markdown.Markdown) -> None:
    """Give each inline tree processor a plain tuple of its patterns.

    The processors index their pattern registry millions of times per large
    catalog, and each ``Registry`` lookup re-checks its sort order; a tuple of
    the same patterns in the same order renders the same HTML faster.
    """
    for processor in md.treeprocessors:
        patterns = getattr(processor, "inlinePatterns", None)
        if isinstance(patterns, markdown.util.Registry):
            processor.inlinePatterns = tuple(patterns)


def _smarty_triggers(regex: str) -> tuple[str, ...] | None:
    """Smarty's patterns each replace a quote, a run of dashes or an ellipsis that must be in the text."""
    quotes = tuple(quote for quote in ("'", '"') if quote in regex)
    if quotes:
        return quotes
    if "--" in regex:
        return ("--",)
    return ("...",) if r"\.{3}" in regex else None


def pattern_triggers(pattern: object) -> tuple[str, ...] | None:
    """Texts one of which any match of this inline pattern contains; None when unknown (never skipped)."""
    regex = getattr(pattern, "pattern", "")
    kind = type(pattern).__name__
    if isinstance(pattern, _BareUrlProcessor):
        return ("://",)
    if kind == "SubstituteTextPattern":
        return _smarty_triggers(regex)
    known = {
        "BacktickInlineProcessor": ("`",), "EscapeInlineProcessor": ("\\",), "AutolinkInlineProcessor": ("<",),
        "AutomailInlineProcessor": ("<",), "AsteriskProcessor": ("*",), "UnderscoreProcessor": ("_",),
        "DelimiterProcessor": ("*", "_") if regex == r"\*|_" else None,
        "SubstituteTagInlineProcessor": ("  \n",) if regex == r"  \n" else None,  # a hard line break
        "HtmlInlineProcessor": ("<",) if regex.startswith("(<") else ("&",) if regex.startswith("(&") else None,
    }
    if kind in known:
        return known[kind]
    return ("[",) if any(kind.endswith(name) for name in _BRACKET_CLASSES) else None


_BRACKET_CLASSES = ("ReferenceInlineProcessor", "LinkInlineProcessor", "ImageInlineProcessor")


def _skip_hopeless_patterns(md: markdown.Markdown) -> None:
    """Let each inline tree processor skip a pattern whose trigger text is not in the text at all.

    Python-Markdown tries every inline pattern on every run of text (about two
    thousand pattern applications for a page of prose), although most patterns need
    a character the text lacks (a backtick, a bracket, a quote). The replacement
    loop is Python-Markdown's own, with that check in front: a skipped pattern is one
    that could not have matched, so the HTML is the same.
    """
    for processor in md.treeprocessors:
        patterns = getattr(processor, "inlinePatterns", None)
        if patterns is None:
            continue
        patterns = tuple(patterns)
        triggers = tuple(frozenset(found) if found is not None else None for found in map(pattern_triggers, patterns))
        every_trigger = tuple(sorted(frozenset().union(*(found for found in triggers if found is not None))))
        apply_pattern = processor._InlineProcessor__applyPattern  # noqa: SLF001 — the loop below replaces its caller
        plans: dict[frozenset[str], tuple[int, ...]] = {}  # trigger texts present -> patterns that might match

        def handle_inline(data: str, pattern_index: int = 0, patterns: tuple[object, ...] = patterns,
                          triggers: tuple[frozenset[str] | None, ...] = triggers, every_trigger: tuple[str, ...] = every_trigger,
                          plans: dict[frozenset[str], tuple[int, ...]] = plans,
                          apply_pattern: Callable[..., tuple[str, bool, int]] = apply_pattern) -> str:
            if isinstance(data, markdown.util.AtomicString):
                return data
            start = 0
            while True:  # once per match: a match changes the text, and so maybe the triggers in it
                present = frozenset(text for text in every_trigger if text in data)
                plan = plans.get(present)
                if plan is None:
                    plan = plans[present] = tuple(index for index, needed in enumerate(triggers) if needed is None or not needed.isdisjoint(present))
                for index in plan[bisect.bisect_left(plan, pattern_index):]:
                    if index != pattern_index:
                        pattern_index, start = index, 0  # as when the patterns between did not match
                    data, matched, start = apply_pattern(patterns[index], data, index, start)
                    if matched:
                        break
                else:
                    return data
        processor._InlineProcessor__handleInline = handle_inline  # noqa: SLF001


class RenderRefused(Exception):
    """A body Python-Markdown cannot render (nested deeper than its recursion allows)."""


_NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,8});")


def _may_link_to_a_computer(text: str) -> bool:
    """Whether ``text`` has what every link ``_links_to_a_computer`` finds has: a backslash, 'file:', or a ':/' that does
    not start '://' ('C:/Users'). Substring counts, unlike that expression's scan, cost a body next to nothing."""
    return "\\" in text or "file:" in text.lower() or text.count(":/") != text.count("://")


def _links_to_a_computer(text: str) -> list[tuple[str, str]]:
    """(link, message) of each link in ``text`` to a file on a computer (``file:///C:/…``, ``C:\\…``)."""
    return [(match.group(1).rstrip(), f"link to '{_shorten(match.group(1).rstrip())}' is a file on a computer, which the site cannot reach"
                                      " — put the file online and link to its full address (https://…)")
            for match in _ON_A_COMPUTER.finditer(text)]


# 'file:' is named as a file on a computer; addresses that run code are hostile, not a contributor's slip: the sanitiser drops them,
# and written with entities ('&#106;avascript:') they would escape a scan of the source anyway.
_NOT_NAMED_SCHEMES = frozenset({"file", "javascript", "vbscript", "data"})


def _links_with_other_schemes(text: str) -> list[tuple[str, str]]:
    """(link, message) of each link in ``text`` to an address of another kind than ``URL_SCHEMES``' (``ftp:``, ``skype:``),
    which the sanitiser drops, so its text would link nowhere."""
    found = []
    for match in _SCHEMED_LINK.finditer(text):
        link = (match.group(1) or match.group(2)).rstrip()
        scheme = link.split(":", 1)[0].lower()
        if scheme not in URL_SCHEMES and scheme not in _NOT_NAMED_SCHEMES:
            found.append((link, f"link to '{_shorten(link)}' starts '{scheme}:', which the site does not link to — link to a web address"
                                " (https://…), an email address (mailto:…) or a phone number (tel:…)"))
    return found


def _unshowable_references(text: str) -> list[tuple[str, str]]:
    """(reference, message) of each '&#1;' or '&#xFFFF;' in ``text`` that writes a character no web page may hold.

    The load stage refuses such characters written as they are; written as references,
    the sanitiser decoded them into the page.
    """
    found = []
    for match in _NUMERIC_REFERENCE.finditer(text):
        written = match.group()[2:-1]
        code = int(written[1:], 16) if written[:1] in "xX" else int(written)
        # (HTML reads 0x80-0x9F as Windows-1252, as html.unescape does; 0, surrogates and beyond U+10FFFF as U+FFFD)
        character = html_text.unescape(match.group()) if 0x80 <= code <= 0x9F else chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        if first_unshowable(character) is not None:
            found.append((match.group(), f"'{match.group()}' writes the invisible character U+{ord(character):04X}, which a web page cannot hold — remove it"))
    return found


# What fenced code leaves in Python-Markdown's store of raw HTML: Markdown's own, valid HTML.
_FENCED_CODE = re.compile(r'<pre(?: [^<>]*)?><code(?: [^<>]*)?>[^<]*</code></pre>')


class MarkdownRenderer:
    """One reusable Markdown instance (reset before each document).

    ``shortcuts=False`` gives plain Python-Markdown (every inline pattern tried,
    the stock table-of-contents extension), for tests that prove the shortcuts
    render the same HTML.
    """

    def __init__(self, shortcuts: bool = True) -> None:
        self._shortcuts = shortcuts
        self._md = self._markdown()
        self._sanitiser = Sanitiser()

    def _markdown(self) -> markdown.Markdown:
        headings = _HeadingIds if self._shortcuts else TocExtension
        md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists", "smarty", headings(slugify=slugify_unicode, toc_depth="2-6"), _CatalogExtension()],
            output_format="html",
        )
        _freeze_inline_patterns(md)
        if self._shortcuts:
            _skip_hopeless_patterns(md)
        return md

    def render(self, text: str, resolver: LinkResolver | None = None) -> Markup:
        """Render Markdown to sanitised HTML; ``RenderRefused`` when it nests too deeply to render."""
        toc = self._md.treeprocessors["toc"]
        if isinstance(toc, _HeadingIdTreeprocessor):
            toc.marker_possible = toc.marker in text
        try:
            html = self._md.reset().convert(text)
        except RecursionError:
            self._md = self._markdown()  # (a fresh instance: the failed one may hold a half-built tree)
            raise RenderRefused("the text nests lists or quotes too deeply to lay out — use fewer levels") from None
        clean = self._sanitiser.clean(html, resolver, repair=self._needs_repair())
        if resolver is not None and first_unshowable(clean) is not None:
            resolver.broken.extend(_unshowable_references(text))
        if resolver is not None and _may_link_to_a_computer(text):
            resolver.broken.extend(_links_to_a_computer(text))
        if resolver is not None and "<a>" in clean:  # (an address the sanitiser dropped leaves an '<a>' without attributes)
            resolver.broken.extend(_links_with_other_schemes(text))
        return Markup(clean)  # noqa: S704 - sanitised above: the one place content becomes Markup

    def _needs_repair(self) -> bool:
        """Whether the body just rendered holds raw HTML (which Python-Markdown stores apart), so may be invalid HTML.

        Everything else Markdown writes itself, validly, so most bodies skip the repair. (Its
        nesting is bounded too: lists by ``body_limits.MAX_NESTING``, quotes by its recursion,
        at about 300 levels.)
        """
        return any(isinstance(block, str) and "<" in block and not _FENCED_CODE.fullmatch(block)
                   for block in self._md.htmlStash.rawHtmlBlocks)
