"""Browsing pages: home figures and map, listings and facet pages, countries, topics."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from helpers import BUNDLED_CONTENT, ELECTIVE, MINIMAL_FILES, PARTNER, PROJECT, make_catalog, problem_lines, run_cli
from site_gen import urls
from site_gen.catalog import Catalog, Item
from site_gen.countries import country_name
from site_gen.pipeline import load_catalog
from site_gen.regions import region_of
from site_gen.worldmap import DETAIL_FILE, outlines, world_shapes

TODAY = date(2026, 10, 1)  # the tests' SOURCE_DATE_EPOCH
BASE = "/catalog/"


@pytest.fixture(scope="module")
def bundled() -> Catalog:
    catalog = load_catalog(BUNDLED_CONTENT).catalog
    assert catalog is not None
    return catalog


def page(site: Path, route: str) -> str:
    return (site / route / "index.html").read_text(encoding="utf-8")


def card_links(html: str) -> list[str]:
    """Entry links of the cards of a page, in order."""
    return re.findall(r'class="card-title"><a href="([^"]+)"', html)


def entry_link(item: Item) -> str:
    return BASE + urls.entry(item.collection, item.slug)


def build(tmp_path: Path, files: dict[str, str | None]) -> Path:
    content = make_catalog(tmp_path, files)
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 0, result.out + result.err
    return tmp_path / "_site"


# --- home -------------------------------------------------------------------

def test_home_figures_are_counted_from_the_catalog(built_site: Path, bundled: Catalog) -> None:
    figures = dict((label, int(value.replace(",", ""))) for value, label in re.findall(
        r'<span class="figure-value">([\d,]+)</span> <span class="figure-label">([^<]+)</span>', page(built_site, "")))
    open_now = [e for e in bundled.electives if e.meta.deadline is None or e.meta.deadline >= TODAY]
    assert figures == {
        "projects": len(bundled.projects),
        "partner institutions": len(bundled.partners),
        "countries": len({code for item in bundled.entries for code in getattr(item.meta, "countries", (getattr(item.meta, "country", None),))}),
        "electives open now": len(open_now),
        "people reached": sum(p.meta.people_reached or 0 for p in bundled.projects),
    }


def test_home_figures_follow_the_content(tmp_path: Path) -> None:
    second = PROJECT.replace("Needs Assessment", "Second Project").replace("countries: [CN]", "countries: [CN, RW]\npeople_reached: 1234")
    site = build(tmp_path, {"projects/second.md": second})
    html = page(site, "")
    assert '<span class="figure-value">2</span> <span class="figure-label">projects</span>' in html
    assert '<span class="figure-value">2</span> <span class="figure-label">countries</span>' in html
    assert '<span class="figure-value">1,234</span> <span class="figure-label">people reached</span>' in html
    assert '<span class="figure-value">1</span> <span class="figure-label">elective open now</span>' in html


def test_home_map_links_every_country_with_entries_and_shape(built_site: Path, bundled: Catalog) -> None:
    html = page(built_site, "")
    linked = set(re.findall(r'<a href="/catalog/countries/([a-z]{2})/" class="map-link"><title>([^<]+)</title>', html))
    shaped = {shape.code for shape in world_shapes()}
    drawable = shaped | {outline.code for outline in outlines(DETAIL_FILE)}
    expected = {
        (code.lower(), f"{country_name(code)}: {len(items)} entr{'y' if len(items) == 1 else 'ies'}")
        for code, items in bundled.by_country.items() if code in drawable
    }
    assert linked == expected
    assert html.count('class="map-n0"') == len(shaped - set(bundled.by_country))
    assert html.count('<circle class="map-dot') == len((set(bundled.by_country) & drawable) - shaped) > 0


@pytest.mark.parametrize("route", ["", "countries/"])
def test_every_map_link_carries_a_focus_ring_and_comes_after_every_unlinked_country(built_site: Path, route: str) -> None:
    svg = page(built_site, route).split('<svg class="map map-world"')[1].split("</svg>")[0]
    links = re.findall(r'<a href="[^"]+" class="map-link">(.*?)</a>', svg, flags=re.DOTALL)
    assert len(links) > 20
    ring = r'<rect class="map-focus map-focus-halo" x="(-?\d+)" y="(-?\d+)" width="(\d+)" height="(\d+)" rx="8"/><rect class="map-focus map-focus-line" x="\1" y="\2" width="\3" height="\4" rx="8"/>'
    assert [link for link in links if not re.search(ring + "$", link)] == []
    assert svg.rindex('class="map-n0"') < svg.index('class="map-link"')


def test_home_map_table_lists_every_country_including_those_too_small_to_draw(built_site: Path, bundled: Catalog) -> None:
    table = page(built_site, "").split('<table class="country-table">')[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row"><a href="/catalog/countries/([a-z]{2})/">[^<]+</a></th><td>[^<]*</td><td>(\d+)</td>', table)
    assert sorted(rows) == sorted((code.lower(), str(len(items))) for code, items in bundled.by_country.items())
    assert {code for code in bundled.by_country} - {shape.code for shape in world_shapes()}, "the bundled catalog should have a country too small for the map"


def test_home_lists_the_newest_updates_first(built_site: Path, bundled: Catalog) -> None:
    section = page(built_site, "").split('id="newest-title"')[1].split("</section>")[0]
    dated = sorted((item for item in bundled.entries if item.meta.updated), key=lambda item: (-item.meta.updated.toordinal(), item.title.casefold()))
    assert card_links(section) == [entry_link(item) for item in dated[:6]]


def test_home_search_form_sends_q_to_the_search_page(built_site: Path) -> None:
    html = page(built_site, "")
    assert re.search(r'<form class="home-search" role="search"[^>]* action="/catalog/search/" method="get">', html)
    assert '<input id="home-search-q" type="search" name="q">' in html


@pytest.mark.parametrize("route", ["", "electives/", "electives/by/category/research/", "countries/", "countries/rw/", "topics/"])
def test_browse_pages_have_no_inline_style_or_script(built_site: Path, route: str) -> None:
    html = page(built_site, route)
    assert " style=" not in html and "<style" not in html
    assert re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html) == []


def test_a_catalog_without_entries_says_so_instead_of_showing_empty_figures_maps_and_filters(tmp_path: Path) -> None:
    """Only free pages (or only drafts): the home page showed five zeros, a map without a country and "All 0 countries
    as a table"; the countries page a bare map; each listing six filter groups without a value to choose."""
    site = build(tmp_path, {"partners/riverside.md": None, "projects/needs.md": None, "electives/surgery.md": None})
    home = page(site, "")
    assert "No projects, partners or electives are listed yet." in home
    assert 'class="figures"' not in home and "<svg" not in home and "country-table" not in home and "0 countries" not in home
    countries = page(site, "countries/")
    assert "No country has projects, partners or electives yet." in countries and "<svg" not in countries
    for collection in ("projects", "partners", "electives"):
        listing = page(site, f"{collection}/")
        assert f"<p>No {collection} are listed yet.</p>" in listing
        assert "<form" not in listing.split("<main")[1] and "<details" not in listing and "Nothing here yet" not in listing
        assert "filter.js" not in listing
    assert "/catalog/about/" in home  # (the free page is still reachable)


