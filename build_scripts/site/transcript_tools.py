"""The tools after a transcript's text: "Cite this transcript" in every format, and "Corrections"
with a pre-filled issue link. Written into the page by the generator, so any engine shows them;
assets/cite.js fills in the address, the passage and the access date, and adds a copy-link
button beside every question and paragraph. Every value is escaped here.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from ..core.escape import esc
from ..core.site_config import current
from ..core.urls import page_url, transcript_page
from .cite import citations


def archive_url(tid: str) -> str:
    """The transcript page's address on the web ("" when the site's address is not known)."""
    site = current()
    return f"{site.url}transcripts/{tid}/" if site.url else ""


def correction_url(meta: dict[str, Any]) -> str:
    """A new issue in the repository, naming the page ("" when the repository is not known)."""
    site = current()
    if not site.repository:
        return ""
    return f"{site.repository}/issues/new?" + urlencode({
        "template": "report-error.yml", "title": f"Error: {meta.get('title', meta['id'])}"[:200],
        "page": archive_url(meta["id"]) or page_url(transcript_page(meta["id"])), "anchor": "metadata"})


def _format(c: dict[str, str]) -> str:
    key = esc(c["key"])
    return (f'<p class="cite__name" id="cite-{key}">{esc(c["name"])}</p>\n'
            f'<pre class="cite__text" data-format="{key}" data-template="{esc(c["template"])}" '
            f'aria-labelledby="cite-{key}"><code>{esc(c["text"])}</code></pre>\n'
            f'<button type="button" class="md-button cite__copy" data-copy="{key}">Copy {esc(c["name"])}</button>')


def transcript_tools(meta: dict[str, Any]) -> str:
    """The tools section of the transcript whose front matter is `meta`, as an HTML block."""
    first, *more = citations(meta, current().name)
    correction = correction_url(meta)
    report = (f'Found a wrong word, speaker, date or removed line?\n<a class="suggest-correction" '
              f'href="{esc(correction)}" data-base="{esc(correction)}" rel="noopener">Suggest a correction</a>\n'
              '(opens a GitHub issue naming this page<span class="suggest-correction__anchor"></span>).'
              if correction else
              'Found a wrong word, speaker, date or removed line? Report it as an issue in the archive’s '
              'repository,\nnaming this page and the passage’s anchor.')
    return "\n".join([
        '<section class="transcript-tools" data-search-exclude>',
        '<h2 id="cite-this">Cite this transcript</h2>',
        f'<div class="cite" data-url="{esc(archive_url(meta["id"]))}">',
        '<p class="cite__target" aria-live="polite">Citing <strong class="cite__what">the whole transcript</strong>.\n'
        'To cite one passage, use the link button beside its question or paragraph.</p>',
        f'<div class="cite__format cite__format--main">\n{_format(first)}\n</div>',
        '<details class="cite__more">',
        '<summary>BibTeX, RIS and CSL-JSON, for reference managers</summary>',
        *(f'<div class="cite__format">\n{_format(c)}\n</div>' for c in more),
        '</details>',
        '</div>',
        '<h2 id="corrections">Corrections</h2>',
        f'<p class="corrections">\n{report}\nThe panel above says where each fact came from and when the '
        'transcript entered the archive and last changed.\n</p>',
        '</section>',
    ])
