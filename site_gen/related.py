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
import operator
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
        best = heapq.nlargest(limit, map(operator.sub, map(span.__mul__, scores.values()), scores.keys()))
        return tuple(self.ranked[-value % span] for value in best)


def related_entries(catalog: Catalog, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
    """Return up to ``limit`` published entries most related to ``item``, scoring only its candidates.

    The same ranking as ``RelatedIndex.related`` without building the index: quicker
    for a few pages (the preview server renders one page at a time), slower for all.
    """
    scores: Counter[tuple[str, str]] = Counter()
    items: dict[tuple[str, str], Item[Entry]] = {}
    candidates = [(other, COUNTRY_WEIGHT) for code in countries_of(item) for other in catalog.by_country.get(code, ())]
    for tag in item.meta.tags:
        topic = catalog.topics.get(tag_slug(tag))
        candidates += [(other, TAG_WEIGHT) for other in (topic.items if topic else ())]
    skip = linked_from(catalog, item) | {item.key}
    for other, weight in candidates:
        if other.key not in skip and other.collection != "pages":
            scores[other.key] += weight
            items[other.key] = other
    best = heapq.nsmallest(limit, items.values(), key=lambda other: (-scores[other.key], COLLECTION_ORDER.get(other.collection, 9), other.title, other.slug))
    return tuple(best)


class RelatedEntries:
    """``related(item)`` for templates: direct scoring for the first pages, an index once many pages ask."""

    INDEX_AFTER = 16  # pages; the index costs about as much as scoring this many pages directly

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.calls = 0
        self.index: RelatedIndex | None = None

    def __call__(self, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
        self.calls += 1
        if self.index is None and self.calls > self.INDEX_AFTER:
            self.index = RelatedIndex(self.catalog)
        return self.index.related(item, limit) if self.index is not None else related_entries(self.catalog, item, limit)


def linked_from(catalog: Catalog, item: Item[Entry]) -> set[tuple[str, str]]:
    """Keys of the entries the item's page already links to: its partners, or a partner's projects and electives."""
    keys = {("partners", slug) for _label, slug in partner_refs(item)}
    if item.collection == "partners":
        keys |= {other.key for other in catalog.partner_links.get(item.slug, ())}
    return keys
