"""The search index and what keeps pages from growing with the archive.

Browser tests of the search page itself are in test_editions.py (both editions)
and test_injection.py (hostile text in results)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build_site

from build_scripts.site.indexes import search as search_index
from build_scripts.site.indexes.search_terms import stem
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


def test_the_index_holds_what_was_said_with_its_sections(corpus):
    """Title, headings, speaker labels and every paragraph; section anchors at their first word."""
    t = corpus["2021-04-08-nur-sultan-lavrov-tleuberdi"]
    content, anchors = search_index.spoken_text(t)
    for section in t.sections:
        for turn in section.turns:
            for paragraph in turn.paragraphs:
                assert paragraph.text in content
    words = content.split()
    assert [a[0] for a in anchors] == [s.anchor for s in t.sections]
    for anchor, heading, position in anchors:
        assert " ".join(words[position:position + len(heading.split())]) == heading
    assert "Related transcripts" not in content  # the apparatus is not searchable


def test_every_seed_word_is_in_its_shard_under_its_stem_with_who_said_it(corpus):
    files = search_index.render_search(list(corpus.values()))
    index = search_index.read_script(files["search/index.js"])
    speakers = search_index.read_script(files["search/facet-values.js"])["values"]["speaker"]
    shards = {key: search_index.read_script(files[f"search/t-{name}.js"]) for key, name in index["shards"].items()}
    for shard in shards.values():  # pages are written as gaps (search.js adds them up on loading)
        for per_form in shard["postings"]:
            for postings in per_form:
                for i in range(3, len(postings), 3):
                    postings[i] += postings[i - 3]
    for number in range(len(index["words"])):
        page = search_index.read_script(files[f"search/p-{number}.js"])
        for word in set(search_index.words(page["content"])):
            root = stem(word)
            shard = shards[max((k for k in shards if root.startswith(k)), key=len)]
            at = shard["terms"].index(root)
            postings = shard["postings"][at][shard["forms"][at].index(word)]
            assert number in postings[0::3], (word, number)
    lavrov = 1 + speakers.index("Sergey Lavrov")
    shard = shards[max((k for k in shards if "browbeat".startswith(k)), key=len)]
    at = shard["terms"].index(stem("browbeat"))
    postings = shard["postings"][at][shard["forms"][at].index("browbeat")]
    assert postings[1::3] == [lavrov]  # "browbeat everyone" is Lavrov's answer


def test_a_large_shard_is_split_by_the_next_letter(monkeypatch, corpus):
    monkeypatch.setattr(search_index, "SHARD_BYTES", 2_000)
    files = search_index.render_search(list(corpus.values()))
    keys = search_index.read_script(files["search/index.js"])["shards"]
    assert len(keys) > 26 and max(map(len, keys)) >= 2  # the first letters alone would give at most 26 or so
    # every shard short of the deepest key stays near the limit (the size is estimated while splitting)
    for key, name in keys.items():
        if len(key) < search_index.MAX_KEY:
            assert len(files[f"search/t-{name}.js"]) < 2_000 * 2, key


def test_facets_come_from_the_transcripts(corpus):
    files = search_index.render_search(list(corpus.values()))
    values = search_index.read_script(files["search/facet-values.js"])
    assert values["values"]["year"] == ["2013", "2019", "2020", "2021"] and values["counts"]["year"] == [1, 1, 2, 1]
    assert "Interview" in values["values"]["event"] and "COVID-19" in values["values"]["topic"]
    facets = search_index.read_script(files["search/facets.js"])
    assert set(facets) == {"year", "event", "topic", "speaker", "language", "day"}
    assert values["values"]["language"] == ["English"] and values["counts"]["language"] == [5]
    assert facets["day"].split(",")[0] == "20130912" and "Sergey Lavrov" in values["values"]["speaker"]
    years = [values["values"]["year"][search_index.FACET_ALPHABET.index(code)] for code in facets["year"].split(",")]
    assert years == ["2013", "2019", "2020", "2020", "2021"]  # pages oldest first
    assert search_index._facet_code([2, 90], 91) == "$~" and search_index._facet_code([2, 95], 96) == "2 95"


def test_index_files_are_scripts_that_cannot_close_a_script_element():
    text = search_index.script("page", 0, {"content": "</script><script>alert(1)</script>"})
    assert "</script" not in text and text.startswith('ArchiveSearchData("page",0,{')
    assert search_index.read_script(text) == {"content": "</script><script>alert(1)</script>"}


def test_web_index_pages_are_the_transcripts_with_their_sections(built_site: Path):
    pages = {url: anchors for _, url, anchors in search_index.indexed_pages(built_site, file_urls=False)}
    assert sorted(pages) == sorted(f"transcripts/{tid}/" for tid in (
        "2013-09-12-astana-lavrov-idrisov", "2019-01-28-moscow-lavrov-atamkulov", "2020-09-09-moscow-lavrov-tleuberdi",
        "2020-11-interview-russia-kazakhstan-integration", "2021-04-08-nur-sultan-lavrov-tleuberdi"))
    assert pages["transcripts/2020-11-interview-russia-kazakhstan-integration/"][:3] == ["q1", "q2", "q3"]


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


def test_people_and_places_list_the_latest_50_of_each(large_site: Path):
    """Sergey Lavrov speaks in all 120 synthetic transcripts; his table stops at 50 and says where the rest are."""
    people = (large_site / "people/index.html").read_text(encoding="utf-8")
    lavrov = people[people.index('id="sergey-lavrov"'):]
    lavrov = lavrov[:lavrov.index("</table>")]
    assert "The latest 50 of 120; the 70 earlier ones are in the" in lavrov
    assert lavrov.count("<tr>") == 51  # the header and 50 transcripts
    places = (large_site / "places/index.html").read_text(encoding="utf-8")
    for table in places.split("<table>")[2:]:  # after the summary table
        assert table[:table.index("</table>")].count("<tr>") <= 51


def test_no_template_reads_what_the_build_hook_lets_go_of():
    """The hook drops each converted transcript's Markdown and evidence records to keep a
    10,000-page build in memory; a template that read them would silently show nothing."""
    from build_scripts.site import mkdocs_hooks
    import material

    released = [*mkdocs_hooks.APPARATUS, "terms", "markdown"]
    templates = [*(ROOT / "build_scripts" / "theme").rglob("*.html"),
                 *(Path(material.__file__).parent / "templates").rglob("*.html")]
    assert len(templates) > 50
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for key in released:
            assert not re.search(rf"\.{key}\b", text), f"{path.name} reads {key}"
