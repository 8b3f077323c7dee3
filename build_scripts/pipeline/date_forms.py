"""The date forms publishers print, in English and Russian.

Patterns find candidates and say how to read them (language, field order); the
calendar (datetime) decides whether a candidate is a real day, so "31 February"
and a bare "8 октября" are never dates. Each form needs a day, a month and a year
that cannot be read two ways: "03/04/2019" could be March or April, so it is no date.

The patterns name every month they accept, so reading a match needs no more than
the month tables below. dateparser, the well-kept multilingual reader, read them at
first; it took 2.6 ms per distinct date (8% of `generate` at 1,000 transcripts) to
reach the same days, and tests/test_dates.py now holds the two to the same answer on
every form (`read_with_dateparser`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# Russian dates name the month in the genitive: "9 сентября 2020 года".
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря")

# A candidate stands alone: not glued to a word, a number or a document number's parts.
_BEFORE = r"(?<![\w./-])"
_AFTER = r"(?!\w|[./-]\d)"
# A time may follow ("June 3, 2019, 14:05", "… 2020 года, 11:59"), or be glued to the
# year as the ministry's site prints it ("8 April 202114:32").
_CLOCK = r"(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)"
_TIME = r"(?:\s*(?:,|\bat\b|\bв\b)?\s*" + _CLOCK + ")?"
_ISO_TIME = r"(?:[T ]" + _CLOCK + r"(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_EN_MONTH = "(?i:" + "|".join(MONTHS) + ")"  # headlines in capitals: "BEIJING, FEBRUARY 27, 2003"
_RU_MONTH = "(?i:" + "|".join(RU_MONTHS) + ")"


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: ISO form, precision, optional time, and where it stood."""

    iso: str
    precision: str  # day | month | year
    time: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Form:
    """One way of writing a date: where the date and time stand, and how dateparser reads it."""

    name: str
    pattern: re.Pattern
    language: str
    order: str | None  # DMY, MDY or YMD; None when each match says (slashes)


def _form(name: str, date: str, tail: str, language: str, order: str | None) -> Form:
    return Form(name, re.compile(_BEFORE + "(?P<date>" + date + ")" + tail + _AFTER), language, order)


FORMS = (
    _form("day month year", r"\d{1,2}\s+" + _EN_MONTH + r"\s+\d{4}", _TIME, "en", "DMY"),
    _form("month day, year", _EN_MONTH + r"\s+\d{1,2},\s*\d{4}", _TIME, "en", "MDY"),
    _form("russian", r"\d{1,2}\s+" + _RU_MONTH + r"\s+\d{4}", r"(?:\s*(?:года|г\.))?" + _TIME, "ru", "DMY"),
    _form("iso", r"\d{4}-\d{2}-\d{2}", _ISO_TIME, "en", "YMD"),
    _form("dotted", r"\d{1,2}\.\d{1,2}\.\d{4}", r"(?:\s*г\.)?" + _TIME, "en", "DMY"),
    _form("slashed", r"(?P<first>\d{1,2})/(?P<second>\d{1,2})/\d{4}", _TIME, "en", None),
    _form("dashed", r"(?P<first>\d{1,2})-(?P<second>\d{1,2})-\d{4}", _TIME, "en", None),  # "27-02-2003": as slashes
)


@lru_cache(maxsize=None)
def _parser(language: str, order: str):
    """Return dateparser's reader for one language and field order, built once."""
    from dateparser.date import DateDataParser  # imported here: a build that finds no date never pays for it

    return DateDataParser(languages=[language], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": order, "PREFER_LOCALE_DATE_ORDER": False,
        "PARSERS": ["absolute-time"]})  # a stated date only: never "2 days ago" (and a third faster)


def _slash_order(match: re.Match) -> str | None:
    """MDY or DMY when the numbers allow only one reading ("02/22/2022"), else None."""
    first, second = int(match["first"]), int(match["second"])
    if first == second or second > 12:
        return "MDY"
    if first > 12:
        return "DMY"
    return None  # "03/04/2019": March or April


_MONTH_NUMBER = {name.lower(): n for names in (MONTHS, RU_MONTHS) for n, name in enumerate(names, start=1)}
_PART = re.compile(r"\d+|[^\W\d_]+")


def _day(language: str, order: str, written: str) -> dt.date | None:
    """The day `written` names, its fields taken in `order` (DMY, MDY or YMD); None for no real day."""
    parts = _PART.findall(written)
    fields = [int(p) if p.isdigit() else _MONTH_NUMBER.get(p.lower()) for p in parts[:3]]
    if len(fields) != 3 or None in fields:
        return None
    values = dict(zip(order, fields))
    try:
        return dt.date(values["Y"], values["M"], values["D"])
    except ValueError:
        return None


def read_with_dateparser(language: str, order: str, written: str) -> dt.date | None:
    """The day dateparser reads in `written`: the reference `_day` is tested against."""
    day = _parser(language, order).get_date_data(written).date_obj
    return day.date() if isinstance(day, dt.datetime) else None


def _read(form: Form, match: re.Match) -> FoundDate | None:
    order = form.order or _slash_order(match)
    if order is None:
        return None
    day = _day(form.language, order, match["date"])
    if day is None:
        return None
    time = match["time"]
    if time and len(time) == 4:
        time = "0" + time
    return FoundDate(day.isoformat(), "day", time, match.start(), match.end())


def read_whole_date(text: str) -> FoundDate | None:
    """Return the date when all of `text` (stripped) is one date in a known form, else None."""
    text = text.strip()
    for form in FORMS:
        match = form.pattern.fullmatch(text)
        if match:
            return _read(form, match)
    return None


def read_first_date(text: str) -> FoundDate | None:
    """Return the first real date in `text`, in any known form, else None."""
    candidates = sorted(((m.start(), -m.end(), i, m) for i, form in enumerate(FORMS)
                         for m in form.pattern.finditer(text)), key=lambda c: c[:3])
    for *_, i, match in candidates:
        found = _read(FORMS[i], match)
        if found:
            return found
    return None
