"""Load stage helper: lines left from a merge conflict (``<<<<<<< HEAD`` … ``=======`` … ``>>>>>>> branch``).

GitHub's conflict editor writes both versions of the changed lines into the file
between these markers; committed as they are, the front matter is no longer YAML,
and in the body the markers would be published as text (``=======`` even turns the
line above it into a heading).
"""

from __future__ import annotations

import re

_START = re.compile(r"<{7}(?:[ \t].*)?")
_MIDDLE = re.compile(r"={7}[ \t]*")
_END = re.compile(r">{7}(?:[ \t].*)?")


def conflict_problems(text: str) -> list[tuple[int, str]]:
    """(0-based line, message) for each conflict left in ``text``, on its '<<<<<<<' line (or a stray marker's)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index].rstrip("\r")
        if _START.fullmatch(line):
            end = next((later for later in range(index + 1, len(lines)) if _END.fullmatch(lines[later])), None)
            middle = next((later for later in range(index + 1, end if end is not None else len(lines)) if _MIDDLE.fullmatch(lines[later])), None)
            if end is not None and middle is not None:
                found.append((index, (f"'{_shown(line)}' starts a merge conflict left in the file (lines {index + 1}–{end + 1}) — keep the"
                                      " version you want, and delete the other and the lines <<<<<<<, ======= and >>>>>>>")))
                index = end + 1
                continue
            found.append((index, f"'{_shown(line)}' is left over from a merge conflict — delete this line"))
        elif _END.fullmatch(line):
            found.append((index, f"'{_shown(line)}' is left over from a merge conflict — delete this line"))
        index += 1
    return found


def _shown(line: str) -> str:
    return line.strip() if len(line.strip()) <= 40 else line.strip()[:39] + "…"
