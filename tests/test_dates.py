"""Dates as sources write them, and as sidecars give them."""
from __future__ import annotations

import pytest

from build_scripts.pipeline.dates import display_date, find_date, find_trailing_date, parse_dateline, parse_iso, stamp_kind


@pytest.mark.parametrize("text, iso, time", [
    ("8 April 202114:32", "2021-04-08", "14:32"),   # glued dateline from the ministry's site
    ("28 January 201913:56", "2019-01-28", "13:56"),
    ("28 January 2019 9:05", "2019-01-28", "09:05"),
    ("12 September 2013", "2013-09-12", None),
    ("September 9, 2020", "2020-09-09", None),
    ("  January 28, 2019  ", "2019-01-28", None),
    ("June 3, 2019, 14:05", "2019-06-03", "14:05"),
    ("19 июля 2002 года, 11:59", "2002-07-19", "11:59"),
    ("9 сентября 2020 года", "2020-09-09", None),
    ("9 сентября 2020 г.", "2020-09-09", None),
    ("03.06.2019", "2019-06-03", None),
    ("2021-04-08", "2021-04-08", None),
    ("2022-05-16T18:00:00Z", "2022-05-16", "18:00"),
    ("02/22/2022", "2022-02-22", None),
])
def test_dateline(text, iso, time):
    found = parse_dateline(text)
    assert (found.iso, found.time) == (iso, time)


@pytest.mark.parametrize("text", [
    "31 February 2021", "Moscow, 8 April 2021", "8 Apr 2021", "8 April 202125:00",
    "We met on 8 April 2021.", "",
    "19 июля 2002 года (Москва)", "3 June 2019 (Moscow)",  # a place follows: not a whole-line date
    "03/04/2019", "30 февраля 2020 года", "8 октября",
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


# Every form publishers print, English and Russian: (text, ISO date, time, matched text).
@pytest.mark.parametrize("text, iso, time, matched", [
    ("June 3, 2019, 14:05", "2019-06-03", "14:05", "June 3, 2019, 14:05"),
    ("Moscow, June 3, 2019", "2019-06-03", None, "June 3, 2019"),
    ("3 June 2019", "2019-06-03", None, "3 June 2019"),
    ("Talks, 3 June 2019 at 9:05, Sochi", "2019-06-03", "09:05", "3 June 2019 at 9:05"),
    ("8 April 202114:32", "2021-04-08", "14:32", "8 April 202114:32"),
    ("03.06.2019", "2019-06-03", None, "03.06.2019"),
    ("Дата: 3.6.2019 г.", "2019-06-03", None, "3.6.2019 г."),
    ("9 сентября 2020 года", "2020-09-09", None, "9 сентября 2020 года"),
    ("Москва, 9 сентября 2020 г.", "2020-09-09", None, "9 сентября 2020 г."),
    ("9 сентября 2020", "2020-09-09", None, "9 сентября 2020"),
    ("19 июля 2002 года, 11:59", "2002-07-19", "11:59", "19 июля 2002 года, 11:59"),
    ("19 июля 2002 года (Москва)", "2002-07-19", None, "19 июля 2002 года"),
    *[(f"1 {month} 2021", f"2021-{i:02d}-01", None, f"1 {month} 2021") for i, month in enumerate(
        ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
         "сентября", "октября", "ноября", "декабря"), start=1)],
    ("2022-05-16T18:00:00Z", "2022-05-16", "18:00", "2022-05-16T18:00:00Z"),
    ("published 2022-05-16T18:00:00+03:00.", "2022-05-16", "18:00", "2022-05-16T18:00:00+03:00"),
    ("2022-05-16", "2022-05-16", None, "2022-05-16"),
    ("02/22/2022", "2022-02-22", None, "02/22/2022"),   # only MM/DD reads
    ("22/02/2022", "2022-02-22", None, "22/02/2022"),   # only DD/MM reads
    ("05/05/2019", "2019-05-05", None, "05/05/2019"),   # both readings are one day
    ("Последнее обновление: 3 June 2019", "2019-06-03", None, "3 June 2019"),
    ("31 February 2021, then 3 June 2019", "2019-06-03", None, "3 June 2019"),  # the first REAL date
])
def test_find_date(text, iso, time, matched):
    found = find_date(text)
    assert (found.iso, found.precision, found.time, text[found.start:found.end]) == (iso, "day", time, matched)


@pytest.mark.parametrize("written, language, order", [
    *[(f"{d} {month} {y}", "en", "DMY") for d, month, y in (("3", "June", 2019), ("31", "December", 2000),
                                                              ("29", "February", 2024), ("29", "February", 2023),
                                                              ("31", "April", 2021), ("1", "JANUARY", 2013))],
    *[(f"{month} {d}, {y}", "en", "MDY") for month, d, y in (("September", 9, 2020), ("February", 30, 2020))],
    *[(f"{d} {month} {y}", "ru", "DMY") for d, month, y in (("9", "сентября", 2020), ("31", "июня", 2020),
                                                              ("1", "января", 2013), ("29", "февраля", 2022))],
    ("2022-05-16", "en", "YMD"), ("2021-02-31", "en", "YMD"), ("03.06.2019", "en", "DMY"),
    ("02/22/2022", "en", "MDY"), ("22/02/2022", "en", "DMY"), ("27-02-2003", "en", "DMY"),
])
def test_the_calendar_reads_every_form_as_dateparser_does(written, language, order):
    from build_scripts.pipeline.date_forms import _day, read_with_dateparser
    assert _day(language, order, written) == read_with_dateparser(language, order, written)


@pytest.mark.parametrize("text", [
    "© 2020", "© 2020 The Ministry of Foreign Affairs, 3 June 2019", "Copyright 03.06.2019",  # copyright lines
    "03/04/2019",                 # March 4 or April 3: no date
    "31 February 2021", "30 февраля 2020 года", "31.02.2021", "2021-02-31", "13/13/2020",
    "8 октября", "8 October", "2019", "in 2019 and 2020",  # no year, or only a year
    "No. 1234-15-06-2019",        # a document number: day, month and year are not clear
    "Ref. 2019-06-03-17", "v1.03.06.2019",
    "",
])
def test_no_date_found(text):
    assert find_date(text) is None


@pytest.mark.parametrize("line, kind", [
    ("© 2020 The Ministry of Foreign Affairs of the Russian Federation", "copyright"),
    ("Copyright 2021 MFA", "copyright"),
    ("(c) 2019 GlobalSecurity.org", "copyright"),
    ("All rights reserved.", "copyright"),
    ("© МИД России, 2020. Все права защищены", "copyright"),
    ("Last updated at 3 June 2021, 10:00", "updated"),
    ("Page last modified: 3 June 2021", "updated"),
    ("Updated: June 3, 2021", "updated"),
    ("Обновлено 12.05.2020", "updated"),
    ("Дата изменения: 03.06.2020", "updated"),
    ("Published: June 3, 2021", "published"),
    ("Published on 3 June 2021", "published"),
    ("Дата публикации: 19.07.2002", "published"),
    ("Опубликовано 19 июля 2002 года", "published"),
    ("Updated guidelines on trade", None),
    ("Published by the Ministry", None),
    ("9 сентября 2020 года", None),
    ("Moscow, September 9, 2020", None),
])
def test_stamp_kind(line, kind):
    assert stamp_kind(line) == kind
