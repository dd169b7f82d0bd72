"""The search index builder: fields, refs, drafts, plain-text bodies, accent folding, hashed and deterministic files."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lunr.stop_word_filter import WORDS as STOP_WORDS

from helpers import ELECTIVE, PARTNER, PROJECT, ROOT, make_catalog, run_cli, snapshot
from site_gen.pipeline import BuildOptions, build
from site_gen.search import FIELD_BOOSTS, POSITION_FIELDS, REF, SearchAssetError, area_words, build_index, country_terms, fold, respell, stem
from site_gen.search_shards import js_order


def build_site(tmp_path: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    content = make_catalog(tmp_path, files or {})
    output = tmp_path / "_site"
    result = run_cli("build", "--content", content, "--output", output)
    assert result.code == 0, result.out + result.err
    return output


def search_file(site: Path, attribute: str) -> Path:
    """The file the search page names in one of its data attributes."""
    html = (site / "search" / "index.html").read_text(encoding="utf-8")
    match = re.search(rf'{attribute}="/catalog/([^"]+)"', html)
    assert match is not None, f"no {attribute} on the search page"
    return site / match.group(1)


def load_index(site: Path) -> dict[str, Any]:
    return json.loads(search_file(site, "data-index").read_text(encoding="utf-8"))


def load_manifest(site: Path) -> dict[str, Any]:
    return json.loads(search_file(site, "data-manifest").read_text(encoding="utf-8"))


def load_documents(site: Path) -> list[dict[str, Any]]:
    """Every result document, by document number (the lunr ref), from the manifest's chunks."""
    return [doc for url in load_manifest(site)["chunks"] for doc in json.loads((site / url.removeprefix("/catalog/")).read_text(encoding="utf-8"))]


def number_of(site: Path, ref: str) -> str:
    """The whole index's ref of ``collection/slug``: its page's address under the site."""
    document = next(doc for doc in load_documents(site) if doc["ref"] == ref)
    return str(document["url"]).removeprefix("/catalog/")


def postings(index: dict[str, Any], term: str) -> dict[str, Any]:
    """The inverted-index entry of one term: field -> {ref: metadata}."""
    return dict(index["invertedIndex"]).get(term, {})


DRAFT = ELECTIVE.replace("title: Surgery Elective", "title: Secret Ophthalmology Draft").replace("deadline:", "draft: true\ndeadline:")
ACCENTED_PARTNER = PARTNER.replace("title: Riverside Hospital", "title: Clínica Universitaria de Bogotá").replace("city: Nanjing", "city: Bogotá")
BODY = "Read **bold words** and <em>emphasised</em> text, a [linked phrase](https://hidden.example.org/path) and `code`.\n"


def test_index_loads_in_lunr_js_format_with_the_tuned_fields(tmp_path: Path) -> None:
    index = load_index(build_site(tmp_path))
    assert index["version"] == "2.3.9"
    assert index["fields"] == list(FIELD_BOOSTS)
    assert index["pipeline"] == ["stemmer"]
    assert FIELD_BOOSTS["title"] == max(FIELD_BOOSTS.values()) and FIELD_BOOSTS["body"] == min(FIELD_BOOSTS.values())


