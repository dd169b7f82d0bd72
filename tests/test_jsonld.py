"""schema.org JSON-LD on every entry page of the bundled catalog: shape, values, escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from helpers import BUNDLED_CONTENT, ELECTIVE, make_catalog, run_cli
from page_parts import page_file, parse, structured_data
from site_gen.catalog import Catalog, Item
from site_gen.pipeline import load_catalog
from site_gen.schema import Entry, WeeksRange

ORGANISATION_TYPES = {"university": "CollegeOrUniversity", "hospital": "Hospital", "clinic": "MedicalClinic",
                      "ngo": "NGO", "ministry": "GovernmentOrganization", "government": "GovernmentOrganization",
                      "foundation": "Organization", "other": "Organization"}
URL_KEYS = {"url", "sameAs", "@id", "target"}


def _bundled() -> Catalog:
    result = load_catalog(BUNDLED_CONTENT)
    assert result.catalog is not None
    return result.catalog


CATALOG = _bundled()
ENTRIES = [pytest.param(item, id=f"{item.collection}/{item.slug}") for item in CATALOG.entries]


def _one_object(site: Path, item: Item[Entry]) -> dict[str, Any]:
    objects = structured_data(parse(page_file(site, item.collection, item.slug)))
    assert len(objects) == 1
    return objects[0]


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    """Every (key, scalar) pair of a JSON value, nested ones included."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield from _walk(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child, key)
    else:
        yield key, value


def _expected_type(item: Item[Entry]) -> str:
    if item.collection == "partners":
        return ORGANISATION_TYPES[item.meta.kind]
    return {"projects": "Project", "electives": "EducationalOccupationalProgram"}[item.collection]


@pytest.mark.parametrize("item", ENTRIES)
def test_common_shape(built_site: Path, item: Item[Entry]) -> None:
    data = _one_object(built_site, item)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == _expected_type(item)
    assert data["name"] == item.meta.title
    assert data["description"] == item.meta.summary
    assert data["url"] == f"https://example.org/catalog/{item.collection}/{item.slug}/"
    for key, value in _walk(data):
        assert isinstance(value, (str, int, float, bool)), (key, value)
        if key in URL_KEYS:
            assert re.match(r"^https?://[^/]+/", value), (key, value)


@pytest.mark.parametrize("item", [param for param in ENTRIES if param.values[0].collection == "electives"])
def test_elective_program(built_site: Path, item: Item[Entry]) -> None:
    data, meta = _one_object(built_site, item), item.meta
    assert data.get("applicationDeadline") == (meta.deadline.isoformat() if meta.deadline else None)
    if meta.duration_weeks is None:
        assert "timeToComplete" not in data
    else:
        shortest = meta.duration_weeks.min if isinstance(meta.duration_weeks, WeeksRange) else meta.duration_weeks
        assert data["timeToComplete"] == f"P{shortest}W"
    assert [audience["@type"] for audience in data["audience"]] == ["EducationalAudience"] * len(meta.audience)
    assert all(audience["educationalRole"] for audience in data["audience"])
    assert data["educationalProgramMode"] == "onsite"
    assert data.get("potentialAction", {}).get("target") == meta.apply_url
    provider = data["provider"]
    assert provider["@type"] and provider["name"]
    if meta.host:
        assert provider["name"] == CATALOG.partner_by_slug[meta.host].title
        assert provider["url"].endswith(f"/partners/{meta.host}/")


@pytest.mark.parametrize("item", [param for param in ENTRIES if param.values[0].collection == "projects"])
def test_project_places_and_partners(built_site: Path, item: Item[Entry]) -> None:
    data = _one_object(built_site, item)
    assert [place["identifier"] for place in data["areaServed"]] == list(item.meta.countries)
    members = [member["url"] for member in data.get("member", [])]
    assert members == [f"https://example.org/catalog/partners/{slug}/" for slug in item.meta.partners]


@pytest.mark.parametrize("item", [param for param in ENTRIES if param.values[0].collection == "partners"])
def test_partner_address(built_site: Path, item: Item[Entry]) -> None:
    address = _one_object(built_site, item)["address"]
    assert address["addressCountry"] == item.meta.country
    assert address.get("addressLocality") == item.meta.city


def test_markup_in_content_cannot_close_the_script(tmp_path: Path) -> None:
    hostile = 'A </script><script>alert(1)</script> & <b>"quoted"</b>'
    content = make_catalog(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Four weeks of surgery.", json.dumps(hostile))})
    result = run_cli("build", "--content", content, "--output", tmp_path / "out")
    assert result.code == 0, result.out
    html = (tmp_path / "out/electives/surgery/index.html").read_text(encoding="utf-8")
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block)["description"] == hostile


def test_home_page_describes_the_site_and_its_search(built_site: Path) -> None:
    objects = structured_data(parse(built_site / "index.html"))
    assert len(objects) == 1
    site = objects[0]
    assert (site["@context"], site["@type"], site["url"]) == ("https://schema.org", "WebSite", "https://example.org/catalog/")
    assert site["name"] == CATALOG.site.title
    action = site["potentialAction"]
    assert action["target"] == "https://example.org/catalog/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_other_pages_carry_no_site_object(built_site: Path) -> None:
    for route in ("search/index.html", "countries/index.html", "about/index.html"):
        assert structured_data(parse(built_site / route)) == []
