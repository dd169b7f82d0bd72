"""Static assets as published: scripts and style sheets minified, versions from the published bytes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT
from site_gen.assets import asset_versions, published_bytes, static_files

STATIC = ROOT / "static"


@pytest.mark.parametrize(
    ("name", "source", "published"),
    [
        ("js/a.js", b"/** Say hi. */\nfunction hi(name) {\n  return 'hi ' + name; // greet\n}\n", b"function hi(name){return'hi '+name;}"),
        ("js/b.js", b"var url = 'http://x/*y*/';  // a string is kept whole\n", b"var url='http://x/*y*/';"),
        ("js/c.js", b"var t = `a // ${b} /* c */`;\n", b"var t=`a // ${b} /* c */`;"),
        ("style.css", b"/* colours */\na {\n  color : red ;\n}\n", b"a{color:red}"),
        ("UPPER.CSS", b"a { color: red; }", b"a{color:red}"),
        ("favicon.svg", b"<svg>  <!-- kept --> </svg>\n", b"<svg>  <!-- kept --> </svg>\n"),
    ],
)
def test_scripts_and_style_sheets_are_published_minified_and_other_files_as_they_are(name: str, source: bytes, published: bytes) -> None:
    assert published_bytes(name, source) == published


def test_the_build_publishes_every_static_file_minified(built_site: Path) -> None:
    sources = sorted(path.relative_to(STATIC).as_posix() for path in STATIC.rglob("*") if path.is_file())
    assert [route for route, _ in static_files(STATIC)] == ["static/" + name for name in sources]
    for name in sources:
        source = (STATIC / name).read_bytes()
        assert (built_site / "static" / name).read_bytes() == published_bytes(name, source)
    scripts = [name for name in sources if name.endswith(".js")]
    # The readable sources are commented; what a visitor downloads is at most two thirds of them.
    assert sum((built_site / "static" / name).stat().st_size for name in scripts) < sum((STATIC / name).stat().st_size for name in scripts) * 2 / 3


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_every_published_script_is_still_valid_javascript(built_site: Path) -> None:
    for script in sorted((built_site / "static" / "js").glob("*.js")):
        checked = subprocess.run(["node", "--check", str(script)], capture_output=True, text=True)
        assert checked.returncode == 0, f"{script.name}: {checked.stderr}"


def test_a_version_changes_with_the_published_bytes_not_with_a_comment(tmp_path: Path) -> None:
    (tmp_path / "app.js").write_text("var a = 1;\n")
    first = asset_versions(tmp_path)
    (tmp_path / "app.js").write_text("// explain a\nvar a = 1;\n")
    assert asset_versions(tmp_path) == first  # the file a visitor downloads is the same: no need to fetch it again
    (tmp_path / "app.js").write_text("var a = 2;\n")
    assert asset_versions(tmp_path) != first
