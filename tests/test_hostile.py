"""Hostile and broken input (tests/fixtures/hostile/): every file gets a safe page or a clear refusal.

Each case's expected outcome is in tests/fixtures/hostile/cases.yml. The whole
corpus is generated and built once, as `make build` would, in a scratch folder.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from build_scripts.build import load_corpus
from conftest import BIN, PUBLISHED, run, tree, write_config
from hostile import cases
from pagetext import TurnMarkup, missing_in_order, read_page, words

CASES = cases()
PAGES = sorted(name for name, case in CASES.items() if case.get("page"))
REFUSED = sorted(name for name, case in CASES.items() if "refused" in case)
@pytest.fixture(scope="module")
def hostile(hostile_build):
    return hostile_build


def test_the_corpus_has_forty_cases_or_more_each_with_an_outcome(hostile):
    files = sorted(p.relative_to(hostile.corpus).as_posix() for p in hostile.corpus.rglob("*") if p.suffix in (".txt", ".html"))
    assert files == sorted(CASES)
    assert len(CASES) >= 40 and len(PAGES) >= 20 and len(REFUSED) >= 15


def test_no_traceback_refusals_exit_one_and_the_site_still_builds(hostile):
    assert hostile.generate.returncode == 1
    assert "Traceback" not in hostile.generate.stderr + hostile.mkdocs.stderr
    assert hostile.mkdocs.returncode == 0, hostile.mkdocs.stderr
    assert f"generated {len(PAGES)} transcript page(s) into docs/; {len(REFUSED)} file(s) refused" \
        in hostile.generate.stderr


@pytest.mark.parametrize("name", REFUSED)
def test_refused_with_its_exact_message(hostile, name):
    assert CASES[name]["refused"] in hostile.generate.stderr.splitlines()
    stem = Path(name).stem
    if stem not in {Path(p).stem for p in PAGES}:  # (a duplicate id's twin has the page)
        assert not (hostile.workdir / "docs" / "transcripts" / stem / "index.md").exists()


@pytest.mark.parametrize("name", PAGES)
def test_page_built_with_its_warning(hostile, name):
    stem = Path(name).stem
    assert (hostile.workdir / "site" / "transcripts" / stem / "index.html").is_file()
    if "warning" in CASES[name]:
        assert CASES[name]["warning"] in hostile.generate.stderr.splitlines()
    else:
        assert f"corpus/{name}:" not in hostile.generate.stderr


def test_nothing_is_written_outside_docs_and_site(hostile):
    after = tree(hostile.workdir)
    new_or_changed = {path for path, data in after.items() if hostile.before.get(path) != data}
    # docs/, site/, and generate's record of docs/'s file sizes and times, kept beside docs/
    # (not in it, so docs/ stays the same bytes for the same corpus)
    assert new_or_changed and all(path.startswith(("docs/", "site/")) or path == ".docs-stat.json"
                                  for path in new_or_changed)
    assert set(hostile.before) <= set(after)  # nothing deleted: the corpus is untouched


@pytest.fixture(scope="module")
def transcripts(hostile, rules):
    return {t.id: t for t in load_corpus(hostile.corpus, rules).transcripts}


@pytest.mark.parametrize("name", PAGES)
def test_every_spoken_word_reaches_the_page_in_order(hostile, transcripts, name):
    t = transcripts[Path(name).stem]
    removed = {r.line for r in t.removals}
    expected = [w for line in t.lines if line.number not in removed for w in words(line.text)]
    html = (hostile.workdir / "site" / "transcripts" / t.id / "index.html").read_text(encoding="utf-8")
    missing = missing_in_order(expected, words(" ".join(read_page(html).turns)))
    assert expected and not missing, f"words lost or out of order: {missing[:5]}"


@pytest.mark.parametrize("name", PAGES)
def test_no_element_or_attribute_comes_from_the_text(hostile, name):
    html = (hostile.workdir / "site" / "transcripts" / Path(name).stem / "index.html").read_text(encoding="utf-8")
    parser = TurnMarkup()
    parser.feed(html)
    assert parser.turns >= 2
    assert not parser.found, parser.found


def test_validate_lists_every_problem_in_one_run(hostile):
    result = run(sys.executable, "-m", "build_scripts", "validate", "--corpus", str(hostile.corpus))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for name in REFUSED:
        assert CASES[name]["refused"] in lines, name


def test_same_hostile_input_gives_byte_identical_docs_and_site(hostile, tmp_path):
    again = tmp_path / "again"
    shutil.copytree(hostile.corpus, again / "corpus")
    write_config(again)
    run(sys.executable, "-m", "build_scripts", "generate", "--corpus", str(again / "corpus"), "--out", str(again / "docs"), env=PUBLISHED)
    built = run(str(BIN / "mkdocs"), "build", "--strict", "-f", str(again / "mkdocs.yml"), env=PUBLISHED)
    assert built.returncode == 0, built.stderr
    for folder in ("docs", "site"):
        assert tree(again / folder) == tree(hostile.workdir / folder), folder


def test_the_feeds_of_the_hostile_site_are_well_formed_and_keep_their_specs(hostile):
    """Every hostile title and opening passes into feed.xml and rss.xml; a control character in
    one would make the whole feed unreadable to every reader."""
    from test_feeds import atom_problems, rss_problems

    site = hostile.workdir / "site"
    assert atom_problems((site / "feed.xml").read_bytes(), absolute=True) == []
    assert rss_problems((site / "rss.xml").read_bytes(), absolute=True) == []
    atom = (site / "feed.xml").read_text(encoding="utf-8")
    assert "transcripts/control-characters/" in atom and "We held useful talks today. A form feed from a PDF" in atom
