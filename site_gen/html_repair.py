"""Render stage helper: make sanitised body HTML valid HTML, by repair rather than refusal.

nh3 keeps only harmless tags and attributes, but harmless is not valid: raw HTML
may put a ``<div>`` in a ``<span>``, text straight in a ``<ul>``, a ``<li>`` outside
any list, or nest elements thousands of levels deep, and the page must still pass
the Nu HTML Checker. ``repair`` reads nh3's output (whole tags, quoted values,
every element closed) into a small tree and fixes each element that its parent
does not allow:

- most are *unwrapped*: the element goes, its text and children stay and are
  checked against the parent in its place (``<span><div>x</div></span>`` ->
  ``<span>x</span>``; a ``<li>`` outside a list keeps only its text);
- what a list holds besides items goes in an item of its own; what a ``<dl>``
  holds besides terms and descriptions goes in a description, and a ``<dl>``
  whose terms and descriptions do not pair up becomes plain ``<div>`` elements;
- a table's parts are put in HTML's order (caption, column groups, head, bodies,
  foot), a ``<details>`` without a leading ``<summary>`` and a misplaced
  ``<figcaption>`` are unwrapped, cells that span rows or columns no other cell
  starts in are narrowed;
- elements nested deeper than ``MAX_DEPTH`` are unwrapped (browsers flatten a
  page deeper than 513 elements; Markdown's own output never gets there).

The content model below is HTML's, limited to the tags the sanitiser allows
(``markup.ALLOWED_TAGS``). Markup that is already valid comes out byte for byte
as it went in. Attribute values and URLs are repaired earlier, in the sanitiser's
attribute filter (``repair_url``, ``valid_attribute``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

# Elements nested in a body: the checker's limit is 513 in the whole page, which adds 5 (6 around a
# table); Markdown alone never nests 400 (lists stop at 100 levels, 200 elements; quotes near 300).
MAX_DEPTH = 400

PHRASING = frozenset(
    "a abbr b bdi bdo br cite code del dfn em i ins kbd mark q s samp small span strong sub sup time u var wbr".split()
)
HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
FLOW = PHRASING | HEADINGS | frozenset("blockquote details div dl figure hr ol p pre table ul".split())
TRANSPARENT = frozenset({"a", "del", "ins"})  # allow what their parent allows
VOID = frozenset({"br", "col", "hr", "wbr"})
_PHRASING_PARENTS = (PHRASING - TRANSPARENT - {"br", "wbr"}) | HEADINGS | {"p", "pre"}
_FLOW_PARENTS = frozenset("blockquote caption dd div dt figcaption li td th".split())
_TABLE_PARTS = {"table": frozenset("caption colgroup thead tbody tfoot tr".split()), "thead": frozenset({"tr"}),
                "tbody": frozenset({"tr"}), "tfoot": frozenset({"tr"}), "tr": frozenset({"td", "th"}), "colgroup": frozenset({"col"})}
# children each element allows (text too where it allows phrasing content)
ALLOWED_CHILDREN: dict[str, frozenset[str]] = {
    **{tag: PHRASING for tag in _PHRASING_PARENTS},
    **{tag: FLOW for tag in _FLOW_PARENTS},
    "summary": PHRASING | HEADINGS,
    "figure": FLOW | {"figcaption"},
    "details": FLOW | {"summary"},
    "ul": frozenset({"li"}), "ol": frozenset({"li"}),
    "dl": frozenset({"dt", "dd"}),
    **_TABLE_PARTS,
}
# descendants an element forbids however deep (HTML: no link in a link, no heading in a table header, ...)
FORBIDDEN_INSIDE: dict[str, frozenset[str]] = {
    "a": frozenset({"a", "details", "table"}),  # (interactive content; a table's scroll region takes the keyboard's focus)
    "dfn": frozenset({"dfn"}),
    "dt": HEADINGS, "th": HEADINGS,
    "caption": frozenset({"table"}),
}
_WRAPPER = {"ul": "li", "ol": "li", "dl": "dd"}  # what stray content of these goes in
_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_WHITE = " \t\n\f\r"


@dataclass
class _Element:
    tag: str
    start: str  # the start tag as written by the sanitiser, attributes and all
    children: list[_Element | str] = field(default_factory=list)

    def rename(self, tag: str) -> None:
        self.tag, self.start = tag, f"<{tag}>"


def _blank(child: _Element | str) -> bool:
    return isinstance(child, str) and not child.strip(_WHITE)


def _grouped(dl: _Element) -> bool:
    """Whether a ``<dl>`` holds only ``<div>`` groups, each of terms followed by descriptions."""
    groups = [item for item in dl.children if not _blank(item)]
    return bool(groups) and all(isinstance(group, _Element) and group.tag == "div" and _terms_then_descriptions(group, empty=False) for group in groups)


def _terms_then_descriptions(element: _Element, empty: bool = True) -> bool:
    items = [item for item in element.children if not _blank(item)]
    if not all(isinstance(item, _Element) and item.tag in ("dt", "dd") for item in items):
        return False
    return re.fullmatch(r"(?:t+d+)*" if empty else r"(?:t+d+)+", "".join("t" if item.tag == "dt" else "d" for item in items)) is not None  # type: ignore[union-attr]


class _Repair:
    """One body's repair; ``changed`` says whether anything was repaired."""

    def __init__(self) -> None:
        self.changed = False

    def parse(self, html: str) -> _Element:
        """The body as a tree; elements beyond ``MAX_DEPTH`` are left out (their children kept)."""
        root = _Element("div", "")
        stack: list[_Element | None] = [root]
        kept = [root]
        done = 0
        for tag in _TAG.finditer(html):
            if tag.start() > done:
                kept[-1].children.append(html[done:tag.start()])
            done = tag.end()
            closing, name = tag.group(1), tag.group(2)
            if closing:
                if stack.pop() is not None:
                    kept.pop()
                continue
            if name in VOID and len(kept) <= MAX_DEPTH:
                kept[-1].children.append(_Element(name, tag.group(0)))
                continue
            if name in VOID:
                self.changed = True
                continue
            if len(kept) > MAX_DEPTH:
                self.changed = True
                stack.append(None)
                continue
            element = _Element(name, tag.group(0))
            kept[-1].children.append(element)
            kept.append(element)
            stack.append(element)
        if done < len(html):
            root.children.append(html[done:])
        return root

    def fix(self, element: _Element, allowed: frozenset[str], forbidden: frozenset[str], depth: int = 0) -> None:
        """Repair ``element``'s children, which its context allows as ``allowed`` and forbids as ``forbidden``.

        ``depth``: how deep ``element`` is (a list item made for stray content adds a level, so depth is checked here too).
        """
        tag = element.tag
        if tag == "dl" and _grouped(element):  # (HTML's other form: each term and its descriptions in a <div>)
            for group in element.children:
                if isinstance(group, _Element):
                    self.fix(group, frozenset({"dt", "dd"}), forbidden, depth + 1)
            return
        if tag in ("ul", "ol", "dl"):
            element.children = self._wrap_strays(element.children, _WRAPPER[tag], ALLOWED_CHILDREN[tag])
        children: list[_Element | str] = []
        pending = list(reversed(element.children))
        text_allowed = "span" in allowed  # (phrasing allowed: text too)
        while pending:
            child = pending.pop()
            if isinstance(child, str):
                if text_allowed or _blank(child):
                    children.append(child)
                else:
                    self.changed = True  # (only a table's parts can get here: HTML's parser moves text out of tables)
                continue
            if child.tag in allowed and child.tag not in forbidden and depth < MAX_DEPTH and self._fits(child, element):
                inner = ALLOWED_CHILDREN.get(child.tag, allowed & FLOW if child.tag in TRANSPARENT else frozenset())
                self.fix(child, inner, forbidden | FORBIDDEN_INSIDE.get(child.tag, frozenset()), depth + 1)
                children.append(child)
            else:
                self.changed = True
                pending.extend(reversed(child.children))
        element.children = children
        if tag == "summary":
            self._single_heading(element)
        elif tag == "dl":
            self._pair_terms(element)
        elif tag == "table":
            self._order_table(element)

    def _fits(self, child: _Element, parent: _Element) -> bool:
        """Checks beyond the content model: where a ``summary`` or ``figcaption`` may be, and what some elements need."""
        if child.tag == "details":
            first = next((item for item in child.children if not _blank(item)), None)
            return isinstance(first, _Element) and first.tag == "summary"
        if child.tag == "summary":
            return next(item for item in parent.children if not _blank(item)) is child
        if child.tag == "figcaption":
            placed = [item for item in parent.children if not _blank(item)]
            return child is placed[0] or (child is placed[-1] and not (isinstance(placed[0], _Element) and placed[0].tag == "figcaption"))
        if child.tag == "bdo":
            return " dir=" in child.start
        if child.tag == "time" and " datetime=" not in child.start:  # (its text is then its date: no elements in it)
            return all(isinstance(item, str) for item in child.children)
        if child.tag == "a" and " hreflang=" in child.start and " href=" not in child.start:
            child.start = re.sub(r' hreflang="[^"]*"', "", child.start)  # (the language of a link's target: no target, no language)
            self.changed = True
        if child.tag == "colgroup" and " span=" in child.start and any(isinstance(item, _Element) for item in child.children):
            child.start = re.sub(r' span="[^"]*"', "", child.start)  # (a column group gives its span or its columns, not both)
            self.changed = True
        return True

    def _wrap_strays(self, children: list[_Element | str], wrapper: str, allowed: frozenset[str]) -> list[_Element | str]:
        """Put each run of children other than ``allowed`` ones (white space aside) in a new ``wrapper`` element.

        In a ``<dl>``, a ``<div>`` (HTML's way to group a term with its descriptions) is unwrapped instead.
        """
        result: list[_Element | str] = []
        stray: _Element | None = None
        pending = list(reversed(children))
        while pending:
            child = pending.pop()
            if isinstance(child, _Element) and child.tag == "div" and wrapper == "dd":
                self.changed = True
                pending.extend(reversed(child.children))
                continue
            if (isinstance(child, _Element) and child.tag in allowed) or (stray is None and _blank(child)):
                stray = None
                result.append(child)
                continue
            if stray is None:
                self.changed = True
                stray = _Element(wrapper, f"<{wrapper}>")
                result.append(stray)
            stray.children.append(child)
        return result

    def _single_heading(self, summary: _Element) -> None:
        """A ``<summary>`` holds one heading and nothing else, or no heading: other headings in it keep only their text."""
        filled = [item for item in summary.children if not _blank(item)]
        if len(filled) < 2 or not any(isinstance(item, _Element) and item.tag in HEADINGS for item in filled):
            return
        self.changed = True
        summary.children = [part for item in summary.children for part in (
            item.children if isinstance(item, _Element) and item.tag in HEADINGS else [item])]

    def _pair_terms(self, element: _Element) -> None:
        """A ``<dl>`` must be groups of terms each followed by descriptions; if it is not, it and its items become ``<div>``."""
        if _terms_then_descriptions(element):
            return
        self.changed = True
        element.rename("div")
        for item in element.children:
            if isinstance(item, _Element):
                item.rename("div")

    def _order_table(self, element: _Element) -> None:
        """Put a table's parts in HTML's order: caption, column groups, head, bodies, foot (one caption, head and foot).

        A second caption's text joins the first; a second head or foot becomes a body. Browsers
        show a head first and a foot last wherever they are written, so moving them changes nothing seen.
        """
        parts = [item for item in element.children if isinstance(item, _Element)]
        captions = [item for item in parts if item.tag == "caption"]
        extras = [item for item in parts if item.tag == "thead"][1:] + [item for item in parts if item.tag == "tfoot"][1:]
        for extra in extras:
            extra.rename("tbody")
        for extra in captions[1:]:
            captions[0].children += [" ", *extra.children]
        rank = {"caption": 0, "colgroup": 1, "thead": 2, "tbody": 3, "tr": 3, "tfoot": 4}
        ordered = sorted((item for item in parts if item not in captions[1:]), key=lambda item: rank[item.tag])  # (stable)
        if ordered != parts or extras:
            self.changed = True
            element.children = list(ordered)  # (white space between parts goes: none is needed)
        self._fit_spans(element)

    def _fit_spans(self, table: _Element) -> None:
        """Fix what HTML calls table model errors: rows spanned past their group, rows and columns in which no cell starts.

        Empty rows go, a rowspan stops at its group's end, a colspan covers only columns in
        which some cell starts, and column groups that do not match the cells go (after
        sanitising they carry nothing but a span).
        """
        starts: set[int] = set()
        cells: list[tuple[_Element, int, int]] = []  # (cell, first column, columns spanned)
        row_ends: list[int] = []  # the column after the last one each row reaches
        rows_placed: list[int] = []  # how many cells were placed up to the end of each row
        for group in (item for item in table.children if isinstance(item, _Element) and item.tag in ("thead", "tbody", "tfoot", "tr")):
            rows = [group] if group.tag == "tr" else self._rows(group)
            above: list[tuple[int, int, int]] = []  # (first column, column after the last, last row) of cells spanning rows
            for index, row in enumerate(rows):
                above = [item for item in above if item[2] >= index]
                taken = sorted(above)
                column, next_taken, end = 0, 0, 0  # (a row's width, for the checker: up to its last cell that starts in it)
                for cell in (item for item in row.children if isinstance(item, _Element)):
                    while next_taken < len(taken) and taken[next_taken][0] <= column:
                        column = max(column, taken[next_taken][1])
                        next_taken += 1
                    span, down = _number(cell.start, "colspan", 1), _rowspan(cell)
                    if next_taken < len(taken) and taken[next_taken][0] < column + span:  # (it would overlap a cell from above)
                        span = taken[next_taken][0] - column
                        cell.start = _set_number(cell.start, "colspan", span)
                        self.changed = True
                    if index + down > len(rows):
                        down = len(rows) - index
                        cell.start = _set_number(cell.start, "rowspan", down)
                        self.changed = True
                    if down != 1:
                        above.append((column, column + span, len(rows) - 1 if down == 0 else index + down - 1))
                    starts.add(column)
                    cells.append((cell, column, span))
                    column += span
                    end = max(end, column)
                row_ends.append(end)
                rows_placed.append(len(cells))
        ordered = sorted(starts)
        placed: list[tuple[int, int]] = []  # (first column, column after the last) of each cell, the empty columns gone
        for cell, column, span in cells:
            useful = bisect.bisect_left(ordered, column + span) - bisect.bisect_left(ordered, column)
            if useful != span:
                cell.start = _set_number(cell.start, "colspan", useful)
                self.changed = True
            placed.append((bisect.bisect_left(ordered, column), bisect.bisect_left(ordered, column) + useful))
        groups = [item for item in table.children if isinstance(item, _Element) and item.tag == "colgroup"]
        established = sum(sum(_number(col.start, "span", 1) for col in group.children if isinstance(col, _Element))
                          or _number(group.start, "span", 1) for group in groups)
        widths = {bisect.bisect_left(ordered, end) for end in row_ends}  # (once the columns no cell starts in are gone)
        if groups and widths != {established}:
            table.children = [item for item in table.children if item not in groups]
            groups, established = [], 0
            self.changed = True
        rows = [placed[first:last] for first, last in zip([0, *rows_placed], rows_placed)]
        if _checker_finds_empty_columns(rows, self._column_spans(groups)):
            for cell, _, _ in cells:  # (one cell per column: no column without a cell starting in it)
                cell.start = re.sub(r' colspan="[^"]*"', "", cell.start)
            table.children = [item for item in table.children if item not in groups]
            self.changed = True

    @staticmethod
    def _column_spans(groups: list[_Element]) -> list[int]:
        spans = []
        for group in groups:
            columns = [_number(col.start, "span", 1) for col in group.children if isinstance(col, _Element)]
            spans += columns or [_number(group.start, "span", 1)]
        return spans

    def _rows(self, group: _Element) -> list[_Element]:
        """The rows of a row group, empty ones removed (no cell would start in them), spans over them shortened."""
        rows: list[_Element] = []
        reach: list[tuple[_Element, int]] = []  # (cell with a rowspan, index of the last row it spans)
        for row in [item for item in group.children if isinstance(item, _Element)]:
            cells = [item for item in row.children if isinstance(item, _Element)]
            if not cells:
                group.children.remove(row)
                self.changed = True
                for cell, last in reach:
                    if last >= len(rows) and _rowspan(cell) > 1:
                        cell.start = _set_number(cell.start, "rowspan", _rowspan(cell) - 1)
                reach = [(cell, last - 1) for cell, last in reach if last > len(rows)]  # (only spans still reaching down)
                continue
            reach = [item for item in reach if item[1] > len(rows)]
            reach += [(cell, len(rows) + _rowspan(cell) - 1) for cell in cells if _rowspan(cell) > 1]
            rows.append(row)
        return rows

    def serialise(self, element: _Element, out: list[str]) -> None:
        for child in element.children:
            if isinstance(child, str):
                out.append(child)
            elif child.tag in VOID:
                out.append(child.start)
            else:
                out.append(child.start)
                self.serialise(child, out)
                out.append(f"</{child.tag}>")


