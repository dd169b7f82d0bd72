"""URL shapes: the only module that knows where each page lives and the base path.

Routes are site-relative ("electives/x/"); ``href`` turns them into links that
work under the base path, ``absolute`` into full URLs for feeds and metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote, urlsplit

HOME = ""
SEARCH = "search/"
COLLABORATE = "collaborate/"
COUNTRIES = "countries/"
TOPICS = "topics/"
NOT_FOUND = "404.html"
SITEMAP = "sitemap.xml"
FEED = "feed.xml"
ROBOTS = "robots.txt"
CATALOG_JSON = "catalog.json"
CATALOG_CSV = "catalog.csv"
STATIC = "static/"
# Facet pages live at <collection>/by/<facet>/<value>/, so no entry may be called "by".
FACET_SEGMENT = "by"
# Later pages of a long list: <route>page/<n>/; a listing's go under its facet segment, where no entry can be.
PAGE_SEGMENT = "page"
RESERVED_ENTRY_SLUGS = frozenset({FACET_SEGMENT})


def entry(collection: str, slug: str) -> str:
    """Route of one entry; free pages live at the top level."""
    return f"{slug}/" if collection == "pages" else f"{collection}/{slug}/"


def listing(collection: str) -> str:
    """Route of a collection's listing."""
    return f"{collection}/"


def facet(collection: str, name: str, value: str) -> str:
    """Route of a static facet page: one value of one facet of a listing."""
    return f"{collection}/{FACET_SEGMENT}/{name}/{value}/"


def listing_page(collection: str, number: int) -> str:
    """Route of page ``number`` of a collection's listing (the first is the listing itself)."""
    return listing(collection) if number == 1 else listing_page_by_number(collection, number)


def listing_page_by_number(collection: str, number: int) -> str:
    """Page ``number`` of a listing spelt as later pages are: for page 1, an alias of the listing."""
    return f"{collection}/{FACET_SEGMENT}/{PAGE_SEGMENT}/{number}/"


def numbered_page(route: str, number: int) -> str:
    """Route of page ``number`` of a long page that is not a listing (the first is ``route`` itself)."""
    return route if number == 1 else numbered_page_by_number(route, number)


def numbered_page_by_number(route: str, number: int) -> str:
    """Page ``number`` of a long page spelt as later pages are: for page 1, an alias of ``route``."""
    return f"{route}{PAGE_SEGMENT}/{number}/"


def sitemap_part(number: int) -> str:
    """Route of part ``number`` of a sitemap too long for one file (``SITEMAP`` is then their index)."""
    return f"sitemap-{number}.xml"


def cards_data(collection: str) -> str:
    """Route of the JSON file of the facet values of a long listing's cards, which its filter script fetches."""
    return f"{collection}/{FACET_SEGMENT}/cards.json"


_CARDS_DATA = re.compile(rf"[^/]+/{FACET_SEGMENT}/cards\.json")


def is_cards_data(route: str) -> bool:
    """True for the route of a long listing's cards data (``cards_data``)."""
    return _CARDS_DATA.fullmatch(route) is not None


def country(code: str) -> str:
    """Route of a country page (lower-case ISO code)."""
    return f"{COUNTRIES}{code.lower()}/"


def topic(slug: str) -> str:
    """Route of a topic page."""
    return f"{TOPICS}{slug}/"


def static(name: str) -> str:
    """Route of a static asset."""
    return f"{STATIC}{name}"


def search_file(name: str) -> str:
    """Route of a search data file (index, documents, lunr.js) under the search page."""
    return f"{SEARCH}{name}"


# RFC 6068: in a mailto: address, only unreserved characters and these may stay as written;
# '?', '#', '&', '=' and '%' would start headers, a fragment or an escape.
_MAILTO_SAFE = "@!$'()*+,;:-._~"


def mailto(address: str) -> str:
    """The ``mailto:`` link of an email address, %-escaped so the whole address is the recipient.

    ``x?cc=other@example.org`` is a valid address; written as is after ``mailto:``,
    a mail program would write to "x" and copy "other@example.org".
    """
    return "mailto:" + quote(address, safe=_MAILTO_SAFE)


# What may stay as written in a link's path, query and fragment besides letters, digits and
# "_.-~": the other URL code points of the WHATWG URL standard, and '%' when it starts an escape.
_URL_SAFE = "!$&'()*+,/:;=?@%"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def web_href(address: str) -> str:
    """An http(s) address from content as a link: characters a URL cannot hold %-escaped, as browsers do.

    ``https://example.org/?q=<x>`` or ``…/{id}|x`` work in a browser, which escapes them;
    written as is in ``href`` they make the page invalid HTML. Scheme and host (checked
    by the content schema) stay as written; a '%' that starts no escape and every '#'
    after the first are escaped too. Non-ASCII letters become %-escaped UTF-8.
    """
    parts = urlsplit(address)
    start = len(parts.scheme) + len("://") + len(parts.netloc)
    rest, hash_mark, fragment = address[start:].partition("#")
    escaped = quote(_LONE_PERCENT.sub("%25", rest), safe=_URL_SAFE)
    if hash_mark:
        escaped += "#" + quote(_LONE_PERCENT.sub("%25", fragment), safe=_URL_SAFE)
    return address[:start] + escaped


def output_file(route: str) -> str:
    """Relative output file for a route: clean URLs become ``index.html``."""
    return f"{route}index.html" if route == "" or route.endswith("/") else route


@dataclass(frozen=True)
class Urls:
    """Turn routes into links under the site's base URL."""

    base_url: str
    _hrefs: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)  # route -> link, made once

    @cached_property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    @cached_property
    def base_path(self) -> str:
        """The path part of the base URL, always starting and ending with '/'."""
        path = urlsplit(self.base_url).path or "/"
        return path if path.endswith("/") else path + "/"

    def href(self, route: str) -> str:
        """Root-relative link to a route, valid at any depth (404 pages too)."""
        link = self._hrefs.get(route)
        if link is None:
            link = self._hrefs[route] = self.base_path + quote(route, safe="/#?=&.-_~")
        return link

    def absolute(self, route: str) -> str:
        """Full URL of a route, for canonical links, the feed and the sitemap."""
        return self.origin + self.href(route)