def test_every_published_item_is_indexed_by_its_address_and_listed_in_catalog_order(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    refs = [field_ref.split("/", 1)[1] for field_ref, _ in load_index(site)["fieldVectors"]]
    assert list(dict.fromkeys(refs)) == ["partners/riverside/", "projects/needs/", "electives/surgery/", "about/"]
    assert all((site / ref / "index.html").is_file() for ref in refs)
    assert [doc["ref"] for doc in load_documents(site)] == ["partners/riverside", "projects/needs", "electives/surgery", "pages/about"]


def test_the_whole_index_has_a_name_that_does_not_change_and_lunr_js_finds_pages_by_its_refs(tmp_path: Path) -> None:
    """Another tool loads ``search/index.json`` with lunr.js and links each hit: ``base_url`` + its ref."""
    site = build_site(tmp_path, {"pages/about.md": "---\ntitle: About\nsummary: Who we are.\n---\nOur ophthalmology team.\n"})
    assert search_file(site, "data-index") == site / "search" / "index.json"
    script = (
        "const lunr = require(process.argv[1]); const fs = require('fs');"
        "const index = lunr.Index.load(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));"
        "console.log(JSON.stringify(['riverside', 'ophthalmology', 'title:surgery'].map(q => index.search(q).map(hit => hit.ref))));"
    )
    result = subprocess.run(["node", "-e", script, str(ROOT / "node_modules" / "lunr"), str(site / "search" / "index.json")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    riverside, ophthalmology, surgery = json.loads(result.stdout)
    assert riverside[0] == "partners/riverside/" and set(riverside) == {"partners/riverside/", "projects/needs/", "electives/surgery/"}
    assert ophthalmology == ["about/"] and surgery == ["electives/surgery/"]


def test_drafts_are_neither_indexed_nor_listed(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"electives/secret.md": DRAFT})
    index, documents = load_index(site), load_documents(site)
    assert "electives/secret" not in [doc["ref"] for doc in documents]
    assert len({field_ref.split("/", 1)[1] for field_ref, _ in index["fieldVectors"]}) == len(documents) == 4
    assert postings(index, "ophthalmolog") == {}
    assert load_manifest(site)["documentCount"] == 4


@pytest.mark.parametrize(("term", "field"), [
    ("riversid", "title"),      # stemmed title words
    ("matern", "topics"),       # tags
    ("china", "places"),        # country name
    ("cn", "places"),           # ISO code
    ("saudi", None),            # nothing that is not there
    ("riversid", "partners"),   # host partner name on the elective
])
def test_fields_hold_what_people_search_for(tmp_path: Path, term: str, field: str | None) -> None:
    index = load_index(build_site(tmp_path))
    entry = postings(index, term)
    if field is None:
        assert entry == {}
    else:
        assert entry[field], f"{term!r} not in field {field}: {entry}"


def test_short_fields_keep_the_word_numbers_of_their_terms_for_phrase_search(tmp_path: Path) -> None:
    # Word numbers count stop words ("the"), which are not indexed: "global surgery in the highlands" has
    # "highland" fifth. A body keeps none: its word numbers would more than double what a query downloads.
    site = build_site(tmp_path, {"electives/surgery.md": ELECTIVE.replace("summary: Four weeks of surgery.",
                                                                          "summary: Global surgery in the highlands, global health.")
                                 .replace("Body of the elective.", "Global surgery in the body.")})
    index, manifest, elective = load_index(site), load_manifest(site), number_of(site, "electives/surgery")
    assert manifest["positions"] == list(POSITION_FIELDS) == ["title", "topics", "summary", "places", "partners"]
    assert postings(index, "global")["summary"][elective] == {"index": [0, 5]}
    assert postings(index, "surgeri")["summary"][elective] == {"index": [1]}
    assert postings(index, "highland")["summary"][elective] == {"index": [4]}
    assert postings(index, "surgeri")["title"][elective] == {"index": [0]}
    assert postings(index, "global")["body"][elective] == {}


@pytest.mark.parametrize(("code", "alias"), [("US", "usa"), ("GB", "uk"), ("VN", "nam"), ("TR", "turkey"), ("SA", "ksa")])
def test_a_country_is_found_by_the_other_names_people_type(tmp_path: Path, code: str, alias: str) -> None:
    # "USA" found Saudi Arabia (the typo retry took it for "sa"), "UK" nothing, "Viet Nam" entries with "name".
    site = build_site(tmp_path, {"partners/riverside.md": PARTNER.replace("country: CN", f"country: {code}")})
    assert number_of(site, "partners/riverside") in postings(load_index(site), alias).get("places", {})


@pytest.mark.parametrize(("code", "words"), [
    ("KE", {"eastern", "east", "africa", "sub", "saharan"}),
    ("PE", {"south", "america", "latin"}),
    ("VN", {"south", "eastern", "east", "southeast", "asia"}),
    ("JO", {"western", "west", "asia", "middle", "east"}),
])
def test_a_country_is_found_by_the_areas_it_is_in(tmp_path: Path, code: str, words: set[str]) -> None:
    # "Africa" found only the entries whose text said it, not the electives in Kenya or Ghana.
    site = build_site(tmp_path, {"partners/riverside.md": PARTNER.replace("country: CN", f"country: {code}")})
    index, partner = load_index(site), number_of(site, "partners/riverside")
    assert {word for word in words if partner in postings(index, stem(word)).get("places", {})} == words


def test_an_area_counts_once_however_many_countries_are_in_it() -> None:
    """An entry in three East African countries is no more about Africa than an entry in one."""
    assert area_words(["KE", "UG", "TZ"]) == area_words(["KE"]) == ["eastern", "africa", "east", "sub", "saharan"]
    assert area_words(["KE", "PE"]) == ["eastern", "africa", "east", "sub", "saharan", "south", "america", "latin"]
    assert area_words(["SA", "EG"]) == ["western", "asia", "west", "middle", "east", "northern", "africa", "north"]
    assert area_words(["AQ"]) == []


def test_an_elective_is_found_by_its_languages_and_a_project_by_its_lead(tmp_path: Path) -> None:
    # Both are shown on the entry's page, but "Kiswahili" and "Wanjiru" found nothing.
    site = build_site(tmp_path, {
        "electives/surgery.md": ELECTIVE.replace("deadline:", 'languages: [English, "Kiswahili (helpful)", es]\ndeadline:'),
        "projects/needs.md": PROJECT.replace("tags:", "lead: Dr. Grace Wanjiru, Department of Surgery\ntags:"),
    })
    index = load_index(site)
    assert number_of(site, "electives/surgery") in postings(index, "kiswahili").get("topics", {})
    assert number_of(site, "electives/surgery") in postings(index, "spanish").get("topics", {})  # "es", shown as Spanish
    assert number_of(site, "projects/needs") in postings(index, "wanjiru").get("partners", {})


def test_an_elective_is_found_by_its_direction_and_cost_and_a_project_by_its_funding(tmp_path: Path) -> None:
    # "inbound", "outbound" and the words the site explains them with found nothing, nor who funds a
    # project or what an elective costs, when written as text.
    site = build_site(tmp_path, {
        "electives/surgery.md": ELECTIVE.replace("direction: outbound", "direction: inbound").replace(
            "deadline:", 'cost: "No tuition; a Wellcome bursary covers housing"\ndeadline:'),
        "projects/needs.md": PROJECT.replace("tags:", "funding: Grant from the Gates Foundation\nseeking: [trainees]\ntags:"),
    })
    index, elective, project = load_index(site), number_of(site, "electives/surgery"), number_of(site, "projects/needs")
    for word in ("inbound", "international", "scholars"):  # "Inbound (international scholars)"
        assert elective in postings(index, stem(word)).get("topics", {}), word
    assert elective not in postings(index, "outbound").get("topics", {})
    for word in ("tuition", "wellcome", "bursary"):
        assert elective in postings(index, stem(word)).get("body", {}), word
    for word in ("gates", "foundation"):
        assert project in postings(index, stem(word)).get("partners", {}), word
    assert project in postings(index, stem("trainees")).get("topics", {})  # what it is looking for, as /collaborate/ lists it


def test_a_cost_as_an_amount_is_not_indexed_as_words(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"electives/surgery.md": ELECTIVE.replace("deadline:", "cost: {amount: 1200, currency: USD}\ndeadline:")})
    assert postings(load_index(site), "usd") == {} and postings(load_index(site), "1200") == {}


def test_a_cost_of_nothing_is_indexed_as_no_fee(tmp_path: Path) -> None:
    """An amount of 0, which its page shows as "No fee (0 USD)", was not indexed: "free" and "no fee" missed it."""
    site = build_site(tmp_path, {"electives/surgery.md": ELECTIVE.replace("deadline:", "cost: {amount: 0, currency: USD}\ndeadline:")})
    index, elective = load_index(site), number_of(site, "electives/surgery")
    assert elective in postings(index, "nofee_").get("body", {}) and elective in postings(index, "fee").get("body", {})
    assert postings(index, "usd") == {}


def test_body_is_indexed_as_plain_text(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"pages/about.md": "---\ntitle: About\nsummary: About us.\n---\n" + BODY})
    index, about = load_index(site), number_of(site, "pages/about")
    for term in ("bold", "emphasis", "link", "phrase", "code"):
        assert about in postings(index, term).get("body", {}), term
    for term in ("em", "https", "hidden", "strong"):
        assert about not in postings(index, term).get("body", {}), term


