"""Where a build's time goes: run one cold build under cProfile and sum it by stage.

``python benchmarks/profile_build.py --content DIR`` builds in this process
(one process, no cache, so every stage shows) and prints a Markdown table of
parse, validate, link, Markdown, templates, search index, exports and write.
Run it with ``PYTHONPATH`` pointing at another checkout to profile that code.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import pstats
import tempfile
import time
from pathlib import Path

# stage -> (module file name, function name); "*" sums every top-level function of that module
STAGES: dict[str, list[tuple[str, str]]] = {
    "parse (read, front matter, YAML)": [("source.py", "load_catalog_sources")],
    "validate (pydantic)": [("validate.py", "validate_document")],
    "link (references, indexes)": [("link.py", "link_catalog")],
    "Markdown + sanitise": [("markup.py", "render")],
    "templates (Jinja)": [("render.py", "render_route")],
    "search index": [("search.py", "*")],
    "exports, feeds, sitemap": [("exports.py", "catalog_json"), ("exports.py", "catalog_csv"), ("feeds.py", "feed_xml"), ("feeds.py", "sitemap_files")],
}


def cumulative(stats: pstats.Stats, file_name: str, function: str) -> float:
    """Cumulative seconds of a function (for "*": the largest of the module's functions)."""
    times = [
        values[3] for (path, _, name), values in stats.stats.items()  # type: ignore[attr-defined]
        if path.endswith("/" + file_name) and (function == "*" or name == function)
    ]
    return max(times, default=0.0) if function == "*" else sum(times)


def profile(content: Path) -> tuple[float, dict[str, float]]:
    """Build ``content`` once under cProfile; return (wall seconds, seconds per stage)."""
    from site_gen import pipeline

    fields = {field.name for field in dataclasses.fields(pipeline.BuildOptions)}
    wanted = {"jobs": 1, "use_cache": False}
    with tempfile.TemporaryDirectory() as scratch:
        options = pipeline.BuildOptions(content, Path(scratch) / "_site", **{k: v for k, v in wanted.items() if k in fields})
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(pipeline.build, options)
        wall = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    stages = {stage: sum(cumulative(stats, *where) for where in spots) for stage, spots in STAGES.items()}
    write_total = cumulative(stats, "output.py", "write_site")
    produced = cumulative(stats, "pipeline.py", "site_files")
    stages["write (files, swap)"] = max(0.0, write_total - produced)
    stages["other"] = max(0.0, wall - sum(stages.values()))
    return wall, stages


def table(wall: float, stages: dict[str, float]) -> str:
    """The stages as a Markdown table with shares of the total."""
    rows = [f"| {stage} | {seconds:.2f} s | {100 * seconds / wall:.0f}% |" for stage, seconds in stages.items()]
    return "\n".join(["| stage | seconds (profiled) | share |", "|---|---:|---:|", *rows, f"| **total** | {wall:.2f} s | 100% |"]) + "\n"


def main() -> None:
    """Command line: ``--content DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, required=True, help="catalog folder to build")
    args = parser.parse_args()
    print(table(*profile(args.content)))


if __name__ == "__main__":
    main()
