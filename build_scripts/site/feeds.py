"""The feeds of latest additions: Atom (feed.xml) and RSS 2.0 (rss.xml), written into docs/ by the generator.

An entry is a transcript page: its title, the opening words as summary, its topics,
and its dates — `published` is when it entered the archive (from the repository's
history), `updated` when its text or sidecar last changed. A transcript not yet
committed falls back to its own date; one with neither is left out, since the feed
could only guess when it was added. Ids are `urn:uuid:` names derived from the
transcript's id, so they outlive a move of the site. Links are absolute when the
site's address is known and relative to the feed otherwise (the offline copy).
Output depends only on the pages, so the same corpus gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import uuid
from dataclasses import dataclass
from email.utils import format_datetime
from xml.sax import saxutils

from ..core.model import Transcript
from ..core.site_config import current
from ..core.urls import page_url, transcript_page
from ..pipeline.render import front_matter

LATEST = 50
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/lavrov-kazakhstan-archive")
# Characters XML 1.0 does not allow anywhere in a document, escaped or not (its production
# "Char"): C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF. Scraped text
# can carry them (a form feed from a PDF, say); one would make the whole feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(text: str) -> str:
    return saxutils.escape(NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return saxutils.quoteattr(NOT_XML.sub("", text))


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str  # the page's address, relative to the site's root
    published: str  # ISO day
    updated: str  # ISO day
    summary: str
    topics: tuple[str, ...]
    language: str = "en"  # of the title and summary: an Atom entry in Russian says so (xml:lang)


def entry_of(meta: dict, url: str) -> Entry | None:
    """The feed entry for a transcript page (front matter `meta`, site-relative `url`), or None
    when it has no date to show or is a copy of another page (the feed announces the original)."""
    if meta.get("copy_of"):
        return None
    own = meta.get("date") if len(str(meta.get("date") or "")) == 10 else None
    published = meta.get("added") or own
    if not published:
        return None
    # title and description are HTML-escaped in the front matter (themes insert them as they are)
    return Entry(id=str(meta["id"]), title=html.unescape(str(meta.get("title") or meta["id"])), url=url,
                 published=published, updated=max(published, meta.get("changed") or published),
                 summary=html.unescape(str(meta.get("description") or "")),
                 topics=tuple(str(t) for t in meta.get("tags") or ()), language=str(meta.get("language") or "en"))


def latest(entries: list[Entry], count: int = LATEST) -> list[Entry]:
    """The `count` most recent additions, newest first (ties by id)."""
    return sorted(entries, key=lambda e: (e.published, e.updated, e.id), reverse=True)[:count]


def _uid(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


def _when(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc)


def atom(entries: list[Entry], title: str, subtitle: str, base: str) -> str:
    """An Atom 1.0 document (RFC 4287); `base` is the site's address ending in "/", or ""."""
    newest = max((e.updated for e in entries), default="1970-01-01")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
             f"  <title>{escape(title)}: latest additions</title>",
             f"  <subtitle>{escape(subtitle)}</subtitle>",
             f"  <id>{_uid('feed')}</id>",
             f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + "feed.xml")}/>',
             f'  <link rel="alternate" type="text/html" href={quoteattr(base or "./")}/>',
             f"  <updated>{_when(newest).isoformat().replace('+00:00', 'Z')}</updated>",
             f"  <author><name>{escape(title)}</name></author>"]
    for e in entries:
        lines += ["  <entry>" if e.language == "en" else f"  <entry xml:lang={quoteattr(e.language)}>",
                  f"    <title>{escape(e.title)}</title>",
                  f'    <link rel="alternate" type="text/html" href={quoteattr(base + e.url)}/>',
                  f"    <id>{_uid('transcripts/' + e.id)}</id>",
                  f"    <published>{_when(e.published).isoformat().replace('+00:00', 'Z')}</published>",
                  f"    <updated>{_when(e.updated).isoformat().replace('+00:00', 'Z')}</updated>",
                  f"    <summary>{escape(e.summary)}</summary>",
                  *(f"    <category term={quoteattr(t)}/>" for t in e.topics),
                  "  </entry>"]
    return "\n".join(lines + ["</feed>"]) + "\n"


def rss(entries: list[Entry], title: str, subtitle: str, base: str) -> str:
    """An RSS 2.0 document; `base` as for `atom`."""
    newest = max((e.updated for e in entries), default="1970-01-01")
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
             "  <channel>",
             f"    <title>{escape(title)}: latest additions</title>",
             f"    <link>{escape(base or './')}</link>",
             f"    <description>{escape(html.escape(subtitle, quote=False))}</description>",
             "    <language>en</language>",
             f"    <lastBuildDate>{format_datetime(_when(newest))}</lastBuildDate>",
             f'    <atom:link href={quoteattr(base + "rss.xml")} rel="self" type="application/rss+xml"/>']
    for e in entries:
        lines += ["    <item>",
                  f"      <title>{escape(e.title)}</title>",
                  f"      <link>{escape(base + e.url)}</link>",
                  f'      <guid isPermaLink="false">{_uid("transcripts/" + e.id)}</guid>',
                  f"      <pubDate>{format_datetime(_when(e.published))}</pubDate>",
                  # RSS readers take a description as HTML, so the text is escaped as HTML first
                  f"      <description>{escape(html.escape(e.summary, quote=False))}</description>",
                  *(f"      <category>{escape(t)}</category>" for t in e.topics),
                  "    </item>"]
    return "\n".join(lines + ["  </channel>", "</rss>"]) + "\n"


def _dates(t: Transcript) -> tuple[str, str] | None:
    """(published, updated) as `entry_of` reads them from the front matter, or None."""
    own = t.value("date") if len(str(t.value("date") or "")) == 10 else None
    published = t.added or own
    return (published, max(published, t.changed or published)) if published else None


def render_feeds(transcripts: list[Transcript]) -> dict[str, str]:
    """feed.xml and rss.xml of the latest additions among `transcripts` (copies left out), for the
    site being generated: links absolute when its address is known, relative to the feed otherwise."""
    dated = [(d, t) for t in transcripts if t.copy_of is None and (d := _dates(t)) is not None]
    newest = sorted(dated, key=lambda dt_: (*dt_[0], dt_[1].id), reverse=True)[:LATEST]
    entries = [e for _, t in newest
               if (e := entry_of(front_matter(t), page_url(transcript_page(t.id)))) is not None]
    site = current()
    return {"feed.xml": atom(latest(entries), site.name, site.description, site.url),
            "rss.xml": rss(latest(entries), site.name, site.description, site.url)}
