"""The only orchestrator: load -> validate -> link -> render -> write.

Every stage before writing returns problems as data; nothing is written unless
the whole catalog is free of problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterator

from markupsafe import Markup

from . import urls
from .catalog import Catalog, Item
from .clock import build_date
from .exports import catalog_csv, catalog_json
from .feeds import feed_xml, robots_txt, sitemap_xml
from .link import link_catalog
from .markup import LinkResolver, MarkdownRenderer
from .output import recover_output, refuse_dangerous_output, write_site
from .problems import Problem, sort_problems
from .render import asset_versions, make_environment, render_route
from .routes import plan_routes
from .schema import ENTRY_MODELS, Entry, SiteConfig
from .source import load_catalog_sources
from .validate import validate_document

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_DIR = PROJECT_ROOT / "static"


@dataclass(frozen=True)
class BuildOptions:
    """What to build, from where, to where."""

    content_dir: Path
    output_dir: Path = Path("_site")
    base_url: str | None = None
    templates_dir: Path = TEMPLATES_DIR
    static_dir: Path = STATIC_DIR
    today: date | None = None


@dataclass
class BuildResult:
    """The outcome of a check or build."""

    problems: list[Problem] = field(default_factory=list)
    catalog: Catalog | None = None
    bodies: dict[tuple[str, str], Markup] = field(default_factory=dict)
    files_written: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def load_catalog(content_dir: Path, base_url: str | None = None) -> BuildResult:
    """Load, validate and link a catalog; collect every problem of every file."""
    loaded = load_catalog_sources(content_dir)
    problems = list(loaded.problems)
    site = None
    if loaded.site is not None:
        data = dict(loaded.site.data)
        if base_url is not None:
            data["base_url"] = base_url
        site, site_problems = validate_document(replace(loaded.site, data=data), SiteConfig)
        problems += site_problems
    validated: list[tuple[Item[Entry], object]] = []
    for document in loaded.documents:
        meta, entry_problems = validate_document(document, ENTRY_MODELS[document.collection])
        problems += entry_problems
        if meta is not None:
            item = Item(document.collection, document.slug, document.path, meta, document.body, document.body_line)
            validated.append((item, document))
    if site is None:
        return BuildResult(sort_problems(problems))
    partner_files = {slug for collection, slug in loaded.discovered if collection == "partners"}
    catalog, link_problems = link_catalog(site, validated, content_dir.name, partner_files)  # type: ignore[arg-type]
    problems += link_problems
    return BuildResult(sort_problems(problems), catalog)


def render_bodies(catalog: Catalog, url_maker: urls.Urls) -> tuple[dict[tuple[str, str], Markup], list[Problem]]:
    """Render every published body to sanitised HTML; report links to missing entries."""
    routes = {item.source: urls.entry(item.collection, item.slug) for item in catalog.published}
    renderer = MarkdownRenderer()
    bodies: dict[tuple[str, str], Markup] = {}
    problems: list[Problem] = []
    for item in catalog.published:
        resolver = LinkResolver(routes, url_maker.href, source=item.source)
        bodies[item.key] = renderer.render(item.body, resolver)
        for target in resolver.broken:
            offset = item.body.find(target)
            line = item.body_line + (item.body.count("\n", 0, offset) if offset >= 0 else 0)
            problems.append(Problem(item.source, line, f"link to '{target}' does not match a published entry — check the file name"))
    return bodies, problems


def site_files(catalog: Catalog, bodies: dict[tuple[str, str], Markup], options: BuildOptions, today: date) -> Iterator[tuple[str, bytes]]:
    """Yield every output file as (relative path, bytes), HTML pages first."""
    url_maker = urls.Urls(catalog.site.base_url)
    env = make_environment(options.templates_dir, catalog, url_maker, today, asset_versions(options.static_dir))
    html_routes: list[str] = []
    lastmod: dict[str, date] = {}
    for route in plan_routes(catalog, bodies):
        html_routes.append(route.route)
        item = route.context.get("item")
        if item is not None and item.meta.updated is not None:
            lastmod[route.route] = item.meta.updated
        yield urls.output_file(route.route), render_route(env, route)
    yield urls.SITEMAP, sitemap_xml(html_routes, url_maker, lastmod)
    yield urls.FEED, feed_xml(catalog, url_maker, today)
    yield urls.ROBOTS, robots_txt(url_maker)
    yield urls.CATALOG_JSON, catalog_json(catalog, url_maker)
    yield urls.CATALOG_CSV, catalog_csv(catalog, url_maker)


def check(content_dir: Path, base_url: str | None = None) -> BuildResult:
    """Find every problem of a catalog, bodies included, without writing anything."""
    result = load_catalog(content_dir, base_url)
    if result.ok and result.catalog is not None:
        result.bodies, problems = render_bodies(result.catalog, urls.Urls(result.catalog.site.base_url))
        result.problems = sort_problems(problems)
    return result


def build(options: BuildOptions) -> BuildResult:
    """Check the content and, if it is free of problems, write the site."""
    refuse_dangerous_output(options.output_dir, options.content_dir)
    recover_output(options.output_dir)
    result = check(options.content_dir, options.base_url)
    if not result.ok or result.catalog is None:
        return result
    today = options.today or build_date()
    files = site_files(result.catalog, result.bodies, options, today)
    result.files_written = write_site(options.output_dir, files, options.static_dir)
    return result
