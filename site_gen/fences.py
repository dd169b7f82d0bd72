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


# A fence GitHub's preview takes for one but Python-Markdown does not: indented 1-3 spaces, or
# more under a list item. The site then shows the code inline, its lines run together (and a
# language name as its first word); closed with a single line of code and no language it
# reads as inline code, which is what it looks like, so it is left alone.
_INDENTED = re.compile(r"([ \t]+)(`{3,}|~{3,})[ ]*([\w#.+-]*)[ ]*$")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")


def indented_fence_problems(body: str) -> list[tuple[int, str]]:
    """(line index within the body, message) for each indented code fence that the site does not show as a block."""
    if "```" not in body and "~~~" not in body:
        return []
    lines = body.split("\n")
    found: list[tuple[int, str]] = []
    index, previous = 0, ""
    while index < len(lines):
        line = lines[index]
        opening = _OPENING.match(line)
        if opening is not None:  # (an unindented block: its lines are code, whatever they hold)
            closing = next((later for later in range(index + 1, len(lines)) if lines[later].rstrip(" ") == opening.group(1)), None)
            index, previous = (closing if closing is not None else index) + 1, line
            continue
        indented = _INDENTED.fullmatch(line)
        if indented is not None and (len(indented.group(1).expandtabs(4)) < 4 or _LIST_ITEM.match(previous) or previous[:1] in (" ", "\t")):
            fence, language = indented.group(2), indented.group(3)
            closing = next((later for later in range(index + 1, len(lines)) if lines[later].strip() == fence), None)
            if closing is None:
                found.append((index, f"'{fence}' starts a block of code that is never closed, and is indented — start it at the beginning of"
                                     f" the line and add a line of just {fence} where the code ends, or delete this line if it is not code"))
                index += 1
                continue
            if closing - index > 2 or language:
                found.append((index, f"'{line.strip()}' is indented, so the site runs the code below it together on one line — start it and its"
                                     f" closing {fence} at the beginning of the line, outside any list"))
            index, previous = closing + 1, lines[closing]
            continue
        if line.strip():
            previous = line
        index += 1
    return found
