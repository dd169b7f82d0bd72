"""Every validation rule of the contract: one small catalog per mistake, exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ELECTIVE, PAGE, PARTNER, PROJECT, SITE_YAML, make_catalog, problem_lines, run_cli


def elective(**fields: str) -> str:
    """The minimal elective with some front-matter lines replaced or added (None-valued keys removed)."""
    return _with_fields(ELECTIVE, fields)


def project(**fields: str) -> str:
    return _with_fields(PROJECT, fields)


def partner(**fields: str) -> str:
    return _with_fields(PARTNER, fields)


def _with_fields(text: str, fields: dict[str, str]) -> str:
    head, body = text.split("\n---\n", 1)
    lines = head.split("\n")
    for name, value in fields.items():
        index = next((i for i, line in enumerate(lines) if line.startswith(f"{name}:")), None)
        if value == "<remove>":
            if index is not None:
                del lines[index]
            continue
        line = f"{name}: {value}" if not value.startswith("\n") else f"{name}:{value}"
        if index is None:
            lines.append(line)
        else:
            lines[index] = line
    return "\n".join(lines) + "\n---\n" + body


def check(tmp_path: Path, files: dict[str, str | bytes | None]) -> list[str]:
    content = make_catalog(tmp_path, files)
    result = run_cli("check", "--content", content)
    assert result.code == (1 if problem_lines(result) else 0), result.out + result.err
    return problem_lines(result)


E = "content/electives/surgery.md"
P = "content/projects/needs.md"
R = "content/partners/riverside.md"

CASES = [
    pytest.param({"electives/surgery.md": elective(countries="[CN, XX]")},
                 [f"{E}:8: countries[1]: 'XX' is not an ISO 3166-1 alpha-2 country code"], id="bad-country"),
    pytest.param({"electives/surgery.md": elective(countries="\n  - CN\n  - cn")},
                 [f"{E}:10: countries[1]: 'cn' is not an ISO 3166-1 alpha-2 country code — write it in capitals: 'CN'"], id="lower-case-country-block-list"),
    pytest.param({"electives/surgery.md": elective(countries="GH")},
                 [f"{E}:8: countries: 'GH' is not a list — write it in brackets: [GH]"], id="scalar-not-list"),
    pytest.param({"electives/surgery.md": elective(countries="[]")},
                 [f"{E}:8: countries: is empty — list at least 1, e.g. [RW]"], id="empty-list"),
    pytest.param({"electives/surgery.md": elective(tags="")},
                 [f"{E}:11: tags: is empty — write a list, e.g. [maternal health, surgery], or delete the line"], id="blank-optional-list"),
    pytest.param({"electives/surgery.md": elective(countries="")},
                 [f"{E}:8: countries: is empty — write a list, e.g. [RW]"], id="blank-required-list"),
    pytest.param({"projects/needs.md": project(partners="[kfmc]")},
                 [f"{P}:7: partners[0]: no partner 'kfmc' (content/partners/kfmc.md does not exist)"], id="missing-partner"),
    pytest.param({"electives/surgery.md": elective(host="nowhere")},
                 [f"{E}:9: host: no partner 'nowhere' (content/partners/nowhere.md does not exist)"], id="missing-host"),
    pytest.param({"partners/riverside.md": partner(contry="CN")},
                 [f"{R}:7: unknown field 'contry' (did you mean 'country'?)"], id="unknown-field"),
    pytest.param({"partners/riverside.md": partner(colour="red")},
                 [f"{R}:7: unknown field 'colour'"], id="unknown-field-no-hint"),
    pytest.param({"electives/surgery.md": elective(title="<remove>")},
                 [f"{E}:1: missing required field 'title' — add a line such as 'title: …'"], id="missing-required"),
    pytest.param({"electives/surgery.md": elective(title="Ab")},
                 [f"{E}:2: title: 'Ab' is too short (2 characters; at least 3)"], id="title-too-short"),
    pytest.param({"electives/surgery.md": elective(summary="x" * 301)},
                 [f"{E}:3: summary: is too long (301 characters; at most 300) — shorten it"], id="summary-too-long"),
    pytest.param({"electives/surgery.md": elective(category="clinicl")},
                 [f"{E}:4: category: 'clinicl' is not one of: clinical, community-health, research (did you mean 'clinical'?)"], id="enum-typo"),
    pytest.param({"electives/surgery.md": elective(format="observation")},
                 [f"{E}:5: format: 'observation' is not one of: elective, clerkship, observership, residency-rotation, fellowship"
                  " (did you mean 'observership'?)"], id="enum-word-of-the-same-start"),
    pytest.param({"electives/surgery.md": elective(audience="[student]")},
                 [f"{E}:7: audience[0]: 'student' is not one of: medical-student, resident, fellow, physician, nurse, public-health, other (did you mean 'medical-student'?)"], id="enum-in-list"),
    pytest.param({"electives/surgery.md": elective(deadline="2026-02-30")},
                 [f"{E}:10: deadline: '2026-02-30' is not a real date — check the month and day"], id="impossible-date"),
    pytest.param({"electives/surgery.md": elective(deadline="30/11/2026")},
                 [f"{E}:10: deadline: '30/11/2026' is not a date — write it as YYYY-MM-DD: 2026-11-30"], id="date-format"),
    pytest.param({"electives/surgery.md": elective(apply_url="javascript:alert(1)")},
                 [f"{E}:11: apply_url: 'javascript:alert(1)' is not a web address — give a full http(s) URL, e.g. https://example.edu/page"], id="javascript-url"),
    pytest.param({"electives/surgery.md": elective(apply_url="https://apply.example.edu@evil.example/form")},
                 [f"{E}:11: apply_url: 'https://apply.example.edu@evil.example/form' holds a user name before '@', so the link would lead to"
                  " evil.example — give a full http(s) URL, e.g. https://example.edu/page"], id="user-name-in-url"),
    pytest.param({"electives/surgery.md": elective(apply_url="www.example.org")},
                 [f"{E}:11: apply_url: 'www.example.org' is not a web address — add https:// in front: https://www.example.org"], id="url-without-scheme"),
    pytest.param({"electives/surgery.md": elective(contact="someone@")},
                 [f"{E}:11: contact: 'someone@' is not a valid email address — e.g. name@example.edu"], id="bad-email"),
    pytest.param({"electives/surgery.md": elective(duration_weeks="\n  min: 8\n  max: 4")},
                 [f"{E}:13: duration_weeks.max: min (8) is more than max (4) — swap them"], id="duration-min-above-max"),
    pytest.param({"electives/surgery.md": elective(duration_weeks="four")},
                 [f"{E}:11: duration_weeks: 'four' is not a whole number — write digits only, e.g. 4"], id="duration-not-number"),
    pytest.param({"electives/surgery.md": elective(duration_weeks="\n  min: 4\n  maximum: 8")},
                 [f"{E}:13: duration_weeks: unknown field 'maximum' (did you mean 'max'?)"], id="duration-unknown-key"),
    pytest.param({"electives/surgery.md": elective(cost="\n  amount: 1200\n  currency: usd")},
                 [f"{E}:13: cost.currency: 'usd' is not an ISO 4217 currency code — write it in capitals: 'USD'"], id="currency-lower"),
    pytest.param({"electives/surgery.md": elective(cost="\n  amount: $1,200\n  currency: XYZ")},
                 [f"{E}:12: cost.amount: '$1,200' is not an amount — write the number alone: 1200",
                  f"{E}:13: cost.currency: 'XYZ' is not an ISO 4217 currency code — e.g. USD, EUR, KES"], id="bad-amount-and-currency"),
    pytest.param({"electives/surgery.md": elective(cost="[100, USD]")},
                 [f"{E}:11: cost: an amount and a currency are written as fields, not a list — write: {{amount: 100, currency: USD}}"], id="cost-wrong-shape"),
    pytest.param({"electives/surgery.md": elective(cost="[No tuition, housing extra]")},
                 [f"{E}:11: cost: expected a single value, not a list — write it without brackets: No tuition, housing extra"], id="cost-text-in-brackets"),
    pytest.param({"projects/needs.md": project(start="2026-05-01", end="2025")},
                 [f"{P}:10: end: '2025' is before start '2026-05-01' — the end must not come before the start"], id="end-before-start"),
    pytest.param({"projects/needs.md": project(people_reached="-5")},
                 [f"{P}:9: people_reached: -5 is too small — it must be 0 or more"], id="negative-count"),
    pytest.param({"projects/needs.md": project(people_reached="9" * 5000)},
                 [f"{P}:9: people_reached: '{'9' * 57}...' is too large — it must be 0 to 1000000000"], id="count-with-thousands-of-digits"),
    pytest.param({"electives/surgery.md": elective(cost="{amount: " + "9" * 5000 + ", currency: USD}")},
                 [f"{E}:11: cost.amount: '{'9' * 57}...' is too large — it must be at most 1000000000"], id="amount-with-thousands-of-digits"),
    pytest.param({"projects/needs.md": project(countries=",".join(["CN"] * 3000))},
                 [f"{P}:6: countries: '{'CN,' * 19}...' is not a list — write it in brackets: [CN, CN, CN, CN, CN, …]"], id="long-bare-list"),
    pytest.param({"projects/needs.md": project(seeking="[money]")},
                 [f"{P}:9: seeking[0]: 'money' is not one of: collaborators, funding, faculty, trainees, partners"], id="seeking-enum"),
    pytest.param({"projects/needs.md": project(status="active", kind="research", draft="yes")},
                 [f"{P}:9: draft: 'yes' is not true or false — write true or false"], id="draft-not-bool"),
    pytest.param({"partners/riverside.md": partner(since="19")},
                 [f"{R}:7: since: '19' is not a year — write four digits, e.g. 2019"], id="bad-year"),
    pytest.param({"partners/riverside.md": partner(website="ftp://files.example.org")},
                 [f"{R}:7: website: 'ftp://files.example.org' is not a web address — give a full http(s) URL, e.g. https://example.edu/page"], id="ftp-url"),
    pytest.param({"partners/riverside.md": partner(website="https://exa<b>.org/")},
                 [f"{R}:7: website: 'https://exa<b>.org/' has an invalid host name — give a full http(s) URL, e.g. https://example.edu/page"], id="url-host-markup"),
    pytest.param({"electives/surgery.md": elective(apply_url="https://example.org:99999/apply")},
                 [f"{E}:11: apply_url: 'https://example.org:99999/apply' has an invalid host name or port — give a full http(s) URL, e.g. https://example.edu/page"],
                 id="url-bad-port"),
    pytest.param({"partners/riverside.md": partner(website='"https://[::1"')},
                 [f"{R}:7: website: 'https://[::1' has an invalid host name — give a full http(s) URL, e.g. https://example.edu/page"], id="url-open-bracket"),
    pytest.param({"partners/riverside.md": partner(website="https://hospital..example.org/")},
                 [f"{R}:7: website: 'https://hospital..example.org/' has an invalid host name — give a full http(s) URL, e.g. https://example.edu/page"], id="url-empty-label"),
    pytest.param({"electives/surgery.md": elective(tags="[maternal health, maternal health]")},
                 [f"{E}:11: tags: 'maternal health' is listed twice — keep one"], id="duplicate-tag"),
    pytest.param({"electives/surgery.md": elective(tags="['!!!']")},
                 [f"{E}:11: tags[0]: '!!!' has no letters or digits — a tag names a topic, e.g. 'maternal health'"], id="tag-without-slug"),
    pytest.param({"electives/surgery.md": elective(tags="[" + "日" * 90 + ", " + "é" * 100 + "]")},
                 [f"{E}:11: tags[0]: '{'日' * 57}...' is too long for the address of its topic page (270 bytes in UTF-8; at most 200) — shorten it"],
                 id="tag-too-long-for-a-file-name"),
    pytest.param({"electives/surgery.md": elective(title="")},
                 [f"{E}:2: title: is empty — give a value, e.g. 'Some text'"], id="empty-title"),
    pytest.param({"pages/search.md": "---\ntitle: Search help\nsummary: How to search.\n---\nText.\n"},
                 ["content/pages/search.md:1: page slug 'search' is reserved for the site's own /search/ — rename the file"], id="reserved-page-slug"),
    pytest.param({"site.yaml": SITE_YAML + "titel: x\n"},
                 ["content/site.yaml:5: unknown field 'titel' (did you mean 'title'?)"], id="site-unknown-field"),
    pytest.param({"site.yaml": SITE_YAML.replace("https://example.org/catalog/", "example.org")},
                 ["content/site.yaml:3: base_url: 'example.org' is not a web address — add https:// in front: https://example.org"], id="site-bad-base-url"),
    pytest.param({"site.yaml": SITE_YAML.replace("https://example.org/catalog/", "https://exa<script>alert(1)</script>.org/catalog/")},
                 ["content/site.yaml:3: base_url: 'https://exa<script>alert(1)</script>.org/catalog/' has an invalid host name"
                  " — e.g. https://org.github.io/catalog/"], id="site-base-url-host-markup"),
    pytest.param({"site.yaml": SITE_YAML.replace("catalog/", "catalog/?page=1")},
                 ["content/site.yaml:3: base_url: 'https://example.org/catalog/?page=1' has a '?' or '#' part — give only the address"
                  " the site lives at, e.g. https://org.github.io/catalog/"], id="site-base-url-with-query"),
    pytest.param({"site.yaml": SITE_YAML.replace("https://example.org/catalog/", "https://example.org//")},
                 ["content/site.yaml:3: base_url: 'https://example.org//' has an empty, '.' or '..' part in its path — write each folder once,"
                  " e.g. https://org.github.io/catalog/"], id="site-base-url-empty-folder"),
    pytest.param({"site.yaml": SITE_YAML.replace("catalog/", "catalog/../other/")},
                 ["content/site.yaml:3: base_url: 'https://example.org/catalog/../other/' has an empty, '.' or '..' part in its path — write each folder"
                  " once, e.g. https://org.github.io/catalog/"], id="site-base-url-dot-folder"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://github.com/org/catalog#readme\n"},
                 ["content/site.yaml:5: repository: 'https://github.com/org/catalog#readme' has a '?' or '#' part, which every edit link would carry"
                  " — give the repository's address, e.g. https://github.com/org/catalog"], id="site-repository-with-fragment"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://github.com/\n"},
                 ["content/site.yaml:5: repository: 'https://github.com/' names a site, not a repository"
                  " — give the repository's address, e.g. https://github.com/org/catalog"], id="site-repository-without-path"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://github.com/org/catalog.git\n"},
                 ["content/site.yaml:5: repository: 'https://github.com/org/catalog.git' is the address to clone, not the repository's page"
                  " — write it without '.git', e.g. https://github.com/org/catalog"], id="site-repository-clone-address"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://github.com/org/catalog/tree/main\n"},
                 ["content/site.yaml:5: repository: 'https://github.com/org/catalog/tree/main' is a page inside the repository"
                  " — write the repository's own address: https://github.com/org/catalog"], id="site-repository-branch-page"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://gitlab.com/group/sub/catalog/-/tree/main\n"},
                 ["content/site.yaml:5: repository: 'https://gitlab.com/group/sub/catalog/-/tree/main' is a page inside the repository"
                  " — write the repository's own address: https://gitlab.com/group/sub/catalog"], id="site-repository-gitlab-branch-page"),
    pytest.param({"site.yaml": SITE_YAML + "repository: https://github.com/org\n"},
                 ["content/site.yaml:5: repository: 'https://github.com/org' names an account, not a repository"
                  " — give the repository's address, e.g. https://github.com/org/catalog"], id="site-repository-account"),
    pytest.param({"site.yaml": SITE_YAML + "language: english language\n"},
                 ["content/site.yaml:5: language: 'english language' is not a BCP 47 language tag — e.g. en, fr, pt-BR"], id="site-bad-language"),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_each_mistake_gets_one_clear_line(tmp_path: Path, files: dict[str, str], expected: list[str]) -> None:
    assert check(tmp_path, files) == expected


def test_valid_minimal_catalog_has_no_problems(tmp_path: Path) -> None:
    assert check(tmp_path, {}) == []


YAML_TRAPS = [
    pytest.param("countries: [NO]", id="no-is-norway"),
    pytest.param("countries:\n  - NO\n  - ON", id="block-list-norway-and-unknown"),
]


def test_unquoted_no_is_norway(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"electives/surgery.md": elective(countries="[NO, CN]")})
    result = run_cli("build", "--content", content, "--output", tmp_path / "out")
    assert result.code == 0, result.out
    page = (tmp_path / "out/electives/surgery/index.html").read_text()
    assert "Norway" in page


def test_leading_zero_is_decimal_not_octal(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": project(people_reached="012")})
    result = run_cli("build", "--content", content, "--output", tmp_path / "out")
    assert result.code == 0, result.out
    data = (tmp_path / "out/catalog.json").read_text()
    assert '"people_reached": 12' in data


def test_yes_and_numbers_stay_text_in_text_fields(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"partners/riverside.md": partner(city="Yes", title="2024")})
    result = run_cli("build", "--content", content, "--output", tmp_path / "out")
    assert result.code == 0, result.out
    data = (tmp_path / "out/catalog.json").read_text()
    assert '"city": "Yes"' in data and '"title": "2024"' in data


FILE_CASES = [
    pytest.param({"electives/surgery.md": b"---\ntitle: Caf\xe9\n---\n"},
                 [f"{E}:2: file is not valid UTF-8 (byte 0xe9) — save it with UTF-8 encoding"], id="not-utf8"),
    pytest.param({"electives/surgery.md": ""},
                 [f"{E}:1: file is empty — start it with front matter between two '---' lines"], id="empty-file"),
    pytest.param({"electives/surgery.md": "title: x\n"},
                 [f"{E}:1: no front matter — the file must start with a '---' line, then the fields, then another '---' line"], id="no-front-matter"),
    pytest.param({"electives/surgery.md": "\n" + ELECTIVE},
                 [f"{E}:1: the file must start with '---' on its very first line — remove the empty lines or spaces before it"], id="blank-line-first"),
    pytest.param({"electives/surgery.md": " " + ELECTIVE},
                 [f"{E}:1: the file must start with '---' on its very first line — remove the empty lines or spaces before it"], id="space-first"),
    pytest.param({"electives/surgery.md": "---\ntitle: Surgery\nsummary: x\n"},
                 [f"{E}:3: front matter is not closed — add a '---' line after the last field"], id="unclosed-front-matter"),
    pytest.param({"electives/surgery.md": "---\ntitle: Surgery\nsummary: [unclosed\ncategory: clinical\n---\n"},
                 [f"{E}:3: summary: the '[' that starts the value is not closed — end it with ']' on this line"], id="broken-yaml"),
    pytest.param({"electives/surgery.md": "---\ntitle: Surgery\ncost: {amount: 1200 currency: USD}\n---\n"},
                 [f"{E}:3: invalid YAML: did not find expected ',' or '}}' — check indentation, quotes and colons"], id="broken-yaml-unexplained"),
    pytest.param({"electives/surgery.md": "---\ntitle: Surgery\n title: again\n---\n"},
                 [f"{E}:3: this line starts with a space — start 'title:' at the beginning of the line"], id="bad-indentation"),
    pytest.param({"electives/surgery.md": "---\n- a\n- b\n---\n"},
                 [f"{E}:2: front matter must be a set of 'field: value' lines"], id="front-matter-list"),
    pytest.param({"electives/surgery.md": ELECTIVE.replace("format: elective\n", "format: elective\ntitle: Again\n")},
                 [f"{E}:6: field 'title' is given twice (first on line 2) — keep one"], id="duplicate-field"),
    pytest.param({"electives/surgery.md": ELECTIVE.replace("summary: Four weeks of surgery.", "summary: !!python/object/apply:os.system [echo hi]")},
                 [f"{E}:3: YAML tag '!!python/object/apply:os.system' is not allowed — remove it and write a plain value"], id="python-tag"),
    pytest.param({"electives/Bad_Name.md": ELECTIVE},
                 ["content/electives/Bad_Name.md:1: file name 'Bad_Name.md' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'bad-name.md'"], id="bad-slug"),
    pytest.param({"electives/notes.txt": "hello"},
                 ["content/electives/notes.txt:1: 'notes.txt' is not a Markdown file — entries are named <slug>.md"], id="not-markdown"),
    pytest.param({"elective/x.md": ELECTIVE},
                 ["content/elective:1: unexpected folder 'elective' (did you mean 'electives'?) — content holds site.yaml and the folders partners, projects, electives, pages"], id="misspelt-folder"),
    pytest.param({"site.yaml": None},
                 ["content/site.yaml:1: missing site.yaml — create it with at least title, description and base_url"], id="missing-site-yaml"),
    pytest.param({"site.yaml": "title: [x\n"},
                 ["content/site.yaml:1: title: the '[' that starts the value is not closed — end it with ']' on this line"], id="broken-site-yaml"),
]


@pytest.mark.parametrize(("files", "expected"), FILE_CASES)
def test_unreadable_files_get_one_clear_line(tmp_path: Path, files: dict[str, str | bytes | None], expected: list[str]) -> None:
    assert check(tmp_path, files) == expected


def test_a_file_name_that_is_not_a_slug_does_not_hide_the_files_own_problems(tmp_path: Path) -> None:
    """Every problem in one run: the file's fields are checked too, not only its name."""
    assert check(tmp_path, {"electives/Bad_Name.md": elective(countries="GH")}) == [
        "content/electives/Bad_Name.md:1: file name 'Bad_Name.md' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'bad-name.md'",
        "content/electives/Bad_Name.md:8: countries: 'GH' is not a list — write it in brackets: [GH]",
    ]


