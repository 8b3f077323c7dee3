"""Stage 8: pages about the whole corpus: home, timeline, topics, people, places, and the search index."""
from __future__ import annotations

from ...core.model import Transcript
from ...core.rules import Rules
from ..feeds import render_feeds
from .glossary import render_glossary
from .home import render_home
from .people import render_people
from .places import render_places
from .search import render_search
from .timeline import render_timeline
from .topic_pages import render_topic_pages


def render_indexes(transcripts: list[Transcript], rules: Rules, added: dict[str, str],
                   searchable: list[Transcript] | None = None) -> dict[str, str]:
    """Return every index page, keyed by its path under docs/: the listings of `transcripts`, and the
    search index of `searchable` (default: the same; an original beside its translation is searched,
    but listed by the translation)."""
    pages = {
        "index.md": render_home(transcripts, rules, added),
        "people.md": render_people(transcripts, rules),
        "places.md": render_places(transcripts, rules),
    }
    pages.update(render_timeline(transcripts))
    pages.update(render_topic_pages(rules, transcripts))
    pages.update(render_glossary(transcripts, rules))
    pages.update(render_search(transcripts if searchable is None else searchable, rules))
    pages.update(render_feeds(transcripts))
    return pages
