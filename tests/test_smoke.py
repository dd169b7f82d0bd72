"""A first end-to-end check: the bundled catalog builds."""

from pathlib import Path


def test_bundled_catalog_builds(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "404.html").is_file()
