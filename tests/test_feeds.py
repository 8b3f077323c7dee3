"""The feeds of latest additions, read as feed readers read them (feedparser) and held to the
rules of their specs: Atom 1.0 (RFC 4287) and RSS 2.0 (the RSS Advisory Board's 2.0.11). No
validator for either is on a registry the build machines reach, so `atom_problems` and
`rss_problems` check the spec's MUSTs (and the SHOULDs this archive keeps) with lxml; a control
test shows each rule firing."""
from __future__ import annotations

import copy
import posixpath
import re
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import PUBLISHED
from lxml import etree

from build_scripts.site import feeds

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)\Z")
RFC822 = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d\d:\d\d:\d\d [+-]\d{4}\Z")
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+\Z")  # an absolute IRI: a scheme, then no spaces


def _count(parent, tag: str, where: str, low: int, high: int | None, problems: list[str]) -> list:
    found = parent.findall(tag)
    if len(found) < low or (high is not None and len(found) > high):
        wanted = f"exactly {low}" if low == high else (f"at most {high}" if low == 0 else f"at least {low}")
        problems.append(f"{where}: {len(found)} <{tag.replace(A, 'atom:')}>, the spec asks for {wanted}")
    return found


def atom_problems(data: bytes, absolute: bool) -> list[str]:
    """What in an Atom document breaks RFC 4287 (sections named); `absolute`: links must be
    absolute (the web edition) rather than relative to the feed (the offline copy)."""
    root = etree.fromstring(data)  # raises on XML that is not well-formed
    if root.tag != A + "feed":
        return [f"root element is {root.tag}, not atom:feed"]
    problems: list[str] = []
    for tag in ("id", "title", "updated"):
        _count(root, A + tag, "feed (4.1.1)", 1, 1, problems)
    for tag in ("subtitle", "rights", "icon", "logo", "generator"):
        _count(root, A + tag, "feed (4.1.1)", 0, 1, problems)
    entries = root.findall(A + "entry")
    ids = [root.findtext(A + "id")]
    for n, entry in enumerate(entries, 1):
        where = f"entry {n} (4.1.2)"
        for tag in ("id", "title", "updated"):
            _count(entry, A + tag, where, 1, 1, problems)
        for tag in ("published", "summary", "content", "rights", "source"):
            _count(entry, A + tag, where, 0, 1, problems)
        alternate = [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]
        if entry.find(A + "content") is None and not alternate:
            problems.append(f"{where}: neither content nor an alternate link")
        if root.find(A + "author") is None:
            _count(entry, A + "author", f"{where}, feed has no author", 1, None, problems)
        ids.append(entry.findtext(A + "id"))
        published, updated = entry.findtext(A + "published"), entry.findtext(A + "updated")
        if published and updated and published > updated:
            problems.append(f"{where}: published {published} after updated {updated}")
        for category in entry.findall(A + "category"):
            if not (category.get("term") or "").strip():
                problems.append(f"{where}: a category without a term (4.2.2)")
    for element in root.iter(A + "id"):
        if not IRI.fullmatch((element.text or "").strip()):
            problems.append(f"id {element.text!r} is not an absolute IRI (4.2.6)")
    if len(set(ids)) != len(ids):
        problems.append("two entries share an id (4.2.6)")
    for element in (*root.iter(A + "updated"), *root.iter(A + "published")):
        if not RFC3339.fullmatch(element.text or ""):
            problems.append(f"date {element.text!r} is not an RFC 3339 date-time (3.3)")
    for element in (*root.iter(A + "title"), *root.iter(A + "subtitle"), *root.iter(A + "summary")):
        if element.get("type", "text") not in ("text", "html", "xhtml"):
            problems.append(f"text construct of type {element.get('type')!r} (3.1.1)")
        if element.tag == A + "title" and not (element.text or "").strip():
            problems.append("an empty title")
    for person in root.iter(A + "author"):
        _count(person, A + "name", "person construct (3.2)", 1, 1, problems)
    for link in root.iter(A + "link"):
        href = link.get("href")
        if not href or (absolute and not href.startswith(("https://", "http://"))):
            problems.append(f"link href {href!r} is missing or not absolute (4.2.7)")
    alternates = [(link.get("type"), link.get("hreflang")) for link in root.findall(A + "link")
                  if link.get("rel", "alternate") == "alternate"]
    if len(set(alternates)) != len(alternates):
        problems.append("feed: two alternate links of one type and language (4.1.1)")
    if not any(link.get("rel") == "self" for link in root.findall(A + "link")):
        problems.append("feed: no rel=self link (4.1.1: SHOULD)")
    return problems