def test_every_problem_of_every_file_in_one_run(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "electives/surgery.md": elective(countries="[XX]", category="clinicl"),
        "partners/riverside.md": partner(kind="castle"),
        "projects/needs.md": "",
    })
    assert [line.split(":")[0] + ":" + line.split(":")[1] for line in lines] == [
        f"{E}:4", f"{E}:8", f"{R}:4", f"{P}:1",
    ]


def test_an_end_before_the_start_is_reported_beside_another_fields_mistake(tmp_path: Path) -> None:
    """A rule between fields is checked even when another field is wrong: every problem in one run."""
    assert check(tmp_path, {"projects/needs.md": project(kind="nope", start="2026-05-01", end="2025")}) == [
        f"{P}:4: kind: 'nope' is not one of: education, training, research, consultation, capacity-building, clinical-care",
        f"{P}:10: end: '2025' is before start '2026-05-01' — the end must not come before the start",
    ]


def test_problems_are_counted_and_exit_code_is_one(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"electives/surgery.md": elective(countries="[XX]", category="clinicl")})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert result.lines[-1] == "2 problems found"


def test_drafts_are_validated(tmp_path: Path) -> None:
    lines = check(tmp_path, {"electives/draft-one.md": elective(draft="true", countries="[XX]")})
    assert lines == ["content/electives/draft-one.md:8: countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code"]


