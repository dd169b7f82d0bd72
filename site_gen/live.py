"""The preview's site in memory: re-read only the files that changed, render a page when it is asked for.

``serve`` answers page requests from here, so an edit shows as soon as the edited
file is read again, whatever the size of the catalog: the pipeline's own stages
run (load -> validate -> link -> render), but only the edited sources are parsed
and rendered again (the rest comes from the memo) and only the requested page is
rendered. Everything that is not an HTML page (static files, search files, feeds,
exports) and the search page (which names the hashed search files) come from the
last complete build on disk, which ``serve`` refreshes in the background.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from jinja2 import Environment
from markupsafe import Markup

from . import urls
from .cache import BuildCache
from .catalog import Catalog, Item, replace_items
from .clock import build_date
from .memo import BodyRecord, SourceMemo
from .pipeline import ENTRY_MODELS, BuildOptions, link_sources, link_targets, render_bodies
from .problems import Problem, sort_problems
from .assets import asset_versions
from .render import make_environment, render_route
from .routes import Route, entry_routes, plan_routes
from .schema import Entry
from .source import SITE_FILE, LoadResult, display_path, load_catalog_sources

FROM_DISK = frozenset({urls.SEARCH, urls.NOT_FOUND})  # pages that name files of the last build on disk


def _route_of(relative: str) -> str:
    """The route of an output file's path (``electives/x/index.html`` -> ``electives/x/``)."""
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