def test_accents_are_folded_so_either_spelling_finds_them(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"partners/riverside.md": ACCENTED_PARTNER})
    terms, partner = dict(load_index(site)["invertedIndex"]), number_of(site, "partners/riverside")
    assert partner in terms["bogota"]["title"]
    assert partner in terms["clinica"]["title"]
    assert not [term for term in terms if not term.isascii()]


@pytest.mark.parametrize(("code", "terms"), [
    ("US", ["usa"]), ("CN", []), ("IN", []), ("AE", ["uae"]),
    ("GB", ["britain", "england", "great", "scotland", "uk", "wale"]),
])
def test_country_terms_are_those_of_its_code_and_other_names_that_its_name_lacks(code: str, terms: list[str]) -> None:
    """Not its code ("cn"), which the search page knows, and "us" is a stop word, searched as "usa"."""
    assert country_terms(code) == terms


def test_initials_in_a_body_are_found_as_the_search_box_reads_them(tmp_path: Path) -> None:
    body = "Two weeks at a clinic in the U.K., then one in the U.S.A.\n"
    site = build_site(tmp_path, {"pages/about.md": "---\ntitle: About\nsummary: About the catalog.\n---\n" + body})
    index, about = load_index(site), number_of(site, "pages/about")
    assert about in postings(index, "uk").get("body", {})
    assert about in postings(index, "usa").get("body", {})


