"""``build.py serve``: a real server process that rebuilds on change and survives broken content."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from livereload.handlers import LiveReloadHandler
from tornado import httpclient, httpserver, netutil, websocket

from helpers import ELECTIVE, ROOT, SITE_YAML, free_port, make_catalog
from site_gen import routes
from site_gen.pipeline import BuildOptions, BuildResult
from site_gen.problems import Problem
from site_gen.serve import DiskBuilds, Preview, error_page, make_app, rebuild, reload_browsers, serve, served_base_path, start_live, update_live, watched_state

BROKEN_ELECTIVE = ELECTIVE.replace("countries: [CN]", "countries: [XX]")


class Server:
    """A ``serve`` subprocess and its output, for assertions and failure messages."""

    def __init__(self, process: subprocess.Popen[str], port: int, log: Path) -> None:
        self.process, self.port, self.log = process, port, log

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str) -> tuple[int, str, str]:
        """Status, final URL and body of a GET (errors included)."""
        try:
            with urllib.request.urlopen(self.url(path), timeout=5) as response:
                return response.status, response.url, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode("utf-8")

    def wait_for(self, path: str, predicate: Callable[[int, str], bool], seconds: float = 15) -> tuple[int, str]:
        """Poll ``path`` until ``predicate(status, body)`` holds; fail with the server's output."""
        deadline, last = time.monotonic() + seconds, (0, "")
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"serve exited with {self.process.returncode}:\n{self.output()}"
            try:
                status, _, body = self.get(path)
                last = (status, body)
                if predicate(status, body):
                    return last
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"{path} never matched; last status {last[0]}\n--- body ---\n{last[1][:2000]}\n--- server ---\n{self.output()}")


def start_server(tmp_path: Path, content: Path, *extra: str) -> Iterator[Server]:
    """Start ``build.py serve`` on a free port; stop it afterwards."""
    port, log = free_port(), tmp_path / "serve.log"
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--output", str(tmp_path / "_site"), "--port", str(port), *extra]
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, text=True, cwd=tmp_path, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    server = Server(process, port, log)
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return make_catalog(tmp_path, {})


@pytest.fixture
def server(tmp_path: Path, catalog: Path) -> Iterator[Server]:
    yield from start_server(tmp_path, catalog)


def edit(path: Path, text: str) -> None:
    """Rewrite a file so its modification time surely changes."""
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 1
    os.utime(path, (stamp, stamp))


def test_serves_under_the_base_path_and_redirects_the_root(server: Server) -> None:
    server.wait_for("/catalog/", lambda status, body: status == 200)
    status, final_url, body = server.get("/")
    assert (status, final_url) == (200, server.url("/catalog/"))
    assert "Test Catalog" in body
    assert server.get("/catalog/electives/surgery/")[0] == 200
    assert server.get("/catalog")[1] == server.url("/catalog/")
    status, _, body = server.get("/electives/surgery/")
    assert status == 404 and 'href="/catalog/"' in body, "outside the base path: a pointer to the site"
    status, _, body = server.get("/catalog/no-such-page/")
    assert status == 404 and "livereload.js" in body


def test_base_url_option_moves_the_served_path(tmp_path: Path, catalog: Path) -> None:
    for server in start_server(tmp_path, catalog, "--base-url", "https://preview.example.org/pr-7/"):
        server.wait_for("/pr-7/electives/surgery/", lambda status, body: status == 200 and "/pr-7/static/" in body)
        assert server.get("/catalog/")[0] == 404


