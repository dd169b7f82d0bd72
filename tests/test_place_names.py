"""The names of places a visitor may type (site_gen/place_names.py), which the typo retry leaves as they are."""

from __future__ import annotations

from site_gen.place_names import place_names, time_zone_cities, unknown_place_names
from site_gen.search import indexed_form


def test_the_names_are_countries_the_city_tables_and_the_cities_of_time_zones() -> None:
    names = set(place_names())
    for name in ("Oman", "Chad", "Niger", "Ivory Coast", "Côte d'Ivoire", "Viet Nam", "Vietnam", "Ulan Bator", "Saigon"):
        assert name in names, name
    cities = set(time_zone_cities())
    for name in ("La Paz", "Lima", "Apia", "Buenos Aires"):
        assert name in cities, name
    assert not [name for name in cities if "/" in name or "_" in name or name.startswith(("UTC", "GMT"))]


def test_only_the_names_with_a_word_the_catalog_lacks_are_listed_folded() -> None:
    listed = unknown_place_names(indexed_form, ["peru", "lima", "la", "bolivia", "south", "africa", "coast"])
    assert "la paz" in listed and "ivory coast" in listed and "lome" in listed and "cote d ivoire" in listed
    assert "peru" not in listed and "lima" not in listed and "south africa" not in listed  # (found word by word)
    assert listed == sorted(set(listed))
