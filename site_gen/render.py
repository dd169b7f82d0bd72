"""Render stage: the Jinja environment, and one route -> bytes.

Autoescape is on and undefined names fail loudly; content never goes through
the template loader, so template syntax in content stays text.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, Callable, Sequence

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket
from markupsafe import Markup

from . import humanize, urls
from .catalog import Catalog, countries_of
from .countries import country_name
from .facets import facet_tokens
from .jsonld import entry_jsonld, site_jsonld
from .regions import country_with_region, placement, region_of
from .related import RelatedEntries
from .routes import Route
from .slugs import distinct_topics, tag_slug
from .worldmap import highlight_view, shade_class, shade_legend


FRAGMENT_CACHE_SIZE = 20_000  # fragments kept per process (bounded: a 100,000-entry catalog must fit in memory)


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source checksum.

    Every build (and every update of ``serve``'s live site) makes a new environment;
    this spares compiling unchanged templates again.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE_CACHE = _MemoryBytecodeCache()


class _SiteEnvironment(Environment):
    """A Jinja environment whose templates see its globals as one plain dict.

    Jinja gives each template a ``ChainMap`` of its own and the environment's globals
    and copies it into a dict for every page and every include, one key at a time in
    Python: about a tenth of the template time of a 10,000-entry catalog. The
    environment's globals are all set before the first template loads (see
    ``make_environment``), so a plain copy holds the same names and values.
    """

    def make_globals(self, d: dict[str, Any] | None) -> dict[str, Any]:  # type: ignore[override]
        return {**self.globals, **(d or {})}


def json_script(value: Any) -> Markup:
    """Serialise data for a ``<script type="application/ld+json">`` block safely."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - escaped for a script element above


def json_text(value: Any) -> Markup:
    """Serialise data for a JSON file (not for an HTML page: see ``json_script``)."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":")))  # noqa: S704 - a .json file, not HTML


def make_environment(
    templates_dir: Path, catalog: Catalog, url_maker: urls.Urls, today: date, versions: dict[str, str], repository_prefix: str = "",
) -> Environment:
    """Create the Jinja environment with the site's globals and filters.

    An environment lives for one build (or one state of the preview server, which
    makes a new one when a template changes), so templates are not checked for
    changes on every page (``auto_reload``: a file system call per template per page).
    """
    env = _SiteEnvironment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(enabled_extensions=("html", "xml"), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_BYTECODE_CACHE,
        auto_reload=False,
    )

    def asset(name: str) -> str:
        version = versions.get(name)
        if version is None:
            raise KeyError(f"no static file {name!r}")
        return url_maker.href(urls.static(name)) + f"?v={version}"

    fragments: dict[tuple[Any, ...], Markup] = {}
    fragment_lists: dict[tuple[Any, ...], tuple[Markup, ...]] = {}

    def fragment(*key: Any, caller: Callable[[], str]) -> Markup:
        """``{% call fragment(key...) %}…{% endcall %}``: render the block once per key and process.

        For markup many pages repeat (an item's card); the key must
        name everything the block depends on besides the environment's globals.
        """
        html = fragments.get(key)
        if html is None:
            if len(fragments) >= FRAGMENT_CACHE_SIZE:
                fragments.clear()
            html = fragments[key] = Markup(caller())
        return html

    def fragment_each(key: tuple[Any, ...], items: Sequence[Any], caller: Callable[[Any], str]) -> Markup:
        """``{% call(item) fragment_each(key, items) %}…{% endcall %}``: the block for each item, joined.

        Like ``fragment`` keyed by ``key`` and the item's collection and slug, for a list
        of items (a listing's cards): one loop here instead of a macro call per item,
        which was most of the time a cached card cost.
        """
        parts = []
        for item in items:
            full = (*key, item.collection, item.slug)
            html = fragments.get(full)
            if html is None:
                if len(fragments) >= FRAGMENT_CACHE_SIZE:
                    fragments.clear()
                html = fragments[full] = Markup(caller(item))
            parts.append(html)
        return Markup("".join(parts))

    def fragment_list(key: tuple[Any, ...], values: Sequence[Any], current: str | None, caller: Callable[[Any, bool], str]) -> Markup:
        """``{% call(value, is_current) fragment_list(key, values, current) %}…{% endcall %}``: the block per value, joined.

        For a list every page of a collection repeats with at most one value marked
        (a facet's links, the current one marked on its own page): each value is
        rendered once per key and process, and only the value whose ``slug`` is
        ``current`` again on each page that marks it.
        """
        parts = fragment_lists.get(key)
        if parts is None:
            if len(fragment_lists) >= FRAGMENT_CACHE_SIZE:
                fragment_lists.clear()
            parts = fragment_lists[key] = tuple(Markup(caller(value, False)) for value in values)
        return Markup("".join([caller(value, True) if value.slug == current else part for value, part in zip(values, parts)]))

    env.globals.update(
        fragment=fragment,
        fragment_each=fragment_each,
        fragment_list=fragment_list,
        site=catalog.site,
        catalog=catalog,
        today=today,
        urls=urls,
        href=url_maker.href,
        absolute=url_maker.absolute,
        asset=asset,
        country_name=country_name,
        countries_of=countries_of,
        label=humanize.label,
        long_date=humanize.long_date,
        weeks=humanize.weeks,
        cost=humanize.cost,
        language=humanize.language,
        deadline_state=lambda elective: humanize.deadline_state(elective, today),
        deadline_text=lambda elective: humanize.deadline_text(elective, today),
        json_script=json_script,
        tag_slug=tag_slug,
        distinct_topics=distinct_topics,
        related=RelatedEntries(catalog),
        jsonld=lambda item: entry_jsonld(catalog, url_maker, item),
        site_jsonld=lambda: site_jsonld(catalog, url_maker),
        facet_tokens=facet_tokens,
        shade_class=shade_class,
        highlight_view=highlight_view,
        count_of=humanize.count_of,
        shade_legend=shade_legend,
        country_with_region=country_with_region,
        region_of=region_of,
        placement=placement,
        in_repository=lambda source: repository_prefix + source,  # a source's path in the repository, for edit links
    )
    env.filters.update(json_text=json_text, href=url_maker.href, absolute=url_maker.absolute, mailto=urls.mailto, web_href=urls.web_href, label=humanize.label, long_date=humanize.long_date)
    return env


def render_route(env: Environment, route: Route) -> bytes:
    """Render one route's template with its context to UTF-8 bytes."""
    template = env.get_template(route.template)
    return template.render(route=route.route, **route.context).encode("utf-8")
