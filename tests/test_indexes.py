"""Index pages: timeline, topics, people, places, home and its chart."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.build import load_corpus, render_site
from build_scripts.site.indexes.chart import render_year_chart, year_counts

INTERVIEW = "2020-11-interview-russia-kazakhstan-integration"


@pytest.fixture(scope="module")
def pages(corpus, rules):
    return render_site(list(corpus.values()), rules, added={})


def _section(page: str, heading: str) -> str:
    """Return the text from `heading` up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = page.index(heading)
    following = re.compile(r"^#{1,%d} " % level, re.M)
    nxt = following.search(page, start + len(heading))
    return page[start: nxt.start() if nxt else len(page)]


def test_timeline_places_the_undated_interview_in_november_2020_marked_approximate(pages):
    november = _section(pages["timeline/2020.md"], "## November 2020 {#y2020-11}")
    assert f"(../transcripts/{INTERVIEW}/index.md)" in november
    assert "**November 2020 \\(approximate\\)**" in november
    overview = _section(pages["timeline.md"], "## 2020 · 2 transcripts {#y2020}")
    assert "[November 2020](timeline/2020.md#y2020-11) (1)" in overview


def test_timeline_overview_stays_small_and_links_each_year_page(pages):
    """The overview lists no transcript (each year's page does), so it grows by a few lines a year."""
    overview = pages["timeline.md"]
    assert "(transcripts/" not in overview
    for year in ("2013", "2019", "2020", "2021"):
        assert f"(timeline/{year}.md)" in overview
        assert pages[f"timeline/{year}.md"].count("(../transcripts/") == overview.count(f"(timeline/{year}.md#")
    assert "[← 2019](2019.md) · [All years](../timeline.md#y2020) · [2021 →](2021.md)" in pages["timeline/2020.md"]


def test_timeline_years_count_and_order(pages):
    years = re.findall(r"^## (\d{4}) · (\d+) transcripts? \{#y\d{4}\}", pages["timeline.md"], re.M)
    assert years == [("2021", "1"), ("2020", "2"), ("2019", "1"), ("2013", "1")]
    assert "## Undated · 0 transcripts {#undated}" in pages["timeline.md"]


