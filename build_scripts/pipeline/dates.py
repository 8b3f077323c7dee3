"""Dates as sources write them ("8 April 202114:32", "9 сентября 2020 года") and as the archive stores them."""
from __future__ import annotations

import datetime as dt
import re

from .date_forms import MONTHS, FoundDate, read_first_date, read_whole_date

__all__ = ["MONTHS", "FoundDate", "find_date", "parse_dateline", "stamp_kind", "find_trailing_date",
           "impossible_trailing_date", "parse_iso", "display_date", "sort_key"]

_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_TIME = r"(?:\s*,?\s*(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d))?"
# Day-first ("12 September 2013") and month-first ("September 9, 2020"); a time may
# follow, glued to the year as the ministry's site prints it ("8 April 202114:32").
DAY_FIRST = re.compile(r"(?P<day>\d{1,2}) " + _MONTH + r" (?P<year>\d{4})" + _TIME)
MONTH_FIRST = re.compile(_MONTH + r" (?P<day>\d{1,2}), (?P<year>\d{4})" + _TIME)
ISO_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")

# Lines that carry a date which is not the event's: a page's copyright, its last edit,
# its publication. Checked at the start of the line (after bullets), except copyright.
_LEAD = r"^[\s•·|*>-]*"
STAMPS = (
    ("copyright", re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\bвсе права защищены\b",
                             re.I)),
    ("updated", re.compile(_LEAD + r"(?:(?:page\s+)?last\s+(?:updated|modified)\b"
                           r"|(?:updated|modified)(?:\s*:|\s+(?:at|on)\b|\s+\d)"
                           r"|(?:обновлено|изменено|последнее\s+(?:обновление|изменение)"
                           r"|дата\s+(?:изменения|обновления))\b)", re.I)),
    ("published", re.compile(_LEAD + r"(?:(?:published|posted|publication\s+date|date\s+of\s+publication)"
                             r"(?:\s*:|\s+(?:at|on)\b|\s+\d)"
                             r"|(?:опубликовано|размещено|дата\s+(?:публикации|размещения))\b)", re.I)),
)


def stamp_kind(line: str) -> str | None:
    """Return "copyright", "updated" or "published" when `line` is such a stamp, else None."""
    return next((kind for kind, pattern in STAMPS if pattern.search(line)), None)


def find_date(text: str) -> FoundDate | None:
    """Return the first real date in a short text (title, dateline, stamp, cell), else None.

    A copyright line has no date of the event, whatever it contains.
    """
    return None if stamp_kind(text) == "copyright" else read_first_date(text)


def parse_dateline(text: str) -> FoundDate | None:
    """Return the date when the whole of `text` is a dateline, in any form `find_date` knows, else None."""
    return read_whole_date(text)


def _found(match: re.Match) -> FoundDate | None:
    month = MONTHS.index(match["month"]) + 1
    try:
        day = dt.date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None  # "31 February": not a date
    time = match["time"]
    if time and len(time) == 4:
        time = "0" + time
    return FoundDate(day.isoformat(), "day", time, match.start(), match.end())


def _trailing_match(text: str) -> re.Match | None:
    """The day-first or month-first date pattern that ends `text`, real day or not."""
    text = text.rstrip()
    for pattern in (DAY_FIRST, MONTH_FIRST):
        for match in pattern.finditer(text):
            if match.end() == len(text):
                return match
    return None


def find_trailing_date(text: str) -> FoundDate | None:
    """Return the date that ends `text` ("…, Moscow, September 9, 2020"), else None."""
    match = _trailing_match(text)
    return _found(match) if match else None


def impossible_trailing_date(text: str) -> str | None:
    """The date-like words that end `text` when they name no real day ("February 31, 2021"), else None."""
    match = _trailing_match(text)
    return match.group(0) if match and _found(match) is None else None


def parse_iso(value: object) -> tuple[str, str]:
    """Return (ISO text, precision) for a sidecar date, or raise ValueError saying why."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    text = str(value).strip()
    match = ISO_PARTIAL.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = match["year"], match["month"], match["day"]
    if day:
        dt.date.fromisoformat(text)  # raises ValueError for 2021-02-31
        return text, "day"
    if month:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"{text!r} has no month {month}")
        return text, "month"
    return year, "year"


def display_date(iso: str | None, precision: str) -> str:
    """Return a reader's form: "9 September 2020", "November 2020", "2013", or "Unknown"."""
    if not iso:
        return "Unknown"
    parts = [int(p) for p in iso.split("-")]
    if precision == "day":
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if precision == "month":
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def sort_key(iso: str | None) -> tuple[int, int, int]:
    """Return a key that orders dates of any precision; unknown dates sort first."""
    if not iso:
        return (0, 0, 0)
    parts = [int(p) for p in iso.split("-")] + [0, 0]
    return (parts[0], parts[1], parts[2])

