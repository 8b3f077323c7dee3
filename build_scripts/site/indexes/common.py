"""Helpers shared by the index pages: ordering, links and table cells."""
from __future__ import annotations

import posixpath
from functools import lru_cache

from ...core.escape import md_inline
from ...core.model import Transcript
from ...core.slugs import person_anchor
from ...core.urls import topic_page, transcript_page
from ...pipeline.dates import sort_key
from ...pipeline.render_links import date_label, md_title_attrs, title_of
from ...pipeline.language import NAMES as LANGUAGE_NAMES
from ...pipeline.render_meta import EVENT_NAMES


def newest_first(transcripts: list[Transcript]) -> list[Transcript]:
    """Return transcripts newest first; undated ones last, each group in id order."""
    dated = sorted((t for t in transcripts if t.value("date")), key=lambda t: t.id)
    dated.sort(key=lambda t: sort_key(t.value("date")), reverse=True)
    undated = sorted((t for t in transcripts if not t.value("date")), key=lambda t: t.id)
    return dated + undated


def link(page: str, target: str) -> str:
    """Return the relative Markdown link from docs/`page` to docs/`target` ("a/b.md#x")."""
    path, _, fragment = target.partition("#")
    folder, name = posixpath.split(path)
    start = posixpath.dirname(page) or "."
    if name in ("", ".", ".."):
        rel = posixpath.relpath(path, start)
    else:  # the index pages link thousands of files but only a few folders: relate the folders once
        rel_folder = _relative_folder(folder or ".", start)
        rel = name if rel_folder == "." else f"{rel_folder}/{name}"
    return rel + (f"#{fragment}" if fragment else "")


@lru_cache(maxsize=256)
def _relative_folder(folder: str, start: str) -> str:
    return posixpath.relpath(folder, start)


def transcript_link(page: str, t: Transcript, anchor: str = "") -> str:
    """Return a Markdown link to a transcript, its title as the text."""
    target = transcript_page(t.id) + (f"#{anchor}" if anchor else "")
    original = t.translation_of
    also = (f" · [original in {LANGUAGE_NAMES.get(original.language, 'another language')}]"
            f"({link(page, transcript_page(original.id))}){{hreflang={original.language}}}" if original else "")
    return f"[{md_inline(title_of(t))}]({link(page, target)}){md_title_attrs(t)}{also}"


def date_cell(t: Transcript) -> str:
    return md_inline(date_label(t))


def event_cell(t: Transcript) -> str:
    return md_inline(EVENT_NAMES.get(t.value("event_type"), "Unknown"))


def place_cell(page: str, t: Transcript) -> str:
    place, place_id = t.value("place"), t.value("place_id")
    if not place:
        return "Place unknown"
    return f"[{md_inline(place)}]({link(page, f'places.md#{place_id}')})" if place_id else md_inline(place)


def people_cell(page: str, people: list[dict]) -> str:
    if not people:
        return "—"
    return "; ".join(f"[{md_inline(p['name'])}]({link(page, 'people.md#' + person_anchor(p['name']))})"
                     for p in people)


def topics_cell(page: str, t: Transcript) -> str:
    topics = t.assigned_topics()
    if not topics:
        return "—"
    return ", ".join(f"[{md_inline(m.name)}]({link(page, topic_page(m.slug))})" for m in topics)


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def pairs_note(transcripts: list[Transcript]) -> str:
    """" An original and its English translation are one entry." when the listing has such a pair."""
    return (" An original and its English translation are one entry." if any(t.translation_of for t in transcripts)
            else "")


LISTED = 50  # at most this many transcripts per person or place, so those pages keep their size as the archive grows


def capped(newest: list, page: str) -> tuple[int, list[str]]:
    """How many of `newest` (newest first) to list, and a note saying where the others are."""
    total = len(newest)
    if total <= LISTED:
        return total, []
    return LISTED, [f"*The latest {LISTED} of {total:,}; the {total - LISTED:,} earlier ones are in the "
                    f"[timeline]({link(page, 'timeline.md')}).*", ""]
