"""Long lists are split into pages: listings, filter, topic, country and collaborate pages.

``paged_site`` is the bundled catalog built with a few cards a page; every test
compares it with ``built_site``, where each list fits one page, so the pages
together must hold exactly the one page's cards, in its order.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PAGED_SIZE, build_bundled_split
from test_html_validity import run_checker
from site_gen import urls
from site_gen.routes import Group, Pager, numbered_routes, split_groups, split_pages

CARD_LINK = re.compile(r'<li class="card[^"]*"[^>]*>\s*<h\d[^>]*><a href="([^"]+)"')
CARD = re.compile(r'<li class="card card-[a-z]+"[^>]*>.*?\n</li>\n', re.S)  # (a card's own closing tag starts a line)
BASE = "/catalog/"


def routes_of(count: int) -> tuple[str, ...]:
    return tuple(f"r/{number}/" for number in range(1, count + 1))


def numbers(pager: Pager) -> list[int | None]:
    return [None if link is None else link[0] for link in pager.links()]


def test_pager_links_the_first_the_last_and_the_nearest_pages() -> None:
    assert numbers(Pager(5, routes_of(13))) == [1, 2, 3, 4, 5, 6, 7, None, 13]  # a gap of one page is linked, not "…"
    assert numbers(Pager(1, routes_of(13))) == [1, 2, 3, None, 13]
    assert numbers(Pager(13, routes_of(13))) == [1, None, 11, 12, 13]
    assert numbers(Pager(2, routes_of(3))) == [1, 2, 3]
    pager = Pager(7, routes_of(13))
    assert numbers(pager) == [1, None, 5, 6, 7, 8, 9, None, 13]
    assert (pager.previous, pager.next, pager.count) == ("r/6/", "r/8/", 13)
    assert Pager(1, routes_of(2)).previous is None and Pager(2, routes_of(2)).next is None
    assert pager.links()[0] == (1, "r/1/")


def test_cards_data_routes_are_told_apart_from_other_files() -> None:
    """``serve`` renders these in its live site; other JSON files (the search index) come from the disk."""
    for route in (urls.cards_data("electives"), urls.cards_data("partners")):
        assert urls.is_cards_data(route), route
    for route in ("search/index-0123abcd.json", "catalog.json", "electives/by/cards/1.json", "electives/by/cards/x.json",
                  "electives/cards.json", "a/b/by/cards.json", "electives/by/cards.json/"):
        assert not urls.is_cards_data(route), route


def test_split_pages_and_groups_keep_order_and_titles() -> None:
    assert split_pages([1, 2, 3, 4, 5], 2) == [(1, 2), (3, 4), (5,)]
    assert split_pages([], 2) == [()]
    groups = (Group("A", ("a1", "a2", "a3"), "projects"), Group("B", ("b1", "b2", "b3", "b4", "b5"), "electives"), Group("C", ("c1",)))
    pages = split_groups(groups, 4)
    assert [[(group.title, group.items) for group in page] for page in pages] == [
        [("A", ("a1", "a2", "a3")), ("B", ("b1",))],
        [("B", ("b2", "b3", "b4", "b5"))],
        [("C", ("c1",))],
    ]
    assert pages[1][0].collection == "electives"
    assert split_groups((), 4) == [()]


def test_each_pager_knows_which_items_of_the_whole_its_page_holds() -> None:
    groups = (Group("A", ("a1", "a2", "a3")), Group("B", ("b1", "b2", "b3", "b4", "b5")))
    pagers = [route.context["pager"] for route in numbered_routes(lambda number: f"p{number}/", split_groups(groups, 4), "t.html", {}, "groups")]
    assert [(pager.first, pager.last) for pager in pagers] == [(1, 4), (5, 8)]
    pagers = [route.context["pager"] for route in numbered_routes(lambda number: f"p{number}/", split_pages("abcde", 2), "t.html", {}, "items")]
    assert [(pager.first, pager.last) for pager in pagers] == [(1, 2), (3, 4), (5, 5)]


def page(site: Path, route: str) -> str:
    return (site / route / "index.html").read_text(encoding="utf-8")


def page_routes(site: Path, first: str) -> list[str]:
    """The route of every page of a list, following the "Next" links from the first."""
    found = [first]
    while (following := re.search(r'<a href="([^"]+)" rel="next">', page(site, found[-1]))) is not None:
        found.append(following.group(1).removeprefix(BASE))
    return found


LONG_LISTS = ["electives/", "projects/", "partners/", "electives/by/category/clinical/", "projects/by/region/africa/",
              "topics/primary-care/", "countries/us/", "collaborate/"]


@pytest.mark.parametrize("route", LONG_LISTS)
def test_the_pages_together_hold_the_whole_list_in_order(built_site: Path, paged_site: Path, route: str) -> None:
    whole = CARD_LINK.findall(page(built_site, route))
    routes = page_routes(paged_site, route)
    shares = [CARD_LINK.findall(page(paged_site, each)) for each in routes]
    assert len(whole) > PAGED_SIZE and len(routes) == -(-len(whole) // PAGED_SIZE)
    assert [link for share in shares for link in share] == whole
    assert all(len(share) == PAGED_SIZE for share in shares[:-1])


PARTNER = "partners/kigali-hillside-teaching-hospital/"  # a bundled partner with four projects and electives
PARTNER_PAGE_SIZE = 2  # (the bundled partners have at most four: fewer than ``PAGED_SIZE`` a page would split)


@pytest.fixture(scope="module")
def partner_paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog built with two cards a page, so that partners' pages split too."""
    return build_bundled_split(tmp_path_factory.mktemp("partners") / "_site", PARTNER_PAGE_SIZE)


