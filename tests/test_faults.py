"""Atomic publish under faults: a real build in a subprocess is killed or made to fail while
writing; the previous site stays exactly as it was and the next build cleans up."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import PROJECT, ROOT, SITE_YAML, make_catalog, run_cli, snapshot

FAULTY_BUILD = Path(__file__).parent / "faulty_build.py"
NEW_TITLE = SITE_YAML.replace("title: Test Catalog", "title: Renamed Catalog")


def leftovers(site: Path) -> list[str]:
    return sorted(path.name for path in site.parent.iterdir() if path.name.startswith(f".{site.name}."))


def build_command(content: Path, site: Path) -> list[str]:
    return ["--", "build", "--content", str(content), "--output", str(site)]


def faulty_build(fault: str, count: int, content: Path, site: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(FAULTY_BUILD), fault, str(count), *build_command(content, site)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def catalog(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """A built site, its snapshot, the content changed (every page differs) and the snapshot it would build."""
    content = make_catalog(tmp_path / "a", {})
    site = tmp_path / "a" / "_site"
    assert run_cli("build", "--content", content, "--output", site).code == 0
    before = snapshot(site)
    make_catalog(tmp_path / "a", {"site.yaml": NEW_TITLE})
    reference = tmp_path / "reference" / "_site"
    assert run_cli("build", "--content", content, "--output", reference).code == 0
    return content, site, before, snapshot(reference)


def assert_next_build_cleans_up(content: Path, site: Path, expected: dict[str, bytes]) -> None:
    result = run_cli("build", "--content", content, "--output", site)
    assert result.code == 0, result.out + result.err
    assert snapshot(site) == expected
    assert leftovers(site) == []


@pytest.mark.parametrize("write", [1, 4, 12])
def test_a_build_killed_while_writing_leaves_the_previous_site(catalog: tuple, write: int) -> None:
    content, site, before, after = catalog
    done = faulty_build("kill-at-write", write, content, site)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert snapshot(site) == before
    assert [name.split("-")[0] for name in leftovers(site)] == ["._site.building", "._site.spool"]  # the next build removes both
    assert_next_build_cleans_up(content, site, after)


def staging_appears(process: subprocess.Popen[bytes], site: Path) -> bool:
    """Wait until the build has started writing (its staging folder exists); False if it ended first."""
    while process.poll() is None:
        if any(name.startswith("._site.building-") for name in leftovers(site)):
            return True
        time.sleep(0.001)
    return False


def test_a_build_killed_at_random_moments_while_writing_leaves_a_whole_site(tmp_path: Path) -> None:
    pages = {f"pages/page-{i}.md": f"---\ntitle: Page {i}\nsummary: Page {i}.\n---\nText {i}.\n" for i in range(60)}
    content = make_catalog(tmp_path, pages)
    site = tmp_path / "_site"
    command = [sys.executable, "build.py", "build", "--content", str(content), "--output", str(site)]
    subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=True)
    before = snapshot(site)
    make_catalog(tmp_path, {**pages, "site.yaml": NEW_TITLE})
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL) as calibration:
        assert staging_appears(calibration, site)
        started = time.perf_counter()
    writing = time.perf_counter() - started
    after = snapshot(site)
    make_catalog(tmp_path, pages)
    assert run_cli("build", "--content", content, "--output", site).code == 0 and snapshot(site) == before
    make_catalog(tmp_path, {**pages, "site.yaml": NEW_TITLE})
    killed_mid_write = 0
    for fraction in random.Random(8).sample(range(0, 100), 5):
        with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL) as process:
            if staging_appears(process, site):
                time.sleep(writing * fraction / 100)
                process.send_signal(signal.SIGKILL)
        assert snapshot(site) in (before, after), f"a half-written site after a kill at {fraction}% of the writing"
        killed_mid_write += snapshot(site) == before
        if snapshot(site) == after:  # killed too late: put the old site back for the next try
            make_catalog(tmp_path, pages)
            assert run_cli("build", "--content", content, "--output", site).code == 0
            make_catalog(tmp_path, {**pages, "site.yaml": NEW_TITLE})
    assert killed_mid_write, "no kill landed before the swap: the test proved nothing"
    assert_no_process_outlives_its_build(str(content))
    assert_next_build_cleans_up(content, site, after)


def processes_mentioning(marker: str) -> list[int]:
    """Process ids whose command line contains ``marker`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def assert_no_process_outlives_its_build(marker: str) -> None:
    """Workers and the search process of a killed build end with it, instead of waiting forever."""
    if not Path("/proc/self/cmdline").exists():
        pytest.skip("needs /proc")
    deadline = time.monotonic() + 10
    while processes_mentioning(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_mentioning(marker) == [], "processes of a killed build are still running"


@pytest.mark.parametrize("write", [1, 6])
def test_a_full_disk_leaves_the_previous_site_and_no_staging(catalog: tuple, write: int) -> None:
    content, site, before, after = catalog
    done = faulty_build("enospc-at-write", write, content, site)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("error: cannot write the site: No space left on device"), done.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []
    assert_next_build_cleans_up(content, site, after)


def test_a_read_only_output_parent_leaves_the_previous_site(catalog: tuple) -> None:
    content, site, before, _ = catalog
    parent_mode = site.parent.stat().st_mode
    site.parent.chmod(0o555)
    try:
        if os.geteuid() == 0:  # chmod does not stop root: simulate the read-only folder
            done = faulty_build("readonly-parent", 0, content, site)
        else:
            command = [sys.executable, "build.py", *build_command(content, site)[1:]]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        site.parent.chmod(parent_mode)
    assert done.returncode == 1
    assert done.stderr.startswith("error: cannot write the site: Permission denied"), done.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_build_killed_between_the_two_renames_is_recovered_by_the_next_build(catalog: tuple) -> None:
    content, site, before, after = catalog
    done = faulty_build("kill-between-renames", 0, content, site)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert not site.exists()
    assert [name for name in leftovers(site) if name.startswith("._site.old-")], leftovers(site)
    make_catalog(content.parent, {"site.yaml": NEW_TITLE, "projects/needs.md": "---\ntitle: broken\n---\n"})
    result = run_cli("build", "--content", content, "--output", site)
    assert result.code == 1
    assert snapshot(site) == before, "the last good site is back in place even when the next build fails"
    assert leftovers(site) == []
    make_catalog(content.parent, {"site.yaml": NEW_TITLE, "projects/needs.md": PROJECT})
    assert_next_build_cleans_up(content, site, after)


def test_stale_leftovers_of_dead_builds_are_removed_but_a_running_builds_are_kept(catalog: tuple) -> None:
    content, site, before, after = catalog
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive:
        try:
            dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
            for name in (f"._site.building-{dead.stdout.strip()}", f"._site.old-{dead.stdout.strip()}", f"._site.spool-{dead.stdout.strip()}",
                         f"._site.building-{alive.pid}"):
                (site.parent / name).mkdir()
                (site.parent / name / "index.html").write_text("partial", encoding="utf-8")
            assert_next_build_cleans_up_except(content, site, after, f"._site.building-{alive.pid}")
        finally:
            alive.kill()


def assert_next_build_cleans_up_except(content: Path, site: Path, expected: dict[str, bytes], kept: str) -> None:
    result = run_cli("build", "--content", content, "--output", site)
    assert result.code == 0, result.out + result.err
    assert snapshot(site) == expected
    assert leftovers(site) == [kept]


def test_the_cache_is_saved_once_the_new_site_is_in_place_and_the_old_one_is_gone_when_the_build_returns(tmp_path: Path) -> None:
    from site_gen.output import write_site

    site = tmp_path / "_site"
    write_site(site, [("index.html", b"first")], None)
    seen: list[tuple[bytes, list[str]]] = []
    write_site(site, [("index.html", b"second")], None, lambda: seen.append(((site / "index.html").read_bytes(), leftovers(site))))
    assert [published for published, _ in seen] == [b"second"], "run once, after the swap"
    assert leftovers(site) == [], "the previous site is removed before write_site returns"
    with pytest.raises(OSError, match="full"):
        write_site(site, [("index.html", b"third")], None, lambda: (_ for _ in ()).throw(OSError("full")))
    assert (site / "index.html").read_bytes() == b"third" and leftovers(site) == []
