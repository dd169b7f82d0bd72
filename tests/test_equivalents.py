"""Equivalent names (site_gen/equivalents.py): the table, how names are found in text, and what the index and the search
page make of them, with the real lunr.js on a small built catalog."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from lunr.stop_word_filter import WORDS as STOP_WORDS

from helpers import ELECTIVE, ROOT, make_catalog, run_cli
from site_gen.equivalents import EQUIVALENTS, KEY_MARK, KIND_TERMS, name_word
from site_gen.search import FIELD_BOOSTS, REF, build_index, equivalent_finder, fold, kind_terms, stem


def test_each_equivalent_has_a_term_of_its_own_that_the_pipeline_keeps_and_a_reason() -> None:
    terms = [equivalent.term for equivalent in EQUIVALENTS]
    assert len(set(terms)) == len(terms)
    for equivalent in EQUIVALENTS:
        assert equivalent.term == equivalent.key + KEY_MARK and stem(equivalent.term) == equivalent.term
        assert fold(equivalent.term) == equivalent.term and equivalent.key not in STOP_WORDS
        assert equivalent.why and (equivalent.names or equivalent.collection)  # (a kind's term comes from its collection)
        assert not {fold(name) for name in equivalent.typed} & {fold(name) for name in equivalent.names}


@pytest.mark.parametrize(("word", "compared"), [
    ("gp", "=gp"), ("gps", "=gps"), ("units", "unit"), ("countries", "country"), ("tuberculosis", "tuberculosis"),
    ("pocus", "pocus"), ("access", "access"), ("icus", "icus"), ("pediatrics", "pediatric"),
])
def test_a_word_of_a_name_is_compared_as_written_up_to_three_letters_and_as_singular_beyond(word: str, compared: str) -> None:
    assert name_word(word) == compared


@pytest.mark.parametrize(("text", "terms"), [
    ("Point-of-Care Ultrasound Elective", ["pocus_"]),
    ("Obstetrics & Gynaecology; OB/GYN; ob-gyn", ["obgyn_"]),
    ("the Neonatal Intensive Care Units", ["nicu_", "icu_"]),
    ("Paediatric ICUs", ["peds_", "icu_"]),
    ("low- and middle-income countries", ["lmic_"]),
    ("a GP and GPs", ["gp_"]),
    ("internal medicine", ["im_"]),
    # Not names: "GPS" (not "GP"), "international" (whose stem is internal's), the letters of a list, words only typed.
    ("GPS mapping", []), ("international medicine", []), ("vitamins A, E and K", []), ("em IM QI A&E O&G", []),
])
def test_the_index_finds_the_names_an_equivalent_has_in_text(text: str, terms: list[str]) -> None:
    assert equivalent_finder().terms_in(fold(text)) == terms


def test_the_search_pages_table_has_the_names_only_typed_and_only_the_terms_the_index_holds() -> None:
    table = {entry[0]: entry[1:] for entry in equivalent_finder(typed=True).table(["em_", "obgyn_", "nofee_", "tb_"])}
    assert table == {
        "em_": [["emergency medicine", "=em"], 1],  # (from the second name on, the names a query means as the term alone)
        "obgyn_": [["obgyn", "=ob =gyn", "obstetric =and gynecology", "obstetric gynecology", "=obs =and gynae", "=obs gynae", "=o =g"], 6],
        "nofee_": [["=no =fee", "=no fee", "=no tuition", "tuition free", "=fee free", "free =of charge", "=no cost", "=no charge",
                    "without =fee", "without fee", "free"], 0],  # (every name: "no fee" is no "fee")
        "tb_": [["=tb", "tuberculosis"]],
    }


def _index(records: list[dict[str, str]], equivalents: bool) -> dict:
    pieces: list[bytes] = []
    build_index(records, equivalents=equivalents, forms=False).write_json(pieces.append)
    return json.loads(b"".join(pieces))


def test_an_equivalents_term_stands_for_its_words_without_lengthening_the_field() -> None:
    """As Lucene's BM25 counts a synonym (discountOverlaps): the field's other words weigh what they weighed."""
    records = [{REF: "0", **{name: "" for name in FIELD_BOOSTS}, "title": fold("Intensive Care Unit Elective")},
               {REF: "1", **{name: "" for name in FIELD_BOOSTS}, "title": fold("Surgery Elective")}]
    plain, with_terms = _index(records, False), _index(records, True)
    inverted = dict(with_terms["invertedIndex"])
    assert inverted["icu_"]["title"] == {"0": {"index": [0, 2]}}  # (its first and last word)
    number = {term: posting["_index"] for term, posting in inverted.items()}
    plain_number = {term: posting["_index"] for term, posting in plain["invertedIndex"]}

    def weights(index: dict, numbers: dict[str, int]) -> dict[str, float]:
        vector = dict(index["fieldVectors"])["title/0"]
        by_number = dict(zip(vector[::2], vector[1::2]))
        return {term: by_number[numbers[term]] for term in ("intens", "care", "unit", "elect")}

    assert weights(with_terms, number) == weights(plain, plain_number)


def test_each_kind_of_entry_but_pages_has_a_term_that_stands_after_its_topics_without_lengthening_them() -> None:
    """"electives asia" listed partners that "host electives" first: the kind of entry was no term of the index."""
    assert KIND_TERMS == {"electives": "elective_", "projects": "project_", "partners": "partner_"}
    assert kind_terms("pages") == {}
    blank = {name: "" for name in FIELD_BOOSTS}
    records = [{REF: "0", **blank, "topics": fold("Surgery Elective"), **kind_terms("electives")},
               {REF: "1", **blank, "topics": fold("Surgery Elective"), **kind_terms("partners")},
               {REF: "2", **blank, "topics": fold("Surgery Elective")}]
    stripped = [{key: text for key, text in record.items() if not key.startswith("+")} for record in records]
    with_kinds, plain = _index(records, True), _index(stripped, True)
    inverted = dict(with_kinds["invertedIndex"])
    # A value of its own after the topics (a word number past a gap): "surgery elective" is no pair of "surgery" and the kind.
    assert inverted["elective_"]["topics"] == {"0": {"index": [3]}} and inverted["partner_"]["topics"] == {"1": {"index": [3]}}
    assert "project_" not in inverted
    vectors, plain_vectors = dict(with_kinds["fieldVectors"]), dict(plain["fieldVectors"])
    assert vectors["topics/2"] == plain_vectors["topics/2"]
    assert vectors["topics/0"][:4] == plain_vectors["topics/0"]  # (the other words weigh what they weighed: then the kind's)
    assert _index(records, False) == _index(stripped, False)  # (lunr.py's index: no added terms)


def _elective(title: str, body: str) -> str:
    return ELECTIVE.replace("title: Surgery Elective", f"title: {title}").replace("Body of the elective.", body)


NODE_SEARCH = """
const { loadSearch } = await import(process.env.BUILT_SITE_MODULE);
const search = loadSearch(process.env.SEARCH_SITE, '/catalog/');
const out = {};
for (const query of JSON.parse(process.env.QUERIES)) {
  const outcome = await search.core.search(search.lunr, search.sharded(), query);
  const terms = search.core.matchedTerms(outcome.hits);
  out[query] = {
    similar: outcome.similar,
    hits: outcome.hits.map((hit) => {
      const doc = search.documents[Number(hit.ref)];
      const marked = search.core.highlight(search.lunr, doc.title, terms, search.manifest.equivalents);
      return [doc.ref, marked.filter((segment) => segment[1]).map((segment) => segment[0]), Object.keys(hit.matchData.metadata).sort()];
    }),
  };
}
console.log(JSON.stringify(out));
"""


def test_a_name_finds_the_others_in_both_directions_the_name_typed_first_marked_whole(tmp_path: Path) -> None:
    files = {
        "electives/literal.md": _elective("Surgery Elective in Lusaka", "Rounds in the ICU every morning."),
        "electives/long.md": _elective("Surgery Elective in Lima", "Rounds in the intensive care unit every morning."),
        "electives/titled.md": _elective("Intensive Care Unit Elective", "Rounds every morning."),
        "electives/mapping.md": _elective("Household Survey Elective", "GPS mapping of households."),
        "electives/about.md": _elective("International Medicine Observership", "Rounds every morning."),
    }
    output = tmp_path / "_site"
    result = run_cli("build", "--content", make_catalog(tmp_path, files), "--output", output)
    assert result.code == 0, result.out + result.err
    queries = ["ICU", "intensive care unit", "icu ", "GP", "IM"]
    env = {**os.environ, "SEARCH_SITE": str(output), "QUERIES": json.dumps(queries),
           "BUILT_SITE_MODULE": (ROOT / "tests" / "js" / "built-site.mjs").as_uri()}
    run = subprocess.run(["node", "--input-type=module", "-e", NODE_SEARCH], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    titled = ["electives/titled", ["Intensive Care Unit"], ["icu_"]]
    # The title weighs more than the body; in the body, the name typed ranks above the other name.
    assert found["ICU"] == {"similar": False, "hits": [titled, ["electives/literal", [], ["icu", "icu_"]], ["electives/long", [], ["icu_"]]]}
    assert found["icu "] == found["ICU"]
    assert [hit[0] for hit in found["intensive care unit"]["hits"][:3]] == ["electives/titled", "electives/long", "electives/literal"]
    assert found["intensive care unit"]["hits"][0][1] == ["Intensive Care Unit"]
    # "GPS" is no GP (lunr finds it as the stem "gp", not as general practice), international medicine no IM (internal
    # medicine), though "international" and "internal" have one stem.
    assert found["GP"]["hits"] == [["electives/mapping", [], ["gp"]]] and found["IM"]["hits"] == []


def _search_node(tmp_path: Path, files: dict[str, str], queries: list[str]) -> dict:
    output = tmp_path / "_site"
    result = run_cli("build", "--content", make_catalog(tmp_path, files), "--output", output)
    assert result.code == 0, result.out + result.err
    env = {**os.environ, "SEARCH_SITE": str(output), "QUERIES": json.dumps(queries),
           "BUILT_SITE_MODULE": (ROOT / "tests" / "js" / "built-site.mjs").as_uri()}
    run = subprocess.run(["node", "--input-type=module", "-e", NODE_SEARCH], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize(("text", "folded"), [
    ("U.S.", "usa"), ("the U.S.-based team", "the usa based team"), ("U.S.A.", "usa"), ("Ú.S.", "usa"), ("us", "us"),
    ("U.S.x", "usx"), ("U.K.", "uk"),
])
def test_the_initials_us_fold_to_usa_not_to_the_stop_word_us(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_an_entry_that_only_says_us_with_dots_is_found_by_each_name_of_the_united_states(tmp_path: Path) -> None:
    """A body's "U.S." was folded to "us", a stop word the index leaves out: no query found the entry."""
    files = {
        "electives/dotted.md": _elective("Surgery Elective in Lusaka", "Most of our visitors come from U.S. schools."),
        "electives/titled.md": _elective("U.S. Licensing Observership", "Rounds every morning."),
        "electives/named.md": _elective("Surgery Elective in Lima", "Visitors from the United States of America."),
        "electives/other.md": _elective("Surgery Elective in Quito", "Rounds every morning with us."),
    }
    found = _search_node(tmp_path, files, ["U.S.", "USA", "US", "United States", "title:us", "us surgery"])
    everywhere = {"electives/dotted", "electives/titled", "electives/named"}
    for query in ("U.S.", "USA", "US", "United States"):
        assert {hit[0] for hit in found[query]["hits"]} == everywhere, query
        assert not found[query]["similar"]
    assert [hit[0] for hit in found["title:us"]["hits"]] == ["electives/titled"]
    assert found["title:us"]["hits"][0][1] == ["U.S"]  # the initials marked whole (as "U.K" is: its last dot may end a sentence)
    assert "electives/other" not in {hit[0] for hit in found["us surgery"]["hits"][:3]}