def test_the_word_list_holds_each_indexed_word_as_written_before_stemming(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"partners/riverside.md": ACCENTED_PARTNER})
    manifest = load_manifest(site)
    words = json.loads((site / manifest["words"].removeprefix("/catalog/")).read_text(encoding="utf-8"))["words"]
    terms = {term for term, _ in load_index(site)["invertedIndex"]}
    assert {"clinica", "universitaria", "bogota", "surgery", "weeks"} <= set(words)
    assert not {"of", "the", "and"} & set(words), "stop words are not indexed, so not listed"
    assert words == sorted(set(words), key=js_order)
    named = {entry[0] for entry in manifest["equivalents"]}  # (the terms of equivalents and kinds of entry: no text's words)
    assert {"elective_", "partner_"} <= named
    assert {stem(word) for word in words} == terms - named


@pytest.mark.parametrize(("text", "folded"), [
    ("Bogotá", "bogota"),
    ("Qhapaq Ñan", "qhapaq nan"),
    ("Al-Waha Medical City", "al waha medical city"),
    ("covid-19, 2,600 m", "covid 19 2 600 m"),
    ("(南京滨江医院)", "南京 京滨 滨江 江医 医院"),
    ("서울대학교병원 covid19病房 院", "서울 울대 대학 학교 교병 병원 covid19 病房 院"),
    ("がくせい", "かく くせ せい"),  # (the voicing mark is an accent, dropped like the others)
    ("โรงพยาบาล", "โร รง งพ พย ยา าบ บา าล"),
    ("ﬁnal", "final"),
    ("Children's Hospital", "children hospital"),  # a possessive's "s" is no word of its own
    ("Guatemala’s 1990's O'Brien d'Ivoire", "guatemala 1990 o brien d ivoire"),
    # Initials as one word, as the search box reads them: "U.K." was indexed as "u k", which "UK" did not find.
    ("In the U.K. and U.S.A., e.g. with a Ph.D.", "in the uk and usa eg with a ph d"),
    ("Ü.K. x.U.K 3.5 A.1 u.k.x", "uk xuk 3 5 a 1 ukx"),
])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(("text", "indexed"), [
    ("Paediatric Orthopaedics, Haematology", "pediatric orthopedics hematology"),
    ("Anaemia, ischaemic; immunisation programmes", "anemia ischemic immunization programs"),
    ("Health Centre, Centres de Santé", "health center centers de sante"),
    ("encyclopaedia epicentre centred haemx", "encyclopaedia epicentre centred hemx"),  # only where a rule applies
])
def test_british_spellings_are_indexed_as_american_ones(text: str, indexed: str) -> None:
    """The start of a word, its end, or the whole word; search-folding.js respells queries by the same rules."""
    assert " ".join(map(respell, fold(text).split())) == indexed


