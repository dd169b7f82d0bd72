"""Third round of contributors' everyday mistakes: each gets one line that names the file, the line and the fix.

Merge-conflict markers, a UTF-16 file, front-matter lines written another way, '#' values inside lists,
indented code fences, links to a file on a computer, values pasted with other text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ELECTIVE, PAGE, SITE_YAML, make_catalog, run_cli
from test_validation import E, P, R, check, elective, partner, project

G = "content/pages/about.md"
HASH = "is read as a comment (in YAML, '#' after a space starts one), so"


# --- merge conflicts -------------------------------------------------------------------------

CONFLICT = "— keep the version you want, and delete the other and the lines <<<<<<<, ======= and >>>>>>>"


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"electives/surgery.md": ELECTIVE.replace("deadline: 2026-11-30", "<<<<<<< HEAD\ndeadline: 2026-11-30\n=======\ndeadline: 2027-05-31\n>>>>>>> patch-1")},
                 [f"{E}:10: '<<<<<<< HEAD' starts a merge conflict left in the file (lines 10–14) {CONFLICT}"], id="front-matter"),
    pytest.param({"electives/surgery.md": ELECTIVE.replace("Body of the elective.", "<<<<<<< HEAD\nThe fee is 850.\n=======\nThe fee is 900.\n>>>>>>> patch-1")},
                 [f"{E}:12: '<<<<<<< HEAD' starts a merge conflict left in the file (lines 12–16) {CONFLICT}"], id="body"),
    pytest.param({"electives/surgery.md": ELECTIVE.replace("Body of the elective.", "Text.\n>>>>>>> patch-1")},
                 [f"{E}:13: '>>>>>>> patch-1' is left over from a merge conflict — delete this line"], id="stray-marker"),
    pytest.param({"site.yaml": SITE_YAML.replace("disclaimer:", "<<<<<<< HEAD\nlanguage: en\n=======\nlanguage: fr\n>>>>>>> main\ndisclaimer:")},
                 [f"content/site.yaml:4: '<<<<<<< HEAD' starts a merge conflict left in the file (lines 4–8) {CONFLICT}"], id="site-yaml"),
])
def test_a_merge_conflict_left_in_a_file_is_named_once(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    """In the front matter it was "'<<<<<<< HEAD' is not a 'field: value' line"; in the body it was published as text."""
    assert check(tmp_path, files) == expected


def test_a_body_conflict_does_not_hide_the_front_matters_mistakes(tmp_path: Path) -> None:
    text = elective(countries="GH").replace("Body of the elective.", "<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:8: countries: 'GH' is not a list — write it in brackets: [GH]",
        f"{E}:12: '<<<<<<< HEAD' starts a merge conflict left in the file (lines 12–16) {CONFLICT}"]


def test_a_heading_underlined_with_equals_signs_is_not_a_conflict(tmp_path: Path) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", "Overview\n=======\n\nText.")}) == []


# --- how the file is saved and named ----------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le"])
def test_a_file_saved_as_utf16_is_told_so(tmp_path: Path, codec: str) -> None:
    """With a byte-order mark it said "not valid UTF-8 (byte 0xff)"; without one, "no front matter"."""
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.encode(codec)}) == [
        f"{E}:1: file is saved as UTF-16 — save it again with UTF-8 encoding"]


@pytest.mark.parametrize("name", ["site.yml", "Site.yaml", "site.yaml.txt"])
def test_a_misnamed_site_yaml_is_one_line(tmp_path: Path, name: str) -> None:
    """It was two: "missing site.yaml" and "unexpected file 'site.yml'"."""
    assert check(tmp_path, {"site.yaml": None, name: SITE_YAML}) == [f"content/{name}:1: '{name}' is not read — rename it to site.yaml"]


@pytest.mark.parametrize(("name", "meant"), [
    pytest.param("surgery–elective.md", "surgery-elective", id="long-dash"),
    pytest.param("chirurgie-élective.md", "chirurgie-elective", id="accent"),
])
def test_a_file_name_with_a_long_dash_keeps_its_words_apart(tmp_path: Path, name: str, meant: str) -> None:
    """'surgery–elective.md' was told 'surgeryelective.md'."""
    assert check(tmp_path, {f"pages/{name}": PAGE}) == [
        f"content/pages/{name}:1: file name '{name}' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. '{meant}.md'"]


def test_a_space_typed_after_md_is_told_the_name(tmp_path: Path) -> None:
    assert check(tmp_path, {"pages/about.md": None, "pages/about.md ": PAGE}) == [
        "content/pages/about.md :1: 'about.md ' is not named <slug>.md — rename it to 'about.md'"]


# --- the front-matter lines -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "message"), [
    pytest.param(PAGE.replace("---", "+++"), "'+++' starts front matter in TOML, which is not read here — write --- on this line and on the closing one,"
                 " and each field as 'field: value'", id="toml"),
    pytest.param("---yaml" + PAGE[3:], "the first line must be exactly '---' — delete 'yaml'", id="language"),
    pytest.param("--- # fields" + PAGE[3:], "the first line must be exactly '---' — delete '# fields'", id="comment"),
    pytest.param("--- title: About\n" + PAGE.split("\n", 2)[2], "the first line must be exactly '---' — move 'title: About' to the line below it", id="field"),
    pytest.param(PAGE[4:], "the '---' line that opens the front matter is missing — add a line of three dashes above this one", id="no-opening"),
])
def test_a_first_line_written_another_way_says_what_to_write(tmp_path: Path, text: str, message: str) -> None:
    """Each said "no front matter — the file must start with a '---' line …"."""
    assert check(tmp_path, {"pages/about.md": text}) == [f"{G}:1: {message}"]


def test_a_closing_line_written_with_spaced_dashes_is_named(tmp_path: Path) -> None:
    text = PAGE.replace("summary: About the office.\n---", "summary: About the office.\n- - -")
    assert check(tmp_path, {"pages/about.md": text}) == [f"{G}:4: '- - -' should close the front matter — write exactly three dashes: ---"]


def test_a_second_front_matter_below_the_first_is_refused(tmp_path: Path) -> None:
    """The template pasted into a file that had fields: the second set was published as text."""
    text = PAGE.replace("About us.", "---\ntitle: About the office\nsummary: Who we are.\n---\nAbout us.")
    assert check(tmp_path, {"pages/about.md": text}) == [
        f"{G}:5: a second set of fields between '---' lines starts here, below the front matter, so it would be published as text"
        " — keep one set and delete the other"]


def test_a_rule_and_text_after_the_front_matter_are_fine(tmp_path: Path) -> None:
    assert check(tmp_path, {"pages/about.md": PAGE.replace("About us.", "---\n\nAbout us: who we are.")}) == []


# --- '#' values one level down ----------------------------------------------------------------

@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"projects/needs.md": project(tags="\n  - maternal health\n  - #surgery")},
                 [f"{P}:10: tags[1]: '#surgery' {HASH} tags[1] is empty — write it without '#': - surgery"], id="block-list-item"),
    pytest.param({"projects/needs.md": project(tags="\n  - #surgery #trauma")},
                 [f"{P}:9: tags[0]: '#surgery #trauma' {HASH} tags[0] is empty — write each without '#' on its own line: '- surgery', '- trauma'"],
                 id="two-in-one-item"),
    pytest.param({"projects/needs.md": project(countries="\n  - #CN")},
                 [f"{P}:7: countries[0]: '#CN' {HASH} countries[0] is empty — write it without '#': - CN"], id="code"),
    pytest.param({"electives/surgery.md": elective(cost="\n  amount: #500\n  currency: USD")},
                 [f"{E}:12: cost.amount: '#500' {HASH} cost.amount is empty — write it without '#': amount: 500"], id="inner-field"),
    pytest.param({"projects/needs.md": project(tags="[#surgery, #trauma]")},
                 [f"{P}:8: tags: '#' starts a comment in YAML, so the rest of the line is left out — write it without '#': tags: [surgery, trauma]"],
                 id="flow-list"),
    pytest.param({"electives/surgery.md": elective(cost="{amount: #500, currency: USD}")},
                 [f"{E}:11: cost: '#' starts a comment in YAML, so the rest of the line is left out — write it without '#': cost: {{amount: 500, currency: USD}}"],
                 id="flow-fields"),
])
def test_a_hashtag_inside_a_list_or_a_field_is_told_why_it_is_empty(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    """'- #surgery' said "tags[1]: is empty — give a value, e.g. 'Some text'"; '[#surgery, …]' that its '[' was not closed."""
    assert check(tmp_path, files) == expected


def test_a_comment_line_inside_a_list_is_fine(tmp_path: Path) -> None:
    assert check(tmp_path, {"projects/needs.md": project(tags="\n  # topics\n  - surgery  # the main one")}) == []


# --- code fences the site does not show as a block ---------------------------------------------

INDENTED = ("is indented, so the site runs the code below it together on one line — start it and its closing ``` at the beginning of the line,"
            " outside any list")


@pytest.mark.parametrize(("body", "line", "message"), [
    pytest.param("Run:\n\n  ```\n  make check\n  make build\n  ```", 14, f"'```' {INDENTED}", id="indented-two-spaces"),
    pytest.param("   ```bash\n   make check\n   ```", 12, f"'```bash' {INDENTED}", id="with-a-language"),
    pytest.param("- Step one:\n\n    ```\n    make check\n    make build\n    ```", 14, f"'```' {INDENTED}", id="in-a-list-item"),
    pytest.param(" ```\n never closed", 12, "'```' starts a block of code that is never closed, and is indented — start it at the beginning of the line"
                 " and add a line of just ``` where the code ends, or delete this line if it is not code", id="indented-never-closed"),
])
def test_a_code_fence_the_site_does_not_show_as_a_block_is_named(tmp_path: Path, body: str, line: int, message: str) -> None:
    """GitHub's preview shows each as a block of code; Python-Markdown, which makes the site, does not."""
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", body)}) == [f"{E}:{line}: {message}"]


