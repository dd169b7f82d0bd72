"""Search stage: the names of places a visitor may type, which the typo retry must not take for misspellings.

A query word that matches nothing is retried with the catalog's words one typo away from it
(static/js/search-core.js). For a place the catalog has no entry in, that made another word of it:
"oman" was searched as "Omar", the "paz" of "la paz" as "pay", "apia" as "asia". The search page's
word list (search.py: words.json's "places") names such places, as folded names, and the page
retries none of their words: it says that no entry has the place.

The names: every country's (pycountry's name and common name, the name shown, and the other names of
countries.py; not the official names, "Republic of Chad", which a visitor hardly types), the cities of equivalents.py's table (Ulan Bator, Saigon), and the cities that name the
world's time zones in Unicode CLDR (babel; capitals and large cities: La Paz, Lomé, Apia, Lima), each
once. Only the names with a word the catalog lacks are listed: a name whose every word some entry has
is found, word by word, and never retried.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

import pycountry
from babel import Locale
from babel.core import get_global

from .countries import SEARCH_ALIASES, WRITTEN_NAMES, country_name
from .equivalents import CITY_NAMES


@lru_cache(maxsize=1)
def time_zone_cities() -> tuple[str, ...]:
    """The English names of the cities that name CLDR's time zones ("America/La_Paz": "La Paz"), sorted."""
    cities = Locale("en").time_zones
    names = set()
    for zone in get_global("zone_territories"):
        if zone.startswith("Etc/"):
            continue
        names.add(cities.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " "))
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Every name of a country or city a visitor may type (the module's docstring), as written, sorted."""
    names = set(CITY_NAMES) | set(time_zone_cities())
    for country in pycountry.countries:
        names.add(country_name(country.alpha_2))
        names.update(filter(None, (getattr(country, field, None) for field in ("name", "common_name"))))
    for table in (SEARCH_ALIASES, WRITTEN_NAMES):
        names.update(name for others in table.values() for name in others)
    return tuple(sorted(names))


def unknown_place_names(indexed_form: Callable[[str], str], words: Iterable[str]) -> list[str]:
    """The place names (folded, as ``indexed_form`` gives them) with a word that is none of ``words`` (the index's), sorted."""
    known = set(words)
    folded = {indexed_form(name) for name in place_names()}
    return sorted(name for name in folded if name and not set(name.split()) <= known)
