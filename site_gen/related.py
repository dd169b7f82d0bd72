"""Related entries: for one entry, a few others in the same country or with shared tags.

Entries the page already links to (its host or partners, a partner's projects and
electives) are left out: related entries are for discovering something new.

``RelatedIndex`` numbers every candidate once, in tie-break order (collection,
title, slug), and keeps the catalog's country and topic indexes as bit sets of
those numbers (Python integers). One entry's scores are then added up in binary,
one bit plane per binary digit, for all candidates at once, and the best are
picked plane by plane: a few dozen operations on integers of one bit per entry
instead of counting every member of every shared country and topic (a topic of a
10,000-entry catalog can have thousands). The ranking is deterministic.
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
    """The catalog's country and topic indexes as bit sets of candidate numbers, for fast scoring."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        candidates = (item for item in catalog.published if item.collection != "pages")
        self.ranked: list[Item[Entry]] = sorted(candidates, key=lambda other: (COLLECTION_ORDER.get(other.collection, 9), other.title, other.slug))
        self.number = {item.key: number for number, item in enumerate(self.ranked)}
        self.by_country = {code: self._bits(items) for code, items in catalog.by_country.items()}
        self.by_topic = {slug: self._bits(topic.items) for slug, topic in catalog.topics.items()}

    def _bits(self, items: tuple[Item[Entry], ...]) -> int:
        """The set of the items' candidate numbers: bit ``n`` is candidate ``n``."""
        flags = bytearray(len(self.ranked))
        for item in items:
            number = self.number.get(item.key)
            if number is not None:
                flags[number] = 1
        return int(bytes(flags[::-1]).translate(_BINARY_DIGITS) or b"0", 2)

    def related(self, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
        """Return up to ``limit`` published entries most related to ``item``, best first."""
        planes: list[int] = []  # planes[d]: the candidates whose score has binary digit d set
        for code in countries_of(item):
            _add(planes, self.by_country.get(code, 0), COUNTRY_WEIGHT)
        for tag in item.meta.tags:
            _add(planes, self.by_topic.get(tag_slug(tag), 0), TAG_WEIGHT)
        left = 0
        for plane in planes:
            left |= plane
        for key in linked_from(self.catalog, item) | {item.key}:
            number = self.number.get(key)
            if number is not None:
                left &= ~(1 << number)
        best: list[int] = []
        while left and len(best) < limit:
            top = left  # the candidates left with the highest score: those with each highest digit that any has
            for plane in reversed(planes):
                if top & plane:
                    top &= plane
            left &= ~top
            while top and len(best) < limit:  # lowest numbers first
                lowest = top & -top
                best.append(lowest.bit_length() - 1)
                top ^= lowest
        return tuple(self.ranked[number] for number in best)


_BINARY_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _add(planes: list[int], members: int, weight: int) -> None:
    """Add ``weight`` to the score of every member, in the binary planes of all scores at once."""
    for _ in range(weight):
        carry, digit = members, 0
        while carry:
            if digit == len(planes):
                planes.append(carry)
                break
            planes[digit], carry = planes[digit] ^ carry, planes[digit] & carry
            digit += 1


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