def test_the_index_and_its_word_list_hold_american_spellings(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", "Paediatric anaesthesia at the Health Centre.")})
    words = set(json.loads((site / load_manifest(site)["words"].removeprefix("/catalog/")).read_text(encoding="utf-8"))["words"])
    terms = {term for term, _ in load_index(site)["invertedIndex"]}
    assert {"pediatric", "anesthesia", "center"} <= words and {stem("pediatric"), stem("anesthesia"), "center"} <= terms
    assert not {"paediatric", "anaesthesia", "centre", stem("paediatric"), "centr"} & (words | terms)


@pytest.mark.parametrize(("word", "stemmed"), [
    ("surgeries", "surgeri"), ("norway", "norway"), ("days", "day"), ("cry", "cri"), ("why", "whi"), ("pediatrics", "pediatr"),
])
def test_stems_match_lunr_js(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_result_documents_hold_what_results_show(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    partner, project, elective, _ = load_documents(site)
    assert elective == {
        "ref": "electives/surgery", "title": "Surgery Elective", "url": "/catalog/electives/surgery/",
        "summary": "Four weeks of surgery.", "collection": "electives", "countries": ["CN"], "category": "clinical",
        "deadline": "2026-11-30", "facts": ["Elective", "Clinical", "Outbound (our learners abroad)"],
    }
    assert partner["facts"] == ["Hospital", "Nanjing"]
    assert "deadline" not in project


def test_facet_table_holds_every_document_in_order(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    facets = load_manifest(site)["facets"]
    assert facets["countries"] == [["CN", "China"]]
    assert facets["countryTerms"] == {}  # China has no other name (the search page knows its code, "cn")
    # Each document's values are in a file of their own, which the first results do not wait for (docs/search.md).
    assert re.fullmatch(r"/catalog/search/facets\.[0-9a-f]{12}\.json", facets["rows"])
    rows = json.loads((site / facets["rows"].removeprefix("/catalog/")).read_text(encoding="utf-8"))
    # (last, an entry's place in its listing, less the deadline's part: each is the only one of its kind here)
    assert rows == [[1, -1, 0, [0], 0], [0, -1, 0, [0], 0], [2, 0, 20261130, [0], 0], [3, -1, 0, []]]
    assert [facets["collections"][row[0]] for row in rows] == ["partners", "projects", "electives", "pages"]


def test_file_names_carry_a_hash_of_their_bytes(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    paths = [path for path in (site / "search").iterdir() if path.name not in ("index.html", "index.json")]
    assert {path.name.split(".")[0] for path in paths} == {"documents", "facets", "lunr", "manifest", "shard", "terms", "words"}
    for path in paths:
        name_hash = path.name.split(".")[1]
        assert name_hash == hashlib.sha256(path.read_bytes()).hexdigest()[: len(name_hash)]
        assert len(name_hash) >= 8


def test_lunr_js_is_copied_with_a_hashed_name_and_loaded_only_by_the_search_page(tmp_path: Path) -> None:
    site = build_site(tmp_path)
    scripts = sorted((site / "search").glob("lunr.*.min.js"))
    assert len(scripts) == 1 and scripts[0].read_bytes().startswith(b"/**")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        loads_search_data = scripts[0].name in text or "data-manifest=" in text
        assert loads_search_data == (page == site / "search" / "index.html"), page


def test_changed_content_changes_the_manifest_name(tmp_path: Path) -> None:
    first = search_file(build_site(tmp_path / "a"), "data-manifest").name
    second = search_file(build_site(tmp_path / "b", {"pages/about.md": "---\ntitle: About\nsummary: Other words.\n---\nNew.\n"}), "data-manifest").name
    assert first != second


def test_search_files_are_deterministic(tmp_path: Path) -> None:
    first, second = build_site(tmp_path / "a"), build_site(tmp_path / "b")
    files = {name: data for name, data in snapshot(first).items() if name.startswith("search/")}
    assert files and files == {name: data for name, data in snapshot(second).items() if name.startswith("search/")}


def test_missing_lunr_js_stops_the_build_with_a_fix(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    output = tmp_path / "_site"
    with pytest.raises(SearchAssetError, match=r"npm ci"):
        build(BuildOptions(content, output, lunr_js=tmp_path / "node_modules" / "lunr" / "lunr.min.js"))
    assert not output.exists()


def test_whole_index_loads_in_lunr_js_with_terms_past_u_ffff_beside_compatibility_ideographs(tmp_path: Path) -> None:
    """Python orders 𠀀 (U+20000) after 﨎 (U+FA0E), JavaScript before: lunr.js refused lunr.py's order."""
    records = [{REF: "0", **{name: "" for name in FIELD_BOOSTS}, "title": fold("﨎﨏 clinic 𠀀𠀁 \ue000x")},
               {REF: "1", **{name: "" for name in FIELD_BOOSTS}, "title": fold("surgery 𠀂")}]
    pieces: list[bytes] = []
    build_index(records).write_json(pieces.append)
    (tmp_path / "index.json").write_bytes(b"".join(pieces))
    script = (
        "const lunr = require(process.argv[1]); const fs = require('fs');"
        "const index = lunr.Index.load(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));"
        "console.log(JSON.stringify(['clinic', '𠀀𠀁', '﨎﨏'].map(q => index.search(q).map(hit => hit.ref))));"
    )
    result = subprocess.run(["node", "-e", script, str(ROOT / "node_modules" / "lunr"), str(tmp_path / "index.json")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["0"], ["0"], ["0"]]


def test_the_values_of_a_field_are_not_next_to_each_other(tmp_path: Path) -> None:
    """The tags "global health" and "surgery" hold no phrase "health surgery": a word that is not indexed stands between
    values (as Elasticsearch's position_increment_gap), so the page's phrase and words-together checks see them apart."""
    tagged = ELECTIVE.replace("countries: [CN]", "countries: [CN]\ntags: [global health, surgery]")
    site = build_site(tmp_path, {"electives/surgery.md": tagged})
    index, elective = load_index(site), number_of(site, "electives/surgery")
    topics = {term: postings(index, term)["topics"][elective]["index"] for term in ("global", "health", "surgeri")}
    assert topics["health"] == [topics["global"][0] + 1]  # (within a value, next to each other)
    assert topics["surgeri"][0] - topics["health"][0] == 2
    assert "twas" in STOP_WORDS and postings(index, "twa") == postings(index, "twas") == {}


def test_the_word_list_names_the_places_and_abbreviations_the_catalog_lacks_for_the_typo_retry(tmp_path: Path) -> None:
    """"oman" was retried as "Omar", "IMG" as the "im" and "ing" of other entries: a place's name and an abbreviation are
    spelt as meant (site_gen/place_names.py, equivalents.one_word_names)."""
    site = build_site(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", "Rounds with Omar in the ICU.")})
    manifest = load_manifest(site)
    listed = json.loads((site / manifest["words"].removeprefix("/catalog/")).read_text(encoding="utf-8"))
    assert "oman" in listed["places"] and "la paz" in listed["places"] and "china" not in listed["places"]  # (its entry's)
    assert {"img", "pocus", "saigon"} <= set(listed["english"]) and "icu" not in listed["english"]  # (a word of its text)
    assert listed["english"] == sorted(listed["english"]) and listed["places"] == sorted(listed["places"])