def linked_cards(html: str) -> list[str]:
    """The cards of a partner page's projects and electives (not its related entries)."""
    sections = re.findall(r'<section aria-labelledby="site-partner-[a-z]+">.*?</section>', html, re.S)
    return [link for section in sections for link in CARD_LINK.findall(section)]


def test_a_partner_shows_its_projects_and_electives_a_page_at_a_time(built_site: Path, partner_paged_site: Path) -> None:
    """A partner may host thousands of electives: its page would weigh megabytes (5 MB for 6,000 cards)."""
    site, size = partner_paged_site, PARTNER_PAGE_SIZE
    whole = linked_cards(page(built_site, PARTNER))
    routes_found = page_routes(site, PARTNER)
    assert len(whole) > size and len(routes_found) == -(-len(whole) // size)
    assert routes_found[1] == PARTNER + "page/2/"
    shares = [linked_cards(page(site, route)) for route in routes_found]
    assert [link for share in shares for link in share] == whole
    assert all(len(share) == size for share in shares[:-1])
    listed = [link for route in page_routes(built_site, "electives/") for link in CARD_LINK.findall(page(built_site, route))]
    electives = [link for link in whole if "/electives/" in link]
    assert len(electives) > 1 and electives == [link for link in listed if link in electives]  # in the listing's order
    first, later = page(site, PARTNER), page(site, routes_found[1])
    for part in ('class="entry-body"', 'class="related"', "application/ld+json", 'class="entry-facts"'):
        assert part in first and part not in later, part
    name = re.search(r"<h1>(.*?)</h1>", first).group(1)  # type: ignore[union-attr]
    assert f"<title>{name}, page 2 of {len(routes_found)} · " in later and f"<h1>{name}</h1>" in later
    assert f'<li><a href="{BASE}{PARTNER}">{name}</a></li>' in later  # the breadcrumb leads back to the partner
    assert f"{size + 1} to {min(2 * size, len(whole))} of {len(whole)}</p>" in later
    for html in (first, later):
        assert re.search(r'<ul class="group-counts">\n<li><a href="[^"]*#site-partner-projects">\d+ projects?</a></li>', html)
        assert f'<a href="{BASE}{PARTNER}page/2/"' in html and "data-pager" in html
    assert "group-counts" not in page(built_site, PARTNER) and "data-pager" not in page(built_site, PARTNER)
    alias = PAGE_ONE.fullmatch((site / PARTNER / "page/1/index.html").read_text(encoding="utf-8"))
    assert alias is not None and alias["link"] == f"{BASE}{PARTNER}"
    assert run_checker([site / route / "index.html" for route in routes_found]) == []  # the Nu HTML Checker


def test_each_page_says_where_it_is(paged_site: Path) -> None:
    routes = page_routes(paged_site, "electives/")
    count = len(routes)
    assert routes[1] == "electives/by/page/2/" and routes[-1] == f"electives/by/page/{count}/"
    for number, route in enumerate(routes, start=1):
        html = page(paged_site, route)
        title = re.search(r"<title>(.*?)</title>", html).group(1)  # type: ignore[union-attr]
        assert title.startswith("Electives · " if number == 1 else f"Electives, page {number} of {count} · ")
        assert f'<p class="pager-where">Page {number} of {count}</p>' in html
        assert f'<a href="{BASE}{route}" aria-current="page"><span class="visually-hidden">Page </span>{number}</a>' in html
        assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < count)
        assert f'<link rel="canonical" href="https://example.org{BASE}{route}">' in html
        assert "<h1>Electives</h1>" in html
        cards = html.count('<li class="card')
        first, last = (number - 1) * PAGED_SIZE + 1, (number - 1) * PAGED_SIZE + cards
        assert re.search(rf'data-result-count [^>]*>\d+ electives, {first} to {last} on this page</p>', html), route
        assert f'<a href="#results-title">Show electives {first} to {last}</a>' in html


