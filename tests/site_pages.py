"""A representative set of routes of the built bundled catalog, for browser-based gates."""

from __future__ import annotations

import json
from pathlib import Path

from site_gen import urls

ENTRY_COLLECTIONS = ("electives", "projects", "partners")


def first_entry(site: Path, collection: str) -> str:
    """Route of the first entry of a collection (sorted by slug)."""
    slug = sorted(path.parent.name for path in (site / collection).glob("*/index.html"))[0]
    return urls.entry(collection, slug)


def first_facet_listing(site: Path) -> str | None:
    """Route of the first static filtered page of the elective listing, if any is built.

    A filtered page is any page below electives/ other than an elective's own page.
    """
    slugs = {entry["slug"] for entry in json.loads((site / urls.CATALOG_JSON).read_text(encoding="utf-8"))["electives"]}
    pages = sorted(path.parent.relative_to(site).as_posix() + "/" for path in (site / "electives").glob("*/**/index.html"))
    filtered = [route for route in pages if route not in {urls.entry("electives", slug) for slug in slugs}]
    return filtered[0] if filtered else None


def representative_routes(site: Path) -> dict[str, str]:
    """Name -> route: home, listings, a filtered listing, one entry per kind, a country, 404, collaborate, search."""
    routes = {"home": urls.HOME, "collaborate": urls.COLLABORATE, "search": urls.SEARCH, "not-found": urls.NOT_FOUND,
              "countries": urls.COUNTRIES, "country": urls.country(sorted(p.name for p in (site / "countries").iterdir() if p.is_dir())[0])}
    for collection in ENTRY_COLLECTIONS:
        routes[f"{collection}-listing"] = urls.listing(collection)
        routes[f"{collection}-entry"] = first_entry(site, collection)
    routes["free-page"] = urls.entry("pages", "about")
    facet = first_facet_listing(site)
    if facet is not None:
        routes["filtered-listing"] = facet
    return routes