def test_ignored_files_are_not_read(tmp_path: Path) -> None:
    assert check(tmp_path, {"electives/_template.md": "not valid", "electives/.notes.md": "x", "_templates/x.md": "y"}) == []


def test_editor_backups_and_auto_saves_are_not_read(tmp_path: Path) -> None:
    """An Emacs user's folder after a save: the backup and the auto-save file are not entries, nor mistakes."""
    assert check(tmp_path, {"electives/surgery.md~": "not valid", "electives/#surgery.md#": "x", "site.yaml~": "y", "electives/surgery.md.swp": "z"}) == []
    assert check(tmp_path, {"electives/surgery.txt": "x"}) == ["content/electives/surgery.txt:1: 'surgery.txt' is not a Markdown file — entries are named <slug>.md"]


def test_a_field_mistake_does_not_hide_missing_partners_in_the_same_file(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "electives/surgery.md": elective(format="nope", host="no-such-host"),
        "projects/needs.md": project(countries="[XX]", partners='[a, "C D"]'),
    })
    assert lines == [
        f"{E}:5: format: 'nope' is not one of: elective, clerkship, observership, residency-rotation, fellowship",
        f"{E}:9: host: no partner 'no-such-host' (content/partners/no-such-host.md does not exist)",
        f"{P}:6: countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code",
        f"{P}:7: partners[0]: no partner 'a' (content/partners/a.md does not exist)",
        f"{P}:7: partners[1]: 'C D' is not a valid slug — name the partner by its file name without '.md', e.g. 'c-d'",
    ]


def test_earlier_mistakes_anywhere_do_not_hide_broken_body_links_or_reserved_slugs(tmp_path: Path) -> None:
    broken_link = PAGE.replace("About us.", "About us.\n\nSee [x](../partners/nope.md).")
    lines = check(tmp_path, {
        "site.yaml": SITE_YAML + "language: english\n",
        "electives/surgery.md": elective(host="nope-host"),
        "electives/by.md": elective(title="Short"[:2]),
        "pages/about.md": broken_link,
    })
    assert [line.split(": ", 1)[0] for line in lines] == [
        "content/electives/by.md:1", "content/electives/by.md:2", f"{E}:9", "content/pages/about.md:7", "content/site.yaml:5",
    ]
    assert "link to '../partners/nope.md' does not match a published entry" in lines[3]
    assert "slug 'by' is reserved" in lines[0]


def test_a_link_to_an_entry_with_problems_of_its_own_is_not_also_reported(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "electives/surgery.md": elective(countries="[XX]"),
        "pages/about.md": PAGE.replace("About us.", "See [surgery](../electives/surgery.md) and [draft](../electives/draft-one.md)."),
        "electives/draft-one.md": elective(draft="true"),
    })
    assert [line.split(": ", 1)[0] for line in lines] == [f"{E}:8", "content/pages/about.md:5"]
    assert "'../electives/draft-one.md' leads to a draft, which is not published — publish it first or leave the link out" in lines[1]


def test_a_published_entry_may_not_point_at_a_draft_partner(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "partners/riverside.md": partner(draft="true"),
        "electives/draft-one.md": elective(draft="true"),  # a draft may: both are published together
    })
    assert lines == [
        f"{E}:9: host: partner 'riverside' is a draft and is not published (content/partners/riverside.md has draft: true)"
        " — publish the partner first, or make this entry a draft too",
        f"{P}:7: partners[0]: partner 'riverside' is a draft and is not published (content/partners/riverside.md has draft: true)"
        " — publish the partner first, or make this entry a draft too",
    ]


@pytest.mark.parametrize("character", ["\x07", "\x00", "\x7f", "\x85", "\u2028", "\u2029"])
def test_a_raw_control_character_or_line_separator_is_named_on_its_line_and_later_lines_stay_right(tmp_path: Path, character: str) -> None:
    lines = check(tmp_path, {"partners/riverside.md": partner(title=f'"River{character}side"', kind="castle")})
    assert lines == [
        f"{R}:2: title: contains the invisible character U+{ord(character):04X} — remove it",
        f"{R}:4: kind: 'castle' is not one of: university, hospital, clinic, ministry, ngo, government, foundation, other",
    ]


@pytest.mark.parametrize("name", ["'\x85  '", "''"])
def test_a_control_character_in_a_blank_field_name_is_named_without_an_empty_label(tmp_path: Path, name: str) -> None:
    """Found by test_properties: the label of a field named ' ' made 'path:3:    : contains …', not a problem line."""
    lines = check(tmp_path, {"projects/needs.md": project(title="Needs Assessment\n" + name + ": \x07")})
    assert f"{P}:3: contains the invisible character U+0007 — remove it" in lines, lines


def test_a_raw_control_character_in_site_yaml_is_named_on_its_line(tmp_path: Path) -> None:
    lines = check(tmp_path, {"site.yaml": SITE_YAML.replace("title: ", "title: Bell\x07 ", 1)})
    assert lines == ["content/site.yaml:1: title: contains the invisible character U+0007 — remove it"]


@pytest.mark.parametrize("title", ["\u200b\u200b\u200b", "\u0301\u0301\u0301", "..."])
def test_a_title_needs_letters_or_digits(tmp_path: Path, title: str) -> None:
    lines = check(tmp_path, {"partners/riverside.md": partner(title=f'"{title}"')})
    assert len(lines) == 1 and lines[0].startswith(f"{R}:2: title: ")
    assert lines[0].endswith("has no letters or digits — write words people can read")


def test_a_summary_needs_letters_or_digits(tmp_path: Path) -> None:
    assert check(tmp_path, {"partners/riverside.md": partner(summary='"—"')}) == [
        f"{R}:3: summary: '—' has no letters or digits — write words people can read"
    ]