def test_home_counts_one_country_in_the_singular_and_leaves_out_people_reached_when_no_project_gives_it(tmp_path: Path) -> None:
    """"All 1 countries as a table"; and "0 people reached" where no project says how many people it reached."""
    home = page(build(tmp_path, {}), "")
    assert "<summary>The 1 country as a table</summary>" in home
    assert "people reached" not in home and "person reached" not in home
    assert '<span class="figure-value">1</span> <span class="figure-label">project</span>' in home


# --- listings ---------------------------------------------------------------

def test_elective_listing_open_by_nearest_deadline_then_rolling_then_closed(built_site: Path, bundled: Catalog) -> None:
    by_link = {entry_link(item): item.meta for item in bundled.electives}
    order = [by_link[link] for link in card_links(page(built_site, "electives/"))]
    assert sorted(by_link) == sorted(card_links(page(built_site, "electives/")))
    states = ["open" if m.deadline and m.deadline >= TODAY else "rolling" if m.deadline is None else "closed" for m in order]
    assert states == sorted(states, key=["open", "rolling", "closed"].index)
    open_deadlines = [m.deadline for m, state in zip(order, states) if state == "open"]
    closed_deadlines = [m.deadline for m, state in zip(order, states) if state == "closed"]
    assert open_deadlines == sorted(open_deadlines)
    assert closed_deadlines == sorted(closed_deadlines, reverse=True)
    assert {"open", "rolling", "closed"} <= set(states)


