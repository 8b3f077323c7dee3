"""The glossary (build_scripts/data/glossary.yml): validated when loaded; each abbreviation marked
with its expansion in the transcripts and in all other Markdown, never inside a longer word and
never as markup from the text; the Glossary page; and the tooltip on hover and on keyboard focus
in headless Chromium, in both editions."""
from __future__ import annotations

import copy
import html
import re
import shutil
from pathlib import Path

import markdown
import pytest
from browsing import serve, stays_on_disk, stays_on_loopback, watched_page
from playwright.sync_api import expect

from build_scripts.build import render_site
from build_scripts.core.errors import RulesError
from build_scripts.core.escape import esc, md_inline
from build_scripts.pipeline.glossary import Matcher, focus_first, markdown_glossary, used, wrap
from build_scripts.site.integrity import TURN, turn_words
from build_scripts.core.model import Paragraph, Section, Turn
from build_scripts.pipeline.render import render_page, render_turn
from build_scripts.core.rules import DATA_DIR, GlossaryTerm, load_rules

BROKEN = Path(__file__).parent / "fixtures" / "glossary"
INTERVIEW = "2020-11-interview-russia-kazakhstan-integration"

# Each broken glossary file (tests/fixtures/glossary/, named after what is wrong) and the exact
# message load_rules gives; {path} is the file's path.
MESSAGES = {
    "unknown-key": "{path}:5: unknown key `topc` — did you mean `topic`? valid keys: abbr, expansion, note, topic",
    "duplicate-abbreviation": "{path}:5: 'SCO' is already listed on line 3 — merge the two entries",
    "missing-expansion": "{path}:3: this entry has no `expansion` — every entry needs `abbr` and `expansion`",
    "unknown-topic": "{path}:5: unknown topic 'cst' — did you mean `csto`? use a slug from topics.yml, "
                     "or leave `topic` out",
    "markup-in-expansion": "{path}:4: `expansion` contains < or > — leave them out: Material shows tooltips as HTML",
    "abbreviation-read-as-a-boolean": '{path}:3: `abbr` must be text — write it in quotes: abbr: "…" '
                                      "(YAML reads NO, ON, 1 as other things)",
    "lower-case-abbreviation": "{path}:3: abbreviation 'eaeu' is not letters and digits starting with a capital "
                               "— write it as the transcripts do, e.g. EAEU; plurals and other forms are not matched",
    "no-version": "{path}:1: expected a mapping with `version: 1` and a `glossary:` list — see the comments "
                  "at the top of the file",
    "several-problems": "{path}:5: unknown topic 'eurasian' — did you mean `eurasian-integration`? use a slug from "
                        "topics.yml, or leave `topic` out\n"
                        "{path}:6: this entry has no `expansion` — every entry needs `abbr` and `expansion`\n"
                        "{path}:7: 'EAEU' is already listed on line 3 — merge the two entries",
}


def test_every_broken_file_has_its_message():
    assert sorted(p.stem for p in BROKEN.glob("*.yml")) == sorted(MESSAGES)


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_broken_glossary_is_refused_naming_file_and_line(tmp_path, name):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    shutil.copy(BROKEN / f"{name}.yml", data / "glossary.yml")
    with pytest.raises(RulesError) as refused:
        load_rules(data)
    assert str(refused.value) == MESSAGES[name].format(path=data / "glossary.yml")


def test_the_archive_glossary_loads_with_topics_that_exist(rules):
    assert len(rules.glossary) >= 15
    assert {"EAEU", "CSTO", "SCO", "CIS", "OSCE", "CICA", "OPCW", "BTWC"} <= {t.abbr for t in rules.glossary}
    for term in rules.glossary:
        assert term.expansion and "<" not in term.expansion + term.note
        assert not term.topic or rules.topic(term.topic) is not None, term


def test_every_entry_is_used_in_the_corpus(whole_corpus, rules):
    """The glossary explains the transcripts: an abbreviation no transcript uses does not belong in it."""
    in_use = set().union(*(used(t, rules.glossary) for t in whole_corpus.values()))
    assert sorted(t.abbr for t in rules.glossary if t.abbr not in in_use) == []


