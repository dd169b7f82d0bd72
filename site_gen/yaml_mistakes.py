"""Load stage, when YAML fails: the everyday mistake behind a YAML error, as one line that names the fix.

Front matter lines in, (line, message) out. YAML reports where it gave up, which is often later than the
mistake (an unclosed quote or bracket swallows the next lines); these heuristics look for what people do:
a missing colon or space, a tab, a list item out of line, quotes and brackets left open, a pasted bullet.
"""

from __future__ import annotations

import re

from .suggest import CURLY_QUOTES

_LONG_DASHES = "—–―‒−"  # (what a word processor makes of typed hyphens)


def is_mistyped_fence(line: str) -> bool:
    """'--', '----', '***', '—-' or '–––' alone on a line: meant as the '---' around the front matter."""
    return bool(re.fullmatch(rf"[-*_{_LONG_DASHES}]{{2,}}|[{_LONG_DASHES}]|(?:[-*_][ \t]+){{2,}}[-*_]", line.strip())) and line.strip() != "---"


def long_dash_note(line: str) -> str:
    found = next((char for char in line if char in _LONG_DASHES), None)
    return f" (the '{found}' is a long dash, not the '-' key)" if found else ""


FIELD_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:([ \t]+)(.*))?$")
_NO_SPACE_AFTER_COLON = re.compile(r"^([A-Za-z_][\w-]*):([^\s/].*)$")
# What YAML reads as structure at the start of a line: indentation, a list dash, 'field:' and the space after it.
_LINE_STRUCTURE = re.compile(r"^[ \t\xa0]*(?:-[ \t\xa0]+)?(?:[A-Za-z_][\w-]*[ \t\xa0]*:(?:[ \t\xa0]+|$))?")
_NEXT_FIELD = re.compile(r"^(?:[A-Za-z_][\w-]*[ \t]*:|---|\.\.\.)")


def _closing_quote(value: str, quote: str) -> int:
    """Index of the quote that closes ``value`` (which starts with it), or -1."""
    index = 1
    while index < len(value):
        if value[index] == "\\" and quote == '"':
            index += 2
            continue
        if value[index] == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


def _single_quoted(value: str) -> str:
    """A double-quoted ``value`` as it is written, in single quotes (an apostrophe doubled)."""
    inner = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
    return "'" + inner.replace("'", "''") + "'"


def _open_quote(value: str) -> str:
    """The quote left open at the end of a bracketed ``value`` ('[a, "b]'), or ""."""
    quote = ""
    for index, char in enumerate(value):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (index == 0 or value[index - 1] in "[{, \t:"):  # (an apostrophe inside a word is text)
            quote = char
    return quote


def _brackets_open(value: str) -> bool:
    depth, quote = 0, ""
    for char in value:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return depth > 0


