"""Stage 5: one Markdown page per transcript: YAML front matter, metadata panel, turns.

All transcript text goes through `escape.esc` (HTML) or `escape.md_inline`
(Markdown headings), so nothing in a transcript can become markup.
"""
from __future__ import annotations

from typing import Any

import yaml

from .dates import display_date
from .escape import esc, front_matter_title, md_inline
from .links import PageLinks, Reference
from .model import Fact, Paragraph, Section, Transcript, Turn
from .slugs import person_anchor

EVENT_NAMES = {
    "press-conference": "Press conference", "interview": "Interview", "speech": "Speech",
    "statement": "Statement", "briefing": "Briefing", "meeting": "Meeting",
    "article": "Article", "other": "Other",
}
PROVENANCE_KEYS = ("title", "date", "time", "place", "event_type", "speakers", "counterparts",
                   "source.publisher", "source.via", "source.url", "note")
SOURCE_WORDS = {"extracted": "from the text", "sidecar": "from the sidecar", "inferred": "inferred"}


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter: ~10x faster
    """YAML dumper that never uses anchors, so every page reads on its own."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def date_label(t: Transcript) -> str:
    """Return the date as a reader sees it in lists: "9 September 2020", "November 2020 (approximate)"."""
    date, precision = t.value("date"), t.value("date_precision", "unknown")
    if not date:
        return "Undated"
    text = display_date(date, precision)
    return f"{text} (approximate)" if precision != "day" else text


def front_matter(t: Transcript) -> dict[str, Any]:
    """Return the page's front matter in a fixed key order."""
    source = {k: t.value(f"source.{k}") for k in ("publisher", "via", "url")}
    title = t.value("title")
    headings = {s.anchor: s.heading for s in t.sections}
    return {
        "hide": ["navigation"],  # transcripts are not in the nav; give the text the width
        "id": t.id,
        "title": front_matter_title(title) if title else f"Untitled transcript {t.id}",
        "date": t.value("date"),
        "date_precision": t.value("date_precision", "unknown"),
        "date_label": date_label(t),
        "time": t.value("time"),
        "place": t.value("place"),
        "place_id": t.value("place_id"),
        "event_type": t.value("event_type"),
        "speakers": t.value("speakers", []),
        "counterparts": t.value("counterparts", []),
        "source": source,
        "tags": [m.name for m in t.assigned_topics()],  # Material's tags plugin: chips and listings
        "topics": [m.record(headings) for m in t.assigned_topics()],
        "topics_not_assigned": [m.record(headings) for m in t.topics.values() if not m.assigned],
        "word_count": t.value("word_count", 0),
        "questions": sum(1 for s in t.sections if s.anchor != "opening"),
        "corpus_file": t.corpus_file,
        "sidecar_file": t.sidecar_file,
        "provenance": {k: t.meta[k].provenance() for k in PROVENANCE_KEYS if k in t.meta},
        "cleaning": {
            "profiles": t.profiles,
            "removed": [{"line": r.line, "rule": f"{r.profile}/{r.rule}"} for r in t.removals],
        },
    }


def _badge(fact: Fact | None, list_fact: bool = False) -> str:
    if fact is None:
        return ""
    words = SOURCE_WORDS[fact.source] + (", inferred" if fact.inferred else "")
    where = f", line {fact.line}" if fact.line and fact.source == "extracted" and not list_fact else ""
    title = esc(fact.note) if fact.note else ""
    return (f' <span class="prov prov--{esc(fact.source)}{" prov--inferred" if fact.inferred else ""}"'
            f'{f" title={chr(34)}{title}{chr(34)}" if title else ""}>{esc(words + where)}</span>')


def _people(people: list[dict[str, Any]]) -> str:
    return "; ".join(f'<a href="../people.md#{person_anchor(p["name"])}">{esc(p["name"])}</a>'
                     + (f' <span class="role">({esc(p["role"])})</span>' if p.get("role") else "")
                     for p in people)


def _place(t: Transcript) -> str:
    place, place_id = t.value("place"), t.value("place_id")
    if not place:
        return _unknown("Unknown")
    link = f'<a href="../places.md#{esc(place_id)}">{esc(place)}</a>' if place_id else esc(place)
    return link + _badge(t.meta.get("place"))


def _unknown(text: str) -> str:
    return f'<span class="unknown">{esc(text)}</span>'


def _source_html(t: Transcript) -> str:
    parts = []
    publisher, via, url = (t.value(f"source.{k}") for k in ("publisher", "via", "url"))
    if publisher:
        parts.append(esc(publisher) + _badge(t.meta.get("source.publisher")))
    if via:
        parts.append("via " + esc(via) + _badge(t.meta.get("source.via")))
    if url:
        parts.append(f'<a href="{esc(url)}" rel="nofollow noopener noreferrer">{esc(url)}</a>')
    return "<br>".join(parts) if parts else _unknown("Not stated in the text")


