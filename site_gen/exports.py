"""Machine-readable exports: ``catalog.json`` and ``catalog.csv`` from the catalog."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

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


def catalog_json(catalog: Catalog, url_maker: urls.Urls) -> bytes:
    """Serialise every published partner, project and elective as JSON."""
    document = {
        "site": {"title": catalog.site.title, "description": catalog.site.description, "url": catalog.site.base_url},
        **{name: [entry_record(item, url_maker) for item in catalog.collection(name)] for name in ENTRY_COLLECTIONS},
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    # Same data, but no markup characters: the file stays inert even if sniffed as HTML or inlined.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


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


def catalog_csv(catalog: Catalog, url_maker: urls.Urls) -> bytes:
    """Serialise every published entry as one CSV table (UTF-8 with BOM for spreadsheets)."""
    columns = csv_columns()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for item in catalog.entries:
        row = {"collection": item.collection, "slug": item.slug, "url": url_maker.absolute(urls.entry(item.collection, item.slug))}
        row.update(_csv_fields(item.meta))
        writer.writerow([csv_cell(row.get(column)) for column in columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
