"""Plan stage: the linked catalog -> every HTML page to render, as ``Route`` values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Iterator

from markupsafe import Markup

from . import humanize, urls
from .catalog import ENTRY_COLLECTIONS, Catalog, Item
from .countries import country_name
from .facets import Facet, FacetValue, build_facets, newest, sort_listing
from .figures import headline_figures
from .regions import placement
from .schema import SEEKING, Entry
from .search import SearchAssets, search_facets
from .worldmap import small_country_markers, world_view

COLLECTION_TITLES = {"projects": "Projects", "partners": "Partners", "electives": "Electives"}
ENTRY_TEMPLATES = {"projects": "project.html", "partners": "partner.html", "electives": "elective.html", "pages": "page.html"}
COLLECTION_NOUNS = {"projects": "project", "partners": "partner", "electives": "elective", "pages": "page"}
NEWEST_COUNT = 6
OTHER_REGION = "Other places"


@dataclass(frozen=True)
class Route:
    """One page: where it goes, which template renders it, and with what."""

    route: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CountryRow:
    """A country with the number of published entries about it."""

    code: str
    name: str
    count: int


@dataclass(frozen=True)
class Group:
    """A titled group of items (a collection on a country page, a region of countries)."""

    title: str
    items: tuple[Any, ...]
    collection: str = ""

    @property
    def noun(self) -> str:
        """The singular noun of the group's collection ("elective")."""
        return COLLECTION_NOUNS.get(self.collection, "entry")


def country_rows(catalog: Catalog) -> tuple[CountryRow, ...]:
    """Every country with entries, by name."""
    rows = (CountryRow(code, country_name(code), len(items)) for code, items in catalog.by_country.items())
    return tuple(sorted(rows, key=lambda row: (humanize.sort_key(row.name), row.code)))


def map_counts(catalog: Catalog) -> dict[str, int]:
    """Number of published entries per country code, for shading the map."""
    return {code: len(items) for code, items in catalog.by_country.items()}


def countries_by_region(catalog: Catalog) -> tuple[Group, ...]:
    """Countries with entries grouped by UN M49 region, regions by name, unplaced last."""
    grouped: dict[str, list[CountryRow]] = {}
    for row in country_rows(catalog):
        region = placement(row.code).region
        grouped.setdefault(region.name if region else OTHER_REGION, []).append(row)
    order = sorted(grouped, key=lambda name: (name == OTHER_REGION, name))
    return tuple(Group(name, tuple(grouped[name])) for name in order)


def by_collection(items: Iterable[Item[Entry]], today: date) -> tuple[Group, ...]:
    """Items grouped by collection (projects, electives, partners, pages), each sorted like its listing."""
    items = tuple(items)
    groups = []
    for collection in ("projects", "electives", "partners", "pages"):
        members = [item for item in items if item.collection == collection]
        if members:
            title = COLLECTION_TITLES.get(collection, "Pages")
            groups.append(Group(title, sort_listing(collection, members, today), collection))
    return tuple(groups)


def plan_routes(
    catalog: Catalog, bodies: dict[tuple[str, str], Markup], today: date, search: SearchAssets | None = None,
) -> Iterator[Route]:
    """Yield every HTML page of the site in a fixed order."""
    yield _home_route(catalog, today)
    for collection in ENTRY_COLLECTIONS:
        yield from _listing_routes(catalog, collection, today)
    for item in catalog.published:
        yield entry_route(item, bodies[item.key])
    yield Route(urls.COUNTRIES, "countries.html", {
        "title": "Countries", "description": f"Where {catalog.site.title} works, by region",
        "regions": countries_by_region(catalog), "map": world_view(), "map_counts": map_counts(catalog),
        "markers": small_country_markers(catalog.by_country),
    })
    for code, items in catalog.by_country.items():
        yield _country_route(code, items, today)
    yield Route(urls.TOPICS, "topics.html", {
        "title": "Topics", "description": f"Topics of {catalog.site.title}",
        "topics": tuple(sorted(catalog.topics.values(), key=lambda topic: (humanize.sort_key(topic.name), topic.slug))),
    })
    for topic in catalog.topics.values():
        yield Route(urls.topic(topic.slug), "topic.html", {
            "title": topic.name, "description": f"Everything tagged {topic.name}", "topic": topic,
            "groups": by_collection(topic.items, today),
        })
    yield Route(urls.COLLABORATE, "collaborate.html", {
        "title": "Collaborate", "description": "Projects looking for collaborators, funding, faculty, trainees or partners",
        "groups": seeking_groups(catalog),
    })
    yield Route(urls.SEARCH, "search.html", {
        "title": "Search", "description": f"Search {catalog.site.title}", "search": search, "facets": search_facets(catalog),
    })
    yield Route(urls.NOT_FOUND, "404.html", {"title": "Page not found", "description": "This page does not exist."})


def seeking_groups(catalog: Catalog) -> tuple[tuple[str, tuple[Item[Entry], ...]], ...]:
    """Group the projects open to collaboration by what they seek, in the schema's order."""
    groups = ((need, tuple(item for item in catalog.projects if need in item.meta.seeking)) for need in SEEKING)
    return tuple((need, items) for need, items in groups if items)


def _home_route(catalog: Catalog, today: date) -> Route:
    return Route(urls.HOME, "home.html", {
        "title": catalog.site.title, "description": catalog.site.description,
        "figures": headline_figures(catalog, today), "map": world_view(), "countries": country_rows(catalog),
        "map_counts": map_counts(catalog), "markers": small_country_markers(catalog.by_country),
        "newest": newest(catalog.entries, NEWEST_COUNT),
    })


def _listing_routes(catalog: Catalog, collection: str, today: date) -> Iterator[Route]:
    """The listing of a collection, then one static page per facet value."""
    title = COLLECTION_TITLES[collection]
    items = sort_listing(collection, catalog.collection(collection), today)
    facets = build_facets(collection, items)
    yield Route(urls.listing(collection), "listing.html", {
        "title": title, "description": f"{title} of {catalog.site.title}", "collection": collection,
        "items": items, "facets": facets, "current": None, "total": len(items), "noun": COLLECTION_NOUNS[collection],
    })
    for facet in facets:
        for value in facet.values:
            yield _facet_route(catalog, collection, facets, facet, value, len(items))


def _facet_route(catalog: Catalog, collection: str, facets: tuple[Facet, ...], facet: Facet, value: FacetValue, total: int) -> Route:
    title = f"{COLLECTION_TITLES[collection]}: {value.label}"
    return Route(urls.facet(collection, facet.name, value.slug), "listing.html", {
        "title": title, "description": f"{COLLECTION_TITLES[collection]} of {catalog.site.title} — {facet.title}: {value.label}",
        "collection": collection, "items": value.items, "facets": facets, "current": value, "total": total,
        "noun": COLLECTION_NOUNS[collection],
    })


def _country_route(code: str, items: tuple[Item[Entry], ...], today: date) -> Route:
    name = country_name(code)
    return Route(urls.country(code), "country.html", {
        "title": name, "description": f"Projects, partners and electives in {name}", "code": code,
        "items": items, "groups": by_collection(items, today), "place": placement(code),
    })


def entry_route(item: Item[Entry], body: Markup) -> Route:
    """The page of one published item."""
    context: dict[str, Any] = {
        "title": item.meta.title, "description": item.meta.summary, "item": item, "meta": item.meta, "body": body,
    }
    return Route(urls.entry(item.collection, item.slug), ENTRY_TEMPLATES[item.collection], context)
