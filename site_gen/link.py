"""Link stage: validated items -> a ``Catalog`` with relations and indexes.

Checks the rules that span files (references to partners, reserved page
slugs) and builds back-links, the country index and the topic index.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from . import urls
from .catalog import ENTRY_COLLECTIONS, Catalog, Item, Topic, countries_of
from .slugs import tag_slug
from .problems import Problem
from .schema import Elective, Entry, Partner, Project, SiteConfig
from .source import Document

RESERVED_PAGE_SLUGS = frozenset(
    {"projects", "partners", "electives", "pages", "countries", "topics", "search", "collaborate",
     "static", "assets", "feed", "sitemap", "robots", "catalog", "index", "404", "search-index"}
)


def link_catalog(
    site: SiteConfig, items: Iterable[tuple[Item[Entry], Document]], content_name: str, partner_files: set[str]
) -> tuple[Catalog, list[Problem]]:
    """Resolve references and build the catalog's indexes.

    ``partner_files`` holds the slug of every partner file found, valid or not.
    """
    pairs = sorted(items, key=lambda pair: pair[0].key)
    problems: list[Problem] = []
    all_partners = partner_files | {item.slug for item, _ in pairs if item.collection == "partners"}
    for item, document in pairs:
        problems.extend(_reference_problems(item, document, all_partners, content_name))
        if item.collection == "pages" and item.slug in RESERVED_PAGE_SLUGS:
            problems.append(Problem(item.source, 1, f"page slug '{item.slug}' is reserved for the site's own /{item.slug}/ — rename the file"))
        if item.collection in ENTRY_COLLECTIONS and item.slug in urls.RESERVED_ENTRY_SLUGS:
            problems.append(Problem(item.source, 1, f"slug '{item.slug}' is reserved for the filter pages at /{item.collection}/{item.slug}/ — rename the file"))
    published = [item for item, _ in pairs if not item.meta.draft]
    grouped: dict[str, list[Item[Entry]]] = defaultdict(list)
    for item in published:
        grouped[item.collection].append(item)
    catalog = Catalog(
        site=site,
        partners=tuple(grouped["partners"]),  # type: ignore[arg-type]
        projects=tuple(grouped["projects"]),  # type: ignore[arg-type]
        electives=tuple(grouped["electives"]),  # type: ignore[arg-type]
        pages=tuple(grouped["pages"]),  # type: ignore[arg-type]
        drafts=tuple(item for item, _ in pairs if item.meta.draft),
    )
    _index(catalog)
    return catalog, problems


def partner_slugs(item: Item[Entry]) -> tuple[str, ...] | list[str]:
    """The slug of every partner an item points at (host or project partners), in order."""
    if item.collection == "projects":
        return item.meta.partners  # type: ignore[attr-defined, no-any-return]
    if item.collection == "electives" and item.meta.host:  # type: ignore[attr-defined]
        return (item.meta.host,)  # type: ignore[attr-defined]
    return ()


def partner_refs(item: Item[Entry]) -> tuple[tuple[str, str], ...]:
    """Return (field label, partner slug) for every partner an item points at."""
    meta = item.meta
    if isinstance(meta, Project):
        return tuple((f"partners[{index}]", slug) for index, slug in enumerate(meta.partners))
    if isinstance(meta, Elective) and meta.host:
        return (("host", meta.host),)
    return ()


def _reference_problems(item: Item[Entry], document: Document, partners: set[str], content_name: str) -> list[Problem]:
    if all(slug in partners for slug in partner_slugs(item)):
        return []
    problems = []
    for label, slug in partner_refs(item):
        if slug not in partners:
            path = ("partners", int(label[9:-1])) if label.startswith("partners[") else ("host",)
            problems.append(
                Problem(item.source, document.line_of(path), f"{label}: no partner '{slug}' ({content_name}/partners/{slug}.md does not exist)")
            )
    return problems


def _index(catalog: Catalog) -> None:
    """Fill the catalog's lookup tables from its published items."""
    partner_by_slug = catalog.partner_by_slug = {item.slug: item for item in catalog.partners}
    links: dict[str, list[Item[Entry]]] = defaultdict(list)
    countries: dict[str, list[Item[Entry]]] = defaultdict(list)
    topic_items: dict[str, list[Item[Entry]]] = defaultdict(list)
    topic_names: dict[str, str] = {}
    source_to_item = catalog.source_to_item
    for item in catalog.published:
        source_to_item[item.source] = item
        # No `item in list` scans: they made linking quadratic in large catalogs.
        refs = partner_slugs(item)
        for slug in dict.fromkeys(refs) if len(refs) > 1 else refs:
            if slug in partner_by_slug:
                links[slug].append(item)
        if item.collection != "pages":
            for code in countries_of(item):
                countries[code].append(item)
        for tag in item.meta.tags:
            slug = tag_slug(tag)
            members = topic_items[slug]
            if slug and (not members or members[-1] is not item):  # one entry per item
                members.append(item)
                topic_names.setdefault(slug, tag)
    topic_items.pop("", None)
    catalog.partner_links = {slug: tuple(items) for slug, items in sorted(links.items())}
    catalog.by_country = {code: tuple(items) for code, items in sorted(countries.items())}
    catalog.topics = {
        slug: Topic(slug, topic_names[slug], tuple(items)) for slug, items in sorted(topic_items.items())
    }


__all__ = ["link_catalog", "partner_refs", "RESERVED_PAGE_SLUGS", "Partner"]
