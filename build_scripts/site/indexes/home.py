"""The home page: what the archive is, its size and span, latest additions, topics, a chart per year."""
from __future__ import annotations

from string import Template

from ...core.escape import md_inline
from ...core.model import Transcript
from ...core.paths import TEMPLATES
from ...core.rules import Rules
from ...core.urls import href, topic_page
from ...pipeline.dates import display_date
from .chart import render_year_chart, year_counts
from .common import date_cell, event_cell, newest_first, place_cell, plural, transcript_link
from .topic_pages import tagged

PAGE = "index.md"
TEMPLATE = TEMPLATES / "home.md"
LATEST = 10


def latest_additions(transcripts: list[Transcript], added: dict[str, str]) -> tuple[str, list[tuple[Transcript, str]]]:
    """Return (heading, [(transcript, when added)]) for the most recently added transcripts.

    Without git history for every file, fall back to the newest transcripts by date.
    """
    if transcripts and all(t.corpus_file in added for t in transcripts):
        order = sorted(newest_first(transcripts), key=lambda t: added[t.corpus_file], reverse=True)
        return "Latest additions", [(t, added[t.corpus_file]) for t in order[:LATEST]]
    return "Newest transcripts", [(t, "") for t in newest_first(transcripts)[:LATEST]]


def _latest_table(rows: list[tuple[Transcript, str]]) -> str:
    with_added = any(when for _, when in rows)
    head = "| Date | Transcript | Place | Type |" + (" Added |" if with_added else "")
    lines = [head, "|---|---|---|---|" + ("---|" if with_added else "")]
    for t, when in rows:
        lines.append(f"| {date_cell(t)} | {transcript_link(PAGE, t)} | {place_cell(PAGE, t)} | {event_cell(t)} |"
                     + (f" {display_date(when, 'day')} |" if with_added else ""))
    return "\n".join(lines)


def _topics_line(rules: Rules, transcripts: list[Transcript]) -> str:
    counted = [(topic, len(tagged(topic, transcripts))) for topic in rules.topics]
    counted = sorted((pair for pair in counted if pair[1]), key=lambda p: (-p[1], p[0].name.lower()))
    if not counted:
        return "*No topics assigned yet.*"
    return " · ".join(f"[{md_inline(topic.name)}]({topic_page(topic.slug)}) ({n})" for topic, n in counted)


def render_home(transcripts: list[Transcript], rules: Rules, added: dict[str, str] | None = None) -> str:
    """Return the home page."""
    dates = [t.value("date") for t in transcripts if t.value("date")]
    years = sorted(d[:4] for d in dates)
    span = f"{years[0]}–{years[-1]}" if years and years[0] != years[-1] else (years[0] if years else "")
    undated = len(transcripts) - len(dates)
    heading, rows = latest_additions(transcripts, added or {})
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        count=f"{len(transcripts):,}",
        noun="transcript" if len(transcripts) == 1 else "transcripts",
        span=f", {span}" if span else "",
        chart=render_year_chart(year_counts(dates), href(PAGE, "timeline.md")) or "<p><em>No dated transcripts yet.</em></p>",
        undated_note=f" ({plural(undated, 'undated transcript')} not shown)" if undated else "",
        latest_heading=heading,
        latest=_latest_table(rows) if rows else "*No transcripts yet.*",
        topics=_topics_line(rules, transcripts),
    )
