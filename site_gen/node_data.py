"""Data files of the npm packages the build reads (world-atlas, cldr-core).

They are installed by ``npm ci`` into ``node_modules``; when one is missing the
build stops with one message that says how to install it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"


class MissingDataError(RuntimeError):
    """A data file of an npm package is not installed."""


@lru_cache(maxsize=None)
def _parse(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_package_json(package: str, relative: str) -> Any:
    """Parse ``node_modules/<package>/<relative>``; fail clearly when it is missing."""
    path = NODE_MODULES / package / relative
    if not path.is_file():
        raise MissingDataError(
            f"{path} is missing: the build reads map and region data from the npm package '{package}' — "
            "run `npm ci` (or `make setup`) in the project folder"
        )
    return _parse(path)
