"""The search page in headless Chromium: results as you type, URL state, back button, safety, keyboard, filters."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from browser import CHROMIUM
from helpers import MINIMAL_FILES, ROOT, make_catalog, run_cli, serve_folder

XSS = "<img src=x onerror=alert(1)>"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (scripts/setup.sh)")


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


def open_search(page: Page, site_url: str, query: str = "") -> None:
    page.goto(site_url + "search/" + query)
    expect(page.locator("#search-status")).not_to_have_text(re.compile("Loading"))


def result_titles(page: Page) -> list[str]:
    return page.locator("#search-results h2").all_inner_texts()


def test_results_as_you_type_open_one_and_come_back(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    page.locator("#search-page-q").press_sequentially("surgery China", delay=20)
    expect(page.locator("#search-results h2").first).to_have_text("General Surgery Elective in Nanjing, China")
    expect(page.locator("#search-results h2 mark").first).to_have_text("Surgery")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results for “surgery China”"))
    assert "q=surgery+China" in page.url
    page.locator("#search-results h2 a").first.click()
    page.wait_for_url(re.compile(r"/electives/general-surgery-elective-nanjing/$"))
    page.go_back()
    expect(page.locator("#search-page-q")).to_have_value("surgery China")
    expect(page.locator("#search-results h2").first).to_have_text("General Surgery Elective in Nanjing, China")


def test_a_shared_link_shows_its_search(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=bogota&collection=partners")
    expect(page.locator("#search-page-q")).to_have_value("bogota")
    expect(page.locator("#search-collection")).to_have_value("partners")
    assert result_titles(page) == ["Hospital Universitario Los Cerros de Bogotá"]
    expect(page.locator("#search-results mark").first).to_have_text("Bogotá")


def test_script_payload_is_shown_as_text_and_never_runs(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_search(page, site_url)
    page.locator("#search-page-q").fill(XSS)
    expect(page.locator("#search-status")).to_contain_text(f"“{XSS}”")
    open_search(page, site_url, "?q=" + XSS.replace(" ", "+"))
    expect(page.locator("#search-status")).to_contain_text(f"“{XSS}”")
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("main img").count() == 0


@pytest.mark.parametrize(("typo", "word"), [("maternl", "Maternal"), ("hosptial", "Hospital"), ("surgrey", "Surgery")])
def test_a_typo_shows_results_for_similar_words(page: Page, site_url: str, typo: str, word: str) -> None:
    open_search(page, site_url, "?q=" + typo)
    expect(page.locator("#search-status")).to_contain_text("Showing results for similar words")
    assert all(word in title for title in result_titles(page)[:3])
    expect(page.locator("#search-results h2 mark").first).to_have_text(word)


def test_a_typo_beside_a_word_that_matches_shows_results_for_similar_words_and_names_the_word(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=surgery+guatamala")
    expect(page.locator("#search-status")).to_have_text(re.compile(
        r"^No exact matches for “guatamala” in “surgery guatamala”\. Showing results for similar words: \d+ results\.$"))
    expect(page.locator("#search-results h2").first).to_contain_text("Guatemala")


def test_a_name_before_a_phrase_that_is_no_field_is_shown_as_the_word_it_is_searched_as(page: Page, site_url: str) -> None:
    # The status said foo:“maternal health” while "foo" was dropped and the phrase searched in every field.
    open_search(page, site_url, "?q=" + quote('foo:"maternal health"'))
    expect(page.locator("#search-status")).to_have_text(re.compile(
        r"^No exact matches for “foo” in foo “maternal health”\. Showing results for similar words: \d+ results, the \d+ with the phrase first\.$"))
    open_search(page, site_url, "?q=" + quote('title:"maternal health"'))
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^2 results for title:“maternal health”, all with the phrase\.$"))


def test_a_pattern_with_a_leading_star_finds_the_words_it_matches_and_marks_them(page: Page, site_url: str) -> None:
    # "*gery" said "No results": lunr matched it against the index's stems, where "surgery" is "surgeri".
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=%22surgery%22")  # (as spelt: a pattern looks for no related word, "surgical")
    expect(status).to_have_text(re.compile(r"^\d+ results for “surgery”\.$"))
    surgery = status.inner_text().split()[0]
    open_search(page, site_url, "?q=*gery")
    expect(status).to_have_text(f"{surgery} results for “*gery”.")
    expect(page.locator("#search-results h2 mark").first).to_have_text(re.compile("^surgery$", re.IGNORECASE))
    fetched = [url.rsplit("/", 1)[1].split(".")[0] for url in requested if "/search/" in url and url.endswith(".json")]
    assert "words" in fetched and "terms" not in fetched and "index" not in fetched, fetched


def test_a_result_shows_an_electives_direction_and_marks_the_words_it_matched(page: Page, site_url: str) -> None:
    # "inbound" found no elective, and a result did not say which way an elective goes.
    open_search(page, site_url, "?q=inbound&collection=electives")
    facts = page.locator("#search-results .facts")
    expect(facts.first).to_contain_text("Inbound (international scholars)")
    expect(facts.first.locator("mark")).to_have_text("Inbound")
    assert all("Inbound (international scholars)" in text for text in facts.all_inner_texts()), facts.all_inner_texts()


@pytest.mark.parametrize(("query", "country"), [("US", "United States"), ("USA", "United States"), ("U.K.", "United Kingdom"),
                                                 ("CN", "China"), ("nursing+usa", "United States")])
def test_a_country_found_by_its_code_or_another_name_is_marked_in_its_results(page: Page, site_url: str, query: str, country: str) -> None:
    # "US" matched the places' "usa", which no result shows: nothing was marked (and the note said "Matches in its location.").
    open_search(page, site_url, "?q=" + query)
    results = page.locator("#search-results .search-result")
    expect(results.first).to_be_visible()
    in_country = page.locator(".search-result", has=page.locator(".facts", has_text=country))
    assert in_country.count() >= 1
    for number in range(in_country.count()):
        expect(in_country.nth(number).locator(".facts mark", has_text=country)).to_have_text(country)
        assert in_country.nth(number).locator(".match-note").count() == 0


@pytest.mark.parametrize(("query", "status"), [
    ("-surgery", "49 entries without “surgery”. Add words to search among them."),
    ("-surgery+-kenya", "44 entries without “surgery” or “kenya”. Add words to search among them."),
    ("-%22global+surgery%22", "51 entries without “global surgery”. Add words to search among them."),
])
def test_a_query_that_only_leaves_words_out_lists_the_other_entries_and_says_so(page: Page, site_url: str, query: str, status: str) -> None:
    # It said "49 results for “-surgery”.", as if 49 entries matched "surgery".
    open_search(page, site_url, "?q=" + query)
    expect(page.locator("#search-status")).to_have_text(status)
    assert not [title for title in result_titles(page) if "Surgery" in title]


def test_a_common_word_the_catalog_lacks_is_named_not_searched_as_another_word(page: Page, site_url: str) -> None:
    # "free" listed the entries that mention a "fee", as "similar words" (it now finds what costs nothing); "fine" is such
    # a word, one letter from "find", "five" and "file".
    open_search(page, site_url, "?q=fine+")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^No results for “fine”\."))
    open_search(page, site_url, "?q=quiet+elective+")
    # (what "elective" finds: the electives in their listing's order)
    expect(page.locator("#search-status")).to_have_text(re.compile(
        r"^\d+ results for “quiet elective”, the \d+ electives first, open ones by nearest deadline\. No entry has “quiet”\.$"))


def test_a_place_the_catalog_lacks_is_named_not_corrected_into_another_word(page: Page, site_url: str) -> None:
    # "oman" said "No exact matches for “oman”. Showing results for similar words: 1." (an entry about "Omar"), "la paz"
    # listed entries about what students "pay", and "ivory coast" the Gulf Coast Specialist Centre.
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=oman")
    expect(status).to_have_text("No results for “oman”. No entry names the place “oman”. Try fewer or other words, or browse the listings.")
    open_search(page, site_url, "?q=ivory+coast+")
    expect(status).to_have_text(re.compile(r"^No results for “ivory coast”\. No entry names the place “ivory coast”\. "))
    open_search(page, site_url, "?q=la+paz+bolivia+")
    expect(status).to_have_text("2 results for “la paz bolivia”. No entry has “la paz”.")
    open_search(page, site_url, "?q=surgrey+oman+")
    expect(status).to_have_text(re.compile(
        r"^No exact matches for “surgrey oman”\. Showing results for similar words: \d+ results\. No entry names the place “oman”\.$"))


def test_free_lists_the_electives_that_cost_nothing_and_says_where_it_matched(page: Page, site_url: str) -> None:
    # "free" said "No results for “free”." and "free elective" "No entry has “free”.", though five electives cost nothing.
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=free+")
    expect(status).to_have_text("5 results for “free”.")
    first = page.locator("#search-results li").first
    expect(first.locator("h2")).to_have_text("Malaria Research Fellowship in Kumasi, Ghana")
    expect(first.locator(".match-note")).to_have_text("Matches “free” in its description.")
    open_search(page, site_url, "?q=free+elective+")
    # (5: the clerkships and fellowships that cost nothing are electives too, of the kind "elective" names)
    expect(status).to_have_text(re.compile(r"^\d+ results for “free elective”, the 5 with every word first\.$"))
    open_search(page, site_url, "?q=no+fee+")
    expect(first.locator("h2")).to_have_text("Malaria Research Fellowship in Kumasi, Ghana")
    expect(first.locator(".match-note")).to_have_text("Matches “no fee” in its description.")


def test_a_word_naming_a_kind_of_entry_lists_that_kind_first_its_label_marked(page: Page, site_url: str) -> None:
    # "partners in kenya" listed two projects in Kenya that "work with partners" before the partner in Kenya, and
    # "electives asia" three partners in Asia that "host electives" before the first elective there.
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=partners+in+kenya")
    expect(status).to_have_text(re.compile(r"^\d+ results for “partners in kenya”, the one with every word first\.$"))
    first = page.locator("#search-results li").first
    expect(first.locator("h2")).to_have_text("Lakeside Community Health Trust")
    expect(first.locator(".facts mark").first).to_have_text("Partner")  # (what it was found as, not a note on its topics)
    expect(first.locator(".match-note")).to_have_count(0)
    open_search(page, site_url, "?q=electives+asia")
    expect(status).to_have_text(re.compile(r"^\d+ results for “electives asia”, the \d+ with every word first\.$"))
    complete = int(re.findall(r"\d+", status.inner_text())[1])
    facts = page.locator("#search-results .facts").all_inner_texts()[:complete]
    assert complete >= 5 and all(fact.startswith("Elective · ") for fact in facts), facts


def test_a_kind_word_alone_lists_that_kind_in_its_listing_order_and_says_so(page: Page, site_url: str) -> None:
    # "electives" alone said "38 results for “electives”." and listed the electives with the fewest tags first.
    page.clock.set_fixed_time("2026-10-01T12:00:00")  # (the test build's day: its listing's deadlines)
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=electives")
    expect(status).to_have_text(re.compile(r"^\d+ results for “electives”, the \d+ electives first, open ones by nearest deadline\.$"))
    listed = int(re.findall(r"\d+", status.inner_text())[1])
    page.goto(site_url + "electives/")
    listing = page.locator(".card-title").all_inner_texts()
    open_search(page, site_url, "?q=electives")
    expect(status).to_contain_text("electives first")
    titles = result_titles(page)[:listed]  # (the first page of results)
    assert len(titles) >= 10 and titles == listing[:len(titles)]
    # "open electives" listed first two closed observerships whose next cycle "opens" in 2027.
    open_search(page, site_url, "?q=open+electives")
    expect(status).to_have_text(re.compile(r"^\d+ results for “open electives”, the \d+ electives first, open ones by nearest deadline\.$"))
    assert result_titles(page)[:len(titles)] == titles
    open_search(page, site_url, "?q=projects+")
    expect(status).to_have_text(re.compile(r"^\d+ results for “projects”, the \d+ projects first, active ones before planned and completed\.$"))
    open_search(page, site_url, "?q=partners")
    expect(status).to_have_text(re.compile(r"^\d+ results for “partners”, the \d+ partners first\.$"))


def test_a_phrase_in_curly_quotes_lists_the_entries_with_its_words_together_first_and_says_so(page: Page, site_url: str) -> None:
    # The quotes were dropped: “global surgery” listed 33 entries, those with "global" or "surgery" alone among them.
    open_search(page, site_url, "?q=global+surgery+")
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"^\d+ results for “global surgery”, the \d+ with every word first\.$"))
    loose = int(status.inner_text().split()[0])
    open_search(page, site_url, "?q=" + quote("“global surgery”"))
    expect(status).to_have_text(re.compile(r"^\d+ results for “global surgery”, the \d+ with the phrase first\.$"))
    found, together = map(int, re.findall(r"\d+", status.inner_text()))
    assert 0 < together < found < loose
    expect(page.locator("#search-page-q")).to_have_value("“global surgery”")
    assert sorted(result_titles(page)[:2]) == ["Global Surgery Curriculum with Perfume River Medical University", "Global Surgery Research Fellowship in Rwanda"]
    open_search(page, site_url, "?q=" + quote('"global surgrey"'))
    expect(status).to_have_text(re.compile(r"^No results for “global surgrey”\. Words in quotes are searched as they are spelt"))


def test_typing_a_phrase_and_a_required_word_never_falls_to_similar_words(page: Page, site_url: str) -> None:
    # "+electiv", and "+elective" until a space followed it, went to the typo retry ("Showing results for similar words").
    page.clock.install()
    open_search(page, site_url)
    phrase_shown = re.compile(r"^\d+ results for “maternal health”, the \d+ with the phrase first\.$")
    statuses = statuses_while_typing(page, '"maternal health" kenya +elective', {'"maternal health"': phrase_shown})
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"^\d+ results? for “maternal health” kenya \+elective, the \d+ with the phrase first\.$"))
    assert not [text for text in statuses if "similar words" in text or "No results" in text], statuses


def test_a_search_file_that_failed_to_load_is_fetched_again_when_the_visitor_tries_again(browser: Browser, site_url: str) -> None:
    # (Its own context: the failed fetch is logged as a console error, which the page fixture refuses.)
    context = browser.new_context()
    page = context.new_page()
    open_search(page, site_url)
    aborted: list[str] = []
    page.route(re.compile(r".*/search/shard\.[0-9a-f]+\.json$"), lambda route: route.continue_() if aborted else (aborted.append(route.request.url), route.abort()))
    status = page.locator("#search-status")
    page.locator("#search-page-q").fill("malaria")
    expect(status).to_have_text(re.compile("could not be loaded. Check the connection and try again"))
    page.locator("#search-page-q").press("Enter")
    expect(status).to_have_text(re.compile(r"^\d+ results for “malaria”"))
    assert len(aborted) == 1
    context.close()


def test_a_search_waiting_for_the_network_says_so(page: Page, site_url: str) -> None:
    # On a slow connection the old status ("Type words to search 65 entries.") stayed for seconds.
    open_search(page, site_url)
    held: list[Route] = []
    page.route(re.compile(r".*/search/shard\.[0-9a-f]+\.json$"), lambda route: held.append(route))
    status = page.locator("#search-status")
    page.locator("#search-page-q").fill("malaria")
    expect(status).to_have_text("Searching…")
    expect(page.locator("#search-results")).to_have_attribute("aria-busy", "true")
    for route in held:
        route.continue_()
    expect(status).to_have_text(re.compile(r"^\d+ results for “malaria”"))
    expect(page.locator("#search-results")).not_to_have_attribute("aria-busy", "true")


def test_a_long_pasted_word_answers_and_the_boxes_take_what_search_reads(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=" + "medicine" * 300)
    expect(page.locator("#search-status")).to_contain_text("No results for")
    limit = page.evaluate("SearchCore.MAX_QUERY_LENGTH")
    assert page.locator("#search-page-q").get_attribute("maxlength") == str(limit)
    page.goto(site_url + "partners/")
    assert page.locator("#site-search-q").get_attribute("maxlength") == str(limit)


def test_the_search_page_has_one_search_box_and_on_a_phone_results_start_in_the_first_screen(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_search(page, site_url)
    assert page.locator("input[type=search]").count() == 1, "the header's box would be a second one"
    # The search tips start closed there: open, they pushed even the status to the screen's last line.
    expect(page.locator("#search-tips")).not_to_have_attribute("open", "")
    page.locator("#search-page-q").fill("surgery")  # (a status of two lines: "…, the 16 with the word itself first.")
    expect(page.locator("#search-status")).to_contain_text("with the word itself first")
    first = page.locator("#search-results h2 a").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= 740, first
    page.locator("#search-tips summary").click()
    expect(page.locator("#search-shortcut")).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_search_tips_are_open(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    expect(page.locator("#search-help")).to_be_visible()
    expect(page.locator("#search-shortcut")).to_be_visible()


def test_on_a_phone_the_header_search_box_is_wide_enough_to_type_in(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + "partners/")
    box = page.locator("#site-search-q").bounding_box()
    assert box is not None and box["width"] >= 180, box
    context.close()


def test_a_long_query_in_the_url_is_cut_to_what_the_box_holds_and_search_reads(page: Page, site_url: str) -> None:
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=surgery+")
    expect(status).to_have_text(re.compile(r"^\d+ results for “surgery”(?:, the \d+ with the word itself first)?\.$"))
    surgery = status.inner_text().split()[0]
    open_search(page, site_url, "?q=" + "surgery+" * 1250)
    limit = page.evaluate("SearchCore.MAX_QUERY_LENGTH")
    expect(status).to_contain_text("results for")
    # Cut inside a word, "… surgery surg" matched "surgical" and "surgeon" as a prefix: the box showed "surg".
    assert page.locator("#search-page-q").input_value() == "surgery " * (limit // len("surgery "))
    assert status.inner_text().split()[0] == surgery
    assert len(status.inner_text()) < limit + 80, "the status quotes what was searched, not 10,000 characters"  # (and its note)


@pytest.mark.parametrize("query", ["-", "%2B", ":", "~", "^", "*", "*e*", "title%3A", "title%3A*", "%2Btitle%3A+", "-*"])
def test_a_query_of_lunr_syntax_alone_asks_for_words(page: Page, site_url: str, query: str) -> None:
    # "*e*" and "title:*" said "No results for “*e*”. Try fewer or other words", and "title:" searched the word "title".
    open_search(page, site_url, "?q=" + query)
    wordless = "" if re.search(r"[a-z]", query) else NO_WORDS + " "
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^{re.escape(wordless)}Type words to search \d+ entries\.$"))
    assert result_titles(page) == []


NO_WORDS = "Nothing to search: the query has no letters or digits."


@pytest.mark.parametrize("query", ["🩺", "!!!", "???", "“ ”", "- + ~"])
def test_a_query_without_letters_or_digits_says_it_has_nothing_to_search(page: Page, site_url: str, query: str) -> None:
    # "🩺" showed the prompt of an empty box, "Type words to search 65 entries.", as if nothing was typed.
    open_search(page, site_url, "?q=" + quote(query))
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^{re.escape(NO_WORDS)} Type words to search \d+ entries\.$"))
    assert result_titles(page) == []
    page.locator("#search-collection").select_option("electives")
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^{re.escape(NO_WORDS)} \d+ entries match the filters\. Type words to search among them\.$"))
    page.locator("#search-page-q").fill("")
    page.locator("#search-page-q").press_sequentially(query, delay=50)  # (typed: said once typing pauses)
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^{re.escape(NO_WORDS)} \d+ entries match the filters\."))
    page.locator("#search-page-q").fill("")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ entries match the filters\. Type words to search among them\.$"))


@pytest.mark.parametrize("typed", ['"global surgery"', "-surgery kenya", "+kenya surgery", '-"global surgery" kenya'])
def test_a_query_starting_with_a_quote_or_a_sign_never_says_it_has_nothing_to_search_while_typed(page: Page, site_url: str, typed: str) -> None:
    # The '"', '-' or '+' typed first was searched at once and said "Nothing to search" before the first word came.
    page.clock.install()
    open_search(page, site_url)
    statuses = statuses_while_typing(page, typed)
    assert statuses and not [text for text in statuses if NO_WORDS in text], statuses


def test_a_query_of_lunr_syntax_alone_lists_what_the_filters_list(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?collection=partners")
    expect(page.locator("#search-status")).to_contain_text("entries match the filters. Type words to search among them.")
    listed = page.locator("#search-status").inner_text()
    open_search(page, site_url, "?q=title%3A*&collection=partners")
    expect(page.locator("#search-status")).to_have_text(listed)
    expect(page.locator("#search-results h2")).not_to_have_count(0)


@pytest.mark.parametrize("query", ["the+", "for+", "for+the+"])
def test_a_query_of_stop_words_says_they_are_too_common(page: Page, site_url: str, query: str) -> None:
    open_search(page, site_url, "?q=" + query)
    expect(page.locator("#search-status")).to_contain_text("are not searched. Add a more specific word")
    assert result_titles(page) == []


def statuses_while_typing(page: Page, text: str, shown_after: dict[str, re.Pattern[str]] | None = None) -> list[str]:
    """Type text into the search box at phone speed; every status the page showed (screen readers hear #search-announce).

    The page's clock is Playwright's (install it before opening the page): letters come 250 ms apart on the page's
    clock however slowly a loaded machine types them, so the page's pause (500 ms) never comes between two letters.
    shown_after maps a prefix of text to the status the page must show once that much is typed.
    """
    page.evaluate("""() => {
        window.statuses = [];
        const status = document.getElementById('search-status');
        new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, {childList: true, characterData: true, subtree: true});
    }""")
    page.locator("#search-page-q").focus()
    for length in range(1, len(text) + 1):
        page.keyboard.type(text[length - 1])
        page.clock.run_for(250)
        if shown_after and text[:length] in shown_after:
            expect(page.locator("#search-status")).to_have_text(shown_after[text[:length]])
    page.clock.run_for(400)
    return page.evaluate("window.statuses")


# Every text the screen reader's status (a live region: each change is read out) and the shown status were given.
_RECORD_STATUSES = """() => {
    window.said = [];
    window.shown = [];
    for (const [selector, log] of [['[role=status]', window.said], ['#search-status', window.shown]]) {
        const element = document.querySelector(selector);
        new MutationObserver(() => log.push(element.textContent)).observe(element, {childList: true, characterData: true, subtree: true});
    }
}"""


def test_a_screen_reader_hears_the_count_once_typing_pauses_not_at_each_letter(page: Page, site_url: str) -> None:
    """Typing "surgery in kenya" read out nine counts ("21 results for “sur”", "18 … “surg”", …) over the letters being echoed.

    The page's clock is Playwright's: letters come 150 ms apart, then the clock runs on past the pause.
    """
    page.clock.install()
    open_search(page, site_url)
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^Type words to search \d+ entries\.$"))
    page.evaluate(_RECORD_STATUSES)
    shown = page.locator("#search-status")
    page.locator("#search-page-q").focus()
    typed = ""
    for letter in "surgery in kenya":
        page.keyboard.type(letter)
        page.clock.run_for(150)
        typed += letter
        if typed == "surgery":  # (shown at once; "surgical", its family's, after it: word_families.py)
            expect(shown).to_have_text(re.compile(r"^\d+ results for “surgery”(?:, the \d+ with the word itself first)?\.$"))
    expect(shown).to_have_text(re.compile(r"^\d+ results for “surgery in kenya”, none with every word\.$"))  # (none has both words)
    final = shown.inner_text()
    assert page.evaluate("window.said") == []
    page.clock.run_for(1000)
    assert page.evaluate("window.said") == [final]
    assert page.get_by_role("status").inner_text() == final
    assert len(page.evaluate("window.shown")) > 3


def test_a_filter_chosen_is_said_at_once(page: Page, site_url: str) -> None:
    page.clock.install()
    open_search(page, site_url, "?q=surgery")
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ results for “surgery”(?:, the \d+ with the word itself first)?\.$"))
    page.locator("#search-collection").select_option("electives")
    expect(status).to_have_text(re.compile(r"^\d+ results for “surgery” \("))
    assert status.inner_text() == page.locator("#search-status").inner_text()


@pytest.mark.parametrize(("typed", "final"), [("medical", "medical"), ("nursing", "nursing"), ("surgery in nepal", "surgery in nepal")])
def test_a_word_of_one_or_two_letters_being_typed_is_not_searched_yet(page: Page, site_url: str, typed: str, final: str) -> None:
    # Typing "medical" showed "Words as common as “me” are not searched…", "nursing" "No results for “nu”…",
    # and "surgery in nepal" "… for “surgery in n”": prefixes start at the third letter.
    page.clock.install()
    open_search(page, site_url)
    statuses = statuses_while_typing(page, typed)
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^\d+ results for “{final}”(?:, the \d+ with every word first)?\.$"))
    # "surgery in” is what was searched once a space followed "in".
    quoting_a_short_word = [text for text in statuses if re.search(r"\b\w\w?”", text) and "“surgery in”." not in text and
                            "“surgery in”, the" not in text]
    assert not quoting_a_short_word, statuses
    assert not [text for text in statuses if "No results" in text or "not searched" in text], statuses
    assert len(statuses) == len(set(statuses)), f"the same status was read out twice: {statuses}"


@pytest.mark.parametrize(("typed", "first"), [("TB", "Active Tuberculosis Case-Finding"), ("UK", "Tropical and Travel Medicine Observership")])
def test_a_lone_word_of_one_or_two_letters_is_searched_once_typing_pauses(page: Page, site_url: str, typed: str, first: str) -> None:
    # "TB" and "UK" showed "Type words to search 65 entries." until Enter or a space.
    open_search(page, site_url)
    page.locator("#search-page-q").press_sequentially(typed, delay=50)
    expect(page.locator("#search-status")).to_have_text(re.compile(rf"^\d+ results? for “{typed}”\.$"))
    expect(page.locator("#search-results h2").first).to_contain_text(first)
    assert f"q={typed}" in page.url


def test_a_short_last_word_after_others_is_searched_once_typing_pauses(page: Page, site_url: str) -> None:
    # "observership UK" showed the results for "observership" until Enter or a space.
    open_search(page, site_url)
    page.locator("#search-page-q").press_sequentially("observership UK", delay=50)
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results? for “observership UK”, the one with every word first\.$"))
    expect(page.locator("#search-results h2").first).to_contain_text("Tropical and Travel Medicine Observership")


def test_a_link_searches_a_lone_short_word(page: Page, site_url: str) -> None:
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=UK")
    expect(status).to_have_text(re.compile(r"^\d+ results? for “UK”\.$"))
    open_search(page, site_url, "?q=IN")
    expect(status).to_have_text(re.compile(r"^Words as common as “IN” are not searched"))


def option_count(page: Page, name: str, value: str) -> int:
    """The count an option of a filter shows: "Electives (28)" -> 28."""
    text = page.locator(f"#search-{name} option[value='{value}']").inner_text()
    match = re.fullmatch(r".+ \((\d+)\)", text)
    assert match is not None, text
    return int(match.group(1))


def test_without_words_the_filters_count_every_entry_and_list_their_matches(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^Type words to search \d+ entries\.$"))
    assert result_titles(page) == []
    expect(page.locator("#search-country option[value='RW']")).to_have_text(re.compile(r"\(\d+\)$"))  # (the counts come after)
    electives, projects = option_count(page, "collection", "electives"), option_count(page, "collection", "projects")
    assert electives > 20 and projects > 0 and option_count(page, "deadline", "open") > 0 and option_count(page, "country", "RW") > 0

    page.locator("#search-collection").select_option("electives")
    expect(page.locator("#search-status")).to_have_text(f"{electives} entries match the filters. Type words to search among them.")
    expect(page.locator("#search-results h2")).to_have_count(20)
    assert "collection=electives" in page.url
    open_now = option_count(page, "deadline", "open")
    page.locator("#search-deadline").select_option("open")
    expect(page.locator("#search-status")).to_contain_text(f"{open_now} entries match the filters")
    facts = page.locator("#search-results .facts").all_inner_texts()
    assert len(facts) == min(open_now, 20) and all(fact.startswith("Elective") and "Closed" not in fact for fact in facts)

    page.locator("#search-page-q").fill("surgery")
    expect(page.locator("#search-status")).to_contain_text("for “surgery” (")
    assert all("Surgery" in title or "Surgical" in title for title in result_titles(page)[:1])


def test_a_shared_filter_link_without_words_lists_its_matches(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?collection=partners")
    expect(page.locator("#search-status")).to_contain_text("entries match the filters")
    facts = page.locator("#search-results .facts").all_inner_texts()
    assert facts and all(fact.startswith("Partner") for fact in facts)
    open_search(page, site_url, "?collection=partners&deadline=open")
    expect(page.locator("#search-status")).to_have_text("No entries match these filters.")
    assert result_titles(page) == []


FACETS = re.compile(r".*/search/facets\.[0-9a-f]+\.json$")


def test_the_first_results_do_not_wait_for_the_facet_values_and_the_counts_follow_them(page: Page, site_url: str) -> None:
    # At 10,000 entries each document's facet values were 44 KB of the manifest's 58 KB gzip, all before any result.
    held: list[Route] = []
    page.route(FACETS, lambda route: held.append(route))
    with page.expect_request(FACETS):
        open_search(page, site_url, "?q=surgery")
        expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results for “surgery”"))
    titles = result_titles(page)
    assert len(held) == 1 and titles
    electives = page.locator("#search-collection option[value='electives']")
    expect(electives).to_have_text("Electives")  # (no count yet)
    held[0].continue_()
    expect(electives).to_have_text(re.compile(r"^Electives \(\d+\)$"))
    found = int(page.locator("#search-status").inner_text().split()[0])
    assert 0 < option_count(page, "collection", "electives") < found
    assert result_titles(page) == titles


@pytest.mark.parametrize("how", ["url", "chosen"])
def test_a_filter_waits_for_the_facet_values_then_filters(page: Page, site_url: str, how: str) -> None:
    held: list[Route] = []
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(FACETS, lambda route: held.append(route))
    with page.expect_request(FACETS):
        open_search(page, site_url, "?q=health&country=RW" if how == "url" else "?q=health")
    searched = [url.rsplit("/", 1)[1].split(".")[0] for url in requested if re.search(r"/search/(shard|facets)\.", url)]
    if how == "url":  # (fetched alongside the shards, not after them: one round trip less)
        assert searched[0] == "facets" and "shard" in searched, searched
    if how == "chosen":
        unfiltered = result_titles(page)
        page.locator("#search-country").select_option("RW")
        expect(page.locator("#search-status")).to_have_text("Searching…")
        assert result_titles(page) == unfiltered  # (not yet filtered: nothing shown is filtered without the values)
    else:
        assert result_titles(page) == []
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#search-status")).to_contain_text("without filters")
    facts = page.locator("#search-results .facts").all_inner_texts()
    assert facts and all("Rwanda" in fact for fact in facts)


def test_a_country_code_in_the_url_works_in_either_case(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=health&country=RW")
    expect(page.locator("#search-status")).to_contain_text("without filters")
    upper = result_titles(page)
    open_search(page, site_url, "?q=health&country=rw")
    expect(page.locator("#search-country")).to_have_value("RW")
    expect(page.locator("#search-status")).to_contain_text("without filters")
    assert result_titles(page) == upper and upper


def test_slash_focuses_search_on_every_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "partners/")
    page.keyboard.press("/")
    expect(page.locator("#site-search-q")).to_be_focused()
    open_search(page, site_url)
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("/")
    expect(page.locator("#search-page-q")).to_be_focused()


def test_the_slash_shortcut_can_be_turned_off_and_stays_off(page: Page, site_url: str) -> None:
    """WCAG 2.2, 2.1.4: a shortcut of one character can be turned off (speech input types such characters)."""
    open_search(page, site_url)
    setting = page.get_by_label("jumps to search from any page")
    expect(setting).to_be_checked()
    setting.uncheck()
    page.goto(site_url + "partners/")
    page.keyboard.press("/")
    expect(page.locator("#site-search-q")).not_to_be_focused()
    open_search(page, site_url)
    expect(setting).not_to_be_checked()
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("/")
    expect(page.locator("#search-page-q")).not_to_be_focused()
    setting.check()
    page.goto(site_url + "partners/")
    page.keyboard.press("/")
    expect(page.locator("#site-search-q")).to_be_focused()


def test_arrow_keys_move_through_results_and_enter_opens(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=observership")
    links = page.locator("#search-results h2 a")
    expect(links.nth(1)).to_be_visible()
    page.locator("#search-page-q").focus()
    page.keyboard.press("ArrowDown")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#search-page-q")).to_be_focused()
    page.keyboard.press("ArrowDown")
    target = links.nth(0).get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(str(target)) + "$"))


def test_a_filter_narrows_results_and_lives_in_the_url(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=surgery")
    everything = len(result_titles(page))
    page.locator("#search-collection").select_option("electives")
    expect(page.locator("#search-status")).to_contain_text("without filters")
    assert "collection=electives" in page.url
    facts = page.locator("#search-results .facts").all_inner_texts()
    assert facts and all(fact.startswith("Elective") for fact in facts)
    assert len(facts) < everything
    page.go_back()
    expect(page.locator("#search-collection")).to_have_value("")
    expect(page.locator("#search-results h2")).to_have_count(everything)  # (the select is restored before the results)


def test_without_javascript_the_page_points_to_the_listings(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "search/?q=surgery")
    expect(page.locator("#search-nojs")).to_be_visible()
    expect(page.locator("#search-app")).to_be_hidden()
    for name in ("Projects", "Partners", "Electives", "Countries", "Topics"):
        expect(page.locator("#search-nojs").get_by_role("link", name=name, exact=True)).to_be_visible()
    # No screen-tall blank space below the links (kept for results, which only come with JavaScript).
    footer_top = page.evaluate("document.querySelector('footer').getBoundingClientRect().top")
    links_bottom = page.evaluate("document.getElementById('search-nojs').getBoundingClientRect().bottom")
    assert footer_top - links_bottom < 200, (links_bottom, footer_top)
    context.close()


def test_only_the_search_page_downloads_search_data(page: Page, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/search/" in url]
    open_search(page, site_url, "?q=surgery")
    fetched = [url.rsplit("/", 1)[1].split(".")[0] for url in requested if "/search/" in url and url.endswith(".json")]
    assert "manifest" in fetched and "shard" in fetched and "documents" in fetched
    assert "index" not in fetched, "the page must fetch shards, not the whole index"


def test_long_result_lists_come_a_page_at_a_time(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=health")
    links = page.locator("#search-results h2 a")
    expect(links).to_have_count(20)
    page.get_by_role("button", name="Show more results").click()
    expect(links.nth(20)).to_be_focused()
    assert links.count() > 20


def test_search_page_with_results_passes_axe(page: Page, site_url: str) -> None:
    open_search(page, site_url, "?q=surgery&collection=electives")
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    violations = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
        ".then(result => result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html).join(' | ')))"
    )
    assert violations == []


AXE_RUN = ("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
           ".then(result => result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.html).join(' | ')))")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_result_found_where_it_shows_nothing_says_where_on_a_phone(browser: Browser, site_url: str, scheme: str) -> None:
    """"east africa" lists an elective in Kenya by its places field alone: nothing in its result was marked."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)  # type: ignore[arg-type]
    page = context.new_page()
    open_search(page, site_url, "?q=east+africa")
    kisumu = page.locator(".search-result", has=page.locator("a[href$='/electives/community-health-elective-kisumu/']"))
    expect(kisumu.locator(".match-note")).to_have_text("Matches “east africa” in its location.")
    assert kisumu.locator("mark").count() == 0
    assert "Matches “east africa” in its location." in kisumu.inner_text(), "read with its result"
    marked = page.locator(".search-result", has=page.locator("a[href$='/projects/east-africa-emergency-care-training-of-trainers/']"))
    expect(marked.locator("mark").first).to_be_visible()
    assert marked.locator(".match-note").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the note wraps within a phone's width"
    page.evaluate((ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8"))
    assert page.evaluate(AXE_RUN) == []
    context.close()


def test_filters_offer_only_what_the_catalog_holds_and_an_empty_catalog_says_there_is_nothing_to_search(page: Page, tmp_path: Path) -> None:
    """A catalog of one project offered "Electives (0)", an elective category and "Closed (0)", filters nothing could
    match, and said "Type words to search 1 entries."; one without entries "Type words to search 0 entries."."""
    one_project = {"electives/surgery.md": None, "partners/riverside.md": None, "pages/about.md": None,
                   "projects/needs.md": MINIMAL_FILES["projects/needs.md"].replace("partners: [riverside]\n", "")}
    content = make_catalog(tmp_path / "one", one_project)
    assert run_cli("build", "--content", content, "--output", tmp_path / "one" / "_site").code == 0
    with serve_folder(tmp_path / "one" / "_site") as url:
        open_search(page, url, "?category=clinical")
        expect(page.locator("#search-status")).to_have_text("Type words to search 1 entry.")
        expect(page.locator("#search-form fieldset")).to_have_count(0)  # "Projects (1)", "China (1)": nothing to narrow
        page.locator("#search-page-q").fill("needs")
        expect(page.locator("#search-status")).to_contain_text("1 result for “needs”")
        assert "category" not in page.url
    empty = {name: None for name in MINIMAL_FILES if name != "site.yaml"}
    content = make_catalog(tmp_path / "empty", empty)
    assert run_cli("build", "--content", content, "--output", tmp_path / "empty" / "_site").code == 0
    with serve_folder(tmp_path / "empty" / "_site") as url:
        open_search(page, url)
        expect(page.locator("#search-status")).to_have_text("Nothing is listed yet, so there is nothing to search.")
        expect(page.locator("#search-form fieldset")).to_have_count(0)


def test_a_result_in_many_countries_names_the_first_five_as_cards_do(page: Page, tmp_path: Path) -> None:
    """A project in every country listed every name in its result's facts."""
    codes = "CN, RW, GH, PE, FR, NO, JP, BR"
    content = make_catalog(tmp_path, {"projects/needs.md": MINIMAL_FILES["projects/needs.md"].replace("countries: [CN]", f"countries: [{codes}]")})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    with serve_folder(tmp_path / "_site") as url:
        open_search(page, url, "?q=needs")
        expect(page.locator("#search-results .facts").first).to_have_text(
            "Project · Research · Active · China · Rwanda · Ghana · Peru · France and 3 more countries")
        open_search(page, url, "?q=japan")
        expect(page.locator("#search-results .match-note").first).to_have_text("Matches “japan” in its location.")


def test_a_search_filter_whose_one_value_every_entry_has_is_left_out(page: Page, tmp_path: Path) -> None:
    """A catalog of clinical electives only offered "Type: Electives" and "Category: Clinical", choices that change nothing;
    a country filter with one value stays while some entry is elsewhere, and a link's ?collection= is ignored."""
    surgery = MINIMAL_FILES["electives/surgery.md"].replace("host: riverside\n", "")
    paris = surgery.replace("title: Surgery Elective", "title: Paris Elective").replace("countries: [CN]", "countries: [FR]")
    electives = {"partners/riverside.md": None, "projects/needs.md": None, "pages/about.md": None,
                 "electives/surgery.md": surgery, "electives/paris.md": paris}
    content = make_catalog(tmp_path, electives)
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    with serve_folder(tmp_path / "_site") as url:
        open_search(page, url, "?collection=projects&country=FR")
        expect(page.locator("#search-status")).to_contain_text("1 entry")
        assert page.locator("#search-form select").evaluate_all("all => all.map(select => select.name)") == ["country", "deadline"]
        assert page.locator("#search-country option").all_inner_texts() == ["All countries", "China (1)", "France (1)"]
        page.locator("#search-page-q").fill("elective")
        expect(page.locator("#search-status")).to_contain_text("1 result for “elective”")
        assert "collection" not in page.url


def test_an_abbreviation_finds_entries_written_with_its_long_name_and_marks_the_name(page: Page, site_url: str) -> None:
    # "POCUS" matched no word and went to the similar-words retry (entries about a "focus"); "ICU" found nothing.
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=POCUS")
    expect(status).to_have_text(re.compile(r"^\d+ results for “POCUS”\.$"))
    expect(page.locator("#search-results h2 mark").first).to_have_text("Point-of-Care Ultrasound")
    input_box = page.locator("#search-page-q")
    input_box.fill("")
    input_box.press_sequentially("ICU ")
    expect(status).to_have_text(re.compile(r"^\d+ results for “ICU”\.$"))
    first = page.locator("#search-results .search-result").first
    expect(first.locator("h2")).to_have_text("Visiting Nurse Observership")
    expect(first.locator("mark").first).to_have_text("critical care")


def test_the_status_says_how_many_results_have_every_word_and_a_word_of_the_same_stem_is_not_marked(page: Page, site_url: str) -> None:
    # "19 results for “united states”" counted 12 entries with only "unit" or "states"; "internal medicine" marked
    # "International" (lunr's stemmer gives both the stem "intern").
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=united+states")
    expect(status).to_have_text("19 results for “united states”, the 7 with every word first.")
    open_search(page, site_url, "?q=internal+medicine")
    # 10, not 18: an entry whose text only says "International … medicine" lacks "internal" (search_forms.py).
    expect(status).to_have_text(re.compile(r"^59 results for “internal medicine”, the 10 with every word first\.$"))
    expect(page.locator("#search-results h2").first).to_have_text("Internal Medicine Clerkship in Bogotá")
    assert "About the Office of International Medicine Programs" not in page.locator("#search-results h2").all_inner_texts()[:10]
    marks = page.locator("#search-results mark").all_inner_texts()
    assert "Internal Medicine" in marks and "Medicine" in marks, marks
    assert not [mark for mark in marks if "nternational" in mark], marks
    # One word alone: the entry that says "internal" in its title before those that say "International" there.
    open_search(page, site_url, "?q=internal")
    expect(page.locator("#search-results h2").first).to_have_text("Internal Medicine Clerkship in Bogotá")
    # and the status says how many have the word itself ("46 results for “medication”" listed 45 that only say "medical")
    expect(status).to_have_text(re.compile(r"^\d+ results for “internal”, the \d+ with the word itself first\.$"))
    open_search(page, site_url, "?q=medication")
    expect(status).to_have_text(re.compile(r"^\d+ results for “medication”, the one with the word itself first\.$"))
    expect(page.locator("#search-results h2").first).to_have_text("Nursing Leadership Exchange between Norway, Ghana and the United States")
    open_search(page, site_url, "?q=medical")  # (every result says "medical" itself: nothing to say)
    expect(status).to_have_text(re.compile(r"^\d+ results for “medical”\.$"))
    # None with every word: said, as "peru surgery" listed an elective in Nepal first with nothing to say so.
    open_search(page, site_url, "?q=surgery+elective+kenya")
    expect(status).to_have_text(re.compile(r"^\d+ results for “surgery elective kenya”, none with every word\.$"))
    open_search(page, site_url, "?q=malaria")  # (every result with the word: nothing to say)
    expect(status).to_have_text(re.compile(r"^\d+ results for “malaria”\.$"))
    open_search(page, site_url, "?q=%2Bpocus+elective")
    # (2: the POCUS project in Rwanda, which mentions electives, is no elective)
    expect(status).to_have_text(re.compile(r"^\d+ results for “\+pocus elective”, the 2 with every word first\.$"))
    expect(page.locator("#search-results h2").first).to_have_text("Point-of-Care Ultrasound Elective in Huế, Vietnam")


def test_a_word_of_a_family_of_medicine_finds_the_others_after_itself_and_the_status_says_so(page: Page, site_url: str) -> None:
    # "surgical" missed the entries that only say "surgery", and "anesthesiology" said "No results" where entries say
    # "anesthesia" (site_gen/word_families.py).
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=surgical")
    expect(status).to_have_text("18 results for “surgical”, the 14 with the word itself first.")
    expect(page.locator("#search-results h2").first).to_have_text("Surgical Observership in Riyadh, Saudi Arabia")
    open_search(page, site_url, "?q=anesthesiology")
    expect(status).to_have_text(
        "No entry has “anesthesiology”. Showing results for related words (“anesthesia”, “anesthetists”): 4 results.")
    expect(page.locator("#search-results mark").first).to_have_text(re.compile(r"^(?:anesthesia|anaesthesia|anaesthetists)$", re.I))


def test_a_word_no_entry_has_beside_words_that_match_is_named_with_the_related_words_found_instead(page: Page, site_url: str) -> None:
    # "psychiatric uganda" said "No entry has “psychiatric”." without naming "psychiatry", though those entries came first.
    status = page.locator("#search-status")
    open_search(page, site_url, "?q=psychiatric+uganda")
    expect(status).to_have_text("4 results for “psychiatric uganda”. No entry has “psychiatric”, only “psychiatry”.")
    expect(page.locator("#search-results h2").first).to_have_text("Community Mental Health Elective in Mbarara, Uganda")
    open_search(page, site_url, "?q=anesthesiology+vietnam")
    expect(status).to_have_text("6 results for “anesthesiology vietnam”. No entry has “anesthesiology”, only “anesthesia”.")
    expect(page.locator("#search-results mark", has_text=re.compile(r"^an(a)?esthe", re.I)).first).to_be_visible()
    open_search(page, site_url, "?q=quiet+psychiatric+uganda")
    expect(status).to_have_text(re.compile(
        r"^\d+ results for “quiet psychiatric uganda”\. No entry has “quiet”, nor “psychiatric”, only “psychiatry”\.$"))


@pytest.mark.parametrize("query", ["psychiatric+uganda", "anesthesiology+vietnam"])
def test_on_a_phone_the_status_naming_a_related_word_leaves_the_first_result_in_the_first_screen(
    browser: Browser, site_url: str, query: str,
) -> None:
    # Every related word in parentheses took three or four lines at 360 px and pushed the first result off the screen.
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    open_search(page, site_url, "?q=" + query)
    expect(page.locator("#search-status")).to_contain_text(", only “")
    first = page.locator("#search-results h2 a").first.bounding_box()
    assert first is not None and first["y"] + first["height"] <= 740, first
    context.close()


def test_words_the_catalog_lacks_say_no_results_not_similar_words_of_unrelated_entries(page: Page, site_url: str) -> None:
    # "ulan bator" said "Showing results for similar words: 30 results." and listed "Planning an International Rotation".
    status = page.locator("#search-status")
    for query in ("ulan+bator", "sao+paulo", "hong+kong"):
        open_search(page, site_url, "?q=" + query)
        expect(status).to_have_text(re.compile(r"^No results for “([a-z ]+)”\. No entry names the place “\1”\. Try fewer or other words"))
        expect(page.locator("#search-results li")).to_have_count(0)
    open_search(page, site_url, "?q=maternl+helth")  # (every word corrected)
    expect(status).to_have_text(re.compile(r"^No exact matches for “maternl helth”\. Showing results for similar words: \d+ results"))


def test_a_year_finds_what_runs_or_closes_in_it_and_a_result_says_why(page: Page, site_url: str) -> None:
    # "2027" found only the entries whose text says 2027, not the project starting then nor the electives closing then.
    open_search(page, site_url, "?q=2026&collection=projects")
    result = page.locator("#search-results li", has=page.locator("h2", has_text="Malaria in Pregnancy Research Collaboration"))
    expect(result.locator(".facts")).to_contain_text("2024–2027")
    expect(result.locator(".match-note")).to_have_text("Matches “2026” in its dates.")
    open_search(page, site_url, "?q=2027")
    elective = page.locator("#search-results li", has=page.locator("h2", has_text="General Surgery Elective in Nanjing"))
    expect(elective.locator(".facts mark")).to_have_text(["2027"])  # (in "Open until 15 January 2027", or "Closed on …")
