"""Link stage: validated items -> a ``Catalog`` with relations and indexes.

Checks the rules that span files (references to partners, reserved page
slugs) and builds back-links, the country index and the topic index.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from . import urls
from .catalog import ENTRY_COLLECTIONS, Catalog, Item, Topic, countries_of
from .slugs import SLUG_RE, tag_slug
from .problems import Problem
from .schema import Elective, Entry, Partner, Project, SiteConfig
from .source import Document
from .suggest import closest
from .validate import validate_document

# Free pages live at /<slug>/: a slug may not be one of the site's own top-level folders.
RESERVED_PAGE_SLUGS = frozenset(
    {*ENTRY_COLLECTIONS, *(route.strip("/") for route in (urls.SEARCH, urls.COLLABORATE, urls.COUNTRIES, urls.TOPICS, urls.STATIC))}
)


def link_catalog(site: SiteConfig, items: Iterable[tuple[Item[Entry], Document]]) -> Catalog:
    """Build the catalog's relations and indexes from valid items (``cross_file_problems`` checks them first)."""
    pairs = sorted(items, key=lambda pair: pair[0].key)
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
    return catalog


def cross_file_problems(
    documents: Iterable[Document], items: dict[str, Item[Entry]], partner_files: set[str], content_name: str
) -> list[Problem]:
    """The rules that span files: references to partners, and slugs reserved for the site's own pages.

    Checked on every document that could be read, valid or not (``items`` maps
    the path of each valid one to its item), so that a mistake in one field
    never hides a missing partner in another. ``partner_files`` holds the slug of
    every partner file found, valid or not: a reference to a partner file with
    problems of its own is not also reported as missing.
    """
    documents = list(documents)
    drafts = {item.slug for item in items.values() if item.collection == "partners" and item.meta.draft}
    # A partner saved in another folder: a file there that is not valid as its folder's kind but is as a partner.
    others = {document.slug: document for document in documents if document.collection != "partners" and document.path not in items}
    problems: list[Problem] = []
    for document in documents:
        item = items.get(document.path)
        refs = partner_refs(item) if item is not None else _written_partner_refs(document)
        is_draft = item.meta.draft if item is not None else document.says_draft
        for label, slug in refs:
            line = document.line_of(("partners", int(label[9:-1])) if label.startswith("partners[") else ("host",))
            if slug not in partner_files:
                match = closest(slug, partner_files)
                hint = f"; did you mean '{match}'?" if match and match != slug else ""
                misplaced = others.get(slug)
                if misplaced is not None and validate_document(misplaced, Partner)[0] is not None:
                    hint = f"; the file of that name is {misplaced.path}, not in partners/"
                problems.append(Problem(document.path, line, f"{label}: no partner '{slug}' ({content_name}/partners/{slug}.md does not exist{hint})"))
            elif slug in drafts and not is_draft:
                problems.append(Problem(document.path, line, (
                    f"{label}: partner '{slug}' is a draft and is not published ({content_name}/partners/{slug}.md has draft: true)"
                    " — publish the partner first, or make this entry a draft too"
                )))
        collection, slug = document.collection, document.slug
        if collection == "pages" and slug in RESERVED_PAGE_SLUGS:
            problems.append(Problem(document.path, 1, f"page slug '{slug}' is reserved for the site's own /{slug}/ — rename the file"))
        if collection in ENTRY_COLLECTIONS and slug in urls.RESERVED_ENTRY_SLUGS:
            problems.append(Problem(document.path, 1, f"slug '{slug}' is reserved for the filter pages at /{collection}/{slug}/ — rename the file"))
    return problems


def _written_partner_refs(document: Document) -> tuple[tuple[str, str], ...]:
    """(field label, slug) of each partner reference written in a document that did not validate.

    Only values shaped like a slug count: any other value has a problem of its own.
    """
    if document.collection == "projects" and isinstance(document.data.get("partners"), list):
        return tuple((f"partners[{index}]", slug) for index, slug in enumerate(document.data["partners"])
                     if isinstance(slug, str) and SLUG_RE.fullmatch(slug))
    host = document.data.get("host") if document.collection == "electives" else None
    return (("host", host),) if isinstance(host, str) and SLUG_RE.fullmatch(host) else ()


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


__all__ = ["link_catalog", "cross_file_problems", "partner_refs", "RESERVED_PAGE_SLUGS", "Partner"]
