"""Builds in one process, in a pool of processes, cold and from the cache all write the same bytes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, assert_trees_equal, load_generator, snapshot
from site_gen import parallel
from site_gen.pipeline import BuildOptions, build, check

ENTRIES = 160  # enough bodies and pages for the pool to be used (see parallel.MIN_TASKS_PER_JOB)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("generated") / "content"
    load_generator().generate(ENTRIES, 7, content)
    return content


def build_into(content: Path, output: Path, jobs: int, use_cache: bool) -> None:
    result = build(BuildOptions(content, output, jobs=jobs, use_cache=use_cache))
    assert result.ok, result.problems[:5]


def test_the_catalog_is_big_enough_for_the_pool(catalog: Path) -> None:
    assert len(list(catalog.rglob("*.md"))) >= 2 * parallel.MIN_TASKS_PER_JOB and parallel.can_fork()


def test_two_processes_write_the_same_bytes_as_one(catalog: Path, tmp_path: Path) -> None:
    build_into(catalog, tmp_path / "one", jobs=1, use_cache=False)
    build_into(catalog, tmp_path / "two", jobs=2, use_cache=False)
    assert_trees_equal(tmp_path / "one", tmp_path / "two")


def test_warm_parallel_build_after_an_edit_equals_a_cold_serial_build(catalog: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(catalog, content)
    build_into(content, tmp_path / "warm", jobs=2, use_cache=True)
    edited = content / "electives/elective-3.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("## Overview", "## Overview, edited"), encoding="utf-8")
    build_into(content, tmp_path / "warm", jobs=2, use_cache=True)
    build_into(content, tmp_path / "cold", jobs=1, use_cache=False)
    assert "Overview, edited" in (tmp_path / "warm/electives/elective-3/index.html").read_text(encoding="utf-8")
    assert_trees_equal(tmp_path / "warm", tmp_path / "cold")


def test_two_processes_find_the_same_problems_as_one(catalog: Path, tmp_path: Path) -> None:
    """Files are read and parsed in the pool too: the problems, their lines and their order do not change."""
    content = tmp_path / "content"
    shutil.copytree(catalog, content)
    (content / "electives/elective-5.md").write_bytes(b"---\ntitle: \xff broken\n---\n")
    (content / "electives/elective-9.md").write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    (content / "electives/elective-12.md").write_text("no front matter at all\n", encoding="utf-8")
    (content / "partners/notes.txt").write_text("stray\n", encoding="utf-8")
    one, two = check(content, jobs=1), check(content, jobs=2)
    assert len(one.problems) >= 4
    assert one.problems == two.problems


def square(index: int) -> int:
    return index * index + parallel.STATE["offset"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_input_order(jobs: int) -> None:
    count = 4 * parallel.MIN_TASKS_PER_JOB + 5
    assert list(parallel.ordered_map(square, count, jobs, {"offset": 3})) == [index * index + 3 for index in range(count)]
    assert parallel.STATE == {}


def helper_processes(pid: int) -> list[str]:
    """The children of a running process (its pool workers), by pid."""
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def ctrl_c_while_pooled(catalog: Path, output: Path) -> tuple[int, str]:
    """Start a build, press Ctrl+C once its process pool runs; its exit code and what it printed on stderr."""
    command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(catalog), "--output", str(output), "--no-cache", "--jobs", "2"]
    # (as a terminal starts a command: Ctrl+C at its default, even when these tests run where it is ignored,
    # as in a job a non-interactive shell puts in the background, which the build would rightly inherit)
    build_process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not helper_processes(build_process.pid) and build_process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert build_process.poll() is None, "the build ended before its pool started"
    os.killpg(build_process.pid, signal.SIGINT)  # as Ctrl+C does: the whole process group
    _, err = build_process.communicate(timeout=60)
    return build_process.returncode, err


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads a process's children from Linux's /proc")
def test_ctrl_c_during_a_build_prints_one_line_and_leaves_the_last_site(catalog: Path, tmp_path: Path) -> None:
    output = tmp_path / "_site"
    build_into(catalog, output, jobs=1, use_cache=False)
    before = snapshot(output)
    code, err = ctrl_c_while_pooled(catalog, output)
    assert code == 130
    assert err == f"interrupted ({output} holds the last complete build)\n", "one line, no traceback from the build or its workers"
    assert snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["_site"], "no staging folder left behind"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads a process's children from Linux's /proc")
def test_ctrl_c_during_a_first_build_does_not_speak_of_a_last_complete_build(catalog: Path, tmp_path: Path) -> None:
    output = tmp_path / "_site"
    assert ctrl_c_while_pooled(catalog, output) == (130, "interrupted\n")
    assert not output.exists()


def _in_fork_from_the_background() -> tuple[int, int]:
    """In a background (daemonic) process, where multiprocessing starts no children: a forked task's result and pid."""
    return parallel.in_fork(lambda: (6 * 7, os.getpid()))(), os.getpid()  # type: ignore[return-value]


def _failing() -> None:
    raise ValueError("the forked task failed")


def test_a_forked_task_returns_its_result_or_raises_its_error_from_a_background_process() -> None:
    (answer, child), background = parallel.in_background(_in_fork_from_the_background)()
    assert answer == 42 and len({child, background, os.getpid()}) == 3, "each in a process of its own"
    with pytest.raises(ValueError, match="the forked task failed"):
        parallel.in_fork(_failing)()
    with pytest.raises(RuntimeError, match="forked task died"):
        parallel.in_fork(lambda: os._exit(3))()
    assert parallel.in_fork(lambda: os.getpid(), enabled=False)() == os.getpid()


def test_the_search_files_written_by_two_processes_are_those_of_one(catalog: Path, tmp_path: Path) -> None:
    from site_gen import search, urls

    result = check(catalog, jobs=1)
    assert result.catalog is not None
    url_maker = urls.Urls(result.catalog.site.base_url)
    made = {}
    for split in (False, True):
        folder = tmp_path / str(split)
        folder.mkdir()
        bundle = search.search_bundle(result.catalog, result.bodies, url_maker, folder, split=split)
        made[split] = [(route, path.read_bytes()) for route, path in bundle.files]
    assert made[True] == made[False]
