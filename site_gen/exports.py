"""Machine-readable exports: ``catalog.json`` and ``catalog.csv`` from the catalog."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO

from pydantic import BaseModel

from . import urls
from .catalog import ENTRY_COLLECTIONS, Catalog, Item
from .schema import ENTRY_MODELS, NESTED_MODELS, Entry

_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def plain_value(value: Any) -> Any:
    """Convert a field value to JSON-friendly data (dates as ISO strings)."""
    if isinstance(value, BaseModel):
        return {name: plain_value(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, (list, tuple)):
        return [plain_value(part) for part in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def entry_record(item: Item[Entry], url_maker: urls.Urls) -> dict[str, Any]:
    """Every field of a published entry that has a value, plus its slug and URL."""
    record: dict[str, Any] = {"slug": item.slug, "url": url_maker.absolute(urls.entry(item.collection, item.slug))}
    for name in type(item.meta).model_fields:
        value = getattr(item.meta, name)
        if name != "draft" and value not in (None, (), []):
            record[name] = plain_value(value)
    return record


def _inert(text: str) -> str:
    """The same JSON without markup characters: the file stays inert even if sniffed as HTML or inlined."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _json_at(value: Any, depth: int) -> bytes:
    """``value`` as ``json.dumps(..., indent=1)`` writes it ``depth`` levels deep in a larger document."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)
    return _inert(text.replace("\n", "\n" + " " * depth)).encode("utf-8")  # (JSON strings hold no raw newline)


def write_catalog_json(catalog: Catalog, url_maker: urls.Urls, out: BinaryIO) -> None:
    """Write every published partner, project and elective as JSON, one entry at a time.

    The bytes are those of ``json.dumps`` of the whole document (sorted keys,
    indent 1), but only one entry's record is in memory at once: the whole
    document, its text and the escaped copies took 59 MiB at 10,000 entries,
    and so raised the 100,000-entry build's peak by over half a GiB.
    """
    site = {"title": catalog.site.title, "description": catalog.site.description, "url": catalog.site.base_url}
    out.write(b"{")
    for index, name in enumerate(sorted(["site", *ENTRY_COLLECTIONS])):
        out.write(b"," * bool(index) + b"\n " + json.dumps(name).encode("utf-8") + b": ")
        if name == "site":
            out.write(_json_at(site, 1))
        elif catalog.collection(name):
            out.write(b"[")
            for number, item in enumerate(catalog.collection(name)):
                out.write(b"," * bool(number) + b"\n  " + _json_at(entry_record(item, url_maker), 2))
            out.write(b"\n ]")
        else:
            out.write(b"[]")
    out.write(b"\n}\n")


def catalog_json(catalog: Catalog, url_maker: urls.Urls) -> bytes:
    """``catalog.json``'s bytes (``write_catalog_json`` into memory)."""
    buffer = io.BytesIO()
    write_catalog_json(catalog, url_maker, buffer)
    return buffer.getvalue()


def csv_columns() -> list[str]:
    """Column order: identity first, then every field of every entry model.

    A field that may be written as a mapping (``cost: {amount, currency}``,
    ``duration_weeks: {min, max}``) also gets a column per part, ``cost.amount``
    and so on, holding the values as written: spreadsheets read them as numbers.
    The field's own column holds the value when it is written as a single value.
    """
    columns = ["collection", "slug", "url"]
    for name in ENTRY_COLLECTIONS:
        for field in ENTRY_MODELS[name].model_fields:
            if field not in columns and field != "draft":
                columns.append(field)
                columns += [f"{field}.{part}" for part in NESTED_MODELS[field].model_fields] if field in NESTED_MODELS else []
    return columns


def csv_cell(value: Any) -> str:
    """One cell as text, neutralised against spreadsheet formula injection."""
    if value is None:
        text = ""
    elif isinstance(value, (list, tuple)):
        text = "; ".join(csv_cell(part) for part in value)
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)  # (a Decimal keeps the digits written: 0.125 stays 0.125)
    return "'" + text if text.startswith(_CSV_TRIGGERS) else text


def _csv_fields(meta: Entry) -> dict[str, Any]:
    """The CSV cells of one entry's fields: a mapping goes to its parts' columns."""
    cells: dict[str, Any] = {}
    for field in type(meta).model_fields:
        value = getattr(meta, field)
        if isinstance(value, BaseModel):
            cells.update({f"{field}.{part}": getattr(value, part) for part in type(value).model_fields})
        else:
            cells[field] = value
    return cells


def write_catalog_csv(catalog: Catalog, url_maker: urls.Urls, out: BinaryIO) -> None:
    """Write every published entry as one CSV table (UTF-8 with BOM for spreadsheets), row by row."""
    columns = csv_columns()
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        text.write("\ufeff")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(columns)
        for item in catalog.entries:
            row = {"collection": item.collection, "slug": item.slug, "url": url_maker.absolute(urls.entry(item.collection, item.slug))}
            row.update(_csv_fields(item.meta))
            writer.writerow([csv_cell(row.get(column)) for column in columns])
        text.flush()
    finally:
        text.detach()  # (leave ``out`` open for its owner)


def catalog_csv(catalog: Catalog, url_maker: urls.Urls) -> bytes:
    """``catalog.csv``'s bytes (``write_catalog_csv`` into memory)."""
    buffer = io.BytesIO()
    write_catalog_csv(catalog, url_maker, buffer)
    return buffer.getvalue()