TERMS = (GlossaryTerm("SCO", "Shanghai Cooperation Organisation"), GlossaryTerm("EU", "European Union"),
         GlossaryTerm("EAEU", "Eurasian Economic Union"), GlossaryTerm("NGO", "non-governmental organisation"))
SCO = '<abbr title="Shanghai Cooperation Organisation">SCO</abbr>'
EU = '<abbr title="European Union">EU</abbr>'
EAEU = '<abbr title="Eurasian Economic Union">EAEU</abbr>'


@pytest.mark.parametrize("text, expected", [
    ("the SCO summit", f"the {SCO} summit"),
    ("SCO", SCO),
    ("SCOT and TSCO and SCO2", "SCOT and TSCO and SCO2"),  # never inside a longer word
    ("the Sco and sco", "the Sco and sco"),  # case-sensitive
    ("NGOs", "NGOs"),  # plurals are not matched
    ("the EU’s and EU-wide", f"the {EU}’s and {EU}-wide"),
    ("EAEU, EU (EAEU)", f"{EAEU}, {EU} ({EAEU})"),  # the longer of two alike entries wins
    ("UN/SCO", f"UN/{SCO}"),
    ('<SCO> & "EU"', f"&lt;{SCO}&gt; &amp; &quot;{EU}&quot;"),  # the text is escaped first, then marked
    ("*[SCO]: <script>alert(1)</script>", f"*[{SCO}]: &lt;script&gt;alert(1)&lt;/script&gt;"),
])
def test_wrap_marks_whole_words_in_escaped_text(text, expected):
    assert Matcher(TERMS).wrap(esc(text)) == expected


def test_expansion_is_escaped_in_the_title():
    """rules.py refuses < and > in a glossary file; should one get past, it is still only text."""
    hostile = Matcher((GlossaryTerm("XSS", '<script>alert("x")</script> & more'),))
    assert hostile.wrap("XSS") == ('<abbr title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more">'
                                   "XSS</abbr>")


def test_marks_do_not_change_the_words():
    text = "The EAEU’s members, the SCO and the CSTO (UN-led), and NGOs."
    page = f'<div class="turn">{wrap(esc(text))}</div>'
    assert "<abbr" in page
    assert turn_words(page) == re.findall(r"\w+", text)


def test_a_definition_in_the_text_stays_text_and_turns_are_marked_once(corpus, rules):
    """`*[X]: …` in a transcript defines nothing, and the `abbr` extension, which marks all other
    Markdown, does not mark again what the generator marked in a turn."""
    t = copy.deepcopy(corpus[INTERVIEW])
    hostile = Turn("answer", "Sergey Lavrov", "Sergey Lavrov", None,
                   [Paragraph(1, "*[EAEU]: <script>alert(1)</script>", "q9-p1"),
                    Paragraph(2, "*[SCO]: Scripted Cooperation Organisation", "q9-p2")])
    t.sections.append(Section("q9", "*[CIS]: <b>defined in a heading</b> EAEU", [hostile]))
    md = render_page(t)
    built = markdown.Markdown(extensions=["abbr", "attr_list", "tables", "toc"],
                              extension_configs={"abbr": {"glossary": markdown_glossary()}}).convert(md)
    assert "<script" not in built and "<b>" not in built
    assert "Scripted" not in " ".join(re.findall(r'<abbr title="([^"]*)"', built))
    assert not re.search(r"<abbr[^>]*>[^<]*<abbr|<abbr[^>]*><abbr", built), "marked twice"
    assert '<abbr title="Eurasian Economic Union">EAEU</abbr>]: &lt;script&gt;' in built
    assert '<abbr title="Commonwealth of Independent States">CIS</abbr>' in built  # the heading, by the extension
    assert '<abbr title="Eurasian Economic Union">EAEU</abbr></h2>' in built
    assert TURN.findall(built) == TURN.findall(md)  # the turns reach the HTML exactly as generated


def test_render_turn_marks_paragraphs_but_not_link_text(rules):
    turn = Turn("answer", "Sergey Lavrov", "Sergey Lavrov", None, [Paragraph(1, "The CSTO and the OSCE.", "q1-p1")])
    out = render_turn(turn)
    assert '<abbr title="Collective Security Treaty Organization">CSTO</abbr>' in out
    assert '<abbr title="Organization for Security and Co-operation in Europe">OSCE</abbr>' in out


