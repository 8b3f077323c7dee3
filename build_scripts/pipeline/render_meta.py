"""The metadata panel above a transcript and the "How this page was made" block below it.

Every value is escaped with `escape.esc`; each fact carries a badge saying where it came from.
"""
from __future__ import annotations

from typing import Any

from ..core.escape import esc, tooltip
from ..core.model import Fact, Transcript
from ..core.slugs import person_anchor
from ..core.urls import from_transcript, side_by_side_page, to_transcript
from .dates import display_date
from .language import NAMES

EVENT_NAMES = {
    "press-conference": "Press conference", "interview": "Interview", "speech": "Speech",
    "statement": "Statement", "briefing": "Briefing", "meeting": "Meeting",
    "article": "Article", "other": "Other",
}
PROVENANCE_KEYS = ("title", "date", "time", "place", "event_type", "language", "speakers", "counterparts",
                   "source.publisher", "source.via", "source.url", "note")
SOURCE_WORDS = {"extracted": "from the text", "sidecar": "from the sidecar", "inferred": "inferred"}


def _badge(fact: Fact | None, list_fact: bool = False) -> str:
    if fact is None:
        return ""
    words = SOURCE_WORDS[fact.source] + (", inferred" if fact.inferred else "")
    where = f", line {fact.line}" if fact.line and fact.source == "extracted" and not list_fact else ""
    title = tooltip(fact.note) if fact.note else ""
    return (f' <span class="prov prov--{esc(fact.source)}{" prov--inferred" if fact.inferred else ""}"'
            f'{f" title={chr(34)}{title}{chr(34)}" if title else ""}>{esc(words + where)}</span>')


def _people(people: list[dict[str, Any]]) -> str:
    return "; ".join(f'<a href="{esc(from_transcript("people.md", person_anchor(p["name"])))}">{esc(p["name"])}</a>'
                     + (f' <span class="role">({esc(p["role"])})</span>' if p.get("role") else "")
                     for p in people)


def _place(t: Transcript) -> str:
    place, place_id = t.value("place"), t.value("place_id")
    if not place:
        return _unknown("Unknown")
    link = f'<a href="{esc(from_transcript("places.md", place_id))}">{esc(place)}</a>' if place_id else esc(place)
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


def _history(t: Transcript) -> str:
    """When the transcript entered the archive and last changed, from the repository's history."""
    if not t.added:  # not committed yet, or built from a shallow clone (generate warns)
        return _unknown("Unknown: not in the repository’s history as built")
    text = f"Added {esc(display_date(t.added, 'day'))}"
    if t.changed and t.changed != t.added:
        text += f"; last changed {esc(display_date(t.changed, 'day'))}"
    return text + ' <span class="prov prov--extracted">from the repository’s history</span>'


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
        ("Language", esc(NAMES.get(t.value("language"), t.value("language"))) + _badge(t.meta.get("language"))
         if t.value("language") else _unknown("Not detected")),
        ("Speakers", _people(t.value("speakers", [])) + _badge(t.meta.get("speakers"), list_fact=True)
         if t.value("speakers") else _unknown("Not named")),
        ("Counterpart", _people(t.value("counterparts", [])) + _badge(t.meta.get("counterparts"))
         if t.value("counterparts") else _unknown("None named")),
        ("Source", _source_html(t)),
        ("Length", f'{t.value("word_count", 0):,} words, {_count(t)}'),
        ("Corpus file", f"<code>{esc(t.corpus_file)}</code>"),
        ("In the archive", _history(t)),
        *([("Other copies", _copies(t))] if t.copies else []),
        ("Download", f'<a href="{esc(from_transcript(f"transcripts/{t.id}.txt"))}">Plain text</a> · '
                     f'<a href="{esc(from_transcript(f"transcripts/{t.id}.json"))}">JSON</a> · '
                     f'<a href="{from_transcript("data.md")}">About the data</a>'),
    ]
    body = "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    notes = [f'<p class="meta-note"><strong>{esc(key.replace("_", " ").capitalize())}:</strong> '
             f"{esc(_sentence(t.meta[key].note))}</p>"
             for key in ("date", "time", "place", "event_type")
             if key in t.meta and t.meta[key].note
             and (t.meta[key].inferred or t.meta[key].source == "inferred" or key == "place")]
    notes += _wordings(t)
    if "note" in t.meta:
        notes.append(f'<p class="meta-note"><strong>Editor’s note:</strong> {esc(t.meta["note"].value)}</p>')
    return ('<div class="transcript-meta" data-search-exclude>\n<dl>\n' + body + "\n</dl>\n" + "\n".join(notes)
            + ("\n" if notes else "") + "</div>")


