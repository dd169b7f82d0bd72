"""The linked catalog: validated entries with their relations and indexes.

Built once by the link stage so that no template has to scan the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Generic, TypeVar

from .schema import Elective, Entry, Page, Partner, Project, SiteConfig

E = TypeVar("E", bound=Entry)
ENTRY_COLLECTIONS: tuple[str, ...] = ("partners", "projects", "electives")


@dataclass(frozen=True)
class Item(Generic[E]):
    """One validated entry: its collection, slug, source file and fields."""

    collection: str
    slug: str
    source: str  # path of the source file, relative to the catalog root
    meta: E
    body: str
    body_line: int = 1

    @cached_property
    def key(self) -> tuple[str, str]:
        """(collection, slug): unique in a catalog (cached: looked up very often)."""
        return (self.collection, self.slug)

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass(frozen=True)
class Topic:
    """A tag and the published entries that carry it."""

    slug: str
    name: str
    items: tuple[Item[Entry], ...]


@dataclass
class Catalog:
    """Everything the render stage needs, with indexes built once."""

    site: SiteConfig
    partners: tuple[Item[Partner], ...] = ()
    projects: tuple[Item[Project], ...] = ()
    electives: tuple[Item[Elective], ...] = ()
    pages: tuple[Item[Page], ...] = ()
    drafts: tuple[Item[Entry], ...] = ()
    partner_by_slug: dict[str, Item[Partner]] = field(default_factory=dict)
    partner_links: dict[str, tuple[Item[Entry], ...]] = field(default_factory=dict)
    by_country: dict[str, tuple[Item[Entry], ...]] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    source_to_item: dict[str, Item[Entry]] = field(default_factory=dict)

    def collection(self, name: str) -> tuple[Item[Entry], ...]:
        """Return the published items of one collection."""
        return getattr(self, name)

    @property
    def entries(self) -> tuple[Item[Entry], ...]:
        """Every published partner, project and elective (not free pages)."""
        return self.partners + self.projects + self.electives

    @property
    def published(self) -> tuple[Item[Entry], ...]:
        """Every published item, free pages included."""
        return self.entries + self.pages


def replace_items(catalog: Catalog, swaps: dict[int, Item[Entry]]) -> Catalog:
    """The catalog with each item whose ``id`` is a key of ``swaps`` replaced by its value, in every list and index.

    For a new version of entries whose fields are unchanged (only the body or
    its line differ): their links and places in the indexes stand.
    """

    def swapped(value: Any) -> Any:
        if isinstance(value, Item):
            return swaps.get(id(value), value)
        if isinstance(value, tuple):
            return value if swaps.keys().isdisjoint(map(id, value)) else tuple(swaps.get(id(element), element) for element in value)
        if isinstance(value, Topic):
            items = swapped(value.items)
            return value if items is value.items else replace(value, items=items)
        if isinstance(value, dict):
            return {key: swapped(element) for key, element in value.items()}
        return value

    return replace(catalog, **{name.name: swapped(getattr(catalog, name.name)) for name in fields(catalog)})


def countries_of(item: Item[Entry]) -> tuple[str, ...]:
    """Return the ISO codes an item is about, in its own order."""
    meta = item.meta
    if isinstance(meta, Partner):
        return (meta.country,)
    return tuple(getattr(meta, "countries", ()))