def test_project_listing_active_first_then_planned_then_completed(built_site: Path, bundled: Catalog) -> None:
    status = {entry_link(item): item.meta.status for item in bundled.projects}
    order = [status[link] for link in card_links(page(built_site, "projects/"))]
    assert order == sorted(order, key=["active", "planned", "completed"].index) and len(order) == len(status)


def test_partner_listing_by_name(built_site: Path, bundled: Catalog) -> None:
    links = card_links(page(built_site, "partners/"))
    assert links == [entry_link(item) for item in sorted(bundled.partners, key=lambda item: item.title.casefold())]


def test_elective_card_shows_the_key_facts(tmp_path: Path) -> None:
    site = build(tmp_path, {})
    card = page(site, "electives/").split('<li class="card card-electives"')[1].split("</ul>\n</li>")[0]
    for fact in ("Four weeks of surgery.", "Clinical", "Elective", "Outbound (our learners abroad)", "Medical students", "China"):
        assert f">{fact}<" in card
    assert 'class="fact deadline deadline-open" data-deadline="2026-11-30">Closes in 60 days<' in card
    assert 'data-facets="category:clinical format:elective audience:medical-student direction:outbound region:asia country:cn"' in card


def _expected(catalog: Catalog, facet: str, value: str) -> list[str]:
    """Electives having a facet value, read straight from their fields."""
    def has(meta) -> bool:
        if facet == "country":
            return value.upper() in meta.countries
        if facet == "region":
            return any(region_of(code).slug == value for code in meta.countries)
        field = getattr(meta, facet)
        return value in field if isinstance(field, tuple | list) else field == value
    return sorted(entry_link(item) for item in catalog.electives if has(item.meta))


ELECTIVE_FACET_PAGES = ["category", "format", "audience", "direction", "country", "region"]


@pytest.mark.parametrize("facet", ELECTIVE_FACET_PAGES)
def test_every_elective_facet_value_has_a_static_page_with_exactly_its_electives(built_site: Path, bundled: Catalog, facet: str) -> None:
    listing = page(built_site, "electives/")
    values = re.findall(rf'<a href="/catalog/electives/by/{facet}/([a-z0-9-]+)/">', listing)
    assert values, f"no {facet} links on the listing"
    for value in values:
        assert sorted(card_links(page(built_site, f"electives/by/{facet}/{value}/"))) == _expected(bundled, facet, value)
    every_value = {
        "category": {e.meta.category for e in bundled.electives},
        "format": {e.meta.format for e in bundled.electives},
        "direction": {e.meta.direction for e in bundled.electives},
        "audience": {a for e in bundled.electives for a in e.meta.audience},
        "country": {c.lower() for e in bundled.electives for c in e.meta.countries},
        "region": {region_of(c).slug for e in bundled.electives for c in e.meta.countries},
    }[facet]
    assert set(values) == every_value


def test_facet_page_marks_the_current_value_and_links_back(built_site: Path, bundled: Catalog) -> None:
    html = page(built_site, "electives/by/category/research/")
    assert '<a href="/catalog/electives/by/category/research/" aria-current="page">' in html
    assert f'<a href="/catalog/electives/">Show all {len(bundled.electives)} electives</a>' in html
    assert "filter.js" not in html


def test_every_facet_page_marks_only_its_own_value(built_site: Path) -> None:
    """Facet links are rendered once per process and reused: the mark must follow the page, never stick."""
    listing = page(built_site, "electives/")
    assert "aria-current" not in listing.split("<main", 1)[1]
    for facet, value in re.findall(r'<a href="/catalog/electives/by/([a-z]+)/([a-z0-9-]+)/">', listing):
        main = page(built_site, f"electives/by/{facet}/{value}/").split("<main", 1)[1]
        assert re.findall(r'<a href="([^"]+)" aria-current="page">', main) == [f"/catalog/electives/by/{facet}/{value}/"]


@pytest.mark.parametrize(("collection", "facet"), [("projects", "status"), ("projects", "kind"), ("partners", "kind"), ("partners", "country")])
def test_project_and_partner_facet_pages(built_site: Path, bundled: Catalog, collection: str, facet: str) -> None:
    items = bundled.collection(collection)
    for value in {getattr(item.meta, facet).lower() for item in items}:
        expected = sorted(entry_link(i) for i in items if getattr(i.meta, facet).lower() == value)
        assert sorted(card_links(page(built_site, f"{collection}/by/{facet}/{value}/"))) == expected