def test_a_bidirectional_override_is_refused(tmp_path: Path) -> None:
    assert check(tmp_path, {"partners/riverside.md": partner(title='"Hospital \u202egnp.exe"')}) == [
        f"{R}:2: title: contains the invisible character U+202E — remove it"
    ]


def test_a_broken_link_is_reported_on_the_line_of_the_link_not_of_an_earlier_word(tmp_path: Path) -> None:
    body = "We care about people.\n\nSee [us](about).\n\nAgain: [us](about).\n\nOr <a href=\"about\">us</a>.\n"
    lines = check(tmp_path, {"pages/about.md": PAGE.replace("About us.\n", body)})
    assert [line.split(": ", 1)[0] for line in lines] == ["content/pages/about.md:7", "content/pages/about.md:9", "content/pages/about.md:11"]
    assert all("link to 'about' leaves out the file's '.md' — write 'about.md'" in line for line in lines)


def test_a_misspelt_partner_reference_gets_the_closest_partner_file(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "electives/surgery.md": elective(host="riversde"),
        "projects/needs.md": project(partners="[riverside.md, content/partners/Riverside.md, Riverside, unrelated]"),
    })
    assert lines == [
        f"{E}:9: host: no partner 'riversde' (content/partners/riversde.md does not exist; did you mean 'riverside'?)",
        f"{P}:7: partners[0]: 'riverside.md' is not a valid slug — write the slug alone, without folder, '.md' or capitals: 'riverside'",
        f"{P}:7: partners[1]: 'content/partners/Riverside.md' is not a valid slug — write the slug alone, without folder, '.md' or capitals: 'riverside'",
        f"{P}:7: partners[2]: 'Riverside' is not a valid slug — write the slug alone, without folder, '.md' or capitals: 'riverside'",
        f"{P}:7: partners[3]: no partner 'unrelated' (content/partners/unrelated.md does not exist)",
    ]


EVERYDAY_YAML_MISTAKES = [
    pytest.param("summary: Note: bring scrubs", 3,
                 "summary: the value contains ': ' — put the whole value in double quotes: summary: \"Note: bring scrubs\"", id="colon-in-value"),
    pytest.param("summary: @home students welcome", 3,
                 "summary: a value cannot start with '@' — put the whole value in double quotes: summary: \"@home students welcome\"", id="at-sign"),
    pytest.param('summary: "Four weeks of surgery.', 3,
                 "summary: the quote \" that starts the value is not closed — end the value with \" on this line:"
                 " summary: \"Four weeks of surgery.\"", id="unclosed-quote"),
    pytest.param("countries: [CN", 8, "countries: the '[' that starts the value is not closed — end it with ']' on this line", id="unclosed-bracket"),
    pytest.param("category:clinical", 4, "category: write a space after the colon: 'category: clinical'", id="no-space-after-colon"),
    pytest.param("countries:\n-CN", 9, "write a space after the dash of a list item: '- CN'", id="dash-without-space"),
    pytest.param("cost:\n\tamount: 1200\n\tcurrency: USD", 12, "a tab is used to indent this line — indent with spaces instead", id="tab-indent"),
    pytest.param(" host: riverside  # Slug of the host partner", 9, "this line starts with a space — start 'host:' at the beginning of the line", id="comment-sign-removed-not-its-space"),
]


@pytest.mark.parametrize(("line", "number", "message"), EVERYDAY_YAML_MISTAKES)
def test_everyday_yaml_mistakes_are_named_on_their_own_line(tmp_path: Path, line: str, number: int, message: str) -> None:
    """YAML's own words ("mapping values are not allowed here") and its line (often a later one) are replaced."""
    name = line.split(":")[0].strip()
    lines = ELECTIVE.split("\n")
    index = next((i for i, old in enumerate(lines) if old.startswith(f"{name}:")), len(lines) - 3)
    text = "\n".join(lines[:index] + [line] + lines[index + 1 :] if lines[index].startswith(f"{name}:") else lines[:index] + [line] + lines[index:])
    assert check(tmp_path, {"electives/surgery.md": text}) == [f"{E}:{number}: {message}"]


@pytest.mark.parametrize(("replace", "line", "message"), [
    pytest.param(("summary: Four weeks of surgery.", "summary: Ward #4 rotation for students"), 3,
                 "summary: '#4 rotation for students' is read as a comment and left out of the value"
                 ' — put the whole value in double quotes: summary: "Ward #4 rotation for students"', id="value"),
    pytest.param(("audience: [medical-student]", "audience:\n  - medical-student #2"), 8,
                 "audience[0]: '#2' is read as a comment and left out of the value — put the whole value in double quotes: - \"medical-student #2\"",
                 id="list-item"),
    pytest.param(("summary: Four weeks of surgery.", "summary: &Co Partners ward rotation"), 3,
                 "summary: '&Co' at the start of a value is read as a YAML anchor and left out"
                 ' — put the whole value in double quotes: summary: "&Co Partners ward rotation"', id="anchor"),
    pytest.param(("audience: [medical-student]", "audience:\n  - &ms medical-student"), 8,
                 "audience[0]: '&ms' at the start of a value is read as a YAML anchor and left out"
                 ' — put the whole value in double quotes: - "&ms medical-student"', id="anchor-in-a-list-item"),
    pytest.param(("summary: Four weeks of surgery.", "summary: !Important: four weeks of surgery"), 3,
                 "summary: '!Important:' at the start of a value is read as a YAML tag"
                 ' — put the whole value in double quotes: summary: "!Important: four weeks of surgery"', id="tag"),
    pytest.param(("summary: Four weeks of surgery.", "summary: ! Four weeks of surgery."), 3,
                 "summary: '!' at the start of a value is read as a YAML tag"
                 ' — put the whole value in double quotes: summary: "! Four weeks of surgery."', id="bare-tag"),
    pytest.param(("audience: [medical-student]", "audience:\n  - !medical-student"), 8,
                 "audience[0]: '!medical-student' at the start of a value is read as a YAML tag"
                 ' — put the whole value in double quotes: - "!medical-student"', id="tag-in-a-list-item"),
])
def test_a_value_cut_short_by_yaml_syntax_is_named(tmp_path: Path, replace: tuple[str, str], line: int, message: str) -> None:
    """YAML reads ' #4' as the start of a comment, '&Co' as an anchor, '!x' as a tag: text would be lost without a word."""
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(*replace)}) == [f"{E}:{line}: {message}"]


def test_an_anchor_that_is_used_is_valid_yaml(tmp_path: Path) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("countries: [CN]", "countries:\n  - &home CN\ntags: [*home]")}) == []


def test_an_anchor_on_a_field_name_names_that_text_as_yaml_does(tmp_path: Path) -> None:
    """'&t tags: …' anchors the word "tags" itself: '*t' repeats it (it was "unknown alias '*t'", which is untrue)."""
    text = ELECTIVE.replace("countries: [CN]", "countries: [CN]\n&t tags: [*t, surgery]")
    assert check(tmp_path, {"electives/surgery.md": text}) == []
    assert check(tmp_path, {"electives/surgery.md": text.replace("&t tags: [*t, surgery]", "tags: [*t, surgery]")}) == [f"{E}:9: unknown alias '*t'"]


def test_a_yaml_merge_key_is_one_line_that_says_it_is_not_read(tmp_path: Path) -> None:
    """YAML 1.2 has no merge keys: '<<: *fee' was "unknown field '<<'" and a "missing required field" line for each field it held."""
    text = ELECTIVE.replace("countries: [CN]", "countries: [CN]\ncost:\n  <<: {amount: 500, currency: USD}")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:10: cost: unknown field '<<' — '<<' (a YAML merge key) is not read here: write the fields themselves"]


def test_hash_and_ampersand_inside_a_block_or_continued_value_are_text(tmp_path: Path) -> None:
    """Lines of a 'summary: |' block or of a plain value's next lines are text: '- &Co' or '- Ward #4' there loses nothing."""
    block = "summary: |\n  Our partners:\n  - &Co (Kigali)\n  - Ward #4 rotation"
    continued = "summary: Four weeks of surgery\n  - &D research #2 included"
    for summary in (block, continued, block.replace("|", ">")):
        assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("summary: Four weeks of surgery.", summary)}) == [], summary


def test_comments_written_like_the_templates_are_fine(tmp_path: Path) -> None:
    text = ELECTIVE.replace("summary: Four weeks of surgery.", "summary: Four weeks of surgery.  # One or two plain sentences")
    assert check(tmp_path, {"electives/surgery.md": text.replace("host: riverside", 'host: riverside # the host\n# website: "x #1"')}) == []


def test_a_valid_block_of_text_above_a_mistake_is_not_blamed_for_it(tmp_path: Path) -> None:
    """``summary: >`` starts a block of text on the lines below (valid YAML): the mistake is further down."""
    text = ELECTIVE.replace("summary: Four weeks of surgery.", "summary: >\n  Four weeks\n  of surgery.").replace(
        "host: riverside", 'host: "riverside')
    problems = check(tmp_path, {"electives/surgery.md": text})
    assert len(problems) == 1 and problems[0].startswith(f"{E}:11: host: the quote"), problems


@pytest.mark.parametrize(("closing", "number", "message"), [
    pytest.param("--", 11, "'--' should close the front matter — write exactly three dashes: ---", id="two-dashes"),
    pytest.param("", 12, "'## Overview' looks like the start of the text: the front matter above it is not closed — add a '---' line before it", id="missing"),
])
def test_a_mistyped_or_missing_closing_line_is_named_even_when_the_body_has_a_rule(tmp_path: Path, closing: str, number: int, message: str) -> None:
    text = ELECTIVE.replace("deadline: 2026-11-30\n---\n", f"deadline: 2026-11-30\n{closing}\n## Overview\n\nText.\n\n---\n\nMore text.\n")
    assert check(tmp_path, {"electives/surgery.md": text}) == [f"{E}:{number}: {message}"]


