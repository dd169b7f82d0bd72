"""Load stage helper: find code fences (```) that a body opens and never closes.

Python-Markdown shows an unclosed fence as literal backticks, while GitHub's
preview, which contributors check their edit in, turns the rest of the file into
a code block: neither is what was meant. The rule followed is Python-Markdown's,
which makes the site: a fence is a line starting, unindented, with three or more
backticks or tildes and an optional language; it is closed by the next line that
is exactly the same fence.
"""

from __future__ import annotations

import re

_OPENING = re.compile(r"(`{3,}|~{3,})[ ]*(?:\{[^\n]*\}|\.?[\w#.+-]*[ ]*(?:hl_lines=(\"|').*?\2[ ]*)?)$")


def first_unclosed_fence(body: str) -> tuple[int, str] | None:
    """(line index within the body, fence) of the first fence that opens a code block no later line closes.

    Only the first: the lines after it pair up differently once it is fixed.
    """
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        opening = _OPENING.match(lines[index])
        if opening is not None:
            fence = opening.group(1)
            closing = next((later for later in range(index + 1, len(lines)) if lines[later].rstrip(" ") == fence), None)
            if closing is None:
                return index, fence
            index = closing
        index += 1
    return None


def fence_message(fence: str) -> str:
    """What to do about an unclosed ``fence``."""
    return (f"'{fence}' starts a block of code that is never closed — add a line of just {fence} where the code ends,"
            f" or delete this line if it is not code")