class _Columns:
    """A run of columns in which no cell has started yet, as the Nu HTML Checker keeps them (a linked list)."""

    __slots__ = ("left", "right", "next")

    def __init__(self, left: int, right: int) -> None:
        self.left, self.right, self.next = left, right, None  # type: ignore[var-annotated]


def _checker_finds_empty_columns(rows: list[list[tuple[int, int]]], column_spans: list[int]) -> bool:
    """Whether the Nu HTML Checker reports columns "established by" a cell or ``col`` "with no cells beginning in" them.

    Its bookkeeping is reproduced step by step rather than HTML's rule (every column has a cell
    starting in it), because it can report a column in which a cell does start: when one row
    splits a run of empty columns and then empties the run's right part, that part stays listed.
    ``rows`` are the cells of each row as (first column, column after the last).
    """
    first: _Columns | None = None
    last: _Columns | None = None
    width = 0
    for span in column_spans:
        added = _Columns(width, width + span)
        if last is None:
            first = added
        else:
            last.next = added
        last, width = added, width + span
    for cells in rows:
        current, previous = first, None
        for left, right in cells:
            if right > width:
                added = _Columns(width if left != width else left + 1, right)
                grew_from_the_edge, width = left == width, right
                if added.left < added.right:
                    if last is None:
                        first = added
                    else:
                        last.next = added
                    last = added
                if grew_from_the_edge:
                    continue
            while current is not None:
                if left < current.left:
                    break
                if left >= current.right:
                    previous, current = current, current.next
                    continue
                if current.left + 1 == current.right:  # (its one column now has a cell: the run goes)
                    if previous is not None:
                        previous.next = current.next
                    if first is current:
                        first = current.next
                    if last is current:
                        last = previous
                    current = current.next
                elif left == current.left:
                    current.left += 1
                elif left + 1 == current.right:
                    current.right -= 1
                else:  # (split: the checker goes on from the right part, its left part not noted as the previous run)
                    split = _Columns(left + 1, current.right)
                    split.next, current.next, current.right = current.next, split, left
                    if last is current:
                        last = split
                    current = split
                break
    return first is not None