@pytest.mark.parametrize("body", [
    pytest.param("- Run:\n\n    ```\n    make check\n    ```", id="one-line-in-a-list-reads-as-inline-code"),
    pytest.param("Text.\n\n    ```\n    indented code block", id="indented-code-block"),
    pytest.param("```\n  ```\n  a\n  b\n  ```\n```", id="inside-a-block"),
])
def test_fences_the_site_shows_as_written_are_fine(tmp_path: Path, body: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", body)}) == []


# --- YAML read by accident -------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "line", "message"), [
    pytest.param({"title": "[NEW] Surgery Elective"}, 2,
                 "title: a value that starts with '[' is read as a list or set of fields — put the whole value in double quotes: title: \"[NEW] Surgery Elective\"",
                 id="brackets-first"),
    pytest.param({"title": '"The "Nanjing" Surgery Elective"'}, 2,
                 "title: a quote inside the value ends it early — put the value in single quotes instead: title: 'The \"Nanjing\" Surgery Elective'",
                 id="quotes-in-quotes"),
    pytest.param({"summary": '"Surgery\\Trauma, four weeks"'}, 3,
                 "summary: a '\\' inside double quotes starts a special character — put the value in single quotes instead: summary: 'Surgery\\Trauma, four weeks'",
                 id="backslash"),
    pytest.param({"title": "*New* Surgery Elective"}, 2,
                 "title: a value cannot start with '*' — put the whole value in double quotes: title: \"*New* Surgery Elective\"", id="asterisk"),
    pytest.param({"title": "- Surgery Elective"}, 2,
                 "title: a value cannot start with '-' — put the whole value in double quotes: title: \"- Surgery Elective\"", id="dash"),
    pytest.param({"deadline": "2026-11-30\ncost:\n    amount: 850\n  currency: USD"}, 13,
                 "this line is indented less than 'amount:' above — start 'currency:' under 'amount:'", id="indented-less"),
])
def test_yaml_read_by_accident_is_told_the_line_to_write(tmp_path: Path, fields: dict[str, str], line: int, message: str) -> None:
    """Each said "invalid YAML: …" in YAML's words, or (quotes in quotes) suggested a value with the wrong quotes."""
    assert check(tmp_path, {"electives/surgery.md": elective(**fields)}) == [f"{E}:{line}: {message}"]


