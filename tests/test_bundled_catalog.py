"""The bundled example catalog shows every feature (counts come from the loaded catalog)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpers import BUNDLED_CONTENT, run_cli
from site_gen.catalog import Catalog, countries_of
from site_gen.pipeline import load_catalog
from site_gen.regions import placement
from site_gen.schema import AUDIENCES, CATEGORIES, FORMATS, PROJECT_KINDS, PROJECT_STATUSES, Money, WeeksRange

TODAY = date(2026, 10, 1)  # SOURCE_DATE_EPOCH of the tests


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_catalog(BUNDLED_CONTENT)
    assert result.ok, result.problems
    assert result.catalog is not None
    return result.catalog


def test_check_passes() -> None:
    result = run_cli("check", "--content", BUNDLED_CONTENT)
    assert result.code == 0, result.out


def test_site_settings(catalog: Catalog) -> None:
    assert "example" in catalog.site.description.lower()
    assert catalog.site.disclaimer and "endorse" in catalog.site.disclaimer
    assert catalog.site.repository


def test_partners(catalog: Catalog) -> None:
    assert len(catalog.partners) >= 10
    kinds = {item.meta.kind for item in catalog.partners}
    assert {"university", "hospital", "ministry", "ngo", "clinic"} <= kinds
    assert any(not item.title.isascii() for item in catalog.partners)
    regions = {placement(item.meta.country).region for item in catalog.partners}
    assert len(regions - {None}) >= 4, "partners on at least four continents (UN M49 regions)"


def test_projects(catalog: Catalog) -> None:
    projects = catalog.projects
    assert len(projects) >= 16
    assert {item.meta.kind for item in projects} == set(PROJECT_KINDS)
    assert {item.meta.status for item in projects} == set(PROJECT_STATUSES)
    assert any(item.meta.status == "completed" and item.meta.people_reached for item in projects)
    assert sum(1 for item in projects if len(item.meta.countries) > 1) >= 2
    assert sum(1 for item in projects if len(item.meta.partners) > 1) >= 2
    assert sum(1 for item in projects if item.meta.seeking) >= 3
    assert any("CN" in item.meta.countries and "needs assessment" in item.title.lower() for item in projects)
    assert any("SA" in item.meta.countries and item.meta.kind == "consultation" for item in projects)


def test_electives(catalog: Catalog) -> None:
    electives = [item.meta for item in catalog.electives]
    assert len(electives) >= 24
    assert {meta.category for meta in electives} == set(CATEGORIES)
    assert {meta.format for meta in electives} == set(FORMATS)
    assert {meta.direction for meta in electives} == {"outbound", "inbound"}
    assert len({who for meta in electives for who in meta.audience}) >= 4
    assert {who for meta in electives for who in meta.audience} <= set(AUDIENCES)
    durations = [meta.duration_weeks for meta in electives if meta.duration_weeks is not None]
    assert any(isinstance(value, int) for value in durations) and any(isinstance(value, WeeksRange) for value in durations)
    costs = [meta.cost for meta in electives if meta.cost is not None]
    assert any(isinstance(value, str) for value in costs) and any(isinstance(value, Money) for value in costs)
    assert any(meta.languages for meta in electives)
    deadlines = [meta.deadline for meta in electives if meta.deadline]
    assert any(deadline < TODAY for deadline in deadlines) and any(deadline >= TODAY for deadline in deadlines)
    assert sum(1 for meta in electives if meta.host) > len(electives) / 2


def test_one_draft_of_each_kind(catalog: Catalog) -> None:
    assert {item.collection for item in catalog.drafts} == {"partners", "projects", "electives", "pages"}


def test_free_pages(catalog: Catalog) -> None:
    slugs = {item.slug for item in catalog.pages}
    assert {"about", "resources", "planning-a-rotation", "safety"} <= slugs


def words(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


def test_bodies_have_substance(catalog: Catalog) -> None:
    for item in catalog.published + catalog.drafts:
        assert 150 <= words(item.body) <= 650, (item.source, words(item.body))
        assert "## " in item.body, item.source


def test_tags_recur_and_countries_are_many(catalog: Catalog) -> None:
    assert sum(1 for topic in catalog.topics.values() if len(topic.items) >= 3) >= 5
    countries = {code for item in catalog.entries for code in countries_of(item)}
    assert len(countries) >= 25


def test_every_published_entry_gets_a_page(built_site: Path, catalog: Catalog) -> None:
    for item in catalog.entries:
        assert (built_site / item.collection / item.slug / "index.html").is_file()
    for item in catalog.drafts:
        assert not (built_site / item.collection / item.slug).exists()
