"""UN M49 regions of countries (from CLDR's territory containment)."""

from __future__ import annotations

import pycountry
import pytest

from site_gen.regions import MIDDLE_EAST, Area, compass_name, country_with_region, placement, region_of, search_names

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
        ("KE", ("Eastern Africa", "Africa", "East Africa", "Sub-Saharan Africa")),
        ("GH", ("Western Africa", "Africa", "West Africa", "Sub-Saharan Africa")),
        ("CM", ("Middle Africa", "Africa", "Central Africa", "Sub-Saharan Africa")),
        ("ZA", ("Southern Africa", "Africa", "Sub-Saharan Africa")),  # "South Africa" is a country's name
        ("BW", ("Southern Africa", "Africa", "Sub-Saharan Africa")),
        ("PE", ("South America", "Americas", "Latin America")),
        ("GT", ("Central America", "Americas", "North America", "Latin America")),
        ("HT", ("Caribbean", "Americas", "North America", "Latin America")),
        ("US", ("Northern America", "Americas", "North America")),
        ("VN", ("South-eastern Asia", "Asia", "Southeast Asia", "South-east Asia")),  # M49's, CLDR's and WHO's spellings
        ("IN", ("Southern Asia", "Asia", "South Asia")),
        ("IR", ("Southern Asia", "Asia", "South Asia", "Middle East")),
        ("CN", ("Eastern Asia", "Asia", "East Asia")),
        ("SA", ("Western Asia", "Asia", "West Asia", "Middle East")),
        ("GE", ("Western Asia", "Asia", "West Asia")),  # the South Caucasus is not in the Middle East
        ("EG", ("Northern Africa", "Africa", "North Africa", "Middle East")),  # not south of the Sahara
        ("MA", ("Northern Africa", "Africa", "North Africa")),
        ("PL", ("Eastern Europe", "Europe", "East Europe")),
        ("FJ", ("Melanesia", "Oceania", "Pacific Islands")),
        ("WS", ("Polynesia", "Oceania", "Pacific Islands")),
        ("AU", ("Australia and New Zealand", "Oceania", "Australasia")),
        ("AQ", ()),
        ("XZ", ()),
    ],
)
def test_search_names_are_the_areas_shown_and_the_groupings_people_search_for(code: str, names: tuple[str, ...]) -> None:
    assert search_names(code) == names


@pytest.mark.parametrize(("name", "compass"), [
    ("Eastern Africa", "East Africa"), ("Southern Asia", "South Asia"), ("Western Asia", "West Asia"),
    ("South-eastern Asia", "South-east Asia"), ("Northern America", "North America"),
    ("Southern Africa", None),  # a country's name: Botswana is not in South Africa
    ("Middle Africa", None), ("Caribbean", None), ("Easter Island", None),
])
def test_compass_name_is_the_everyday_form_of_a_directional_name(name: str, compass: str | None) -> None:
    assert compass_name(name) == compass


def test_the_middle_east_is_western_asia_without_the_south_caucasus_with_egypt_and_iran() -> None:
    """The common definition ``MIDDLE_EAST`` cites, in M49's terms: 17 countries."""
    western_asia = {c.alpha_2 for c in pycountry.countries if placement(c.alpha_2).subregion == Area("145", "Western Asia")}
    assert MIDDLE_EAST == (western_asia - {"AM", "AZ", "GE"}) | {"EG", "IR"}
    assert len(MIDDLE_EAST) == 17


def test_no_country_is_searched_for_as_in_an_area_named_like_another_country() -> None:
    """Botswana is in Southern Africa, whose compass form would be "South Africa"."""
    names = {country.alpha_2: set(search_names(country.alpha_2)) for country in pycountry.countries}
    assert [code for code, areas in names.items() if "South Africa" in areas] == []


def test_search_names_start_with_what_entry_pages_show() -> None:
    for country in pycountry.countries:
        where = placement(country.alpha_2)
        shown = tuple(area.name for area in (where.subregion, where.region) if area is not None)
        assert search_names(country.alpha_2)[: len(shown)] == shown, country.alpha_2
