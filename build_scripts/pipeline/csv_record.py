"""One record of a researcher's CSV export, pasted on its own into a .txt file.

Such a file is a single comma-separated row: an address, a date, a headline,
perhaps a place and a summary, and the transcript as one long cell. Without a
header line, each cell is recognised by its form, so no column order is assumed:
the longest cell is the text; a web address, a date and a short headline are facts
with the cell they came from as provenance. With the export's header line above
the row ("title,date,place,text"), the columns' names say what each cell is.
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
GUESSES = {  # field -> header names that mean it, most likely first (importer.py reads the same)
    "text": ("text", "body", "content", "transcript"),
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "datetime"),
    "url": ("url", "link", "href"),
    "place": ("place", "location", "city"),
    "speaker": ("speaker", "author"),
}
HEADER_CELL = re.compile(r"[A-Za-z_][A-Za-z_ .-]{0,39}")


@dataclass
class Cell:
    """One cell: its 1-based position, text, and the file line it starts on."""

    column: int
    text: str
    line: int
    name: str | None = None  # the column's name in the header line, when the record has one

    def where(self) -> str:
        return f"column '{self.name}' of the CSV record" if self.name else f"cell {self.column} of the CSV record"


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
    header = rows[0] if len(rows) == 2 and _is_header(rows[0], rows[1]) else None
    if len(rows) != 1 + bool(header) or len(rows[-1]) < MIN_FIELDS:
        return None
    cells, at = [], text.find("\n") + 1 if header else 0
    body = text
    for column, value in enumerate(rows[-1], start=1):
        written = value.replace('"', '""')
        found = body.find(written, at) if written else -1
        start = found if found >= 0 else at
        cells.append(Cell(column, value, body.count("\n", 0, start) + 1, header[column - 1].strip() if header else None))
        at = start + len(written)
    return cells


def _is_header(first: list[str], second: list[str]) -> bool:
    """An export's header line: as many cells as the record, each a column name, one of them the text's."""
    return (len(first) == len(second) and all(HEADER_CELL.fullmatch(c.strip()) for c in first)
            and any(c.strip().lower() in GUESSES["text"] for c in first))


def _field(cell: Cell) -> str | None:
    name = (cell.name or "").lower()
    return next((f for f, names in GUESSES.items() if name in names), None)


def _is_date(value: str) -> bool:
    value = value.strip()
    return len(value) <= 40 and bool(ISO_STAMP.fullmatch(value) or NUMERIC_DATE.fullmatch(value))


def read_record(text: str) -> Record | None:
    """Return the record's cells by role when `text` is one CSV record with a long text cell, else None."""
    cells = _cells(text)
    if not cells:
        return None
    named = next((c for c in cells if _field(c) == "text"), None)  # the header names the text's column
    longest = named or max(cells, key=lambda c: len(c.text))
    if named is None and (len(longest.text) < 0.5 * len(text) or len(longest.text.split()) < 30):
        return None
    others = [c for c in cells if c is not longest]
    if named is None and not any(URL.fullmatch(c.text.strip()) or _is_date(c.text) for c in others):
        return None  # a sentence that merely has commas in it: not an export
    record = Record(longest)
    for cell in others:
        value = cell.text.strip()
        if not value:
            continue
        if _field(cell) in ("url", "date", "title") and _field(cell) not in record.roles:
            record.roles[_field(cell)] = cell
        elif "url" not in record.roles and URL.fullmatch(value):
            record.roles["url"] = cell
        elif "date" not in record.roles and _is_date(value):
            record.roles["date"] = cell
        else:
            record.other.append(cell)
    return record