def _rowspan(cell: _Element) -> int:
    """Rows a cell spans, 0 for "to the end of its group": as the checker reads 65534, the most HTML allows."""
    rows = _number(cell.start, "rowspan", 1)
    return 0 if rows == 65534 else rows


def _number(start: str, name: str, default: int) -> int:
    found = re.search(rf' {name}="([0-9]+)"', start)
    return int(found[1]) if found else default


def _set_number(start: str, name: str, value: int) -> str:
    if re.search(rf' {name}="', start):
        return re.sub(rf' {name}="[^"]*"', f' {name}="{value}"', start)
    return start[:-1] + f' {name}="{value}">'


def repair(html: str) -> str:
    """``html`` (the sanitiser's output) made valid HTML; the very same string when it already is."""
    work = _Repair()
    root = work.parse(html)
    work.fix(root, FLOW, frozenset())
    if not work.changed:
        return html
    out: list[str] = []
    work.serialise(root, out)
    return "".join(out)


# --- attribute values (checked in the sanitiser's attribute filter, for every body) ---

_URL_UNSAFE = re.compile(r"[\x00-\x20\"<>\\^`{|}\x7f]|%(?![0-9A-Fa-f]{2})")
_AUTHORITY = re.compile(r"(?i)(?:https?:)?//([^/?#]*)")
_BAD_AUTHORITY = re.compile(r"[\x00-\x20\"<>\\^`{|}%]|\.\.|^\.|@.*@")


