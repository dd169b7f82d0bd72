"""Related entries: for one entry, a few others in the same country or with shared tags.

Entries the page already links to (its host or partners, a partner's projects and
electives) are left out: related entries are for discovering something new.

Candidates come from the catalog's country and topic indexes (built once in
``link``), so no page scans the whole catalog. The ranking is deterministic.
"""

from __future__ import annotations

from collections import Counter

from .catalog import Catalog, Item, countries_of
from .link import partner_refs
from .schema import Entry
from .slugs import tag_slug

COUNTRY_WEIGHT = 2  # sharing a country says more than sharing one tag
TAG_WEIGHT = 1
COLLECTION_ORDER = {"electives": 0, "projects": 1, "partners": 2}


def related_entries(catalog: Catalog, item: Item[Entry], limit: int = 4) -> tuple[Item[Entry], ...]:
    """Return up to ``limit`` published entries most related to ``item``, best first."""
    scores, items = _scores(catalog, item)
    ranked = sorted(items.values(), key=lambda other: (-scores[other.key], COLLECTION_ORDER.get(other.collection, 9), other.title, other.slug))
    return tuple(ranked[:limit])


def linked_from(catalog: Catalog, item: Item[Entry]) -> set[tuple[str, str]]:
    """Keys of the entries the item's page already links to: its partners, or a partner's projects and electives."""
    keys = {("partners", slug) for _label, slug in partner_refs(item)}
    if item.collection == "partners":
        keys |= {other.key for other in catalog.partner_links.get(item.slug, ())}
    return keys


def _scores(catalog: Catalog, item: Item[Entry]) -> tuple[Counter[tuple[str, str]], dict[tuple[str, str], Item[Entry]]]:
    """Score every other entry by key: shared countries and shared tags, weighted."""
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
    return scores, items
