"""Drive headless Chromium against the built site, served over loopback only."""
from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright import sync_api
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
LOOPBACK = {"127.0.0.1", "localhost"}
VIEWPORT = {"width": 1280, "height": 800}  # wide enough for Material's header search and right-hand TOC

NUR_SULTAN = "2021-04-08-nur-sultan-lavrov-tleuberdi"
INTERVIEW = "2020-11-interview-russia-kazakhstan-integration"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log each request to stderr."""

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


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
        """No console error, page error, failed request, HTTP error, or request off loopback."""
        assert self.requests, "the page made no requests at all"
        assert not self.outside, f"requests left loopback: {self.outside}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"page errors: {self.page_errors}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.bad_status, f"HTTP error responses: {self.bad_status}"


@pytest.fixture(scope="module")
def server(built_site: Path):
    """Serve the built site on an ephemeral loopback port; yield its base URL."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    """A headless Debian Chromium, shared by the module's tests."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watched(browser, server) -> Watched:
    """A fresh page that records errors and requests, and blocks every host but loopback."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    page = context.new_page()
    w = Watched(page=page, base=server)

    def route(r):
        if urlparse(r.request.url).hostname in LOOPBACK:
            r.continue_()
        else:
            w.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and w.console_errors.append(m.text))
    page.on("pageerror", lambda e: w.page_errors.append(str(e)))
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("requestfailed", lambda r: r.url not in w.outside
            and w.failed.append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and w.bad_status.append(f"{r.status} {r.url}"))
    yield w
    context.close()


def in_viewport(page, locator) -> bool:
    """Whether the element's top edge lies within the visible viewport."""
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height


def test_home_page_lists_transcripts(watched, artifacts, corpus):
    """The home page shows its title and one table link per transcript."""
    page = watched.page
    watched.goto()
    expect(page.locator("article h1")).to_contain_text("Sergey Lavrov on Kazakhstan")
    links = page.locator("article table a[href^='transcripts/']")
    expect(links).to_have_count(len(corpus))
    assert len(corpus) == 5
    hrefs = {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert hrefs == {f"transcripts/{tid}/" for tid in corpus}
    page.screenshot(path=artifacts / "home.png", full_page=True)
    watched.assert_clean()


def test_click_through_to_transcript(watched, artifacts):
    """Following a home-page link opens the transcript with its metadata panel."""
    page = watched.page
    watched.goto()
    page.locator(f"article table a[href='transcripts/{NUR_SULTAN}/']").click()
    page.wait_for_url(f"**/transcripts/{NUR_SULTAN}/")
    expect(page.locator("h1.transcript-title")).to_contain_text("Nur-Sultan, April 8, 2021")
    meta = page.locator(".transcript-meta dl")
    for text in ("8 April 2021", "14:32", "Nur-Sultan", "Press conference", "Mukhtar Tleuberdi"):
        expect(meta).to_contain_text(text)
    expect(page.locator("#opening-p1")).to_be_visible()
    page.screenshot(path=artifacts / "transcript.png")
    watched.assert_clean()


def test_question_anchor_scrolls_into_view(watched, artifacts):
    """Opening #q3 scrolls the heading into view and the right-hand TOC links to it."""
    page = watched.page
    watched.goto(f"transcripts/{NUR_SULTAN}/#q3")
    heading = page.locator("h2#q3")
    heading.wait_for(state="visible")
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert heading.is_visible()
    assert in_viewport(page, heading), f"#q3 is off screen: {heading.bounding_box()}"
    assert not in_viewport(page, page.locator("h2#q1")), "page did not scroll past q1"
    toc_link = page.locator(".md-nav--secondary a[href='#q3']")
    expect(toc_link).to_have_count(1)
    expect(toc_link).to_be_visible()
    page.screenshot(path=artifacts / "transcript-q3.png")
    watched.assert_clean()


def test_undated_interview_shows_uncertainty(watched, artifacts):
    """The interview without a stated date or place says so plainly."""
    page = watched.page
    watched.goto(f"transcripts/{INTERVIEW}/")
    expect(page.locator("h1.transcript-title")).to_contain_text("build up our integration")
    meta = page.locator(".transcript-meta dl")
    expect(meta).to_contain_text("November 2020")
    expect(meta).to_contain_text("approximate")
    place = meta.locator("dt:text-is('Place') + dd")
    expect(place).to_contain_text("Unknown")
    expect(page.locator("h2#opening")).to_have_count(0)
    expect(page.locator("h2#q1")).to_be_visible()
    page.screenshot(path=artifacts / "interview.png")
    watched.assert_clean()


def test_search_finds_transcript(watched, artifacts):
    """Site search, running entirely over loopback, finds a phrase and links to its page."""
    page = watched.page
    watched.goto()
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Karaganda pharmaceutical", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible", timeout=15_000)
    link = first.locator("a").first
    href = link.get_attribute("href")
    assert urlparse(href).path.endswith(f"/transcripts/{NUR_SULTAN}/"), href
    page.screenshot(path=artifacts / "search.png")
    link.click()
    page.wait_for_url(f"**/transcripts/{NUR_SULTAN}/**")
    assert urlparse(page.url).path == f"/transcripts/{NUR_SULTAN}/"
    expect(page.locator(".transcript-meta")).to_contain_text("8 April 2021")
    watched.assert_clean()


def test_about_page(watched, artifacts):
    """The about page renders cleanly."""
    page = watched.page
    watched.goto("about/")
    expect(page.locator("article h1")).to_contain_text("About the archive")
    expect(page.locator("article h2").first).to_be_visible()
    page.screenshot(path=artifacts / "about.png", full_page=True)
    watched.assert_clean()