@dataclass
class LiveSite:
    """The latest state of the content, validated and linked, and the pages rendered from it so far."""

    options: BuildOptions
    memo: SourceMemo = field(default_factory=SourceMemo)
    records: dict[str, BodyRecord] = field(default_factory=dict)
    today: date = field(default_factory=build_date)
    problems: list[Problem] = field(default_factory=list)
    catalog: Catalog | None = None
    _loaded: LoadResult | None = None
    _env: Environment | None = None
    _entries: dict[str, Item[Entry]] = field(default_factory=dict)
    _plan: Iterator[Route] | None = None  # plan_routes of the current catalog, followed on demand
    _planned: dict[str, Route] = field(default_factory=dict)
    _pages: dict[str, bytes] = field(default_factory=dict)
    _bodies: dict[tuple[str, str], Markup] = field(default_factory=dict)
    _sources: tuple[str, ...] = ()
    _targets: dict[str, str] = field(default_factory=dict)  # link_targets of the catalog: the same while only bodies change

    @classmethod
    def open(cls, options: BuildOptions, cache: BuildCache | None = None) -> LiveSite:
        """A live site sharing a build cache's memo (so nothing the build read is read again), loaded."""
        live = cls(options, SourceMemo(cache.sources), cache.bodies) if cache is not None else cls(options)
        live.update()
        return live

    @property
    def base_path(self) -> str | None:
        """The path the site is served under, None while site.yaml is broken."""
        return urls.Urls(self.catalog.site.base_url).base_path if self.catalog is not None else None

    def update(self, changed: Iterable[Path] = ()) -> list[Problem]:
        """Bring the site up to date with the files on disk; return the problems (none: pages render).

        When every changed file is a known entry file that still exists, only those
        are read again; when the previous state was good and their fields validate
        to the same values (an edit of the body), the catalog is not linked again
        (its items are swapped for the new versions), and when no page moved, only
        their bodies are rendered again; any other change (a new, deleted or renamed
        file, site.yaml, nothing named) reads the whole content folder, through the memo.
        """
        content = self.options.content_dir
        changed = list(changed)
        was_good = self.catalog is not None and not self.problems
        loaded = self._reread(changed)
        partial = loaded is not None
        catalog = self._with_new_versions(loaded, changed) if loaded is not None and was_good else None
        same_fields = catalog is not None
        if catalog is not None:  # the same fields: every link and index stands
            problems: list[Problem] = []
        else:
            loaded = loaded or load_catalog_sources(content, self.memo.read_all)
            result = link_sources(loaded, content, self.options.base_url, self.memo, self.today)
            problems, catalog = result.problems, result.catalog
        if not problems and catalog is not None:
            url_maker = urls.Urls(catalog.site.base_url)
            sources = tuple(item.source for item in catalog.published)
            # The pages a body may link to are the same while only bodies change (at 10,000 entries,
            # finding them again was most of the time from saving a body to its reloaded page).
            targets = self._targets if same_fields else link_targets(catalog)
            # Same pages: other bodies and their links stand. (Same entries is not enough: an edit of
            # fields alone can take a topic's or country's last entry away, and a link to its page.)
            if partial and was_good and sources == self._sources and (same_fields or targets == self._targets):
                edited = {display_path(path, content.parent) for path in changed}
                fresh, problems = render_bodies(catalog, url_maker, 1, self.memo, self.records,
                                                tuple(item for item in catalog.published if item.source in edited), targets)
                bodies = {**self._bodies, **fresh}
            else:
                bodies, problems = render_bodies(catalog, url_maker, jobs=1, memo=self.memo, records=self.records, targets=targets)
            if not problems:
                self.catalog, self._bodies, self._sources, self._targets = catalog, bodies, sources, targets
                self._entries = {urls.entry(item.collection, item.slug): item for item in catalog.published}
                self._start_rendering(catalog)
        self._loaded = loaded
        self.problems = sort_problems(problems)
        return self.problems

    def _with_new_versions(self, loaded: LoadResult, changed: list[Path]) -> Catalog | None:
        """The current catalog with the new versions of the changed entries, when only their bodies changed.

        None (link everything again) when a changed file has a problem, is not a
        published entry, or its fields no longer validate to the same values.
        """
        if self.catalog is None or loaded.problems:
            return None
        root = self.options.content_dir.parent
        documents = {document.path: document for document in loaded.documents}
        swaps: dict[int, Item[Entry]] = {}
        for path in changed:
            old = self.catalog.source_to_item.get(display_path(path, root))
            document = documents.get(old.source) if old is not None else None
            if old is None or document is None:
                return None
            new, problems = self.memo.item(document, ENTRY_MODELS[document.collection])
            if new is None or problems or new.meta != old.meta or new.key != old.key:
                return None
            swaps[id(old)] = new
        return replace_items(self.catalog, swaps)

    def rerender(self) -> list[Problem]:
        """Templates or static files changed: render every page again from the same content."""
        if self.catalog is not None and not self.problems:
            env = self._start_rendering(self.catalog)
            for name in env.list_templates():  # (compiled now: a template saved broken is reported at once, not "updated")
                env.get_template(name)
            return []
        return self.update()

    def _start_rendering(self, catalog: Catalog) -> Environment:
        """A new template environment (returned); forget every page rendered so far."""
        url_maker = urls.Urls(catalog.site.base_url)
        self._env = make_environment(self.options.templates_dir, catalog, url_maker, self.today, asset_versions(self.options.static_dir),
                                     self.options.repository_prefix)
        self._plan, self._planned, self._pages = None, {}, {}
        return self._env

    def _reread(self, changed: list[Path]) -> LoadResult | None:
        """The last load with only ``changed`` read again, or None when the whole folder must be read."""
        previous = self._loaded
        if previous is None or not changed:
            return None
        content = self.options.content_dir
        root = content.parent
        positions = {document.path: position for position, document in enumerate(previous.documents)}
        shown = [display_path(path, root) for path in changed]
        if any(name not in positions or path.name == SITE_FILE or path.is_symlink() or not path.is_file() for path, name in zip(changed, shown)):
            return None
        documents = list(previous.documents)
        problems = [problem for problem in previous.problems if problem.path not in shown]
        for path, name in zip(changed, shown):
            document = self.memo.read(path, root, problems)
            if document is None:
                return None  # unreadable now: let a full read report it in context
            documents[positions[name]] = document
        return replace(previous, documents=documents, problems=problems)

    def _follow_the_date(self) -> None:
        """A new day (the server ran past midnight UTC): render every page again, as a build today would."""
        today = build_date()
        if today != self.today:
            self.today = today
            if self.catalog is not None and self._env is not None:
                self._start_rendering(self.catalog)

    def page(self, relative: str) -> bytes | None:
        """The HTML of the page at ``relative`` (below the base path), or None when it is not a live page."""
        if self.catalog is None or self._env is None:
            return None
        self._follow_the_date()
        route = _route_of(relative)
        if route in FROM_DISK:
            return None
        cached = self._pages.get(route)
        if cached is not None:
            return cached
        planned = self._route(route)
        if planned is None:
            return None
        html = self._pages[route] = render_route(self._env, planned)
        return html

    def _route(self, route: str) -> Route | None:
        """An entry page straight from the catalog; any other page from the plan, followed only as far as needed."""
        item = self._entries.get(route)
        if item is not None:
            return next(entry_routes(item, self._bodies[item.key], self.catalog, self.today))
        if route in self._planned:
            return self._planned[route]
        if self._plan is None and self.catalog is not None:
            self._plan = plan_routes(self.catalog, self._bodies, self.today)
        for planned in self._plan or ():
            self._planned[planned.route] = planned
            if planned.route == route:
                return planned
        return None

    def shows_from_disk(self, relative: str) -> bool:
        """True when the page at ``relative`` is not a live page: it is the last build's file (the search page, 404s)."""
        route = _route_of(relative)
        return self.catalog is None or route in FROM_DISK or self._route(route) is None

    def is_gone(self, relative: str) -> bool:
        """True when ``relative`` is a page or cards file the content no longer has (a deleted or renamed entry).

        The output folder still holds it until the background build has run: served
        from there, a deleted entry's page stayed up, looking as it was, for as long
        as that build took.
        """
        if self.catalog is None:
            return False
        route = _route_of(relative)
        is_page_or_cards = route == "" or route.endswith("/") or urls.is_cards_data(route)
        return is_page_or_cards and route not in FROM_DISK and self._route(route) is None

    def is_page(self, relative: str) -> bool:
        """True when ``relative`` + "/" is a live page (a link without its trailing slash)."""
        if self.catalog is None:
            return False
        self._follow_the_date()
        return self._route(relative + "/") is not None
