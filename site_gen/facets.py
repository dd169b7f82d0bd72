"""Listings and facets: how each collection is sorted and filtered.

Pure functions of the linked catalog, used by the plan stage: the order of
every listing, the facet values of each item (for static facet pages and the
checkbox filter's data attributes), and the facets of a collection.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Sequence

from . import humanize
from .catalog import Item, countries_of
from .countries import country_name
from .regions import region_of
from .schema import AUDIENCES, CATEGORIES, DIRECTIONS, FORMATS, PARTNER_KINDS, PROJECT_KINDS, PROJECT_STATUSES, Entry

# Facets of each listing, in the order the filter shows them.
FACETS: dict[str, tuple[str, ...]] = {
    "electives": ("category", "format", "audience", "direction", "region", "country"),
    "projects": ("kind", "status", "region", "country"),
    "partners": ("kind", "region", "country"),
}
FACET_TITLES = {
    "category": "Category", "format": "Format", "audience": "Who may apply", "direction": "Direction",
    "region": "Region", "country": "Country", "kind": "Kind", "status": "Status",
}
# Enumerated values keep the schema's order; countries and regions go by name.
_ENUM_ORDER: dict[str, Sequence[str]] = {
    "category": CATEGORIES, "format": FORMATS, "audience": AUDIENCES, "direction": DIRECTIONS, "status": PROJECT_STATUSES,
}
_KIND_ORDER = {"projects": PROJECT_KINDS, "partners": PARTNER_KINDS}
DEADLINE_ORDER = {"open": 0, "rolling": 1, "closed": 2}
STATUS_ORDER = {status: index for index, status in enumerate(("active", "planned", "completed"))}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet and the items that have it, in listing order."""

    facet: str
    slug: str
    label: str
    items: tuple[Item[Entry], ...]


@dataclass(frozen=True)
class Facet:
    """A facet of a listing ("category") and its values that occur."""

    name: str
    title: str
    values: tuple[FacetValue, ...]


def facet_values(item: Item[Entry], facet: str) -> tuple[tuple[str, str], ...]:
    """Return (slug, label) of every value an item has for a facet, in a fixed order."""
    if facet == "country":
        return tuple((code.lower(), country_name(code)) for code in countries_of(item))
    if facet == "region":
        areas = {area for area in (region_of(code) for code in countries_of(item)) if area is not None}
        return tuple((area.slug, area.name) for area in sorted(areas, key=lambda area: area.name))
    value = getattr(item.meta, facet)
    values = value if isinstance(value, tuple | list) else (value,)
    return tuple((v, humanize.label(v)) for v in values)


def facet_tokens(item: Item[Entry]) -> str:
    """Space-separated ``facet:value`` tokens of an item, for the filter script."""
    return " ".join(f"{facet}:{slug}" for facet in FACETS.get(item.collection, ()) for slug, _ in facet_values(item, facet))


def _value_order(collection: str, facet: str) -> Callable[[tuple[str, str]], tuple[int, str]]:
    order = _ENUM_ORDER.get(facet) or (_KIND_ORDER.get(collection, ()) if facet == "kind" else ())
    rank = {value: index for index, value in enumerate(order)}
    return lambda pair: (rank.get(pair[0], len(rank)), humanize.sort_key(pair[1]))


def build_facets(collection: str, items: Iterable[Item[Entry]]) -> tuple[Facet, ...]:
    """Every facet of a listing with the values its items have (items keep their order)."""
    facets = []
    ordered = tuple(items)
    for name in FACETS.get(collection, ()):
        grouped: dict[tuple[str, str], list[Item[Entry]]] = defaultdict(list)
        for item in ordered:
            for pair in facet_values(item, name):
                grouped[pair].append(item)
        values = tuple(
            FacetValue(name, slug, label, tuple(grouped[(slug, label)]))
            for slug, label in sorted(grouped, key=_value_order(collection, name))
        )
        facets.append(Facet(name, FACET_TITLES[name], values))
    return tuple(facets)


def choosable(facets: Iterable[Facet], total: int) -> tuple[Facet, ...]:
    """The facets a filter offers: not one whose only value every item of the listing has (choosing it changes nothing).

    Its static pages are still written: a body may link to one.
    """
    return tuple(facet for facet in facets if not (len(facet.values) == 1 and len(facet.values[0].items) == total))


def elective_order(item: Item[Entry], today: date) -> tuple[int, int, str, str]:
    """Open electives by nearest deadline, then rolling admissions, then closed (latest first)."""
    state = humanize.deadline_state(item.meta, today)  # type: ignore[arg-type]
    deadline = getattr(item.meta, "deadline", None)
    days = (deadline - today).days if deadline is not None else 0
    return (DEADLINE_ORDER[state], days if state == "open" else -days, humanize.sort_key(item.title), item.slug)


def listing_key(item: Item[Entry]) -> tuple[int, str, str]:
    """The part of a listing's order that is the same every day: a project's status, then the title."""
    status = STATUS_ORDER[item.meta.status] if item.collection == "projects" else 0  # type: ignore[attr-defined]
    return (status, humanize.sort_key(item.title), item.slug)


def sort_listing(collection: str, items: Iterable[Item[Entry]], today: date) -> tuple[Item[Entry], ...]:
    """Order a collection's listing: electives by deadline, projects by status, partners by name."""
    if collection == "electives":
        return tuple(sorted(items, key=lambda item: elective_order(item, today)))
    return tuple(sorted(items, key=listing_key))


def newest(items: Iterable[Item[Entry]], count: int) -> tuple[Item[Entry], ...]:
    """The ``count`` most recently updated items (those with an ``updated`` date)."""
    dated = [item for item in items if item.meta.updated is not None]
    return tuple(sorted(dated, key=lambda item: (-item.meta.updated.toordinal(), humanize.sort_key(item.title), item.slug))[:count])  # type: ignore[union-attr]
