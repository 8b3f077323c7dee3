"""The timeline: an overview of every year, and a page per year with its transcripts by month.

One page listing every transcript grew with the archive (1.2 MB at 1,000 transcripts, ten
times that at 10,000). The overview (timeline.md) now holds each year's count and months,
so it grows by a few lines a year; each year's page (timeline/<year>.md) lists that year's
transcripts, newest first; undated ones have timeline/undated.md. The overview keeps the
year anchors (#y2020) that transcript pages and the home chart link to.
"""
from __future__ import annotations

from itertools import groupby

from ...core.model import Transcript
from ...core.slugs import month_anchor, year_anchor
from ...pipeline.dates import MONTHS
from .common import (date_cell, event_cell, link, newest_first, pairs_note, people_cell, place_cell, plural,
                     topics_cell, transcript_link)

PAGE = "timeline.md"
UNDATED = "timeline/undated.md"
NO_SEARCH = "search: {exclude: true}  # a listing of transcripts that are in the index themselves"


def year_page(year: str) -> str:
    return f"timeline/{year}.md"


def _entry(page: str, t: Transcript) -> str:
    """Return one transcript as a list item: date and title, then place, type, counterpart, topics."""
    counterparts = t.value("counterparts", [])
    facts = [place_cell(page, t), event_cell(t)]
    if counterparts:
        facts.append("with " + people_cell(page, counterparts))
    return (f"- **{date_cell(t)}** · {transcript_link(page, t)}  \n"
            f"  {' · '.join(facts)}  \n"
            f"  Topics: {topics_cell(page, t)}")


def _month_key(t: Transcript) -> int:
    date = t.value("date")
    return int(date[5:7]) if len(date) >= 7 else 0  # 0: the month is not known


def _month_title(year: str, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}" if month else f"{year}, month unknown"


def _month_id(year: str, month: int) -> str:
    return month_anchor(year, month) if month else f"{year_anchor(year)}-unknown"


def render_year_page(year: str, transcripts: list[Transcript], years: list[str]) -> str:
    """Return one year's page: its transcripts by month, newest first, with links to the years around it."""
    page = year_page(year)
    at = years.index(year)
    around = [f"[← {years[at + 1]}]({link(page, year_page(years[at + 1]))})" if at + 1 < len(years) else "",
              f"[All years]({link(page, PAGE)}#{year_anchor(year)})",
              f"[{years[at - 1]} →]({link(page, year_page(years[at - 1]))})" if at > 0 else ""]
    lines = ["---", f"title: {year} in the timeline", "hide: [navigation]", NO_SEARCH, "---", "",
             f"# {year} · {plural(len(transcripts), 'transcript')}", "",
             " · ".join(a for a in around if a), ""]
    for month, group in groupby(transcripts, key=_month_key):
        group = list(group)
        lines += [f"## {_month_title(year, month)} {{#{_month_id(year, month)}}}", ""]
        if not month:
            lines += ["*These transcripts are dated to the year only.*", ""]
        lines += [_entry(page, t) for t in group] + [""]
    return "\n".join(lines)


def render_undated_page(undated: list[Transcript]) -> str:
    lines = ["---", "title: Undated transcripts", "hide: [navigation]", NO_SEARCH, "---", "",
             f"# Undated · {plural(len(undated), 'transcript')}", "",
             "*Neither the text nor a sidecar gives a date for these.* "
             f"[All years]({link(UNDATED, PAGE)})", ""]
    return "\n".join(lines + [_entry(UNDATED, t) for t in undated] + [""])


def render_overview(by_year: list[tuple[str, list[Transcript]]], undated: list[Transcript], total: int) -> str:
    """Return timeline.md: each year with its count and its months, linking to the year's page."""
    years = [year for year, _ in by_year]
    span = f" from {years[-1]} to {years[0]}" if years else ""
    lines = ["---", "title: Timeline", "hide: [navigation]", NO_SEARCH, "---", "", "# Timeline", "",
             f"{plural(total, 'transcript')}{span}, newest first: each year with its months, and a page per "
             "year listing its transcripts. A date marked *approximate* is known to the month or the year only "
             "(from the source, or inferred by a maintainer, as the transcript page explains); such a transcript "
             "is placed in its month, or at the end of its year. Transcripts with no date at all have their own "
             f"page.{pairs_note([t for _, group in by_year for t in group] + undated)}", ""]
    if years:
        lines += ["**By year:** " + " · ".join(f"[{year}](#{year_anchor(year)}) ({len(group)})"
                                              for year, group in by_year), ""]
    for year, group in by_year:
        page = year_page(year)
        months = [f"[{_month_title(year, month)}]({link(PAGE, page)}#{_month_id(year, month)}) "
                  f"({len(list(items))})" for month, items in groupby(group, key=_month_key)]
        lines += [f"## {year} · {plural(len(group), 'transcript')} {{#{year_anchor(year)}}}", "",
                  f"[{'All ' + plural(len(group), 'transcript') if len(group) > 1 else 'The transcript'} of {year}]"
                  f"({link(PAGE, page)}), newest first. "
                  "By month: " + " · ".join(months), ""]
    lines += [f"## Undated · {plural(len(undated), 'transcript')} {{#undated}}", ""]
    lines += [f"[The undated transcripts]({link(PAGE, UNDATED)}): neither the text nor a sidecar gives a date."
              if undated else "*None: every transcript has at least an approximate date.*", ""]
    return "\n".join(lines)


def render_timeline(transcripts: list[Transcript]) -> dict[str, str]:
    """Return the timeline's pages, keyed by path: the overview, a page per year, the undated page."""
    ordered = newest_first(transcripts)
    dated = [t for t in ordered if t.value("date")]
    undated = [t for t in ordered if not t.value("date")]
    by_year = [(year, list(group)) for year, group in groupby(dated, key=lambda t: t.value("date")[:4])]
    years = [year for year, _ in by_year]
    pages = {PAGE: render_overview(by_year, undated, len(transcripts))}
    for year, group in by_year:
        pages[year_page(year)] = render_year_page(year, group, years)
    if undated:
        pages[UNDATED] = render_undated_page(undated)
    return pages
