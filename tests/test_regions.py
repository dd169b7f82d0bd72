"""UN M49 regions of countries (from CLDR's territory containment)."""

from __future__ import annotations

import pycountry
import pytest

from site_gen.regions import Area, country_with_region, placement, region_of, search_names

M49_REGIONS = {"Africa", "Americas", "Asia", "Europe", "Oceania"}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RW", "Rwanda (Eastern Africa, Africa)"),
        ("CN", "China (Eastern Asia, Asia)"),
        ("PE", "Peru (South America, Americas)"),
        ("GT", "Guatemala (Central America, Americas)"),
        ("US", "United States (Northern America, Americas)"),
        ("NO", "Norway (Northern Europe, Europe)"),
        ("SA", "Saudi Arabia (Western Asia, Asia)"),
        ("WS", "Samoa (Polynesia, Oceania)"),
        ("HT", "Haiti (Caribbean, Americas)"),
        ("AU", "Australia (Australia and New Zealand, Oceania)"),
        ("VN", "Vietnam (South-eastern Asia, Asia)"),
        ("FM", "Federated States of Micronesia (Micronesia, Oceania)"),
        ("AQ", "Antarctica"),  # M49 puts it in no region (CLDR files it under its own "Outlying Oceania")
    ],
)
def test_country_with_region_names_sub_region_then_region(code: str, expected: str) -> None:
    assert country_with_region(code) == expected


def test_every_iso_country_but_antarctica_has_one_of_the_five_m49_regions_and_a_sub_region() -> None:
    missing = [c.alpha_2 for c in pycountry.countries if placement(c.alpha_2).subregion is None]
    regions = {placement(c.alpha_2).region.name for c in pycountry.countries if c.alpha_2 != "AQ"}  # type: ignore[union-attr]
    assert missing == ["AQ"]
    assert regions == M49_REGIONS


def test_sub_region_belongs_to_its_region() -> None:
    """Sub-regions never straddle regions: all countries of one sub-region share its region."""
    seen: dict[str, set[str]] = {}
    for country in pycountry.countries:
        if country.alpha_2 == "AQ":
            continue
        where = placement(country.alpha_2)
        seen.setdefault(where.subregion.name, set()).add(where.region.name)  # type: ignore[union-attr]
    assert {name: regions for name, regions in seen.items() if len(regions) != 1} == {}


def test_unknown_code_has_no_region_and_shows_the_code() -> None:
    assert region_of("XZ") is None
    assert country_with_region("XZ") == "XZ"


@pytest.mark.parametrize(("name", "slug"), [("Africa", "africa"), ("Latin America & Caribbean", "latin-america-caribbean"), ("South-eastern Asia", "south-eastern-asia")])
def test_area_slug_folds_the_name(name: str, slug: str) -> None:
    assert Area("000", name).slug == slug


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("KE", ("Eastern Africa", "Africa", "Sub-Saharan Africa")),
        ("PE", ("South America", "Americas", "Latin America")),
        ("GT", ("Central America", "Americas", "North America", "Latin America")),
        ("US", ("Northern America", "Americas", "North America")),
        ("VN", ("South-eastern Asia", "Asia", "Southeast Asia")),  # M49's name and CLDR's everyday one
        ("EG", ("Northern Africa", "Africa")),  # not south of the Sahara
        ("AQ", ()),
        ("XZ", ()),
    ],
)
def test_search_names_are_the_areas_shown_and_the_groupings_people_search_for(code: str, names: tuple[str, ...]) -> None:
    assert search_names(code) == names


def test_search_names_start_with_what_entry_pages_show() -> None:
    for country in pycountry.countries:
        where = placement(country.alpha_2)
        shown = tuple(area.name for area in (where.subregion, where.region) if area is not None)
        assert search_names(country.alpha_2)[: len(shown)] == shown, country.alpha_2
