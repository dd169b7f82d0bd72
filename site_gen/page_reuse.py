"""Write stage helper: when only entry bodies changed, take the other pages from the last build.

A page's bytes depend on the catalog's fields (every item's metadata, in
order), the site settings, templates, static files, the date and the base URL;
an entry's own page also depends on its body. ``pages_key`` hashes everything
but the bodies. When it equals the last build's, a page whose body did not
change (its source has the same memo key) is the last build's file, provided
that file is untouched since (same size and modification time as recorded):
it is linked into the new site instead of being rendered again.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from . import urls
from .cache import FileStamp, hash_tree
from .catalog import Catalog
from .options import BuildOptions
from .routes import Route


def pages_key(catalog: Catalog, options: BuildOptions, today: date, code: str) -> str:
    """Hash of everything every page is made of, except entry bodies."""
    digest = hashlib.sha256(f"{code}\0{today.isoformat()}\0{catalog.site!r}\0{options.repository_prefix}\0".encode())
    hash_tree(options.templates_dir, digest, "templates")
    hash_tree(options.static_dir, digest, "static")
    for item in catalog.published:
        digest.update(f"{item.source}\0{item.collection}\0{item.slug}\0{item.meta!r}\0".encode())
    return digest.hexdigest()


def _body_source(route: Route) -> str | None:
    """The source whose body the page shows, if any (an entry's own page)."""
    item = route.context.get("item")
    return item.source if item is not None and "body" in route.context else None


def reusable_pages(
    routes: Iterable[Route], output: Path, record: dict[str, Any], key: str, source_keys: dict[str, str],
    stamps: dict[str, FileStamp],
) -> dict[str, Path]:
    """Output file -> the last build's identical file, for each page that need not be rendered again."""
    if not stamps or record.get("key") != key or not isinstance(record.get("bodies"), dict):
        return {}
    bodies: dict[str, str] = record["bodies"]
    reusable = {}
    for route in routes:
        source = _body_source(route)
        if source is not None and (source_keys.get(source) is None or bodies.get(route.route) != source_keys[source]):
            continue
        relative = urls.output_file(route.route)
        stamp = stamps.get(relative)
        try:
            status = os.stat(output / relative)
        except OSError:
            continue
        if stamp is not None and (status.st_size, status.st_mtime_ns) == (stamp.size, stamp.mtime_ns):
            reusable[relative] = output / relative
    return reusable


def pages_record(routes: Iterable[Route], key: str, source_keys: dict[str, str]) -> dict[str, Any]:
    """What ``reusable_pages`` needs next time: the key, and the source key of each entry page's body."""
    bodies = {}
    for route in routes:
        source = _body_source(route)
        if source is not None and source in source_keys:
            bodies[route.route] = source_keys[source]
    return {"key": key, "bodies": bodies}
