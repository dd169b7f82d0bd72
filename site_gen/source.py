"""Load stage: discover content files, decode them, split front matter, read YAML.

Files in, ``Document`` values (a raw YAML tree of str/None/list/dict with the
line of every field) plus ``Problem`` values out. Nothing here knows the schema.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Container

import yaml

from .body_limits import body_problem
from .conflicts import conflict_problems
from .fences import fence_message, first_unclosed_fence, indented_fence_problems
from .problems import Problem
from .slugs import SLUG_RE, suggest_file_slug
from .suggest import did_you_mean
from .yaml_comments import commented_items, commented_values
from .yaml_mistakes import FIELD_LINE, explain_yaml_mistake, is_mistyped_fence, long_dash_note, misaligned_item, shorten

COLLECTIONS: tuple[str, ...] = ("partners", "projects", "electives", "pages")
SITE_FILE = "site.yaml"
MAX_FILE_BYTES = 2_000_000
MAX_NODES = 20_000
MAX_DEPTH = 20
_TOO_DEEP = f"front matter is nested too deeply (more than {MAX_DEPTH} levels)"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STANDARD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _STANDARD_TAG + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
) | {"!"}
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A field path inside a document: ("countries", 1) or ("cost", "currency").
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """One content file after the load stage: raw front matter and body."""

    collection: str
    slug: str
    path: str  # as shown to people: relative to the catalog root
    data: dict[str, Any]
    lines: dict[FieldPath, int]
    body: str = ""
    body_line: int = 1
    commented: dict[str, str] = field(default_factory=dict)  # fields left empty by a value written after '#' ('tags: #surgery')
    commented_items: dict[FieldPath, str] = field(default_factory=dict)  # the same for list items and inner fields ('- #surgery')

    def line_of(self, path: FieldPath) -> int:
        """Return the line of a field path, or of its nearest ancestor, or 1."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1

    @property
    def says_draft(self) -> bool:
        """``draft: true`` as written, before validation (whether a file with problems means to be a draft)."""
        written = self.data.get("draft")
        return isinstance(written, str) and written.lower() == "true"


@dataclass
class LoadResult:
    """What the load stage found: the site settings, every entry, and problems."""

    site: Document | None = None
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (collection, slug) of every entry file found, readable or not: a reference
    # to a file with problems of its own is not also reported as missing.
    discovered: set[tuple[str, str]] = field(default_factory=set)


DocumentReader = Callable[[Path, Path, list[Problem]], "Document | None"]
# Reads many entry files at once (in order; None for a file that could not be read): lets a memo
# parse the files it has not seen in several processes.
DocumentsReader = Callable[[list[Path], Path, list[Problem]], "list[Document | None]"]


class YamlProblem(Exception):
    """A problem found while reading YAML, at a 1-based line of the file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def display_path(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with forward slashes."""
    text, base = os.fspath(path), os.fspath(root)
    if os.sep == "/" and "/." not in text and "//" not in text and not text.startswith(".") and not text.endswith("/") and not base.endswith("/"):
        # A plain path below root, as the loader makes them (tens of thousands per build): cut the prefix.
        if base == "." and not text.startswith("/"):
            return text
        if text.startswith(base + "/"):
            return text[len(base) + 1:]
    return Path(os.path.relpath(path, root)).as_posix()


def read_each(paths: list[Path], root: Path, problems: list[Problem]) -> list[Document | None]:
    """The plain ``DocumentsReader``: ``load_document`` on each path in turn."""
    return [load_document(path, root, problems) for path in paths]


