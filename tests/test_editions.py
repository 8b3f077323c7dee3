"""The two ways the archive is read, in a real browser: served over loopback (as on GitHub Pages)
and the offline copy unzipped and opened from file:// with every http(s) request blocked.
Each edition must show the same pages and the same search, and ask no other host for anything."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from browsing import in_viewport, search_from_header, stays_on_disk, watched_page
from conftest import PUBLISHED
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


PAGES = {  # name: (path, what its main heading says)
    "home": ("", "Sergey Lavrov on Kazakhstan"),
    "transcript": ("transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/", "Nur-Sultan, April 8, 2021"),
    "timeline": ("timeline/", "Timeline"),
    "topic": ("topics/covid-19/", "COVID-19"),
    "topics": ("topics/", "Topics"),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_with_no_error_and_no_outside_request(watched, edition, artifacts, name):
    path, heading = PAGES[name]
    page = watched.page
    watched.goto(edition.url(path))
    expect(page.locator("article h1")).to_contain_text(heading)
    broken_images = page.evaluate("[...document.images].filter(i => !i.complete || !i.naturalWidth).length")
    assert broken_images == 0
    if name == "home":
        expect(page.locator("svg.year-chart a rect.year-chart__bar")).to_have_count(4)
        # The repository is a plain link (no star counts fetched from api.github.com).
        expect(page.locator(f".md-social a[href='{PUBLISHED['ARCHIVE_REPO_URL']}']")).to_have_count(1)
    page.screenshot(path=artifacts / f"{edition.name}-{name}.png", full_page=name != "transcript")
    watched.assert_clean()


# A phrase spoken in each seed, and the section it is spoken in.
PHRASES = [
    ("warehouses of chemical weapons", "2013-09-12-astana-lavrov-idrisov", "q1"),
    ("demilitarised zone", "2019-01-28-moscow-lavrov-atamkulov", "q2"),
    ("Roman Sklyar", "2020-09-09-moscow-lavrov-tleuberdi", "q3"),
    ("Guidelines on Sanitation and Health", "2020-11-interview-russia-kazakhstan-integration", "q2"),
    ("browbeat everyone", "2021-04-08-nur-sultan-lavrov-tleuberdi", "q2"),
]


@pytest.mark.parametrize("phrase, tid, section", PHRASES, ids=[p[1][:10] for p in PHRASES])
def test_search_result_opens_the_question(watched, edition, artifacts, phrase, tid, section):
    """Typing a phrase from a seed lists that seed's section; its result opens the page at that #qN."""
    page = watched.page
    watched.goto(edition.url(""))
    search_from_header(page, phrase)
    link = page.locator(f".archive-result__section-link[href*='{tid}'][href$='#{section}']").first
    expect(link).to_be_visible()
    expect(page.locator(".archive-search__status")).to_contain_text("match")
    first = page.locator(".archive-result__title").first.evaluate("a => a.href")
    assert edition.page_of(first) == f"transcripts/{tid}/", f"the first result is {first}"
    expect(page.locator(".archive-result").first.locator("mark").first).to_be_visible()
    if tid.startswith("2021"):
        page.screenshot(path=artifacts / f"{edition.name}-search.png")
    link.click()
    page.wait_for_url(f"**#{section}")
    assert edition.page_of(page.url) == f"transcripts/{tid}/"
    heading = page.locator(f"h2#{section}")
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert in_viewport(page, heading), f"#{section} is off screen: {heading.bounding_box()}"
    expect(page.locator("article")).to_contain_text(phrase)
    watched.assert_clean()


def test_search_filters_by_year_topic_and_event(watched, edition, artifacts):
    """The filters narrow a search, or list transcripts with no words typed; the address keeps them."""
    page = watched.page
    watched.goto("search.html?q=Baikonur")
    results = page.locator(".archive-result__title")
    expect(page.locator("#archive-search")).to_have_attribute("data-state", "done")
    expect(results).to_have_count(2)  # 9 September 2020 and 8 April 2021
    page.select_option("#archive-search-year", "2021")
    expect(results).to_have_count(1)
    assert edition.page_of(results.first.evaluate("a => a.href")) == "transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/"
    assert "year=2021" in page.url and "q=Baikonur" in page.url
    page.fill("#archive-search-query", "")
    page.select_option("#archive-search-year", "")
    page.select_option("#archive-search-topic", "CSTO")
    expect(page.locator(".archive-search__status")).to_contain_text("2 transcripts match the filters")
    page.select_option("#archive-search-event", "Interview")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("build up our integration")
    options = page.locator("#archive-search-year option").all_inner_texts()
    assert options == ["All years", "2021 (1)", "2020 (2)", "2019 (1)", "2013 (1)"]
    page.screenshot(path=artifacts / f"{edition.name}-search-filters.png")
    watched.assert_clean()


