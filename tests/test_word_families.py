"""Families of words of medicine that lunr's stemmer keeps apart (site_gen/word_families.py), and the years of an entry's
dates (search.entry_years) and durations (search.duration_words): the tables and the build side. The search page's side is in tests/js/search-families.test.mjs."""

from __future__ import annotations

from datetime import date

import pytest

from site_gen.schema import Elective, Partner, Project, WeeksRange
from site_gen.search import duration_words, entry_years, indexed_form, stem
from site_gen.word_families import FAMILIES, family_stems, family_table


def _stem(word: str) -> str:
    return stem(indexed_form(word))


def test_each_family_joins_stems_that_are_apart_and_no_stem_is_in_two_families() -> None:
    seen: dict[str, tuple[str, ...]] = {}
    for words in FAMILIES:
        stems = family_stems(words, _stem)
        assert len(stems) > 1, f"{words}: one stem already, no family needed"
        for found in stems:
            assert found not in seen, f"{found} is in {seen.get(found)} and {words}"
            seen[found] = words


@pytest.mark.parametrize(("typed", "other"), [
    ("surgical", "surgery"), ("surgeon", "surgery"), ("anaesthesiology", "anesthesia"), ("anesthetist", "anaesthesia"),
    ("cardiac", "cardiology"), ("psychiatric", "psychiatry"), ("paediatrician", "pediatrics"), ("obstetrician", "obstetrics"),
    ("gynaecologist", "gynecology"), ("orthopaedist", "orthopaedics"), ("oncologist", "oncological"), ("midwives", "midwifery"),
])
def test_words_of_one_family_with_other_stems(typed: str, other: str) -> None:
    family = next(words for words in FAMILIES if _stem(typed) in family_stems(words, _stem))
    assert _stem(other) in family_stems(family, _stem) and _stem(other) != _stem(typed)


def test_the_manifests_table_has_every_stem_of_a_family_of_which_the_index_holds_one() -> None:
    # "anesthesiology" is not in this index, but a query for it must find its family ("anesthesia" is).
    table = family_table({"anesthesia", "surgeri", "surgic", "kenya"}, _stem)
    assert ["anesthesia", "anesthesiolog", "anesthesiologist", "anesthet", "anesthetist"] in table
    assert ["surgeon", "surgeri", "surgic"] in table
    assert len(table) == 2  # (no family of which it holds no stem)


def _project(start: date | int | None, end: date | int | None) -> Project:
    return Project.model_construct(start=start, end=end)  # (the dates as the contract reads them; nothing else is read)


@pytest.mark.parametrize(("start", "end", "years"), [
    (date(2024, 1, 15), date(2027, 6, 30), ["2024", "2025", "2026", "2027"]),
    (2027, 2027, ["2027"]), (date(2023, 9, 1), None, ["2023"]), (None, 2025, ["2025"]), (None, None, []),
    (1025, 2025, ["1025", "2025"]),  # (a span of a thousand years: its ends only)
])
def test_a_project_names_each_year_it_runs(start: date | int | None, end: date | int | None, years: list[str]) -> None:
    assert entry_years(_project(start, end)) == years


def test_an_elective_names_its_deadlines_year_and_a_partner_none() -> None:
    assert entry_years(Elective.model_construct(deadline=date(2027, 1, 15))) == ["2027"]
    assert entry_years(Elective.model_construct(deadline=None)) == []
    assert entry_years(Partner.model_construct(since=2015)) == []  # (a year the partnership began: nothing runs in it)


@pytest.mark.parametrize(("duration", "words"), [
    (4, ["4 weeks"]), (1, ["1 week"]), (WeeksRange.model_construct(min=2, max=4), ["2 3 4 weeks"]), (WeeksRange.model_construct(min=6, max=6), ["6 weeks"]),
    (WeeksRange.model_construct(min=12, max=52), ["12 52 weeks"]),  # (a range of more than LONGEST_WEEKS: its ends only)
    (None, []),
])
def test_an_elective_names_each_number_of_weeks_it_may_take(duration: int | WeeksRange | None, words: list[str]) -> None:
    """"4 weeks" found the texts that say "4" and "weeks" anywhere: a guide first, 6-week electives before 4-week ones."""
    assert duration_words(Elective.model_construct(duration_weeks=duration)) == words
    assert duration_words(Project.model_construct()) == []
