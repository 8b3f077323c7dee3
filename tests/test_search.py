"""The search index and what keeps pages from growing with the archive.

Browser tests of the search page itself are in test_editions.py (both editions)
and test_injection.py (hostile text in results)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build_site

from build_scripts import search_index
from build_scripts.rules import load_rules
from benchmarks.synth import synthesise

MATERIAL = Path(__import__("material").__file__).parent / "templates"
ARCHIVE_BLOCK = re.compile(r"    \{#- archive:.*?-#\}\n    \{% include \"partials/archive-search-form.html\" %\}\n", re.S)


def test_header_is_materials_but_for_the_search_box():
    """Our partials/header.html is Material's with one marked block: an upgrade of Material that
    changes its header shows up here instead of silently diverging."""
    ours = (ROOT / "build_scripts/theme/partials/header.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/header.html").read_text(encoding="utf-8")
    assert ARCHIVE_BLOCK.search(ours)
    ours = ARCHIVE_BLOCK.sub("", ours.split("-#}\n", 1)[1])
    theirs = theirs.split("-#}\n", 1)[1]
    search_block = re.compile(r'    \{% if "material/search" in config.plugins %\}.*?\n    \{% endif %\}\n', re.S)
    assert search_block.search(theirs)
    assert ours == search_block.sub("", theirs)


def test_words_fold_case_and_accents_and_split_on_punctuation():
    assert search_index.words("Lavrov’s Nur-Sultan, CAFÉ «Astana» 2021") == [
        "lavrov", "s", "nur", "sultan", "cafe", "astana", "2021"]


def test_topic_names_can_be_joined_for_the_page_metadata():
    """main.html joins a page's topics with TOPIC_SEPARATOR; no topic name may contain it."""
    for topic in load_rules().topics:
        assert search_index.TOPIC_SEPARATOR.strip() not in topic.name, topic.name


def test_facets_come_from_the_page_metadata():
    record = {"meta": {"year": "2020", "event": "Interview", "topics": "COVID-19; CSTO"}}
    assert search_index.page_facets(record) == {"year": ["2020"], "event": ["Interview"], "topic": ["COVID-19", "CSTO"]}
    assert search_index.page_facets({"meta": {}}) == {"year": ["Undated"], "event": ["Unknown"], "topic": []}


def test_pagefind_failure_is_a_clear_error(tmp_path):
    with pytest.raises(search_index.SearchIndexError, match=r"Pagefind could not index the site: .* run `make build`"):
        search_index.run_pagefind(tmp_path)


def test_web_index_pages_are_the_transcripts_with_their_sections(built_site: Path):
    pages = {url: anchors for _, url, anchors in search_index.indexed_pages(built_site)}
    assert sorted(pages) == sorted(f"transcripts/{tid}/" for tid in (
        "2013-09-12-astana-lavrov-idrisov", "2019-01-28-moscow-lavrov-atamkulov", "2020-09-09-moscow-lavrov-tleuberdi",
        "2020-11-interview-russia-kazakhstan-integration", "2021-04-08-nur-sultan-lavrov-tleuberdi"))
    assert pages["transcripts/2020-11-interview-russia-kazakhstan-integration/"][:3] == ["q1", "q2", "q3"]
    facets = (built_site / "search/facets.js").read_text(encoding="utf-8")
    assert '"names":["year","event","topic"]' in facets and '"Interview"' in facets


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    """120 synthetic transcripts (benchmarks/synth.py), built like the archive."""
    work = tmp_path_factory.mktemp("large")
    synthesise(120, work / "corpus")
    result = build_site(work, work / "corpus")
    assert result.returncode == 0, result.stderr
    return work / "site"


def test_topic_listing_stops_at_the_latest_100_and_links_to_the_search(large_site: Path):
    biggest, rows = None, 0
    for page in (large_site / "topics").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        count = int(re.search(r'topic-listing__count"><strong>(\d+) transcript', html)[1])
        if count > rows:
            biggest, rows, text = page, count, html
    assert rows > 100, "the synthetic corpus should give a topic more than 100 transcripts"
    assert text.count('<td class="topic-listing__date">') == 100
    name = re.search(r"<h1[^>]*>(.*?)<", text)[1]
    assert f'href="../../search.html?topic={name.replace(" ", "%20")}"' in text, biggest
    assert f"all {rows} in the search" in text