def test_a_citys_other_name_finds_it_both_ways(tmp_path: Path) -> None:
    """Bombay Hospital, a visitor's Mumbai; Ulaanbaatar, a visitor's Ulan Bator: each found nothing (or, by the typo
    retry, unrelated entries) for the other name."""
    files = {
        "electives/bombay.md": _elective("Cardiology Observership at Bombay Hospital", "Rounds every morning."),
        "electives/mumbai.md": _elective("Public Health Elective in Mumbai", "Rounds every morning."),
        "electives/ulaanbaatar.md": _elective("Emergency Medicine Rotation", "In Ulaanbaatar, at the national trauma centre."),
        "electives/kiev.md": _elective("Rehabilitation Elective", "A rehabilitation hospital in Kiev."),
        "electives/saigon.md": _elective("Tropical Medicine Elective", "At a hospital in Ho Chi Minh City."),
        "electives/other.md": _elective("Surgery Elective in Lima", "Rounds every morning."),
    }
    found = _search_node(tmp_path, files, ["mumbai", "bombay", "ulan bator", "kyiv", "saigon", "hcmc", "ho chi minh city"])
    assert [hit[0] for hit in found["mumbai"]["hits"]] == ["electives/mumbai", "electives/bombay"]  # (the name typed first)
    assert [hit[0] for hit in found["bombay"]["hits"]] == ["electives/bombay", "electives/mumbai"]
    assert found["bombay"]["hits"][1][1] == ["Mumbai"]  # (the other name marked)
    for query, ref in (("ulan bator", "electives/ulaanbaatar"), ("kyiv", "electives/kiev"), ("saigon", "electives/saigon"),
                       ("hcmc", "electives/saigon")):
        assert [hit[0] for hit in found[query]["hits"]] == [ref] and not found[query]["similar"], query
    assert found["ho chi minh city"]["hits"][0][0] == "electives/saigon"


