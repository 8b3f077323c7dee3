"""Dates as sources write them ("8 April 202114:32", "September 9, 2020") and as the archive stores them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH = "(?P<month>" + "|".join(MONTHS) + ")"
_TIME = r"(?:\s*,?\s*(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d))?"
# Day-first ("12 September 2013") and month-first ("September 9, 2020"); a time may
# follow, glued to the year as the ministry's site prints it ("8 April 202114:32").
DAY_FIRST = re.compile(r"(?P<day>\d{1,2}) " + _MONTH + r" (?P<year>\d{4})" + _TIME)
MONTH_FIRST = re.compile(_MONTH + r" (?P<day>\d{1,2}), (?P<year>\d{4})" + _TIME)
ISO_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
CLOCK = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO form, precision, optional time, and where it stood."""

    iso: str
    precision: str  # day | month | year
    time: str | None
    start: int
    end: int


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


def parse_dateline(text: str) -> FoundDate | None:
    """Return the date when the whole of `text` is a dateline, else None."""
    text = text.strip()
    for pattern in (DAY_FIRST, MONTH_FIRST):
        match = pattern.fullmatch(text)
        if match:
            return _found(match)
    return None


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