def rss_problems(data: bytes, absolute: bool) -> list[str]:
    """What in an RSS document breaks RSS 2.0; `absolute` as for `atom_problems`."""
    root = etree.fromstring(data)
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root element is {root.tag} version {root.get('version')}, not rss 2.0"]
    problems: list[str] = []
    channel = (_count(root, "channel", "rss", 1, 1, problems) or [etree.Element("channel")])[0]
    for tag in ("title", "link", "description"):
        _count(channel, tag, "channel", 1, 1, problems)
    links = [channel.findtext("link")]
    dates = [channel.findtext("lastBuildDate"), channel.findtext("pubDate")]
    guids = []
    for n, item in enumerate(channel.findall("item"), 1):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"item {n}: neither title nor description")
        for tag in ("title", "link", "description", "guid", "pubDate"):
            _count(item, tag, f"item {n}", 0, 1, problems)
        links.append(item.findtext("link"))
        dates.append(item.findtext("pubDate"))
        for guid in item.findall("guid"):
            guids.append(guid.text)
            if guid.get("isPermaLink", "true") not in ("true", "false"):
                problems.append(f"item {n}: isPermaLink is {guid.get('isPermaLink')!r}")
            if guid.get("isPermaLink", "true") == "true" and not (guid.text or "").startswith("http"):
                problems.append(f"item {n}: a permalink guid that is not a URL")
    for link in links:
        if link is not None and (not link.strip() or (absolute and not link.startswith(("https://", "http://")))):
            problems.append(f"link {link!r} is empty or not a full URL")
    for date in dates:
        if date is not None:
            if not RFC822.fullmatch(date):
                problems.append(f"date {date!r} is not an RFC 822 date-time")
            else:
                parsedate_to_datetime(date)
    if len(set(guids)) != len(guids):
        problems.append("two items share a guid")
    language = channel.findtext("language")
    if language is not None and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", language):
        problems.append(f"language {language!r} is not a language code")
    self_links = [link for link in channel.findall(A + "link") if link.get("rel") == "self"]
    if len(self_links) != 1 or self_links[0].get("type") != "application/rss+xml":
        problems.append("channel: no atom:link rel=self of type application/rss+xml (RSS Best Practices)")
    return problems


def test_feeds_parse_and_link_every_transcript(built_site: Path):
    """Every transcript with a day to show: here the copy of the corpus is not committed, so that
    is its own date, and the interview dated only "November 2020" is left out, not guessed."""
    metas = [yaml.safe_load(p.read_text(encoding="utf-8").split("\n---\n")[0].removeprefix("---\n"))
             for p in (built_site.parent / "docs" / "transcripts").glob("*/index.md")]
    pages = sorted(m["id"] for m in metas if m["added"] or len(m["date"] or "") == 10)
    assert 0 < len(pages) < len(metas)
    for name, version in (("feed.xml", "atom10"), ("rss.xml", "rss20")):
        feed = feedparser.parse((built_site / name).read_bytes())
        assert not feed.bozo, feed.get("bozo_exception")
        assert feed.version == version and feed.feed.title.endswith("latest additions")
        links = sorted(e.link for e in feed.entries)
        assert links == sorted(f"{PUBLISHED['ARCHIVE_SITE_URL']}transcripts/{p}/" for p in pages)
        for entry in feed.entries:
            page = (built_site / entry.link.removeprefix(PUBLISHED["ARCHIVE_SITE_URL"]) / "index.html").read_text()
            assert entry.title in page.replace("&#39;", "'").replace("&amp;", "&") and entry.summary
            assert entry.id.startswith("urn:uuid:")
    home = (built_site / "index.html").read_text()
    assert '<a href="feed.xml" type="application/atom+xml">' in home and '<a href="rss.xml" type="application/rss+xml">' in home
    assert 'rel="alternate"' not in home  # Material would fetch sitemap.xml for it on every page view


