"""A representative set of routes of the built bundled catalog, for browser-based gates."""

from __future__ import annotations

from pathlib import Path

from site_gen import urls

ENTRY_COLLECTIONS = ("electives", "projects", "partners")


def first_entry(site: Path, collection: str) -> str:
    """Route of the first entry of a collection (sorted by slug)."""
    slug = sorted(path.parent.name for path in (site / collection).glob("*/index.html") if path.parent.name != urls.FACET_SEGMENT)[0]
    return urls.entry(collection, slug)


def representative_routes(site: Path) -> dict[str, str]:
    """Name -> route: home, listings, a filtered listing, one entry per kind, a country, 404, collaborate, search."""
    first_country = sorted(path.name for path in (site / "countries").iterdir() if path.is_dir())[0]
    routes = {"home": urls.HOME, "collaborate": urls.COLLABORATE, "search": urls.SEARCH, "not-found": urls.NOT_FOUND,
              "countries": urls.COUNTRIES, "country": urls.country(first_country),
              "filtered-listing": urls.facet("electives", "category", "clinical"), "free-page": urls.entry("pages", "about")}
    for collection in ENTRY_COLLECTIONS:
        routes[f"{collection}-listing"] = urls.listing(collection)
        routes[f"{collection}-entry"] = first_entry(site, collection)
    missing = [route for route in routes.values() if not (site / urls.output_file(route)).is_file()]
    assert not missing, f"the built site lacks {missing}"
    return routes
