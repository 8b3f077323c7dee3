"""Reading a researcher's export: a CSV (any delimiter, a header row) or JSON Lines file into
rows of cells by column, or an error naming the line and what to do."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..core.errors import TranscriptError
from ..pipeline.read import decode

JSON_LINES = (".jsonl", ".ndjson")
DELIMITERS = ",;\t|"


@dataclass
class Row:
    """One record of the export: its first line in the file and its cells by column."""

    line: int
    cells: dict[str, str]


def read_export(path: Path) -> tuple[list[str], list[Row]]:
    """Return (column names, rows) of a CSV or JSON Lines export, or raise naming the bad line."""
    text = decode(path.read_bytes(), path.name)  # UTF-8 with or without BOM; the bad byte's line otherwise
    if path.suffix.lower() in JSON_LINES:
        return _read_json_lines(text, path.name)
    return _read_csv(text, path.name)


def _read_csv(text: str, name: str) -> tuple[list[str], list[Row]]:
    try:
        sniffed = csv.Sniffer().sniff(text[:64 * 1024], delimiters=DELIMITERS)
        delimiter, quote = sniffed.delimiter, sniffed.quotechar or '"'
    except csv.Error:  # one column, or too little to tell: a spreadsheet's default
        delimiter, quote = ",", '"'
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar=quote,
                        doublequote=True, strict=True)
    records, start = [], 1
    try:
        for cells in reader:
            if cells:  # a blank line is no record
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise TranscriptError(name, start, "a quoted cell starts in this record and is never closed",
                                  "close the quote, or double each quote inside a quoted cell (\"\")") from None
        raise TranscriptError(name, reader.line_num, f"bad CSV quoting ({exc})",
                              "a quote inside a quoted cell must be doubled (\"\"); re-export the file "
                              "from the spreadsheet") from None
    if not records:
        raise TranscriptError(name, None, "the file has no header row and no rows",
                              "export the table with its header row")
    header_line, header = records[0]
    _check_header(header, name, header_line)
    rows = []
    for line, cells in records[1:]:
        if len(cells) != len(header):
            raise TranscriptError(name, line, f"this row has {len(cells)} cell(s) but the header has "
                                  f"{len(header)} column(s)", "check the row's quoting and separators")
        rows.append(Row(line, dict(zip(header, cells))))
    return header, rows


def _check_header(header: list[str], name: str, line: int) -> None:
    for column in header:
        if not column.strip():
            raise TranscriptError(name, line, "a column of the header row has no name", "name every column")
        if header.count(column) > 1:
            raise TranscriptError(name, line, f"two columns are named {column!r}", "rename one of them")


def _read_json_lines(text: str, name: str) -> tuple[list[str], list[Row]]:
    columns: dict[str, None] = {}
    rows = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TranscriptError(name, number, f"not valid JSON ({exc.msg}, column {exc.colno})",
                                  'each line must be one JSON object, e.g. {"text": "…", "title": "…"}') from None
        if not isinstance(record, dict):
            raise TranscriptError(name, number, "this line is JSON but not an object",
                                  'each line must be one JSON object, e.g. {"text": "…", "title": "…"}')
        cells = {}
        for key, value in record.items():
            if isinstance(value, (dict, list)):
                raise TranscriptError(name, number, f"the value of {key!r} is a JSON {type(value).__name__}",
                                      "give each value as text")
            if value is not None:
                cells[key] = value if isinstance(value, str) else json.dumps(value)
            columns.setdefault(key)
        rows.append(Row(number, cells))
    if not rows:
        raise TranscriptError(name, None, "the file has no records", "export at least one row")
    return list(columns), rows
