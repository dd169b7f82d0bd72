""""Edit this page" and "Suggest an update" links on every entry page."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from helpers import BUNDLED_CONTENT, ROOT, SITE_YAML, make_catalog, run_cli
from site_gen import urls
from site_gen.pipeline import load_catalog

ISSUE_FORMS = ROOT / ".github/ISSUE_TEMPLATE"


class LinkCollector(HTMLParser):
    """Collect (text, href) of every link."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text).strip(), self._href))
            self._href = None


def links_named(page: Path, text: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(page.read_text(encoding="utf-8"))
    return [href for label, href in collector.links if label == text]


def entry_pages(site: Path) -> list[tuple[str, Path]]:
    """(source file, built page) of every published bundled entry."""
    catalog = load_catalog(BUNDLED_CONTENT).catalog
    assert catalog is not None
    return [(item.source, site / urls.output_file(urls.entry(item.collection, item.slug))) for item in catalog.published]


def test_every_entry_page_links_to_its_own_source_file(built_site: Path) -> None:
    site = yaml.safe_load((BUNDLED_CONTENT / "site.yaml").read_text(encoding="utf-8"))
    pages = entry_pages(built_site)
    assert len(pages) > 40
    for source, page in pages:
        [edit] = links_named(page, "Edit this page")
        prefix = f"{site['repository'].rstrip('/')}/edit/{site['branch']}/"
        assert edit.startswith(prefix), edit
        relative = unquote(edit.removeprefix(prefix))
        assert relative == source and (ROOT / relative).is_file(), f"{page}: {edit}"


def test_suggest_an_update_opens_the_issue_form_prefilled_with_the_entry(built_site: Path) -> None:
    for source, page in entry_pages(built_site):
        [suggest] = links_named(page, "Suggest an update")
        parts = urlsplit(suggest)
        query = {key: values[0] for key, values in parse_qs(parts.query).items()}
        assert parts.path.endswith("/issues/new")
        form = yaml.safe_load((ISSUE_FORMS / query["template"]).read_text(encoding="utf-8"))
        assert query["entry"] == source, "the form field 'entry' is prefilled with the source file"
        assert "entry" in {field.get("id") for field in form["body"]}
        assert query["title"].startswith("Update: ")


def test_branch_is_configurable_and_links_vanish_without_a_repository(tmp_path: Path) -> None:
    with_repository = SITE_YAML + "repository: https://github.com/org/catalog/\nbranch: drafts/2026\n"
    content = make_catalog(tmp_path / "with", {"site.yaml": with_repository})
    assert run_cli("build", "--content", content, "--output", tmp_path / "with/_site").code == 0
    [edit] = links_named(tmp_path / "with/_site/electives/surgery/index.html", "Edit this page")
    assert edit == "https://github.com/org/catalog/edit/drafts/2026/content/electives/surgery.md"

    content = make_catalog(tmp_path / "without", {})
    assert run_cli("build", "--content", content, "--output", tmp_path / "without/_site").code == 0
    page = tmp_path / "without/_site/electives/surgery/index.html"
    assert links_named(page, "Edit this page") == links_named(page, "Suggest an update") == []


@pytest.mark.parametrize("title", ["Surgery & Anaesthesia: Nanjing", "Ünïcode title #1 ?a=b"])
def test_titles_with_url_characters_stay_inside_the_title_parameter(tmp_path: Path, title: str) -> None:
    elective = f"---\ntitle: \"{title}\"\nsummary: s.\ncategory: clinical\nformat: elective\ndirection: outbound\naudience: [medical-student]\ncountries: [CN]\n---\nBody.\n"
    content = make_catalog(tmp_path, {"site.yaml": SITE_YAML + "repository: https://github.com/org/catalog\n", "electives/surgery.md": elective})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    [suggest] = links_named(tmp_path / "_site/electives/surgery/index.html", "Suggest an update")
    query = parse_qs(urlsplit(suggest).query)
    assert query["title"] == [f"Update: {title}"] and query["template"] == ["suggest-update.yml"]


@pytest.mark.parametrize("inside", ["", "docs/catalog/"])
def test_edit_links_name_the_file_from_the_top_of_its_repository(tmp_path: Path, inside: str) -> None:
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    content = make_catalog(repository / inside, {"site.yaml": SITE_YAML + "repository: https://github.com/org/catalog\n"})
    assert run_cli("build", "--content", content, "--output", tmp_path / "_site").code == 0
    page = tmp_path / "_site/electives/surgery/index.html"
    assert links_named(page, "Edit this page") == [f"https://github.com/org/catalog/edit/main/{inside}content/electives/surgery.md"]
    [suggest] = links_named(page, "Suggest an update")
    assert parse_qs(urlsplit(suggest).query)["entry"] == [f"{inside}content/electives/surgery.md"]
