"""Links between transcripts: references in the text, time order, related pages."""
from __future__ import annotations

from pathlib import Path

from build_scripts.build import load_corpus, render_site
from build_scripts.pipeline.links import link_transcripts

SEP_2020 = "2020-09-09-moscow-lavrov-tleuberdi"
APR_2021 = "2021-04-08-nur-sultan-lavrov-tleuberdi"
INTERVIEW = "2020-11-interview-russia-kazakhstan-integration"
IN_TIME = ["2013-09-12-astana-lavrov-idrisov", "2019-01-28-moscow-lavrov-atamkulov", SEP_2020, INTERVIEW, APR_2021]


def _links(corpus, rules):
    return link_transcripts(list(corpus.values()), rules)


def test_references_in_the_seeds_are_exactly_the_two_real_ones(corpus, rules):
    links = _links(corpus, rules)
    found = sorted((tid, ref.anchor, _text(corpus[tid], ref), ref.target)
                   for tid, page in links.items() for refs in page.references.values() for ref in refs)
    assert found == [
        (INTERVIEW, "q5-p1", "Last September", SEP_2020),   # "…at a meeting with … Mukhtar Tleuberdi"
        (APR_2021, "opening-p3", "September 9, 2020", SEP_2020),  # "…we met in Moscow"
    ]


def _text(t, ref) -> str:
    paragraph = next(p for s in t.sections for turn in s.turns for p in turn.paragraphs if p.anchor == ref.anchor)
    return paragraph.text[ref.start:ref.end]


def test_reference_is_a_link_on_the_page_and_a_backlink_on_the_target(corpus, rules):
    pages = render_site(list(corpus.values()), rules, added={})
    assert (f'on <a class="xref" href="../{SEP_2020}/" title="In this archive (same date, and the sentence names '
            f'“met” and Moscow)">September 9, 2020</a>, we met in Moscow') in pages[f"transcripts/{APR_2021}/index.md"]
    target = pages[f"transcripts/{SEP_2020}/index.md"]
    assert f"](../{APR_2021}/index.md#opening-p3) — in the opening remarks" in target
    assert f"](../{INTERVIEW}/index.md#q5-p1) — in question 5" in target


def test_previous_and_next_follow_time_order(corpus, rules):
    links = _links(corpus, rules)
    assert [links[t].previous.id if links[t].previous else None for t in IN_TIME] == [None] + IN_TIME[:-1]
    assert [links[t].next.id if links[t].next else None for t in IN_TIME] == IN_TIME[1:] + [None]


def test_related_prefers_shared_counterparts(corpus, rules):
    related = _links(corpus, rules)[SEP_2020].related
    first, reasons = related[0]
    assert first.id == APR_2021 and reasons[0] == "same counterpart: Mukhtar Tleuberdi"
    assert all(other.id != SEP_2020 for other, _ in related)


def _write(corpus: Path, name: str, title: str, body: str) -> None:
    (corpus / f"{name}.txt").write_text(f"{title}\n\nLadies and gentlemen,\n\n{body}\n", encoding="utf-8")


def test_a_date_alone_is_not_a_reference(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "a", "Talks with Foreign Minister Erlan Idrisov, Moscow, September 9, 2020", "We talked.")
    _write(corpus, "b", "Remarks, Sochi, May 5, 2021",
           "The treaty was signed on September 9, 2020, in Geneva.\n\n"  # no meeting word, other place
           "On September 9, 2020, we met in Moscow.\n\n"                # a reference
           "Last September, at a meeting, we agreed.")                    # a month, but nobody named
    result = load_corpus(corpus, rules)
    links = link_transcripts(result.transcripts, rules)
    refs = [ref for refs in links["b"].references.values() for ref in refs]
    assert [(ref.anchor, ref.target) for ref in refs] == [("opening-p3", "a")]


def test_an_undated_transcript_has_no_neighbours_but_says_why(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "a", "Remarks, Moscow, September 9, 2020", "Text.")
    (corpus / "undated.txt").write_text("Question: Why?\n\nSergey Lavrov: Because.\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    links = link_transcripts(result.transcripts, rules)
    assert links["undated"].previous is None and links["undated"].next is None
    page = render_site(result.transcripts, rules)["transcripts/undated/index.md"]
    assert "has no date, so it has no place in the time order" in page
    assert 'href="../../timeline/undated/"' in page


def test_a_much_cited_meeting_lists_the_latest_twenty(tmp_path, rules):
    """However many transcripts refer to a meeting, its page lists the latest CITED_SHOWN and the count."""
    from build_scripts.pipeline.render_links import CITED_SHOWN

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "a", "Talks with Foreign Minister Erlan Idrisov, Moscow, September 9, 2020", "We talked.")
    for day in range(1, 26):
        _write(corpus, f"b{day:02}", f"Remarks number {day}, Sochi, May {day}, 2021",
               f"On September 9, 2020, we met in Moscow. Point {day} of the talks.")
    result = load_corpus(corpus, rules)
    assert not result.errors
    page = render_site(result.transcripts, rules, added={})["transcripts/a/index.md"]
    assert f"**Referred to in** 25 transcripts; the latest {CITED_SHOWN}:" in page
    assert page.count("](../b") == CITED_SHOWN
    assert "](../b25/index.md#" in page and "](../b06/index.md#" in page and "](../b05/index.md#" not in page
