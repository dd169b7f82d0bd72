"""Country names for ISO 3166-1 alpha-2 codes, from pycountry."""

from __future__ import annotations

from functools import lru_cache

import re

import pycountry

# pycountry files some names in index order: "Palestine, State of".
_INVERTED = re.compile(r"^(?P<place>.+), (?P<prefix>.+ of(?: the)?)$")


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    """Return the short English name people use for a country code."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    match = _INVERTED.match(name)
    return f"{match['prefix'].removeprefix('The ')} {match['place']}" if match else name
