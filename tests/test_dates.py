"""Dates as sources write them, and as sidecars give them."""
from __future__ import annotations

import pytest

from build_scripts.dates import display_date, find_trailing_date, parse_dateline, parse_iso


@pytest.mark.parametrize("text, iso, time", [
    ("8 April 202114:32", "2021-04-08", "14:32"),   # glued dateline from the ministry's site
    ("28 January 201913:56", "2019-01-28", "13:56"),
    ("28 January 2019 9:05", "2019-01-28", "09:05"),
    ("12 September 2013", "2013-09-12", None),
    ("September 9, 2020", "2020-09-09", None),
    ("  January 28, 2019  ", "2019-01-28", None),
])
def test_dateline(text, iso, time):
    found = parse_dateline(text)
    assert (found.iso, found.time) == (iso, time)


@pytest.mark.parametrize("text", [
    "31 February 2021", "Moscow, 8 April 2021", "8 Apr 2021", "2021-04-08", "8 April 202125:00",
    "We met on 8 April 2021.", "",
])
def test_not_a_dateline(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize("title, iso", [
    ("… Mukhtar Tleuberdi, Moscow, September 9, 2020", "2020-09-09"),
    ("… Erlan Idrisov, Astana, 12 September 2013", "2013-09-12"),
    ("… Mukhtar Tleuberdi, Nur-Sultan", None),
    ("Russia and Kazakhstan have been working together", None),
    ("On September 9, 2020 we met in Moscow", None),
])
def test_trailing_date_in_title(title, iso):
    found = find_trailing_date(title)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize("value, expected", [
    ("2020-11", ("2020-11", "month")),
    ("2020", ("2020", "year")),
    (2020, ("2020", "year")),
    ("2020-09-09", ("2020-09-09", "day")),
    (__import__("datetime").date(2020, 9, 9), ("2020-09-09", "day")),
])
def test_sidecar_dates(value, expected):
    assert parse_iso(value) == expected


@pytest.mark.parametrize("value", ["2021-02-31", "2020-13", "Nov 2020", "20-11-2020", ""])
def test_bad_sidecar_dates(value):
    with pytest.raises(ValueError):
        parse_iso(value)


@pytest.mark.parametrize("iso, precision, shown", [
    ("2020-09-09", "day", "9 September 2020"),
    ("2020-11", "month", "November 2020"),
    ("2013", "year", "2013"),
    (None, "unknown", "Unknown"),
])
def test_display_date(iso, precision, shown):
    assert display_date(iso, precision) == shown