def test_focus_first_makes_one_mark_per_abbreviation_focusable_outside_links():
    page = ('<h1><abbr title="United Nations">UN</abbr></h1><p><a href="x"><abbr title="European Union">EU</abbr></a> '
            '<abbr title="United Nations">UN</abbr> <abbr title="European Union">EU</abbr> '
            '<abbr title="European Union">EU</abbr></p>')
    assert focus_first(page) == (
        '<h1><abbr tabindex="0" title="United Nations">UN</abbr></h1><p><a href="x"><abbr title="European Union">EU'
        '</abbr></a> <abbr title="United Nations">UN</abbr> <abbr tabindex="0" title="European Union">EU</abbr> '
        '<abbr title="European Union">EU</abbr></p>')


# ---- the built site (the seeds, `mkdocs build --strict`) ----

ABBR = re.compile(r'<abbr(?P<focus> tabindex="0")? title="(?P<title>[^"]*)">(?P<abbr>[^<]*)</abbr>')
XREF = re.compile(r'<a class="xref".*?</a>', re.S)


def test_every_abbreviation_in_a_transcript_is_marked_on_its_built_page(built_site, corpus, rules):
    expansions = {t.abbr: t.expansion for t in rules.glossary}
    for t in corpus.values():
        page = (built_site / "transcripts" / t.id / "index.html").read_text(encoding="utf-8")
        turns = XREF.sub(" ", " ".join(TURN.findall(page)))  # text of links to other transcripts is not marked
        marks = list(ABBR.finditer(turns))
        assert {m["abbr"] for m in marks} == used(t, rules.glossary), t.id
        for m in marks:
            assert html.unescape(m["title"]) == expansions[m["abbr"]]
        left = html.unescape(re.sub(r"<[^>]+>", " ", ABBR.sub(" ", turns)))
        unmarked = [a for a in expansions if re.search(rf"\b{a}\b", left)]
        assert unmarked == [], f"{t.id}: not marked: {unmarked}"
        assert not re.search(r"<abbr[^>]*>[^<]*<abbr|&lt;abbr", page), f"{t.id}: marked twice"
        focusable = [m["abbr"] for m in ABBR.finditer(page) if m["focus"]]
        assert sorted(focusable) == sorted(set(focusable)) and set(focusable) >= used(t, rules.glossary), t.id