def render_meta_panel(t: Transcript) -> str:
    """Return the HTML metadata panel shown above the text."""
    date, precision = t.value("date"), t.value("date_precision", "unknown")
    date_html = esc(display_date(date, precision)) if date else _unknown("Unknown")
    if date and precision != "day":
        date_html += f' <span class="approx">(approximate: {esc(precision)} only)</span>'
    rows = [
        ("Date", date_html + _badge(t.meta.get("date"))),
        ("Time", esc(t.value("time")) + _badge(t.meta.get("time")) if t.value("time") else _unknown("Not stated")),
        ("Place", _place(t)),
        ("Event", esc(EVENT_NAMES[t.value("event_type")]) + _badge(t.meta.get("event_type"))
         if t.value("event_type") else _unknown("Unknown")),
        ("Speakers", _people(t.value("speakers", [])) + _badge(t.meta.get("speakers"), list_fact=True)
         if t.value("speakers") else _unknown("Not named")),
        ("Counterpart", _people(t.value("counterparts", [])) + _badge(t.meta.get("counterparts"))
         if t.value("counterparts") else _unknown("None named")),
        ("Source", _source_html(t)),
        ("Length", f'{t.value("word_count", 0):,} words, '
                   f'{sum(1 for s in t.sections if s.anchor != "opening")} questions'),
        ("Corpus file", f"<code>{esc(t.corpus_file)}</code>"),
    ]
    body = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    notes = [f'<p class="meta-note"><strong>{esc(key.replace("_", " ").capitalize())}:</strong> '
             f"{esc(_sentence(t.meta[key].note))}</p>"
             for key in ("date", "time", "place", "event_type")
             if key in t.meta and t.meta[key].note
             and (t.meta[key].inferred or t.meta[key].source == "inferred" or key == "place")]
    if "note" in t.meta:
        notes.append(f'<p class="meta-note"><strong>Editor’s note:</strong> {esc(t.meta["note"].value)}</p>')
    return ('<div class="transcript-meta">\n<dl>\n' + body + "\n</dl>\n" + "\n".join(notes)
            + ("\n" if notes else "") + "</div>")


def _sentence(text: str) -> str:
    """Return `text` starting with a capital letter."""
    return text[:1].upper() + text[1:]


def _label_html(turn: Turn) -> str:
    if turn.label is None and turn.speaker:
        return (f'<strong class="turn__speaker turn__speaker--inferred" '
                f'title="Not labelled in the source; the speaker is named in the title">'
                f'[{esc(turn.speaker)}]</strong> ')
    if turn.label is None:
        return ""
    aside = f' <span class="turn__aside">({esc(turn.aside)})</span>' if turn.aside else ""
    return f'<strong class="turn__speaker">{esc(turn.label)}</strong>{aside}: '


def _paragraph_html(paragraph: Paragraph, refs: list[Reference]) -> str:
    """Return the paragraph's text escaped, with references to other transcripts as links."""
    parts, at = [], 0
    for ref in refs:
        parts.append(esc(paragraph.text[at:ref.start]))
        parts.append(f'<a class="xref" href="{esc(ref.target)}.md" title="In this archive ({esc(ref.reason)})">'
                     f"{esc(paragraph.text[ref.start:ref.end])}</a>")
        at = ref.end
    parts.append(esc(paragraph.text[at:]))
    return "".join(parts)


