"""Preview server: build, serve the site under its base path, rebuild on change, reload the browser.

The site is served exactly as built, under the base path of ``base_url`` (``/`` redirects
there). HTML responses get one external, same-origin ``<script src="/livereload.js">``
added in memory before ``</head>``: the built pages' CSP (``default-src 'self'``) allows a
same-origin script and its same-origin WebSocket, so the CSP is never relaxed and the
files on disk are never changed. While the content has problems, every HTML request
gets an error page listing them (the last good site stays on disk for everything else).
"""

from __future__ import annotations

import argparse
import asyncio
import html
import mimetypes
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import ioloop, web

from . import urls
from .cli import EXIT_OK, EXIT_USAGE
from .output import refuse_dangerous_output
from .pipeline import BuildOptions, BuildResult, build, load_catalog
from .problems import format_text

POLL_MILLISECONDS = 250
_ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>Build failed</title>
</head>
<body>
<main>
<h1>The catalog has {count} problem{plural}</h1>
<p>Fix the lines below and save: this page reloads by itself. Until then the last good build stays in {output}.</p>
<ul>
{items}
</ul>
</main>
</body>
</html>
"""
_OUTSIDE_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>'
    '<body><p>Not found. The site is served at <a href="{link}">{link}</a>.</p></body></html>'
)


@dataclass
class Preview:
    """What the server shows: the build options, the current base path and the latest problems."""

    options: BuildOptions
    port: int
    base_path: str = "/"
    problems: list[str] = field(default_factory=list)

    def live_script(self) -> bytes:
        """The tag that loads livereload.js from this server (an external script, allowed by the CSP)."""
        return f'<script src="/livereload.js?port={self.port}"></script>'.encode()


def _describe(error: Exception) -> str:
    """A ``path:line: message`` line for an exception raised while building (e.g. a template error)."""
    filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
    if filename and Path(filename).resolve().is_relative_to(Path.cwd()):
        filename = Path(filename).resolve().relative_to(Path.cwd()).as_posix()
    where = f"{filename}:{line or 1}: " if filename else ""
    return f"{where}{type(error).__name__}: {error}"


def served_base_path(result: BuildResult, options: BuildOptions) -> str | None:
    """The base path of the site just built, or None when site.yaml is broken.

    A build that found nothing to do may come back without a catalog; then load it.
    """
    catalog = result.catalog
    if catalog is None and result.ok:
        catalog = load_catalog(options.content_dir, options.base_url).catalog
    return urls.Urls(catalog.site.base_url).base_path if catalog is not None else None


def rebuild(preview: Preview) -> None:
    """Build once; record problems instead of raising, so the server outlives any mistake."""
    started = time.monotonic()
    try:
        result = build(preview.options)
    except Exception as error:  # noqa: BLE001 — a broken template must not stop the preview
        traceback.print_exc()
        preview.problems = [_describe(error)]
        print(preview.problems[0], flush=True)
        return
    preview.base_path = served_base_path(result, preview.options) or preview.base_path
    preview.problems = [str(problem) for problem in result.problems]
    if result.ok:
        print(f"built {result.files_written} files in {time.monotonic() - started:.2f}s", flush=True)
    else:
        print(format_text(result.problems), end="", flush=True)


def _is_watched(path: Path, folder: Path, output: Path) -> bool:
    """Skip hidden files and folders (build staging too), editor backups, and the output itself."""
    hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
    return not hidden and not path.name.endswith(("~", ".swp")) and not path.resolve().is_relative_to(output)


def watched_state(folders: list[Path], output: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file."""
    state: dict[str, tuple[int, int]] = {}
    resolved_output = output.resolve()
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if not _is_watched(path, folder, resolved_output):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


def reload_browsers() -> None:
    """Tell every connected livereload client to reload the page."""
    for client in list(LiveReloadHandler.waiters):
        client.send_message({"command": "reload", "path": "*", "liveCSS": False, "liveImg": False})


