"""Entry pages, the collaborate page and page metadata, read as a visitor would."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ELECTIVE, PARTNER, PROJECT, SITE_YAML, make_catalog, run_cli
from page_parts import fact, page_file, parse

FULL_ELECTIVE = ELECTIVE.replace("deadline: 2026-11-30", """\
deadline: 2026-10-13
audience: [medical-student, resident]
duration_weeks: {min: 4, max: 8}
cost: {amount: 1200, currency: USD}
languages: [English C1, zh, "Mandarin (helpful)"]
apply_url: https://apply.example.edu/surgery
contact: electives@example.edu
updated: 2026-03-01""").replace("audience: [medical-student]\n", "")


def build(tmp_path: Path, files: dict[str, str | None]) -> Path:
    content = make_catalog(tmp_path, files)
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 0, result.out + result.err
    return tmp_path / "_site"


def entry_page(tmp_path: Path, collection: str, slug: str, files: dict[str, str | None] | None = None) -> BeautifulSoup:
    return parse(page_file(build(tmp_path, files or {}), collection, slug))


def test_elective_facts_read_as_words(tmp_path: Path) -> None:
    page = entry_page(tmp_path, "electives", "surgery", {"electives/surgery.md": FULL_ELECTIVE})
    assert fact(page, "Duration") == "4–8 weeks"
    assert fact(page, "Cost") == "1,200 USD"
    assert fact(page, "Who may apply") == "Medical students, Residents"
    assert fact(page, "Direction") == "Outbound (our learners abroad)"
    assert fact(page, "Languages") == "English (level C1), Chinese, Mandarin (helpful)"
    assert fact(page, "Application deadline") == "13 October 2026"
    assert fact(page, "Last updated") == "1 March 2026"
    assert fact(page, "Host") == "Riverside Hospital"
    assert page.select_one("dl.entry-facts a[href='mailto:electives@example.edu']")
    assert page.select_one("dl.entry-facts a[href='/catalog/partners/riverside/']")


def test_a_cost_of_nothing_says_there_is_no_fee(tmp_path: Path) -> None:
    # "Cost: 0 USD" (a clerkship in Ulaanbaatar whose summary says "No fee") read as a price left blank.
    free = FULL_ELECTIVE.replace("cost: {amount: 1200, currency: USD}", "cost: {amount: 0.00, currency: USD}")
    assert fact(entry_page(tmp_path, "electives", "surgery", {"electives/surgery.md": free}), "Cost") == "No fee (0 USD)"


def test_apply_call_to_action_only_with_apply_url(tmp_path: Path) -> None:
    with_url = entry_page(tmp_path / "a", "electives", "surgery", {"electives/surgery.md": FULL_ELECTIVE})
    without = entry_page(tmp_path / "b", "electives", "surgery", {})
    assert with_url.select_one("a.apply")["href"] == "https://apply.example.edu/surgery"
    assert without.select_one("a.apply") is None


@pytest.mark.parametrize(("deadline", "text"), [
    ("deadline: 2026-10-13", "Apply for Surgery Elective"),
    ("deadline: 2026-09-30", "Application page for Surgery Elective (this round has closed)"),  # (the build's date is 2026-10-01)
])
def test_the_apply_link_of_a_closed_elective_does_not_invite_an_application(tmp_path: Path, deadline: str, text: str) -> None:
    """'Closed on 30 September 2026' above 'Apply for …' asked for an application nobody would take."""
    page = entry_page(tmp_path, "electives", "surgery", {"electives/surgery.md": FULL_ELECTIVE.replace("deadline: 2026-10-13", deadline)})
    link = page.select_one("a.apply")
    assert link.get_text() == text
    assert ("apply-closed" in link["class"]) == text.endswith("(this round has closed)")  # (a plain link, not the main button)
    assert (link["data-open-text"], link["data-closed-text"]) == (
        "Apply for Surgery Elective", "Application page for Surgery Elective (this round has closed)")  # (for deadline.js)


@pytest.mark.parametrize(("deadline", "text", "state"), [
    ("deadline: 2026-10-13", "Closes in 12 days (13 October 2026)", "open"),  # (the date for pages read without scripts)
    ("deadline: 2026-10-01", "Closes today (1 October 2026)", "open"),
    ("deadline: 2026-03-01", "Closed on 1 March 2026", "closed"),
    ("", "Rolling admissions", "rolling"),
])
def test_deadline_state_at_build_time(tmp_path: Path, deadline: str, text: str, state: str) -> None:
    page = entry_page(tmp_path, "electives", "surgery", {"electives/surgery.md": ELECTIVE.replace("deadline: 2026-11-30", deadline)})
    element = page.select_one(".call-to-action .deadline")
    assert element.get_text() == text
    assert f"deadline-{state}" in element["class"]
    assert element.get("data-deadline") == (deadline.removeprefix("deadline: ") or None)


@pytest.mark.parametrize(("disclaimer", "shown"), [(True, True), (False, False)])
def test_site_disclaimer_on_electives(tmp_path: Path, disclaimer: bool, shown: bool) -> None:
    site = SITE_YAML if disclaimer else SITE_YAML.replace("disclaimer: Listing is not endorsement.\n", "")
    page = entry_page(tmp_path, "electives", "surgery", {"site.yaml": site})
    aside = page.select_one("article aside.disclaimer")
    assert (aside is not None and "Listing is not endorsement." in aside.get_text()) is shown
    assert (page.select_one("footer a[href='#site-disclaimer']") is not None) is shown


def test_partner_page_lists_its_projects_and_hosted_electives(tmp_path: Path) -> None:
    other = PROJECT.replace("title: Needs Assessment", "title: Unrelated Work").replace("partners: [riverside]", "partners: []")
    page = entry_page(tmp_path, "partners", "riverside", {"projects/other.md": other})
    projects = [a.get_text() for a in page.select("section[aria-labelledby='site-partner-projects'] h3 a")]
    electives = [a.get_text() for a in page.select("section[aria-labelledby='site-partner-electives'] h3 a")]
    assert projects == ["Needs Assessment"]
    assert electives == ["Surgery Elective"]


def test_partner_page_without_electives_has_no_empty_section(tmp_path: Path) -> None:
    page = entry_page(tmp_path, "partners", "riverside", {"electives/surgery.md": None})
    assert page.select_one("section[aria-labelledby='site-partner-electives']") is None
    assert page.select_one("section[aria-labelledby='site-partner-projects']") is not None


def test_project_links_to_partners_countries_and_back(tmp_path: Path) -> None:
    page = entry_page(tmp_path, "projects", "needs")
    assert fact(page, "Partners") == "Riverside Hospital"
    assert page.select_one("dl.entry-facts a[href='/catalog/countries/cn/']").get_text() == "China"
    assert fact(page, "Where") == "China (Eastern Asia, Asia)"
    assert [a["href"] for a in page.select("nav.breadcrumbs a")] == ["/catalog/", "/catalog/projects/"]
    assert page.select_one("dl.entry-facts a[href='/catalog/topics/maternal-health/']")


@pytest.mark.parametrize(("dates", "facts"), [
    ("start: 2020\nend: 2020", [("Year", "2020")]),
    ("start: 2026-03-01\nend: 2026-03-01", [("Date", "1 March 2026")]),
    ("start: 2020\nend: 2024", [("Start", "2020"), ("End", "2024")]),
    ("start: 2020\nend: 2020-06-30", [("Start", "2020"), ("End", "30 June 2020")]),
    ("start: 2020", [("Start", "2020")]),
    ("end: 2020", [("End", "2020")]),
])
def test_project_period_names_a_single_year_or_day_once(tmp_path: Path, dates: str, facts: list[tuple[str, str]]) -> None:
    page = entry_page(tmp_path, "projects", "needs", {"projects/needs.md": PROJECT.replace("status: active", f"status: active\n{dates}")})
    terms = [dt.get_text(strip=True) for dt in page.select("dl.entry-facts dt")]
    assert [term for term in terms if term in {"Start", "End", "Year", "Date"}] == [term for term, _ in facts]
    assert [fact(page, term) for term, _ in facts] == [text for _, text in facts]


def _elective(slug: str, country: str, tags: str) -> tuple[str, str]:
    text = ELECTIVE.replace("title: Surgery Elective", f"title: Elective {slug}").replace("countries: [CN]", f"countries: [{country}]")
    return f"electives/{slug}.md", text.replace("host: riverside\n", "").replace("deadline:", f"tags: [{tags}]\ndeadline:")


def test_related_entries_rank_country_above_tags_and_stop_at_four_leaving_out_the_host(tmp_path: Path) -> None:
    files = dict([
        _elective("aa-tag-only", "FR", "surgery"),
        _elective("bb-country-and-tag", "CN", "surgery"),
        _elective("cc-nothing-shared", "FR", "cardiology"),
        _elective("dd-tag-only", "FR", "surgery"),
        _elective("ee-tag-only", "FR", "surgery"),
    ])
    files["electives/surgery.md"] = ELECTIVE.replace("deadline:", "tags: [surgery]\ndeadline:")
    page = entry_page(tmp_path, "electives", "surgery", files)
    related = [a.get_text() for a in page.select("section.related h3 a")]
    assert related == ["Elective bb-country-and-tag", "Needs Assessment", "Elective aa-tag-only", "Elective dd-tag-only"]


def test_related_entries_leave_out_what_the_page_already_links(tmp_path: Path) -> None:
    page = entry_page(tmp_path, "partners", "riverside", dict([_elective("zz-elsewhere", "CN", "x")]))
    assert [a.get_text() for a in page.select("section.related h3 a")] == ["Elective zz-elsewhere"]


def test_metadata_of_an_entry(tmp_path: Path) -> None:
    page = entry_page(tmp_path, "electives", "surgery")
    canonical = "https://example.org/catalog/electives/surgery/"
    assert page.title.get_text() == "Surgery Elective · Test Catalog"
    assert page.select_one("meta[name=description]")["content"] == "Four weeks of surgery."
    assert page.select_one("link[rel=canonical]")["href"] == canonical
    assert page.select_one("meta[property='og:url']")["content"] == canonical
    assert page.select_one("meta[property='og:title']")["content"] == "Surgery Elective"
    assert page.select_one("meta[property='og:type']")["content"] == "article"
    assert page.select_one("meta[property='og:description']")["content"] == "Four weeks of surgery."


def test_not_found_page_has_no_canonical_and_is_not_indexed(tmp_path: Path) -> None:
    page = parse(build(tmp_path, {}) / "404.html")
    assert page.select_one("link[rel=canonical]") is None
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert all(a["href"].startswith(("/catalog/", "#", "mailto:")) for a in page.select("a[href]"))


def test_collaborate_groups_projects_by_what_they_seek(tmp_path: Path) -> None:
    seeking = PROJECT.replace("tags:", "seeking: [trainees, funding]\ncontact: needs@example.edu\ntags:")
    quiet = PROJECT.replace("title: Needs Assessment", "title: Quiet Project")
    page = parse(build(tmp_path, {"projects/needs.md": seeking, "projects/quiet.md": quiet}) / "collaborate/index.html")
    groups = {section["id"]: [a.get_text() for a in section.select("h3 a")] for section in page.select("section.seeking")}
    assert groups == {"seeking-funding": ["Needs Assessment"], "seeking-trainees": ["Needs Assessment"]}
    assert list(groups) == ["seeking-funding", "seeking-trainees"]
    assert len(page.select("section.seeking a[href='mailto:needs@example.edu']")) == 2


def test_deadline_script_is_an_external_file(tmp_path: Path) -> None:
    site = build(tmp_path, {})
    page = parse(page_file(site, "electives", "surgery"))
    scripts = page.find_all("script")
    assert all(script.get("type") == "application/ld+json" for script in scripts if not script.get("src"))
    source = next(script["src"] for script in scripts if "deadline" in script.get("src", ""))
    assert (site / source.removeprefix("/catalog/").split("?")[0]).is_file()


def test_a_heading_in_a_body_never_takes_an_id_of_the_page_around_it(tmp_path: Path) -> None:
    """'## Related heading' took id="related-heading", which the page's own Related section uses: two elements
    with one id (invalid HTML) and the section named by the body's heading for screen readers."""
    body = "\n## Related heading\n\n## Disclaimer heading\n\n## Partner projects\n\n<h2 id=\"partner-electives\">Raw</h2>\n"
    files = {name: text + body for name, text in (("electives/surgery.md", ELECTIVE), ("projects/needs.md", PROJECT))}
    site = build(tmp_path, {**files, "partners/riverside.md": PARTNER + body})
    for collection, slug in (("electives", "surgery"), ("projects", "needs"), ("partners", "riverside")):
        page = parse(page_file(site, collection, slug))
        ids = [element["id"] for element in page.select("[id]")]
        assert len(ids) == len(set(ids)), sorted(ids)
        for labelled in page.select("[aria-labelledby]"):
            named = page.find(id=labelled["aria-labelledby"])
            assert named is not None and labelled in named.parents, labelled["aria-labelledby"]


def test_tags_that_name_one_topic_link_it_once(tmp_path: Path) -> None:
    """"Maternal Health" and "maternal-health" in one entry fold to one topic page: the page listed two links to it."""
    project = PROJECT.replace("tags: [maternal health]", "tags: [Maternal Health, surgery, maternal-health, C++, c]")
    soup = entry_page(tmp_path, "projects", "needs", {"projects/needs.md": project})
    links = [(a.get_text(), a["href"]) for a in soup.select("dd ul.inline-list a[href*='/topics/']")]
    assert links == [("Maternal Health", "/catalog/topics/maternal-health/"), ("surgery", "/catalog/topics/surgery/"), ("C++", "/catalog/topics/c/")]
