"""UN M49 regions and sub-regions of countries, from Unicode CLDR data.

Membership comes from the npm package ``cldr-core`` (CLDR's territory
containment follows the UN M49 geoscheme); English names from Babel's CLDR,
except where M49 names an area differently. CLDR's own groupings (areas with
letter codes, such as "Outlying Oceania" for Antarctica) are not M49 areas:
M49 puts Antarctica in no region.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from .countries import country_name
from .node_data import read_package_json
from .slugs import suggest_slug

WORLD = "001"
# M49's names where CLDR's English differs ("Australasia", "Southeast Asia", ...).
M49_NAMES = {"035": "South-eastern Asia", "053": "Australia and New Zealand", "057": "Micronesia", "419": "Latin America and the Caribbean"}


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


@lru_cache(maxsize=None)
def search_names(country: str) -> tuple[str, ...]:
    """Names of the areas a country is in, as people search for them ("Kenya": Eastern Africa, Sub-Saharan Africa, Africa).

    The sub-region and region that pages show (``placement``), CLDR's everyday English name
    where M49's differs ("Southeast Asia" beside "South-eastern Asia"), and the larger
    groupings CLDR names, which are not regions of their own here (Sub-Saharan Africa,
    Latin America, North America). For the search index's places field only.
    """
    where = placement(country)
    if where.region is None:
        return ()
    containment = _containment()
    english = Locale("en").territories
    names = [area.name for area in (where.subregion, where.region) if area is not None]
    for area in (where.subregion, where.region):
        if area is not None and english.get(area.code):
            names.append(english[area.code])
    subregion = where.subregion.code if where.subregion else ""
    for code, contained in containment.items():
        if code != WORLD and subregion in contained and english.get(code):
            names.append(english[code])
    return tuple(dict.fromkeys(names))