def shorten(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def explain_yaml_mistake(lines: list[str]) -> tuple[int, str] | None:
    """The everyday mistake behind a YAML error, as (0-based line, message), if one is recognised.

    ``lines`` are the front matter's lines up to the one where YAML gave up, which is
    often later than the mistake (an unclosed quote or bracket swallows the next lines).
    """
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        ends_here = not following or bool(_NEXT_FIELD.match(following))
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "\xa0" in line and "\xa0" in _LINE_STRUCTURE.match(line).group():
            return index, "a non-breaking space (U+00A0, pasted from a word processor or web page) stands where YAML needs an ordinary space — delete it and type a space"
        if re.match(r"^ *\t", line):
            return index, "a tab is used to indent this line — indent with spaces instead"
        if is_mistyped_fence(line):
            return index, f"'{line.strip()}' should close the front matter — write exactly three dashes: ---{long_dash_note(line)}"
        star = re.match(r"^([ \t]*)[*•][ \t]+(\S.*)$", line)
        if star and index > 0:  # ('  * surgery', as in Markdown or a word processor): YAML reads '*' as a reference to a name
            return index, f"write a list item with '- ', not '{line.strip()[0]} ': '{star.group(1)}- {star.group(2).rstrip()}'"
        if re.match(r"^-[^\s-]", line):
            return index, f"write a space after the dash of a list item: '- {line[1:].strip()}'"
        missing_colon = _missing_colon(line, index == 0)
        if missing_colon is not None:
            opened = next((FIELD_LINE.match(earlier) for earlier in reversed(lines[:index]) if earlier[:1] not in " \t#"), None)
            in_block = opened is not None and (opened.group(3) or " ")[0] in "|>"  # (text lines of 'description: >-' end at an unindented line)
            if index > 0 and not FIELD_LINE.match(lines[index - 1]) and lines[index - 1][:1] in " \t" and not in_block:
                pass  # (after an indented line: it may continue a text; the branches below say so)
            else:
                return index, missing_colon
        if index == 0 and line[0] in " \t" and FIELD_LINE.match(stripped):
            return index, f"this line starts with a space — start '{stripped.split(':')[0]}:' at the beginning of the line"
        if line[0] not in " \t-" and not FIELD_LINE.match(line) and ":" not in line and index > 0:
            above = [earlier for earlier in lines[:index] if earlier.strip() and not earlier.lstrip().startswith("#")]
            field = next((found.group(1) for found in map(FIELD_LINE.match, reversed(above)) if found), None)
            after_gap = not lines[index - 1].strip()
            if field is not None and not (after_gap and _body_heading(lines[:index])):  # (a summary pasted with its line breaks)
                return index, (f"'{shorten(stripped)}' is not a 'field: value' line — if it continues {field} above, indent it with two spaces"
                               + ("; if it starts the text, add a '---' line before it" if after_gap else ""))
        if line[0] in " \t" and FIELD_LINE.match(stripped) and index > 0:
            above = next((earlier for earlier in reversed(lines[:index]) if earlier.strip() and not earlier.lstrip().startswith("#")), "")
            found = FIELD_LINE.match(above.lstrip())
            indent, above_indent = len(line) - len(line.lstrip()), len(above) - len(above.lstrip())
            if found and found.group(3) and not found.group(3).startswith(("|", ">")) and indent > above_indent:
                above_at = max(earlier for earlier in range(index) if lines[earlier] is above)
                owner = FIELD_LINE.match(lines[above_at - 1]) if above_at > 0 and not above_indent else None
                if owner and not (owner.group(3) or "").strip():  # ('cost:', 'amount: 850', '  currency: USD'): the line above lost its indentation
                    return above_at, f"'{found.group(1)}:' belongs to {owner.group(1)} above — indent it like the line below it: '{line[:indent]}{above.strip()}'"
                owner_of = _inner_owner(stripped.split(":")[0])
                if not above_indent and owner_of is not None:  # ('specialties: [x]', then '  min: 4': the 'duration_weeks:' line was deleted)
                    return index, f"'{stripped.split(':')[0]}' is a field of {owner_of}: add the line '{owner_of}:' above it"
                if above_indent:  # ('  min: 4' then '    max: 8')
                    return index, f"this line is indented more than '{found.group(1)}:' above — start '{stripped.split(':')[0]}:' under '{found.group(1)}:'"
                return index, f"this line starts with a space — start '{stripped.split(':')[0]}:' at the beginning of the line"
            start = next((earlier for earlier in range(index - 1, -1, -1) if lines[earlier][:1] not in " \t#"), 0)
            block = lines[start + 1 : index]
            opened = FIELD_LINE.match(lines[start])
            if opened and (opened.group(3) or " ")[0] in "|>" and any(len(text) - len(text.lstrip()) > indent for text in block if text.strip()):
                # ('description: >-', its text two spaces in, then ' base_url: …'): not text, a field
                return index, f"this line starts with a space — start '{stripped.split(':')[0]}:' at the beginning of the line"
            if found and indent < above_indent and not any(len(earlier) - len(earlier.lstrip()) == indent for earlier in block if earlier.strip()):
                # ('cost:', '    amount: 850', then '  currency: USD'): the lines of one field line up
                return index, f"this line is indented less than '{found.group(1)}:' above — start '{stripped.split(':')[0]}:' under '{found.group(1)}:'"
        found = _NO_SPACE_AFTER_COLON.match(line)
        if found and (ends_here or found.group(2)[:1] in "|>"):
            return index, f"{found.group(1)}: write a space after the colon: '{found.group(1)}: {found.group(2).strip()}'"
        found = FIELD_LINE.match(line)
        if not found or not found.group(3):
            continue
        name, value = found.group(1), found.group(3).rstrip()
        if value[0] in "[{" and re.search(r"[\[{,:]\s*#\S", value):  # tags: [#surgery, #pediatrics]
            fixed = re.sub(r"(?<=[\[{,:\s])#(?=\S)", "", value)
            return index, f"{name}: '#' starts a comment in YAML, so the rest of the line is left out — write it without '#': {name}: {fixed}"
        if value[0] not in "\"'":
            value = re.split(r"[ \t]#", value, maxsplit=1)[0].rstrip()  # (a comment after the value)
            if not value:
                continue
        quote_it = f'put the whole value in double quotes: {name}: "{value.replace(chr(34), chr(39))}"'
        if value[0] in CURLY_QUOTES and re.search(r":(\s|$)", value):  # “Pediatrics: Kigali” from a word processor
            return index, (f"{name}: the value starts with the curly quote {value[0]}, which YAML does not read as a quote"
                           f' — write straight double quotes: {name}: "{value.strip(CURLY_QUOTES)}"')
        if value[0] == '"' and re.search(r'\\[^0abtnvfre "/\\N_LPxuU\t]', value):  # "Emergency\Critical Care"
            return index, f"{name}: a '\\' inside double quotes starts a special character — put the value in single quotes instead: {name}: {_single_quoted(value)}"
        if value[0] in "\"'":
            close = _closing_quote(value, value[0])
            if close < 0 and ends_here:
                return index, f"{name}: the quote {value[0]} that starts the value is not closed — end the value with {value[0]} on this line: {name}: {value}{value[0]}"
            rest = value[close + 1 :].strip() if close >= 0 else ""
            if rest and not rest.startswith("#"):
                if value[0] == "'" and value.endswith("'"):  # 'Children's elective': the apostrophe closed the quote
                    return index, f'{name}: the apostrophe ends the quoted value early — put the value in double quotes instead: {name}: "{value[1:-1]}"'
                if value[0] == '"' and value.endswith('"'):  # "The "Kigali" elective": the inner quote closed the value
                    return index, f"{name}: a quote inside the value ends it early — put the value in single quotes instead: {name}: {_single_quoted(value)}"
                return index, f"{name}: text follows the closing quote — {quote_it}"
        elif value[0] in "[{":
            link = re.fullmatch(r"\[[^\]]*\]\((https?://[^)\s]+)\)", value)
            if link:  # [Apply here](https://…): a Markdown link where an address belongs
                return index, f"{name}: a Markdown link is not read here — write the address alone: {name}: {link.group(1)}"
            quote = _open_quote(value)
            if quote and ends_here:  # tags: [surgery, "pediatrics]
                return index, f"{name}: a quote {quote} inside the value is not closed — close it, or delete it"
            if _brackets_open(value) and ends_here:
                closing = "]" if value[0] == "[" else "}"
                return index, f"{name}: the '{value[0]}' that starts the value is not closed — end it with '{closing}' on this line"
            if not _brackets_open(value) and not value.endswith(("]", "}")):  # title: [NEW] Pediatrics elective
                return index, f"{name}: a value that starts with '{value[0]}' is read as a list or set of fields — {quote_it}"
        elif value[0] in "|>" and re.fullmatch(r"[|>][-+1-9]{0,2}", value):
            continue  # (a block of text on the lines below: valid)
        elif value[0] in "@`%|>*" or value[:2] in ("- ", "? "):
            return index, f"{name}: a value cannot start with '{value[0]}' — {quote_it}"
        elif re.search(r":(\s|$)", value):
            return index, f"{name}: the value contains ': ' — {quote_it}"
    return _body_heading(lines)


def misaligned_item(lines: list[str]) -> tuple[int, str] | None:
    """A block-list item whose '-' is not in the same column as the other items of its field, as (0-based line, message).

    YAML joins an item indented further to the text of the item above ('surgery - trauma')
    and stops at one indented less, on the line after; either way that item is the mistake.
    """
    for index, line in enumerate(lines):
        found = FIELD_LINE.match(line)
        if found is None or (found.group(3) or "").strip()[:1] not in ("", "#"):
            continue
        items = []
        for below in range(index + 1, len(lines)):
            text = lines[below]
            if text.strip() and text[:1] not in " -":
                break
            if re.match(r" *-(?:[ \t]|$)", text):
                items.append((below, len(text) - len(text.lstrip(" "))))
        columns = [column for _, column in items]
        if len(set(columns)) < 2:
            continue
        usual = max(sorted(set(columns), key=lambda column: (column != 2, columns.index(column))), key=columns.count)
        odd = next(below for below, column in items if column != usual)
        where = f"indent it {usual} spaces, like them" if usual else "start it at the beginning of the line, like them"
        return odd, f"{found.group(1)}: this list item is not lined up with the other items — {where}"
    return None


def _missing_colon(line: str, first: bool) -> str | None:
    """'status completed' or 'website https://…': a field's name written without its colon, and the line to write."""
    found = re.match(r"([a-z][a-z_]*)[ \t]+([^\s:][^\n]*)$", line)
    if found is None or not _is_field_name(found.group(1)):
        return None
    name, value = found.group(1), found.group(2).rstrip()
    written = f"{name}: {shorten(value)}"
    if not first and " " in value and "_" not in name and value[0] not in "[{\"'0123456789":  # ('lead Prof. Ingrid …', or a text going on)
        return f"if '{name}' is the field, write a colon after it: {written}; if the line continues the text above, indent it with two spaces"
    return f"'{name}' needs a colon after it: {written}"


def _is_field_name(word: str) -> bool:
    """A field of some kind of entry or of site.yaml: read from the schema only to explain a YAML mistake."""
    from .schema import ENTRY_MODELS, SiteConfig  # (imported here: the load stage does not depend on the schema)

    return any(word in model.model_fields for model in (*ENTRY_MODELS.values(), SiteConfig))


def _inner_owner(name: str) -> str | None:
    """The field whose inner field ``name`` is ('min': duration_weeks), when it is no field of its own."""
    from .schema import NESTED_MODELS  # (imported here: the load stage does not depend on the schema)

    if _is_field_name(name):
        return None
    return next((owner for owner, model in NESTED_MODELS.items() if name in model.model_fields), None)


def _body_heading(lines: list[str]) -> tuple[int, str] | None:
    """A Markdown heading after an empty line, read as front matter: the '---' line above it is missing."""
    for index, line in enumerate(lines):
        if re.match(r"^#{2,6}\s", line) and index > 0 and not lines[index - 1].strip():
            return index, f"'{line.strip()[:40]}' looks like the start of the text: the front matter above it is not closed — add a '---' line before it"
    return None