def test_links_from_the_sites_root_must_name_a_page_that_exists(tmp_path: Path) -> None:
    """An entry, topic, country, filter or free page linked as /partners/x/ is checked like an entry's file; other paths are not."""
    body = "\n\n".join([
        "Good: [a](/partners/riverside/) [b](/topics/maternal-health) [c](/countries/cn/) [d](/search/?q=x) [e](/feed.xml)",
        "[f](/electives/by/country/cn/) [g](/static/style.css) [h](/electives/) [i](/about/#team)",
        "Bad: [j](/partners/riversde/)",
        "[k](/countries/ke/)",
        "[l](/topics/surgery/)",
        "[m](/contact/)",
        "[n](/content/partners/riverside.md)",
        "[o](/electives/by/category/clinicl/) [p](/electives/by/country/ke/)",
    ])
    lines = check(tmp_path, {
        "electives/surgery.md": ELECTIVE.replace("Body of the elective.", body),
        "pages/about.md": PAGE,
    })
    assert lines == [
        f"{E}:16: link to '/partners/riversde/' does not match a page of the site — check the address (did you mean '/partners/riverside/'?)",
        f"{E}:18: link to '/countries/ke/' does not match a page of the site — only countries with published entries have a page",
        f"{E}:20: link to '/topics/surgery/' does not match a page of the site — check the address",
        f"{E}:22: link to '/contact/' does not match a page of the site — check the address",
        f"{E}:24: link to '/content/partners/riverside.md' names a file of the content folder, not a page — link to the entry's"
        " file from this one ('../partners/x.md') or to its page ('/partners/x/')",
        f"{E}:26: link to '/electives/by/category/clinicl/' does not match a filter page of the site — a filter page exists"
        " for each value that published electives have (did you mean '/electives/by/category/clinical/'?)",
        f"{E}:26: link to '/electives/by/country/ke/' does not match a filter page of the site — a filter page exists"
        " for each value that published electives have",
    ]


@pytest.mark.parametrize(("link", "first"), [
    ("/electives/by/page/2/", "/electives/"),
    ("/topics/maternal-health/page/3/", "/topics/maternal-health/"),
    ("/countries/cn/page/2", "/countries/cn/"),
    ("/electives/by/country/cn/page/2/", "/electives/by/country/cn/"),
    ("/collaborate/page/2/", "/collaborate/"),
    ("/topics/by/page/2/", "/topics/by/"),  # a topic named "By": not a listing's pages
])
def test_a_link_to_a_later_page_of_a_long_list_is_refused_with_its_first_page(tmp_path: Path, link: str, first: str) -> None:
    """Which entries page 2 shows changes as the catalog grows: the link is told to name the first page."""
    lines = check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", f"See [more]({link}).")})
    number = link.rstrip("/").rsplit("/", 1)[1]
    assert lines == [f"{E}:12: link to '{link}' names page {number} of a long list, which shows other entries as the catalog grows"
                     f" — link to its first page ('{first}') instead"]


@pytest.mark.parametrize(("fields", "line", "message"), [
    pytest.param({"duration_weeks": "4-8"}, 11, "duration_weeks: '4-8' is not a whole number — write a range as {min: 4, max: 8}", id="range"),
    pytest.param({"duration_weeks": "4 weeks"}, 11, "duration_weeks: '4 weeks' is not a whole number — write the number alone: 4", id="unit"),
    pytest.param({"countries": "China, kenya"}, 8, "countries: 'China, kenya' is not a list — write it in brackets: [CN, KE]", id="country-names"),
    pytest.param({"cost": "{amount: 1,200, currency: USD}"}, 11,
                 "cost: unknown field '200' — inside { } a comma separates fields: write the number without its comma, e.g. 1200", id="comma-in-braces"),
])
def test_common_value_mistakes_are_told_the_value_to_write(tmp_path: Path, fields: dict[str, str], line: int, message: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": elective(**fields)}) == [f"{E}:{line}: {message}"]


def test_a_field_given_twice_does_not_hide_the_files_other_problems(tmp_path: Path) -> None:
    text = ELECTIVE.replace("category: clinical", "category: clinical\ntitle: Again\ncategory: clincal").replace("countries: [CN]", "countries: [XX]")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:5: field 'title' is given twice (first on line 2) — keep one",
        f"{E}:6: field 'category' is given twice (first on line 4) — keep one",
        f"{E}:10: countries[0]: 'XX' is not an ISO 3166-1 alpha-2 country code",
    ]


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"projects/needs.md": PROJECT.replace("partners: [riverside]", "host: riverside")},
                 f"{P}:7: unknown field 'host' — a project names its partners in partners: [slug, …]", id="host-on-project"),
    pytest.param({"projects/needs.md": PROJECT.replace("tags: [maternal health]", "tags: [maternal health]\ndeadline: 2026-11-30")},
                 f"{P}:9: unknown field 'deadline' — 'deadline' is a field of electives, not of projects", id="deadline-on-project"),
])
def test_a_field_of_another_kind_of_entry_says_so(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    assert expected in check(tmp_path, files)


def test_a_link_to_a_draft_says_it_is_a_draft(tmp_path: Path) -> None:
    lines = check(tmp_path, {
        "pages/about.md": PAGE.replace("About us.", "See [draft](../electives/draft-one.md)."),
        "electives/draft-one.md": elective(draft="true"),
    })
    assert lines == ["content/pages/about.md:5: link to '../electives/draft-one.md' leads to a draft, which is not published"
                     " — publish it first or leave the link out"]


@pytest.mark.parametrize("link", ["/electives/draft-one/", "/help/"])
def test_a_link_from_the_root_to_a_draft_says_it_is_a_draft(tmp_path: Path, link: str) -> None:
    """It said "does not match a page of the site — check the address", as for a typo."""
    lines = check(tmp_path, {
        "pages/about.md": PAGE.replace("About us.", f"See [draft]({link})."),
        "pages/help.md": PAGE.replace("title: About", "title: Help\ndraft: true"),
        "electives/draft-one.md": elective(draft="true"),
    })
    assert lines == [f"content/pages/about.md:5: link to '{link}' leads to a draft, which is not published"
                     " — publish it first or leave the link out"]


def test_an_entry_saved_in_another_kinds_folder_is_told_where_it_belongs(tmp_path: Path) -> None:
    lines = check(tmp_path, {"electives/riverside-copy.md": PARTNER.replace("Riverside Hospital", "Riverside Copy")})
    assert lines == ["content/electives/riverside-copy.md:1: its fields are those of partners, not electives — move it to content/partners/"]


def test_a_reference_to_a_partner_saved_in_another_folder_names_that_file(tmp_path: Path) -> None:
    """The one line in the misplaced file says where it belongs; the entries naming it say which file they mean."""
    lines = check(tmp_path, {
        "electives/hillside.md": PARTNER.replace("Riverside Hospital", "Hillside Hospital"),
        "projects/needs.md": PROJECT.replace("partners: [riverside]", "partners: [riverside, hillside]"),
    })
    assert lines == [
        "content/electives/hillside.md:1: its fields are those of partners, not electives — move it to content/partners/",
        "content/projects/needs.md:7: partners[1]: no partner 'hillside' (content/partners/hillside.md does not exist;"
        " the file of that name is content/electives/hillside.md, not in partners/)",
    ]


def test_an_entry_of_another_kind_with_the_partners_name_is_not_called_a_misplaced_partner(tmp_path: Path) -> None:
    """A valid elective named like the missing partner is an elective: moving it to partners/ would not help."""
    lines = check(tmp_path, {"projects/needs.md": PROJECT.replace("partners: [riverside]", "partners: [riverside, surgery]"),
                             "electives/surgery.md": ELECTIVE})
    assert lines == ["content/projects/needs.md:7: partners[1]: no partner 'surgery' (content/partners/surgery.md does not exist)"]


def test_a_link_to_a_filter_page_written_escaped_is_checked_like_any_other(tmp_path: Path) -> None:
    """No body writes '/by/' as such: the filter pages are known all the same."""
    body = 'See [q](/electives/%62y/country/cn/) and <a href="/electives&#47;by&#47;direction/outbound/">r</a>.'
    assert check(tmp_path, {"pages/about.md": PAGE.replace("About us.", body), "electives/surgery.md": ELECTIVE}) == []


# Mistakes of contributors who edit one file in GitHub's web editor, often pasting from a word
# processor: each is one line on the line of the mistake, naming what to type instead.

@pytest.mark.parametrize(("replace", "expected"), [
    pytest.param(("title: Surgery Elective", "Title: Surgery Elective"), f"{E}:2: unknown field 'Title' (did you mean 'title'?)", id="capitalised"),
    pytest.param(("countries: [CN]", "country: [CN]"), f"{E}:8: unknown field 'country' (did you mean 'countries'?)", id="singular"),
    pytest.param(("countries: [CN]", "contry: [CN]"), f"{E}:8: unknown field 'contry' (did you mean 'countries'?)", id="misspelt-singular"),
    pytest.param(("format: elective", "format\u00a0: elective"),
                 f"{E}:5: unknown field 'format\u00a0' — it holds the invisible character U+00A0 (did you mean 'format'?)", id="non-breaking-space"),
])
def test_a_misspelt_required_field_is_not_also_called_missing(tmp_path: Path, replace: tuple[str, str], expected: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(*replace)}) == [expected]


