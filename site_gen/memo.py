"""Load, validate and Markdown stages, remembered: reuse results for sources whose bytes did not change.

A source not seen before is read, parsed and validated in one go (in a process pool for a whole catalog).

Records live in a ``BuildCache``'s dictionaries, keyed by ``cache.source_key``
(path and bytes of the source file). A rendered body is reused only if every
link it resolved still resolves to the same page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import parallel
from .cache import source_key
from .catalog import Item
from .problems import Problem
from .schema import ENTRY_MODELS, Entry
from .source import MAX_FILE_BYTES, Document, display_path, load_document
from .validate import validate_document


@dataclass
class SourceRecord:
    """What the load and validate stages made of one source file."""

    document: Document | None
    problems: list[Problem]
    validated: tuple[Entry | None, list[Problem]] | None = None
    item: Item[Entry] | None = None  # the validated document as the link stage takes it


@dataclass(frozen=True)
class BodyRecord:
    """A rendered body and the links it resolved: (target source, route or None)."""

    html: Markup
    lookups: tuple[tuple[str, str | None], ...]
    broken: tuple[tuple[str, str], ...]  # (link as written, why it cannot work)
    refused: str | None = None  # why the body could not be rendered at all

    def is_current(self, routes: dict[str, str]) -> bool:
        """True when every link it resolved still leads to the same page."""
        return all(routes.get(target) == route for target, route in self.lookups)


class RecordingRoutes(dict):  # type: ignore[type-arg]
    """Entry routes that remember every lookup, for ``BodyRecord.lookups``."""

    def __init__(self, routes: dict[str, str]) -> None:
        super().__init__()
        self.routes = routes
        self.seen: dict[str, str | None] = {}

    def get(self, key: str, default: Any = None) -> Any:
        value = self.routes.get(key, default)
        self.seen[key] = value
        return value


@dataclass
class SourceMemo:
    """Memoised ``load_document`` + ``validate_document`` over a record store."""

    records: dict[str, Any] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # shown path -> key used in this build

    def read(self, path: Path, root: Path, problems: list[Problem]) -> Document | None:
        """A ``source.DocumentReader`` that reuses the record of unchanged bytes."""
        return self.read_all([path], root, problems)[0]

    def read_all(self, paths: list[Path], root: Path, problems: list[Problem], jobs: int = 1) -> list[Document | None]:
        """A ``source.DocumentsReader`` that reuses the records of unchanged bytes, reading in ``jobs`` processes."""
        if jobs > 1:
            found = parallel.ordered_map(_read_source, len(paths), jobs, {"paths": paths, "root": root, "records": self.records})
        else:
            found = (_read(path, root, self.records) for path in paths)
        documents: list[Document | None] = []
        for path, (key, new, stable) in zip(paths, found):
            if key is None:  # unreadable or too large: the loader says why
                documents.append(load_document(path, root, problems))
                continue
            record = self.records[key] if new is None else new
            if new is not None and stable:
                self.records[key] = new
            problems.extend(record.problems)
            self.keys[display_path(path, root)] = key
            documents.append(record.document)
        return documents

    def validate(self, document: Document, model: type[Entry]) -> tuple[Entry | None, list[Problem]]:
        """Validate a document, or reuse the result for the same bytes."""
        record = self.records.get(self.keys.get(document.path, ""))
        if record is not None and record.document is document and record.validated is not None:
            return record.validated
        validated = validate_document(document, model)
        if record is not None and record.document is document:
            record.validated = validated
        return validated

    def item(self, document: Document, model: type[Entry]) -> tuple[Item[Entry] | None, list[Problem]]:
        """The validated document as an ``Item`` (the same object for the same bytes), or its problems."""
        meta, problems = self.validate(document, model)
        if meta is None:
            return None, problems
        record = self.records.get(self.keys.get(document.path, ""))
        if record is not None and record.document is document and record.item is not None and record.item.meta is meta:
            return record.item, problems
        item = Item(document.collection, document.slug, document.path, meta, document.body, document.body_line)
        if record is not None and record.document is document:
            record.item = item
        return item, problems

    def body_key(self, source: str, base_url: str) -> str | None:
        """The key of a source's rendered body under a base URL (None if not memoised)."""
        key = self.keys.get(source)
        return f"{key}\0{base_url}" if key else None


def _read(path: Path, root: Path, records: dict[str, Any]) -> tuple[str | None, SourceRecord | None, bool]:
    """(key of the file's bytes, its new record or None when ``records`` has it, whether the file stayed the same
    while it was read); key None when the file cannot be read."""
    try:
        before = path.stat()
        data = path.read_bytes() if before.st_size <= MAX_FILE_BYTES else None
    except OSError:
        data = None
    if data is None:
        return None, None, False
    key = source_key(display_path(path, root), data)
    if key in records:
        return key, None, True
    record = SourceRecord(None, [])
    record.document = load_document(path, root, record.problems)
    if record.document is not None:  # (validated here too, so that a pool validates in parallel as well)
        record.validated = validate_document(record.document, ENTRY_MODELS[record.document.collection])
    return key, record, _unchanged(path, before)


def _read_source(index: int) -> tuple[str | None, SourceRecord | None, bool]:
    """Pool task: ``_read`` of ``STATE["paths"][index]``."""
    state = parallel.STATE
    return _read(state["paths"][index], state["root"], state["records"])


def _unchanged(path: Path, before: os.stat_result) -> bool:
    """True when the file was not saved again while it was being read (same size and mtime)."""
    try:
        after = path.stat()
    except OSError:
        return False
    return (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
