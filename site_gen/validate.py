"""Validate stage: a loaded ``Document`` plus its schema model -> typed entry or problems."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .fieldtypes import IsoDate
from .problems import Problem
from .schema import ENTRY_MODELS, NESTED_MODELS, SiteConfig
from .source import SITE_FILE, Document, FieldPath, field_label
from .suggest import closest_field, field_hint
from .yaml_comments import commented_item_message, commented_message

M = TypeVar("M", bound=BaseModel)
MERGE_KEY = "<<"
_UNION_TAGS = frozenset({"scalar", "mapping"})
# A field people give the wrong kind of entry, and what that kind uses instead (a near
# miss such as 'country' for 'countries' gets "did you mean" first).
_INSTEAD = {
    ("projects", "host"): "a project names its partners in partners: [slug, …]",
    ("electives", "partners"): "an elective names its one host partner in host: slug",
    ("electives", "kind"): "an elective's kind is its category: category: clinical, community-health or research",
}
# The field such a mistake stands for (so it is not also called missing).
_STANDS_FOR = {("electives", "kind"): "category"}


def _collection_of(model: type[BaseModel]) -> str | None:
    return next((collection for collection, entry in ENTRY_MODELS.items() if entry is model), None)


def _other_kind_hint(model: type[BaseModel], name: str) -> str:
    """' — …' when ``name`` is a field of another kind of entry (an elective's ``deadline`` on a project)."""
    collection = _collection_of(model)
    if collection is None:
        return ""
    if (collection, name) in _INSTEAD:
        return f" — {_INSTEAD[(collection, name)]}"
    owners = [other for other, entry in ENTRY_MODELS.items() if entry is not model and name in entry.model_fields]
    if not owners and name in SiteConfig.model_fields:  # 'language: en' copied from site.yaml
        return f" — '{name}' is set once for the whole site, in {SITE_FILE}"
    return f" — '{name}' is a field of {' and '.join(owners)}, not of {collection}" if owners else ""


def validate_document(document: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate a document's front matter against ``model``."""
    below = _field_below_front_matter(document, model)
    try:
        entry = model.model_validate(document.data)
        problems = []
    except ValidationError as error:
        details = error.errors(include_url=False)
        misspelt = {_meant_field(document, model, detail) for detail in details if detail["type"] == "extra_forbidden"}
        # ('<<: *fee' holds the fields a merge key would have given: they are not also each missing)
        unknown = [_data_path(document.data, detail["loc"]) for detail in details if detail["type"] == "extra_forbidden"]
        merged = {path[:-1] for path in unknown if path[-1:] == (MERGE_KEY,)}
        homeless = _fields_of_a_missing_line(document, unknown)
        entry, problems = None, [_to_problem(document, model, detail) for detail in details
                                 if (detail["type"] != "missing" or not _is_meant(_data_path(document.data, detail["loc"]), misspelt, merged))
                                 and _data_path(document.data, detail["loc"]) not in homeless[1:]]
        problems += _mistakes_despite(document, model, problems)
    problems = _with_commented_values(document, model, problems) + ([below] if below is not None else [])
    return (entry, []) if not problems else (None, problems)


def _fields_of_a_missing_line(document: Document, unknown: list[FieldPath]) -> list[FieldPath]:
    """Inner fields of another field, in order, under the field above them: its own line ('cost:') was deleted.

    Only the first is reported (it names the rest), so one deleted line is one problem.
    """
    found = [path for path in unknown if len(path) == 2 and _other_owner(document, path) is not None]
    return sorted(found, key=lambda path: document.lines.get(path, 0))


def _other_owner(document: Document, path: FieldPath) -> str | None:
    """The field, not given in the file, that an unknown inner field belongs to ('amount' under duration_weeks: cost)."""
    return next((name for name, inner in NESTED_MODELS.items()
                 if name != path[0] and name not in document.data and str(path[1]) in inner.model_fields), None)


def _is_meant(missing: FieldPath, misspelt: set[FieldPath | None], merged: set[FieldPath]) -> bool:
    """True when a missing field is already one mistake's: a misspelling of it, or a merge key beside it."""
    return missing in misspelt or missing[:-1] in merged


def _mistakes_despite(document: Document, model: type[BaseModel], found: list[Problem]) -> list[Problem]:
    """The model's rules between fields (a project's end before its start), which other mistakes kept pydantic from checking."""
    check = getattr(model, "mistakes_despite", None)
    if check is None or not isinstance(document.data, dict):
        return []
    problems = [Problem(document.path, document.line_of((name,)), _label((name,), message)) for name, message in check(document.data)]
    return [problem for problem in problems if problem not in found]


def _with_commented_values(document: Document, model: type[BaseModel], problems: list[Problem]) -> list[Problem]:
    """Say why a field written 'tags: #surgery' (or a list item '- #surgery') is empty, in place of its "is empty" line or where it had none."""
    if not document.commented and not document.commented_items:
        return problems
    said = {name: Problem(document.path, document.line_of((name,)), f"{name}: {commented_message(model, name, document.commented[name])}")
            for name in document.commented if name in model.model_fields}
    for path, comment in document.commented_items.items():
        if path[0] in model.model_fields:
            label = field_label(path)
            said[label] = Problem(document.path, document.line_of(path), f"{label}: {commented_item_message(label, path, comment)}")
    kept = [problem for problem in problems if not any(problem.line == said[label].line and problem.message.startswith(f"{label}: ") for label in said)]
    return kept + list(said.values())


def _field_below_front_matter(document: Document, model: type[BaseModel]) -> Problem | None:
    """'draft: true' on the line after the closing '---': it would be published as text, and the entry not as a draft."""
    lines = document.body.split("\n")
    start = next((index for index, line in enumerate(lines) if line.strip()), 0)
    if lines[start].rstrip() == "---" and start + 1 < len(lines):  # a second front matter: the template pasted below the first
        second = re.match(r"([a-z_]+)[ \t]*:(?:[ \t]|$)", lines[start + 1])
        if second is not None and second.group(1) in model.model_fields:
            return Problem(document.path, document.body_line + start,
                           "a second set of fields between '---' lines starts here, below the front matter, so it would be published as text — keep one set and delete the other")
    first = lines[0]
    found = re.match(r"([a-z_]+)[ \t]*:(?:[ \t]|$)", first)
    if found is None or found.group(1) not in model.model_fields:
        return None
    return Problem(document.path, document.body_line,
                   f"'{first.strip()[:60]}' is below the closing '---', so it is read as text, not as a field — move it above that line")


def _example_line(model: type[BaseModel], parent: FieldPath, name: str) -> str:
    """'category: clinical' from the field's own example; '…' for text, which an example would only mislead."""
    info = _allowed_fields(model, parent).model_fields.get(name)
    example = (info.examples or [None])[0] if info is not None and name not in ("title", "summary", "description") else None
    value = "…" if example is None else f"[{', '.join(map(str, example))}]" if isinstance(example, list) else str(example)
    return f"'{name}: {value}'" + (f" under '{parent[-1]}:'" if parent else "")


def _allowed_fields(model: type[BaseModel], parent: FieldPath) -> type[BaseModel]:
    return (NESTED_MODELS.get(str(parent[0])) if parent else model) or model


def _meant_field(document: Document, model: type[BaseModel], detail: Any) -> FieldPath | None:
    """The field an unknown one is a misspelling of ('Title' -> title): its "missing" line would repeat the one mistake."""
    path = _data_path(document.data, detail["loc"])
    parent, name = path[:-1], str(path[-1])
    if not parent and (_collection_of(model), name) in _STANDS_FOR:
        return (_STANDS_FOR[(_collection_of(model), name)],)
    owner = _owner_above(document, path)
    if owner is not None:  # ('  min: 4' then 'max: 8' at the start of the line: it is duration_weeks's max)
        return (owner, name)
    match = closest_field(name, _allowed_fields(model, parent).model_fields)
    return parent + (match,) if match else None


def _owner_above(document: Document, path: FieldPath) -> str | None:
    """The field above an unknown one whose inner fields include it: 'max: 8' written without its indentation."""
    if len(path) != 1:
        return None
    line = document.lines.get(path, 0)
    above = [(number, key[0]) for key, number in document.lines.items() if len(key) == 1 and number < line]
    owner = max(above)[1] if above else None
    inner = NESTED_MODELS.get(str(owner))
    if inner is None or not isinstance(document.data.get(owner), dict) or str(path[0]) not in inner.model_fields:
        return None
    return str(owner)


def misplaced_entry_problems(document: Document, content_name: str) -> list[Problem]:
    """A file whose fields are exactly another kind's (a partner saved in electives/): one line that says where it belongs."""
    for collection, model in ENTRY_MODELS.items():
        if collection != document.collection and validate_document(document, model)[0] is not None:
            return [Problem(document.path, 1, f"its fields are those of {collection}, not {document.collection} — move it to {content_name}/{collection}/")]
    return []


def _to_problem(document: Document, model: type[BaseModel], detail: Any) -> Problem:
    path = _data_path(document.data, detail["loc"])
    kind = detail["type"]
    if kind == "missing":
        parent, name = path[:-1], str(path[-1])
        return Problem(document.path, document.line_of(parent) if parent else 1,
                       _label(parent, f"missing required field '{name}' — add a line such as {_example_line(model, parent, name)}"))
    if kind == "extra_forbidden":
        parent, name = path[:-1], str(path[-1])
        allowed = _allowed_fields(model, parent)
        hint = field_hint(name, allowed.model_fields) or (_other_kind_hint(model, name) if not parent else "")
        hidden = next((char for char in name if not char.isascii() and unicodedata.category(char)[0] in "ZC"), None)
        if hidden is not None:  # 'format\u00a0:' from a word processor shows as 'format '
            hint = f" — it holds the invisible character U+{ord(hidden):04X}{field_hint(name, allowed.model_fields)}"
        if " " in name.strip() and not parent and not hint:  # ('host and arrangements …, for your safety:' pulled out of a block of text)
            hint = " — if this line is text that goes on from the field above, indent it like the lines of that text"
        if name.startswith("<!--"):  # an HTML comment, as the body allows, read as a field
            hint = " — '<!-- -->' comments are not read in the front matter: start the line with '#' instead"
        if name == MERGE_KEY:  # YAML 1.1's merge key, which YAML 1.2 and this loader do not have
            hint = " — '<<' (a YAML merge key) is not read here: write the fields themselves"
        other = _other_owner(document, path) if len(path) == 2 else None
        if other is not None:
            names = [str(key[1]) for key in _fields_of_a_missing_line(document, [key for key in document.lines if len(key) == 2 and key[0] == path[0]])]
            hint = f" — {' and '.join(repr(name) for name in names)} {'are fields' if len(names) > 1 else 'is a field'} of {other}: add the line '{other}:' above {'them' if len(names) > 1 else 'it'}"
        owner = _owner_above(document, path)
        if owner is not None:
            hint = f" — it belongs to {owner} above: indent it like the line above it"
        if name.isdigit() and parent:  # {amount: 1,200, …}: YAML splits the braces at the comma
            hint = " — inside { } a comma separates fields: write the number without its comma, e.g. 1200"
        return Problem(document.path, document.line_of(path), _label(parent, f"unknown field '{name}'{hint}"))
    context = detail.get("ctx") or {}
    if context.get("at"):
        path = path + (context["at"],)
    return Problem(document.path, document.line_of(path), _label(path, _message(detail)))


def _message(detail: Any) -> str:
    if detail["type"] == "content":
        return str(detail["msg"])
    message = str(detail["msg"])
    return message[:1].lower() + message[1:]


def _data_path(data: Any, loc: tuple[Any, ...]) -> FieldPath:
    """Map a pydantic error location onto the document's field path."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        elif part in _UNION_TAGS:
            continue
        else:
            current = None
        path.append(part)
    return tuple(path)


def _label(path: FieldPath, message: str) -> str:
    return f"{field_label(path)}: {message}" if path else message


# A date written in one time zone may be tomorrow in UTC, the build's zone.
DATE_SLACK = timedelta(days=1)


def future_date_problems(document: Document, today: date) -> list[Problem]:
    """An ``updated`` date after the build's day (``2062-11-30`` for 2026): it would head the feed and the listings.

    Kept out of ``validate_document``, whose verdict is reused for the same bytes on
    later days, and read from the front matter itself, so that it is reported with the
    file's other mistakes. A future ``start``, ``end`` or ``deadline`` is a plan, not a mistake.
    """
    try:
        updated = _UPDATED.validate_python(document.data.get("updated")) if isinstance(document.data, dict) else None
    except ValidationError:  # (a malformed date: validation reports it)
        return []
    if updated is None or updated <= today + DATE_SLACK:
        return []
    return [Problem(document.path, document.line_of(("updated",)),
                    f"updated: {updated.isoformat()} is in the future (the build's date is {today.isoformat()})"
                    f" — write the date of the entry's last change, {today.isoformat()} or earlier")]


_UPDATED = TypeAdapter(IsoDate | None)
