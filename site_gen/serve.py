"""Preview server: build, serve the site under its base path, update on change, reload the browser.

Pages come from a ``LiveSite`` in memory: when a file changes (inotify through
watchdog, or polling where that is unavailable), only what changed is read and
rendered again, every browser reloads at once, and the requested page renders on
demand; then, a moment later, a full build refreshes the output folder in a
background process (static files, search files, feeds and exports are served
from there). HTML responses get one external, same-origin
``<script src="/livereload.js">`` added in memory before ``</head>``: the built
pages' CSP (``default-src 'self'``) allows a same-origin script and its
same-origin WebSocket, so the CSP is never relaxed and the files on disk are
never changed. While the content has problems, every HTML request gets an error
page listing them (the last good site stays on disk for everything else).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import html
import json
import mimetypes
import multiprocessing
import os
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from jinja2 import TemplateSyntaxError
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import httpserver, ioloop, netutil, web, websocket

from . import parallel, urls
from .cache import BuildCache
from .cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .errors import describe_error
from .live import LiveSite
from .output import recover_output, refuse_dangerous_output
from .pipeline import BuildOptions, BuildResult, build, load_catalog
from .problems import format_text
from .source import is_editor_leftover

POLL_MILLISECONDS = 250  # without inotify
SETTLE_SECONDS = 0.01  # an editor's save is several events: take them together
PROBLEM_GRACE_SECONDS = 0.5  # problems are shown once no further save comes this long after (a save may be seen half-written)
BACKGROUND_NICENESS = 10
DISK_BUILD_DELAY_SECONDS = 1.0
PAUSE_SECONDS = 0.5  # a running background build holds still this long after an edit: the reload gets both cores  # let the reloaded page render before the full build takes the cores
_ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'">
<title>Build failed</title>
<link rel="stylesheet" href="{base}static/style.css">
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
    cache: BuildCache | None = None
    live: LiveSite | None = None
    generation: int = 0  # changes seen so far
    report: str = ""  # the problems of the latest update, as printed
    served: dict[str, int] = field(default_factory=dict)  # the generation each page address was last served at

    def live_script(self) -> bytes:
        """The tag that loads livereload.js from this server (an external script, allowed by the CSP)."""
        return f'<script src="/livereload.js?port={self.port}"></script>'.encode()


def served_base_path(result: BuildResult, options: BuildOptions) -> str | None:
    """The base path of the site just built, or None when site.yaml is broken.

    A build that found nothing to do may come back without a catalog; then load it.
    """
    catalog = result.catalog
    if catalog is None and result.ok:
        catalog = load_catalog(options.content_dir, options.base_url).catalog
    return urls.Urls(catalog.site.base_url).base_path if catalog is not None else None


def _report_failure(preview: Preview, error: Exception) -> None:
    """Record and print one line for the error; a traceback only when that line may not say where it is.

    A template's syntax error is its file, line and message: the traceback above it
    (twenty lines of jinja2 and the server) buried that line in the terminal.
    """
    if not isinstance(error, TemplateSyntaxError):
        traceback.print_exc()
    preview.problems = [describe_error(error)]
    print(preview.problems[0], flush=True)


def rebuild(preview: Preview) -> None:
    """Build once to disk; record problems instead of raising, so the server outlives any mistake."""
    started = time.monotonic()
    try:
        result = build(preview.options, preview.cache)
    except Exception as error:  # noqa: BLE001 — a broken template must not stop the preview
        _report_failure(preview, error)
        return
    preview.base_path = served_base_path(result, preview.options) or preview.base_path
    preview.problems = [str(problem) for problem in result.problems]
    if result.ok:
        print(f"built {result.files_written} files in {time.monotonic() - started:.2f}s", flush=True)
    else:
        print(format_text(result.problems), end="", flush=True)


def start_live(preview: Preview) -> None:
    """Load the live site, reusing what the first build read (its memo stays in memory)."""
    try:
        if preview.cache is not None:
            preview.cache.load_memo()
        preview.live = LiveSite.open(preview.options, preview.cache)
    except Exception as error:  # noqa: BLE001
        _report_failure(preview, error)


def update_live(preview: Preview, changed: set[Path]) -> bool:
    """Bring the live site up to date with ``changed`` files; True when its content is free of problems.

    Problems are kept in ``preview.report`` for the caller to print (or not, when the file changes again at once).
    """
    preview.generation += 1
    preview.report = ""
    live = preview.live
    if live is None:
        start_live(preview)
        return preview.live is not None and not preview.problems
    started = time.monotonic()
    content = preview.options.content_dir.resolve()
    # (the folder resolved, not the file: a file made a link to one outside the content folder is a content change)
    edited = [path for path in changed if (path.parent.resolve() / path.name).is_relative_to(content)]
    try:
        problems = live.update(edited) if edited else live.rerender()
    except Exception as error:  # noqa: BLE001 — e.g. a template that no longer compiles
        _report_failure(preview, error)
        return False
    preview.base_path = live.base_path or preview.base_path
    preview.problems = [str(problem) for problem in problems]
    if problems:
        preview.report = format_text(problems)
    else:
        print(f"updated in {1000 * (time.monotonic() - started):.0f} ms", flush=True)
    return not problems


def _is_watched(path: Path, folder: Path, output: Path) -> bool:
    """Skip hidden files and folders (build staging too), editor backups and auto-saves, and the output itself."""
    hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
    return not hidden and not is_editor_leftover(path.name) and not path.resolve().is_relative_to(output)


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


class PageReloadHandler(LiveReloadHandler):
    """livereload's socket, remembering the page each browser shows (the address its "info" message gives).

    A reload sent while a browser is loading a page reaches no one (the old page's
    socket is closed, the new one's not open yet): after quick saves, a tab stayed on
    the version of a save or two before. So a browser whose page was served before
    the latest change is told to reload as soon as it connects.
    """

    page_url: str | None = None
    preview: Preview | None = None

    def initialize(self, preview: Preview | None = None) -> None:
        self.preview = preview

    def on_message(self, message: str | bytes) -> None:
        super().on_message(message)
        try:
            decoded = json.loads(message)
        except ValueError:
            return
        if isinstance(decoded, dict) and decoded.get("command") == "info" and isinstance(decoded.get("url"), str):
            self.page_url = decoded["url"]
            preview = self.preview
            if preview is not None and preview.served.get(urlsplit(self.page_url).path, preview.generation) < preview.generation:
                send_reload(self)


RELOAD = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}


def send_reload(client: Any) -> None:
    """Tell one livereload client to reload; a browser that has just left its page is no error.

    Its socket may close while the message is on its way: the failed write used to
    print "Task exception was never retrieved" and a traceback in the terminal.
    """
    try:
        sent = client.write_message(json.dumps(RELOAD))
    except websocket.WebSocketClosedError:
        return
    sent.add_done_callback(lambda done: done.cancelled() or done.exception())


def reload_browsers(which: Callable[[str | None], bool] = lambda url: True) -> None:
    """Tell every connected livereload client (whose page address ``which`` accepts) to reload the page."""
    for client in list(LiveReloadHandler.waiters):
        if which(getattr(client, "page_url", None)):
            send_reload(client)


def shows_last_build(preview: Preview, url: str | None) -> bool:
    """Whether a browser's page comes from the output folder (the search page, a 404): the background build changes it."""
    if url is None or preview.live is None:
        return True
    path = unquote(urlsplit(url).path)
    base = unquote(preview.base_path)
    return not path.startswith(base) or not is_html_request(path[len(base):]) or preview.live.shows_from_disk(path[len(base):])


def error_page(preview: Preview) -> bytes:
    """The page shown for every HTML request while the content has problems (all text escaped)."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in preview.problems)
    count = len(preview.problems)
    text = _ERROR_PAGE.format(count=count, plural="" if count == 1 else "s", output=html.escape(str(preview.options.output_dir)), items=items,
                              base=html.escape(preview.base_path))  # (the last good build's stylesheet, if there is one)
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
        path, base = unquote(self.request.path), unquote(self.preview.base_path)  # (a base path may be %-escaped)
        self.set_header("Cache-Control", "no-store")
        if not path.startswith(base):
            self._outside(path, base)
        elif self.preview.problems and is_html_request(path[len(base):]):
            self._send(500, error_page(self.preview), "text/html; charset=utf-8")
        elif not self._live_page(path, path[len(base):]):
            self._file(path, path[len(base):])

    def _live_page(self, path: str, relative: str) -> bool:
        """Answer with a page of the live site if ``relative`` is one; False to fall back to the files on disk."""
        live = self.preview.live
        data = urls.is_cards_data(relative)  # a long listing's cards are rendered like its pages (other data files come from disk)
        if live is None or not (is_html_request(relative) or data):
            return False
        try:
            page = live.page(relative)
            if page is None and not relative.endswith("/") and live.is_page(relative):
                self.redirect(path + "/")
                return True
            gone = page is None and live.is_gone(relative)
        except Exception as error:  # noqa: BLE001 — a template error shows as the error page
            _report_failure(self.preview, error)
            self._send(500, error_page(self.preview), "text/html; charset=utf-8")
            return True
        if gone:
            self._not_found(self.preview.options.output_dir.resolve())
            return True
        if page is None:
            return False
        self._send(200, page, "application/json; charset=utf-8" if data else "text/html; charset=utf-8")
        return True

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
            self.preview.served[self.request.path] = self.preview.generation
            body = body.replace(b"</head>", self.preview.live_script() + b"</head>", 1)
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        self.finish(body)


def make_app(preview: Preview) -> web.Application:
    """The tornado application: livereload's socket and script, then the site."""
    return web.Application([
        (r"/livereload", PageReloadHandler, {"preview": preview}),
        (r"/livereload\.js", LiveReloadJSHandler),
        (r"(.*)", SiteHandler, {"preview": preview}),
    ], log_function=lambda handler: None)  # the terminal is for build results, not requests


def watched_folders(options: BuildOptions) -> list[Path]:
    """content/ (with site.yaml), templates/ and static/."""
    return [options.content_dir, options.templates_dir, options.static_dir]


def _disk_build(options: BuildOptions, cache: BuildCache | None, sender: Any) -> None:
    """Child process: a full build into the output folder; send back (files written, problems)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # stop at once when the server ends this build
    parallel.die_with_parent(os.getppid())  # even a paused build must not outlive a killed server
    os.setpgrp()  # a group of its own, with its workers: the server pauses and ends them together
    os.nice(BACKGROUND_NICENESS)  # the server answering the browser comes first
    try:
        result = build(options, cache)
        sender.send((result.files_written, [str(problem) for problem in result.problems]))
    except Exception as error:  # noqa: BLE001
        sender.send((0, [describe_error(error)]))


class DiskBuilds:
    """Full builds into the output folder in a forked process, one at a time, after changes settle."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.timer: object | None = None
        self.resume_timer: object | None = None
        self.running: multiprocessing.Process | None = None
        self.again = False
        self.static_changed = False  # a static file changed since the last build finished: every page's CSS or JS may be stale

    def _signal(self, number: int) -> None:
        """Send a signal to the running build and its workers (its own process group)."""
        if self.running is not None and self.running.pid is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.running.pid, number)

    def pause(self) -> None:
        """Hold the running build while the server answers an edit (both cores for the preview), then resume it."""
        if self.running is None:
            return
        loop = ioloop.IOLoop.current()
        if self.resume_timer is None:
            self._signal(signal.SIGSTOP)
        else:
            loop.remove_timeout(self.resume_timer)
        self.resume_timer = loop.call_later(PAUSE_SECONDS, self._resume)

    def _resume(self) -> None:
        self.resume_timer = None
        self._signal(signal.SIGCONT)

    def schedule(self) -> None:
        """Build a moment from now (a later change moves the moment); after the running build, if any."""
        loop = ioloop.IOLoop.current()
        if self.timer is not None:
            loop.remove_timeout(self.timer)
        self.timer = loop.call_later(DISK_BUILD_DELAY_SECONDS, self._start)

    def _start(self) -> None:
        self.timer = None
        if self.running is not None:
            self.again = True
            return
        if self.preview.problems:
            return
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        # Not a daemon: the build renders in a pool of its own processes (stop() ends it with the server).
        self.running = context.Process(target=_disk_build, args=(self.preview.options, self.preview.cache, sender))
        started = time.monotonic()
        self.running.start()
        sender.close()
        ioloop.IOLoop.current().add_handler(self.running.sentinel, lambda fd, events: self._done(receiver, started), ioloop.IOLoop.READ)

    def stop(self) -> None:
        """End a running build (the server is stopping); the output folder keeps its last complete state."""
        if self.resume_timer is not None:
            ioloop.IOLoop.current().remove_timeout(self.resume_timer)
            self.resume_timer = None
        if self.running is not None:
            ioloop.IOLoop.current().remove_handler(self.running.sentinel)
            self._signal(signal.SIGTERM)
            self._signal(signal.SIGCONT)  # a paused build must run to act on SIGTERM
            self.running.join()
            self.running = None
            recover_output(self.preview.options.output_dir)  # the ended build's staging folder

    def _done(self, receiver: Any, started: float) -> None:
        assert self.running is not None
        loop = ioloop.IOLoop.current()
        loop.remove_handler(self.running.sentinel)
        if self.resume_timer is not None:
            loop.remove_timeout(self.resume_timer)
            self.resume_timer = None
        self.running.join()
        try:
            written, problems = receiver.recv()
        except EOFError:
            written, problems = 0, ["the background build stopped unexpectedly"]
        finally:
            receiver.close()
        self.running = None
        if problems:
            # Every line, as a build prints them; and the browsers show them too, unless a newer change is due
            # (the preview checks each change itself: this is what it did not see, e.g. a file changed meanwhile).
            print("background build:", *problems, sep="\n", flush=True)
            if not self.again:
                self.preview.problems = problems
                reload_browsers()
        else:
            print(f"wrote {written} files to {self.preview.options.output_dir} in {time.monotonic() - started:.2f}s", flush=True)
            if not self.again:  # (else the next build, already due, brings the newer files)
                # The browsers reloaded at the edit; pages and files from the output folder have only now changed.
                static_changed, self.static_changed = self.static_changed, False
                reload_browsers(lambda url: static_changed or shows_last_build(self.preview, url))
        if self.again:
            self.again = False
            self._start()