def load_catalog_sources(content_dir: Path, read: "DocumentsReader | None" = None) -> LoadResult:
    """Read ``site.yaml`` and every entry file below ``content_dir`` (with ``read``, default ``read_each``)."""
    root = content_dir.parent
    result = LoadResult()
    site_path = content_dir / SITE_FILE
    if site_path.is_symlink() and not _is_inside(site_path, content_dir.resolve()):
        result.problems.append(Problem(display_path(site_path, root), 1, "link points outside the content folder — replace it with a real file"))
    elif site_path.is_file():
        result.site = _load_site(site_path, root, result.problems)
    elif site_path.exists():  # (a folder, or a named pipe that reading would wait on for ever)
        what = "a folder" if site_path.is_dir() else "not a plain file"
        result.problems.append(Problem(display_path(site_path, root), 1, f"{SITE_FILE} is {what} — make it a text file with at least title, description and base_url"))
    elif (misnamed := _misnamed_site_file(content_dir)) is not None:
        result.problems.append(Problem(display_path(misnamed, root), 1, f"'{misnamed.name}' is not read — rename it to {SITE_FILE}"))
    else:
        result.problems.append(
            Problem(display_path(site_path, root), 1, f"missing {SITE_FILE} — create it with at least title, description and base_url")
        )
    paths = _discover(content_dir, root, result.problems)
    result.discovered.update((path.parent.name, path.stem) for path in paths)
    result.documents = [document for document in (read or read_each)(paths, root, result.problems) if document is not None]
    return result


def _misnamed_site_file(content_dir: Path) -> Path | None:
    """'site.yml', 'Site.yaml' or 'site.yaml.txt' in place of a missing site.yaml."""
    return next((child for child in sorted(content_dir.iterdir()) if child.is_file()
                 and re.fullmatch(r"site\.ya?ml(\.txt)?", child.name, re.IGNORECASE)), None)


def _discover(content_dir: Path, root: Path, problems: list[Problem]) -> list[Path]:
    """List entry files in a fixed order, reporting unexpected files and folders (a misnamed site.yaml is reported apart)."""
    found: list[Path] = []
    real_root = content_dir.resolve()
    misnamed = _misnamed_site_file(content_dir) if not (content_dir / SITE_FILE).exists() else None
    for child in sorted(content_dir.iterdir()):
        if _is_ignored(child.name) or child.name == SITE_FILE or child == misnamed:
            continue
        shown = display_path(child, root)
        if not _is_inside(child, real_root):
            problems.append(Problem(shown, 1, "link points outside the content folder — replace it with a real file or folder"))
        elif child.is_dir() and child.name in COLLECTIONS:
            found.extend(_discover_collection(child, real_root, root, problems))
        else:
            hint = did_you_mean(child.name, COLLECTIONS)
            what = "folder" if child.is_dir() else "file"
            problems.append(
                Problem(shown, 1, f"unexpected {what} '{child.name}'{hint} — content holds site.yaml and the folders {', '.join(COLLECTIONS)}")
            )
    return found


def _discover_collection(folder: Path, real_root: Path, root: Path, problems: list[Problem]) -> list[Path]:
    found: list[Path] = []
    for child in sorted(folder.iterdir(), key=lambda child: child.name):  # (Path order, within one folder)
        if _is_ignored(child.name):
            continue
        # (the folder is inside the content folder: so is each child that is not a link)
        if child.is_symlink() and not _is_inside(child, real_root):
            problems.append(Problem(display_path(child, root), 1, "link points outside the content folder — replace it with a real file"))
        elif child.name.lower() in ("readme.md", "readme.txt", "readme") and not child.name.islower() and child.is_file():
            # ('README.md': notes for editors, not an entry; 'readme.md' is a valid slug, so may be one)
            problems.append(Problem(display_path(child, root), 1, f"'{child.name}' is not an entry — start its name with '_' ('_{child.name}') so the build skips it"))
        elif child.suffix == ".md" and child.is_file():
            found.append(child)
        elif child.is_dir():
            problems.append(Problem(display_path(child, root), 1, f"unexpected folder in {folder.name}/ — put each entry directly in {folder.name}/ as <slug>.md"))
        elif _is_markdown_misnamed(child.name):
            problems.append(Problem(display_path(child, root), 1, f"'{child.name}' is not named <slug>.md — rename it to '{suggest_file_slug(child.name)}.md'"))
        elif child.suffix != ".md":
            problems.append(Problem(display_path(child, root), 1, f"'{child.name}' is not a Markdown file — entries are named <slug>.md"))
        elif child.exists():  # (neither a file nor a folder: reading a named pipe would wait for a writer for ever)
            problems.append(Problem(display_path(child, root), 1, "is not a plain file (a named pipe, socket or device) — replace it with a text file"))
        else:
            found.append(child)
    return found


