"""Every link in the built site reaches a page that exists, and every #fragment an element on it."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])


def _parse(path: Path) -> Collector:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """Return (file, fragment) a relative href points to, or None for links off the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    page_dir = posixpath.dirname(page.relative_to(site).as_posix())
    path = unquote(parts.path)
    resolved = posixpath.normpath(posixpath.join(page_dir, path)) if path else page.relative_to(site).as_posix()
    file = site / resolved
    if path.endswith("/") or path in ("", ".", "..") and file.is_dir() or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_fragment_resolves(built_site: Path):
    pages = {p: _parse(p) for p in built_site.rglob("*.html") if "404" not in p.name}
    broken = []
    checked = 0
    for page, collector in pages.items():
        for href in collector.hrefs:
            target = _target(built_site, page, href)
            if target is None:
                continue
            file, fragment = target
            checked += 1
            if not file.exists():
                broken.append(f"{page.relative_to(built_site)}: {href} (no {file.relative_to(built_site)})")
            elif fragment and file.suffix == ".html" and fragment not in pages.get(file, _parse(file)).ids:
                broken.append(f"{page.relative_to(built_site)}: {href} (no #{fragment})")
    assert checked > 500, f"only {checked} links checked: is the site built?"
    assert not broken, "\n".join(broken)


def test_raw_html_links_were_resolved(built_site: Path):
    """No `.md` link survives in the built HTML (the hook rewrites those in raw HTML)."""
    leftovers = [f"{p.relative_to(built_site)}: {h}" for p in built_site.rglob("*.html")
                 for h in _parse(p).hrefs if urlsplit(h).path.endswith(".md") and not urlsplit(h).scheme]
    assert not leftovers, leftovers