def test_timeline_lists_year_only_and_undated_transcripts(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Remarks, Moscow, May 5, 2019\n\nText.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Interview\n\nQuestion: Why?\n\nSergey Lavrov: Because.\n", encoding="utf-8")
    (corpus / "b.yml").write_text("date: {value: '2019', inferred: true, note: the year only}\n", encoding="utf-8")
    (corpus / "c.txt").write_text("Another interview\n\nQuestion: When?\n\nSergey Lavrov: Later.\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    assert not result.errors
    pages = render_site(result.transcripts, rules)
    year = pages["timeline/2019.md"]
    assert "(../transcripts/b/index.md)" in _section(year, "## 2019, month unknown {#y2019-unknown}")
    assert year.index("(../transcripts/a/index.md)") < year.index("(../transcripts/b/index.md)")
    assert "[The undated transcripts](timeline/undated.md)" in _section(pages["timeline.md"],
                                                                      "## Undated · 1 transcript {#undated}")
    assert "(../transcripts/c/index.md)" in pages["timeline/undated.md"]


def test_topics_index_counts_match_the_pages(pages, corpus):
    rows = re.findall(r"^\| \[[^\]]+\]\(([a-z0-9-]+)/index\.md\) \| (\d+) \|", pages["topics/index.md"], re.M)
    counts = {slug: int(n) for slug, n in rows}
    expected: dict[str, int] = {}
    for t in corpus.values():
        for m in t.assigned_topics():
            expected[m.slug] = expected.get(m.slug, 0) + 1
    assert counts == expected
    assert set(counts) == {name.split("/")[1] for name in pages if name.startswith("topics/")} - {"index.md"}


def test_topic_page_lists_its_transcripts_newest_first_with_resolved_links(pages):
    """The generator writes the listing itself (no engine plugin): newest first, undated last, each
    row linking to the page and to the questions where the topic comes up, for folder addresses."""
    page = pages["topics/covid-19/index.md"]
    assert page.index("The coronavirus pandemic") < page.index('<p class="topic-listing__count"><strong>3 transcripts')
    rows = re.findall(r'<tr><td class="topic-listing__date">([^<]+)</td><td><a href="([^"]+)">', page)
    assert rows == [("8 April 2021", "../../transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/"),
                    ("November 2020 (approximate)", "../../transcripts/2020-11-interview-russia-kazakhstan-integration/"),
                    ("9 September 2020", "../../transcripts/2020-09-09-moscow-lavrov-tleuberdi/")]
    assert '<a href="../../transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/#q3">' in page
    assert "material/tags" not in page


def test_people_merges_spellings_and_shows_roles_over_time(pages):
    people = pages["people.md"]
    tleuberdi = _section(people, "## Mukhtar Tleuberdi {#mukhtar-tleuberdi}")
    assert "- Deputy Prime Minister – Foreign Minister of Kazakhstan: 8 April 2021 (1 transcript)" in tleuberdi
    assert "- Foreign Minister of Kazakhstan: 9 September 2020 (1 transcript)" in tleuberdi
    assert 'Also written: Mukhtar Tileuberdi, Tleuberdi, <span lang="ru">Мухтар Тлеуберди</span>, ' in tleuberdi  # English, then Russian
    assert "| [Sergey Lavrov](#sergey-lavrov) | 5 | 5 | 0 |" in people


def test_alias_spelling_in_a_label_is_one_person(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Interview\n\nQuestion: Why?\n\nSergei Lavrov: Because.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Interview two\n\nQuestion: When?\n\nS. Lavrov: Later.\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    people = render_site(result.transcripts, rules)["people.md"]
    assert re.findall(r"^## .*", people, re.M) == ["## Sergey Lavrov {#sergey-lavrov}"]
    assert "| [Sergey Lavrov](#sergey-lavrov) | 2 | 2 | 0 |" in people


def test_places_lists_astana_once_with_the_name_used_at_the_time(pages):
    astana = _section(pages["places.md"], "## Astana {#astana}")
    assert re.search(r"\| 8 April 2021 \| Nur\\-Sultan \|", astana)  # Markdown-escaped hyphen
    assert re.search(r"\| 12 September 2013 \| Astana \|", astana)
    assert "Nur\\-Sultan (from 23 March 2019 until 17 September 2022)" in astana
    assert INTERVIEW in _section(pages["places.md"], "## Place not stated · 1 transcript {#unknown}")


def test_a_place_named_out_of_its_time_shows_the_name_then_in_use(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Remarks, Astana, May 5, 2020\n\nText.\n", encoding="utf-8")
    t = load_corpus(corpus, rules).transcripts[0]
    assert (t.value("place"), t.value("place_id")) == ("Nur-Sultan", "astana")
    assert t.meta["place"].note.startswith("the source calls it Astana; it was called Nur-Sultan on that date")


def test_home_page_counts_span_and_topics(pages):
    home = pages["index.md"]
    assert "**5 transcripts, 2013–2021.**" in home
    assert "## Newest transcripts" in home  # no git dates given
    assert "[Eurasian integration \\(EAEU\\)](topics/eurasian-integration/index.md) (4)" in home


def test_home_page_latest_additions_follow_git_dates(corpus, rules):
    added = {t.corpus_file: "2026-01-01" for t in corpus.values()}
    added["corpus/2013-09-12-astana-lavrov-idrisov.txt"] = "2026-02-01"
    home = render_site(list(corpus.values()), rules, added=added)["index.md"]
    latest = _section(home, "## Latest additions")
    rows = [line for line in latest.splitlines() if line.startswith("| ") and "transcripts/" in line]
    assert "2013-09-12-astana" in rows[0] and rows[0].endswith("| 1 February 2026 |")


def test_year_chart_has_a_linked_bar_per_year_and_zero_years_on_the_axis():
    counts = year_counts(["2013-09-12", "2019-01-28", "2020-09-09", "2020-11", "2021-04-08"])
    assert counts == {2013: 1, 2014: 0, 2015: 0, 2016: 0, 2017: 0, 2018: 0, 2019: 1, 2020: 2, 2021: 1}
    svg = render_year_chart(counts, "timeline/")
    assert re.findall(r'<a href="timeline/#y(\d{4})"', svg) == ["2013", "2019", "2020", "2021"]
    assert svg.count("<rect") == 4
    assert re.search(r'<title>2020: 2 transcripts</title><rect [^>]*height="110"/>', svg)  # the busiest year is tallest
    assert re.search(r'<title>2021: 1 transcript</title><rect [^>]*height="55"/>', svg)
    assert "2014: 0" in svg and "<script" not in svg


def test_empty_archive_still_builds_every_index(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    pages = render_site(load_corpus(corpus, rules).transcripts, rules)
    assert "**0 transcripts.**" in pages["index.md"]
    assert "## Undated · 0 transcripts {#undated}" in pages["timeline.md"]
    names = {p for p in pages if p.startswith("search/n-")}  # the registers' names, for any spelling of them
    assert set(pages) - names == {"index.md", "timeline.md", "people.md", "places.md", "topics/index.md", "glossary/index.md",
                          "search/index.js", "search/facet-values.js", "search/facets.js", "search/stemmer.js", "search/names.js",  # an empty index
                          "data.md", "data/corpus.jsonl.gz", "data/corpus.csv.gz", "data/turns.csv.gz",  # headers only
                          "feed.xml", "rss.xml"}  # no entries


def test_index_pages_use_generated_links_only(pages):
    for name, text in pages.items():
        if name.startswith("transcripts/") or not name.endswith(".md"):
            continue
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            path = target.split("#")[0]
            if path:
                resolved = (Path(name).parent / path).as_posix()
                assert Path(resolved).parts[0] != ".." and (resolved.endswith(".md") or resolved in pages), \
                    (name, target)
