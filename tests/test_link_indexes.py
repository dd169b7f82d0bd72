"""Link stage indexes: each entry is listed once per topic however its tags are spelled, and once per partner."""

from __future__ import annotations

from pathlib import Path

from helpers import ELECTIVE, PROJECT, make_catalog
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
