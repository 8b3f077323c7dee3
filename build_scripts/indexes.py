"""Stage 6: pages about the whole corpus (the home page's list of transcripts)."""
from __future__ import annotations

from pathlib import Path
from string import Template

from .dates import display_date, sort_key
from .escape import md_inline
from .model import Transcript
from .render import EVENT_NAMES

TEMPLATES = Path(__file__).parent / "templates"


def newest_first(transcripts: list[Transcript]) -> list[Transcript]:
    """Return transcripts newest first; undated ones last, each group in id order."""
    dated = sorted((t for t in transcripts if t.value("date")), key=lambda t: t.id)
    dated.sort(key=lambda t: sort_key(t.value("date")), reverse=True)
    undated = sorted((t for t in transcripts if not t.value("date")), key=lambda t: t.id)
    return dated + undated


def _date_cell(t: Transcript) -> str:
    date, precision = t.value("date"), t.value("date_precision", "unknown")
    text = display_date(date, precision)
    return f"{text} (approximate)" if date and precision != "day" else text


def render_transcript_table(transcripts: list[Transcript]) -> str:
    """Return a Markdown table of transcripts: date, linked title, place, event type."""
    rows = ["| Date | Transcript | Place | Type |", "|---|---|---|---|"]
    for t in newest_first(transcripts):
        title = t.value("title") or f"Untitled transcript {t.id}"
        event = EVENT_NAMES.get(t.value("event_type"), "Unknown")
        rows.append(f"| {md_inline(_date_cell(t))} | [{md_inline(title)}](transcripts/{t.id}.md) "
                    f"| {md_inline(t.value('place') or 'Unknown')} | {md_inline(event)} |")
    return "\n".join(rows)


def render_home(transcripts: list[Transcript]) -> str:
    """Return the home page: what the archive is, then every transcript newest first."""
    years = sorted(t.value("date")[:4] for t in transcripts if t.value("date"))
    span = f"{years[0]}–{years[-1]}" if years and years[0] != years[-1] else (years[0] if years else "")
    template = Template((TEMPLATES / "home.md").read_text(encoding="utf-8"))
    return template.substitute(
        count=len(transcripts),
        noun="transcript" if len(transcripts) == 1 else "transcripts",
        span=f", {span}" if span else "",
        table=render_transcript_table(transcripts) if transcripts else "*No transcripts yet.*",
    )
