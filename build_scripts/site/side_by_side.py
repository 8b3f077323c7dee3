"""The side-by-side view of an original and its translation: one row per aligned passage.

The page is `transcripts/<translation id>/side-by-side/`. Each row holds what the two texts say
in the same place (pipeline/align.py), the original on the left; a row whose alignment is
uncertain is marked, in words as well as in colour. Every paragraph keeps an address in this
view (`#ru-q1-p2`, `#en-q1-p2`) and links to itself on its own page. Every value is escaped here.
"""
from __future__ import annotations

import json

from ..core.escape import esc, front_matter_title
from ..core.model import Transcript
from ..core.urls import href, side_by_side_page, transcript_page
from ..pipeline.align import Row, Unit, align
from ..pipeline.render_links import html_title_attrs, title_of
from ..pipeline.language import NAMES


def _cell(page: str, t: Transcript, units: tuple[Unit, ...]) -> str:
    lang = esc(t.language or "")
    paragraphs: list[str] = []
    for unit in units:
        if unit.first or not paragraphs:
            if paragraphs:
                paragraphs[-1] += "</p>"
            anchor = esc(unit.paragraph.anchor)
            start = f'<p id="{lang}-{anchor}">' if unit.first else "<p>"
            if unit.first:
                start += (f'<a class="sbs-permalink" href="{esc(href(page, transcript_page(t.id), unit.paragraph.anchor))}" '
                          f'title="This paragraph on its own page">¶</a> ')
            if unit.label:
                start += f'<strong class="turn__speaker">{esc(unit.label)}</strong>: '
            paragraphs.append(start + esc(unit.text))
        else:
            paragraphs[-1] += " " + esc(unit.text)
    if paragraphs:
        paragraphs[-1] += "</p>"
    return f'<td lang="{lang}">{"".join(paragraphs) or "<p><em>(nothing here)</em></p>"}</td>'


def _row(page: str, number: int, row: Row, original: Transcript, translation: Transcript) -> str:
    mark = ('<span class="sbs-uncertain" title="The alignment of this row is uncertain: the passages '
            'differ in length or in number">≈<span class="sbs-sr"> alignment uncertain</span></span>'
            if row.uncertain else "")
    marked = ' class="sbs-row--uncertain"' if row.uncertain else ""
    return (f'<tr id="r{number}"{marked}>'
            f'<th scope="row" class="sbs-n"><a href="#r{number}">{number}</a>{mark}</th>'
            f'{_cell(page, original, row.original)}{_cell(page, translation, row.translation)}</tr>')


def render_side_by_side(original: Transcript, translation: Transcript) -> tuple[str, str]:
    """(path under docs/, Markdown) of the side-by-side view of `original` and `translation`."""
    page = side_by_side_page(translation.id)
    rows = align(original, translation)
    uncertain = sum(r.uncertain for r in rows)
    name_o = NAMES.get(original.language or "", "the original language")
    name_t = NAMES.get(translation.language or "", "the translation's language")
    title = f"{title_of(translation)}: original and translation side by side"
    lines = [
        "---",
        f"title: {json.dumps(front_matter_title(title), ensure_ascii=False)}",
        "hide: [navigation, toc]",
        "search: {exclude: true}  # both texts are in the index on their own pages",
        "---", "",
        "# Original and translation, side by side {.transcript-title}", "",
        f'<p class="sbs-intro"><strong>Original in {esc(name_o)}:</strong> '
        f'<a href="{esc(href(page, transcript_page(original.id)))}" lang="{esc(original.language or "")}">'
        f'{esc(title_of(original))}</a><br><strong>{esc(name_t)} translation:</strong> '
        f'<a href="{esc(href(page, transcript_page(translation.id)))}"{html_title_attrs(translation)}>'
        f'{esc(title_of(translation))}</a></p>',
        "",
        f'<p class="sbs-how">{len(rows)} rows, aligned by the length of the passages, as sentence aligners '
        f'do; {uncertain} marked ≈ where the two differ in length or in number and the alignment is uncertain. '
        "Each paragraph's ¶ opens it on its own page; the row numbers are links to the row.</p>", "",
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">',
        '<table class="side-by-side">',
        f'<thead><tr><th scope="col" class="sbs-n">Row</th><th scope="col">Original ({esc(name_o)})</th>'
        f'<th scope="col">Translation ({esc(name_t)})</th></tr></thead>',
        "<tbody>",
        *(_row(page, k, row, original, translation) for k, row in enumerate(rows, 1)),
        "</tbody>", "</table>", "</div></div>", "",
    ]
    return page, "\n".join(lines)
