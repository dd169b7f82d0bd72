"""Feeds for machines: ``sitemap.xml``, ``feed.xml`` (Atom) and ``robots.txt``."""

from __future__ import annotations

from datetime import date
from typing import Iterable
from xml.etree import ElementTree as etree

from . import urls
from .catalog import Catalog, Item
from .schema import Entry

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 100
SITEMAP_LIMIT = 50_000  # URLs in one sitemap file (sitemaps.org)


def _xml(root: etree.Element) -> bytes:
    etree.indent(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def sitemap_files(routes: Iterable[str], url_maker: urls.Urls, lastmod: dict[str, date]) -> list[tuple[str, bytes]]:
    """``sitemap.xml`` listing every HTML page by its absolute URL, as (route, bytes).

    The protocol allows ``SITEMAP_LIMIT`` URLs a file (search engines refuse a longer
    one; a catalog of about 40,000 entries has more pages): past it, ``sitemap.xml``
    is an index of ``sitemap-1.xml``, ``sitemap-2.xml``…, which hold the pages in order.
    """
    pages = [route for route in routes if route != urls.NOT_FOUND and (route == urls.HOME or route.endswith("/"))]  # (not data files)
    if len(pages) <= SITEMAP_LIMIT:
        return [(urls.SITEMAP, _urlset(pages, url_maker, lastmod))]
    parts = [pages[start:start + SITEMAP_LIMIT] for start in range(0, len(pages), SITEMAP_LIMIT)]
    names = [urls.sitemap_part(number) for number in range(1, len(parts) + 1)]
    index = etree.Element("sitemapindex", {"xmlns": SITEMAP})
    for name, part in zip(names, parts):
        entry = etree.SubElement(index, "sitemap")
        etree.SubElement(entry, "loc").text = url_maker.absolute(name)
        dates = [lastmod[route] for route in part if route in lastmod]
        if dates:
            etree.SubElement(entry, "lastmod").text = max(dates).isoformat()
    return [(urls.SITEMAP, _xml(index)), *((name, _urlset(part, url_maker, lastmod)) for name, part in zip(names, parts))]


def _urlset(pages: list[str], url_maker: urls.Urls, lastmod: dict[str, date]) -> bytes:
    root = etree.Element("urlset", {"xmlns": SITEMAP})
    for route in pages:
        url = etree.SubElement(root, "url")
        etree.SubElement(url, "loc").text = url_maker.absolute(route)
        if route in lastmod:
            etree.SubElement(url, "lastmod").text = lastmod[route].isoformat()
    return _xml(root)


def _timestamp(value: date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def feed_items(catalog: Catalog) -> list[Item[Entry]]:
    """Entries newest first by ``updated`` (undated last), at most ``FEED_SIZE``."""
    dated = sorted(catalog.entries, key=lambda item: (item.meta.updated is None, -(item.meta.updated or date.min).toordinal(), item.meta.title.casefold(), item.key))
    return dated[:FEED_SIZE]


def feed_xml(catalog: Catalog, url_maker: urls.Urls, fallback: date) -> bytes:
    """An Atom feed of the newest entries."""
    items = feed_items(catalog)
    newest = max((item.meta.updated for item in catalog.entries if item.meta.updated), default=fallback)
    root = etree.Element("feed", {"xmlns": ATOM})
    etree.SubElement(root, "title").text = catalog.site.title
    etree.SubElement(root, "subtitle").text = catalog.site.description
    etree.SubElement(root, "id").text = url_maker.absolute(urls.HOME)
    etree.SubElement(root, "link", {"href": url_maker.absolute(urls.HOME)})
    etree.SubElement(root, "link", {"rel": "self", "href": url_maker.absolute(urls.FEED)})
    etree.SubElement(root, "updated").text = _timestamp(newest)
    author = etree.SubElement(root, "author")
    etree.SubElement(author, "name").text = catalog.site.title
    for item in items:
        url = url_maker.absolute(urls.entry(item.collection, item.slug))
        entry = etree.SubElement(root, "entry")
        etree.SubElement(entry, "title").text = item.meta.title
        etree.SubElement(entry, "id").text = url
        etree.SubElement(entry, "link", {"href": url})
        etree.SubElement(entry, "updated").text = _timestamp(item.meta.updated or newest)
        etree.SubElement(entry, "summary").text = item.meta.summary
        etree.SubElement(entry, "category", {"term": item.collection})
    return _xml(root)


def robots_txt(url_maker: urls.Urls) -> bytes:
    """Allow everything and point crawlers at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {url_maker.absolute(urls.SITEMAP)}\n".encode()