def error_page(preview: Preview) -> bytes:
    """The page shown for every HTML request while the content has problems (all text escaped)."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in preview.problems)
    count = len(preview.problems)
    text = _ERROR_PAGE.format(count=count, plural="" if count == 1 else "s", output=html.escape(str(preview.options.output_dir)), items=items)
    return text.encode("utf-8")


def is_html_request(relative: str) -> bool:
    """A page rather than an asset: a folder URL, an .html file or a name without a suffix."""
    last = relative.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


class SiteHandler(web.RequestHandler):
    """Serve the built site under the base path, or the error page while the build is broken."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def get(self, _: str) -> None:
        path, base = unquote(self.request.path), self.preview.base_path
        self.set_header("Cache-Control", "no-store")
        if not path.startswith(base):
            self._outside(path, base)
        elif self.preview.problems and is_html_request(path[len(base):]):
            self._send(500, error_page(self.preview), "text/html; charset=utf-8")
        else:
            self._file(path, path[len(base):])

    def head(self, path: str) -> None:
        self.get(path)

    def _outside(self, path: str, base: str) -> None:
        """Redirect ``/`` (and the base path without its slash) to the site; 404 elsewhere."""
        if path in ("/", base.rstrip("/")):
            self.redirect(base)
            return
        link = html.escape(base)
        self._send(404, _OUTSIDE_PAGE.format(link=link).encode(), "text/html; charset=utf-8")

    def _file(self, path: str, relative: str) -> None:
        root = self.preview.options.output_dir.resolve()
        target = (root / relative).resolve()
        if target.is_dir() and target.is_relative_to(root) and not path.endswith("/"):
            self.redirect(path + "/")
            return
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(root) or not target.is_file():
            self._not_found(root)
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self._send(200, target.read_bytes(), kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")) else ""))

    def _not_found(self, root: Path) -> None:
        page = root / urls.NOT_FOUND
        body = page.read_bytes() if page.is_file() else b"<!DOCTYPE html><title>Not found</title><p>Not found.</p>"
        self._send(404, body, "text/html; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        """Send a response; HTML gets the livereload script (in memory only) before ``</head>``."""
        if content_type.startswith("text/html"):
            body = body.replace(b"</head>", self.preview.live_script() + b"</head>", 1)
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        self.finish(body)


def make_app(preview: Preview) -> web.Application:
    """The tornado application: livereload's socket and script, then the site."""
    return web.Application([
        (r"/livereload", LiveReloadHandler),
        (r"/livereload\.js", LiveReloadJSHandler),
        (r"(.*)", SiteHandler, {"preview": preview}),
    ], log_function=lambda handler: None)  # the terminal is for build results, not requests


def watched_folders(options: BuildOptions) -> list[Path]:
    """content/ (with site.yaml), templates/ and static/."""
    return [options.content_dir, options.templates_dir, options.static_dir]


async def _serve_forever(preview: Preview, host: str) -> None:
    make_app(preview).listen(preview.port, address=host)
    print(f"serving at http://{host}:{preview.port}{preview.base_path} (Ctrl+C to stop)", flush=True)
    folders = watched_folders(preview.options)
    output = preview.options.output_dir
    last = watched_state(folders, output)

    def poll() -> None:
        nonlocal last
        current = watched_state(folders, output)
        if current != last:
            last = current
            rebuild(preview)
            reload_browsers()

    ioloop.PeriodicCallback(poll, POLL_MILLISECONDS).start()
    await asyncio.Event().wait()


def serve(args: argparse.Namespace) -> int:
    """Build, then serve and rebuild until interrupted; returns the exit code."""
    options = BuildOptions(args.content, args.output, args.base_url)
    refuse_dangerous_output(options.output_dir, options.content_dir)
    preview = Preview(options, args.port)
    rebuild(preview)
    try:
        asyncio.run(_serve_forever(preview, args.host))
    except KeyboardInterrupt:
        print("stopped", flush=True)
    except OSError as error:
        print(f"error: cannot serve on {args.host}:{args.port}: {error.strerror or error}", flush=True)
        return EXIT_USAGE
    return EXIT_OK
