"""Hostile content (tests/hostile/) in every field and body: nothing executable reaches the output.

Every free-text field of every kind of entry and of site.yaml carries every payload;
every body carries body.md and every hostile URL. After one build, each HTML page,
catalog.json, catalog.csv, feed.xml, sitemap.xml and any other JSON file is checked.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
import yaml

from helpers import MINIMAL_FILES, PAGE, make_catalog, problem_lines, run_cli
from html_scan import executable_findings, html_pages, is_dangerous_url, is_same_origin, parse_page

HOSTILE = Path(__file__).parent / "hostile"
BASE_URL = "https://example.org/catalog/"
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
URL_KEYS = re.compile(r"url|href|link|website|src|repository", re.IGNORECASE)


def corpus(name: str) -> list[str]:
    """The lines of a corpus file, without blank lines and comments."""
    lines = (HOSTILE / name).read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line.strip() and not line.startswith("#")]


PAYLOADS = corpus("payloads.txt")
# Bidirectional controls reorder what people see (a title ending "exe.png" that is an
# .exe): the check refuses them (test_bidirectional_controls_are_refused); the built
# corpus holds every other payload.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BUILT_PAYLOADS = [payload for payload in PAYLOADS if not BIDI_CONTROLS.search(payload)]
# Valid http(s) URLs that still try to break out of an attribute or into markup.
SNEAKY_URLS = ['https://example.org/"onmouseover="alert(1)', "https://example.org/'><script>alert(1)</script>", "https://example.org/?q=</script>"]
HOSTILE_URLS = corpus("urls.txt")
# A URL with white space inside is a relative link that would break on the site: the
# check refuses it in a body (test_hostile_urls_in_body_links_are_dropped_or_refused).
BODY_URLS = [url for url in HOSTILE_URLS if not re.search(r"\s", url.strip())]


def entry_file(fields: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000) + "---\n" + body


def hostile_body() -> str:
    links = "\n".join(f"* [link {i}]({url}) <a href=\"{url}\">raw {i}</a>" for i, url in enumerate(BODY_URLS))
    return (HOSTILE / "body.md").read_text(encoding="utf-8") + "\n\n" + links + "\n"


def hostile_files() -> dict[str, str]:
    """A catalog in which every free-text field of every collection holds a payload."""
    everything = " | ".join(BUILT_PAYLOADS)
    site = {"title": everything, "description": everything, "base_url": BASE_URL, "disclaimer": everything, "repository": SNEAKY_URLS[1]}
    files = {"site.yaml": yaml.safe_dump(site, allow_unicode=True, width=10_000)}
    for i, payload in enumerate(BUILT_PAYLOADS):
        body = hostile_body() if i < 2 else payload  # the long body twice per collection keeps the build quick
        title = payload if len(payload.strip()) >= 3 else payload + " xyz"
        common = {"title": title, "summary": payload, "tags": [f"t{i} {payload}"[:100]], "updated": "2026-09-01"}
        files[f"partners/hostile-{i}.md"] = entry_file({**common, "kind": "hospital", "country": "CN", "city": payload, "website": SNEAKY_URLS[i % 3]}, body)
        files[f"projects/hostile-{i}.md"] = entry_file({
            **common, "kind": "research", "status": "active", "countries": ["CN"], "partners": [f"hostile-{i}"],
            "lead": payload, "funding": payload, "seeking": ["funding"],
        }, body)
        files[f"electives/hostile-{i}.md"] = entry_file({
            **common, "category": "clinical", "format": "elective", "direction": "outbound", "audience": ["nurse"],
            "countries": ["CN"], "host": f"hostile-{i}", "specialties": [payload], "languages": [payload], "cost": payload,
            "apply_url": SNEAKY_URLS[i % 3],
        }, body)
        files[f"pages/hostile-{i}.md"] = entry_file(common, body)
    return files


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = make_catalog(root, hostile_files())
    output = root / "_site"
    result = run_cli("build", "--content", content, "--output", output)
    assert result.code == 0, result.out + result.err
    return output


def test_the_corpus_reaches_every_page_kind(hostile_site: Path) -> None:
    page = (hostile_site / "electives" / "hostile-0" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert len(list((hostile_site / "topics").iterdir())) > len(BUILT_PAYLOADS)


def test_output_paths_hold_no_invisible_or_bidi_characters(hostile_site: Path) -> None:
    names = [path.relative_to(hostile_site).as_posix() for path in hostile_site.rglob("*")]
    assert [name for name in names if not re.fullmatch(r"[\w./-]+", name)] == []


def test_no_page_holds_anything_executable(hostile_site: Path) -> None:
    findings = {
        page.relative_to(hostile_site).as_posix(): executable_findings(page.read_text(encoding="utf-8"), "/catalog/")
        for page in html_pages(hostile_site)
    }
    assert {page: found for page, found in findings.items() if found} == {}
    assert (hostile_site / "countries/cn/page/1/index.html").is_file()  # (a page that refreshes, to a page of the site)


OWN_REFRESH = '<meta http-equiv="refresh" content="0; url=/catalog/countries/cn/">'


@pytest.mark.parametrize(("head", "body", "allowed"), [
    (OWN_REFRESH, "", True),
    ("", OWN_REFRESH, False),  # (where a body's markup would be)
    (OWN_REFRESH.replace("/catalog/", "/elsewhere/"), "", False),
    (OWN_REFRESH.replace("/catalog/", "//evil.example/catalog/"), "", False),
    (OWN_REFRESH.replace("cn/", "/evil.example/"), "", False),
    (OWN_REFRESH.replace("/catalog/countries/cn/", "https://evil.example/"), "", False),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', "", False),
    (OWN_REFRESH.replace("0;", "5;"), "", False),
])
def test_the_only_refresh_a_page_may_hold_is_the_sites_own(head: str, body: str, allowed: bool) -> None:
    html = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title>{head}</head><body>{body}</body></html>'
    assert (executable_findings(html, "/catalog/") == []) == allowed


# A link as the HTML checker accepts it (WHATWG URL code points, '%' only before two hex digits, one '#').
_URL_PART = r"(?:[A-Za-z0-9!$&'()*+,\-./:;=?@_~\u00a0-\U0010fffd]|%[0-9A-Fa-f]{2})*"
VALID_LINK = re.compile(rf"^{_URL_PART}(?:#{_URL_PART})?$")


def test_every_link_is_a_valid_url_even_from_hostile_url_fields(hostile_site: Path) -> None:
    """website, apply_url and repository holding '<', '"' or '{' are escaped as browsers do, so pages stay valid HTML."""
    invalid = {
        (element.tag, name, value)
        for page in html_pages(hostile_site)
        for element in parse_page(page.read_text(encoding="utf-8")).elements
        for name in ("href", "src", "action")
        if name in element.attrs and not VALID_LINK.match(value := element.attrs[name])
    }
    assert sorted(invalid) == []
    partner = (hostile_site / "partners" / "hostile-0" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/%22onmouseover=%22alert(1)"' in partner


def test_template_syntax_in_content_is_shown_literally(hostile_site: Path) -> None:
    page = (hostile_site / "projects" / "hostile-0" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*191 }}" in page and "{% if true %}shown{% endif %}" in page
    for path in hostile_site.rglob("*"):
        if path.is_file() and not path.name.startswith("shard."):  # (index shards are numbers: 1337 may be a posting)
            assert b"1337" not in path.read_bytes(), path


def json_strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """Every (key, string) pair inside a JSON value."""
    if isinstance(value, dict):
        for name, child in value.items():
            yield from json_strings(child, str(name))
    elif isinstance(value, list):
        for child in value:
            yield from json_strings(child, key)
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("name", ["catalog.json", "search documents and other JSON"])
def test_json_files_hold_only_safe_urls(hostile_site: Path, name: str) -> None:
    files = [hostile_site / "catalog.json"] if name == "catalog.json" else sorted(
        path for path in hostile_site.rglob("*.json") if path.name != "catalog.json"
    )
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        bad = [(key, text) for key, text in json_strings(data) if URL_KEYS.search(key) and is_dangerous_url(text)]
        assert bad == [], path


def test_catalog_json_keeps_the_text_but_no_markup_characters(hostile_site: Path) -> None:
    raw = (hostile_site / "catalog.json").read_text(encoding="utf-8")
    assert "<" not in raw and ">" not in raw
    titles = {entry["title"] for entry in json.loads(raw)["electives"]}
    assert "<script>alert('title')</script>" in titles


def test_csv_cells_cannot_start_a_formula(hostile_site: Path) -> None:
    text = (hostile_site / "catalog.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    formulas = [cell for row in rows for cell in row if cell.startswith(CSV_TRIGGERS)]
    assert formulas == []
    assert any(cell.startswith("'=HYPERLINK(") for row in rows for cell in row)


def test_feed_is_well_formed_plain_text_with_same_origin_links(hostile_site: Path) -> None:
    raw = (hostile_site / "feed.xml").read_bytes()
    assert b"<!DOCTYPE" not in raw and b"<!ENTITY" not in raw
    root = ElementTree.fromstring(raw)
    assert [element.get("type") for element in root.iter() if element.get("type") in ("html", "xhtml")] == []
    links = [element.get("href") or "" for element in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert links and all(link.startswith(BASE_URL) for link in links)
    titles = {element.text for element in root.iter("{http://www.w3.org/2005/Atom}title")}
    assert "<script>alert('title')</script>" in titles


def test_sitemap_lists_only_our_own_urls(hostile_site: Path) -> None:
    root = ElementTree.fromstring((hostile_site / "sitemap.xml").read_bytes())
    locations = [element.text or "" for element in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(location.startswith(BASE_URL) and is_same_origin(location, BASE_URL) for location in locations)


@pytest.mark.parametrize("url", HOSTILE_URLS)
@pytest.mark.parametrize(("file", "field", "line"), [
    ("partners/riverside.md", "website", 7), ("electives/surgery.md", "apply_url", 11), ("site.yaml", "repository", 5),
])
def test_hostile_urls_in_url_fields_are_errors(tmp_path: Path, url: str, file: str, field: str, line: int) -> None:
    original = MINIMAL_FILES[file]
    addition = f"{field}: {json.dumps(url)}\n"
    text = original + addition if file == "site.yaml" else original.replace("\n---\n", f"\n{addition}---\n", 1)
    content = make_catalog(tmp_path, {file: text})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1
    assert [problem.split(": ")[0] for problem in problem_lines(result)] == [f"content/{file}:{line}"]
    assert f"{field}: " in result.out and not (tmp_path / "_site").exists()


@pytest.mark.parametrize("payload", [payload for payload in PAYLOADS if BIDI_CONTROLS.search(payload)])
@pytest.mark.parametrize("field", ["title", "summary", "city"])
def test_bidirectional_controls_are_refused(tmp_path: Path, payload: str, field: str) -> None:
    text = MINIMAL_FILES["partners/riverside.md"].replace("\n---\n", f"\n{field}: {json.dumps(payload)}\n---\n", 1)
    text = re.sub(rf"(?m)^{field}: .*\n(?=(?s:.*)^{field}: )", "", text)  # (the payload's line replaces the field's own)
    content = make_catalog(tmp_path, {"partners/riverside.md": text})
    result = run_cli("check", "--content", content)
    first = ord(BIDI_CONTROLS.search(payload).group())  # type: ignore[union-attr]
    assert result.code == 1
    assert [line.split(": ", 1)[1] for line in problem_lines(result)] == [f"{field}: contains the invisible character U+{first:04X} — remove it"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_hostile_urls_in_body_links_are_dropped_or_refused(tmp_path: Path, url: str) -> None:
    body = f"Intro.\n\n[markdown]({url})\n\n<a href=\"{url}\">raw</a>\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.split("\n---\n", 1)[0] + "\n---\n" + body})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    if result.code == 0:
        html = (tmp_path / "_site" / "about" / "index.html").read_text(encoding="utf-8")
        assert executable_findings(html, "/catalog/") == []
    else:
        assert result.code == 1 and not (tmp_path / "_site").exists()
        assert {line.split(": ", 1)[0] for line in problem_lines(result)} <= {"content/pages/about.md:7", "content/pages/about.md:9"}
        assert all("is relative, so it would break on the site" in line for line in problem_lines(result))


@pytest.mark.parametrize("character", ["\x01", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe"])
def test_unprintable_characters_in_fields_are_errors_with_a_readable_message(tmp_path: Path, character: str) -> None:
    front = yaml.safe_dump({"title": f"Bad{character}Title"}, allow_unicode=False)
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.replace("title: About\n", front)})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1
    assert problem_lines(result) == [f"content/pages/about.md:2: title: contains the invisible character U+{ord(character):04X} — remove it"]


@pytest.mark.parametrize("tagged", [
    "!!python/object/apply:os.system ['touch {marker}']", "!!python/object/new:os.system ['touch {marker}']",
    "!!python/name:os.system", "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
])
def test_yaml_tags_are_refused_never_run(tmp_path: Path, tagged: str) -> None:
    marker = tmp_path / "pwned"
    front = f"title: {tagged.format(marker=marker)}\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.replace("title: About\n", front)})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1 and not marker.exists()
    assert problem_lines(result) == [f"content/pages/about.md:2: YAML tag '!!python/{tagged.split('python/')[1].split()[0].rstrip('>')}' is not allowed — remove it and write a plain value"]


@pytest.mark.parametrize("address", ["x?cc=other@example.org", "a#b@example.org", "a&b=c@example.org", "100%25@example.org", "o'hara+tag@example.org"])
def test_a_contact_address_is_the_whole_recipient_of_its_mailto_link(tmp_path: Path, address: str) -> None:
    """RFC 6068: '?', '#', '&', '=' and '%' in an address are %-escaped, else a mail program writes to part of it."""
    elective = MINIMAL_FILES["electives/surgery.md"].replace("\n---\n", f"\ncontact: {json.dumps(address)}\n---\n", 1)
    site = MINIMAL_FILES["site.yaml"] + f"contact_email: {json.dumps(address)}\n"
    content = make_catalog(tmp_path, {"electives/surgery.md": elective, "site.yaml": site})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    page = parse_page((tmp_path / "_site" / "electives" / "surgery" / "index.html").read_text(encoding="utf-8"))
    links = [element.attrs["href"] for element in page.elements if element.tag == "a" and element.attrs.get("href", "").startswith("mailto:")]
    assert len(links) == 3  # (the question line, the facts and the footer)
    for link in links:
        recipient = urlsplit(link)
        assert (recipient.query, recipient.fragment) == ("", "") and unquote(recipient.path) == address, link


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\ufffe", "\U0001ffff"])
def test_a_character_no_web_page_may_hold_is_refused_in_a_body_on_its_line(tmp_path: Path, character: str) -> None:
    """Front matter refuses them; in a body they were copied into the page (invalid HTML: 'Forbidden code point')."""
    body = f"First line.\n\nA line with {character}[31m in it.\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.split("\n---\n", 1)[0] + "\n---\n" + body})
    result = run_cli("build", "--content", content, "--output", tmp_path / "_site")
    assert result.code == 1 and not (tmp_path / "_site").exists()
    assert problem_lines(result) == [f"content/pages/about.md:7: contains the invisible character U+{ord(character):04X} — remove it"]


@pytest.mark.parametrize(("reference", "code"), [("&#1;", 1), ("&#x1B;", 0x1B), ("&#127;", 0x7F), ("&#x81;", 0x81), ("&#xFFFE;", 0xFFFE),
                                               ("&#xfdd0;", 0xFDD0), ("&#1114111;", 0x10FFFF)])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_character_no_web_page_may_hold_is_refused_when_written_as_a_reference(tmp_path: Path, reference: str, code: int, command: str) -> None:
    """Written raw such characters are refused; written '&#1;' the sanitiser decoded them into the page (invalid HTML)."""
    body = f"First line.\n\nA line with {reference} in it, <abbr title=\"x{reference}\">y</abbr>.\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.split("\n---\n", 1)[0] + "\n---\n" + body})
    result = run_cli(command, "--content", content, *(["--output", tmp_path / "_site"] if command == "build" else []))
    assert result.code == 1 and not (tmp_path / "_site").exists()
    message = f"content/pages/about.md:7: '{reference}' writes the invisible character U+{code:04X}, which a web page cannot hold — remove it"
    assert problem_lines(result) == [message], problem_lines(result)


def test_references_a_web_page_may_hold_stay_allowed(tmp_path: Path) -> None:
    """&#x80;-&#x9F; are Windows-1252 characters in HTML (&#x80; is €); &#0; and surrogates are read as U+FFFD."""
    body = "Euro &#x80;, copyright &#169;, &#0;, &#xD800;, tab &#9; and `&#1;` in code.\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.split("\n---\n", 1)[0] + "\n---\n" + body})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    page = (tmp_path / "_site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Euro €, copyright ©" in page


def test_tabs_form_feeds_and_bidirectional_marks_stay_allowed_in_a_body(tmp_path: Path) -> None:
    body = "Tab\there, a form feed \x0c and right-to-left \u202bنص\u202c with a mark \u200f.\n"
    content = make_catalog(tmp_path, {"pages/about.md": PAGE.split("\n---\n", 1)[0] + "\n---\n" + body})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0


@pytest.mark.parametrize("front", ["title: [unclosed\nsummary: x\n", "- a list\n- not fields\n"])
def test_a_mistake_in_the_front_matter_does_not_hide_the_bodys_in_the_same_run(tmp_path: Path, front: str) -> None:
    """The body's own problems (here an invisible character) were reported only once the front matter was fixed."""
    content = make_catalog(tmp_path, {"pages/about.md": f"---\n{front}---\nFirst line.\n\nA line with \x1b[31m in it.\n"})
    result = run_cli("check", "--content", content)
    lines = problem_lines(result)
    assert result.code == 1 and len(lines) == 2, lines
    assert lines[1] == "content/pages/about.md:7: contains the invisible character U+001B — remove it"
    assert lines[0].startswith(("content/pages/about.md:2:", "content/pages/about.md:3:"))
