"""Every spoken word of every corpus transcript reaches its built page, in order.

The lines a seed may lose are the hand-checked table in test_clean.REMOVED, not
the cleaner's own list; a transcript added later is held to the cleaner's list,
which test_clean checks accounts for every line.
"""
from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, run
from pagetext import missing_in_order, read_page, words
from test_clean import REMOVED

IDS = sorted(p.stem for p in CORPUS.rglob("*.txt"))


def _expected_words(t) -> list[str]:
    removed = {line for line, _ in REMOVED[t.id]} if t.id in REMOVED else {r.line for r in t.removals}
    return [w for line in t.lines if line.number not in removed for w in words(line.text)]


@pytest.mark.parametrize("tid", IDS)
def test_every_spoken_word_is_on_the_built_page_in_order(tid, whole_corpus, whole_site):
    t = whole_corpus[tid]
    html = (whole_site / "transcripts" / tid / "index.html").read_text(encoding="utf-8")
    page = words(" ".join(read_page(html).turns))
    expected = _expected_words(t)
    assert expected and (t.id not in REMOVED or len(expected) > 500)  # the seeds are long
    missing = missing_in_order(expected, page)
    assert not missing, f"{tid}: words lost or out of order (first few): {missing[:5]}"


@pytest.mark.parametrize("tid", IDS)
def test_title_is_the_page_heading(tid, whole_corpus, whole_site):
    html = (whole_site / "transcripts" / tid / "index.html").read_text(encoding="utf-8")
    assert words(" ".join(read_page(html).h1)) == words(whole_corpus[tid].header["title"].text)


def test_the_check_catches_a_lost_word():
    assert missing_in_order(["a", "b", "c"], ["a", "c"]) == [(1, "b")]
    assert missing_in_order(["a", "b"], ["b", "a"]) == [(1, "b")]


def test_generate_refuses_to_write_a_page_with_a_gap(monkeypatch, seed_corpus, tmp_path):
    """The check runs on every build: a renderer that drops a word stops generate, naming file and line."""
    from build_scripts import build

    real = build.render_page

    def lossy(t, links=None, tools=None):
        page = real(t, links, tools)
        return page.replace("> Ladies and gentlemen,", "> Ladies and,", 1) if t.id == "2020-09-09-moscow-lavrov-tleuberdi" else page

    monkeypatch.setattr(build, "render_page", lossy)
    out = tmp_path / "docs"
    result = build.generate(seed_corpus, out)
    assert [str(p) for p in result.errors] == [
        "corpus/2020-09-09-moscow-lavrov-tleuberdi.txt:3: error: the page would not show the word 'gentlemen' "
        "(word 3 of the text) — a bug in the generator; nothing was written — please report it with this file"]
    assert not out.exists()


def test_check_site_names_a_built_page_that_lost_a_word(tmp_path):
    """After any engine's build, `check-site` compares each built transcript page with its Markdown
    and exits 1 naming the page, the corpus file and the first lost word."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "transcripts" / "x").mkdir(parents=True)
    (site / "transcripts" / "x").mkdir(parents=True)
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    (docs / "transcripts" / "x" / "index.md").write_text(
        '---\nid: x\ncorpus_file: corpus/x.txt\n---\n\n<div class="turn turn--answer">\n'
        '<p id="q1-p1">We held talks &amp; agreed.</p>\n</div>\n', encoding="utf-8")
    built = site / "transcripts" / "x" / "index.html"
    built.write_text('<div class="turn turn--answer"><p id="q1-p1">We held talks &amp; agreed.</p></div>', encoding="utf-8")
    check = [sys.executable, "-m", "build_scripts", "check-site", str(site), "--docs", str(docs)]
    kept = run(*check)
    assert kept.returncode == 0, kept.stderr
    assert "checked 1 transcript page(s) of site/ against docs/: every word kept" in kept.stderr
    built.write_text('<div class="turn turn--answer"><p id="q1-p1">We held &amp; agreed.</p></div>', encoding="utf-8")
    lost = run(*check)
    assert lost.returncode == 1
    assert ("transcripts/x/index.md: error: the built page transcripts/x/index.html lost the word 'talks' (word 3 of "
            "the text of corpus/x.txt)") in lost.stderr
    built.unlink()
    gone = run(*check)
    assert gone.returncode == 1 and "the built site has no page for this transcript (corpus/x.txt)" in gone.stderr
