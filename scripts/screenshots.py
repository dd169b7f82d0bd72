"""Screenshots of the catalog at phone and desktop widths, for people to look at (not committed).

Builds a catalog into a temporary folder, serves it on localhost and saves
``<page>-<device>.png`` for each page into the output folder:

    .venv/bin/python scripts/screenshots.py [--content content] [--out screenshots] [--pages home electives-entry]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import socket
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from site_gen import urls  # noqa: E402
from site_gen.catalog import Catalog  # noqa: E402
from site_gen.pipeline import BuildOptions, build  # noqa: E402

DEVICES = {"phone": {"width": 375, "height": 740}, "desktop": {"width": 1280, "height": 900}}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def page_routes(catalog: Catalog) -> dict[str, str]:
    """Name -> route of every page worth a look: home, the listings, the first entry of each collection."""
    routes = {"home": urls.HOME, "collaborate": urls.COLLABORATE}
    for collection in ("electives", "projects", "partners"):
        routes[f"{collection}-listing"] = urls.listing(collection)
        items = catalog.collection(collection)
        if items:
            routes[f"{collection}-entry"] = urls.entry(collection, items[0].slug)
    return routes


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serving(folder: Path, port: int) -> Iterator[None]:
    """Serve ``folder`` at http://127.0.0.1:port/ in a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def shoot(base: str, routes: dict[str, str], out: Path) -> list[Path]:
    """Save a full-page screenshot of each route on each device; return the files written."""
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for device, viewport in DEVICES.items():
                page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
                for name, route in routes.items():
                    page.goto(base + route)
                    written.append(out / f"{name}-{device}.png")
                    page.screenshot(path=str(written[-1]), full_page=True)
                page.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    """Build, serve and photograph the catalog; print each file written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--pages", nargs="*", help="page names (default: all): home, <collection>-listing, <collection>-entry")
    args = parser.parse_args(argv)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        result = build(BuildOptions(args.content, Path(tmp) / "_site", base_url=f"http://127.0.0.1:{port}/"))
        if not result.ok or result.catalog is None:
            print("\n".join(str(problem) for problem in result.problems), file=sys.stderr)
            return 1
        routes = page_routes(result.catalog)
        unknown = sorted(set(args.pages or ()) - routes.keys())
        if unknown:
            parser.error(f"unknown page {unknown[0]!r}; choose from {', '.join(routes)}")
        chosen = {name: route for name, route in routes.items() if not args.pages or name in args.pages}
        args.out.mkdir(parents=True, exist_ok=True)
        with serving(Path(tmp) / "_site", port):
            for path in shoot(f"http://127.0.0.1:{port}/", chosen, args.out):
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
