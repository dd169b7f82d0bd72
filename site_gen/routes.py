"""Plan stage: the linked catalog -> every HTML page to render, as ``Route`` values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from markupsafe import Markup

from . import urls
from .catalog import Catalog, Item
from .countries import country_name
from .schema import Entry
from .search import SearchAssets, search_facets

COLLECTION_TITLES = {"projects": "Projects", "partners": "Partners", "electives": "Electives"}
ENTRY_TEMPLATES = {"projects": "project.html", "partners": "partner.html", "electives": "elective.html", "pages": "page.html"}


@dataclass(frozen=True)
class Route:
    """One page: where it goes, which template renders it, and with what."""

    route: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def plan_routes(catalog: Catalog, bodies: dict[tuple[str, str], Markup], search: SearchAssets | None = None) -> Iterator[Route]:
    """Yield every HTML page of the site in a fixed order."""
    yield Route(urls.HOME, "home.html", {"title": catalog.site.title, "description": catalog.site.description})
    for collection, title in COLLECTION_TITLES.items():
        yield Route(urls.listing(collection), "listing.html", {
            "title": title, "description": f"{title} of {catalog.site.title}",
            "collection": collection, "items": catalog.collection(collection),
        })
    for item in catalog.published:
        yield _entry_route(catalog, item, bodies[item.key])
    yield Route(urls.COUNTRIES, "countries.html", {"title": "Countries", "description": f"Where {catalog.site.title} works"})
    for code, items in catalog.by_country.items():
        name = country_name(code)
        yield Route(urls.country(code), "country.html", {
            "title": name, "description": f"Projects, partners and electives in {name}", "code": code, "items": items,
        })
    yield Route(urls.TOPICS, "topics.html", {"title": "Topics", "description": f"Topics of {catalog.site.title}"})
    for topic in catalog.topics.values():
        yield Route(urls.topic(topic.slug), "topic.html", {
            "title": topic.name, "description": f"Everything tagged {topic.name}", "topic": topic,
        })
    yield Route(urls.COLLABORATE, "collaborate.html", {
        "title": "Collaborate", "description": "Projects looking for collaborators, funding, faculty, trainees or partners",
        "items": tuple(item for item in catalog.projects if item.meta.seeking),
    })
    yield Route(urls.SEARCH, "search.html", {
        "title": "Search", "description": f"Search {catalog.site.title}", "search": search, "facets": search_facets(catalog),
    })
    yield Route(urls.NOT_FOUND, "404.html", {"title": "Page not found", "description": "This page does not exist."})


def _entry_route(catalog: Catalog, item: Item[Entry], body: Markup) -> Route:
    context: dict[str, Any] = {
        "title": item.meta.title, "description": item.meta.summary, "item": item, "meta": item.meta, "body": body,
    }
    return Route(urls.entry(item.collection, item.slug), ENTRY_TEMPLATES[item.collection], context)