def test_search_for_nothing_known_says_so_and_what_to_try(watched, edition):
    page = watched.page
    watched.goto("search.html?q=zzyzx%20quokka")
    expect(page.locator(".archive-search__status")).to_have_text("No transcript matches “zzyzx quokka”.")
    expect(page.locator(".archive-result")).to_have_count(0)
    expect(page.locator(".archive-search__more")).to_be_hidden()
    expect(page.locator(".archive-search__tips")).to_contain_text("use fewer words")
    watched.assert_clean()


def test_a_quoted_phrase_finds_only_the_words_side_by_side_marked_as_one(watched, edition, artifacts):
    page = watched.page
    watched.goto('search.html?q=%22demilitarised+zone%22')
    expect(page.locator(".archive-search__status")).to_have_text("1 transcript matches “\"demilitarised zone\"”.")
    expect(page.locator(".archive-result mark").first).to_have_text("demilitarised zone.")
    page.screenshot(path=artifacts / f"{edition.name}-search-phrase.png")
    watched.goto('search.html?q=%22zone+demilitarised%22')  # both words are there, never in this order
    expect(page.locator(".archive-search__status")).to_have_text("No transcript matches “\"zone demilitarised\"”.")
    watched.assert_clean()


def test_who_said_it_keeps_only_that_speakers_words(watched, edition, artifacts):
    page = watched.page
    watched.goto("search.html?q=vaccine&speaker=Questions+%28journalists+and+others%29")
    expect(page.locator("#archive-search-speaker")).to_have_value("Questions (journalists and others)")
    expect(page.locator(".archive-search__status")).to_contain_text("2 transcripts match")
    page.screenshot(path=artifacts / f"{edition.name}-search-speaker.png")
    page.select_option("#archive-search-speaker", "Sergey Lavrov")
    expect(page).to_have_url(re.compile(r"speaker=Sergey\+Lavrov"))
    expect(page.locator(".archive-search__status")).to_contain_text("match “vaccine”")
    watched.assert_clean()


def test_another_spelling_of_a_name_finds_it_and_says_so(watched, edition):
    page = watched.page
    watched.goto("search.html?q=Tokaev")
    expect(page.locator(".archive-search__status")).to_contain_text("1 transcript matches")
    expect(page.locator(".archive-result mark").first).to_have_text("Tokayev")
    expect(page.locator(".archive-search__respelled")).to_have_text(
        "“Tokaev” is not in the archive as typed; it is found as Tokayev.")
    watched.assert_clean()


def test_a_misspelt_name_gets_a_did_you_mean_that_searches_it(watched, edition, artifacts):
    page = watched.page
    watched.goto("search.html?q=Nazrabayev")  # letters swapped: no spelling of the name sounds like it
    suggestion = page.locator(".archive-search__did-you-mean a")
    expect(suggestion).to_have_text("Nazarbayev")
    page.screenshot(path=artifacts / f"{edition.name}-search-did-you-mean.png")
    suggestion.click()
    expect(page.locator(".archive-search__status")).to_contain_text("match “Nazarbayev”")
    expect(page.locator(".archive-result").first).to_be_visible()
    watched.assert_clean()


def test_offline_copy_every_page_opens_cleanly(browser, offline_copy, artifacts):
    """Every page of the unzipped copy opens from file:// with no error, broken image or http(s) request."""
    pages = sorted(offline_copy.rglob("*.html"))
    assert len(pages) >= 30
    with watched_page(browser, offline_copy.as_uri() + "/", stays_on_disk) as w:
        for html in pages:
            w.goto(html.relative_to(offline_copy).as_posix())
            expect(w.page.locator("article h1").first).to_be_visible()
            assert w.page.evaluate("[...document.images].filter(i => !i.complete || !i.naturalWidth).length") == 0
        w.assert_clean()


def test_offline_copy_click_through(browser, offline_copy, artifacts):
    """From file://, clicking home → a transcript → a topic chip → the timeline → a year → a transcript lands on real pages."""
    with watched_page(browser, offline_copy.as_uri() + "/", stays_on_disk) as w:
        page = w.page
        w.goto("index.html")
        page.locator("article table a[href='transcripts/2020-09-09-moscow-lavrov-tleuberdi/index.html']").click()
        expect(page.locator("h1.transcript-title")).to_contain_text("September 9, 2020")
        page.locator("nav.md-tags a.md-tag:text-is('COVID-19')").click()
        expect(page.locator("article h1")).to_contain_text("COVID-19")
        assert urlparse(page.url).path.endswith("/topics/covid-19/index.html")
        page.locator("nav.md-tabs a:text-is('Timeline')").click()
        expect(page.locator("h2#y2020")).to_contain_text("2020")
        assert page.url.endswith("/timeline.html")
        page.locator("article a[href='timeline/2020.html']").first.click()
        expect(page.locator("article h1")).to_contain_text("2020 · 2 transcripts")
        page.locator("a[href$='transcripts/2020-11-interview-russia-kazakhstan-integration/index.html']").first.click()
        expect(page.locator("h1.transcript-title")).to_contain_text("build up our integration")
        page.screenshot(path=artifacts / "offline-click-through.png")
        w.assert_clean()
