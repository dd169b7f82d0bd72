"""Link stage indexes: each entry is listed once per topic however its tags are spelled, and once per partner."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from helpers import BUNDLED_CONTENT, ELECTIVE, PROJECT, make_catalog
from site_gen.catalog import Catalog, Topic, countries_of, replace_items
from site_gen.pipeline import load_catalog


def test_repeated_tags_and_partners_list_an_entry_once(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {
        "projects/needs.md": PROJECT.replace("tags: [maternal health]", "tags: [maternal health, Maternal Health, malaria]"),
        "electives/surgery.md": ELECTIVE.replace("deadline:", "tags: [malaria, Malaria]\ndeadline:"),
    })
    result = load_catalog(content)
    catalog = result.catalog
    assert result.ok and catalog is not None, result.problems
    assert {slug: [item.slug for item in topic.items] for slug, topic in catalog.topics.items()} == {
        "malaria": ["needs", "surgery"], "maternal-health": ["needs"],
    }
    assert catalog.topics["maternal-health"].name == "maternal health"
    assert [item.slug for item in catalog.partner_links["riverside"]] == ["needs", "surgery"]


def item_places(catalog: Catalog) -> list[tuple[str, object, int]]:
    """(catalog field, key or position, id of the item) for every item held anywhere in the catalog."""
    places: list[tuple[str, object, int]] = []
    for name in (field.name for field in fields(catalog)):
        value = getattr(catalog, name)
        if isinstance(value, tuple):
            places += [(name, position, id(item)) for position, item in enumerate(value)]
        elif isinstance(value, dict):
            for key, member in value.items():
                members = member.items if isinstance(member, Topic) else member if isinstance(member, tuple) else (member,)
                places += [(name, (key, position), id(item)) for position, item in enumerate(members)]
    return places


def test_replacing_an_item_swaps_it_everywhere_and_nothing_else() -> None:
    catalog = load_catalog(BUNDLED_CONTENT).catalog
    assert catalog is not None
    partner = max(catalog.partners, key=lambda item: len(catalog.partner_links.get(item.slug, ())))
    project = catalog.partner_links[partner.slug][0]
    assert project.meta.tags and countries_of(project), "the test needs an entry in the topic and country indexes"
    swaps = {id(item): replace(item, body="New body.") for item in (partner, project)}
    swapped = replace_items(catalog, swaps)
    before, after = item_places(catalog), item_places(swapped)
    assert [place[:2] for place in before] == [place[:2] for place in after]
    assert [id(swaps[identity]) if identity in swaps else identity for *_, identity in before] == [identity for *_, identity in after]
    assert sum(identity == id(swaps[id(project)]) for *_, identity in after) >= 4  # its collection, source, topics, countries
    assert item_places(catalog) == before, "the original catalog is left as it was"
