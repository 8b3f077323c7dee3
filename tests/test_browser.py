"""Drive headless Chromium against the built site, served over loopback only."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from browsing import Watched, follow, heading_above, in_viewport, search_from_header, serve, watched_page
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NUR_SULTAN = "2021-04-08-nur-sultan-lavrov-tleuberdi"
INTERVIEW = "2020-11-interview-russia-kazakhstan-integration"
MOSCOW_2020 = "2020-09-09-moscow-lavrov-tleuberdi"
IN_TIME_ORDER = ["2013-09-12-astana-lavrov-idrisov", "2019-01-28-moscow-lavrov-atamkulov",
                 MOSCOW_2020, INTERVIEW, NUR_SULTAN]


@pytest.fixture(scope="module")
def server(built_site: Path):
    """The built site served on an ephemeral loopback port."""
    with serve(built_site) as base:
        yield base


@pytest.fixture
def watched(browser, server) -> Watched:
    """A fresh page on the served site that records errors and requests, and blocks every host but loopback."""
    with watched_page(browser, server) as w:
        yield w


def transcript_id(url: str) -> str:
    """The transcript id in a /transcripts/<id>/ URL."""
    parts = urlparse(url).path.strip("/").split("/")
    assert len(parts) == 2 and parts[0] == "transcripts", url
    return parts[1]


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
    search_from_header(page, "Karaganda pharmaceutical")
    link = page.locator(".archive-result__title").first
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
    download = page.locator("article a:text-is('download it from the latest release')")
    expect(download).to_have_attribute("href", "https://github.com/example/lavrov-kazakhstan-archive"
                                       "/releases/latest/download/lavrov-kazakhstan-archive.zip")
    page.screenshot(path=artifacts / "about.png", full_page=True)
    watched.assert_clean()


def test_year_chart_links_to_timeline(watched, artifacts):
    """The year chart links one bar per year with transcripts; the 2020 bar opens the timeline there."""
    page = watched.page
    watched.goto()
    expect(page.locator("article")).to_contain_text("5 transcripts, 2013–2021")
    bars = page.locator("svg.year-chart a")
    expect(bars).to_have_count(4)
    hrefs = [bars.nth(i).get_attribute("href") for i in range(bars.count())]
    assert hrefs == [f"timeline/#y{year}" for year in (2013, 2019, 2020, 2021)]
    expect(bars.locator("rect.year-chart__bar")).to_have_count(4)
    expect(page.locator("svg.year-chart a[href='timeline/#y2020'] > title")).to_have_text("2020: 2 transcripts")
    expect(page.locator("article a[href='topics/covid-19/']")).to_be_visible()
    page.locator("figure.year-chart-figure").screenshot(path=artifacts / "home-year-chart.png")

    page.locator("svg.year-chart a[href='timeline/#y2020'] rect").click()
    page.wait_for_url("**/timeline/#y2020")
    assert urlparse(page.url).path == "/timeline/"
    heading = page.locator("h2#y2020")
    expect(heading).to_contain_text("2020")
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert in_viewport(page, heading), f"#y2020 is off screen: {heading.bounding_box()}"
    page.screenshot(path=artifacts / "timeline-y2020.png")
    watched.assert_clean()


def test_timeline_places_approximate_interview_in_its_month(watched, artifacts):
    """The interview dated only to November 2020 sits under that month on the 2020 page; the overview
    ends with its Undated section."""
    page = watched.page
    watched.goto("timeline/")
    undated = page.locator("h2#undated")
    expect(undated).to_contain_text("Undated")
    assert page.locator("article h2").last.get_attribute("id") == "undated"
    page.screenshot(path=artifacts / "timeline.png", full_page=True)
    follow(page, page.locator("article a[href='2020/']").first)
    expect(page.locator("h2#y2020-11")).to_contain_text("November 2020")
    entry = page.locator(f"article li:has(a[href='../../transcripts/{INTERVIEW}/'])")
    expect(entry).to_have_count(1)
    assert heading_above(entry) == "y2020-11"
    expect(entry).to_contain_text("November 2020 (approximate)")
    page.screenshot(path=artifacts / "timeline-2020.png", full_page=True)
    watched.assert_clean()


def test_tag_chip_opens_topic_listing(watched, artifacts):
    """A topic chip opens its topic page, newest first, whose question links land on the question."""
    page = watched.page
    watched.goto(f"transcripts/{NUR_SULTAN}/")
    page.locator("nav.md-tags a.md-tag:text-is('COVID-19')").click()
    page.wait_for_url("**/topics/covid-19/**")
    assert urlparse(page.url).path == "/topics/covid-19/"
    expect(page.locator("article h1")).to_contain_text("COVID-19")
    rows = page.locator(".topic-listing table tbody tr")
    expect(rows.locator(".topic-listing__date")).to_have_text(
        ["8 April 2021", "November 2020 (approximate)", "9 September 2020"])
    first = rows.first
    expect(first.locator("td").nth(1).locator("a")).to_have_attribute(
        "href", f"../../transcripts/{NUR_SULTAN}/")
    question = first.locator(f"a[href^='../../transcripts/{NUR_SULTAN}/#q']").first
    expect(question).to_be_visible()
    fragment = urlparse(question.get_attribute("href")).fragment
    page.screenshot(path=artifacts / "topic-covid-19.png")  # as the chip leaves it: scrolled to the listing

    follow(page, question)
    heading = page.locator(f"h2#{fragment}")
    heading.wait_for(state="visible")
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert in_viewport(page, heading), f"#{fragment} is off screen: {heading.bounding_box()}"
    page.screenshot(path=artifacts / f"topic-covid-19-to-{fragment}.png")
    watched.assert_clean()


def test_cross_reference_and_referred_to_in(watched, artifacts):
    """A date in the 2021 text links to the 2020 transcript, which lists the 2021 page as referring to it."""
    page = watched.page
    watched.goto(f"transcripts/{NUR_SULTAN}/")
    xref = page.locator("#opening-p3 a.xref")
    expect(xref).to_have_text("September 9, 2020")
    follow(page, xref)
    assert transcript_id(page.url) == MOSCOW_2020
    expect(page.locator("h1.transcript-title")).to_contain_text("September 9, 2020")

    archive = page.locator("h2#in-the-archive")
    archive.scroll_into_view_if_needed()
    referred = page.locator("xpath=//h2[@id='in-the-archive']/following-sibling::p"
                            "[strong[normalize-space()='Referred to in']]/following-sibling::ul[1]")
    back = referred.locator(f"a[href^='../{NUR_SULTAN}/']")
    expect(back).to_have_count(1)
    expect(back).to_have_attribute("href", f"../{NUR_SULTAN}/#opening-p3")
    related = page.locator("xpath=//h2[@id='in-the-archive']/following-sibling::p"
                           "[strong[normalize-space()='Related transcripts']]")
    expect(related).to_have_count(1)
    page.screenshot(path=artifacts / "xref-in-the-archive.png")

    follow(page, back)
    paragraph = page.locator("#opening-p3")
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert in_viewport(page, paragraph), f"#opening-p3 is off screen: {paragraph.bounding_box()}"
    watched.assert_clean()


def test_next_links_walk_transcripts_in_time_order(watched, artifacts, corpus):
    """Following "Later" from the oldest transcript visits every transcript in date order, then stops."""
    assert set(IN_TIME_ORDER) == set(corpus)
    page = watched.page
    watched.goto(f"transcripts/{IN_TIME_ORDER[0]}/")
    expect(page.locator("nav.transcript-nav a[rel=prev]")).to_have_count(0)
    visited = [transcript_id(page.url)]
    for _ in IN_TIME_ORDER:
        later = page.locator("nav.transcript-nav a[rel=next]")
        if later.count() == 0:
            break
        follow(page, later)
        visited.append(transcript_id(page.url))
        expect(page.locator("nav.transcript-nav a[rel=prev]")).to_have_attribute(
            "href", f"../{visited[-2]}/")
    assert visited == IN_TIME_ORDER
    nav = page.locator("nav.transcript-nav")
    expect(nav.locator("a[rel=next]")).to_have_count(0)
    expect(nav).to_contain_text("This is the latest transcript")
    nav.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "transcript-nav-latest.png")
    watched.assert_clean()


def test_places_show_name_in_use_on_each_date(watched, artifacts):
    """Astana's section lists the 2021 visit as Nur-Sultan and the 2013 one as Astana."""
    page = watched.page
    watched.goto("places/#astana")
    heading = page.locator("h2#astana")
    expect(heading).to_be_visible()
    page.wait_for_timeout(300)  # let the browser finish the scroll to the fragment
    assert in_viewport(page, heading), f"#astana is off screen: {heading.bounding_box()}"
    table = page.locator("xpath=//h2[@id='astana']/following::table[1]")
    assert heading_above(table) == "astana"
    rows = table.locator("tbody tr")
    expect(rows.locator("td:nth-child(1)")).to_have_text(["8 April 2021", "12 September 2013"])
    expect(rows.locator("td:nth-child(2)")).to_have_text(["Nur-Sultan", "Astana"])
    page.screenshot(path=artifacts / "places-astana.png")
    watched.assert_clean()


def test_people_show_change_of_role(watched, artifacts):
    """Mukhtar Tleuberdi's section lists his two transcripts, each with the role it gives him."""
    page = watched.page
    watched.goto("people/#mukhtar-tleuberdi")
    expect(page.locator("h2#mukhtar-tleuberdi")).to_contain_text("Mukhtar Tleuberdi")
    table = page.locator("xpath=//h2[@id='mukhtar-tleuberdi']/following::table[1]")
    assert heading_above(table) == "mukhtar-tleuberdi"
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(2)
    links = rows.locator("td:nth-child(2) a")
    assert [links.nth(i).get_attribute("href") for i in range(2)] == [
        f"../transcripts/{NUR_SULTAN}/", f"../transcripts/{MOSCOW_2020}/"]
    expect(rows.locator("td:nth-child(4)")).to_have_text(
        ["Deputy Prime Minister – Foreign Minister of Kazakhstan", "Foreign Minister of Kazakhstan"])
    table.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "people-tleuberdi.png")
    watched.assert_clean()
