"""Read anywhere: an axe-core audit (from npm, node_modules/axe-core) of the pages a reader meets,
in both editions, with no serious or critical violation; the archive used with the keyboard
alone; and the print layout, printed to PDF by Chromium and read back with pypdfium2."""
from __future__ import annotations

import json
import re

import pypdfium2 as pdfium
import pytest
from conftest import ROOT
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "transcript": "transcripts/2020-09-09-moscow-lavrov-tleuberdi/",
    "timeline": "timeline/",
    "topic": "topics/covid-19/",
    "search": "search.html?q=vaccine",
}


def audit(page) -> list[dict]:
    """axe-core's violations on the page as it stands."""
    assert AXE.is_file(), "run `make test` (it installs axe-core from npm with `npm ci`)"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_accessibility_violation(watched, edition, artifacts, name):
    page = watched.page
    page.goto(edition.base + edition.url(PAGES[name]))
    if name == "search":
        expect(page.locator("#archive-search")).to_have_attribute("data-state", re.compile("done|failed"))
    violations = audit(page)
    (artifacts / f"axe-{edition.name}-{name}.json").write_text(json.dumps(violations, indent=1), encoding="utf-8")
    serious = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
               for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(serious)


def test_the_audit_finds_a_violation_when_there_is_one(watched, edition):
    """The audit is real: an image with no text alternative is reported as critical."""
    page = watched.page
    page.goto(edition.base + edition.url(PAGES["home"]))
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
    assert any(v["id"] == "image-alt" and v["impact"] == "critical" for v in audit(page))


def tab_to(page, selector: str, limit: int = 60) -> int:
    """Press Tab until the focused element matches `selector`; return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_keyboard_alone_from_home_to_a_passage(watched, edition, artifacts):
    """Skip link first; search from the header; a result opens the question; its copy-link
    button takes focus with a visible outline and cites the passage."""
    page = watched.page
    page.goto(edition.base + edition.url(""))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")  # "Skip to content"
    tab_to(page, "#archive-search-header")
    page.keyboard.type("vaccine")
    page.keyboard.press("Enter")
    expect(page.locator("#archive-search")).to_have_attribute("data-state", "done")
    tab_to(page, "#archive-search a[href*='transcripts/']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"transcripts/"))
    tab_to(page, "button.passage-link", limit=120)
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    anchor = page.evaluate("document.activeElement.dataset.anchor")
    expect(page.locator(".cite__what")).to_have_text(f"passage #{anchor}")
    page.screenshot(path=str(artifacts / f"keyboard-{edition.name}.png"))


def test_print_keeps_metadata_and_citation_and_drops_navigation(watched, edition, artifacts):
    page = watched.page
    page.goto(edition.base + edition.url(PAGES["transcript"]))
    page.emulate_media(media="print")
    visible = {s: page.locator(s).first.is_visible() for s in
               (".md-header", ".md-sidebar--primary", ".md-footer", ".transcript-meta", ".cite__format--main",
                "button.passage-link", ".cite__more", ".turn")}
    assert visible == {".md-header": False, ".md-sidebar--primary": False, ".md-footer": False,
                       ".transcript-meta": True, ".cite__format--main": True, "button.passage-link": False,
                       ".cite__more": False, ".turn": True}
    pdf_path = artifacts / f"print-{edition.name}.pdf"
    page.pdf(path=str(pdf_path), format="A4")
    pdf = pdfium.PdfDocument(str(pdf_path))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Opening remarks" in text and "Corpus file" in text and "Cite this transcript" in text
    assert "Lavrov, Sergey. “" in text and "Accessed " in text
    assert "Table of contents" not in text and "Skip to content" not in text and "Search transcripts" not in text
    for number in (0, len(pdf) - 1):  # the first page and the one with the citation, to look at
        pdf[number].render(scale=1.2).to_pil().save(artifacts / f"print-{edition.name}-page{number + 1}.png")
