"""The only orchestrator: load -> validate -> link -> render -> write.

Every stage before writing returns problems as data; nothing is written unless
the whole catalog is free of problems. With a cache, an unchanged build does
nothing, unchanged sources are neither parsed nor rendered again, and only
files whose bytes changed are written; Markdown and pages render in a pool
of processes, in a fixed order, so every build of the same inputs is
byte-identical whatever the cache or the number of processes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from markupsafe import Markup

from . import parallel, urls
from .cache import BuildCache, FileStamp
from .clock import build_date
from .catalog import Catalog, Item
from .exports import write_catalog_csv, write_catalog_json
from .feeds import feed_xml, robots_txt, sitemap_files
from .freshness import Freshness, check_freshness
from .link import cross_file_problems, link_catalog
from .markup import CHECKED_LINKS, ENTRY_LINKS, LINK_WRITTEN, LinkResolver, MarkdownRenderer, RenderRefused, page_keys
from .memo import BodyRecord, RecordingRoutes, SourceMemo
from .options import BuildOptions
from .output import FileData, spool_folder, write_site
from .page_reuse import pages_key, pages_record, reusable_pages
from .problems import Problem, sort_problems
from .assets import asset_versions
from .render import make_environment, render_route
from .routes import Route, plan_routes
from .search import SearchBundle, SearchMemo, bundle_record, read_lunr_js, reusable_bundle, search_bundle, search_inputs_key
from .slugs import is_slug, suggest_file_slug
from .schema import ENTRY_MODELS, Entry, SiteConfig
from .source import Document, LoadResult, display_path, load_catalog_sources
from .validate import future_date_problems, misplaced_entry_problems, validate_document


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


def load_catalog(content_dir: Path, base_url: str | None = None, memo: SourceMemo | None = None, today: date | None = None) -> BuildResult:
    """Load, validate and link a catalog; collect every problem of every file."""
    memo = memo if memo is not None else SourceMemo()
    return link_sources(load_catalog_sources(content_dir, memo.read_all), content_dir, base_url, memo, today)


def link_sources(
    loaded: LoadResult, content_dir: Path, base_url: str | None = None, memo: SourceMemo | None = None, today: date | None = None,
) -> BuildResult:
    """Validate and link what the load stage read; collect every problem of every file.

    ``today`` (the build's date, by default ``clock.build_date()``) bounds ``updated``: checked here
    on every run, as the memo reuses the rest of a file's verdict for the same bytes.
    """
    memo = memo if memo is not None else SourceMemo()
    today = today if today is not None else build_date()
    problems = list(loaded.problems)
    site = None
    if loaded.site is not None:
        # site.yaml is checked as written, base_url too: a check or preview build with --base-url
        # passed a site.yaml whose own base_url the next build without it refused.
        site, site_problems = validate_document(loaded.site, SiteConfig)
        problems += site_problems
        if site is not None and base_url is not None:
            site = site.model_copy(update={"base_url": base_url})
    validated: list[tuple[Item[Entry], Document]] = []
    for document in loaded.documents:
        item, entry_problems = memo.item(document, ENTRY_MODELS[document.collection])
        misplaced = misplaced_entry_problems(document, content_dir.name) if entry_problems else []
        # (one line instead of all of them when the file is in the wrong folder)
        problems += misplaced or entry_problems + future_date_problems(document, today)
        if item is not None:
            validated.append((item, document))
    partner_files = {slug for collection, slug in loaded.discovered if collection == "partners"}
    # 'Riverside-Hospital.md' is told to rename itself to riverside-hospital.md: the entries naming
    # 'riverside-hospital' are right, and are not also told that it does not exist.
    partner_files |= {suggest_file_slug(slug) for slug in partner_files if not is_slug(slug)}
    problems += cross_file_problems(loaded.documents, {item.source: item for item, _ in validated}, partner_files, content_dir.name)
    if site is None:
        return BuildResult(sort_problems(problems))
    return BuildResult(sort_problems(problems), link_catalog(site, validated))


def _render(source: str, body: str) -> BodyRecord:
    """Render one body in a pool process, recording the links it resolves (``STATE``: routes, href, base_path)."""
    state = parallel.STATE
    renderer = state.get("renderer") or state.setdefault("renderer", MarkdownRenderer())
    routes = RecordingRoutes(state["routes"])
    resolver = LinkResolver(routes, state["href"], source=source, base_path=state["base_path"], checked=state["checked"], drafts=state["drafts"])
    try:
        html = renderer.render(body, resolver)
    except RenderRefused as refused:
        return BodyRecord(Markup(), (), (), str(refused))
    return BodyRecord(html, tuple(routes.seen.items()), tuple(resolver.broken))


def _render_body(index: int) -> BodyRecord:
    """Pool task: render the body of ``STATE["items"][index]``."""
    item: Item[Entry] = parallel.STATE["items"][index]
    return _render(item.source, item.body)


def _render_document_body(index: int) -> BodyRecord:
    """Pool task: render the body of ``STATE["documents"][index]`` (a document that may not have validated)."""
    document: Document = parallel.STATE["documents"][index]
    return _render(document.path, document.body)


def _body_problems(source: str, body: str, body_line: int, record: BodyRecord) -> list[Problem]:
    """A body's broken links, each on the line where it is written, or why it could not be rendered."""
    if record.refused is not None:
        return [Problem(source, body_line, record.refused)]
    problems = []
    after: dict[str, int] = {}  # where the next search for each link starts: a link written twice is reported on both lines
    for target, message in record.broken:
        offset = _link_offset(body, target, after.get(target, 0))
        if offset < 0:  # (Markdown turned its tabs into spaces, or the link is a raw HTML attribute that had entities)
            found = re.search(r"\s+".join(map(re.escape, target.split())), body) if target.strip() else None
            offset = found.start() if found else 0
        else:
            after[target] = offset + max(len(target), 1)
        problems.append(Problem(source, body_line + body.count("\n", 0, offset), message))
    return problems


def _link_offset(body: str, target: str, start: int) -> int:
    """Where ``target`` is written as a link in ``body`` from ``start`` on, -1 if nowhere.

    A link is looked for where Markdown or HTML writes one ("](about", "]: about",
    'href="about"', "<https://…>") before anywhere in the text: a short link such
    as "about" is also a word of many sentences above it.
    """
    escaped = re.escape(target)
    written = re.compile(r"(?:" + LINK_WRITTEN + r"|<)(" + escaped + ")")
    found = written.search(body, start)
    if found is not None:
        return found.start(1)
    return body.find(target, start)


def link_targets(catalog: Catalog) -> dict[str, str]:
    """What a body may link to, for ``LinkResolver``: each published source path and each page of the site from its root, to its route."""
    return {item.source: urls.entry(item.collection, item.slug) for item in catalog.published} | page_keys(catalog)


def render_bodies(
    catalog: Catalog, url_maker: urls.Urls, jobs: int = 1, memo: SourceMemo | None = None, records: dict[str, BodyRecord] | None = None,
    items: tuple[Item[Entry], ...] | None = None, targets: dict[str, str] | None = None,
) -> tuple[dict[tuple[str, str], Markup], list[Problem]]:
    """Render the bodies of ``items`` (default: every published item) to sanitised HTML, reusing ``records``;
    report links to missing entries. ``targets`` are the catalog's ``link_targets``, when the caller has them."""
    routes = targets if targets is not None else link_targets(catalog)
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
    state = {"items": todo, "routes": routes, "href": url_maker.href, "base_path": url_maker.base_path, "checked": CHECKED_LINKS,
             "drafts": frozenset(item.source for item in catalog.drafts)}
    for item, record in zip(todo, parallel.ordered_map(_render_body, len(todo), jobs, state)):
        done[item.key] = record
        key = memo.body_key(item.source, url_maker.base_url)
        if key is not None and not record.broken:  # (why a link is broken may change with other files: a draft's)
            records[key] = record
    bodies: dict[tuple[str, str], Markup] = {}
    problems: list[Problem] = []
    for item in items:
        bodies[item.key] = done[item.key].html
        problems += _body_problems(item.source, item.body, item.body_line, done[item.key])
    return bodies, problems


def body_problems_despite(loaded: LoadResult, catalog: Catalog | None, content_dir: Path, jobs: int = 1) -> list[Problem]:
    """Links that cannot work in any body, when other problems already stop the build.

    So that one round of fixes is enough, every body is still rendered and its
    links checked, valid entry or not. Whether a file with problems of its own
    will be published is not known yet, so a link to any entry file that is not
    written as a draft counts as good here.
    """
    drafts = {document.path for document in loaded.documents if document.says_draft}
    routes = {
        source: urls.entry(collection, slug) for collection, slug in loaded.discovered
        if (source := display_path(content_dir / collection / f"{slug}.md", content_dir.parent)) not in drafts
    }
    routes |= {f"/{route}": route for route in list(routes.values())}  # (topics and countries are not known yet: not checked)
    url_maker = urls.Urls(catalog.site.base_url if catalog is not None else "/")
    documents = [document for document in loaded.documents if document.path not in drafts]
    state = {"documents": documents, "routes": routes, "href": url_maker.href, "base_path": url_maker.base_path,
             "checked": ENTRY_LINKS, "drafts": frozenset(drafts)}
    problems: list[Problem] = []
    for document, record in zip(documents, parallel.ordered_map(_render_document_body, len(documents), jobs, state)):
        problems += _body_problems(document.path, document.body, document.body_line, record)
    return problems


def _render_page(index: int) -> tuple[str, bytes]:
    """Pool task: render ``STATE["routes"][index]`` to (output file, bytes)."""
    route: Route = parallel.STATE["routes"][index]
    return urls.output_file(route.route), render_route(parallel.STATE["env"], route)


def site_files(
    catalog: Catalog, bodies: dict[tuple[str, str], Markup], options: BuildOptions, today: date,
    source_keys: dict[str, str] | None = None, search_record: dict[str, Any] | None = None,
    cache: BuildCache | None = None, stamps: dict[str, FileStamp] | None = None,
) -> Iterator[tuple[str, FileData]]:
    """Yield every output file as (relative path, bytes or finished file): HTML pages, search files, then the rest.

    The search index, and the feed and the catalog exports, are made in two processes
    of their own while the pages render; the search page, the only one that names the
    index's hashed files, renders last.
    When the search files' inputs (``source_keys`` of every published source) are
    those recorded in ``search_record`` by the last build, its files are reused;
    ``search_record`` is then updated to describe this build's search files.
    Otherwise the entries' search records in the ``cache`` are reused where their inputs are the same
    (``search.SearchMemo``), and the cache keeps this build's.
    Likewise, with a ``cache`` and the ``stamps`` of the last build's output, pages
    that only entry bodies could have changed are the last build's (``page_reuse``).
    A finished file lives in a spool folder that is removed once the last file has
    been yielded: write each file before asking for the next (``write_site`` does).
    """
    url_maker = urls.Urls(catalog.site.base_url)
    env = make_environment(options.templates_dir, catalog, url_maker, today, asset_versions(options.static_dir), options.repository_prefix)
    lunr_js = read_lunr_js(options.lunr_js)  # fail before any work when it is missing
    key = search_inputs_key(catalog, source_keys, lunr_js) if source_keys is not None else None
    with spool_folder(options.output_dir) as spool:  # where the background process leaves its files, until linked into the site
        reused = reusable_bundle(options.output_dir, search_record or {}, key)

        def search() -> tuple[SearchBundle, tuple[dict[str, Any], list[str]] | None]:
            if reused is not None:
                return reused, None
            memo = SearchMemo(cache.search_records if cache is not None else {}, source_keys or {})
            return search_bundle(catalog, bodies, url_maker, spool, lunr_js, memo, options.job_count > 1), memo.outcome()

        # (two processes: the exports took 0.7 s after the index at 10,000 entries, while a process waited)
        background = parallel.in_background(search, enabled=options.job_count > 1)
        exporting = parallel.in_background(lambda: export_files(catalog, url_maker, today, spool), enabled=options.job_count > 1)
        routes = list(plan_routes(catalog, bodies, today))
        pages = [route for route in routes if route.route != urls.SEARCH]
        yield from _pages(pages, env, options, catalog, today, source_keys, cache, stamps)
        exports = exporting()  # (done long before the index)
        search, records = background()
        if cache is not None and records is not None:
            cache.keep_search_records(*records)
        if search_record is not None:
            search_record.clear()
            search_record.update(bundle_record(search, key))
        yield from search.files
        for route in routes:
            if route.route == urls.SEARCH:
                yield urls.output_file(route.route), render_route(env, replace(route, context={**route.context, "search": search.assets}))
        lastmod = {route.route: route.context["item"].meta.updated for route in routes
                   if route.context.get("item") is not None and route.context["item"].meta.updated is not None}
        yield from sitemap_files([route.route for route in routes if route.findable], url_maker, lastmod)
        yield urls.FEED, exports[urls.FEED]
        yield urls.ROBOTS, robots_txt(url_maker)
        yield urls.CATALOG_JSON, exports[urls.CATALOG_JSON]
        yield urls.CATALOG_CSV, exports[urls.CATALOG_CSV]


def export_files(catalog: Catalog, url_maker: urls.Urls, today: date, folder: Path) -> dict[str, Path]:
    """feed.xml, catalog.json and catalog.csv, written into ``folder``, by route.

    Made in the background process beside the search index: a couple of seconds at
    10,000 entries that would otherwise be spent after the pages, on one core. The
    catalog exports are written entry by entry, never whole in memory.
    """
    files = {route: folder / f"export-{route.replace('/', '-')}" for route in (urls.FEED, urls.CATALOG_JSON, urls.CATALOG_CSV)}
    files[urls.FEED].write_bytes(feed_xml(catalog, url_maker, today))
    with files[urls.CATALOG_JSON].open("wb") as out:
        write_catalog_json(catalog, url_maker, out)
    with files[urls.CATALOG_CSV].open("wb") as out:
        write_catalog_csv(catalog, url_maker, out)
    return files


def _pages(
    pages: list[Route], env: Any, options: BuildOptions, catalog: Catalog, today: date,
    source_keys: dict[str, str] | None, cache: BuildCache | None, stamps: dict[str, FileStamp] | None,
) -> Iterator[tuple[str, FileData]]:
    """Render each page, or take it from the last build when only other bodies changed; record what was made."""
    if cache is None or source_keys is None:
        yield from parallel.ordered_map(_render_page, len(pages), options.job_count, {"routes": pages, "env": env})
        return
    key = pages_key(catalog, options, today, cache.code)
    reused = reusable_pages(pages, options.output_dir, cache.pages, key, source_keys, stamps or {})
    todo = [route for route in pages if urls.output_file(route.route) not in reused]
    rendered = parallel.ordered_map(_render_page, len(todo), options.job_count, {"routes": todo, "env": env})
    for route in pages:
        relative = urls.output_file(route.route)
        yield (relative, reused[relative]) if relative in reused else next(rendered)
    cache.pages = pages_record(pages, key, source_keys)


def check(
    content_dir: Path, base_url: str | None = None, jobs: int | None = None, cache: BuildCache | None = None, today: date | None = None,
) -> BuildResult:
    """Find every problem of a catalog, bodies included, without writing anything (``today``: see ``link_sources``)."""
    jobs = jobs if jobs is not None else parallel.default_jobs()
    memo = SourceMemo(cache.sources) if cache is not None else SourceMemo()
    loaded = load_catalog_sources(content_dir, lambda paths, root, problems: memo.read_all(paths, root, problems, jobs))
    result = link_sources(loaded, content_dir, base_url, memo, today)
    if result.ok and result.catalog is not None:
        url_maker = urls.Urls(result.catalog.site.base_url)
        records = cache.bodies if cache is not None else None
        result.bodies, problems = render_bodies(result.catalog, url_maker, jobs, memo, records)
        result.problems = sort_problems(problems)
    else:
        result.problems = sort_problems(result.problems + body_problems_despite(loaded, result.catalog, content_dir, jobs))
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
    result = check(options.content_dir, options.base_url, options.job_count, cache, fresh.today)
    if not result.ok or result.catalog is None:
        return result
    stamps = cache.stamps  # (the last build's output, as recorded: pages it holds may be reused)
    cache.forget()
    files = site_files(result.catalog, result.bodies, options, fresh.today, result.source_keys, cache.search, cache, stamps)
    result.files_written = write_site(options.output_dir, files, options.static_dir, lambda: cache.save(fresh.fingerprint, options.output_dir))
    return result
