"""Injected code in a real browser: the hostile corpus's pages, opened in headless Chromium.

The injection cases try to run `window.__pwned = 1` or `alert(…)` through script
tags, event handlers, javascript: and data: links, iframes, attribute lists,
templates and sidecar fields. On every built transcript page: no dialog fires,
`window.__pwned` stays unset, no element inside the text carries an event
handler, and no request leaves loopback. The search box is tried with the same
payloads, since search results render transcript text too.
"""
from __future__ import annotations

import pytest
from browsing import search_from_header, serve, watched_page
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Any element under the article whose attributes include an event handler, a javascript:/data: URL,
# or that loads something (script, iframe, object, embed, img with a src outside the site).
FIND_INJECTED = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('article *')) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}`);
      if (['href', 'src', 'action', 'formaction', 'data'].includes(attr.name)
          && (value.startsWith('javascript:') || value.startsWith('data:'))) bad.push(`${el.tagName} ${attr.name}=${value}`);
    }
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'STYLE', 'IMG', 'SVG'].includes(el.tagName.toUpperCase())
        && !el.closest('.md-content__button, .md-tags, .year-chart-figure, button.passage-link')) bad.push(el.tagName);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def hostile_server(hostile_build):
    with serve(hostile_build.workdir / "site") as base:
        yield base


def transcript_pages(hostile_build) -> list[str]:
    site = hostile_build.workdir / "site"
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "transcripts").glob("*/index.html"))


def test_no_script_from_transcript_text_runs_on_any_page(browser, hostile_build, hostile_server, artifacts):
    pages = transcript_pages(hostile_build)
    assert len(pages) >= 30
    dialogs: list[str] = []
    with watched_page(browser, hostile_server) as w:
        w.page.on("dialog", lambda d: (dialogs.append(f"{w.page.url}: {d.message}"), d.dismiss()))
        for path in pages:
            w.goto(path)
            expect(w.page.locator("article h1").first).to_be_visible()
            w.page.locator("article").hover()  # mouse-over handlers, had any survived
            titled = w.page.locator("article [title]")
            for i in range(titled.count()):  # Material's tooltips put a title into the page as HTML
                if titled.nth(i).is_visible():
                    titled.nth(i).hover()
            assert w.page.evaluate("() => window.__pwned") is None, path
            assert w.page.evaluate(FIND_INJECTED) == [], path
            if "event-handler" in path or "script-tag." in path:
                w.page.screenshot(path=artifacts / f"injection-{path.split('/')[1]}.png")
        assert not dialogs, dialogs
        w.assert_clean()


@pytest.mark.parametrize("query", ["<img src=x onerror=alert(1)>", "window.__pwned", "javascript:", "script"])
def test_search_results_show_payloads_as_text(browser, hostile_server, artifacts, query):
    dialogs: list[str] = []
    with watched_page(browser, hostile_server) as w:
        w.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        w.goto()
        search_from_header(w.page, query)
        results = w.page.locator(".archive-search__results")
        assert w.page.evaluate("() => window.__pwned") is None
        found = w.page.evaluate("""() => [...document.querySelectorAll('.archive-search__results *')]
            .flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))""")
        assert found == []
        assert results.locator("script, iframe, img").count() == 0
        tags = w.page.evaluate("() => [...new Set([...document.querySelectorAll('.archive-search__results *')].map(e => e.tagName))]")
        assert set(tags) <= {"LI", "H2", "A", "P", "MARK", "UL"}, tags
        if query == "script":
            expect(results.locator(".archive-result").first).to_be_visible()
            w.page.screenshot(path=artifacts / "injection-search.png")
        assert not dialogs, dialogs
        w.assert_clean()


def test_a_tooltip_shows_a_sidecar_note_as_text(browser, hostile_server, artifacts):
    """Material's tooltips insert an element's title into the page as HTML: a fact's note from a
    sidecar must reach the reader as the text it is, and run nothing."""
    with watched_page(browser, hostile_server) as w:
        w.goto("transcripts/sidecar-fact-note-with-html/")
        w.page.locator(".prov--inferred").first.hover()
        tooltip = w.page.locator(".md-tooltip2__inner")
        expect(tooltip).to_be_visible()
        expect(tooltip).to_contain_text('<img src=x onerror="window.__pwned=1"> shown in a tooltip')
        assert tooltip.locator("img").count() == 0
        assert w.page.evaluate("() => window.__pwned") is None
        w.page.screenshot(path=artifacts / "injection-tooltip.png")