def test_edit_break_and_fix_content_while_serving(server: Server, catalog: Path, tmp_path: Path) -> None:
    page = "/catalog/electives/surgery/"
    server.wait_for(page, lambda status, body: status == 200)
    elective = catalog / "electives/surgery.md"
    edit(elective, ELECTIVE.replace("Body of the elective.", "Freshly edited text."))
    server.wait_for(page, lambda status, body: "Freshly edited text." in body, seconds=10)
    on_disk = tmp_path / "_site/electives/surgery/index.html"
    wait_until(lambda: "Freshly edited" in on_disk.read_text(), "the background build writes the edit to disk", server)

    edit(elective, BROKEN_ELECTIVE)
    # (an editor's save may be seen half-written, as an empty file, before the whole text: wait for the text's own problem)
    status, body = server.wait_for(page, lambda status, body: "ISO 3166-1" in body and status == 500, seconds=10)
    assert "content/electives/surgery.md:8: countries[0]: &#x27;XX&#x27; is not an ISO 3166-1 alpha-2 country code" in body
    assert "livereload.js" in body
    assert server.get("/catalog/")[0] == 500, "every HTML request shows the error page"
    assert server.get("/catalog/static/style.css")[0] == 200, "assets of the last good site are still served"
    time.sleep(1.5)  # longer than the background build's delay: a broken catalog is never written
    assert "Freshly edited" in on_disk.read_text(), "the last good site stays on disk"
    assert "content/electives/surgery.md:8: countries[0]:" in server.output()

    edit(elective, ELECTIVE.replace("Body of the elective.", "Fixed again."))
    server.wait_for(page, lambda status, body: status == 200 and "Fixed again." in body, seconds=10)
    wait_until(lambda: "Fixed again." in on_disk.read_text(), "the fix reaches the disk too", server)
    assert server.process.poll() is None


def test_an_editor_that_keeps_backups_does_not_break_the_preview(server: Server, catalog: Path, tmp_path: Path) -> None:
    """Emacs saves by renaming the file to ``surgery.md~`` and writing it anew, and auto-saves to ``#surgery.md#`` meanwhile."""
    page = "/catalog/electives/surgery/"
    server.wait_for(page, lambda status, body: status == 200)
    elective = catalog / "electives/surgery.md"
    (catalog / "electives/#surgery.md#").write_text("half an edit", encoding="utf-8")
    elective.rename(catalog / "electives/surgery.md~")
    edit(elective, ELECTIVE.replace("Body of the elective.", "Saved from Emacs."))
    server.wait_for(page, lambda status, body: status == 200 and "Saved from Emacs." in body, seconds=10)
    on_disk = tmp_path / "_site/electives/surgery/index.html"
    wait_until(lambda: "Saved from Emacs." in on_disk.read_text(), "the background build writes the edit", server)
    assert "problem" not in server.output()


def test_a_save_seen_half_written_prints_no_problem(server: Server, catalog: Path) -> None:
    """Editors that write in place empty the file, then write it: only the saved text counts."""
    page = "/catalog/electives/surgery/"
    server.wait_for(page, lambda status, body: status == 200)
    with (catalog / "electives/surgery.md").open("w", encoding="utf-8") as saving:
        saving.flush()  # (the file is empty now)
        time.sleep(0.05)
        saving.write(ELECTIVE.replace("Body of the elective.", "Written in place."))
    server.wait_for(page, lambda status, body: status == 200 and "Written in place." in body, seconds=10)
    time.sleep(1)  # longer than the grace the problems of the empty file would have been shown after
    assert "empty" not in server.output() and "problem" not in server.output()


def test_a_long_listings_cards_are_served_as_json_and_follow_edits(tmp_path: Path) -> None:
    """More electives than fit one page: the filter's data file comes from the live site, as the pages do."""
    count = routes.PAGE_SIZE + 1
    content = make_catalog(tmp_path, {f"electives/e{number}.md": ELECTIVE.replace("Surgery Elective", f"Elective number {number}") for number in range(count)})
    for server in start_server(tmp_path, content):
        server.wait_for("/catalog/electives/by/page/2/", lambda status, body: status == 200)
        with urllib.request.urlopen(server.url("/catalog/electives/by/cards.json"), timeout=5) as response:
            assert response.headers["Content-Type"] == "application/json; charset=utf-8"
            rows = json.loads(response.read())
        assert len(rows) == len(list((content / "electives").glob("*.md"))) > count
        (tmp_path / "_site/electives/by/cards.json").unlink()  # what is served now comes from the live site, not the disk
        status, _, first = server.get("/catalog/electives/by/cards.json")
        assert status == 200 and "category:clinical" in first and "category:research" not in first and "livereload" not in first
        edit(content / "electives/e0.md", ELECTIVE.replace("Surgery Elective", "Elective number 0").replace("category: clinical", "category: research"))
        server.wait_for("/catalog/electives/by/cards.json", lambda status, body: "category:research" in body, seconds=10)


