"""Helpers for the browser tests: Debian's Chromium, a loopback server, and a page that records
every error and every request, blocking any that would leave the machine."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
LOOPBACK = {"127.0.0.1", "localhost"}
VIEWPORT = {"width": 1280, "height": 800}  # wide enough for Material's header search and right-hand TOC

# The id of the last h2/h3 before an element in document order: the section it sits in.
HEADING_ABOVE = """el => {
    const above = [...document.querySelectorAll('article h2, article h3')]
        .filter(h => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    return above.length ? above[above.length - 1].id : null;
}"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log each request to stderr."""

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


@contextmanager
def serve(directory: Path):
    """Serve `directory` on an ephemeral loopback port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@dataclass
class Watched:
    """A page plus everything it reported while the test ran."""

    page: object
    base: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    bad_status: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def goto(self, path: str = "") -> None:
        """Open `path` relative to the site root and wait for the page to settle."""
        self.page.goto(self.base + path, wait_until="load")

    def assert_clean(self) -> None:
        """No console error, page error, failed request, HTTP error, or request that left the machine."""
        assert self.requests, "the page made no requests at all"
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"page errors: {self.page_errors}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.bad_status, f"HTTP error responses: {self.bad_status}"


def stays_on_loopback(url: str) -> bool:
    return urlparse(url).hostname in LOOPBACK


def stays_on_disk(url: str) -> bool:
    """For the offline copy: only file:// (and inline data:/about:) — every http(s) request is blocked."""
    return urlparse(url).scheme in ("file", "data", "about", "blob")


@contextmanager
def watched_page(browser, base: str, allowed=stays_on_loopback):
    """A fresh page at `base` that records errors and requests, and blocks every URL `allowed` refuses."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    page = context.new_page()
    w = Watched(page=page, base=base)

    def route(r):
        if allowed(r.request.url):
            r.continue_()
        else:
            w.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)  # the context's route also covers frames and the search worker's iframe
    page.on("console", lambda m: m.type == "error" and w.console_errors.append(m.text))
    page.on("pageerror", lambda e: w.page_errors.append(str(e)))
    page.on("request", lambda r: w.requests.append(r.url))
    # net::ERR_ABORTED is the browser cancelling a request because the test navigated on
    # (the search index still loading when a link is clicked), not a fault of the site.
    page.on("requestfailed", lambda r: r.url not in w.outside and "ERR_ABORTED" not in (r.failure or "")
            and w.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and w.bad_status.append(f"{r.status} {r.url}"))
    try:
        yield w
    finally:
        context.close()


def in_viewport(page, locator) -> bool:
    """Whether the element's top edge lies within the visible viewport."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height


def heading_above(locator) -> str | None:
    """The id of the heading whose section holds the element."""
    return locator.evaluate(HEADING_ABOVE)


def follow(page, link) -> None:
    """Click a link and wait until the browser is at the address it points to."""
    target = urljoin(page.url, link.get_attribute("href"))
    link.click()
    page.wait_for_url(target)


def search_from_header(page, query: str) -> None:
    """Type `query` into the header's search box, press Enter, and wait for the search page's results."""
    box = page.locator("#archive-search-header")
    box.fill(query)
    box.press("Enter")
    expect(page.locator("#archive-search")).to_have_attribute("data-state", re.compile("done|failed"), timeout=20_000)