def test_headings_and_index_pages_are_marked_by_the_abbr_extension(built_site):
    topic = (built_site / "topics" / "csto" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1[^>]*><abbr tabindex="0" title="Collective Security Treaty Organization">CSTO</abbr>', topic)
    assert "<title>CSTO - " in topic  # the page title is the text, not the markup
    topics = (built_site / "topics" / "index.html").read_text(encoding="utf-8")
    assert '(<abbr title="Eurasian Economic Union">EAEU</abbr>)</a>' in topics  # in a link: the link is the Tab stop
    assert 'the General Assembly, <abbr tabindex="0" title="United Nations">UN</abbr> envoys' in topics


def glossary_rows(page: str) -> dict[str, list[str]]:
    rows = [line.split(" | ") for line in page.splitlines() if line.startswith("| ") and not line.startswith("| Abbr")]
    return {cells[0].removeprefix("| "): cells[1:] for cells in rows}


def test_glossary_page_lists_every_entry_with_the_corpus_counts(corpus, rules):
    page = render_site(list(corpus.values()), rules, added={})["glossary/index.md"]
    rows = glossary_rows(page)
    assert list(rows) == sorted((t.abbr for t in rules.glossary), key=str.casefold)
    for term in rules.glossary:
        expansion, note, topic, count = rows[term.abbr]
        assert expansion == md_inline(term.expansion)
        # Counted here without the glossary module: transcripts whose spoken text has the word.
        spoken = {t.id: " ".join(p.text for s in t.sections for turn in s.turns for p in turn.paragraphs)
                  for t in corpus.values()}
        expected = sum(1 for text in spoken.values() if re.search(rf"\b{term.abbr}\b", text))
        assert expected >= 1
        assert count.rstrip(" |") == f'<a href="../search.html?q={term.abbr}">{expected}</a>', term.abbr
        assert (f"(../topics/{term.topic}/index.md)" in topic) if term.topic else topic == "—"
    assert "(../topics/" not in render_site([], rules, added={})["glossary/index.md"]  # no topic pages yet
    assert rows["EAEU"][3].rstrip(" |") == '<a href="../search.html?q=EAEU">4</a>'


# ---- in the browser: the tooltip on hover and on keyboard focus, in both editions ----

@pytest.fixture(scope="module", params=["served", "offline"])
def edition(request, built_site: Path):
    """(base address, whether pages are plain .html files, which requests may go out)."""
    if request.param == "served":
        with serve(built_site) as base:
            yield base, False, stays_on_loopback
    else:
        yield request.getfixturevalue("offline_copy").as_uri() + "/", True, stays_on_disk


@pytest.fixture
def watched(browser, edition):
    base, _, allowed = edition
    with watched_page(browser, base, allowed) as w:
        yield w


def page_path(edition, path: str) -> str:
    """`transcripts/x/` or `glossary/` on the web; `transcripts/x/index.html`, `glossary/index.html` offline
    (both are a folder's index page)."""
    if not edition[1]:
        return path
    return path + "index.html"


TOOLTIP = ".md-tooltip2--active"


@pytest.mark.browser
def test_glossary_tooltip_on_hover_and_on_keyboard_focus(watched, edition, artifacts):
    name = "offline" if edition[1] else "served"
    page = watched.page
    watched.goto(page_path(edition, f"transcripts/{INTERVIEW}/"))
    first = page.locator('.turn abbr[tabindex="0"]', has_text=re.compile(r"^EAEU$")).first
    expect(first).to_be_visible()

    # Keyboard: from the start of the paragraph, Tab reaches the abbreviation and its tooltip opens.
    paragraph = first.locator("xpath=ancestor::p[1]")
    paragraph.click(position={"x": 1, "y": 1})
    for _ in range(6):
        page.keyboard.press("Tab")
        if first.evaluate("el => el === document.activeElement"):
            break
    assert first.evaluate("el => el === document.activeElement"), "Tab never reached the abbreviation"
    expect(page.locator(TOOLTIP)).to_have_count(1)
    expect(page.locator(TOOLTIP)).to_have_text("Eurasian Economic Union")
    page.wait_for_timeout(400)  # the tooltip fades in
    page.screenshot(path=artifacts / f"glossary-tooltip-focus-{name}.png")
    page.keyboard.press("Tab")  # leaving it closes its tooltip (the next Tab stop may open its own)
    expect(page.locator(TOOLTIP, has_text="Eurasian Economic Union")).to_have_count(0)

    # Mouse: pointing at a later, unfocusable mark of another abbreviation opens its tooltip too.
    page.evaluate("document.activeElement.blur()")
    expect(page.locator(TOOLTIP)).to_have_count(0)
    later = page.locator(".turn abbr:not([tabindex])", has_text=re.compile(r"^SCO$")).first
    later.scroll_into_view_if_needed()
    later.hover()
    expect(page.locator(TOOLTIP)).to_have_text("Shanghai Cooperation Organisation")
    page.wait_for_timeout(400)
    page.screenshot(path=artifacts / f"glossary-tooltip-hover-{name}.png")
    watched.assert_clean()


@pytest.mark.browser
def test_glossary_page_links_each_count_to_a_search(watched, edition, rules, artifacts):
    name = "offline" if edition[1] else "served"
    page = watched.page
    watched.goto(page_path(edition, "glossary/"))
    expect(page.locator("article h1")).to_contain_text("Glossary")
    expect(page.locator("article table tbody tr")).to_have_count(len(rules.glossary))
    page.screenshot(path=artifacts / f"glossary-page-{name}.png", full_page=True)
    row = page.locator("article table tbody tr", has=page.locator("td:first-child", has_text=re.compile("^CSTO$")))
    expect(row.locator("td").nth(1)).to_have_text("Collective Security Treaty Organization")
    row.locator("td").nth(4).locator("a").click()
    expect(page.locator("#archive-search")).to_have_attribute("data-state", "done", timeout=20_000)
    expect(page.locator(".archive-result__title")).to_have_count(4)
    watched.assert_clean()