WORDED = (("date", "date"), ("event_type", "event"), ("speakers", "speakers"), ("counterparts", "counterpart"))


def _wordings(t: Transcript) -> list[str]:
    """On a page in another language than the site's, the words its text uses for the facts the
    panel states in English: "date «3 июня 2024 года» · event «совместной пресс-конференции» ·
    counterpart «Министром иностранных дел Республики Казахстан М.А.Нуртлеу»" (the place has its own note)."""
    if t.language in (None, "en"):
        return []
    lang = esc(t.language)
    worded: dict[str, list[str]] = {}  # the words -> the facts they give ("speakers and counterpart")
    for key, label in WORDED:
        fact = t.meta.get(key)
        if fact is not None and fact.source == "extracted" and fact.evidence and not fact.evidence.isascii():
            plural = "s" if key == "counterparts" and len(fact.value) > 1 else ""
            worded.setdefault(fact.evidence, []).append(label + plural)
    parts = [f'{" and ".join(labels)} <q lang="{lang}">{esc(words)}</q>' for words, labels in worded.items()]
    if not parts:
        return []
    return [f'<p class="meta-note"><strong>In the text’s words:</strong> {" · ".join(parts)}</p>']


def _count(t: Transcript) -> str:
    questions = sum(1 for s in t.sections if s.anchor != "opening")
    return f"{questions} question" + ("" if questions == 1 else "s")


def _copies(t: Transcript) -> str:
    return " · ".join(f'<a href="{esc(to_transcript(c.id))}">{esc(c.corpus_file)}</a>' for c in t.copies) + \
        ' <span class="approx">(the same text, from another publisher or in another form)</span>'


def render_copy_note(t: Transcript) -> str:
    """Return, on a copy's page, what it is a copy of (empty for any other page)."""
    if t.copy_of is None:
        return ""
    of = t.copy_of
    return (f'<p class="copy-note" role="note" data-search-exclude><strong>Another copy.</strong> '
            f'{of.share:.0%} of this text is also in <a href="{esc(to_transcript(of.id))}">{esc(of.title or of.id)}</a>, '
            f'which entered the archive first. The timeline, topics, people, places, search and feeds list '
            f'that page; this one is kept so that nothing only this copy holds is lost.</p>')


def render_pair_note(t: Transcript) -> str:
    """Return, on an original or its translation, the line that says so and links the other page
    (empty for any other page): "Original in Russian · English translation"."""
    pair, this_is_original = (t.translation, True) if t.translation else (t.translation_of, False)
    if pair is None:
        return ""
    original_language = NAMES.get((t.language if this_is_original else pair.language) or "", "another language")
    translation_language = NAMES.get((pair.language if this_is_original else t.language) or "", "")
    other = f'<a href="{esc(to_transcript(pair.id))}" hreflang="{esc(pair.language)}" lang="{esc(pair.language)}">{esc(pair.title)}</a>'
    here, there = ((f"Original in {original_language}", f"{translation_language} translation".strip())
                   if this_is_original else (f"{translation_language} translation".strip(), f"Original in {original_language}"))
    badge = (f' <span class="prov prov--{esc(pair.source)}" title="{tooltip(pair.why)}">'
             f'{"inferred" if pair.source == "inferred" else "from the sidecar"}</span>')
    view = from_transcript(side_by_side_page(t.id if t.translation_of else pair.id))
    return (f'<p class="pair-note" role="note" data-search-exclude><strong>{esc(here)}</strong> · '
            f'{esc(there)}: {other}{badge} · <a class="pair-note__view" href="{esc(view)}">Read them side by '
            'side</a></p>')


def _sentence(text: str) -> str:
    """Return `text` starting with a capital letter."""
    return text[:1].upper() + text[1:]


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
                                       record.get("note", ""),
                                       f"from {record['from']}" if "from" in record else "") if x)
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
        '<details class="provenance" data-search-exclude>',
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