def fetch(preview: Preview, path: str) -> tuple[int, str]:
    """Status and body of one GET from the preview's application, in this process (no background build runs)."""
    async def get() -> tuple[int, str]:
        sockets = netutil.bind_sockets(0, "127.0.0.1")
        server = httpserver.HTTPServer(make_app(preview))
        server.add_sockets(sockets)
        try:
            url = f"http://127.0.0.1:{sockets[0].getsockname()[1]}{path}"
            response = await httpclient.AsyncHTTPClient().fetch(url, raise_error=False, follow_redirects=False)
        finally:
            server.stop()
        return response.code, response.body.decode("utf-8")
    return asyncio.run(get())


def test_a_deleted_or_renamed_entry_is_not_found_before_the_background_build_removes_its_page(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"electives/other.md": ELECTIVE.replace("Surgery Elective", "Other Elective")})
    preview = Preview(BuildOptions(content, tmp_path / "_site"), port=8000)
    rebuild(preview)
    start_live(preview)
    assert fetch(preview, "/catalog/electives/other/")[0] == 200
    (content / "electives/other.md").unlink()
    (content / "electives/surgery.md").rename(content / "electives/renamed.md")
    assert update_live(preview, {content / "electives/other.md", content / "electives/surgery.md", content / "electives/renamed.md"})
    assert (tmp_path / "_site/electives/other/index.html").is_file(), "the output folder still has the old pages"
    for path in ("/catalog/electives/other/", "/catalog/electives/surgery/", "/catalog/electives/surgery/index.html"):
        status, body = fetch(preview, path)
        assert status == 404 and "Page not found" in body and "livereload.js" in body, path
    assert fetch(preview, "/catalog/electives/renamed/")[0] == 200
    assert fetch(preview, "/catalog/search/")[0] == 200, "the search page still comes from the output folder"
    assert fetch(preview, "/catalog/404.html")[0] == 200


def test_an_entry_replaced_by_a_link_out_of_the_content_folder_is_a_problem_not_an_update(tmp_path: Path) -> None:
    # The saved path was resolved before being checked against the content folder: a link to a file
    # outside it resolved outside, so the change was taken for a template's and the old page stayed up.
    content = make_catalog(tmp_path, {})
    outside = tmp_path / "elsewhere.md"
    outside.write_text(ELECTIVE.replace("Body of the elective.", "Text from outside."), encoding="utf-8")
    preview = Preview(BuildOptions(content, tmp_path / "_site", use_cache=False), port=8000)
    start_live(preview)
    elective = content / "electives/surgery.md"
    elective.unlink()
    elective.symlink_to(outside)
    assert not update_live(preview, {elective})
    assert preview.problems == ["content/electives/surgery.md:1: link points outside the content folder — replace it with a real file"]
    status, body = fetch(preview, "/catalog/electives/surgery/")
    assert status == 500 and "link points outside the content folder" in body


def test_a_browser_whose_page_was_served_before_the_latest_change_reloads_when_it_connects(tmp_path: Path) -> None:
    """A reload sent while the browser loads the page reaches no socket: the next connection must catch up."""
    content = make_catalog(tmp_path, {})
    preview = Preview(BuildOptions(content, tmp_path / "_site"), port=8000)
    rebuild(preview)
    start_live(preview)
    page = "/catalog/electives/surgery/"

    async def first_message_after_info(port: int) -> dict[str, object]:
        """Connect as livereload.js does; the message that answers its "info" (a second "hello" when there is nothing to do)."""
        socket_ = await websocket.websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        try:
            hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
            await socket_.write_message(hello)
            assert json.loads(await socket_.read_message() or "{}")["command"] == "hello"
            await socket_.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}{page}", "plugins": {}}))
            await socket_.write_message(hello)
            return json.loads(await socket_.read_message() or "{}")
        finally:
            socket_.close()

    async def scenario() -> list[str]:
        sockets = netutil.bind_sockets(0, "127.0.0.1")
        port = sockets[0].getsockname()[1]
        server = httpserver.HTTPServer(make_app(preview))
        server.add_sockets(sockets)
        client = httpclient.AsyncHTTPClient()
        try:
            await client.fetch(f"http://127.0.0.1:{port}{page}")
            edit(content / "electives/surgery.md", ELECTIVE.replace("Body of the elective.", "Saved while the page loaded."))
            update_live(preview, {content / "electives/surgery.md"})
            stale = await first_message_after_info(port)
            await client.fetch(f"http://127.0.0.1:{port}{page}")
            fresh = await first_message_after_info(port)
        finally:
            server.stop()
        return [str(stale["command"]), str(fresh["command"])]

    assert asyncio.run(scenario()) == ["reload", "hello"]


