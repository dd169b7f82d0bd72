"""Test helpers shared by the suites: tiny catalogs, CLI runs, tree comparison, a static server."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import io
import socket
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterator

from site_gen.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CONTENT = ROOT / "content"
# The fixed "today" of every test build: 2026-10-01T00:00:00Z.
SOURCE_DATE_EPOCH = "1790812800"

SITE_YAML = """\
title: Test Catalog
description: A tiny catalog for tests.
base_url: https://example.org/catalog/
disclaimer: Listing is not endorsement.
"""

PARTNER = """\
---
title: Riverside Hospital
summary: A teaching hospital.
kind: hospital
country: CN
city: Nanjing
---
Body of the partner.
"""

PROJECT = """\
---
title: Needs Assessment
summary: A needs assessment.
kind: research
status: active
countries: [CN]
partners: [riverside]
tags: [maternal health]
---
Body of the project.
"""

ELECTIVE = """\
---
title: Surgery Elective
summary: Four weeks of surgery.
category: clinical
format: elective
direction: outbound
audience: [medical-student]
countries: [CN]
host: riverside
deadline: 2026-11-30
---
Body of the elective.
"""

PAGE = """\
---
title: About
summary: About the office.
---
About us.
"""

MINIMAL_FILES = {
    "site.yaml": SITE_YAML,
    "partners/riverside.md": PARTNER,
    "projects/needs.md": PROJECT,
    "electives/surgery.md": ELECTIVE,
    "pages/about.md": PAGE,
}


def make_catalog(root: Path, files: dict[str, str | bytes | None], base: dict[str, str] | None = None) -> Path:
    """Write a catalog under ``root/content``: ``base`` files overridden by ``files`` (None deletes)."""
    content = root / "content"
    merged: dict[str, str | bytes | None] = {**(MINIMAL_FILES if base is None else base), **files}
    for relative, text in merged.items():
        if text is None:
            continue
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    for folder in ("partners", "projects", "electives", "pages"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    return content


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line]


def run_cli(*args: str | Path) -> CliResult:
    """Run the command line in-process and capture its output."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(arg) for arg in args])
    return CliResult(code, out.getvalue(), err.getvalue())


def problem_lines(result: CliResult) -> list[str]:
    """The ``path:line: message`` lines of a failed run (the count line removed)."""
    if result.code == 0:
        return []
    return [line for line in result.lines if not line.endswith("found")]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` by relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_trees_equal(first: Path, second: Path) -> None:
    """Assert two folders hold the same files with the same bytes (one message per difference)."""
    a, b = snapshot(first), snapshot(second)
    differences = [f"only in {first}: {name}" for name in sorted(a.keys() - b.keys())]
    differences += [f"only in {second}: {name}" for name in sorted(b.keys() - a.keys())]
    differences += [f"differs: {name}" for name in sorted(a.keys() & b.keys()) if a[name] != b[name]]
    assert not differences, "\n".join(differences[:50])


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class RequestLog:
    """The requests a test server answered, as (path, status) in order; ``wait_for`` one of them."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, int]] = []
        self._changed = threading.Condition()

    def add(self, path: str, status: int) -> None:
        with self._changed:
            self.entries.append((path, status))
            self._changed.notify_all()

    def wait_for(self, is_wanted: Callable[[str], bool], timeout: float = 30) -> tuple[str, int]:
        """The first request whose path ``is_wanted``, once it has been answered (``timeout`` only guards a hang)."""
        with self._changed:
            found = self._changed.wait_for(lambda: next((e for e in self.entries if is_wanted(e[0])), None), timeout)
        assert found is not None, f"no such request within {timeout} s: {self.entries}"
        return found


@contextlib.contextmanager
def serve_folder(folder: Path, prefix: str = "/catalog/", headers: dict[str, str] | None = None, log: RequestLog | None = None) -> Iterator[str]:
    """Serve ``folder`` at ``http://127.0.0.1:PORT{prefix}`` (like GitHub Pages under a sub-path).

    Unknown URLs get ``404.html`` with status 404, as static hosts do; ``headers`` go on every response;
    ``log`` records every request.
    """
    mount = folder.parent / f".mount-{folder.name}"
    target = mount / prefix.strip("/") if prefix.strip("/") else mount
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.symlink_to(folder.resolve(), target_is_directory=True)

    class Handler(_QuietHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if log is not None:
                log.add(self.path, int(code))

        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            page = folder / "404.html"
            if code == 404 and page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().send_error(code, message, explain)

    handler = functools.partial(Handler, directory=str(mount))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def load_generator() -> ModuleType:
    """The benchmark's catalog generator (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("generate_catalog", ROOT / "benchmarks/generate_catalog.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