def test_group_counts_lead_to_the_page_where_each_group_begins(built_site: Path, paged_site: Path) -> None:
    counts = re.findall(r'<li><a href="([^"]*)">(\d+) (\w+)</a></li>', page(paged_site, "countries/us/"))
    assert len(counts) > 1
    for href, _, _ in counts:
        target, _, anchor = href.partition("#")
        html = page(paged_site, target.removeprefix(BASE)) if target else page(paged_site, "countries/us/")
        assert f'<h2 id="{anchor}">' in html
        earlier = page_routes(paged_site, "countries/us/")
        previous = earlier.index(target.removeprefix(BASE) or "countries/us/")
        assert previous == 0 or f'<h2 id="{anchor}">' not in page(paged_site, earlier[previous - 1])
    wanted = re.findall(r'href="(?:[^"#]*)#(seeking-[a-z]+)">', page(paged_site, "collaborate/"))
    assert wanted and wanted == re.findall(r'href="#(seeking-[a-z]+)">', page(built_site, "collaborate/"))


def test_a_long_listing_names_the_files_of_its_cards_for_the_filter(built_site: Path, paged_site: Path) -> None:
    """The facet values of every card in one file; the cards come from the facet pages (no file of each page's cards)."""
    listing = page(paged_site, "electives/")
    assert 'data-cards="/catalog/electives/by/cards.json">' in listing
    assert f'data-page-size="{PAGED_SIZE}"' in listing
    whole = CARD.findall(page(built_site, "electives/"))
    facets = json.loads((paged_site / "electives/by/cards.json").read_text(encoding="utf-8"))
    assert facets == [re.search(r'data-facets="([^"]*)"', html).group(1) for html in whole]  # type: ignore[union-attr]
    assert len(whole) > PAGED_SIZE and not (paged_site / "electives/by/cards").exists()
    paged = [card for route in page_routes(paged_site, "electives/") for card in CARD.findall(page(paged_site, route))]
    assert paged == whole
    assert "data-cards" not in page(paged_site, "electives/by/category/clinical/")  # filter pages have no checkboxes


def test_lists_that_fit_one_page_are_not_split(built_site: Path, paged_site: Path) -> None:
    assert not list(built_site.rglob("cards*")) and not list(built_site.rglob("page"))
    assert not any("data-pager" in path.read_text(encoding="utf-8") for path in built_site.rglob("*.html"))
    short = [path.parent.relative_to(built_site).as_posix() + "/" for folder in ("countries", "topics", "electives/by/direction")
             for path in (built_site / folder).glob("*/index.html")]
    short = [route for route in short if 0 < len(CARD_LINK.findall(page(built_site, route))) <= PAGED_SIZE]
    assert len(short) > 10
    for route in short:
        assert "data-pager" not in page(paged_site, route) and not (paged_site / route / "page").exists()


def test_the_sitemap_lists_every_page_but_no_data_file(paged_site: Path) -> None:
    sitemap = (paged_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/catalog/electives/by/page/2/</loc>" in sitemap
    assert "<loc>https://example.org/catalog/topics/primary-care/page/2/</loc>" in sitemap
    assert "cards" not in sitemap
    assert "/page/1/" not in sitemap and (paged_site / "electives/by/page/1/index.html").is_file()  # (page 1 is an alias)


def first_page_of(route: str) -> str:
    """The first page of the list whose later pages are at ``route`` + "page/<n>/": a listing's are below "by/"."""
    parts = route.rstrip("/").split("/")
    return parts[0] + "/" if parts[1:] == [urls.FACET_SEGMENT] else route


def split_lists(site: Path) -> list[str]:
    """The route below which each list of several pages has its later pages ("electives/by/", "topics/x/")."""
    return sorted(path.parent.parent.parent.relative_to(site).as_posix() + "/" for path in site.rglob("page/2/index.html"))


PAGE_ONE = re.compile(r"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="[^"]+">
<meta name="referrer" content="[^"]+">
<title>(?P<title>[^<]+)</title>
<link rel="canonical" href="(?P<canonical>[^"]+)">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=(?P<refresh>[^"]+)">
</head>
<body>
<main>
<p>The first page of this list is <a href="(?P<link>[^"]+)">(?P<name>[^<]+)</a>.</p>
</main>
</body>
</html>
""")


def test_page_one_of_every_long_list_sends_the_visitor_to_its_first_page(paged_site: Path) -> None:
    """".../page/1/" is typed in the address bar, or linked from elsewhere: it leads to the list, with or without JavaScript."""
    lists = split_lists(paged_site)
    assert {"electives/by/", "electives/by/category/clinical/", "topics/primary-care/", "countries/us/", "collaborate/"} <= set(lists)
    assert sorted(path.parent.parent.parent.relative_to(paged_site).as_posix() + "/" for path in paged_site.rglob("page/1/index.html")) == lists
    for route in lists:
        first = first_page_of(route)
        alias = PAGE_ONE.fullmatch((paged_site / route / "page/1/index.html").read_text(encoding="utf-8"))
        assert alias is not None, route
        title = re.search(r"<title>(.*?)</title>", page(paged_site, first)).group(1)  # type: ignore[union-attr]
        assert alias["title"] == title and title.startswith(alias["name"] + " · ")
        assert alias["canonical"] == f"https://example.org{BASE}{first}"
        assert alias["refresh"] == alias["link"] == f"{BASE}{first}"
