"""Fast unit tests of pure helpers: slugs, URLs, people-facing values, problems, the clock."""

from __future__ import annotations

from datetime import date, datetime, timezone

import os
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_gen import countries, humanize, urls
from site_gen.clock import ClockError, build_datetime
from site_gen.countries import country_name
from site_gen.fieldtypes import normal_base_url
from site_gen.problems import Problem, format_github, format_text, github_annotation
from site_gen.schema import Elective, WeeksRange
from site_gen.slugs import is_slug, suggest_slug, tag_slug
from site_gen.source import YamlProblem, display_path, split_front_matter


@pytest.mark.parametrize(("tag", "slug"), [
    ("Maternal Health", "maternal-health"),
    ("  HIV/AIDS & TB ", "hiv-aids-tb"),
    ("global--surgery", "global-surgery"),
    ("Santé publique", "santé-publique"),
    ("COVID_19", "covid-19"),
    # Vowel signs, viramas and points are combining marks: part of the word, not separators.
    ("स्वास्थ्य सेवा", "स्वास्थ्य-सेवा"),
    ("สุขภาพ", "สุขภาพ"),
    ("صِحّة", "صِحّة"),
    ("\u0301 tag", "tag"),
])
def test_tag_slug(tag: str, slug: str) -> None:
    assert tag_slug(tag) == slug


def test_tags_that_differ_in_vowel_signs_get_their_own_topics() -> None:
    assert tag_slug("टीका") != tag_slug("टिक")  # vaccine, tick


@pytest.mark.parametrize(("text", "valid"), [("a", True), ("a-1", True), ("a--b", False), ("-a", False), ("A", False), ("a_b", False), ("", False)])
def test_is_slug(text: str, valid: bool) -> None:
    assert is_slug(text) is valid


def test_suggest_slug_folds_accents() -> None:
    assert suggest_slug("Hospital San José") == "hospital-san-jose"


@pytest.mark.parametrize(("base", "route", "href", "absolute"), [
    ("https://org.github.io/catalog/", "electives/x/", "/catalog/electives/x/", "https://org.github.io/catalog/electives/x/"),
    ("https://org.github.io/catalog", "", "/catalog/", "https://org.github.io/catalog/"),
    ("https://example.edu/", "topics/santé/", "/topics/sant%C3%A9/", "https://example.edu/topics/sant%C3%A9/"),
])
def test_urls(base: str, route: str, href: str, absolute: str) -> None:
    maker = urls.Urls(base)
    assert maker.href(route) == href
    assert maker.absolute(route) == absolute


def test_url_shapes() -> None:
    assert urls.entry("pages", "about") == "about/"
    assert urls.entry("electives", "x") == "electives/x/"
    assert urls.country("CN") == "countries/cn/"
    assert urls.output_file("electives/x/") == "electives/x/index.html"
    assert urls.output_file("404.html") == "404.html"



@pytest.mark.parametrize(("written", "shown"), [
    ("es", "Spanish"), ("spa", "Spanish"), ("sw", "Swahili"), ("el", "Modern Greek"), ("English C1", "English (level C1)"),
    ("any", "any"), ("tbd", "tbd"), ("yes", "yes"), ("ES", "ES"), ("Kiswahili (helpful)", "Kiswahili (helpful)"),
])
def test_a_language_is_shown_by_name_only_when_written_as_a_common_code(written: str, shown: str) -> None:
    """A requirement is shown as written unless it is a code: 'any' is not Anyin, and 'sw' not 'Swahili (macrolanguage)'."""
    assert humanize.language(written) == shown


def test_people_facing_values() -> None:
    assert humanize.weeks(4) == "4 weeks"
    assert humanize.weeks(1) == "1 week"
    assert humanize.weeks(WeeksRange(min="4", max="8")) == "4–8 weeks"
    assert humanize.long_date(date(2026, 3, 1)) == "1 March 2026"
    assert humanize.label("residency-rotation") == "Residency rotation"
    assert humanize.label("medical-student") == "Medical students"


def elective(deadline: str | None) -> Elective:
    data = {"title": "Abc", "summary": "x", "category": "clinical", "format": "elective", "direction": "outbound",
            "audience": ["resident"], "countries": ["CN"]}
    return Elective.model_validate({**data, **({"deadline": deadline} if deadline else {})})


@pytest.mark.parametrize(("deadline", "state", "text"), [
    ("2026-10-13", "open", "Closes in 12 days"),
    ("2026-10-01", "open", "Closes today"),
    ("2026-10-02", "open", "Closes tomorrow"),
    ("2026-12-30", "open", "Closes in 90 days"),
    ("2026-12-31", "open", "Closes on 31 December 2026"),  # (not "Closes in 516 days", nor 2,912,169 days for 9999)
    ("2028-02-29", "open", "Closes on 29 February 2028"),
    ("2026-03-01", "closed", "Closed on 1 March 2026"),
    (None, "rolling", "Rolling admissions"),
])
def test_deadline_state(deadline: str | None, state: str, text: str) -> None:
    today = date(2026, 10, 1)
    assert humanize.deadline_state(elective(deadline), today) == state
    assert humanize.deadline_text(elective(deadline), today) == text


