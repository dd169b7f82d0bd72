"""UN M49 regions and sub-regions of countries, from Unicode CLDR data.

Membership comes from the npm package ``cldr-core`` (CLDR's territory
containment follows the UN M49 geoscheme); English names from Babel's CLDR,
except where M49 names an area differently. CLDR's own groupings (areas with
letter codes, such as "Outlying Oceania" for Antarctica) are not M49 areas:
M49 puts Antarctica in no region.

Search also knows areas by the names people type (``search_names``): besides
M49's and CLDR's, the compass-point form of a sub-region's name ("East Africa"),
and a few names that neither gives, each with its source (``EVERYDAY_NAMES``,
``MIDDLE_EAST``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale

from .countries import country_name
from .node_data import read_package_json
from .slugs import suggest_slug

WORLD = "001"
# M49's names where CLDR's English differs ("Australasia", "Southeast Asia", ...).
M49_NAMES = {"035": "South-eastern Asia", "053": "Australia and New Zealand", "057": "Micronesia", "419": "Latin America and the Caribbean"}
# Everyday names of M49 sub-regions that neither M49 nor CLDR gives. Middle Africa is commonly
# called Central Africa; Melanesia, Micronesia and Polynesia (Oceania without Australia and New
# Zealand) are the Pacific Islands, as the Pacific Islands Forum and the Pacific Community name them.
EVERYDAY_NAMES: dict[str, tuple[str, ...]] = {
    "017": ("Central Africa",), "054": ("Pacific Islands",), "057": ("Pacific Islands",), "061": ("Pacific Islands",),
}
# The Middle East, which is no M49 area, as commonly defined: "from Egypt in the west through Iran in
# the east, and from Turkey in the north to the Arabian Peninsula in the south" (William L. Cleveland,
# A History of the Modern Middle East), the 17 countries listed with that definition: M49's Western
# Asia without the South Caucasus (Armenia, Azerbaijan, Georgia), with Egypt and Iran.
MIDDLE_EAST = frozenset({"AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"})
_DIRECTIONAL = re.compile(r"^((?:North|South)-(?:east|west)|East|West|North|South)ern (.+)$")


@dataclass(frozen=True, order=True)
class Area:
    """An M49 area: its numeric code and English name."""

    code: str
    name: str

    @property
    def slug(self) -> str:
        """URL slug of the area's name ("Latin America" -> "latin-america")."""
        return suggest_slug(self.name)


@dataclass(frozen=True)
class Placement:
    """Where a country sits in M49: its region and sub-region (None when unknown)."""

    region: Area | None
    subregion: Area | None


@lru_cache(maxsize=1)
def _containment() -> dict[str, list[str]]:
    """CLDR's territory containment: each numeric area's (or grouping's) list of what it contains directly."""
    data = read_package_json("cldr-core", "supplemental/territoryContainment.json")
    return {code: entry["_contains"] for code, entry in sorted(data["supplemental"]["territoryContainment"].items())
            if code.isdigit() and "_contains" in entry}


@lru_cache(maxsize=1)
def _parents() -> dict[str, str]:
    """Map each area or country code to the M49 area that directly contains it."""
    data = read_package_json("cldr-core", "supplemental/territoryContainment.json")
    parents: dict[str, str] = {}
    for code, entry in sorted(data["supplemental"]["territoryContainment"].items()):
        if not code.isdigit() or entry.get("_grouping"):  # (M49 areas have numeric codes)
            continue
        for child in entry["_contains"]:
            parents.setdefault(child, code)
    return parents


def _area(code: str) -> Area:
    return Area(code, M49_NAMES.get(code) or Locale("en").territories.get(code, code))


@lru_cache(maxsize=None)
def placement(country: str) -> Placement:
    """Return the region and sub-region of an ISO alpha-2 code."""
    parents = _parents()
    chain = []
    code = country
    while code in parents and parents[code] != WORLD:
        code = parents[code]
        chain.append(code)
    if not chain:
        return Placement(None, None)
    region = _area(chain[-1])
    return Placement(region, _area(chain[0]) if len(chain) > 1 else None)


def region_of(country: str) -> Area | None:
    """The M49 region (Africa, Americas, Asia, Europe, Oceania) of a country."""
    return placement(country).region


def country_with_region(country: str) -> str:
    """"Rwanda (Eastern Africa, Africa)" — a country's name with where it is."""
    where = placement(country)
    areas = [area.name for area in (where.subregion, where.region) if area is not None]
    return f"{country_name(country)} ({', '.join(areas)})" if areas else country_name(country)


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(country_name(country.alpha_2).casefold() for country in pycountry.countries)


def compass_name(name: str) -> str | None:
    """The compass-point form of a directional area name ("Eastern Africa": "East Africa"), None for others.

    People type "East Africa" and "South Asia" for M49's Eastern Africa and Southern Asia, and
    "South-East Asia" (WHO's spelling) for South-eastern Asia: search cannot match them, as
    "east" and "eastern" have different stems. None when the form is a country's name:
    Southern Africa is not South Africa.
    """
    match = _DIRECTIONAL.match(name)
    if match is None:
        return None
    compass = f"{match[1]} {match[2]}"
    return None if compass.casefold() in _country_names() else compass


@lru_cache(maxsize=None)
def search_names(country: str) -> tuple[str, ...]:
    """Names of the areas a country is in, as people search for them ("Kenya": Eastern Africa, East Africa, Sub-Saharan Africa...).

    The sub-region and region that pages show (``placement``), CLDR's everyday English name
    where M49's differs ("Southeast Asia" beside "South-eastern Asia"), the compass-point form
    of a directional name ("East Africa", ``compass_name``), the everyday names of
    ``EVERYDAY_NAMES`` ("Central Africa", "Pacific Islands"), the larger groupings CLDR names,
    which are not regions of their own here (Sub-Saharan Africa, Latin America, North America),
    and the Middle East (``MIDDLE_EAST``). For the search index's places field only.
    """
    where = placement(country)
    if where.region is None:
        return ()
    containment = _containment()
    english = Locale("en").territories
    areas = [area for area in (where.subregion, where.region) if area is not None]
    names = [area.name for area in areas]
    names += [english[area.code] for area in areas if english.get(area.code)]
    names += [compass for compass in map(compass_name, names) if compass]
    names += [name for area in areas for name in EVERYDAY_NAMES.get(area.code, ())]
    subregion = where.subregion.code if where.subregion else ""
    for code, contained in containment.items():
        if code != WORLD and subregion in contained and english.get(code):
            names.append(english[code])
    if country in MIDDLE_EAST:
        names.append("Middle East")
    return tuple(dict.fromkeys(names))
