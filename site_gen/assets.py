"""Static assets as published: ``static/`` in, ``("static/<name>", bytes)`` and version hashes out.

Scripts and style sheets are minified on the way out (rjsmin, rcssmin: comments and
white space only, names kept), so a visitor on a slow link downloads about half the
bytes; ``static/`` itself keeps the readable sources that tests and people read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

import rcssmin
import rjsmin

STATIC_PREFIX = "static/"
MINIFIERS: dict[str, Callable[[bytes], bytes]] = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def published_bytes(name: str, data: bytes) -> bytes:
    """The bytes a static file is published with: minified if it is a script or a style sheet."""
    minify = MINIFIERS.get(PurePosixPath(name).suffix.lower())
    return data if minify is None else minify(data)


def static_files(static_dir: Path | None) -> Iterator[tuple[str, bytes]]:
    """Yield every file below ``static_dir`` as published: ``("static/<name>", bytes)``, sorted."""
    if static_dir is None or not static_dir.is_dir():
        return
    for path in sorted(static_dir.rglob("*")):
        if path.is_file():
            name = path.relative_to(static_dir).as_posix()
            yield STATIC_PREFIX + name, published_bytes(name, path.read_bytes())


def asset_versions(static_dir: Path) -> dict[str, str]:
    """Map each static file (relative name) to a short hash of its published bytes (for ``?v=``)."""
    return {route.removeprefix(STATIC_PREFIX): hashlib.sha256(data).hexdigest()[:10] for route, data in static_files(static_dir)}