def test_a_browser_leaving_its_page_as_the_reload_is_sent_prints_no_traceback() -> None:
    """The socket of a page being left closes under the reload message: that is no error worth a traceback."""
    class Leaving:
        page_url = None

        def write_message(self, message: str) -> asyncio.Future[None]:
            async def closed() -> None:
                raise websocket.WebSocketClosedError()
            return asyncio.ensure_future(closed())

        def send_message(self, message: dict[str, object]) -> None:  # (as livereload's handler does)
            self.write_message(json.dumps(message))

    async def reload_then_collect() -> list[str]:
        reported: list[str] = []
        asyncio.get_running_loop().set_exception_handler(lambda loop, context: reported.append(context["message"]))
        leaving = Leaving()
        LiveReloadHandler.waiters.add(leaving)
        try:
            reload_browsers()
            await asyncio.sleep(0.01)
        finally:
            LiveReloadHandler.waiters.discard(leaving)
        gc.collect()
        return reported

    assert asyncio.run(reload_then_collect()) == []


def wait_until(condition: Callable[[], bool], what: str, server: Server, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out: {what}\n--- server ---\n{server.output()}"
        time.sleep(0.1)


def test_served_pages_carry_the_livereload_script_but_files_on_disk_do_not(server: Server, tmp_path: Path) -> None:
    _, body = server.wait_for("/catalog/", lambda status, body: status == 200)
    assert f'<script src="/livereload.js?port={server.port}"></script></head>' in body
    assert "livereload" not in (tmp_path / "_site/index.html").read_text()
    assert "default-src 'self'" in body, "the CSP is not relaxed"


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def test_browser_reloads_itself_under_the_strict_csp_even_on_the_error_page(server: Server, catalog: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    page_url = server.url("/catalog/electives/surgery/")
    server.wait_for("/catalog/electives/surgery/", lambda status, body: status == 200)
    elective = catalog / "electives/surgery.md"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))

            def connected_then(text: str, expect: str) -> None:
                page.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol > 0", timeout=5000)
                time.sleep(0.3)  # the server registers the client just after the handshake
                edit(elective, text)
                page.get_by_text(expect).wait_for(timeout=8000)

            page.goto(page_url)
            connected_then(ELECTIVE.replace("Body of the elective.", "Seen without reloading by hand."), "Seen without reloading by hand.")
            connected_then(BROKEN_ELECTIVE, "The catalog has 1 problem")
            styled = "() => [...document.styleSheets].some(sheet => sheet.href.endsWith('/catalog/static/style.css') && sheet.cssRules.length > 0)"
            assert page.evaluate(styled), "the error page wears the site's stylesheet (the last good build's)"
            connected_then(ELECTIVE, "Body of the elective.")
        finally:
            browser.close()
    assert not [line for line in console if "Content Security Policy" in line], console