def _is_markdown_misnamed(name: str) -> bool:
    """A Markdown file saved as 'x.MD', 'x.markdown' or 'x.md.txt' (an editor that adds '.txt'): the build reads only '.md'."""
    lowered = name.lower().rstrip()  # ("x.md " with a space typed after it)
    return not name.endswith(".md") and lowered.endswith((".md", ".markdown", ".mdown", ".mkd", ".md.txt"))


def is_editor_leftover(name: str) -> bool:
    """What editors leave beside a saved file: a backup ``surgery.md~`` (Emacs, gedit, Kate), an Emacs
    auto-save ``#surgery.md#``, a vim swap file ``.swp``.

    Refused as "not a Markdown file", they broke the preview (and a local build) from the first save on.
    """
    return name.endswith(("~", ".swp")) or (name.startswith("#") and name.endswith("#"))


def _is_ignored(name: str) -> bool:
    """Templates (``_x``), hidden files, and editors' leftovers."""
    return name.startswith(("_", ".")) or is_editor_leftover(name)


def _is_inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _load_site(path: Path, root: Path, problems: list[Problem]) -> Document | None:
    shown = display_path(path, root)
    text = _read_text(path, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(shown, 1, "file is empty — add title, description and base_url"))
        return None
    conflicts = conflict_problems(text)
    if conflicts:  # (the rest is not YAML until the conflict is resolved)
        problems += [Problem(shown, line + 1, message) for line, message in conflicts]
        return None
    try:
        data, lines = parse_front_matter(text, 1, shown, problems)
    except YamlProblem as problem:
        problems.append(Problem(shown, problem.line, problem.message))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "site.yaml must be a set of 'field: value' lines"))
        return None
    return Document("site", "site", shown, data, lines, commented=commented_values(text, 1, data, lines),
                    commented_items=commented_items(text, 1, data, lines))


def load_document(path: Path, root: Path, problems: list[Problem]) -> Document | None:
    """Read one entry file into a ``Document``; report why not otherwise."""
    shown = display_path(path, root)
    slug = path.stem
    if not SLUG_RE.fullmatch(slug):  # (the file is still read: its fields' problems show in the same run)
        problems.append(Problem(shown, 1, f"file name '{path.name}' is not a valid slug — use lower-case letters, digits and single hyphens, e.g. '{suggest_file_slug(path.name)}.md'"))
    text = _read_text(path, shown, problems)
    if text is None:
        return None
    conflicts = conflict_problems(text)
    problems += [Problem(shown, line + 1, message) for line, message in conflicts]
    try:
        front, body, body_line = split_front_matter(text)
    except YamlProblem as problem:
        if not conflicts:
            problems.append(Problem(shown, problem.line, problem.message))
        return None
    if conflicts and conflicts[0][0] + 1 < body_line:  # (a conflict in the front matter: it is not YAML until resolved)
        return None
    refused = body_problem(body)
    if refused is not None:  # (the front matter is still checked in the same run; the body is never rendered)
        problems.append(Problem(shown, body_line + refused[0], refused[1]))
    else:
        problems += [Problem(shown, body_line + line, message) for line, message in body_character_problems(body)]
        unclosed = first_unclosed_fence(body)
        if unclosed is not None:
            problems.append(Problem(shown, body_line + unclosed[0], fence_message(unclosed[1])))
        problems += [Problem(shown, body_line + line, message) for line, message in indented_fence_problems(body)]
    try:  # (after the body's checks: a mistake in the front matter does not hide the body's, one run shows both)
        data, lines = parse_front_matter(front, 2, shown, problems)
    except YamlProblem as problem:
        problems.append(Problem(shown, problem.line, problem.message))
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        dashed = isinstance(data, list) and bool(data) and all(isinstance(item, dict) for item in data)  # '- title: …' on every line
        problems.append(Problem(shown, 2, "front matter must be a set of 'field: value' lines"
                                + (" — remove the '- ' in front of each field" if dashed else "")))
        return None
    return Document(path.parent.name, slug, shown, data, lines, "" if refused is not None else body, body_line,
                    commented_values(front, 2, data, lines), commented_items(front, 2, data, lines))


