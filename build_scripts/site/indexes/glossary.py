"""The Glossary page: each abbreviation of build_scripts/data/glossary.yml, what it stands for, and
how many transcripts use it, with a search for it."""
from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from ...core.escape import esc, md_inline
from ...core.model import Transcript
from ...core.rules import Rules
from ...core.urls import topic_page
from ...pipeline.glossary import used
from .common import link, plural

# In a folder of its own, like topics/index.md: the page is glossary/ on the web and
# glossary/index.html offline, so `../search.html` is the search page in both editions. (A
# Markdown link cannot reach search.html, a theme template MkDocs does not know as a page; this
# one is raw HTML, which the link check of `make check-links` and the offline copy still verify.)
PAGE = "glossary/index.md"


def render_glossary(transcripts: list[Transcript], rules: Rules) -> dict[str, str]:
    """Return the Glossary page, keyed by its path under docs/."""
    counts: Counter[str] = Counter()
    for t in transcripts:
        counts.update(used(t, rules.glossary))
    # A topic has a page once a transcript carries it (topic_pages.tagged), so link only those.
    with_pages = {slug for t in transcripts for slug, match in t.topics.items() if match.assigned}
    lines = ["---", "title: Glossary", "hide: [navigation]", "---", "", "# Glossary", "",
             f"The {plural(len(rules.glossary), 'abbreviation')} used in the transcripts, and what each stands "
             "for. On every page, point at an abbreviation, or reach it with the Tab key, to see its full name. "
             "*Transcripts* counts the transcripts whose spoken text uses it, and links to a search for it "
             "(which also finds longer words that begin with it). The list is kept in "
             "`build_scripts/data/glossary.yml`.", "",
             "| Abbreviation | Stands for | Note | Topic | Transcripts |", "|---|---|---|---|--:|"]
    for term in sorted(rules.glossary, key=lambda term: term.abbr.casefold()):
        topic = rules.topic(term.topic) if term.topic else None
        topic_cell = md_inline(topic.name) if topic else "—"
        if topic and topic.slug in with_pages:
            topic_cell = f"[{topic_cell}]({link(PAGE, topic_page(topic.slug))})"
        count = counts[term.abbr]
        count_cell = f'<a href="../search.html?q={esc(quote(term.abbr))}">{count}</a>' if count else "0"
        lines.append(f"| {md_inline(term.abbr)} | {md_inline(term.expansion)} | {md_inline(term.note) or '—'} "
                     f"| {topic_cell} | {count_cell} |")
    return {PAGE: "\n".join(lines) + "\n"}