@pytest.mark.parametrize(("replace", "line"), [
    pytest.param(("format: elective", "format:\u00a0elective"), 5, id="after-the-colon"),
    pytest.param(("countries: [CN]", "countries:\n\u00a0\u00a0- CN"), 9, id="indentation"),
])
def test_a_non_breaking_space_where_yaml_needs_a_space_is_named_on_its_line(tmp_path: Path, replace: tuple[str, str], line: int) -> None:
    """YAML said "could not find expected ':'" on the next line."""
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(*replace)}) == [
        f"{E}:{line}: a non-breaking space (U+00A0, pasted from a word processor or web page) stands where YAML needs an ordinary space"
        " — delete it and type a space"]


def test_a_non_breaking_space_inside_a_value_is_text(tmp_path: Path) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Four weeks", "Four\u00a0weeks").replace("[CN]", "[CN,\u00a0KE]")}) == []


@pytest.mark.parametrize(("replace", "expected"), [
    pytest.param(("title: Surgery Elective", "title: “Surgery: Nanjing”"),
                 f"{E}:2: title: the value starts with the curly quote “, which YAML does not read as a quote"
                 ' — write straight double quotes: title: "Surgery: Nanjing"', id="value-with-colon"),
    pytest.param(("countries: [CN]", "countries: [“CN”]"),
                 f"{E}:8: countries[0]: '“CN”' is in curly quotes, which YAML reads as part of the value — remove them: CN", id="code"),
    pytest.param(("deadline: 2026-11-30", "deadline: ‘2026-11-30’"),
                 f"{E}:10: deadline: '‘2026-11-30’' is in curly quotes, which YAML reads as part of the value — remove them: 2026-11-30", id="date"),
])
def test_curly_quotes_from_a_word_processor_are_named(tmp_path: Path, replace: tuple[str, str], expected: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(*replace)}) == [expected]


def test_curly_quotes_in_text_are_text(tmp_path: Path) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("summary: Four weeks of surgery.", "summary: “Four weeks” of surgery")}) == []


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("surgery.MD", "'surgery.MD' is not named <slug>.md — rename it to 'surgery.md'", id="capital-extension"),
    pytest.param("surgery.markdown", "'surgery.markdown' is not named <slug>.md — rename it to 'surgery.md'", id="markdown"),
    pytest.param("surgery.md.txt", "'surgery.md.txt' is not named <slug>.md — rename it to 'surgery.md'", id="added-txt"),
    pytest.param("surgery.md.md", "file name 'surgery.md.md' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'surgery.md'",
                 id="md-twice"),
])
def test_a_markdown_file_with_the_wrong_ending_is_told_its_name(tmp_path: Path, name: str, expected: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": None, f"electives/{name}": ELECTIVE}) == [f"content/electives/{name}:1: {expected}"]


def test_entries_naming_a_partner_whose_file_name_has_capitals_are_not_also_wrong(tmp_path: Path) -> None:
    """Only the file is to be renamed: the entries' 'riverside' is what it will be called (they were told "did you mean 'Riverside'?")."""
    assert check(tmp_path, {"partners/riverside.md": None, "partners/Riverside.md": PARTNER}) == [
        "content/partners/Riverside.md:1: file name 'Riverside.md' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. 'riverside.md'"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(ELECTIVE.replace("---\n", "***\n", 2), f"{E}:1: '***' should open the front matter — write exactly three dashes: ---", id="asterisks"),
    pytest.param("—-" + ELECTIVE[3:], f"{E}:1: '—-' should open the front matter — write exactly three dashes: --- (the '—' is a long dash, not the '-' key)",
                 id="long-dash-opening"),
    pytest.param(ELECTIVE.replace("\n---\n", "\n–––\n"),
                 f"{E}:11: '–––' should close the front matter — write exactly three dashes: --- (the '–' is a long dash, not the '-' key)", id="long-dash-closing"),
    pytest.param(ELECTIVE.replace("\n---\n", "\n\n"), f"{E}:10: front matter is not closed — add a '---' line after the last field", id="no-closing-line"),
    pytest.param("Four weeks in Nanjing.\n\n" + ELECTIVE,
                 f"{E}:1: the front matter starts on line 3, not on line 1 — move the text above it to below its closing '---'", id="text-above"),
])
def test_front_matter_lines_written_wrong_are_named_on_their_line(tmp_path: Path, text: str, expected: str) -> None:
    """All were "no front matter" or "not closed" on line 1, which a contributor looking at a '—-' or '***' line cannot act on."""
    assert check(tmp_path, {"electives/surgery.md": text}) == [expected]


@pytest.mark.parametrize(("summary", "line", "after"), [
    pytest.param("summary: Four weeks of surgery\nIn a teaching hospital.", 4, "", id="next-line"),
    pytest.param("summary: Four weeks of surgery.\n\nIn a teaching hospital.", 5, "; if it starts the text, add a '---' line before it", id="after-an-empty-line"),
])
def test_a_summary_pasted_with_its_line_breaks_is_told_to_indent(tmp_path: Path, summary: str, line: int, after: str) -> None:
    """YAML said "could not find expected ':'" on the line after."""
    text = ELECTIVE.replace("summary: Four weeks of surgery.", summary)
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:{line}: 'In a teaching hospital.' is not a 'field: value' line — if it continues summary above, indent it with two spaces{after}"]


def test_site_yaml_written_between_dashes_like_an_entry_is_told_to_drop_them(tmp_path: Path) -> None:
    """It was "site.yaml must be a set of 'field: value' lines", which it was."""
    assert check(tmp_path, {"site.yaml": "---\n" + SITE_YAML + "---\n"}) == [
        "content/site.yaml:6: this '---' line starts a second set of fields — remove it: the file holds one set of 'field: value' lines"]