def test_feeds_keep_the_rules_of_their_specs(built_site: Path):
    assert atom_problems((built_site / "feed.xml").read_bytes(), absolute=True) == []
    assert rss_problems((built_site / "rss.xml").read_bytes(), absolute=True) == []


def test_the_offline_copy_carries_the_feeds_and_links_them(offline_copy: Path):
    for name in ("feed.xml", "rss.xml"):
        feed = feedparser.parse((offline_copy / name).read_bytes())
        assert not feed.bozo and len(feed.entries) >= 4
    home = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert '<a href="feed.xml" type="application/atom+xml">' in home
    assert atom_problems((offline_copy / "feed.xml").read_bytes(), absolute=False) == []
    assert rss_problems((offline_copy / "rss.xml").read_bytes(), absolute=False) == []


def _mutated(data: bytes, change) -> bytes:
    root = etree.fromstring(data)
    change(root)
    return etree.tostring(root)


ATOM_BREAKS = {
    "entry without id": (lambda r: r.find(A + "entry").remove(r.find(A + "entry").find(A + "id")),
                         "entry 1 (4.1.2): 0 <atom:id>"),
    "date without zone": (lambda r: setattr(r.find(A + "updated"), "text", "2026-11-22T00:00:00"),
                          "is not an RFC 3339 date-time"),
    "id with no scheme": (lambda r: setattr(r.find(A + "entry").find(A + "id"), "text", "transcripts/x"),
                          "is not an absolute IRI"),
    "same id twice": (lambda r: setattr(r.findall(A + "entry")[1].find(A + "id"), "text",
                                        r.find(A + "entry").findtext(A + "id")), "two entries share an id"),
    "relative link": (lambda r: r.find(A + "entry").find(A + "link").set("href", "transcripts/x/"),
                      "is missing or not absolute"),
    "two titles": (lambda r: r.append(copy.deepcopy(r.find(A + "title"))), "feed (4.1.1): 2 <atom:title>"),
    "no author anywhere": (lambda r: r.remove(r.find(A + "author")), "feed has no author: 0 <atom:author>"),
}
RSS_BREAKS = {
    "channel without description": (lambda r: r.find("channel").remove(r.find("channel/description")),
                                    "channel: 0 <description>"),
    "ISO date": (lambda r: setattr(r.find("channel/item/pubDate"), "text", "2026-11-22"), "not an RFC 822"),
    "empty item": (lambda r: [r.find("channel/item").remove(e) for e in r.find("channel/item").findall("*")
                              if e.tag in ("title", "description")], "item 1: neither title nor description"),
    "same guid twice": (lambda r: setattr(r.findall("channel/item")[1].find("guid"), "text",
                                          r.find("channel/item/guid").text), "two items share a guid"),
    "permalink guid that is no URL": (lambda r: r.find("channel/item/guid").set("isPermaLink", "true"),
                                      "a permalink guid that is not a URL"),
}


@pytest.mark.parametrize("case", ATOM_BREAKS)
def test_the_atom_check_reports_each_broken_rule(built_site: Path, case):
    change, expected = ATOM_BREAKS[case]
    problems = atom_problems(_mutated((built_site / "feed.xml").read_bytes(), change), absolute=True)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("case", RSS_BREAKS)
def test_the_rss_check_reports_each_broken_rule(built_site: Path, case):
    change, expected = RSS_BREAKS[case]
    problems = rss_problems(_mutated((built_site / "rss.xml").read_bytes(), change), absolute=True)
    assert any(expected in p for p in problems), problems


