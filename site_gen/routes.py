"""Plan stage: the linked catalog -> every HTML page to render, as ``Route`` values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from markupsafe import Markup

from . import humanize, urls
from .catalog import ENTRY_COLLECTIONS, Catalog, Item
from .countries import country_name
from .facets import Facet, FacetValue, build_facets, choosable, newest, sort_listing
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
# Cards per page of a listing, filter, topic, country or collaborate page: at 10,000
# entries a page of the elective listing is about 120 KB (15 KB gzip), not 5.3 MB.
PAGE_SIZE = 50
PAGER_REACH = 2  # page numbers linked on either side of the current one
FIRST_PAGE_ALIAS = "first-page.html"  # the template of ".../page/1/", which sends the visitor to the list's first page

T = TypeVar("T")


@dataclass(frozen=True)
class Route:
    """One page: where it goes, which template renders it, and with what."""

    route: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    findable: bool = True  # False for a page search engines should not list (an alias): left out of the sitemap


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


@dataclass(frozen=True)
class Pager:
    """Where one page of a long list sits among its pages."""

    number: int  # counted from 1
    routes: tuple[str, ...]  # every page's route, first to last
    first: int = 1  # the position in the whole list of this page's first item, counted from 1
    last: int = 0  # the position of its last item

    @property
    def count(self) -> int:
        return len(self.routes)

    @property
    def previous(self) -> str | None:
        return self.routes[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.routes[self.number] if self.number < self.count else None

    def links(self) -> tuple[tuple[int, str] | None, ...]:
        """(number, route) of the pages to link: the first, the last and the nearest; None where numbers are left out."""
        shown = sorted({1, self.count, *range(max(1, self.number - PAGER_REACH), min(self.count, self.number + PAGER_REACH) + 1)})
        links: list[tuple[int, str] | None] = []
        for number in shown:
            if links and number - links[-1][0] == 2:  # type: ignore[index]  # a gap of one page: link it, not "…"
                links.append((number - 1, self.routes[number - 2]))
            elif links and number - links[-1][0] > 2:  # type: ignore[index]
                links.append(None)
            links.append((number, self.routes[number - 1]))
        return tuple(links)


def split_pages(items: Sequence[T], size: int | None = None) -> list[tuple[T, ...]]:
    """Cut a list into pages of ``size`` (default ``PAGE_SIZE``; one empty page for an empty list)."""
    size = size or PAGE_SIZE
    return [tuple(items[start:start + size]) for start in range(0, len(items), size)] or [()]


def split_groups(groups: Sequence[Group], size: int | None = None) -> list[tuple[Group, ...]]:
    """Cut titled groups into pages of ``size`` items (default ``PAGE_SIZE``); a group that spans pages keeps its title on each."""
    size = size or PAGE_SIZE
    pages: list[list[Group]] = [[]]
    room = size
    for group in groups:
        rest = group.items
        while rest:
            if room == 0:
                pages.append([])
                room = size
            taken, rest = rest[:room], rest[room:]
            pages[-1].append(replace(group, items=taken))
            room -= len(taken)
    return [tuple(page) for page in pages]


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
        yield from entry_routes(item, bodies[item.key], catalog, today)
    yield Route(urls.COUNTRIES, "countries.html", {
        "title": "Countries", "description": f"Where {catalog.site.title} works, by region",
        "regions": countries_by_region(catalog), "map": world_view(), "map_counts": map_counts(catalog),
        "markers": small_country_markers(catalog.by_country),
    })
    for code, items in catalog.by_country.items():
        yield from _country_routes(code, items, today)
    yield Route(urls.TOPICS, "topics.html", {
        "title": "Topics", "description": f"Topics of {catalog.site.title}",
        "topics": tuple(sorted(catalog.topics.values(), key=lambda topic: (humanize.sort_key(topic.name), topic.slug))),
    })
    for topic in catalog.topics.values():
        yield from grouped_routes(urls.topic(topic.slug), "topic.html", by_collection(topic.items, today), {
            "title": topic.name, "description": f"Everything tagged {topic.name}", "topic": topic,
        })
    yield from grouped_routes(urls.COLLABORATE, "collaborate.html", seeking_groups(catalog), {
        "title": "Collaborate", "description": "Projects looking for collaborators, funding, faculty, trainees or partners",
    })
    yield Route(urls.SEARCH, "search.html", {
        "title": "Search", "description": f"Search {catalog.site.title}", "search": search, "facets": search_facets(catalog),
    })
    yield Route(urls.NOT_FOUND, "404.html", {"title": "Page not found", "description": "This page does not exist."})


def seeking_groups(catalog: Catalog) -> tuple[Group, ...]:
    """Group the projects open to collaboration by what they seek (the group's title), in the schema's order."""
    groups = (Group(need, tuple(item for item in catalog.projects if need in item.meta.seeking), "projects") for need in SEEKING)
    return tuple(group for group in groups if group.items)


def numbered_routes(
    route_of: Callable[[int], str], pages: Sequence[Any], template: str, context: dict[str, Any], key: str, first_alias: str | None = None,
) -> Iterator[Route]:
    """One route per page of a long list, each with its share as ``context[key]`` and a ``pager`` (None if one page).

    A list of several pages also gets ``first_alias`` (its first page spelt by number,
    ".../page/1/"), which sends the visitor to the first page: people edit the number
    in the address bar, and a link to page 1 may have been written anywhere.
    """
    routes = tuple(route_of(number) for number in range(1, len(pages) + 1))
    last = 0
    for number, (route, page) in enumerate(zip(routes, pages), start=1):
        first, last = last + 1, last + sum(len(part.items) if isinstance(part, Group) else 1 for part in page)
        yield Route(route, template, {**context, key: page, "pager": Pager(number, routes, first, last) if len(routes) > 1 else None})
    if first_alias is not None and len(routes) > 1:
        yield first_page_alias(first_alias, routes[0], context["title"])


def first_page_alias(route: str, target: str, title: str) -> Route:
    """A page at ``route`` that sends the visitor to ``target`` (``title``): no JavaScript, not in the sitemap."""
    return Route(route, FIRST_PAGE_ALIAS, {"title": title, "target": target}, findable=False)


def grouped_routes(route: str, template: str, groups: tuple[Group, ...], context: dict[str, Any]) -> Iterator[Route]:
    """The pages of a page of titled groups: ``groups`` is each page's share, ``all_groups`` the whole,
    ``group_routes`` the page on which each group (by title) begins."""
    pages = split_groups(groups)
    starts: dict[str, str] = {}
    for number, page in enumerate(pages, start=1):
        for group in page:
            starts.setdefault(group.title, urls.numbered_page(route, number))
    context = {**context, "all_groups": groups, "group_routes": starts}
    yield from numbered_routes(lambda number: urls.numbered_page(route, number), pages, template, context, "groups",
                               urls.numbered_page_by_number(route, 1))


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
    offered = choosable(facets, len(items))
    pages = split_pages(items)
    paged = len(pages) > 1  # the filter script then fetches the cards' facet values, and the cards it shows from the facet pages
    yield from numbered_routes(lambda number: urls.listing_page(collection, number), pages, "listing.html", {
        "title": title, "description": f"{title} of {catalog.site.title}", "collection": collection, "facets": offered,
        "current": None, "matched": len(items), "total": len(items), "noun": COLLECTION_NOUNS[collection],
        "cards_data": urls.cards_data(collection) if paged else None, "page_size": len(pages[0]),
    }, "items", urls.listing_page_by_number(collection, 1))
    if paged:
        yield Route(urls.cards_data(collection), "cards.json", {"items": items})
    for facet in facets:
        for value in facet.values:
            yield from _facet_routes(catalog, collection, offered, facet, value, len(items))


def _facet_routes(catalog: Catalog, collection: str, facets: tuple[Facet, ...], facet: Facet, value: FacetValue, total: int) -> Iterator[Route]:
    title = f"{COLLECTION_TITLES[collection]}: {value.label}"
    route = urls.facet(collection, facet.name, value.slug)
    yield from numbered_routes(lambda number: urls.numbered_page(route, number), split_pages(value.items), "listing.html", {
        "title": title, "description": f"{COLLECTION_TITLES[collection]} of {catalog.site.title} — {facet.title}: {value.label}",
        "collection": collection, "facets": facets, "current": value, "matched": len(value.items), "total": total,
        "noun": COLLECTION_NOUNS[collection], "cards_data": None,
    }, "items", urls.numbered_page_by_number(route, 1))


def _country_routes(code: str, items: tuple[Item[Entry], ...], today: date) -> Iterator[Route]:
    name = country_name(code)
    yield from grouped_routes(urls.country(code), "country.html", by_collection(items, today), {
        "title": name, "description": f"Projects, partners and electives in {name}", "code": code, "place": placement(code),
    })


def entry_routes(item: Item[Entry], body: Markup, catalog: Catalog, today: date) -> Iterator[Route]:
    """The page of one published item; a partner's projects and electives continue on later pages when there are many.

    A partner may host thousands of electives: its page shows the first ``PAGE_SIZE`` of
    them, each collection sorted like its listing, and links ".../page/2/" and onwards.
    """
    route = entry_route(item, body)
    if item.collection != "partners":
        yield route
        return
    groups = by_collection(catalog.partner_links.get(item.slug, ()), today)
    yield from grouped_routes(route.route, route.template, groups, route.context)


def entry_route(item: Item[Entry], body: Markup) -> Route:
    """The page of one published item (of a partner, without its projects and electives: see ``entry_routes``)."""
    context: dict[str, Any] = {
        "title": item.meta.title, "description": item.meta.summary, "item": item, "meta": item.meta, "body": body,
    }
    return Route(urls.entry(item.collection, item.slug), ENTRY_TEMPLATES[item.collection], context)
