"""An ``updated`` date after the build's day is a typo (2062 for 2026): refused, whatever the cache or the preview remember."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ELECTIVE, PAGE, PROJECT, make_catalog, problem_lines, run_cli, snapshot
from site_gen.cache import BuildCache
from site_gen.live import LiveSite
from site_gen.pipeline import BuildOptions, build

# The tests' build date is 2026-10-01 (conftest); this is 2062-12-01 00:00 UTC.
IN_2062 = "2932156800"
TYPO = PROJECT.replace("tags: [maternal health]", "tags: [maternal health]\nupdated: 2062-11-30")
MESSAGE = ("content/projects/needs.md:9: updated: 2062-11-30 is in the future (the build's date is 2026-10-01)"
           " — write the date of the entry's last change, 2026-10-01 or earlier")


def test_check_refuses_an_updated_date_in_the_future_on_its_line(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": TYPO})
    result = run_cli("check", "--content", content)
    assert result.code == 1
    assert problem_lines(result) == [MESSAGE]


@pytest.mark.parametrize(("updated", "is_refused"), [("2026-10-01", False), ("2026-10-02", False), ("2026-10-03", True), ("2027-01-01", True)])
def test_a_day_ahead_is_allowed_for_time_zones(tmp_path: Path, updated: str, is_refused: bool) -> None:
    page = PAGE.replace("summary: About the office.", f"summary: About the office.\nupdated: {updated}")
    content = make_catalog(tmp_path, {"pages/about.md": page})
    result = run_cli("check", "--content", content)
    assert result.code == (1 if is_refused else 0), result.out
    if is_refused:
        assert problem_lines(result)[0].startswith(f"content/pages/about.md:4: updated: {updated} is in the future")


def test_a_future_date_is_reported_with_the_file_s_other_mistakes(tmp_path: Path) -> None:
    """Every problem in one run: a wrong country did not hide the date until it was fixed."""
    content = make_catalog(tmp_path, {"projects/needs.md": TYPO.replace("countries: [CN]", "countries: [China]")})
    lines = problem_lines(run_cli("check", "--content", content))
    assert MESSAGE in lines and any(line.startswith("content/projects/needs.md:6: countries[0]: 'China'") for line in lines), lines


def test_a_draft_is_checked_too(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {"projects/needs.md": TYPO.replace("---\ntitle", "---\ndraft: true\ntitle", 1)})
    assert run_cli("check", "--content", content).code == 1


def test_future_plans_and_deadlines_are_not_mistakes(tmp_path: Path) -> None:
    """A project's start and end, and an elective's deadline, are often in the future."""
    project = PROJECT.replace("status: active", "status: planned\nstart: 2062-01-01\nend: 2063")
    elective = ELECTIVE.replace("deadline: 2026-11-30", "deadline: 2062-11-30")
    content = make_catalog(tmp_path, {"projects/needs.md": project, "electives/surgery.md": elective})
    result = run_cli("check", "--content", content)
    assert result.code == 0, result.out


def test_the_build_cache_does_not_keep_a_verdict_made_on_another_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The memo reuses a source's verdict for the same bytes: the date is checked again on every build."""
    content = make_catalog(tmp_path, {"projects/needs.md": TYPO})
    output = tmp_path / "_site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", IN_2062)
    assert run_cli("build", "--content", content, "--output", output).code == 0
    before = snapshot(output)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790812800")  # back to 2026-10-01, same bytes, same cache
    result = run_cli("build", "--content", content, "--output", output)
    assert result.code == 1
    assert problem_lines(result) == [MESSAGE]
    assert snapshot(output) == before
    assert run_cli("check", "--content", content).code == 1
    monkeypatch.setenv("SOURCE_DATE_EPOCH", IN_2062)
    assert run_cli("build", "--content", content, "--output", output).code == 0


def test_a_cache_kept_in_memory_checks_the_date_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` keeps one ``BuildCache`` for every build it makes."""
    content = make_catalog(tmp_path, {"projects/needs.md": TYPO})
    options = BuildOptions(content, tmp_path / "_site", jobs=1)
    cache = BuildCache.open(options.cache_folder)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", IN_2062)
    assert build(options, cache).ok
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790812800")
    assert [str(problem) for problem in build(options, cache).problems] == [MESSAGE]


def test_the_preview_reports_a_future_date_and_its_fix_clears_it(tmp_path: Path) -> None:
    content = make_catalog(tmp_path, {})
    live = LiveSite.open(BuildOptions(content, tmp_path / "_site", use_cache=False))
    project = content / "projects/needs.md"
    project.write_text(TYPO, encoding="utf-8")
    assert [str(problem) for problem in live.update([project])] == [MESSAGE]
    project.write_text(TYPO.replace("2062-11-30", "2026-09-30"), encoding="utf-8")
    assert live.update([project]) == []
    assert b"<time datetime=\"2026-09-30\">30 September 2026</time>" in (live.page("projects/needs/") or b"")
