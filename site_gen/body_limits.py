"""Load stage helper: refuse Markdown bodies that Python-Markdown cannot render in bounded time.

Python-Markdown slows down more than linearly on some inputs, and recurses once
per level of nesting; these limits bound the time and stack one body can take
(a second or two at worst), so one odd file never stalls or crashes a build.
Each limit is far above what prose, tables and lists written by people reach.
"""

from __future__ import annotations

import re

MAX_BODY_CHARS = 50_000
MAX_BODY_BRACKETS = 2_000
# Python-Markdown parses each level of a nested list one Python call deeper (about 250
# levels exhaust the stack); quotes ('>') do not count, it reads them in a loop.
MAX_NESTING = 100
# Python's HTML parser reads from each '<' that may start a tag to the next '>': the
# sum of those distances over a body is its parsing work (10 million: about a second).
MAX_TAG_SCAN = 10_000_000
# A long run of tabs, spaces, list and quote markers at the start of a line: the only
# lines that can nest deeply (one character class, so no backtracking).
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-.)0-9]{{{MAX_NESTING},}}", re.MULTILINE)
_TAG_START = re.compile(r"<(?:[a-zA-Z]|!--)")
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t])")


def nesting_depth(line: str) -> int:
    """Levels of lists a line opens: one per marker ('-', '1.') and per indent of four columns, quotes ('>') skipped.

    A line of nothing but '-', '*' or '_' and spaces is a horizontal rule, not a list.
    """
    if len(set(line.replace(" ", "").replace("\t", ""))) == 1 and line.strip()[0] in "-*_":
        return 0
    depth, index, spaces = 0, 0, 0
    while index < len(line):
        char = line[index]
        if char == " " or char == "\t":
            spaces += 4 if char == "\t" else 1
            index += 1
            continue
        depth, spaces = depth + spaces // 4, 0
        if char == ">":
            index += 1
            continue
        marker = _LIST_MARKER.match(line, index)
        if marker is None:
            break
        depth, index = depth + 1, marker.end()
    return depth + spaces // 4


def _deepest_line(body: str) -> tuple[int, int] | None:
    """(line index, depth) of the first line with lists nested more than ``MAX_NESTING`` levels, if any."""
    for match in _DEEP_PREFIX.finditer(body):
        end = body.find("\n", match.start())
        depth = nesting_depth(body[match.start(): end if end >= 0 else len(body)])
        if depth > MAX_NESTING:
            return body.count("\n", 0, match.start()), depth
    return None


def _tag_scan(body: str) -> tuple[int, int]:
    """Characters the HTML parser reads past tag (or comment) starts to find their end, and where the longest read starts."""
    total, longest, longest_at = 0, -1, 0
    for match in _TAG_START.finditer(body):
        start = match.start()
        end = body.find("-->" if body.startswith("<!--", start) else ">", start)
        distance = (end if end >= 0 else len(body)) - start
        total += distance
        if distance > longest:
            longest, longest_at = distance, start
    return total, longest_at


def body_problem(body: str) -> tuple[int, str] | None:
    """Why a Markdown body cannot be rendered in bounded time, if so: (line index within the body, message)."""
    if len(body) > MAX_BODY_CHARS:
        return 0, f"the text is too long ({len(body):,} characters; at most {MAX_BODY_CHARS:,}) — split it into several pages"
    brackets = body.count("[")
    if brackets > MAX_BODY_BRACKETS:
        return 0, f"the text has {brackets:,} '[' characters (at most {MAX_BODY_BRACKETS:,}) — write fewer links"
    deep = _deepest_line(body)
    if deep is not None:
        line, depth = deep
        return line, f"this line nests lists {depth} levels deep (at most {MAX_NESTING}) — use fewer levels"
    if "<" in body:
        scanned, longest_at = _tag_scan(body)
        if scanned > MAX_TAG_SCAN:
            return body.count("\n", 0, longest_at), (
                "this line has a '<' that starts an HTML tag but is never closed with '>' (and the text has many) — "
                "close the tag, or write '&lt;' for a '<' that is not a tag"
            )
    return None