def test_text_xml_forbids_is_dropped_and_the_rest_kept_as_text():
    """A title or summary scraped with control characters (a form feed, a vertical tab) or a
    lone surrogate still gives well-formed feeds; markup in it stays text."""
    hostile = feeds.Entry(id="x", title="Talks\x0c in <b>Astana</b> & ]]> \ud800 “done”", url="transcripts/x/",
                          published="2020-01-01", updated="2020-02-01", summary="\x01<script>alert(1)</script>\x0b",
                          topics=('"Caspian" & <Sea>\x1f',))
    for render, check in ((feeds.atom, atom_problems), (feeds.rss, rss_problems)):
        data = render([hostile], "T", "S", "https://e.org/").encode("utf-8")
        assert check(data, absolute=True) == []
        parsed = feedparser.parse(data)
        assert not parsed.bozo
        [entry] = parsed.entries
        assert entry.title == "Talks in <b>Astana</b> & ]]>  “done”"
        if render is feeds.atom:  # a text construct: shown as the text it is
            assert (entry.summary, entry.summary_detail.type) == ("<script>alert(1)</script>", "text/plain")
        else:  # RSS readers take a description as HTML: the markup arrives escaped, to show as text
            assert (entry.summary, entry.summary_detail.type) == ("&lt;script&gt;alert(1)&lt;/script&gt;",
                                                                  "text/html")
        assert [t.term for t in entry.tags] == ['"Caspian" & <Sea>']


def test_an_atom_entry_in_russian_says_its_language():
    entry = feeds.Entry(id="x", title="Совместная пресс-конференция", url="transcripts/x/", published="2020-01-01",
                        updated="2020-01-01", summary="Уважаемые дамы и господа", topics=(), language="ru")
    data = feeds.atom([entry], "T", "S", "https://e.org/").encode("utf-8")
    assert atom_problems(data, absolute=True) == []
    parsed = feedparser.parse(data)
    assert parsed.feed.language == "en" and parsed.entries[0].title_detail.language == "ru"


class _FeedLinks(HTMLParser):
    """Feed autodiscovery as HTML defines it: a <link> whose rel tokens (split on white space,
    compared without case) include "alternate", with a feed's type."""

    def __init__(self):
        super().__init__()
        self.feeds: dict[str, str] = {}  # type -> href
        self.exact_alternate = 0  # links Material's script selects (link[rel=alternate])

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag != "link":
            return
        self.exact_alternate += attrs.get("rel") == "alternate"
        if "alternate" in (attrs.get("rel") or "").lower().split() and \
                attrs.get("type") in ("application/atom+xml", "application/rss+xml"):
            self.feeds[attrs["type"]] = attrs.get("href")


def _announced(site: Path, page: Path) -> tuple[dict[str, Path], int]:
    parser = _FeedLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    where = posixpath.dirname(page.relative_to(site).as_posix())
    return {kind: site / posixpath.normpath(posixpath.join(where, href))
            for kind, href in parser.feeds.items()}, parser.exact_alternate


@pytest.mark.parametrize("edition", ["built_site", "offline_copy"])
def test_every_page_announces_the_feeds_to_feed_readers(edition, request):
    """Pasting any page's address into a feed reader finds both feeds; no link carries the exact
    rel="alternate" Material's script fetches a sitemap.xml for on every page view."""
    site: Path = request.getfixturevalue(edition)
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(pages) > 20
    for page in pages:
        announced, exact = _announced(site, page)
        assert announced == {"application/atom+xml": site / "feed.xml", "application/rss+xml": site / "rss.xml"}, page
        assert exact == 0, page


@pytest.mark.browser
def test_a_page_view_fetches_no_sitemap(watched, edition):
    page = watched.page
    for path in ("", "transcripts/2020-09-09-moscow-lavrov-tleuberdi/"):
        page.goto(edition.base + edition.url(path))
        page.wait_for_load_state("networkidle")
    assert page.locator("link[rel='alternate feed']").count() == 2
    assert not [url for url in watched.requests if "sitemap" in url], watched.requests
    assert not watched.failed and not watched.outside
