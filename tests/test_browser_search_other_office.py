"""The search page on a catalog written by another office (Peru, Nepal, Vietnam): words it only has in another form.

Its only "international" is a funder's name ("Fogarty International Center"), so lunr's stem "intern" has one word,
its only "vaccin…" is "vaccinations", and no entry has both "peru" and "surgery".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Page, expect

from browser import CHROMIUM
from helpers import make_catalog, run_cli, serve_folder

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (scripts/setup.sh)")

SITE = """\
title: Global Health Education Office
description: Electives abroad and field projects of a fictional school.
base_url: https://example.org/global/
"""

CAYETANO = """\
---
title: Hospital Nacional Cayetano Heredia
summary: Public teaching hospital in Lima, Peru; our partner for pediatrics and tropical medicine since 2011.
kind: hospital
country: PE
city: Lima
---
Its *Departamento de Pediatría* receives our students every year. Falamos português.
"""

BACH_MAI = """\
---
title: Bệnh viện Bạch Mai
summary: Bach Mai Hospital in Hà Nội, one of Vietnam's national hospitals, with a large emergency centre.
kind: hospital
country: VN
city: Hà Nội
---
Emergency physicians visit its *Trung tâm Cấp cứu A9*.
"""

ARBOVIRUS = """\
---
title: Estudio Arbovirus Loreto
summary: A cohort study of dengue and Zika fever, and of vaccinations, in households of Iquitos, Peru, with Cayetano Heredia.
kind: research
status: active
countries: [PE]
partners: [hospital-nacional-cayetano-heredia]
funding: NIH Fogarty International Center (D43 training grant)
---
Summer research for medical students, Spanish needed.
"""

NEPAL = """\
---
title: Global Surgery Research Fellowship, Nepal
summary: A one-year research fellowship on surgical outcomes in rural Nepal, for surgery residents.
category: research
format: fellowship
direction: outbound
audience: [resident]
countries: [NP]
specialties: [global surgery]
duration_weeks: 48
---
Fellows spend ten months in Lalitpur.
"""

FILES: dict[str, str | bytes | None] = {
    "site.yaml": SITE, "partners/hospital-nacional-cayetano-heredia.md": CAYETANO, "partners/benh-vien-bach-mai.md": BACH_MAI,
    "projects/estudio-arbovirus-loreto.md": ARBOVIRUS, "electives/global-surgery-research-fellowship-nepal.md": NEPAL,
}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("other-office")
    content = make_catalog(root, FILES, base={})
    assert run_cli("build", "--content", content, "--output", root / "_site").code == 0
    with serve_folder(root / "_site", "/global/") as url:
        yield url


def open_search(page: Page, site_url: str, query: str) -> None:
    page.goto(site_url + "search/" + query)
    expect(page.locator("#search-status")).not_to_have_text(re.compile("Loading|Searching"))


@pytest.mark.parametrize(("query", "word", "related", "titles"), [
    ("?q=internal", "internal", "international", ["Estudio Arbovirus Loreto"]),
    ("?q=internal+", "internal", "international", ["Estudio Arbovirus Loreto"]),
    ("?q=intern+", "intern", "international", ["Estudio Arbovirus Loreto"]),
    ("?q=vaccine", "vaccine", "vaccinations", ["Estudio Arbovirus Loreto"]),
])
def test_a_word_the_catalog_only_has_as_another_word_of_its_stem_says_so(
    page: Page, site_url: str, query: str, word: str, related: str, titles: list[str],
) -> None:
    # "1 result for “internal”." listed the entry funded by the Fogarty International Center (stem "intern"), with
    # nothing marked, as if it said "internal"; and "No results" instead would have hidden the entry that offers
    # "vaccinations" from a search for "vaccine". The status says which word it has, and that word is marked.
    open_search(page, site_url, query)
    expect(page.locator("#search-status")).to_have_text(
        f"No entry has “{word}”. Showing results for related words (“{related}”): {len(titles)} result{'s' if len(titles) > 1 else ''}.")
    expect(page.locator("#search-results h2")).to_have_text(titles)
    if word == "vaccine":  # (the summary a result shows has it; "International" is only in the funding)
        expect(page.locator("#search-results mark")).to_have_text(["vaccinations"])


def test_typing_a_word_that_no_word_of_its_stem_starts_with_stops_matching_that_stem(page: Page, site_url: str) -> None:
    open_search(page, site_url, "")
    box, status = page.locator("#search-page-q"), page.locator("#search-status")
    box.press_sequentially("interna")  # on the way to "international": the entry is found
    expect(status).to_have_text("1 result for “interna”.")
    box.press_sequentially("l")
    expect(status).to_have_text("No entry has “internal”. Showing results for related words (“international”): 1 result.")
    box.press_sequentially(" medicine ")
    # (those with "medic…", one of them with "International", named as for "internal" alone)
    expect(status).to_have_text("2 results for “internal medicine”. No entry has “internal”, only “international”.")


def test_a_word_being_typed_still_matches_a_shorter_stem_whose_word_is_the_same_word(page: Page, site_url: str) -> None:
    # Only stems none of whose words is the word or starts with it are left out: "português" is "portuguese".
    open_search(page, site_url, "?q=portuguese")
    expect(page.locator("#search-status")).to_have_text("1 result for “portuguese”.")  # (not a typo retry)
    expect(page.locator("#search-results h2")).to_have_text(["Hospital Nacional Cayetano Heredia"])


@pytest.mark.parametrize("query", ["?q=hanoi", "?q=Hanoi+", "?q=%2Bhanoi+"])
def test_hanoi_finds_ha_noi_as_another_name_of_the_city(page: Page, site_url: str, query: str) -> None:
    # "hanoi" found nothing, as entries say "Hà Nội" (folded "ha noi"); then the split retry found it as "similar words".
    # Hanoi and Ha Noi are one city's names (site_gen/equivalents.py): an exact match.
    open_search(page, site_url, query)
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^1 result for “\+?[Hh]anoi”\.$"))
    expect(page.locator("#search-results h2")).to_have_text(["Bệnh viện Bạch Mai"])


@pytest.mark.parametrize("query", ["?q=bachmai", "?q=Bachmai+", "?q=%2Bbachmai+"])
def test_a_word_written_without_the_space_between_two_words_of_the_catalog_finds_them(page: Page, site_url: str, query: str) -> None:
    # "bachmai" found nothing, as the entry says "Bạch Mai" (folded "bach mai") and no word is one typo from it.
    open_search(page, site_url, query)
    expect(page.locator("#search-status")).to_have_text(re.compile(
        r"^No exact matches for “\+?[Bb]achmai”\. Showing results for similar words: 1 result\.$"))
    expect(page.locator("#search-results h2")).to_have_text(["Bệnh viện Bạch Mai"])


def test_the_two_words_must_both_be_there(page: Page, site_url: str) -> None:
    # Each word of a split is required: "limaperu" lists the entry with "Lima" and "Peru", not those with one of them.
    open_search(page, site_url, "?q=limaperu+")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^No exact matches for “limaperu”\. Showing results for similar words: 1 result\."))
    expect(page.locator("#search-results h2")).to_have_text(["Hospital Nacional Cayetano Heredia"])  # (the one with both)
    open_search(page, site_url, "?q=limanepal+")  # (no entry has both)
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^No results for “limanepal”\."))


def test_a_query_no_entry_has_every_word_of_says_so(page: Page, site_url: str) -> None:
    # "peru surgery" listed the fellowship in Nepal first, as "3 results", with nothing to say that no entry has both.
    open_search(page, site_url, "?q=peru+surgery")
    expect(page.locator("#search-status")).to_have_text(re.compile(r"^\d+ results for “peru surgery”, none with every word\.$"))