# Characters an HTML page may not hold (controls other than tab, line breaks and form feed;
# non-characters): written in a body they would be copied into the page as they are.
# One character class with the 16 astral pairs of non-characters scans text about ten times
# slower than the basic-plane class alone, so astral ones are looked for only in text that
# has a character beyond the basic plane at all (emoji, rare scripts).
_NOT_IN_HTML_BASIC = re.compile("[\\x00-\\x08\\x0b\\x0e-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]")
_ASTRAL = re.compile("[\\U00010000-\\U0010ffff]")
_ASTRAL_NONCHARACTER = re.compile("[" + "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(1, 17)) + "]")


def first_unshowable(text: str) -> re.Match[str] | None:
    """The first character of ``text`` a web page may not hold, or None."""
    found = _NOT_IN_HTML_BASIC.search(text)
    if _ASTRAL.search(text) is None:
        return found
    astral = _ASTRAL_NONCHARACTER.search(text, 0, found.start() if found else len(text))
    return astral or found


def body_character_problems(body: str) -> list[tuple[int, str]]:
    """(line index within the body, message) of each line holding a character a web page cannot show."""
    if first_unshowable(body) is None:
        return []
    found = ((index, first_unshowable(line)) for index, line in enumerate(body.split("\n")))
    return [(index, f"contains the invisible character U+{ord(match.group()):04X} — remove it") for index, match in found if match]


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(shown, 1, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,}) — shorten it"))
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, 1, f"cannot read file: {error.strerror or error}"))
        return None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (raw[:200].count(b"\0") * 3 > len(raw[:200]) > 0):  # (every other byte a zero)
        problems.append(Problem(shown, 1, "file is saved as UTF-16 — save it again with UTF-8 encoding"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        problems.append(Problem(shown, line, f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x}) — save it with UTF-8 encoding"))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def field_label(path: FieldPath) -> str:
    """Show a field path as people write it: ``countries[1]``, ``cost.currency``."""
    label = ""
    for part in path:
        label += f"[{part}]" if isinstance(part, int) else (f".{part}" if label else str(part))
    return label


# Characters YAML refuses (control characters) or reads as line breaks (U+0085, U+2028,
# U+2029: editors and GitHub do not, so every later line number would be off).
_UNREADABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def parse_front_matter(text: str, first_line: int, shown: str, problems: list[Problem]) -> tuple[Any, dict[FieldPath, int]]:
    """``parse_yaml_tree``, with each character YAML cannot take reported on its line and read as a space.

    The rest of the front matter is still read, so its other problems are
    reported in the same run, on the lines an editor shows.
    """
    found = [(first_line + text.count("\n", 0, match.start()), match.group()) for match in _UNREADABLE.finditer(text)]
    repeated: list[tuple[int, str]] = []
    data, lines = parse_yaml_tree(_UNREADABLE.sub(" ", text) if found else text, first_line, repeated)
    problems += [Problem(shown, line, message) for line, message in repeated]
    fields = {}
    for path, line in sorted(lines.items(), key=lambda pair: len(pair[0])):
        fields[line] = path  # (the innermost field on the line)

    def where(line: int) -> str:
        label = field_label(fields[line]) if line in fields else ""
        if label != label.strip():  # (a quoted name with spaces at its ends would start the message with them)
            return f"field '{label}': " if label.strip() else ""  # (a field named '' or ' ' would make 'path:3: : message')
        return f"{label}: " if label else ""

    problems += _dropped_text_problems(text, first_line, shown, where, fields.keys())
    for line, character in found:
        problems.append(Problem(shown, line, f"{where(line)}contains the invisible character U+{ord(character):04X} — remove it"))
    return data, lines


# A plain value (not quoted, not a list or block) followed by " #" and a word: YAML reads "#4" in
# "Ward #4 rotation" or "#section" in a web address as the start of a comment and drops the rest.
# (A comment the way the templates write them, "# text" with a space, is left alone.)
_DROPPED_COMMENT = re.compile(r"^(?:([A-Za-z_][\w-]*):|[ \t]*-)[ \t]+([^\s\"'\[{|>&*!#%@`][^\n]*?)[ \t]+(#[^\s#][^\n]*)$", re.MULTILINE)
# A plain value that starts with "&": YAML reads "&Co" in "&Co Partners" as an anchor (a name
# for the value, for "*Co" to repeat it elsewhere) and drops it. An anchor that is used is left alone.
_DROPPED_ANCHOR = re.compile(r"^(?:([A-Za-z_][\w-]*):|[ \t]*-)[ \t]+(&([^\s,\[\]{}]+))(?:[ \t]+([^\s\"'\[{|>#][^\n]*?))?[ \t]*$", re.MULTILINE)


def _quote_instead(name: str | None, value: str) -> str:
    """The line to write instead: the whole value in double quotes."""
    written = '"' + value.replace('"', "'") + '"'
    return f"{name}: {written}" if name else f"- {written}"


def _dropped_text_problems(
    text: str, first_line: int, shown: str, where: Callable[[int], str], value_lines: Container[int],
) -> list[Problem]:
    """Values cut short because YAML read part of the line as a comment or an anchor; ``where`` names a line's field.

    Only lines where YAML starts a field's or a list item's value (``value_lines``) count: a line
    of a block value (``summary: |``) or of a plain value's continuation is text, '#' and '&' included.
    """
    problems = []
    if "#" in text:
        for match in _DROPPED_COMMENT.finditer(text):
            name, value, dropped = match.group(1), match.group(2), match.group(3)
            line = first_line + text.count("\n", 0, match.start())
            if line not in value_lines:
                continue
            problems.append(Problem(shown, line, (
                f"{where(line)}'{dropped}' is read as a comment and left out of the value"
                f" — put the whole value in double quotes: {_quote_instead(name, f'{value} {dropped}')}"
            )))
    if "&" in text:
        for match in _DROPPED_ANCHOR.finditer(text):
            name, dropped, anchor, rest = match.groups()
            line = first_line + text.count("\n", 0, match.start())
            if "*" + anchor not in text and line in value_lines:
                problems.append(Problem(shown, line, (
                    f"{where(line)}'{dropped}' at the start of a value is read as a YAML anchor and left out"
                    f" — put the whole value in double quotes: {_quote_instead(name, f'{dropped} {rest}' if rest else dropped)}"
                )))
    return problems


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split ``text`` into (front matter, body, first line of the body)."""
    if not text.strip():
        raise YamlProblem(1, "file is empty — start it with front matter between two '---' lines")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        if lines[0].strip() == "---" or (not lines[0].strip() and text.lstrip().startswith("---")):
            raise YamlProblem(1, "the file must start with '---' on its very first line — remove the empty lines or spaces before it")
        if lines[0].startswith("+++"):  # (Hugo's TOML front matter)
            raise YamlProblem(1, "'+++' starts front matter in TOML, which is not read here — write --- on this line and on the closing one, and each field as 'field: value'")
        if lines[0].startswith("---") and lines[0][3:4] != "-":  # '---yaml', '--- # fields', '--- title: About'
            rest = lines[0][3:].strip()
            move = f"move '{shorten(rest)}' to the line below it" if FIELD_LINE.match(rest) else f"delete '{shorten(rest)}'"
            raise YamlProblem(1, f"the first line must be exactly '---' — {move}")
        if is_mistyped_fence(lines[0]):
            raise YamlProblem(1, f"'{lines[0].strip()}' should open the front matter — write exactly three dashes: ---{long_dash_note(lines[0])}")
        start = next((index for index in range(1, len(lines) - 1) if lines[index].rstrip() == "---" and FIELD_LINE.match(lines[index + 1])), None)
        if start is not None:  # (text pasted above the front matter)
            raise YamlProblem(1, f"the front matter starts on line {start + 1}, not on line 1 — move the text above it to below its closing '---'")
        if FIELD_LINE.match(lines[0]) and any(line.rstrip() == "---" for line in lines[1:]):
            raise YamlProblem(1, "the '---' line that opens the front matter is missing — add a line of three dashes above this one")
        raise YamlProblem(1, "no front matter — the file must start with a '---' line, then the fields, then another '---' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, body, index + 2
    last = 0  # (index of the last line of the fields: they end at the first empty line or line that is not YAML)
    for index in range(1, len(lines)):
        if is_mistyped_fence(lines[index]):
            raise YamlProblem(index + 1, f"'{lines[index].strip()}' should close the front matter — write exactly three dashes: ---{long_dash_note(lines[index])}")
        if not lines[index].strip() or not (FIELD_LINE.match(lines[index]) or lines[index][0] in " \t-#"):
            break
        last = index
    raise YamlProblem(last + 1, "front matter is not closed — add a '---' line after the last field")


def parse_yaml_tree(text: str, first_line: int, repeated: list[tuple[int, str]]) -> tuple[Any, dict[FieldPath, int]]:
    """Parse YAML text into plain str/None/list/dict values without type guessing.

    Scalars stay strings (the schema converts them by field type), so ``NO`` is
    never ``False`` and ``012`` never octal. Built from parser events, without
    recursion, with limits on size and depth so hostile input stays cheap.
    ``first_line`` is the file line of the text's first line. A field given twice
    is added to ``repeated`` as (line, message) and its second value left out, so
    the rest is still read.
    """
    builder = _TreeBuilder(first_line)
    try:
        for event in yaml.parse(text, Loader=_YAML_LOADER):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        if "maximum nesting depth" in (error.problem or ""):  # (libyaml's own limit, met while it scans ahead of our check)
            raise YamlProblem(line, _TOO_DEEP) from None
        read = text.split("\n")[: (mark.line if mark else 0) + 1]
        found, misaligned = explain_yaml_mistake(read), misaligned_item(read)
        if misaligned is not None and (found is None or misaligned[0] <= found[0]):
            found = misaligned
        if found is not None:
            raise YamlProblem(first_line + found[0], found[1]) from None
        raise YamlProblem(line, f"invalid YAML: {error.problem or error.context} — check indentation, quotes and colons") from None
    except yaml.YAMLError as error:
        raise YamlProblem(first_line, f"invalid YAML: {error}") from None
    builder.finish()
    misaligned = misaligned_item(text.split("\n")) if "-" in text else None
    if misaligned is not None:  # (valid YAML that joined an item to the one above it: 'surgery - trauma')
        raise YamlProblem(first_line + misaligned[0], misaligned[1])
    repeated += builder.repeated
    return builder.result, builder.lines


_REPEATED = "\0repeated"  # where a repeated field's value goes until it is dropped (no YAML key holds a NUL)


class _TreeBuilder:
    """Turn a stream of YAML parser events into a tree, recording field lines."""

    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.repeated: list[tuple[int, str]] = []  # (line, message) of each field given a second time: its value is left out
        self._with_repeats: list[dict[Any, Any]] = []  # mappings that received a repeated field's value under _REPEATED
        self._repeated_keys: list[tuple[dict[Any, Any], str]] = []  # each such mapping with the field its _REPEATED value is for
        self.result: Any = None
        self.lines: dict[FieldPath, int] = {}
        self._stack: list[tuple[Any, FieldPath, str | None, int]] = []  # container, path, anchor, size
        self._pending_key: list[str | None] = []
        self._anchors: dict[str, tuple[Any, int]] = {}
        self._nodes = 0
        self._documents = 0

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent) and self._documents:  # (site.yaml written like an entry, between '---' lines)
            raise YamlProblem(self._line(event), "this '---' line starts a second set of fields — remove it: the file holds one set of 'field: value' lines")
        self._documents += isinstance(event, yaml.DocumentStartEvent)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._check_tag(event)
            if len(self._stack) >= MAX_DEPTH:
                raise YamlProblem(self._line(event), _TOO_DEEP)
            path = self._child_path(event)
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            self._stack.append((container, path, event.anchor, 1))
            self._pending_key.append(None)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container, _path, anchor, size = self._stack.pop()
            self._pending_key.pop()
            self._add(container, size, anchor, event, new_nodes=1)  # its values are counted already
        elif isinstance(event, yaml.ScalarEvent):
            self._check_tag(event)
            value = None if event.style in (None, "") and event.value in _NULLS else event.value
            if self._is_expecting_key():
                self._take_key(value, event)
            else:
                self._child_path(event)
                self._add(value, 1, event.anchor, event)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self._anchors:
                raise YamlProblem(self._line(event), f"unknown alias '*{event.anchor}'")
            if self._is_expecting_key():
                raise YamlProblem(self._line(event), "an alias cannot be used as a field name")
            value, size = self._anchors[event.anchor]
            self._child_path(event)
            self._add(value, size, None, event)

    def _line(self, event: yaml.Event) -> int:
        return self.first_line + event.start_mark.line

    def finish(self) -> None:
        """Drop the values of repeated fields (and their lines)."""
        for mapping, key in self._repeated_keys:
            if mapping.get(key) in (None, "") and mapping.get(_REPEATED) not in (None, ""):
                mapping[key] = mapping[_REPEATED]  # ('description: >-' twice: the first copy is empty, the second holds the text)
        for mapping in self._with_repeats:
            mapping.pop(_REPEATED, None)
        if self._with_repeats:
            self.lines = {path: line for path, line in self.lines.items() if _REPEATED not in path}

    def _check_tag(self, event: yaml.NodeEvent) -> None:
        tag = getattr(event, "tag", None)
        if tag is None:
            return
        # '!Important: …' or '! Important': text YAML reads as a tag and drops (a '!!' tag is deliberate)
        typed_text = tag.startswith("!") and not tag.startswith("!!") and isinstance(event, yaml.ScalarEvent) and not event.style
        if tag not in _ALLOWED_TAGS or typed_text:
            shown = "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag
            if typed_text and self._stack and self._pending_key[-1] != _REPEATED and not self._is_expecting_key():
                container, path = self._stack[-1][0], self._stack[-1][1]
                name = self._pending_key[-1] if isinstance(container, dict) else None  # (a list item is written '- value')
                raise YamlProblem(self._line(event), (
                    f"{field_label(path + ((name,) if name else (len(container),)))}: '{shown}' at the start of a value is read as a YAML tag"
                    f" — put the whole value in double quotes: {_quote_instead(name, f'{shown} {event.value}'.rstrip())}"
                ))
            raise YamlProblem(self._line(event), f"YAML tag '{shown}' is not allowed — remove it and write a plain value")

    def _is_expecting_key(self) -> bool:
        return bool(self._stack) and isinstance(self._stack[-1][0], dict) and self._pending_key[-1] is None

    def _take_key(self, key: str | None, event: yaml.Event) -> None:
        mapping, path = self._stack[-1][0], self._stack[-1][1]
        key = "" if key is None else key
        line = self._line(event)
        if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:  # '&a title: …' names the field name: '*a' then repeats "title"
            self._anchors[event.anchor] = (key, 1)
        if key in mapping:  # reported, and its second value read (for its own mistakes) but left out
            first = self.lines.get(path + (key,), line)
            self.repeated.append((line, f"field '{key}' is given twice (first on line {first}) — keep one"))
            self._pending_key[-1] = _REPEATED
            self._with_repeats.append(mapping)
            self._repeated_keys = [(other, name) for other, name in self._repeated_keys if other is not mapping] + [(mapping, key)]
            return
        self._pending_key[-1] = key
        self.lines[path + (key,)] = line

    def _child_path(self, event: yaml.Event) -> FieldPath:
        """Return the path the next value will have, and record its line."""
        if not self._stack:
            return ()
        container, path = self._stack[-1][0], self._stack[-1][1]
        if isinstance(container, dict):
            key = self._pending_key[-1]
            if key is None:
                raise YamlProblem(self._line(event), "a field name must be plain text, not a list or mapping")
            return path + (key,)
        child = path + (len(container),)
        self.lines.setdefault(child, self._line(event))
        return child

    def _add(self, value: Any, size: int, anchor: str | None, event: yaml.Event, new_nodes: int | None = None) -> None:
        """Put ``value`` (``size`` values in all) in place; an alias adds all of them to the count again."""
        self._nodes += size if new_nodes is None else new_nodes
        if self._nodes > MAX_NODES:
            raise YamlProblem(self._line(event), f"front matter is too large (more than {MAX_NODES:,} values, aliases counted) — shorten it")
        if anchor is not None:
            self._anchors[anchor] = (value, size)
        if not self._stack:
            self.result = value
            return
        container, path, parent_anchor, parent_size = self._stack[-1]
        self._stack[-1] = (container, path, parent_anchor, parent_size + size)
        if isinstance(container, dict):
            container[self._pending_key[-1]] = value
            self._pending_key[-1] = None
        else:
            container.append(value)