def repair_url(url: str) -> str | None:
    """``url`` with the characters HTML does not allow in a URL percent-encoded; None if its host cannot be a host.

    (A space, '<', '|', a '%' that starts no escape, a second '#', ... An address the
    checker accepts is returned as it is.)
    """
    head, hash_mark, fragment = url.strip(_WHITE).partition("#")  # (white space around an address is allowed)
    if _URL_UNSAFE.search(head) is None and _URL_UNSAFE.search(fragment) is None and "#" not in fragment:
        fixed = url
    else:
        fixed = _URL_UNSAFE.sub(_escape, head) + hash_mark + _URL_UNSAFE.sub(_escape, fragment).replace("#", "%23")
    if fixed.lstrip(_WHITE)[:6].lower().startswith(("http:", "https:", "//")):
        authority = _AUTHORITY.match(fixed.lstrip(_WHITE))
        if authority is None:
            return None  # ('https:x', 'https:/x': no host)
        host = authority[1].rpartition("@")[2]
        original = _AUTHORITY.match(url.strip(_WHITE))
        if not host or _BAD_AUTHORITY.search(original[1] if original else "") or host.startswith(".") or ".." in host:
            return None
    return fixed


def _escape(found: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in found[0].encode("utf-8"))


_LIMITS = {"span": (1, 1000), "colspan": (1, 1000), "rowspan": (0, 65534)}
_KEYWORDS = {"dir": ("ltr", "rtl", "auto"), "scope": ("row", "col", "rowgroup", "colgroup")}