@pytest.mark.parametrize(("fields", "line", "message"), [
    pytest.param({"countries": "[UK]"}, 8, "countries[0]: 'UK' is not an ISO 3166-1 alpha-2 country code — use the code 'GB' for UK", id="uk"),
    pytest.param({"countries": "[GBR]"}, 8, "countries[0]: 'GBR' is not an ISO 3166-1 alpha-2 country code — use the two-letter code 'GB'", id="three-letters"),
    pytest.param({"countries": "[Ivory Coast]"}, 8, "countries[0]: 'Ivory Coast' is not an ISO 3166-1 alpha-2 country code — use the code 'CI' for Ivory Coast",
                 id="common-english-name"),
    pytest.param({"countries": "[RW BI]"}, 8, "countries[0]: 'RW BI' is not an ISO 3166-1 alpha-2 country code — separate the codes with commas: [RW, BI]",
                 id="no-comma"),
    pytest.param({"countries": "UK; Kenya"}, 8, "countries: 'UK; Kenya' is not a list — write it in brackets: [GB, KE]", id="semicolons"),
    pytest.param({"countries": "\n  • RW\n  • BI"}, 8, "countries: '• RW • BI' is not a list — write it in brackets: [RW, BI]", id="bullets"),
    pytest.param({"deadline": "March 1, 2026"}, 10, "deadline: 'March 1, 2026' is not a date — write it as YYYY-MM-DD: 2026-03-01", id="month-name"),
    pytest.param({"deadline": "30th Nov 2026"}, 10, "deadline: '30th Nov 2026' is not a date — write it as YYYY-MM-DD: 2026-11-30", id="day-first"),
    pytest.param({"deadline": "2026/3/1"}, 10, "deadline: '2026/3/1' is not a date — write it as YYYY-MM-DD: 2026-03-01", id="slashes"),
    pytest.param({"deadline": "01-03-2026"}, 10, "deadline: '01-03-2026' is not a date — write it as YYYY-MM-DD: 2026-03-01 or 2026-01-03, whichever you mean",
                 id="day-or-month-first"),
    pytest.param({"deadline": "2026-11-30 17:00"}, 10, "deadline: '2026-11-30 17:00' is not a date — write it as YYYY-MM-DD, the date alone: 2026-11-30",
                 id="with-a-time"),
    pytest.param({"deadline": "rolling"}, 10, "deadline: 'rolling' is not a date — write it as YYYY-MM-DD, e.g. 2026-03-01, or leave the field out", id="no-date"),
    pytest.param({"deadline": "May 2026"}, 10, "deadline: 'May 2026' is not a date — write it as YYYY-MM-DD, with the day: 2026-05-DD, e.g. 2026-05-31"
                 " for the end of the month", id="month-without-day"),
    pytest.param({"deadline": "2027-02"}, 10, "deadline: '2027-02' is not a date — write it as YYYY-MM-DD, with the day: 2027-02-DD, e.g. 2027-02-28"
                 " for the end of the month", id="year-and-month"),
    pytest.param({"deadline": "12/2026"}, 10, "deadline: '12/2026' is not a date — write it as YYYY-MM-DD, with the day: 2026-12-DD, e.g. 2026-12-31"
                 " for the end of the month", id="month-and-year-numbers"),
    pytest.param({"deadline": "Spring 2026"}, 10, "deadline: 'Spring 2026' is not a date — write it as YYYY-MM-DD, e.g. 2026-03-01", id="season"),
    pytest.param({"deadline": "31/02/2026"}, 10, "deadline: '31/02/2026' is not a date — write it as YYYY-MM-DD, e.g. 2026-03-01", id="impossible-other-way"),
    pytest.param({"contact": "mailto:office@example.edu"}, 11, "contact: 'mailto:office@example.edu' is not a valid email address"
                 " — write the address alone: office@example.edu", id="mailto"),
    pytest.param({"contact": "Electives Office <office@example.edu>"}, 11, "contact: 'Electives Office <office@example.edu>' is not a valid email address"
                 " — write the address alone: office@example.edu", id="name-and-address"),
    pytest.param({"host": "Riverside Hospital"}, 9, "host: 'Riverside Hospital' is not a valid slug — name the partner by its file name without '.md',"
                 " e.g. 'riverside-hospital'", id="host-by-name"),
    pytest.param({"host": "/partners/riverside/"}, 9, "host: '/partners/riverside/' is not a valid slug — write the slug alone, without folder, '.md'"
                 " or capitals: 'riverside'", id="host-by-address"),
])
def test_values_written_as_people_write_them_are_told_the_value_to_write(tmp_path: Path, fields: dict[str, str], line: int, message: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": elective(**fields)}) == [f"{E}:{line}: {message}"]


@pytest.mark.parametrize(("fields", "line", "message"), [
    pytest.param({"people_reached": "1,200"}, 9, "people_reached: '1,200' is not a whole number — write the digits alone: 1200", id="thousands"),
    pytest.param({"people_reached": "~500"}, 9, "people_reached: '~500' is not a whole number — write the number alone: 500", id="about"),
    pytest.param({"people_reached": "236 physicians"}, 9, "people_reached: '236 physicians' is not a whole number — write the number alone: 236", id="words"),
    pytest.param({"start": "Fall 2024"}, 9, "start: 'Fall 2024' is not a date or a year — write the year alone: 2024, or a date as YYYY-MM-DD", id="season"),
    pytest.param({"start": "2021-01"}, 9, "start: '2021-01' is not a date or a year — write the year alone: 2021, or a date as YYYY-MM-DD", id="month"),
    pytest.param({"start": "Sept 1st, 2024"}, 9, "start: 'Sept 1st, 2024' is not a date — write it as YYYY-MM-DD: 2024-09-01", id="date-in-words"),
    pytest.param({"end": "present"}, 9, "end: 'present' is not a date or a year — write a date as YYYY-MM-DD or a year, e.g. 2024, or leave the field out",
                 id="ongoing"),
])
def test_project_values_written_as_people_write_them_are_told_the_value_to_write(tmp_path: Path, fields: dict[str, str], line: int, message: str) -> None:
    assert check(tmp_path, {"projects/needs.md": project(**fields)}) == [f"{P}:{line}: {message}"]


@pytest.mark.parametrize(("since", "message"), [
    pytest.param("2019-2020", "since: '2019-2020' is not a year — write the year alone: 2019", id="years"),
    pytest.param("2014-03-01", "since: '2014-03-01' is not a year — write the year alone: 2014", id="date"),
])
def test_a_partnership_year_written_as_a_period_is_told_the_year(tmp_path: Path, since: str, message: str) -> None:
    assert check(tmp_path, {"partners/riverside.md": partner(since=since)}) == [f"{R}:7: {message}"]


@pytest.mark.parametrize(("language", "message"), [
    pytest.param("English", "language: 'English' is not a BCP 47 language tag — write the code for English: en", id="name"),
    pytest.param("pt_BR", "language: 'pt_BR' is not a BCP 47 language tag — write it with a hyphen: pt-BR", id="locale"),
])
def test_a_site_language_written_as_a_name_or_locale_is_told_its_tag(tmp_path: Path, language: str, message: str) -> None:
    assert check(tmp_path, {"site.yaml": SITE_YAML + f"language: {language}\n"}) == [f"content/site.yaml:5: {message}"]


@pytest.mark.parametrize(("link", "message"), [
    pytest.param("../partners/riverside", "link to '../partners/riverside' leaves out the file's '.md' — write '../partners/riverside.md'", id="without-md"),
    pytest.param("riverside.md", "link to 'riverside.md' does not match a published entry — check the file name (did you mean '../partners/riverside.md'?)",
                 id="without-folder"),
    pytest.param("../partners/Riverside.md", "link to '../partners/Riverside.md' does not match a published entry — check the file name"
                 " (did you mean '../partners/riverside.md'?)", id="capitals"),
    pytest.param("content/partners/riverside.md", "link to 'content/partners/riverside.md' does not match a published entry — check the file name"
                 " (did you mean '../partners/riverside.md'?)", id="path-from-the-repository"),
    pytest.param("../partners/riversde.md", "link to '../partners/riversde.md' does not match a published entry — check the file name"
                 " (did you mean '../partners/riverside.md'?)", id="typo"),
    pytest.param("../partners/elsewhere.md", "link to '../partners/elsewhere.md' does not match a published entry — check the file name", id="no-near-file"),
])
def test_a_link_to_an_entrys_file_written_wrong_is_told_the_link_to_write(tmp_path: Path, link: str, message: str) -> None:
    assert check(tmp_path, {"pages/about.md": PAGE.replace("About us.", f"See [the hospital]({link}).")}) == [f"content/pages/about.md:5: {message}"]


@pytest.mark.parametrize(("replace", "line", "message"), [
    pytest.param(("deadline: 2026-11-30", "apply_url: <https://example.edu/apply>"), 10,
                 "apply_url: '<https://example.edu/apply>' is not a web address — write it without '<' and '>': https://example.edu/apply", id="angle-brackets"),
    pytest.param(("deadline: 2026-11-30", "apply_url: [Apply here](https://example.edu/apply)"), 10,
                 "apply_url: a Markdown link is not read here — write the address alone: apply_url: https://example.edu/apply", id="markdown-link"),
    pytest.param(("deadline: 2026-11-30", "apply_url: https://example.edu/apply now"), 10,
                 "apply_url: 'https://example.edu/apply now' has a space in it — write each space as %20: https://example.edu/apply%20now", id="space"),
    pytest.param(("title: Surgery Elective", "title: 'Children's Surgery'"), 2,
                 "title: the apostrophe ends the quoted value early — put the value in double quotes instead: title: \"Children's Surgery\"", id="apostrophe"),
    pytest.param(("deadline: 2026-11-30", "cost:\n  amount: 1200\n    currency: USD"), 12,
                 "this line is indented more than 'amount:' above — start 'currency:' under 'amount:'", id="indented-too-far"),
    pytest.param(("countries: [CN]", "countries:\n  - RW\n   - BI"), 10,  # (was line 9, 'RW - BI': the item above)
                 "countries: this list item is not lined up with the other items — indent it 2 spaces, like them", id="list-item-indented-too-far"),
])
def test_everyday_mistakes_in_addresses_quotes_and_indentation_are_told_what_to_write(tmp_path: Path, replace: tuple[str, str], line: int, message: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(*replace)}) == [f"{E}:{line}: {message}"]


def test_a_field_written_below_the_closing_line_is_not_published_as_text(tmp_path: Path) -> None:
    """'draft: true' below the '---' was published as the first line of the text, and the entry with it."""
    text = ELECTIVE.replace("---\nBody of the elective.", "---\ndraft: true\n\nBody of the elective.")
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:12: 'draft: true' is below the closing '---', so it is read as text, not as a field — move it above that line"]


def test_text_that_starts_like_a_field_further_down_the_body_is_text(tmp_path: Path) -> None:
    text = ELECTIVE.replace("Body of the elective.", "Body of the elective.\n\ncountries: we welcome students from every country.")
    assert check(tmp_path, {"electives/surgery.md": text}) == []


@pytest.mark.parametrize(("fields", "line", "message"), [
    pytest.param({"website": "hospital.example.org/about"}, 7,
                 "website: 'hospital.example.org/about' is not a web address — add https:// in front: https://hospital.example.org/about", id="no-scheme"),
    pytest.param({"website": "https//hospital.example.org"}, 7,
                 "website: 'https//hospital.example.org' is not a web address — write 'https://': https://hospital.example.org", id="no-colon"),
    pytest.param({"country": "[CN]"}, 5, "country: expected a single value, not a list — write it without brackets: CN", id="one-item-list"),
    pytest.param({"city": "Nanjing", "<!-- kind": "clinic -->"}, 7,
                 "unknown field '<!-- kind' — '<!-- -->' comments are not read in the front matter: start the line with '#' instead", id="html-comment"),
])
def test_partner_values_written_as_people_write_them_are_told_the_value_to_write(tmp_path: Path, fields: dict[str, str], line: int, message: str) -> None:
    assert check(tmp_path, {"partners/riverside.md": partner(**fields)}) == [f"{R}:{line}: {message}"]


@pytest.mark.parametrize(("amount", "number"), [("$1,200", "1200"), ("850 USD", "850"), ("€99.50", "99.50")])
def test_an_amount_written_with_its_currency_is_told_the_number(tmp_path: Path, amount: str, number: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": elective(cost=f'{{amount: "{amount}", currency: USD}}')}) == [
        f"{E}:11: cost.amount: '{amount}' is not an amount — write the number alone: {number}"]


def test_a_repository_address_without_its_scheme_is_told_it(tmp_path: Path) -> None:
    assert check(tmp_path, {"site.yaml": SITE_YAML + "repository: github.com/org/catalog\n"}) == [
        "content/site.yaml:5: repository: 'github.com/org/catalog' is not a web address — add https:// in front: https://github.com/org/catalog"]


@pytest.mark.parametrize(("body", "line", "fence"), [
    pytest.param("Intro.\n\n```\nmake build\n\n## Later heading\n\nMore text.", 14, "```", id="never-closed"),
    pytest.param("```python\nprint(1)\n```\n\n~~~~\nnever closed", 16, "~~~~", id="second-block"),
    pytest.param("````\ncode\n```\n\nText.", 12, "````", id="closed-by-a-shorter-fence"),
])
def test_a_code_block_that_is_never_closed_is_named_on_its_opening_line(tmp_path: Path, body: str, line: int, fence: str) -> None:
    """It was accepted: the site showed the backticks as text, GitHub's preview the rest of the file as code."""
    text = ELECTIVE.replace("Body of the elective.", body)
    assert check(tmp_path, {"electives/surgery.md": text}) == [
        f"{E}:{line}: '{fence}' starts a block of code that is never closed — add a line of just {fence} where the code ends,"
        " or delete this line if it is not code"]


