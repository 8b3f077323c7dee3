"""The path past Material for MkDocs' end of life: Zensical builds the archive from the same mkdocs.yml.

A smoke test, not a second product: the site must build, every transcript must
have its page with its title and turns, and the topic listings must be filled.
The differences found are listed on the site's About page "Site engines"
(build_scripts/pages/about/engines.md).
"""
from __future__ import annotations

import shutil

import pytest

from conftest import BIN, ROOT, SEED_IDS, copy_seeds, run


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("zensical")
    corpus = copy_seeds(work / "corpus")
    generated = run(str(BIN / "python"), "-m", "build_scripts", "generate", "--corpus", str(corpus),
                    "--out", str(work / "docs"))
    assert generated.returncode == 0, generated.stderr
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    (work / "build_scripts").symlink_to(ROOT / "build_scripts")  # the theme and hooks paths in mkdocs.yml
    built = run(str(BIN / "zensical"), "build", "-f", str(work / "mkdocs.yml"), cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    return work / "site"


@pytest.mark.parametrize("tid", SEED_IDS)
def test_every_transcript_has_its_page(zensical_site, corpus, tid):
    html = (zensical_site / "transcripts" / tid / "index.html").read_text(encoding="utf-8")
    title = corpus[tid].value("title")
    assert title.split(",")[0].replace("'", "&#39;") in html or title.split(",")[0] in html
    turns = sum(len(section.turns) for section in corpus[tid].sections)
    assert html.count('<div class="turn ') == turns


def test_topic_listing_is_filled(zensical_site):
    html = (zensical_site / "topics" / "covid-19" / "index.html").read_text(encoding="utf-8")
    assert "../../transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/#q3" in html


def test_search_index_is_written(zensical_site):
    assert (zensical_site / "search.json").stat().st_size > 10_000