def test_the_search_page_reloads_again_once_the_background_build_has_its_new_files(server: Server, catalog: Path) -> None:
    """The search page and its data come from the output folder, which the background build replaces a moment after the edit."""
    sync_api = pytest.importorskip("playwright.sync_api")
    server.wait_for("/catalog/search/", lambda status, body: status == 200)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.url("/catalog/search/?q=wombatzz"))
            page.wait_for_function("() => window.LiveReload && window.LiveReload.connector.protocol > 0", timeout=5000)
            page.locator("#search-status").get_by_text("No results", exact=False).wait_for(timeout=8000)
            time.sleep(0.3)  # the server registers the client just after the handshake
            edit(catalog / "electives/surgery.md", ELECTIVE.replace("Surgery Elective", "Wombatzz Elective"))
            page.locator("#search-results").get_by_text("Wombatzz Elective").wait_for(timeout=20000)
        finally:
            browser.close()


def test_editing_site_yaml_moves_the_base_path(server: Server, catalog: Path) -> None:
    server.wait_for("/catalog/", lambda status, body: status == 200)
    edit(catalog / "site.yaml", SITE_YAML.replace("https://example.org/catalog/", "https://example.org/other/"))
    server.wait_for("/other/electives/surgery/", lambda status, body: status == 200, seconds=10)
    assert server.get("/")[1] == server.url("/other/")


def test_a_broken_template_becomes_an_error_page_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    options = BuildOptions(make_catalog(tmp_path, {}), tmp_path / "_site", templates_dir=templates)
    preview = Preview(options, port=8000)
    rebuild(preview)
    assert preview.problems == [] and preview.base_path == "/catalog/"
    (templates / "elective.html").write_text("{% extends 'base.html' %}\n{% block main %}\n{% if <b> %}\n{% endblock %}\n")
    rebuild(preview)
    [problem] = preview.problems
    assert re.match(r"^.*elective\.html:3: TemplateSyntaxError: ", problem), problem
    page = error_page(preview).decode()
    assert "unexpected &#x27;&lt;&#x27;" in page and "'<'" not in page
    assert (tmp_path / "_site/electives/surgery/index.html").is_file(), "the last good site stays"
    printed = capsys.readouterr()
    assert problem in printed.out and "Traceback" not in printed.out + printed.err, "one line says where the mistake is"


def test_a_template_saved_broken_is_an_error_at_once_not_updated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Templates compiled when a page first asked for them: the log said "updated in 12 ms", and only the
    # next page asked for (or the background build) found the mistake.
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    preview = Preview(BuildOptions(make_catalog(tmp_path, {}), tmp_path / "_site", templates_dir=templates, use_cache=False), port=8000)
    start_live(preview)
    (templates / "partner.html").write_text("{% extends 'base.html' %}\n{% block main %}\n{% if <b> %}\n{% endblock %}\n")
    capsys.readouterr()
    assert not update_live(preview, {templates / "partner.html"})
    [problem] = preview.problems
    assert re.match(r"^.*partner\.html:3: TemplateSyntaxError: ", problem), problem
    assert "updated" not in capsys.readouterr().out
    status, body = fetch(preview, "/catalog/electives/surgery/")
    assert status == 500 and "partner.html" in body