def render_turn(turn: Turn, references: dict[str, list[Reference]] | None = None) -> str:
    """Return one turn as an HTML block: the speaker label, then its paragraphs."""
    references = references or {}
    speaker = f' data-speaker="{esc(turn.speaker)}"' if turn.speaker else ""
    lines = [f'<div class="turn turn--{turn.kind}"{speaker}>']
    if not turn.paragraphs:
        lines.append(f'<p class="turn__empty">{_label_html(turn)}<em>(no text in the source)</em></p>')
    for index, paragraph in enumerate(turn.paragraphs):
        label = _label_html(turn) if index == 0 else ""
        text = _paragraph_html(paragraph, references.get(paragraph.anchor, []))
        lines.append(f'<p id="{paragraph.anchor}">{label}{text}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def render_section(section: Section, references: dict[str, list[Reference]] | None = None) -> str:
    """Return a section: a linkable heading, then its turns."""
    parts = [f"## {md_inline(section.heading)} {{#{section.anchor}}}"]
    parts += [render_turn(turn, references) for turn in section.turns]
    return "\n\n".join(parts)


def render_provenance(t: Transcript) -> str:
    """Return a collapsed block listing how each fact was found and which lines were removed."""
    rows = []
    for key in PROVENANCE_KEYS:
        fact = t.meta.get(key)
        if fact is None:
            continue
        record = fact.provenance()
        where = f"{record.get('file', t.corpus_file)}:{record['line']}" if "line" in record else ""
        detail = "; ".join(x for x in (f"“{record['evidence']}”" if "evidence" in record else "",
                                       record.get("note", "")) if x)
        rows.append(f"<tr><td>{esc(key)}</td><td>{esc(SOURCE_WORDS[fact.source])}"
                    f"{' (marked inferred)' if fact.inferred else ''}</td>"
                    f"<td><code>{esc(where)}</code></td><td>{esc(detail)}</td></tr>")
    topics = [f"<tr><td>{esc(m.name)}</td><td>{'yes' if m.assigned else 'no'}"
              f"{' (set in the sidecar)' if m.source == 'sidecar' else ''}</td><td>{m.mentions}</td>"
              f"<td>{esc(', '.join(f'{term} ×{n}' for term, n in m.terms.items()))}</td>"
              f"<td>{esc(', '.join(f'{a} ({n})' for a, n in m.sections.items()))}</td></tr>"
              for m in t.topics.values()]
    removed = [f"<tr><td>{r.line}</td><td><code>{esc(r.profile)}/{esc(r.rule)}</code></td>"
               f"<td>{esc(r.text.strip())}</td></tr>" for r in t.removals]
    return "\n".join([
        '<details class="provenance">',
        "<summary>How this page was made: sources of each fact, topic evidence, and lines not shown as text</summary>",
        '<table class="prov-table"><thead><tr><th>Fact</th><th>Source</th><th>Where</th><th>Evidence or note</th></tr></thead>',
        "<tbody>", *rows, "</tbody></table>",
        '<table class="prov-table"><thead><tr><th>Topic</th><th>Assigned</th><th>Mentions</th>'
        '<th>Terms counted</th><th>Sections (mentions)</th></tr></thead>',
        "<tbody>", *topics, "</tbody></table>",
        '<table class="prov-table"><thead><tr><th>Line</th><th>Rule</th><th>Removed line (site chrome, title or dateline)</th></tr></thead>',
        "<tbody>", *removed, "</tbody></table>",
        "</details>",
    ])


def _title(t: Transcript) -> str:
    return t.value("title") or f"Untitled transcript {t.id}"


def _nav_link(t: Transcript | None, rel: str, label: str) -> str:
    if t is None:
        return (f'<span class="transcript-nav__{rel} transcript-nav__none">'
                f'<span class="transcript-nav__label">{esc(label)}</span>'
                f'{"This is the earliest transcript" if rel == "prev" else "This is the latest transcript"}</span>')
    return (f'<a class="transcript-nav__{rel}" rel="{rel}" href="{esc(t.id)}.md">'
            f'<span class="transcript-nav__label">{esc(label)}</span>'
            f'<span class="transcript-nav__date">{esc(date_label(t))}</span> {esc(_title(t))}</a>')


def render_time_nav(t: Transcript, links: PageLinks) -> str:
    """Return the links to the previous and next transcript in time (or why there are none)."""
    if not t.value("date"):
        return ('<nav class="transcript-nav" aria-label="Transcripts in time"><span>This transcript has no '
                'date, so it has no place in the time order; it is listed under '
                '<a href="../timeline.md#undated">Undated</a> in the timeline.</span></nav>')
    year = t.value("date")[:4]
    return "\n".join([
        '<nav class="transcript-nav" aria-label="Transcripts in time">',
        _nav_link(links.previous, "prev", "← Earlier"),
        _nav_link(links.next, "next", "Later →"),
        f'<a class="transcript-nav__timeline" href="../timeline.md#y{esc(year)}">{esc(year)} in the timeline</a>',
        "</nav>",
    ])


def _list_item(t: Transcript, why: str) -> str:
    return f"- {md_inline(date_label(t))}: [{md_inline(_title(t))}]({t.id}.md) — {md_inline(why)}"


def _where(anchor: str) -> str:
    """Return "in the opening remarks" or "in question 5" for a paragraph anchor."""
    section = anchor.split("-p")[0]
    return "in the opening remarks" if section == "opening" else f"in question {section[1:]}"


def render_archive_links(t: Transcript, links: PageLinks) -> str:
    """Return the "In the archive" section: pages that refer to this one, and related pages."""
    parts = ["## In the archive {#in-the-archive}"]
    if links.cited_by:
        parts.append("**Referred to in**")
        parts.append("\n".join(
            f"- {md_inline(date_label(src))}: [{md_inline(_title(src))}]({src.id}.md#{ref.anchor}) "
            f"— {_where(ref.anchor)}" for src, ref in links.cited_by))
    if links.related:
        parts.append("**Related transcripts** (shared counterparts and topics)")
        parts.append("\n".join(_list_item(other, "; ".join(why)) for other, why in links.related))
    if len(parts) == 1:
        parts.append("*No other transcript in the archive shares a counterpart or two topics with this one yet.*")
    return "\n\n".join(parts)


def render_page(t: Transcript, links: PageLinks | None = None) -> str:
    """Return the complete Markdown page for a transcript."""
    links = links or PageLinks()
    meta = yaml.dump(front_matter(t), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)
    parts = [f"---\n{meta}---", f"# {md_inline(_title(t))} {{.transcript-title}}",
             render_meta_panel(t), render_time_nav(t, links)]
    parts += [render_section(section, links.references) for section in t.sections]
    parts.append(render_archive_links(t, links))
    parts.append(render_provenance(t))
    return "\n\n".join(parts) + "\n"