def _costed(title: str, cost: str, body: str = "Rounds every morning.") -> str:
    return _elective(title, body).replace("deadline: 2026-11-30", f"deadline: 2026-11-30\ncost: {cost}")


def test_free_and_no_fee_find_the_electives_that_cost_nothing_and_paid_those_that_pay(tmp_path: Path) -> None:
    """"free", "no fee" and "free elective" found nothing (or every elective that mentions a fee): an amount of 0
    was not indexed, and "free" no text's word; a student with no money could not find what costs nothing."""
    files = {
        "electives/zero.md": _costed("Surgery Elective in Lusaka", "{amount: 0, currency: USD}"),
        "electives/tuition.md": _costed("Pediatrics Elective in Lima", '"No tuition; housing at the learner\'s expense"'),
        "electives/fees.md": _costed("Family Medicine Elective in Quito", '"Fellows pay no fees"'),
        "electives/priced.md": _costed("Cardiology Elective in Accra", "{amount: 900, currency: USD}",
                                       "The fee covers supervision. Our campus is smoke-free."),
        "electives/stipend.md": _costed("Research Fellowship in Kumasi", '"A monthly stipend is provided"'),
        "electives/salary.md": _costed("Rural Surgery Rotation", '"Salary continues from the home program"'),
    }
    found = _search_node(tmp_path, files, ["free", "free ", "no fee ", "no cost ", "free elective ", "paid ", "paid fellowship "])
    free = {"electives/zero", "electives/tuition", "electives/fees"}
    for query in ("free", "free ", "no fee ", "no cost "):
        refs = [hit[0] for hit in found[query]["hits"]]
        assert set(refs[:3]) == free and not found[query]["similar"], query
    # The word itself is still found, after them: a campus that is "smoke-free", an elective whose fee is named.
    assert found["free "]["hits"][3][0] == "electives/priced" and found["no fee "]["hits"][3][0] == "electives/priced"
    assert {hit[0] for hit in found["free elective "]["hits"][:3]} == free
    assert {hit[0] for hit in found["paid "]["hits"]} == {"electives/stipend", "electives/salary"}
    assert found["paid fellowship "]["hits"][0][0] == "electives/stipend"


def test_an_abbreviation_the_catalog_lacks_is_not_split_into_two_of_its_words(tmp_path: Path) -> None:
    """"observership for imgs", where no entry names an international medical graduate, was retried as "im gs" (the
    codes of the Isle of Man and South Georgia, each required) and listed the one entry in both, not the observership."""
    files = {
        "electives/observership.md": _elective("Cardiology Observership", "Rounds every morning.").replace(
            "format: elective", "format: observership"),
        "electives/both.md": _elective("Surgery Elective", "Rounds every morning.").replace("countries: [CN]", "countries: [IM, GS]"),
        "electives/man.md": _elective("Pediatrics Elective", "Rounds every morning.").replace("countries: [CN]", "countries: [IM]"),
    }
    found = _search_node(tmp_path, files, ["observership for imgs", "imgs"])
    assert [hit[0] for hit in found["observership for imgs"]["hits"]] == ["electives/observership"]
    assert not found["observership for imgs"]["similar"]
    assert found["imgs"]["hits"] == []
