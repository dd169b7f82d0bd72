"""Benchmark: from saving an entry to the reloaded page under ``build.py serve``.

``python benchmarks/serve_edit.py --content CATALOG --edits 10`` starts the preview
server on a catalog, connects to it the way a browser tab does (livereload's
WebSocket: hello, then info with the page's URL), and then, for each edit,
rewrites one entry's body with a new marker, waits for the server's reload
command and fetches the page as the reloaded tab would. The time reported runs
from just before the file is written to the moment the page with the marker
has arrived. Prints the median, the fastest and the slowest, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
PAGE_FILE = Path("electives/elective-0.md")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"serve exited with {process.returncode}")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"serve did not answer {url} within {seconds:.0f} s")


async def measure_edits(port: int, base_path: str, entry: Path, page: str, edits: int, pause: float = 3.0) -> list[float]:
    """Edit ``entry`` ``edits`` times; return seconds from each save to the page with the edit."""
    socket_url = f"ws://127.0.0.1:{port}/livereload"
    connection = await websocket_connect(socket_url)
    await connection.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    await connection.read_message()
    page_url = f"http://127.0.0.1:{port}{base_path}{page}"
    await connection.write_message(json.dumps({"command": "info", "url": page_url, "plugins": {}}))
    await asyncio.sleep(0.5)
    original = entry.read_text(encoding="utf-8")
    latencies = []
    try:
        for number in range(edits):
            marker = f"Edited for the benchmark, round {number}."
            edited = original.replace("\n---\n", f"\n---\n{marker}\n\n", 1)
            started = time.perf_counter()
            entry.write_text(edited, encoding="utf-8")
            # The watcher may see the file while it is being written (truncated, then filled: two saves
            # for serve, each with its reload), so the time is to the first reload that shows the edit.
            deadline = started + 120
            while True:
                try:
                    message = await asyncio.wait_for(connection.read_message(), timeout=max(deadline - time.perf_counter(), 0.1))
                except asyncio.TimeoutError:
                    raise SystemExit(f"the page did not show edit {number} within 120 s of the save") from None
                if message is None:
                    raise SystemExit("serve closed the livereload connection")
                if json.loads(message).get("command") != "reload":
                    continue
                body = await asyncio.get_running_loop().run_in_executor(None, fetch, page_url)
                if marker in body:
                    break
            latencies.append(time.perf_counter() - started)
            await asyncio.sleep(pause)  # a person edits, saves, reads; the background build runs meanwhile
    finally:
        entry.write_text(original, encoding="utf-8")
        connection.close()
    return latencies


def run(content: Path, edits: int, startup_seconds: float) -> list[float]:
    """Serve ``content`` in a child process, measure ``edits`` edits, stop the server."""
    port = free_port()
    with tempfile.TemporaryDirectory() as work:
        output = Path(work) / "_site"
        command = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--output", str(output),
                   "--port", str(port), "--base-url", "http://localhost/"]
        log = Path(work) / "serve.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/", process, startup_seconds)
            return asyncio.run(measure_edits(port, "/", content / PAGE_FILE, "electives/elective-0/", edits))
        except BaseException:
            print(log.read_text(encoding="utf-8", errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            process.terminate()
            process.wait(timeout=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True, help="a catalog made by generate_catalog.py")
    parser.add_argument("--edits", type=int, default=10, help="edits to time (default 10)")
    parser.add_argument("--startup-seconds", type=float, default=600, help="how long the first build may take")
    args = parser.parse_args(argv)
    latencies = run(args.content.resolve(), args.edits, args.startup_seconds)
    milliseconds = sorted(1000 * value for value in latencies)
    print(f"save to reloaded page: median {statistics.median(milliseconds):.0f} ms, "
          f"fastest {milliseconds[0]:.0f} ms, slowest {milliseconds[-1]:.0f} ms over {len(milliseconds)} edits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