def _watch_with_inotify(folders: list[Path], output: Path, notify: Callable[[set[Path]], None]) -> object | None:
    """Watch folders with watchdog (inotify on Linux); None when that is not possible here."""
    try:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer
    except ImportError:
        return None
    loop = ioloop.IOLoop.current()
    resolved_output = output.resolve()

    class Events(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
                return  # a folder is "modified" when its files are: they have events of their own
            paths = {Path(str(name)) for name in (event.src_path, getattr(event, "dest_path", "")) if name}
            watched = {path for path in paths for folder in folders if _is_under(path, folder) and _is_watched(path, folder, resolved_output)}
            if watched:
                loop.add_callback(notify, watched)

    observer = Observer()
    try:
        for folder in folders:
            if folder.is_dir():
                observer.schedule(Events(), str(folder), recursive=True)
        observer.daemon = True
        observer.start()
    except OSError:
        return None
    return observer


def _is_under(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder) or path.resolve().is_relative_to(folder.resolve())


async def _serve_forever(preview: Preview, host: str, sockets: list[Any]) -> None:
    httpserver.HTTPServer(make_app(preview)).add_sockets(sockets)
    print(f"serving at http://{host}:{preview.port}{preview.base_path} (Ctrl+C to stop)", flush=True)
    folders = watched_folders(preview.options)
    output = preview.options.output_dir
    disk = DiskBuilds(preview)
    pending: set[Path] = set()
    loop = ioloop.IOLoop.current()
    held: object | None = None  # the problems of the latest update, until shown

    def settle() -> None:
        nonlocal held
        changed = set(pending)
        pending.clear()
        if update_live(preview, changed):
            disk.static_changed |= any(_is_under(path, preview.options.static_dir) for path in changed)
            disk.schedule()
            reload_browsers()
        else:  # An editor writing in place is seen first with an empty or half-written file: wait for the rest.
            held = loop.call_later(PROBLEM_GRACE_SECONDS, show_problems)

    def show_problems() -> None:
        nonlocal held
        held = None
        print(preview.report, end="", flush=True)
        reload_browsers()

    def notify(paths: set[Path]) -> None:
        nonlocal held
        if held is not None:
            loop.remove_timeout(held)
            held = None
        if not pending:
            disk.pause()
            loop.call_later(SETTLE_SECONDS, settle)
        pending.update(paths)

    if _watch_with_inotify(folders, output, notify) is None:
        last = watched_state(folders, output)

        def poll() -> None:
            nonlocal last
            current = watched_state(folders, output)
            if current != last:
                notify({Path(name) for name in set(current) ^ set(last) | {name for name in current if current[name] != last.get(name)}})
                last = current

        ioloop.PeriodicCallback(poll, POLL_MILLISECONDS).start()
    stopping = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)  # stop as Ctrl+C does
    try:
        await stopping.wait()
    finally:
        disk.stop()