@pytest.mark.parametrize("collection", ["projects", "partners", "electives"])
def test_entry_slug_by_is_reserved_for_facet_pages(tmp_path: Path, collection: str) -> None:
    source = {"projects": PROJECT, "partners": MINIMAL_FILES["partners/riverside.md"], "electives": ELECTIVE}[collection]
    content = make_catalog(tmp_path, {f"{collection}/by.md": source})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert problem_lines(result) == [
        f"content/{collection}/by.md:1: slug 'by' is reserved for the filter pages at /{collection}/by/ — rename the file"
    ]


def test_free_page_named_by_does_not_collide(tmp_path: Path) -> None:
    site = build(tmp_path, {"pages/by.md": MINIMAL_FILES["pages/about.md"]})
    assert (site / "by" / "index.html").is_file()
    assert (site / "electives" / "by" / "category" / "clinical" / "index.html").is_file()


def test_a_free_page_shows_its_topics_and_date(tmp_path: Path) -> None:
    """A free page's tags made topic pages that listed it, but the page itself showed neither them nor its date."""
    dated = MINIMAL_FILES["pages/about.md"].replace("summary:", "tags: [medical education, safety]\nupdated: 2026-09-15\nsummary:")
    site = build(tmp_path, {"pages/about.md": dated, "pages/plain.md": MINIMAL_FILES["pages/about.md"]})
    about = page(site, "about")
    assert f'<a href="{BASE}topics/medical-education/">medical education</a>' in about
    assert f'<a href="{BASE}topics/safety/">safety</a>' in about
    assert '<dt>Last updated</dt><dd><time datetime="2026-09-15">15 September 2026</time></dd>' in about
    assert f'href="{BASE}about/"' in page(site, "topics/safety")
    assert "entry-facts" not in page(site, "plain")  # (no empty list)


def test_a_card_names_the_first_five_of_many_countries_and_counts_the_rest(tmp_path: Path) -> None:
    """A project in every country of the world made a card (listing, home, country page, collaborate) a screen of names."""
    every = ", ".join(code for code in ("CN", "RW", "GH", "PE", "FR", "NO", "JP", "BR"))
    site = build(tmp_path, {
        "projects/needs.md": PROJECT.replace("countries: [CN]", f"countries: [{every}]\nseeking: [funding]"),
        "projects/six.md": PROJECT.replace("Needs Assessment", "Six Countries").replace("countries: [CN]", "countries: [CN, RW, GH, PE, FR, NO]"),
    })
    names = "China, Rwanda, Ghana, Peru, France and 3 more countries"
    assert f'<li class="fact places">{names}</li>' in page(site, "projects/")
    assert f'<li class="fact places">{names}</li>' in page(site, "countries/br/")
    assert f"Research · Active · {names}</p>" in page(site, "collaborate/")
    assert '<li class="fact places">China, Rwanda, Ghana, Peru, France, Norway</li>' in page(site, "projects/")  # (six: all)
    assert all(country_name(code) in page(site, "projects/needs/") for code in every.split(", "))  # (its page: all)


# --- countries and topics ---------------------------------------------------

def test_countries_index_grouped_by_m49_region(built_site: Path, bundled: Catalog) -> None:
    html = page(built_site, "countries/")
    sections = re.findall(r'<h2 id="region-\d+">([^<]+)</h2>\n<ul class="country-list">\n(.*?)</ul>', html, re.S)
    found = {code.upper(): region for region, body in sections for code in re.findall(r'/catalog/countries/([a-z]{2})/', body)}
    assert found == {code: region_of(code).name for code in bundled.by_country}
    assert [region for region, _ in sections] == sorted(region for region, _ in sections)


def test_country_page_groups_entries_by_collection_with_a_highlight_map(tmp_path: Path) -> None:
    site = build(tmp_path, {})
    html = page(site, "countries/cn/")
    assert re.findall(r'<h2 id="(\w+)">', html) == ["projects", "electives", "partners"]
    assert card_links(html) == ["/catalog/projects/needs/", "/catalog/electives/surgery/", "/catalog/partners/riverside/"]
    assert html.count('class="map-current"') >= 1
    assert 'aria-label="Map of China and its neighbours"' in html
    assert "Eastern Asia, Asia" in html


