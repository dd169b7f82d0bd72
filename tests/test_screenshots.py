"""scripts/screenshots.py photographs chosen pages at phone and desktop widths."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_width(path: Path) -> int:
    """Width in pixels from a PNG's IHDR chunk."""
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), path
    return int(struct.unpack(">I", data[16:20])[0])


def test_screenshots_of_chosen_pages(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/screenshots.py"), "--out", str(out), "--pages", "home", "electives-entry"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    widths = {path.name: png_width(path) for path in sorted(out.glob("*.png"))}
    assert widths == {"home-phone.png": 375, "home-desktop.png": 1280,
                      "electives-entry-phone.png": 375, "electives-entry-desktop.png": 1280}
    assert result.stdout.split() == [str(out / name) for name in
                                     ("home-phone.png", "electives-entry-phone.png", "home-desktop.png", "electives-entry-desktop.png")]


def test_unknown_page_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts/screenshots.py"), "--out", str(tmp_path), "--pages", "nope"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 2
    assert "unknown page 'nope'" in result.stderr
