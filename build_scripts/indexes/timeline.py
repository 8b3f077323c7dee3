"""The timeline: every transcript by year and month, newest first, undated ones last."""
from __future__ import annotations

from itertools import groupby

from ..dates import MONTHS
from ..model import Transcript
from ..slugs import month_anchor, year_anchor
from .common import (date_cell, event_cell, newest_first, people_cell, place_cell, plural,
                     topics_cell, transcript_link)

PAGE = "timeline.md"


def _entry(t: Transcript) -> str:
    """Return one transcript as a list item: date and title, then place, type, counterpart, topics."""
    counterparts = t.value("counterparts", [])
    facts = [place_cell(PAGE, t), event_cell(t)]
    if counterparts:
        facts.append("with " + people_cell(PAGE, counterparts))
    return (f"- **{date_cell(t)}** · {transcript_link(PAGE, t)}  \n"
            f"  {' · '.join(facts)}  \n"
            f"  Topics: {topics_cell(PAGE, t)}")


def _month_key(t: Transcript) -> int:
    date = t.value("date")
    return int(date[5:7]) if len(date) >= 7 else 0  # 0: the month is not known


def render_year(year: str, transcripts: list[Transcript]) -> list[str]:
    """Return the Markdown for one year: a heading with its count, then its months."""
    lines = [f"## {year} · {plural(len(transcripts), 'transcript')} {{#{year_anchor(year)}}}", ""]
    for month, group in groupby(transcripts, key=_month_key):
        group = list(group)
        if month:
            lines += [f"### {MONTHS[month - 1]} {year} {{#{month_anchor(year, month)}}}", ""]
        else:
            lines += [f"### {year}, month unknown {{#{year_anchor(year)}-unknown}}", "",
                      "*These transcripts are dated to the year only.*", ""]
        lines += [_entry(t) for t in group] + [""]
    return lines


def render_timeline(transcripts: list[Transcript]) -> str:
    """Return the timeline page."""
    ordered = newest_first(transcripts)
    dated = [t for t in ordered if t.value("date")]
    undated = [t for t in ordered if not t.value("date")]
    years = [t.value("date")[:4] for t in dated]
    span = f" from {years[-1]} to {years[0]}" if years else ""
    lines = ["---", "title: Timeline", "hide: [navigation]",
             "search: {exclude: true}  # a listing of transcripts that are in the index themselves",
             "---", "", "# Timeline", "",
             f"{plural(len(transcripts), 'transcript')}{span}, newest first, grouped by year and month. "
             "A date marked *approximate* is known to the month or the year only (from the source, or inferred by a "
             "maintainer, as the transcript page explains); such a transcript is placed in its month, or at the "
             "end of its year. "
             "Transcripts with no date at all are listed at the end.", ""]
    if years:
        counts = [f"[{year}](#{year_anchor(year)}) ({n})" for year, n in
                  ((y, len(list(g))) for y, g in groupby(years))]
        lines += ["**By year:** " + " · ".join(counts), ""]
    for year, group in groupby(dated, key=lambda t: t.value("date")[:4]):
        lines += render_year(year, list(group))
    lines += [f"## Undated · {plural(len(undated), 'transcript')} {{#undated}}", ""]
    if undated:
        lines += ["*Neither the text nor a sidecar gives a date for these.*", ""]
        lines += [_entry(t) for t in undated] + [""]
    else:
        lines += ["*None: every transcript has at least an approximate date.*", ""]
    return "\n".join(lines)
