"""One record of a researcher's CSV export, pasted on its own into a .txt file.

Such a file is a single comma-separated row (no header): an address, a date, a
headline, perhaps a place and a summary, and the transcript as one long cell.
Each cell is recognised by its form, so no column order is assumed: the longest
cell is the text; a web address, a date and a short headline are facts with the
cell they came from as provenance.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

URL = re.compile(r"https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)+/\S*")
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
NAME = re.compile(r"(?:[A-ZА-ЯЁ][\w’'.-]*\.?\s?){1,3}")
MIN_FIELDS = 3


@dataclass
class Cell:
    """One cell: its 1-based position, text, and the file line it starts on."""

    column: int
    text: str
    line: int


@dataclass
class Record:
    """The cells of the record by role (text, url, date, title, place, summary, speaker)."""

    text: Cell
    roles: dict[str, Cell] = field(default_factory=dict)
    other: list[Cell] = field(default_factory=list)


def _cells(text: str) -> list[Cell] | None:
    """The cells of `text` when it is exactly one CSV record of several cells, else None."""
    opening = text[:300]
    if "," not in opening or text.lstrip()[:1] in ("<", "{", "[") or not (
            '",' in opening or "http" in opening or "www." in opening or NUMERIC_DATE.search(opening)
            or ISO_STAMP.search(opening)):
        return None  # a record shows a quoted cell, an address or a date in its first cells
    try:
        rows = [row for row in csv.reader(io.StringIO(text.strip("\ufeff\r\n")), strict=True) if row]
    except csv.Error:
        return None
    if len(rows) != 1 or len(rows[0]) < MIN_FIELDS:
        return None
    cells, at = [], 0
    body = text
    for column, value in enumerate(rows[0], start=1):
        written = value.replace('"', '""')
        found = body.find(written, at) if written else -1
        start = found if found >= 0 else at
        cells.append(Cell(column, value, body.count("\n", 0, start) + 1))
        at = start + len(written)
    return cells


def _is_date(value: str) -> bool:
    value = value.strip()
    return len(value) <= 40 and bool(ISO_STAMP.fullmatch(value) or NUMERIC_DATE.fullmatch(value))


def read_record(text: str) -> Record | None:
    """Return the record's cells by role when `text` is one CSV record with a long text cell, else None."""
    cells = _cells(text)
    if not cells:
        return None
    longest = max(cells, key=lambda c: len(c.text))
    if len(longest.text) < 0.5 * len(text) or len(longest.text.split()) < 30:
        return None
    others = [c for c in cells if c is not longest]
    if not any(URL.fullmatch(c.text.strip()) or _is_date(c.text) for c in others):
        return None  # a sentence that merely has commas in it: not an export
    record = Record(longest)
    for cell in others:
        value = cell.text.strip()
        if not value:
            continue
        if "url" not in record.roles and URL.fullmatch(value):
            record.roles["url"] = cell
        elif "date" not in record.roles and _is_date(value):
            record.roles["date"] = cell
        else:
            record.other.append(cell)
    return record