def test_countries_too_small_for_the_world_map_get_a_ringed_close_up(tmp_path: Path) -> None:
    site = build(tmp_path, {"projects/needs.md": PROJECT.replace("countries: [CN]", "countries: [CN, SG, TK]")})
    singapore = page(site, "countries/sg/")
    assert '<circle class="map-marker"' in singapore and 'class="map-current"' in singapore
    home = page(site, "")
    assert 'href="/catalog/countries/sg/">Singapore</a></th>' in home and 'href="/catalog/countries/tk/">Tokelau</a></th>' in home
    assert re.search(r'<a href="/catalog/countries/sg/" class="map-link"><title>Singapore: 1 entry</title><circle class="map-dot map-n1"', home)


@pytest.mark.parametrize(("code", "name", "is_drawn"), [("RE", "Réunion", True), ("GF", "French Guiana", True), ("TV", "Tuvalu", False), ("GI", "Gibraltar", False)])
def test_countries_no_atlas_draws_on_their_own_get_a_dot_a_link_and_a_close_up(tmp_path: Path, code: str, name: str, is_drawn: bool) -> None:
    """Réunion and French Guiana are parts of France's shape, Tuvalu and Gibraltar in neither atlas: they had no dot and no map."""
    site = build(tmp_path, {"projects/needs.md": PROJECT.replace("countries: [CN]", "countries: [CN, RE, GF, TV, GI]")})
    slug = code.lower()
    for route in ("", "countries/"):
        html = page(site, route)
        assert re.search(rf'<a href="/catalog/countries/{slug}/" class="map-link"><title>{name}: 1 entry</title><circle class="map-dot map-n1"', html), route
    html = page(site, f"countries/{slug}/")
    svg = html.split('<svg class="map map-highlight"')[1].split("</svg>")[0]
    assert f'aria-label="Map of {name} and its neighbours"' in html
    assert ('class="map-current"' in svg) == is_drawn
    assert '<circle class="map-marker"' in svg or code == "GF"  # (French Guiana is big enough to see)


def test_topic_page_groups_by_collection_and_index_counts(built_site: Path, bundled: Catalog) -> None:
    topic = max(bundled.topics.values(), key=lambda t: (len({i.collection for i in t.items}), len(t.items), t.slug))
    html = page(built_site, f"topics/{topic.slug}/")
    assert sorted(card_links(html)) == sorted(entry_link(item) for item in topic.items)
    assert len(re.findall(r'<h2 id="\w+">', html)) == len({item.collection for item in topic.items})
    index = page(built_site, "topics/")
    names = re.findall(r'<a href="/catalog/topics/[^"]+/">([^<]+) <span class="count">', index)
    assert names == sorted((t.name for t in bundled.topics.values()), key=str.casefold)


def test_listings_countries_and_topics_ignore_accents_and_case_in_their_order(tmp_path: Path) -> None:
    def partner(title: str, country: str, tag: str) -> str:
        return PARTNER.replace("Riverside Hospital", title).replace("country: CN", f"country: {country}").replace("city: Nanjing", f"tags: [{tag}]")

    site = build(tmp_path, {
        "partners/zambia.md": partner("Zambia Health Trust", "ZM", "zoonoses"),
        "partners/ecole.md": partner("École de santé publique", "FR", "épidémiologie"),
        "partners/aland.md": partner("Ålands hälso- och sjukvård", "AX", "Acute care"),
        "partners/fjord.md": partner("fjord clinic", "NO", "family medicine"),
    })
    assert card_links(page(site, "partners/")) == [f"/catalog/partners/{slug}/" for slug in ("aland", "ecole", "fjord", "riverside", "zambia")]
    europe = page(site, "countries/").split(">Europe<")[1].split("</ul>")[0]
    assert re.findall(r'countries/[a-z]{2}/">([^<]+)<', europe) == ["Åland Islands", "France", "Norway"]
    assert re.findall(r'<a href="/catalog/topics/[^"]+/">([^<]+) <span class="count">', page(site, "topics/")) == [
        "Acute care", "épidémiologie", "family medicine", "maternal health", "zoonoses"]
    assert re.findall(r'value="([A-Z]{2})"', page(site, "search/").split('name="country"')[1].split("</select>")[0]) == [
        "AX", "CN", "FR", "NO", "ZM"]


