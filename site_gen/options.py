"""What a command asks for: ``BuildOptions`` and the project's default folders.

Standard library only (with ``parallel`` and ``cache``), so that a build with
nothing to do can decide so before the pipeline's libraries are imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date
from pathlib import Path

from .cache import default_cache_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
STATIC_DIR = PROJECT_ROOT / "static"
LUNR_JS = PROJECT_ROOT / "node_modules" / "lunr" / "lunr.min.js"
KIND_TO_COLLECTION = {"partner": "partners", "project": "projects", "elective": "electives", "page": "pages"}  # `new <kind>`


@dataclass(frozen=True)
class BuildOptions:
    """What to build, from where, to where; the cache folder (None: none) and processes (None: every core)."""

    content_dir: Path
    output_dir: Path = Path("_site")
    base_url: str | None = None
    templates_dir: Path = TEMPLATES_DIR
    static_dir: Path = STATIC_DIR
    today: date | None = None
    lunr_js: Path = LUNR_JS
    use_cache: bool = True
    cache_dir: Path | None = None  # default: <content>/.cache/<output name>/
    jobs: int | None = None

    @property
    def cache_folder(self) -> Path | None:
        if not self.use_cache:
            return None
        return self.cache_dir if self.cache_dir is not None else default_cache_dir(self.content_dir, self.output_dir)

    @property
    def job_count(self) -> int:
        from .parallel import default_jobs  # (not before a build has work: it imports multiprocessing)

        return self.jobs if self.jobs is not None else default_jobs()

    @cached_property
    def repository_prefix(self) -> str:
        """``repository_prefix`` of the content folder, for edit links."""
        return repository_prefix(self.content_dir)


def repository_prefix(content_dir: Path) -> str:
    """Where the content folder's parent sits in its git repository ("" at the top or outside git).

    Sources are named from the content folder's parent ("content/pages/about.md");
    when the catalog lives deeper in a repository ("site/content/..."), the
    repository's own path of a source is this prefix followed by that name.
    """
    parent = content_dir.resolve().parent
    for folder in (parent, *parent.parents):
        if (folder / ".git").exists():
            relative = parent.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""
