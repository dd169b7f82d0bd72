"""Headline figures of the home page, computed from the linked catalog."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import humanize, urls
from .catalog import Catalog


@dataclass(frozen=True)
class Figure:
    """One headline number, what it counts, and the page that shows it."""

    value: int
    label: str
    route: str


def accepting_applications(catalog: Catalog, today: date) -> int:
    """Electives open now: a deadline today or later, or rolling admissions."""
    return sum(1 for item in catalog.electives if humanize.deadline_state(item.meta, today) != "closed")


def people_reached(catalog: Catalog) -> int:
    """The sum of every published project's ``people_reached``."""
    return sum(item.meta.people_reached or 0 for item in catalog.projects)


def _plural(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def headline_figures(catalog: Catalog, today: date) -> tuple[Figure, ...]:
    """Projects, partners, countries, electives open now and people reached.

    People reached only when some project gives the number: "0 people reached" would claim what no entry says.
    """
    counts = (
        (len(catalog.projects), "project", "projects", urls.listing("projects")),
        (len(catalog.partners), "partner institution", "partner institutions", urls.listing("partners")),
        (len(catalog.by_country), "country", "countries", urls.COUNTRIES),
        (accepting_applications(catalog, today), "elective open now", "electives open now", urls.listing("electives")),
    )
    if any(item.meta.people_reached is not None for item in catalog.projects):
        counts += ((people_reached(catalog), "person reached", "people reached", urls.listing("projects")),)
    return tuple(Figure(value, _plural(value, one, many), route) for value, one, many, route in counts)
