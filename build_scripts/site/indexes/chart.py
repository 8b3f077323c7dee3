"""A bar chart of transcripts per year, as inline SVG made at build time.

No JavaScript and no external file: the chart works offline and in print.
Colours come from CSS (assets/archive.css) so it follows the light/dark scheme.
"""
from __future__ import annotations

from ...core.escape import esc
from ...core.slugs import year_anchor

BAR, GAP, PLOT_HEIGHT, TOP, BOTTOM, LEFT = 30, 10, 110, 18, 22, 4


def year_counts(dates: list[str]) -> dict[int, int]:
    """Return year -> number of transcripts for every year from the first to the last (zeros included)."""
    years = [int(d[:4]) for d in dates if d]
    if not years:
        return {}
    counts = {year: 0 for year in range(min(years), max(years) + 1)}
    for year in years:
        counts[year] += 1
    return counts


def render_year_chart(counts: dict[int, int], timeline_href: str) -> str:
    """Return an SVG bar chart; each bar links to its year on the timeline."""
    if not counts:
        return ""
    peak = max(counts.values())
    width = LEFT * 2 + len(counts) * (BAR + GAP) - GAP
    height = TOP + PLOT_HEIGHT + BOTTOM
    total = sum(counts.values())
    first, last = min(counts), max(counts)
    # role="group", not "img": the bars are links, and an image cannot hold links (axe: nested-interactive)
    parts = [f'<svg class="year-chart" role="group" aria-labelledby="year-chart-title year-chart-desc" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg">',
             f'<title id="year-chart-title">Transcripts per year, {first}–{last}</title>',
             f'<desc id="year-chart-desc">{esc(", ".join(f"{y}: {n}" for y, n in counts.items()))}. '
             f'{total} in all.</desc>',
             f'<line class="year-chart__axis" x1="0" x2="{width}" y1="{TOP + PLOT_HEIGHT}" y2="{TOP + PLOT_HEIGHT}"/>']
    for i, (year, n) in enumerate(counts.items()):
        x = LEFT + i * (BAR + GAP)
        h = round(PLOT_HEIGHT * n / peak) if peak else 0
        y = TOP + PLOT_HEIGHT - h
        label = f"{year}: {n} transcript{'s' if n != 1 else ''}"
        bar = f'<rect class="year-chart__bar" x="{x}" y="{y}" width="{BAR}" height="{h}"/>' if n else ""
        count = (f'<text class="year-chart__count" x="{x + BAR / 2:g}" y="{y - 4}" text-anchor="middle">{n}</text>'
                 if n else "")
        year_label = (f'<text class="year-chart__year" x="{x + BAR / 2:g}" y="{height - 6}" '
                      f'text-anchor="middle">{str(year)[2:] if len(counts) > 12 else year}</text>')
        inner = bar + year_label
        if n:  # the link's <title> names it and shows on hover; its visible text (the year) begins that
            inner = f'<a href="{esc(timeline_href)}#{year_anchor(year)}"><title>{label}</title>{inner}</a>'
        parts.append(inner + count)
    parts.append("</svg>")
    return "".join(parts)
