"""Topic pages and the topics index.

Material's tags plugin lists each topic's transcripts (the `archive` listing
layout in build_scripts/theme adds date, place and the matching questions) and
links the tag chips on transcript pages to them. This module writes only what
the plugin cannot: each topic's description and count, and the index of topics.
"""
from __future__ import annotations

import json

from ...core.escape import front_matter_title, md_inline
from ...core.model import Transcript
from ...core.rules import Rules, Topic
from .common import date_cell, newest_first, plural

INDEX = "topics/index.md"


def tagged(topic: Topic, transcripts: list[Transcript]) -> list[Transcript]:
    """Return the transcripts carrying `topic`, newest first."""
    return newest_first([t for t in transcripts if (m := t.topics.get(topic.slug)) is not None and m.assigned])


def render_topic_page(topic: Topic, transcripts: list[Transcript]) -> str:
    """Return one topic's page: its description, then the tags plugin's listing (with the count)."""
    listing = json.dumps({"include": [topic.name], "layout": "archive", "toc": False}, ensure_ascii=False)
    terms = ", ".join(md_inline(term) for term in topic.terms)
    return "\n".join([
        "---",
        f"title: {json.dumps(front_matter_title(topic.name), ensure_ascii=False)}",
        f"description: {json.dumps(topic.description, ensure_ascii=False)}",
        "hide: [navigation, toc]",
        "search: {exclude: true}  # a listing of transcripts that are in the index themselves",
        "---", "",
        f"# {md_inline(topic.name)}", "",
        md_inline(topic.description) + " [All topics](index.md)", "",
        f"<!-- material/tags {listing} -->", "",
        '<details class="topic-terms"><summary>How transcripts get this topic</summary>', "",
        f"A transcript gets this topic when these terms occur at least {topic.min_mentions} times in its "
        f"spoken text: {terms}. A maintainer can add or remove it for one transcript in its sidecar, and the "
        "transcript page then says so. The vocabulary is `build_scripts/data/topics.yml`.", "",
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
        rows.append(f"| [{md_inline(topic.name)}]({topic.slug}.md) | {len(pages)} | {date_cell(pages[0])} "
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
            pages[f"topics/{topic.slug}.md"] = render_topic_page(topic, transcripts)
    return pages