def valid_attribute(element: str, attribute: str, value: str) -> str | None:
    """``value`` if HTML allows it for ``attribute`` (a repaired one, or None to drop it); others pass unchecked here."""
    if attribute in _LIMITS:
        low, high = _LIMITS[attribute]
        return value if value.isascii() and value.isdigit() and low <= int(value) <= high else None
    if attribute in _KEYWORDS:
        return value if value.lower() in _KEYWORDS[attribute] else None
    if attribute == "start":
        return value if re.fullmatch(r"-?[0-9]+", value) else None
    if attribute == "reversed":  # (a boolean attribute: any value turns it on, HTML wants '' or its name)
        return value if value.lower() in ("", "reversed") else ""
    if attribute in ("hreflang", "lang"):  # (an empty lang says the language is unknown: valid)
        return value if not value or is_language_tag(value) else None
    if attribute in ("href", "cite"):
        return repair_url(value)
    return value


@lru_cache(maxsize=256)
def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a language tag the checker knows: a language, then maybe a script and a region.

    The checker reads the IANA registry; pycountry's ISO lists are the same codes for
    these parts. Rarer forms (variants, extensions, private use) are dropped.
    """
    import pycountry  # (loaded on the first hreflang or lang only)

    found = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}))?", value)
    if found is None:
        return False
    language, script, region = found.groups()
    if pycountry.languages.get(**{"alpha_2" if len(language) == 2 else "alpha_3": language.lower()}) is None:
        return False
    if script is not None and pycountry.scripts.get(alpha_4=script.title()) is None:
        return False
    return region is None or pycountry.countries.get(alpha_2=region.upper()) is not None
