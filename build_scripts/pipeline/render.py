"""Stage 7: one Markdown page per transcript: YAML front matter, metadata panel, turns.

All transcript text goes through `escape.esc` (HTML) or `escape.md_inline`
(Markdown headings), so nothing in a transcript can become markup.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from ..core.escape import esc, front_matter_title, md_inline, tooltip
from ..core.model import Paragraph, Section, Transcript, Turn
from ..core.page_yaml import dump_front_matter
from ..core.slugs import slugify
from ..core.urls import to_transcript
from .glossary import wrap
from .language import SITE_LANGUAGE
from .links import PageLinks, Reference
from .render_links import date_label, render_archive_links, render_time_nav, render_topic_chips, title_of
from .render_meta import (EVENT_NAMES, PROVENANCE_KEYS, render_copy_note, render_meta_panel, render_pair_note,
                          render_provenance)

__all__ = ["EVENT_NAMES", "date_label", "front_matter", "render_page", "render_section", "render_turn"]


DESCRIPTION_CHARS = 200


def opening_words(t: Transcript, limit: int = DESCRIPTION_CHARS) -> str:
    """The first words spoken, at most `limit` characters, cut at a word with "…" when cut."""
    text = " ".join(p.text for s in t.sections for turn in s.turns for p in turn.paragraphs)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


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
        "language": t.value("language"),
        "speakers": t.value("speakers", []),
        "counterparts": t.value("counterparts", []),
        "source": source,
        "added": t.added,
        "changed": t.changed,
        # Material's <meta name="description" content="…">, inserted as it is: escaped for an attribute
        "description": html.escape(opening_words(t), quote=True),
        # the topics' names, for engines and tools that read tags (a copy is listed under its original)
        "tags": [m.name for m in t.assigned_topics()] if t.copy_of is None else [],
        "topics": [m.record(headings) for m in t.assigned_topics()],
        "topics_not_assigned": [m.record(headings) for m in t.topics.values() if not m.assigned],
        "word_count": t.value("word_count", 0),
        "questions": sum(1 for s in t.sections if s.anchor != "opening"),
        "corpus_file": t.corpus_file,
        "sidecar_file": t.sidecar_file,
        "copy_of": t.copy_of.record() if t.copy_of else None,
        "translation_of": t.translation_of.record() if t.translation_of else None,
        "translation": t.translation.record() if t.translation else None,
        "provenance": {k: t.meta[k].provenance() for k in PROVENANCE_KEYS if k in t.meta},
        "cleaning": {
            "profiles": t.profiles,
            "removed": [{"line": r.line, "rule": f"{r.profile}/{r.rule}"} for r in t.removals],
        },
    }


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
    """Return the paragraph's text escaped, with references to other transcripts as links and
    abbreviations marked with their expansion (not inside a link, which has its own title)."""
    parts, at = [], 0
    for ref in refs:
        parts.append(wrap(esc(paragraph.text[at:ref.start])))
        why = tooltip(f"In this archive ({ref.reason})")
        parts.append(f'<a class="xref" href="{esc(to_transcript(ref.target))}" title="{why}">'
                     f"{esc(paragraph.text[ref.start:ref.end])}</a>")
        at = ref.end
    parts.append(wrap(esc(paragraph.text[at:])))
    return "".join(parts)


def _who(turn: Turn) -> str:
    """Who speaks, for screen readers: announced on entering the turn, so a paragraph after the
    first (which has no visible label) is still attributed."""
    if turn.label is None:
        return f"{turn.speaker}, not labelled in the source" if turn.speaker else "Unlabelled speaker"
    return turn.label + (f" ({turn.aside})" if turn.aside else "")


def render_turn(turn: Turn, references: dict[str, list[Reference]] | None = None, lang: str | None = None) -> str:
    """Return one turn as an HTML block: the speaker label, then its paragraphs (`lang` when the text's
    language is not the site's, so screen readers, hyphenation and fonts follow it)."""
    references = references or {}
    speaker = f' data-speaker="{esc(turn.speaker)}"' if turn.speaker else ""
    marked = f' lang="{esc(lang)}"' if lang and lang != SITE_LANGUAGE else ""
    lines = [f'<div class="turn turn--{turn.kind}"{speaker}{marked} role="group" aria-label="{esc(_who(turn))}">']
    if not turn.paragraphs:
        lines.append(f'<p class="turn__empty">{_label_html(turn)}<em>(no text in the source)</em></p>')
    for index, paragraph in enumerate(turn.paragraphs):
        label = _label_html(turn) if index == 0 else ""
        text = _paragraph_html(paragraph, references.get(paragraph.anchor, []))
        lines.append(f'<p id="{paragraph.anchor}">{label}{text}</p>')
    lines.append("</div>")
    return "\n".join(lines)


def render_section(section: Section, references: dict[str, list[Reference]] | None = None,
                   lang: str | None = None) -> str:
    """Return a section: a linkable heading, then its turns."""
    marked = f" lang={lang}" if lang and lang != SITE_LANGUAGE and section.anchor != "opening" else ""
    parts = [f"## {md_inline(section.heading)} {{#{section.anchor}{marked}}}"]
    parts += [render_turn(turn, references, lang) for turn in section.turns]
    return "\n\n".join(parts)


def _lang_attr(lang: str | None) -> str:
    """` lang=ru` for a heading in a language other than the site's (screen readers, hyphenation)."""
    return f" lang={lang}" if lang and lang != SITE_LANGUAGE else ""


def _title_id(t: Transcript) -> str:
    """`#vystuplenie-i-otvety-…` for a title in another language than the site's: MkDocs' own
    heading ids keep ASCII letters only, which left a Russian title the id `-3-2024`."""
    if not t.language or t.language == SITE_LANGUAGE:
        return ""
    return f"#{slugify(title_of(t))[:120].rstrip('-')} "


def render_page(t: Transcript, links: PageLinks | None = None,
                tools: Callable[[dict[str, Any]], str] | None = None) -> str:
    """Return the complete Markdown page for a transcript; `tools` makes the HTML that ends it
    (the citations and corrections) from the page's front matter."""
    links = links or PageLinks()
    data = front_matter(t)
    meta = dump_front_matter(data)
    parts = [f"---\n{meta}---", *filter(None, [render_topic_chips(t)]),
             f"# {md_inline(title_of(t))} {{{_title_id(t)}.transcript-title{_lang_attr(t.language)}}}",
             *filter(None, [render_copy_note(t), render_pair_note(t)]), render_meta_panel(t),
             render_time_nav(t, links)]
    parts += [render_section(section, links.references, t.language) for section in t.sections]
    parts.append(render_archive_links(t, links))
    parts.append(render_provenance(t))
    if tools is not None:
        parts.append(tools(data))
    return "\n\n".join(parts) + "\n"
