"""A transcript's links to the rest of the archive: earlier/later in time, referred-to-in, related."""
from __future__ import annotations

from ..core.escape import esc, md_inline
from ..core.model import Transcript
from ..core.urls import from_transcript, md_link, to_transcript, topic_page, transcript_page
from .dates import display_date
from .language import SITE_LANGUAGE
from .links import PageLinks

HERE = transcript_page("page")  # every transcript page is in a folder of its own beside the others


def date_label(t: Transcript) -> str:
    """Return the date as a reader sees it in lists: "9 September 2020", "November 2020 (approximate)"."""
    date, precision = t.value("date"), t.value("date_precision", "unknown")
    if not date:
        return "Undated"
    text = display_date(date, precision)
    return f"{text} (approximate)" if precision != "day" else text


def title_of(t: Transcript) -> str:
    return t.value("title") or f"Untitled transcript {t.id}"


def other_language(t: Transcript) -> str | None:
    """The language of a title in another language than the site's ("ru"), for links that show it."""
    return t.language if t.language and t.language != SITE_LANGUAGE and t.value("title") else None


def md_title_attrs(t: Transcript) -> str:
    """`{lang=ru hreflang=ru}` after a Markdown link whose text is a Russian title (attr_list)."""
    lang = other_language(t)
    return f"{{lang={lang} hreflang={lang}}}" if lang else ""


def html_title_attrs(t: Transcript) -> str:
    """` lang="ru" hreflang="ru"` for an <a> whose text is a Russian title."""
    lang = other_language(t)
    return f' lang="{esc(lang)}" hreflang="{esc(lang)}"' if lang else ""


def _nav_link(t: Transcript | None, rel: str, label: str) -> str:
    if t is None:
        return (f'<span class="transcript-nav__{rel} transcript-nav__none">'
                f'<span class="transcript-nav__label">{esc(label)}</span>'
                f'{"This is the earliest transcript" if rel == "prev" else "This is the latest transcript"}</span>')
    lang = other_language(t)
    title = f'<span lang="{esc(lang)}">{esc(title_of(t))}</span>' if lang else esc(title_of(t))
    return (f'<a class="transcript-nav__{rel}" rel="{rel}" href="{esc(to_transcript(t.id))}">'
            f'<span class="transcript-nav__label">{esc(label)}</span>'
            f'<span class="transcript-nav__date">{esc(date_label(t))}</span> {title}</a>')


def render_time_nav(t: Transcript, links: PageLinks) -> str:
    """Return the links to the previous and next transcript in time (or why there are none)."""
    if t.copy_of is not None:
        return ('<nav class="transcript-nav" aria-label="Transcripts in time" data-search-exclude><span>A copy has '
                'no place of its own in the time order: see <a href="' + esc(to_transcript(t.copy_of.id)) + '">the transcript '
                'it copies</a>.</span></nav>')
    if t.translation is not None:
        return ('<nav class="transcript-nav" aria-label="Transcripts in time" data-search-exclude><span>The event has its '
                'place in the time order under <a href="' + esc(to_transcript(t.translation.id)) + '">its '
                'translation</a>.</span></nav>')
    if not t.value("date"):
        return ('<nav class="transcript-nav" aria-label="Transcripts in time" data-search-exclude><span>This transcript has no '
                'date, so it has no place in the time order; it is listed under '
                f'<a href="{from_transcript("timeline/undated.md")}">Undated</a> in the timeline.</span></nav>')
    year = t.value("date")[:4]
    timeline = from_transcript(f"timeline/{year}.md")
    return "\n".join([
        '<nav class="transcript-nav" aria-label="Transcripts in time" data-search-exclude>',
        _nav_link(links.previous, "prev", "← Earlier"),
        _nav_link(links.next, "next", "Later →"),
        f'<a class="transcript-nav__timeline" href="{esc(timeline)}">{esc(year)} in the timeline</a>',
        "</nav>",
    ])


def _list_item(t: Transcript, why: str) -> str:
    return (f"- {md_inline(date_label(t))}: [{md_inline(title_of(t))}]({md_link(HERE, transcript_page(t.id))})"
            f"{md_title_attrs(t)} — {md_inline(why)}")


def _where(anchor: str) -> str:
    """Return "in the opening remarks" or "in question 5" for a paragraph anchor."""
    section = anchor.split("-p")[0]
    return "in the opening remarks" if section == "opening" else f"in question {section[1:]}"


CITED_SHOWN = 20


def render_archive_links(t: Transcript, links: PageLinks) -> str:
    """Return the "In the archive" section: pages that refer to this one, and related pages."""
    parts = ["## In the archive {#in-the-archive data-search-exclude}"]
    if links.cited_by:
        shown = links.cited_by[-CITED_SHOWN:]  # the latest, so a page stays the same size as the archive grows
        parts.append("**Referred to in**" if len(shown) == len(links.cited_by) else
                     f"**Referred to in** {len(links.cited_by):,} transcripts; the latest {len(shown)}:")
        parts.append("\n".join(
            f"- {md_inline(date_label(src))}: [{md_inline(title_of(src))}]({md_link(HERE, transcript_page(src.id), ref.anchor)})"
            f"{md_title_attrs(src)} — {_where(ref.anchor)}" for src, ref in shown))
    if links.related:
        parts.append("**Related transcripts** (shared counterparts and topics)")
        parts.append("\n".join(_list_item(other, "; ".join(why)) for other, why in links.related))
    if len(parts) == 1:
        parts.append("*No other transcript in the archive shares a counterpart or two topics with this one yet.*")
    return "\n\n".join(parts)


def render_topic_chips(t: Transcript) -> str:
    """The chips above a transcript's title, each linking to its topic's page ("" without topics,
    and on a copy or an original beside its translation, which the topic pages list by the other)."""
    if t.copy_of is not None or t.translation is not None:
        return ""
    chips = [f'<a href="{esc(from_transcript(topic_page(m.slug)))}" class="md-tag">{esc(m.name)}</a>'
             for m in t.assigned_topics()]
    return f'<nav class="md-tags" aria-label="Topics">{"".join(chips)}</nav>' if chips else ""