@pytest.mark.parametrize("body", [
    pytest.param("```bash\nmake build\n```\n\n~~~\ncode\n~~~", id="closed"),
    pytest.param("~~~~\n```\nnot a fence inside a block\n~~~~", id="fence-inside-a-block"),
    pytest.param("```inline code```, then text.", id="inline-code"),
    pytest.param("Text.\n\n    ```\n    indented code", id="indented"),
    pytest.param("```\ncode\n```   ", id="closing-with-trailing-spaces"),
])
def test_closed_code_blocks_and_backticks_that_open_none_are_fine(tmp_path: Path, body: str) -> None:
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace("Body of the elective.", body)}) == []


HASH = "is read as a comment (in YAML, '#' after a space starts one), so"


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"projects/needs.md": project(tags="#global-health #surgery")},
                 f"{P}:8: tags: '#global-health #surgery' {HASH} tags is empty — write it without '#': tags: [global-health, surgery]", id="hashtags"),
    pytest.param({"electives/surgery.md": elective(languages="#English, #French")},
                 f"{E}:11: languages: '#English, #French' {HASH} languages is empty — write it without '#': languages: [English, French]", id="list-with-commas"),
    pytest.param({"projects/needs.md": project(kind="#training")},
                 f"{P}:4: kind: '#training' {HASH} kind is empty — write it without '#': kind: training", id="required-value"),
    pytest.param({"partners/riverside.md": partner(city="#Kigali")},
                 f"{R}:6: city: '#Kigali' {HASH} city is empty — to keep the '#', put the value in quotes: city: \"#Kigali\"", id="optional-text"),
    pytest.param({"electives/surgery.md": elective(contact="#TBD")},
                 f"{E}:11: contact: '#TBD' {HASH} contact is empty — write the value without '#', or delete the line", id="not-a-value"),
    pytest.param({"site.yaml": SITE_YAML.replace("Listing is not endorsement.", "#none")},
                 f"content/site.yaml:4: disclaimer: '#none' {HASH} disclaimer is empty — to keep the '#', put the value in quotes: disclaimer: \"#none\"",
                 id="site-yaml"),
])
def test_a_value_yaml_reads_as_a_comment_is_told_why_it_is_empty(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    """'tags: #global-health #surgery' said only "tags: is empty"; 'city: #Kigali' was accepted and the city not shown."""
    assert check(tmp_path, files) == [expected]


def test_a_comment_written_as_one_after_an_empty_optional_field_is_fine(tmp_path: Path) -> None:
    assert check(tmp_path, {"projects/needs.md": project(lead="# to be decided", funding="  #")}) == []


@pytest.mark.parametrize(("word", "choices", "expected"), [
    ("observation", ["elective", "observership", "fellowship"], "observership"),  # (too far as a ratio)
    ("partnerships", ["partners", "countries"], "partners"),
    ("observation", ["observership", "observers"], None),  # (two share the start: no guess)
    ("/topics/surgery/", ["/topics/maternal-health/"], None),  # (addresses of a kind share their start)
])
def test_a_word_of_the_same_start_is_suggested_when_it_is_the_only_one(word: str, choices: list[str], expected: str | None) -> None:
    from site_gen.suggest import closest

    assert closest(word, choices) == expected


# Edits found by running every everyday slip over the bundled catalog's files (a mutation run):
# each was on the wrong line, gave the wrong fix, two lines for one slip, or was accepted.
MUTATED_LINES = [
    pytest.param(("format: elective", "format elective"), 5, "'format' needs a colon after it: format: elective", id="colon-left-out"),
    pytest.param(("title: Surgery Elective", "title Surgery Elective"), 2, "'title' needs a colon after it: title: Surgery Elective",
                 id="colon-left-out-first-line"),
    pytest.param(("deadline: 2026-11-30", "apply_url https://example.edu/apply"), 10,
                 "'apply_url' needs a colon after it: apply_url: https://example.edu/apply", id="colon-left-out-before-address"),
    pytest.param(("title: Surgery Elective", " title: Surgery Elective"), 2,
                 "this line starts with a space — start 'title:' at the beginning of the line", id="first-field-indented"),
    pytest.param(("audience: [medical-student]", "audience: [medical-student]\nspecialties:\n  - surgery\n   - trauma"), 10,
                 "specialties: this list item is not lined up with the other items — indent it 2 spaces, like them", id="item-joined-to-the-one-above"),
    pytest.param(("countries: [CN]", "countries:\n   - CN\n  - KE"), 9,
                 "countries: this list item is not lined up with the other items — indent it 2 spaces, like them", id="first-item-indented-further"),
    pytest.param(("deadline: 2026-11-30", "cost:\n  amount: 850\ncurrency: USD"), 12,
                 "unknown field 'currency' — it belongs to cost above: indent it like the line above it", id="last-inner-field-unindented"),
    pytest.param(("deadline: 2026-11-30", "cost:\namount: 850\n  currency: USD"), 11,
                 "'amount:' belongs to cost above — indent it like the line below it: '  amount: 850'", id="first-inner-field-unindented"),
    pytest.param(("audience: [medical-student]", "audience:\n  * medical-student"), 8,
                 "write a list item with '- ', not '* ': '  - medical-student'", id="star-for-dash"),
    pytest.param(("host: riverside", 'host: riverside"'), 9, "host: 'riverside\"' has a stray quote — remove it: riverside", id="stray-quote"),
    pytest.param(("summary: Four weeks of surgery.", "summary: [Four weeks of surgery, in Kigali]"), 3,
                 "summary: expected a single value, not a list — write it without brackets: Four weeks of surgery, in Kigali", id="text-in-brackets"),
    pytest.param(("deadline: 2026-11-30", "duration_weeks:\n  min: 4\n  max: 8\n  amount: 850\n  currency: USD"), 13,
                 "duration_weeks: unknown field 'amount' — 'amount' and 'currency' are fields of cost: add the line 'cost:' above them",
                 id="line-of-a-field-with-inner-fields-deleted"),
    pytest.param(("deadline: 2026-11-30", "deadline: 2026-11-30\n  min: 4\n  max: 8"), 11,
                 "'min' is a field of duration_weeks: add the line 'duration_weeks:' above it", id="line-above-inner-fields-deleted"),
    pytest.param(("category: clinical\n", ""), 1, "missing required field 'category' — add a line such as 'category: clinical'",
                 id="required-field-deleted"),
]


@pytest.mark.parametrize(("replace", "number", "message"), MUTATED_LINES)
def test_a_slip_in_a_real_file_is_one_line_on_its_line_with_the_fix(tmp_path: Path, replace: tuple[str, str], number: int, message: str) -> None:
    """Before: YAML's words on the next line ("mapping values are not allowed", "did not find expected key"), "if it continues
    … above, indent it" for a field that had lost its colon, 'surgery - trauma' published as one specialty, and two lines
    ("unknown field", "missing required field") for an inner field that had lost its indentation."""
    assert replace[0] in ELECTIVE
    assert check(tmp_path, {"electives/surgery.md": ELECTIVE.replace(replace[0], replace[1])}) == [f"{E}:{number}: {message}"]


def test_site_yaml_block_text_without_a_space_after_the_colon_is_named_on_its_line(tmp_path: Path) -> None:
    """'description:>-' was "could not find expected ':'" on a later line."""
    text = SITE_YAML.replace("description: A tiny catalog for tests.", "description:>-\n  A tiny catalog\n  for tests.")
    assert check(tmp_path, {"site.yaml": text}) == ["content/site.yaml:2: description: write a space after the colon: 'description: >-'"]


def test_site_yaml_field_indented_after_a_block_of_text_is_named_on_its_line(tmp_path: Path) -> None:
    """' base_url:' below a 'description: >-' block was YAML's "did not find expected key" with no fix."""
    text = SITE_YAML.replace("description: A tiny catalog for tests.\nbase_url:", "description: >-\n  A tiny catalog\n  for tests.\n base_url:")
    assert check(tmp_path, {"site.yaml": text}) == ["content/site.yaml:5: this line starts with a space — start 'base_url:' at the beginning of the line"]


SITE_WITH_BLOCK = SITE_YAML.replace("description: A tiny catalog for tests.", "description: >-\n  A tiny catalog for tests,\n  with this note: all invented.")


@pytest.mark.parametrize(("replace", "expected"), [
    pytest.param(("base_url: ", "base_url "), "content/site.yaml:5: 'base_url' needs a colon after it: base_url: https://example.org/catalog/",
                 id="colon-left-out-after-a-block-of-text"),
    pytest.param(("description: >-\n", "description: >-\ndescription: >-\n"), "content/site.yaml:3: field 'description' is given twice (first on line 2) — keep one",
                 id="empty-first-copy-of-a-repeated-field"),
    pytest.param(("  with this note:", "with this note:"),
                 "content/site.yaml:4: unknown field 'with this note' — if this line is text that goes on from the field above, indent it like the lines of that text",
                 id="line-of-a-block-of-text-unindented"),
])
def test_site_yaml_slips_around_a_block_of_text_are_one_line_with_the_fix(tmp_path: Path, replace: tuple[str, str], expected: str) -> None:
    """Before: YAML's "could not find expected ':'" on the next line; "'' is too short" beside "given twice"; "unknown field" with no fix."""
    assert replace[0] in SITE_WITH_BLOCK
    assert check(tmp_path, {"site.yaml": SITE_WITH_BLOCK.replace(replace[0], replace[1])}) == [expected]