def test_deadline_today_is_still_open_and_sorted_first(tmp_path: Path) -> None:
    def elective(title: str, deadline: str | None) -> str:
        text = ELECTIVE.replace("Surgery Elective", title)
        return text.replace("deadline: 2026-11-30", f"deadline: {deadline}") if deadline else text.replace("deadline: 2026-11-30\n", "")

    site = build(tmp_path, {
        "electives/surgery.md": None,
        "electives/a-closed.md": elective("Alpha Closed", "2026-09-30"),
        "electives/b-rolling.md": elective("Bravo Rolling", None),
        "electives/c-later.md": elective("Charlie Later", "2027-01-01"),
        "electives/d-today.md": elective("Delta Today", "2026-10-01"),
        "electives/e-older.md": elective("Echo Older", "2026-01-01"),
    })
    html = page(site, "electives/")
    assert card_links(html) == [f"/catalog/electives/{slug}/" for slug in ("d-today", "c-later", "b-rolling", "a-closed", "e-older")]
    assert ">Closes today<" in html and ">Closed on 30 September 2026<" in html
    assert '<span class="figure-value">3</span> <span class="figure-label">electives open now</span>' in page(site, "")


def test_inline_lists_have_no_space_before_their_commas(built_site: Path) -> None:
    """The style sheet puts ", " between the items of an inline list; a line break between them showed as "Funding (5) , Faculty"."""
    lists = [found for path in built_site.rglob("*.html") for found in re.findall(r'<ul class="inline-list">(.*?)</ul>', path.read_text(encoding="utf-8"), re.S)]
    assert len(lists) > 50 and any("collaborators" in found.lower() for found in lists)
    assert not [found for found in lists if re.search(r"</li>\s+<li", found)]


def test_a_listing_filter_leaves_out_a_group_whose_one_value_every_entry_has(tmp_path: Path) -> None:
    """Two projects, both active and both in China, offered "Status: Active (2)", "Region: Eastern Asia (2)" and
    "Country: China (2)": choices that change nothing. Only their kinds differ; the static pages stay for links."""
    other = PROJECT.replace("title: Needs Assessment", "title: Training").replace("kind: research", "kind: capacity-building")
    site = build(tmp_path / "two", {"projects/training.md": other})
    listing = page(site, "projects/")
    assert re.findall(r'<summary>([^<]+)</summary>', listing) == ["Kind"]
    assert re.findall(r'href="/catalog/projects/by/([a-z]+)/[^"]*"', listing) == ["kind", "kind"]  # (filter.js makes their checkboxes)
    assert "filter.js" in listing
    assert card_links(page(site, "projects/by/status/active/")) == ["/catalog/projects/needs/", "/catalog/projects/training/"]
    assert re.findall(r'<summary>([^<]+)</summary>', page(site, "projects/by/kind/research/")) == ["Kind"]
    one = page(build(tmp_path / "one", {}), "projects/")
    assert "<form" not in one.split("<main", 1)[1] and "filter.js" not in one
    assert card_links(one) == ["/catalog/projects/needs/"]


def test_deadline_script_is_loaded_only_where_a_deadline_is_shown_or_a_filter_may_add_one(built_site: Path) -> None:
    """deadline.js sat in every page's head: the 404, countries, topics, free pages, partners, collaborate and search loaded it for nothing."""
    pages = {path.relative_to(built_site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(built_site.rglob("*.html"))}
    loading = {name for name, html in pages.items() if "js/deadline.js" in html}
    showing = {name for name, html in pages.items() if "data-deadline=" in html}
    filtered = {name for name, html in pages.items() if "js/filter.js" in html and name.startswith("electives/")}
    assert loading == showing | filtered
    assert {"404.html", "partners/index.html", "countries/index.html", "search/index.html", "about/index.html"}.isdisjoint(loading)
    assert {"index.html", "electives/index.html"} <= loading
    assert all(html.count("js/deadline.js") == 1 for name, html in pages.items() if name in loading)


def test_an_electives_listing_whose_cards_show_no_deadline_loads_the_script_for_those_its_filter_adds(tmp_path: Path) -> None:
    second = ELECTIVE.replace("title: Surgery Elective", "title: Research Elective").replace("category: clinical", "category: research")
    content = make_catalog(tmp_path, MINIMAL_FILES | {"electives/surgery.md": ELECTIVE.replace("deadline: 2026-11-30\n", ""),
                                                       "electives/research.md": second.replace("deadline: 2026-11-30\n", "")})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    listing = (tmp_path / "_site/electives/index.html").read_text(encoding="utf-8")
    assert "data-deadline=" not in listing and "js/filter.js" in listing and "js/deadline.js" in listing
    assert "js/deadline.js" not in (tmp_path / "_site/projects/index.html").read_text(encoding="utf-8")
