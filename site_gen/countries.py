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


# Other names people search a country by, where the name shown (country_name) is not the one
# they type: the ISO/UN short name (Viet Nam), common abbreviations (USA, UK, UAE, DRC, KSA) and older
# or English names (Turkey, Ivory Coast, Burma). Indexed in search's places field only; a name
# that is another country's ("America", "Ireland", "Congo") is left out.
SEARCH_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("UAE",),
    "CD": ("DRC",),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde",),
    "CZ": ("Czech Republic",),
    "GB": ("UK", "Britain", "Great Britain", "England", "Scotland", "Wales"),
    "MM": ("Burma",),
    "MO": ("Macau",),
    "NL": ("Holland",),
    "RU": ("Russia",),
    "SA": ("KSA",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "TR": ("Turkey",),
    "US": ("USA",),
    "VN": ("Viet Nam",),
}
# More names people write in a field where a code belongs, not searched (a problem names the code to write):
# spellings of the above, short forms that search finds already ("Brunei" in "Brunei Darussalam"), and "America".
WRITTEN_NAMES: dict[str, tuple[str, ...]] = {
    "BN": ("Brunei",),
    "CD": ("DR Congo",),
    "GB": ("U.K.", "Northern Ireland"),
    "GM": ("The Gambia",),
    "MK": ("Macedonia",),
    "PS": ("Palestine",),
    "US": ("U.S.", "U.S.A.", "America"),
}


def search_aliases(code: str) -> tuple[str, ...]:
    """Other names a country is searched by (SEARCH_ALIASES), none for most."""
    return SEARCH_ALIASES.get(code, ())


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    """Every country's shown name, search aliases and written names, folded to lower case -> its code."""
    names = {country_name(country.alpha_2).casefold(): country.alpha_2 for country in pycountry.countries}
    for table in (SEARCH_ALIASES, WRITTEN_NAMES):
        names.update((name.casefold(), code) for code, others in table.items() for name in others)
    return names


def code_named(written: str) -> str | None:
    """The code of a country written by a name people use: its shown name ("Laos"), an alias ("UK"), "U.S.A."…"""
    return _codes_by_name().get(written.strip().casefold())
