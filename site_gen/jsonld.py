"""Structured data: one entry -> a schema.org JSON-LD object (a plain dict).

Render stage helper: templates pass the result to ``json_script`` inside a
``<script type="application/ld+json">`` element. Every URL in it is absolute.
"""

from __future__ import annotations

from typing import Any

from . import humanize, urls
from .catalog import Catalog, Item
from .countries import country_name
from .schema import Elective, Entry, Money, Partner, Project, WeeksRange

CONTEXT = "https://schema.org"
PARTNER_TYPES: dict[str, str] = {
    "university": "CollegeOrUniversity",
    "hospital": "Hospital",
    "clinic": "MedicalClinic",
    "ngo": "NGO",
    "ministry": "GovernmentOrganization",
    "government": "GovernmentOrganization",
}
JsonObject = dict[str, Any]


def entry_jsonld(catalog: Catalog, url_maker: urls.Urls, item: Item[Entry]) -> JsonObject:
    """Return the JSON-LD object describing one partner, project or elective."""
    meta = item.meta
    data: JsonObject = {
        "@context": CONTEXT,
        "name": meta.title,
        "description": meta.summary,
        "url": url_maker.absolute(urls.entry(item.collection, item.slug)),
    }
    if meta.tags:
        data["keywords"] = ", ".join(meta.tags)
    if meta.updated is not None:
        data["dateModified"] = meta.updated.isoformat()
    if isinstance(meta, Elective):
        data.update(_elective(catalog, url_maker, meta))
    elif isinstance(meta, Partner):
        data.update(_partner(meta))
    elif isinstance(meta, Project):
        data.update(_project(catalog, url_maker, meta))
    else:
        data["@type"] = "WebPage"
    return data


def site_jsonld(catalog: Catalog, url_maker: urls.Urls) -> JsonObject:
    """Return the WebSite object of the home page, with the site search as its SearchAction."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": catalog.site.title,
        "description": catalog.site.description,
        "url": url_maker.absolute(urls.HOME),
        "inLanguage": catalog.site.language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": url_maker.absolute(urls.SEARCH) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def iso_weeks(duration: int | WeeksRange) -> str:
    """ISO 8601 duration of the shortest way through: 4 -> "P4W", {min: 4, max: 8} -> "P4W"."""
    return f"P{duration.min if isinstance(duration, WeeksRange) else duration}W"


def _elective(catalog: Catalog, url_maker: urls.Urls, meta: Elective) -> JsonObject:
    data: JsonObject = {
        "@type": "EducationalOccupationalProgram",
        "programType": humanize.label(meta.format),
        "educationalProgramMode": "onsite",
        "audience": [{"@type": "EducationalAudience", "educationalRole": humanize.label(who)} for who in meta.audience],
        "provider": _provider(catalog, url_maker, meta.host),
        "location": [_place(code) for code in meta.countries],
    }
    if meta.deadline is not None:
        data["applicationDeadline"] = meta.deadline.isoformat()
    if meta.duration_weeks is not None:
        data["timeToComplete"] = iso_weeks(meta.duration_weeks)
    if isinstance(meta.cost, Money):
        data["offers"] = {"@type": "Offer", "price": str(meta.cost.amount), "priceCurrency": meta.cost.currency}
    elif meta.cost:
        data["offers"] = {"@type": "Offer", "description": meta.cost}
    if meta.specialties:
        data["occupationalCategory"] = list(meta.specialties)
    if meta.apply_url:
        data["potentialAction"] = {"@type": "ApplyAction", "target": meta.apply_url}
    if meta.contact:
        data["contactPoint"] = {"@type": "ContactPoint", "email": meta.contact}
    return data


def _partner(meta: Partner) -> JsonObject:
    address: JsonObject = {"@type": "PostalAddress", "addressCountry": meta.country}
    if meta.city:
        address["addressLocality"] = meta.city
    data: JsonObject = {"@type": PARTNER_TYPES.get(meta.kind, "Organization"), "address": address}
    if meta.website:
        data["sameAs"] = meta.website
    return data


def _project(catalog: Catalog, url_maker: urls.Urls, meta: Project) -> JsonObject:
    data: JsonObject = {"@type": "Project", "areaServed": [_country(code) for code in meta.countries]}
    partners = [_organisation(url_maker, catalog.partner_by_slug[slug]) for slug in meta.partners if slug in catalog.partner_by_slug]
    if partners:
        data["member"] = partners
    if meta.start is not None:
        data["foundingDate"] = str(meta.start) if isinstance(meta.start, int) else meta.start.isoformat()
    if meta.end is not None:
        data["dissolutionDate"] = str(meta.end) if isinstance(meta.end, int) else meta.end.isoformat()
    if meta.contact:
        data["email"] = meta.contact
    return data


def _provider(catalog: Catalog, url_maker: urls.Urls, host: str | None) -> JsonObject:
    """The host partner, or the office publishing the catalog when there is none."""
    partner = catalog.partner_by_slug.get(host) if host else None
    if partner is not None:
        return _organisation(url_maker, partner)
    return {"@type": "Organization", "name": catalog.site.title, "url": url_maker.absolute(urls.HOME)}


def _organisation(url_maker: urls.Urls, partner: Item[Partner]) -> JsonObject:
    return {
        "@type": PARTNER_TYPES.get(partner.meta.kind, "Organization"),
        "name": partner.title,
        "url": url_maker.absolute(urls.entry(partner.collection, partner.slug)),
    }


def _country(code: str) -> JsonObject:
    return {"@type": "Country", "name": country_name(code), "identifier": code}


def _place(code: str) -> JsonObject:
    return {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": code}, "name": country_name(code)}
