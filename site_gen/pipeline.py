"""The only orchestrator: load -> validate -> link -> render -> write.

Every stage before writing returns problems as data; nothing is written unless
the whole catalog is free of problems. With a cache, an unchanged build does
nothing, unchanged sources are neither parsed nor rendered again, and only
files whose bytes changed are written; Markdown and pages render in a pool
of processes, in a fixed order, so every build of the same inputs is
byte-identical whatever the cache or the number of processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from markupsafe import Markup

from . import parallel, urls
from .cache import BuildCache
from .catalog import Catalog, Item
from .exports import catalog_csv, catalog_json
from .feeds import feed_xml, robots_txt, sitemap_xml
from .freshness import Freshness, check_freshness
from .link import link_catalog
from .markup import LinkResolver, MarkdownRenderer
from .memo import BodyRecord, RecordingRoutes, SourceMemo
from .options import BuildOptions
from .output import FileData, spool_folder, write_site
from .problems import Problem, sort_problems
from .render import asset_versions, make_environment, render_route
from .routes import Route, plan_routes
from .search import SearchBundle, bundle_record, read_lunr_js, reusable_bundle, search_bundle, search_inputs_key
from .schema import ENTRY_MODELS, Entry, SiteConfig
from .source import LoadResult, load_catalog_sources
from .validate import validate_document


@dataclass
class BuildResult:
    """The outcome of a check or build."""

    problems: list[Problem] = field(default_factory=list)
    catalog: Catalog | None = None
    bodies: dict[tuple[str, str], Markup] = field(default_factory=dict)
    files_written: int = 0
    source_keys: dict[str, str] = field(default_factory=dict)  # shown path -> memo key of every source read
    is_unchanged: bool = False  # nothing changed since the last build: the output was left alone

    @property
    def ok(self) -> bool:
        return not self.problems


def load_catalog(content_dir: Path, base_url: str | None = None, memo: SourceMemo | None = None) -> BuildResult:
    """Load, validate and link a catalog; collect every problem of every file."""
    memo = memo if memo is not None else SourceMemo()
    return link_sources(load_catalog_sources(content_dir, memo.read), content_dir, base_url, memo)


def link_sources(loaded: LoadResult, content_dir: Path, base_url: str | None = None, memo: SourceMemo | None = None) -> BuildResult:
    """Validate and link what the load stage read; collect every problem of every file."""
    memo = memo if memo is not None else SourceMemo()
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
        item, entry_problems = memo.item(document, ENTRY_MODELS[document.collection])
        problems += entry_problems
        if item is not None:
            validated.append((item, document))
    if site is None:
        return BuildResult(sort_problems(problems))
    partner_files = {slug for collection, slug in loaded.discovered if collection == "partners"}
    catalog, link_problems = link_catalog(site, validated, content_dir.name, partner_files)  # type: ignore[arg-type]
    problems += link_problems
    return BuildResult(sort_problems(problems), catalog)


def _render_body(index: int) -> BodyRecord:
    """Pool task: render the body of ``STATE["items"][index]``, recording the links it resolves."""
    state = parallel.STATE
    renderer = state.get("renderer") or state.setdefault("renderer", MarkdownRenderer())
    item: Item[Entry] = state["items"][index]
    routes = RecordingRoutes(state["routes"])
    resolver = LinkResolver(routes, state["href"], source=item.source)
    html = renderer.render(item.body, resolver)
    return BodyRecord(html, tuple(routes.seen.items()), tuple(resolver.broken))


def _broken_link_problems(item: Item[Entry], broken: tuple[str, ...]) -> list[Problem]:
    problems = []
    for target in broken:
        offset = item.body.find(target)
        line = item.body_line + (item.body.count("\n", 0, offset) if offset >= 0 else 0)
        problems.append(Problem(item.source, line, f"link to '{target}' does not match a published entry — check the file name"))
    return problems


def render_bodies(
    catalog: Catalog, url_maker: urls.Urls, jobs: int = 1, memo: SourceMemo | None = None, records: dict[str, BodyRecord] | None = None,
    items: tuple[Item[Entry], ...] | None = None,
) -> tuple[dict[tuple[str, str], Markup], list[Problem]]:
    """Render the bodies of ``items`` (default: every published item) to sanitised HTML, reusing ``records``;
    report links to missing entries."""
    routes = {item.source: urls.entry(item.collection, item.slug) for item in catalog.published}
    records = records if records is not None else {}
    memo = memo if memo is not None else SourceMemo()
    items = catalog.published if items is None else items
    done: dict[tuple[str, str], BodyRecord] = {}
    todo: list[Item[Entry]] = []
    for item in items:
        record = records.get(memo.body_key(item.source, url_maker.base_url) or "")
        if record is not None and record.is_current(routes):
            done[item.key] = record
        else:
            todo.append(item)
    state = {"items": todo, "routes": routes, "href": url_maker.href}
    for item, record in zip(todo, parallel.ordered_map(_render_body, len(todo), jobs, state)):
        done[item.key] = record
        key = memo.body_key(item.source, url_maker.base_url)
        if key is not None:
            records[key] = record
    bodies: dict[tuple[str, str], Markup] = {}
    problems: list[Problem] = []
    for item in items:
        bodies[item.key] = done[item.key].html
        problems += _broken_link_problems(item, done[item.key].broken)
    return bodies, problems


def _render_page(index: int) -> tuple[str, bytes]:
    """Pool task: render ``STATE["routes"][index]`` to (output file, bytes)."""
    route: Route = parallel.STATE["routes"][index]
    return urls.output_file(route.route), render_route(parallel.STATE["env"], route)


def site_files(
    catalog: Catalog, bodies: dict[tuple[str, str], Markup], options: BuildOptions, today: date,
    source_keys: dict[str, str] | None = None, search_record: dict[str, Any] | None = None,
) -> Iterator[tuple[str, FileData]]:
    """Yield every output file as (relative path, bytes or finished file): HTML pages, search files, then the rest.

    The search index is built in a process of its own while the pages render; the
    search page, the only one that names the index's hashed files, renders last.
    When the search files' inputs (``source_keys`` of every published source) are
    those recorded in ``search_record`` by the last build, its files are reused;
    ``search_record`` is then updated to describe this build's search files.
    A finished file lives in a spool folder that is removed once the search files
    have been yielded: write each file before asking for the next (``write_site`` does).
    """
    url_maker = urls.Urls(catalog.site.base_url)
    env = make_environment(options.templates_dir, catalog, url_maker, today, asset_versions(options.static_dir))
    lunr_js = read_lunr_js(options.lunr_js)  # fail before any work when it is missing
    key = search_inputs_key(catalog, source_keys, lunr_js) if source_keys is not None else None
    with spool_folder(options.output_dir) as spool:  # where the search process leaves its files, until linked into the site
        reused = reusable_bundle(options.output_dir, search_record or {}, key)
        if reused is not None:
            search_result: Callable[[], SearchBundle] = lambda: reused  # noqa: E731
        else:
            search_result = parallel.in_background(lambda: search_bundle(catalog, bodies, url_maker, spool, lunr_js), enabled=options.job_count > 1)
        routes = list(plan_routes(catalog, bodies, today))
        pages = [route for route in routes if route.route != urls.SEARCH]
        yield from parallel.ordered_map(_render_page, len(pages), options.job_count, {"routes": pages, "env": env})
        search = search_result()
        if search_record is not None:
            search_record.clear()
            search_record.update(bundle_record(search, key))
        yield from search.files
    for route in routes:
        if route.route == urls.SEARCH:
            yield urls.output_file(route.route), render_route(env, replace(route, context={**route.context, "search": search.assets}))
    lastmod = {route.route: route.context["item"].meta.updated for route in routes
               if route.context.get("item") is not None and route.context["item"].meta.updated is not None}
    yield urls.SITEMAP, sitemap_xml([route.route for route in routes], url_maker, lastmod)
    yield urls.FEED, feed_xml(catalog, url_maker, today)
    yield urls.ROBOTS, robots_txt(url_maker)
    yield urls.CATALOG_JSON, catalog_json(catalog, url_maker)
    yield urls.CATALOG_CSV, catalog_csv(catalog, url_maker)


def check(content_dir: Path, base_url: str | None = None, jobs: int | None = None, cache: BuildCache | None = None) -> BuildResult:
    """Find every problem of a catalog, bodies included, without writing anything."""
    jobs = jobs if jobs is not None else parallel.default_jobs()
    memo = SourceMemo(cache.sources) if cache is not None else SourceMemo()
    result = load_catalog(content_dir, base_url, memo)
    if result.ok and result.catalog is not None:
        url_maker = urls.Urls(result.catalog.site.base_url)
        records = cache.bodies if cache is not None else None
        result.bodies, problems = render_bodies(result.catalog, url_maker, jobs, memo, records)
        result.problems = sort_problems(problems)
    result.source_keys = memo.keys
    if cache is not None and result.catalog is not None:
        base = result.catalog.site.base_url
        cache.retain(memo.keys.values(), (memo.body_key(item.source, base) for item in result.catalog.published))
    return result


def build(options: BuildOptions, cache: BuildCache | None = None, fresh: Freshness | None = None) -> BuildResult:
    """Check the content and, if it is free of problems, write the site (only what changed).

    A long-running caller (``serve``) may pass the same ``BuildCache`` to every
    build so that its memo stays in memory instead of being read from disk; a
    caller that already checked freshness passes its answer.
    """
    fresh = fresh if fresh is not None else check_freshness(options, cache)
    cache = fresh.cache
    if fresh.unchanged:
        return BuildResult(files_written=len(cache.stamps), is_unchanged=True)
    cache.load_memo()
    result = check(options.content_dir, options.base_url, options.job_count, cache)
    if not result.ok or result.catalog is None:
        return result
    cache.forget()
    files = site_files(result.catalog, result.bodies, options, fresh.today, result.source_keys, cache.search)
    result.files_written = write_site(options.output_dir, files, options.static_dir)
    cache.save(fresh.fingerprint, options.output_dir)
    return result