@pytest.mark.parametrize(("relative", "is_watched"), [
    ("content/electives/surgery.md", True),
    ("content/site.yaml", True),
    ("content/electives/.surgery.md.swp", False),
    ("content/electives/surgery.md~", False),
    ("content/electives/#surgery.md#", False),
    ("static/_site/index.html", False),
    ("static/._site.building-1/index.html", False),
    ("content/.cache/_site/memo", False),
])
def test_which_changes_trigger_a_rebuild(tmp_path: Path, relative: str, is_watched: bool) -> None:
    folders, output = [make_catalog(tmp_path, {}), tmp_path / "static"], tmp_path / "static/_site"
    output.mkdir(parents=True)
    before = watched_state(folders, output)
    (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
    edit(tmp_path / relative, "changed\n")
    assert (watched_state(folders, output) != before) is is_watched


def test_a_busy_port_is_a_usage_error(tmp_path: Path, catalog: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        command = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(catalog), "--output", str(tmp_path / "_site"), "--port", str(port)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert f"error: cannot serve on 127.0.0.1:{port}" in result.stdout
    assert "built" not in result.stdout, "the port is taken before the build, so a busy port fails at once"
    assert not (tmp_path / "_site").exists()


@pytest.mark.parametrize(("base_url", "expected"), [(None, "/catalog/"), ("https://preview.example.org/pr-7/", "/pr-7/"), ("https://example.org", "/")])
def test_base_path_is_known_even_when_a_build_had_nothing_to_do(tmp_path: Path, base_url: str | None, expected: str) -> None:
    options = BuildOptions(make_catalog(tmp_path, {}), tmp_path / "_site", base_url)
    assert served_base_path(BuildResult(), options) == expected


def test_no_base_path_from_a_broken_site_yaml(tmp_path: Path) -> None:
    options = BuildOptions(make_catalog(tmp_path, {"site.yaml": "title: x\n"}), tmp_path / "_site")
    assert served_base_path(BuildResult(problems=[Problem("content/site.yaml", 1, "broken")]), options) is None


def test_ctrl_c_during_the_first_build_stops_quietly(tmp_path: Path, catalog: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(preview: Preview) -> None:
        raise KeyboardInterrupt
    monkeypatch.setattr("site_gen.serve.rebuild", interrupted)
    args = argparse.Namespace(content=catalog, output=tmp_path / "_site", base_url=None, port=free_port(), host="127.0.0.1")
    assert serve(args) == 130
    assert capsys.readouterr().out == "stopped\n"


def test_ctrl_c_stops_the_server_with_one_line_and_exit_130(server: Server, tmp_path: Path) -> None:
    server.wait_for("/catalog/", lambda status, body: status == 200)
    site = sorted(path.relative_to(tmp_path) for path in (tmp_path / "_site").rglob("*"))
    server.process.send_signal(signal.SIGINT)
    assert server.process.wait(timeout=15) == 130
    assert server.output().splitlines()[-1] == "stopped" and "Traceback" not in server.output()
    assert sorted(path.relative_to(tmp_path) for path in (tmp_path / "_site").rglob("*")) == site, "the output folder is left as it was"


def half_written_build(options: BuildOptions, cache: object, sender: object) -> None:
    """Stands in for the background build: starts a staging folder as ``write_site`` does, then works on."""
    os.setpgrp()  # as the real one does: the server signals the build's process group
    output = options.output_dir
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    staging.mkdir()
    (staging / "index.html").write_text("half")
    time.sleep(60)


def build_with_problems(options: BuildOptions, cache: object, sender: Any) -> None:
    """Stands in for a background build that finds problems the preview did not."""
    sender.send((0, ["content/electives/surgery.md:8: first problem", "content/projects/needs.md:5: second problem"]))


def test_problems_only_the_background_build_found_are_all_printed_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    # It printed 'background build: <the first problem>' and nothing else; the browser kept the preview's page.
    monkeypatch.setattr("site_gen.serve._disk_build", build_with_problems)
    preview = Preview(BuildOptions(make_catalog(tmp_path, {}), tmp_path / "_site", use_cache=False), port=8000)
    start_live(preview)
    disk = DiskBuilds(preview)

    async def build_once() -> None:
        disk._start()
        deadline = time.monotonic() + 30
        while disk.running is not None and time.monotonic() < deadline:
            await asyncio.sleep(0.01)

    asyncio.run(build_once())
    assert capsys.readouterr().out.splitlines()[-2:] == ["content/electives/surgery.md:8: first problem", "content/projects/needs.md:5: second problem"]
    status, body = fetch(preview, "/catalog/electives/surgery/")
    assert status == 500 and "second problem" in body


def test_stopping_the_server_during_a_background_build_removes_its_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "_site"
    output.mkdir()
    (output / "index.html").write_text("last good")
    monkeypatch.setattr("site_gen.serve._disk_build", half_written_build)
    disk = DiskBuilds(Preview(BuildOptions(make_catalog(tmp_path, {}), output), port=8000))

    async def start_then_stop() -> None:
        disk._start()
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("._site.building-*"))) == 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        assert list(tmp_path.glob("._site.building-*")), "the stand-in build started"
        disk.stop()

    asyncio.run(start_then_stop())
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site", "content"]
    assert (output / "index.html").read_text() == "last good"