def serve(args: argparse.Namespace) -> int:
    """Build, then serve and rebuild until interrupted; returns the exit code."""
    options = BuildOptions(args.content, args.output, args.base_url)
    refuse_dangerous_output(options.output_dir, options.content_dir)
    try:
        sockets = netutil.bind_sockets(args.port, address=args.host)  # before the build: a busy port fails at once
    except OSError as error:
        print(f"error: cannot serve on {args.host}:{args.port}: {error.strerror or error}", flush=True)
        return EXIT_USAGE
    preview = Preview(options, args.port, cache=BuildCache.open(options.cache_folder))
    try:
        rebuild(preview)  # (a build interrupted by Ctrl+C leaves the last good site as it was)
        start_live(preview)
        gc.freeze()  # the catalog lives as long as the server: keep it out of every garbage collection
        asyncio.run(_serve_forever(preview, args.host, sockets))
        print("stopped", flush=True)
    except KeyboardInterrupt:  # (exit 130 as every command ended by Ctrl+C; SIGTERM is a plain stop)
        print("stopped", flush=True)
        return EXIT_INTERRUPTED
    except OSError as error:
        print(f"error: cannot serve on {args.host}:{args.port}: {error.strerror or error}", flush=True)
        return EXIT_USAGE
    finally:
        for sock in sockets:
            sock.close()
    return EXIT_OK