# --- fields of another kind of entry ----------------------------------------------------------

def test_an_electives_kind_is_told_category_and_category_is_not_also_missing(tmp_path: Path) -> None:
    text = elective(category="<remove>").replace("format:", "kind: clinical\nformat:")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:4: unknown field 'kind' — an elective's kind is its category: category: clinical, community-health or research"]


def test_a_site_setting_in_an_entry_says_where_it_belongs(tmp_path: Path) -> None:
    assert check(tmp_path, {"pages/about.md": PAGE.replace("summary:", "language: fr\nsummary:")}) == [
        f"{G}:3: unknown field 'language' — 'language' is set once for the whole site, in site.yaml"]



# --- values pasted with other text ------------------------------------------------------------

NOT_EMAIL = "is not a valid email address —"


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"electives/surgery.md": elective(contact="office[at]example.edu")},
                 f"{E}:11: contact: 'office[at]example.edu' {NOT_EMAIL} write the address alone: office@example.edu", id="at-in-brackets"),
    pytest.param({"electives/surgery.md": elective(contact="office@example.edu.")},
                 f"{E}:11: contact: 'office@example.edu.' {NOT_EMAIL} write the address alone: office@example.edu", id="full-stop"),
    pytest.param({"electives/surgery.md": elective(contact="office@example.edu<mailto:office@example.edu>")},
                 f"{E}:11: contact: 'office@example.edu<mailto:office@example.edu>' {NOT_EMAIL} write the address alone: office@example.edu",
                 id="outlook-copy"),
    pytest.param({"electives/surgery.md": elective(contact="Dr. Jane Doe (jane.doe@example.edu)")},
                 f"{E}:11: contact: 'Dr. Jane Doe (jane.doe@example.edu)' {NOT_EMAIL} write the address alone: jane.doe@example.edu", id="name-first"),
    pytest.param({"electives/surgery.md": elective(contact="a@example.edu; b@example.edu")},
                 f"{E}:11: contact: 'a@example.edu; b@example.edu' {NOT_EMAIL} give one address: a@example.edu", id="two"),
    pytest.param({"electives/surgery.md": elective(contact="office @example.edu")},
                 f"{E}:11: contact: 'office @example.edu' {NOT_EMAIL} remove the space: office@example.edu", id="space"),
    pytest.param({"electives/surgery.md": elective(contact="https://example.edu/contact")},
                 f"{E}:11: contact: 'https://example.edu/contact' {NOT_EMAIL} give an email address here, e.g. name@example.edu (a web page is not one)",
                 id="web-page"),
    pytest.param({"electives/surgery.md": elective(cost="{amount: 850, currency: €}")},
                 f"{E}:11: cost.currency: '€' is not an ISO 4217 currency code — write the code: EUR", id="euro-sign"),
    pytest.param({"electives/surgery.md": elective(cost="{amount: 850, currency: US$}")},
                 f"{E}:11: cost.currency: 'US$' is not an ISO 4217 currency code — write the code: USD", id="us-dollar-sign"),
    pytest.param({"electives/surgery.md": elective(deadline="2026–11–30")},
                 f"{E}:10: deadline: '2026–11–30' is not a date — write it as YYYY-MM-DD: 2026-11-30", id="date-long-dashes"),
    pytest.param({"electives/surgery.md": elective(deadline="2026-11-30, 2027-05-31")},
                 f"{E}:10: deadline: '2026-11-30, 2027-05-31' is not a date — write it as YYYY-MM-DD, one date only: 2026-11-30", id="two-dates"),
    pytest.param({"electives/surgery.md": elective(deadline="46356")},
                 f"{E}:10: deadline: '46356' is not a date — write it as YYYY-MM-DD: 2026-11-30 (a spreadsheet's number for that date)", id="spreadsheet-day"),
    pytest.param({"electives/surgery.md": elective(deadline="20261130")},
                 f"{E}:10: deadline: '20261130' is not a date — write it as YYYY-MM-DD: 2026-11-30", id="date-without-hyphens"),
    pytest.param({"electives/surgery.md": elective(apply_url="office@example.edu")},
                 f"{E}:11: apply_url: 'office@example.edu' is not a web address — give a web address here, e.g. https://example.edu/page"
                 " (an email address is not one)", id="url-is-an-email"),
    pytest.param({"electives/surgery.md": elective(apply_url="TBD")},
                 f"{E}:11: apply_url: 'TBD' is not a web address — give a full http(s) URL, e.g. https://example.edu/page, or leave the field out",
                 id="url-to-be-decided"),
    pytest.param({"partners/riverside.md": partner(website="https://example.org, https://example.cn")},
                 f"{R}:7: website: 'https://example.org, https://example.cn' is not a web address — give one address: https://example.org", id="two-urls"),
    pytest.param({"projects/needs.md": project(tags="[surgery: general, trauma]")},
                 f"{P}:8: tags[0]: 'surgery: general' is read as a field because of its ': ' — put it in double quotes: \"surgery: general\"",
                 id="colon-in-a-list-item"),
    pytest.param({"electives/surgery.md": elective(countries="[Africa]")},
                 f"{E}:8: countries[0]: 'Africa' is not an ISO 3166-1 alpha-2 country code — name each country by its own code, e.g. RW", id="continent"),
    pytest.param({"electives/surgery.md": elective(countries="[🇨🇳]")},
                 f"{E}:8: countries[0]: '🇨🇳' is not an ISO 3166-1 alpha-2 country code — write the code of the flag's country: CN", id="flag"),
    pytest.param({"partners/riverside.md": partner(country="Nanjing, China")},
                 f"{R}:5: country: 'Nanjing, China' is not an ISO 3166-1 alpha-2 country code — write the code alone: CN", id="city-and-country"),
    pytest.param({"electives/surgery.md": elective(countries="[China (CN)]")},
                 f"{E}:8: countries[0]: 'China (CN)' is not an ISO 3166-1 alpha-2 country code — write the code alone: CN", id="name-and-code"),
    pytest.param({"projects/needs.md": project(countries="CN\tGH")},
                 f"{P}:6: countries: 'CN\\tGH' is not a list — write it in brackets: [CN, GH]", id="pasted-from-a-spreadsheet"),
    pytest.param({"electives/surgery.md": elective(countries="[CN\u200b]")},
                 f"{E}:8: countries[0]: 'CN\\u200b' holds the invisible character U+200B — delete it: CN", id="zero-width-space"),
    pytest.param({"electives/surgery.md": elective(host="river\u00adside")},
                 f"{E}:9: host: 'river\\xadside' holds the invisible character U+00AD — delete it: riverside", id="soft-hyphen"),
    pytest.param({"electives/surgery.md": elective(host="river\u2011side")},
                 f"{E}:9: host: 'river‑side' is not a valid slug — '‑' is not the '-' key: write 'river-side'", id="non-breaking-hyphen"),
    pytest.param({"electives/surgery.md": elective(host="riverside, lakeside")},
                 f"{E}:9: host: 'riverside, lakeside' is not a valid slug — an elective has one host: write the main one alone, e.g. 'riverside',"
                 " and name the others in the text", id="two-hosts"),
    pytest.param({"projects/needs.md": project(partners="[riverside lakeside]")},
                 f"{P}:7: partners[0]: 'riverside lakeside' is not a valid slug — it names 2 partners: separate them with commas: [riverside, lakeside]",
                 id="partners-without-comma"),
])
def test_a_value_written_with_other_text_is_told_the_value_to_write(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    """Before, these had no fix ("e.g. name@example.edu"), or a wrong one (two hosts joined into one slug, '[RW\\tBI]')."""
    assert check(tmp_path, files) == [expected]


# --- links in the body -------------------------------------------------------------------------

@pytest.mark.parametrize(("link", "message"), [
    pytest.param("file:///C:/Users/jane/brochure.pdf", "link to 'file:///C:/Users/jane/brochure.pdf' is a file on a computer, which the site cannot reach"
                 " — put the file online and link to its full address (https://…)", id="file-url"),
    pytest.param("C:\\Users\\jane\\brochure.pdf", "link to 'C:\\Users\\jane\\brochure.pdf' is a file on a computer, which the site cannot reach"
                 " — put the file online and link to its full address (https://…)", id="windows-path"),
    pytest.param("www.example.edu/global", "link to 'www.example.edu/global' is a web address without its start — add https:// in front:"
                 " 'https://www.example.edu/global'", id="www"),
    pytest.param("example.org/page", "link to 'example.org/page' is a web address without its start — add https:// in front:"
                 " 'https://example.org/page'", id="domain"),
    pytest.param("office@example.edu", "link to 'office@example.edu' is an email address — write 'mailto:office@example.edu'", id="email"),
])
def test_a_link_that_cannot_work_on_the_site_says_what_to_write(tmp_path: Path, link: str, message: str) -> None:
    """A link to a file on a computer was dropped without a word (the text linked nowhere); the others were called "relative"."""
    text = ELECTIVE.replace("Body of the elective.", f"Intro.\n\nSee [the brochure]({link}).")
    assert check(tmp_path, {"electives/surgery.md": text}) == [f"{E}:14: {message}"]


@pytest.mark.parametrize(("written", "link", "line"), [
    pytest.param("[the brochure](ftp://files.example.edu/brochure.pdf).", "ftp://files.example.edu/brochure.pdf", 14, id="ftp"),
    pytest.param("[call us](skype:global.office).", "skype:global.office", 14, id="skype"),
    pytest.param("[the brochure](x-apple-data-detectors:open(1)).", "x-apple-data-detectors:open(1)", 14, id="parentheses"),
    pytest.param('<a href="whatsapp://send?phone=15551234">us</a>.', "whatsapp://send?phone=15551234", 14, id="raw-html"),
    pytest.param("[the brochure][b].\n\n[b]: zoommtg://zoom.us/join", "zoommtg://zoom.us/join", 16, id="reference"),
    pytest.param("<ftp://files.example.edu/brochure.pdf>.", "ftp://files.example.edu/brochure.pdf", 14, id="autolink"),
])
def test_a_link_the_site_does_not_make_names_its_scheme(tmp_path: Path, written: str, link: str, line: int) -> None:
    """The sanitiser drops such an address, so the text linked nowhere without a word to the contributor."""
    text = ELECTIVE.replace("Body of the elective.", f"Intro.\n\nSee {written}")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:{line}: link to '{link}' starts '{link.split(':')[0]}:', which the site does not link to — link to a web address"
        " (https://…), an email address (mailto:…) or a phone number (tel:…)"]


