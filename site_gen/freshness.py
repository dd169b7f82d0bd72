"""Is there anything to build? The fingerprint of every input, compared with the last build's.

Standard library only (with ``cache``, ``clock`` and ``output``): ``build.py``
answers an unchanged build from here, without importing the pipeline.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from .cache import BuildCache, hash_tree
from .clock import build_date
from .options import BuildOptions
from .output import recover_output, refuse_dangerous_output


@dataclass(frozen=True)
class Freshness:
    """The cache, the build date and the inputs' fingerprint; ``unchanged`` when the output is current."""

    cache: BuildCache
    today: date
    fingerprint: str
    unchanged: bool


def inputs_fingerprint(options: BuildOptions, today: date, code: str) -> str:
    """Hash of everything a build reads: content, templates, static files, generator code, options, date."""
    digest = hashlib.sha256(f"{options.base_url}\0{today.isoformat()}\0{options.content_dir.name}\0{options.repository_prefix}".encode())
    digest.update(code.encode())
    hash_tree(options.content_dir, digest, "content", skip_hidden=True, layout=True)  # (an empty folder or a link is a problem too)
    hash_tree(options.templates_dir, digest, "templates")
    hash_tree(options.static_dir, digest, "static")
    return digest.hexdigest()


def check_freshness(options: BuildOptions, cache: BuildCache | None = None) -> Freshness:
    """Refuse a dangerous output folder, finish an interrupted build's swap, and compare fingerprints."""
    refuse_dangerous_output(options.output_dir, options.content_dir)
    recover_output(options.output_dir)
    today = options.today or build_date()
    cache = cache if cache is not None else BuildCache.open(options.cache_folder)
    fingerprint = inputs_fingerprint(options, today, cache.code)
    return Freshness(cache, today, fingerprint, cache.is_unchanged(fingerprint, options.output_dir))
