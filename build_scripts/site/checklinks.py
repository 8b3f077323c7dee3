"""Check a built site: every internal link and resource resolves, nothing loads from another host.

Used by the tests, by the pull-request workflow (`make check-links`) and by
`make offline`. For the offline copy (`file_urls=True`) a link to a folder is
broken too: from file:// a browser shows a folder listing, not its index.html.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.errors import Problem

# Elements and attributes whose URL the browser fetches when the page loads.
RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                  ("audio", "src"), ("video", "src"), ("embed", "src"), ("object", "data"),
                  ("image", "href"), ("use", "href"), ("input", "src")}
# <link rel=…> values that make the browser fetch (canonical, prev/next and alternate do not).
FETCHING_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                 "modulepreload", "manifest", "apple-touch-icon"}
SKIPPED_PAGES = {"404.html"}  # served by the host for any missing path; its links are root-absolute


@dataclass
class Link:
    url: str
    line: int
    fetched: bool  # loaded with the page (a resource), rather than followed by a click


class PageLinks(HTMLParser):
    """The ids a page defines and the links and resources it holds, with their lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        line = self.getpos()[0]
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(Link(attrs["href"], line, fetched=False))
        elif tag == "link" and attrs.get("href") is not None:
            rels = set((attrs.get("rel") or "").lower().split())
            self.links.append(Link(attrs["href"], line, fetched=bool(rels & FETCHING_RELS)))
        for (element, attr) in RESOURCE_ATTRS:
            if tag == element and attrs.get(attr) is not None:
                self.links.append(Link(attrs[attr], line, fetched=True))
        if attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.links.append(Link(candidate.split()[0], line, fetched=True))

    handle_startendtag = handle_starttag


def parse(path: Path) -> PageLinks:
    page = PageLinks()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def check(site: Path, *, file_urls: bool = False) -> list[Problem]:
    """Every problem with the links of the built site in `site`, in file order."""
    pages = {p: parse(p) for p in sorted(site.rglob("*.html")) if p.name not in SKIPPED_PAGES}
    problems: list[Problem] = []
    for page, parsed in pages.items():
        where = page.relative_to(site).as_posix()
        for link in parsed.links:
            problem = _check_link(site, page, link, pages, file_urls)
            if problem:
                message, hint = problem
                problems.append(Problem(f"{site.name}/{where}", link.line, message, hint))
    problems += _check_search_index(site, pages, file_urls)
    return problems


def count_links(site: Path) -> int:
    """How many links and resources the checker looks at (so a test can tell it looked)."""
    return sum(len(parse(p).links) for p in site.rglob("*.html") if p.name not in SKIPPED_PAGES)


def _check_link(site: Path, page: Path, link: Link, pages: dict, file_urls: bool) -> tuple[str, str] | None:
    parts = urlsplit(link.url)
    if parts.scheme in ("http", "https") or link.url.startswith("//"):
        if link.fetched:
            return (f"loads {link.url} from another host",
                    "bundle the file into the site (from npm or PyPI at build time) so no page view leaves the archive")
        return None
    if parts.scheme:  # mailto:, data:, javascript: … are not files of the site
        return None
    return _resolve(site, page, parts.path, parts.fragment, pages, file_urls, link.url)


def _resolve(site: Path, page: Path, path: str, fragment: str, pages: dict, file_urls: bool,
             shown: str) -> tuple[str, str] | None:
    if path.startswith("/"):
        return (f"root-absolute link {shown}", "use a relative link, so the site works under any address and from file://")
    page_dir = posixpath.dirname(page.relative_to(site).as_posix())
    path = unquote(path)
    target = site / posixpath.normpath(posixpath.join(page_dir, path)) if path else page
    if target.is_dir():
        if file_urls:
            return (f"link to a folder {shown}", "from file:// a browser lists the folder; link to its index.html")
        target = target / "index.html"
    if not target.is_file():
        return (f"link to a missing file {shown}", "fix the link or the page it points to")
    fragment = unquote(fragment)
    if fragment and target.suffix == ".html":
        parsed = pages.get(target) or parse(target)
        if fragment not in parsed.ids:
            return (f"link to a missing anchor {shown}", f"no element has id `{fragment}` on {target.relative_to(site)}")
    return None


def _check_search_index(site: Path, pages: dict, file_urls: bool) -> list[Problem]:
    """Every search result opens a page, and every section it offers lands on an element that exists."""
    from build_scripts.site.indexes.search import indexed_pages

    problems = []
    root = site / "index.html"
    for where, url, anchors in indexed_pages(site, file_urls):
        for shown in [url] + [f"{url}#{anchor}" for anchor in anchors]:
            parts = urlsplit(shown)
            problem = _resolve(site, root, parts.path, parts.fragment, pages, file_urls, shown or "(home)")
            if problem:
                message, hint = problem
                problems.append(Problem(f"{site.name}/{where}", None, f"search result: {message}", hint))
    return problems