def test_a_relative_link_to_a_file_is_still_called_relative(tmp_path: Path) -> None:
    text = ELECTIVE.replace("Body of the elective.", "See [the brochure](brochure.pdf).")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:12: link to 'brochure.pdf' is relative, so it would break on the site — link to an entry's file ('../partners/x.md'),"
        " to a page from the site's root ('/about/') or to a full address ('https://…')"]


# --- more of the load stage ----------------------------------------------------------------------

def test_a_readme_in_a_collection_folder_is_one_line(tmp_path: Path) -> None:
    """It was two: an invalid slug, and "no front matter"."""
    assert check(tmp_path, {"electives/README.md": "# Electives\n\nOne file per elective.\n"}) == [
        "content/electives/README.md:1: 'README.md' is not an entry — start its name with '_' ('_README.md') so the build skips it"]


def test_fields_written_as_a_list_are_told_to_drop_the_dashes(tmp_path: Path) -> None:
    text = PAGE.replace("title:", "- title:").replace("summary:", "- summary:")
    assert check(tmp_path, {"pages/about.md": text}) == [
        f"{G}:2: front matter must be a set of 'field: value' lines — remove the '- ' in front of each field"]


def test_a_quote_left_open_inside_brackets_is_named_not_the_bracket(tmp_path: Path) -> None:
    """It said "the '[' that starts the value is not closed", which it is."""
    assert check(tmp_path, {"projects/needs.md": project(tags='[surgery, "trauma]')}) == [
        f"{P}:8: tags: a quote \" inside the value is not closed — close it, or delete it"]


def test_an_apostrophe_inside_a_bracketed_word_is_text(tmp_path: Path) -> None:
    assert check(tmp_path, {"projects/needs.md": project(tags="[women's health, surgery]")}) == []