def test_country_names_read_naturally() -> None:
    assert country_name("NO") == "Norway"
    assert country_name("TZ") == "Tanzania"
    assert country_name("PS") == "State of Palestine"


def test_problem_formats() -> None:
    problems = [Problem("content/a.md", 3, "x: 'y' is wrong"), Problem("content/b.md", 1, "missing")]
    assert format_text(problems) == "content/a.md:3: x: 'y' is wrong\ncontent/b.md:1: missing\n2 problems found\n"
    github = format_github(problems).splitlines()
    assert github[0] == "::error file=content/a.md,line=3,title=Catalog content error::x: 'y' is wrong"
    assert github[2:] == ["content/a.md:3: x: 'y' is wrong", "content/b.md:1: missing", "2 problems found"]


def test_github_escaping() -> None:
    line = github_annotation(Problem("content/a,b:c.md", 2, "100% wrong\r\nnext"))
    assert line == "::error file=content/a%2Cb%3Ac.md,line=2,title=Catalog content error::100%25 wrong%0D%0Anext"


def test_clock_honours_source_date_epoch() -> None:
    assert build_datetime({"SOURCE_DATE_EPOCH": "1790812800"}) == datetime(2026, 10, 1, tzinfo=timezone.utc)
    with pytest.raises(ClockError):
        build_datetime({"SOURCE_DATE_EPOCH": "soon"})


@pytest.mark.parametrize(("text", "line", "body_line"), [
    ("---\na: 1\n---\nbody", None, 4),
    ("---\n---\n", None, 3),
    ("---  \na: 1\n...\nbody", None, 4),
])
def test_split_front_matter(text: str, line: int | None, body_line: int) -> None:
    assert split_front_matter(text)[2] == body_line


def test_split_front_matter_unclosed() -> None:
    with pytest.raises(YamlProblem):
        split_front_matter("---\na: 1\n")


@pytest.mark.parametrize(("written", "shown"), [
    ("1200", "1,200"), ("99.5", "99.50"), ("1234.567", "1,234.567"), ("0.125", "0.125"), ("12.50", "12.50"), ("1e3", "1,000"),
])
def test_amounts_keep_every_decimal_written(written: str, shown: str) -> None:
    from decimal import Decimal

    assert humanize.amount(Decimal(written)) == shown


_PATH_PART = st.sampled_from(["content", "partners", "x.md", ".", "..", "", ".cache", "a b", "é", "tmp", "/"])


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.lists(_PATH_PART, max_size=6).map("/".join), st.lists(_PATH_PART, max_size=6).map("/".join))
def test_display_path_is_the_path_relative_to_root(path: str, root: str) -> None:
    """The shortcut for plain paths below the root gives what ``os.path.relpath`` gives."""
    path, root = path or ".", root or "."
    if path.startswith("/") != root.startswith("/"):
        root = "/" + root.lstrip("/") if path.startswith("/") else root.lstrip("/") or "."
    assert display_path(Path(path), Path(root)) == Path(os.path.relpath(path, root)).as_posix()
    assert display_path(path, root) == Path(os.path.relpath(path, root)).as_posix()  # type: ignore[arg-type]


@pytest.mark.parametrize(("written", "base"), [
    ("https://例子.测试/x", "https://xn--fsqu00a.xn--0zwm56d/x/"),
    ("http://[::1]:8000/catalog", "http://[::1]:8000/catalog/"),
    ("https://Example.org", "https://example.org/"),
])
def test_normal_base_url(written: str, base: str) -> None:
    assert normal_base_url(written) == base


def test_every_name_a_country_is_written_by_leads_to_one_code() -> None:
    """Validation's hints ('UK' -> GB) and search's aliases read one table of names; none names two countries."""
    tables = (countries.SEARCH_ALIASES, countries.WRITTEN_NAMES)
    written = [(name.casefold(), code) for table in tables for code, names in table.items() for name in names]
    assert len({name for name, _ in written}) == len(written), "a name listed twice"
    shown = {countries.country_name(country.alpha_2).casefold(): country.alpha_2 for country in pycountry.countries}
    for name, code in written:
        assert countries.code_named(name) == code and code in shown.values() and shown.get(name, code) == code, name
    for name, code in shown.items():
        assert countries.code_named(name) == code
    assert [countries.code_named(name) for name in ("Laos", " u.s.a. ", "East Timor", "Atlantis")] == ["LA", "US", "TL", None]
