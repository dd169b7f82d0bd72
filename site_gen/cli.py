"""Command line: build | check | serve | new, with exit codes 0 ok, 1 content errors, 2 usage errors, 130 interrupted.

The pipeline and its libraries are imported only when there is work: a build
whose inputs did not change answers in the time it takes to hash them.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Sequence

from .clock import ClockError
from .errors import ScaffoldError, SearchAssetError, describe_error
from .freshness import check_freshness
from .node_data import MissingDataError
from .options import KIND_TO_COLLECTION, BuildOptions, repository_prefix
from .output import OutputError
from .problems import format_github, format_text
from .usage import QuietParser, UsageError, command_parser, explain

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 128 + signal.SIGINT  # what shells report for a command ended by Ctrl+C
COMMANDS = ("build", "check", "serve", "new")


def _base_url(value: str) -> str:
    from .fieldtypes import normal_base_url

    try:
        return normal_base_url(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _content_folder(value: str) -> Path:
    """The content folder as given, or as an absolute path when it has no name of its own ('.', '..', 'x/..').

    Problems name files from the folder's parent ("content/electives/x.md"): for '.' that parent was
    '.' itself, so a problem read "electives/x.md" and a missing partner "/partners/y.md".
    """
    folder = Path(value)
    return folder if folder.name not in ("", "..") else Path(os.path.abspath(folder))


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of at least 1")
    return int(value)


def _add_content_options(parser: argparse.ArgumentParser, output: bool = True) -> None:
    parser.add_argument("--content", type=_content_folder, default=Path("content"), help="catalog folder (default: content)")
    if output:
        parser.add_argument("--output", type=Path, default=Path("_site"), help="output folder (default: _site)")
    parser.add_argument("--base-url", type=_base_url, default=None, help="override site.yaml's base_url")


def make_parser() -> argparse.ArgumentParser:
    """Build the argument parser for every command."""
    parser = QuietParser(prog="build.py", description="Build the international medicine programs catalog.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build_parser = commands.add_parser("build", help="build content/ into _site/ (the default)")
    _add_content_options(build_parser)
    build_parser.add_argument("--no-cache", action="store_true", help="ignore and do not write the build cache (<content>/.cache/)")
    build_parser.add_argument("--jobs", type=_positive, default=None, help="processes to render with (default: every core)")
    check_parser = commands.add_parser("check", help="validate the content only")
    _add_content_options(check_parser, output=False)
    check_parser.add_argument("--format", choices=("text", "github"), default="text", help="problem format")
    serve_parser = commands.add_parser("serve", help="build, serve on localhost and rebuild on change")
    _add_content_options(serve_parser)
    serve_parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    new_parser = commands.add_parser("new", help="write a new entry from a template")
    new_parser.add_argument("kind", choices=tuple(KIND_TO_COLLECTION), help="kind of entry")
    new_parser.add_argument("slug", help="file name without .md, e.g. nanjing-surgery")
    new_parser.add_argument("--content", type=_content_folder, default=Path("content"), help="catalog folder (default: content)")
    return parser


def _report(problems: list, output_format: str = "text", content_dir: Path | None = None) -> int:
    if output_format == "github":
        sys.stdout.write(format_github(problems, repository_prefix(content_dir) if content_dir is not None else ""))
    else:
        sys.stdout.write(format_text(problems))
    return EXIT_PROBLEMS


def run(args: argparse.Namespace) -> int:
    """Run a parsed command and return its exit code."""
    if args.command == "new":
        from .scaffold import create_entry

        path = create_entry(args.content, args.kind, args.slug)
        print(f"created {path} — fill in the fields, then run: python build.py check")
        return EXIT_OK
    if not (args.content / "site.yaml").is_file() and not args.content.is_dir():
        raise ScaffoldError(f"no content folder at {args.content}")
    if args.command == "check":
        from .humanize import count_of
        from .pipeline import check

        result = check(args.content, args.base_url)
        if not result.ok:
            return _report(result.problems, args.format, args.content)
        published, drafts = (len(result.catalog.published), len(result.catalog.drafts)) if result.catalog else (0, 0)
        print(f"ok: {count_of(published, 'published entry', 'published entries')}, {count_of(drafts, 'draft')}, no problems")
        return EXIT_OK
    if args.command == "serve":
        from .serve import serve

        return serve(args)
    options = BuildOptions(args.content, args.output, args.base_url, use_cache=not args.no_cache, jobs=args.jobs)
    fresh = check_freshness(options)
    if fresh.unchanged:
        print(f"built {len(fresh.cache.stamps)} files into {args.output} (nothing changed)")
        return EXIT_OK
    from jinja2 import TemplateError

    from .pipeline import build

    try:
        result = build(options, fresh=fresh)
    except TemplateError as error:  # a mistake in templates/: the output is left as it was
        print(describe_error(error), file=sys.stderr)
        return EXIT_PROBLEMS
    if not result.ok:
        return _report(result.problems)
    print(f"built {result.files_written} files into {args.output}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python build.py`` and the ``catalog-gen`` script."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "build")
    parser = make_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:  # (--help)
        return int(exit_.code or 0)
    except UsageError as error:
        print(explain(error, arguments[0], command_parser(parser, arguments[0]), arguments[1:]), file=sys.stderr)
        return EXIT_USAGE
    try:
        return run(args)
    except KeyboardInterrupt:
        kept = args.command == "build" and Path(args.output).is_dir()  # (a first build leaves nothing)
        output = f" ({args.output} holds the last complete build)" if kept else ""
        print(f"interrupted{output}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (OutputError, ScaffoldError, ClockError, MissingDataError, SearchAssetError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"error: cannot write the site: {error.strerror or error} ({error.filename or getattr(args, 'output', args.content)})", file=sys.stderr)
        return EXIT_PROBLEMS
