"""Related entries: for one entry, a few others in the same country or with shared tags.

Entries the page already links to (its host or partners, a partner's projects and
electives) are left out: related entries are for discovering something new.

``RelatedIndex`` numbers every candidate once, in tie-break order (collection,
title, slug), and keeps the catalog's country and topic indexes as lists of those
numbers, so scoring one entry is a few C-level counts and a top-k pick rather
than sorting every candidate (entry pages of a 10,000-entry catalog would
otherwise spend most of their time here). The ranking is deterministic.
"""

from __future__ import annotations

import heapq
from collections import Counter

from .catalog import Catalog, Item, countries_of
from .link import partner_refs
from .schema import Entry
from .slugs import tag_slug

COUNTRY_WEIGHT = 2  # sharing a country says more than sharing one tag
TAG_WEIGHT = 1
COLLECTION_ORDER = {"electives": 0, "projects": 1, "partners": 2}


class RelatedIndex:
    """The catalog's country and topic indexes as candidate numbers, for fast scoring."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        candidates = (item for item in catalog.published if item.collection != "pages")
        self.ranked: list[Item[Entry]] = sorted(candidates, key=lambda other: (COLLECTION_ORDER.get(other.collection, 9), other.title, other.slug))
        self.number = {item.key: number for number, item in enumerate(self.ranked)}
        self.by_country = {code: self._numbers(items) for code, items in catalog.by_country.items()}
        self.by_topic = {slug: self._numbers(topic.items) for slug, topic in catalog.topics.items()}

    def _numbers(self, items: tuple[Item[Entry], ...]) -> list[int]:
        return [self.number[item.key] for item in items if item.key in self.number]

    def related(self, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
        """Return up to ``limit`` published entries most related to ``item``, best first."""
        scores: Counter[int] = Counter()
        for code in countries_of(item):
            members = self.by_country.get(code, ())
            for _ in range(COUNTRY_WEIGHT):
                scores.update(members)
        for tag in item.meta.tags:
            scores.update(self.by_topic.get(tag_slug(tag), ()) * TAG_WEIGHT)
        for key in linked_from(self.catalog, item) | {item.key}:
            scores.pop(self.number.get(key, -1), None)
        # Highest score first, then the lowest number: one integer per candidate, picked in C.
        span = len(self.ranked)
        best = heapq.nlargest(limit, (score * span - number for number, score in scores.items()))
        return tuple(self.ranked[-value % span] for value in best)


def related_entries(catalog: Catalog, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
    """Return up to ``limit`` published entries most related to ``item`` (builds a one-off index)."""
    return RelatedIndex(catalog).related(item, limit)


def linked_from(catalog: Catalog, item: Item[Entry]) -> set[tuple[str, str]]:
    """Keys of the entries the item's page already links to: its partners, or a partner's projects and electives."""
    keys = {("partners", slug) for _label, slug in partner_refs(item)}
    if item.collection == "partners":
        keys |= {other.key for other in catalog.partner_links.get(item.slug, ())}
    return keys
