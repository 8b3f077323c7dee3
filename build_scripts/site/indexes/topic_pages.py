"""Topic pages and the topics index.

Each topic's page lists its transcripts newest first, with date, place and links to
the questions where the topic comes up; the chips above a transcript link to them
(`topic_chips`). Written whole by the generator, so any engine shows the same
listing in the same order. Every value from a transcript is escaped here.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from ...core.escape import esc, front_matter_title, md_inline
from ...core.model import Transcript
from ...core.rules import Rules, Topic
from ...core.urls import href, topic_page, transcript_page
from ...pipeline.render_links import date_label, html_title_attrs, title_of
from ...pipeline.language import NAMES as LANGUAGE_NAMES
from .common import date_cell, newest_first, plural

INDEX = "topics/index.md"


def tagged(topic: Topic, transcripts: list[Transcript]) -> list[Transcript]:
    """Return the transcripts carrying `topic`, newest first."""
    return newest_first([t for t in transcripts if (m := t.topics.get(topic.slug)) is not None and m.assigned])


# At most LATEST rows, so a topic page stays the same size however large the archive grows; the
# search page lists all of them with the topic filter.
LATEST = 100


def _row(page: str, topic: Topic, t: Transcript) -> str:
    target = transcript_page(t.id)
    match = t.topics[topic.slug]
    headings = {s.anchor: s.heading for s in t.sections}
    where = ['<span class="topic-listing__sidecar">added by a maintainer</span>'
             + ("; " if match.sections else "")] if match.source == "sidecar" else []
    where.append("<br>".join(f'<a href="{esc(href(page, target, anchor))}">{esc(headings.get(anchor, anchor))}</a> '
                             f'<span class="count">({n})</span>' for anchor, n in match.sections.items()))
    return (f'<tr><td class="topic-listing__date">{esc(date_label(t))}</td>'
            f'<td><a href="{esc(href(page, target))}"{html_title_attrs(t)}>{esc(title_of(t))}</a>{_original(page, t)}</td>'
            f'<td>{esc(t.value("place") or "Place unknown")}</td><td>{"".join(where)}</td></tr>')


def _original(page: str, t: Transcript) -> str:
    """" · original in Russian", linked, after a translation's title ("" for any other page)."""
    original = t.translation_of
    if original is None:
        return ""
    language = LANGUAGE_NAMES.get(original.language, "another language")
    return (f' · <a href="{esc(href(page, transcript_page(original.id)))}" hreflang="{esc(original.language)}">'
            f'original in {esc(language)}</a>')


def render_listing(page: str, topic: Topic, transcripts: list[Transcript]) -> str:
    """Return the table of a topic's transcripts, newest first (the latest LATEST of them)."""
    pages = tagged(topic, transcripts)
    count = len(pages)
    everything = esc(href(page, "search.html") + "?topic=" + quote(topic.name, safe=""))
    more = (f': the latest {LATEST} here,\n<a href="{everything}">all {count} in the search</a> (by year, with this '
            "topic filter). Newest first" if count > LATEST else ", newest first")
    lines = [f'<p class="topic-listing__count"><strong>{count} transcript{"" if count == 1 else "s"}</strong>{more},\n'
             "with links to the questions where the topic comes up (mentions in brackets).</p>",
             '<div class="md-typeset__scrollwrap topic-listing"><div class="md-typeset__table">',
             "<table>",
             "<thead><tr><th>Date</th><th>Transcript</th><th>Place</th><th>Where it comes up</th></tr></thead>",
             "<tbody>", *(_row(page, topic, t) for t in pages[:LATEST]), "</tbody>",
             "</table>", "</div></div>"]
    if count > LATEST:
        lines.append(f'<p class="topic-listing__more"><a href="{everything}">All {count} transcripts on this topic</a> '
                     "are in the search, which can narrow them by year and kind of event.</p>")
    return "\n".join(lines)


def _other_terms(topic: Topic) -> str:
    """The sentences on the Russian terms and on the phrases not counted, each starting with a space."""
    def listed(terms: tuple[str, ...], lang: str = "en") -> str:
        joined = ", ".join(md_inline(term) for term in terms)
        return f'<span lang="ru">{joined}</span>' if lang == "ru" else joined
    ru = topic.russian
    out = f" In a Russian text, in any of their forms: {listed(ru.terms, 'ru')}." if ru else ""
    not_terms = (*topic.not_terms, *(ru.not_terms if ru else ()))
    if not_terms:
        english, russian = listed(topic.not_terms), listed(ru.not_terms if ru else (), "ru")
        out += (" Not counted, since they name something else: "
                + "; ".join(x for x in (english, russian if ru and ru.not_terms else "") if x) + ".")
    return out


def render_topic_page(topic: Topic, transcripts: list[Transcript]) -> str:
    """Return one topic's page: its description, then the listing of its transcripts (with the count)."""
    page = topic_page(topic.slug)
    terms = ", ".join(md_inline(term) for term in topic.terms)
    return "\n".join([
        "---",
        f"title: {json.dumps(front_matter_title(topic.name), ensure_ascii=False)}",
        f"description: {json.dumps(topic.description, ensure_ascii=False)}",
        "hide: [navigation, toc]",
        "search: {exclude: true}  # a listing of transcripts that are in the index themselves",
        "---", "",
        f"# {md_inline(topic.name)}", "",
        md_inline(topic.description) + " [All topics](../index.md)", "",
        render_listing(page, topic, transcripts), "",
        '<details class="topic-terms"><summary>How transcripts get this topic</summary>', "",
        f"A transcript gets this topic when these terms occur at least {topic.min_mentions} times in its "
        f"spoken text: {terms}.{_other_terms(topic)} A maintainer can add or remove it for one transcript in its "
        "sidecar, and the transcript page then says so. The vocabulary is `build_scripts/data/topics.yml`.", "",
        "</details>", "",
    ])


def render_topics_index(rules: Rules, transcripts: list[Transcript]) -> str:
    """Return the topics index: every topic with its count and latest transcript."""
    rows = ["| Topic | Transcripts | Latest | About |", "|---|--:|---|---|"]
    unused = []
    used = [(topic, tagged(topic, transcripts)) for topic in rules.topics]
    used.sort(key=lambda pair: (-len(pair[1]), pair[0].name.lower()))
    for topic, pages in used:
        if not pages:
            unused.append(topic)
            continue
        rows.append(f"| [{md_inline(topic.name)}]({topic.slug}/index.md) | {len(pages)} | {date_cell(pages[0])} "
                    f"| {md_inline(topic.description)} |")
    lines = ["---", "title: Topics", "hide: [navigation, toc]", "---", "", "# Topics", "",
             f"{plural(len(used) - len(unused), 'topic')} with transcripts, most frequent first. A transcript "
             "carries a topic when the topic's terms come up several times in what was said, not in passing, "
             "or when a maintainer added it; each transcript page shows the evidence.", "",
             *rows, ""]
    if unused:
        lines += ["Topics in the vocabulary with no transcript yet: "
                  + ", ".join(md_inline(t.name) for t in unused) + ".", ""]
    return "\n".join(lines)


def render_topic_pages(rules: Rules, transcripts: list[Transcript]) -> dict[str, str]:
    """Return the topics index and a page per topic that has transcripts, keyed by path."""
    pages = {INDEX: render_topics_index(rules, transcripts)}
    for topic in rules.topics:
        if tagged(topic, transcripts):
            pages[topic_page(topic.slug)] = render_topic_page(topic, transcripts)
    return pages
