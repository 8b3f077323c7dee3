"""generate does no work when nothing changed, and rewrites only the pages a change touches."""
from __future__ import annotations

import shutil
import sys
import time

from conftest import CORPUS, copy_seeds, run

IDRISOV = "2013-09-12-astana-lavrov-idrisov"


def generate(corpus, out):
    return run(sys.executable, "-m", "build_scripts", "generate", "--corpus", str(corpus), "--out", str(out))


def stamps(out):
    return {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*.md")}


def test_nothing_changed_is_reported_and_skipped(tmp_path):
    corpus, out = copy_seeds(tmp_path / "corpus"), tmp_path / "docs"
    assert generate(corpus, out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    inodes = stamps(out)
    again = generate(corpus, out)
    assert again.returncode == 0
    assert again.stderr.strip().endswith("docs/ is up to date: nothing changed since the last run")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert stamps(out) == inodes


def test_a_hand_edited_page_is_regenerated(tmp_path):
    corpus, out = copy_seeds(tmp_path / "corpus"), tmp_path / "docs"
    generate(corpus, out)
    page = out / "transcripts" / IDRISOV / "index.md"
    good = page.read_bytes()
    page.write_bytes(good.replace(b"Idrisov", b"Somebody"))
    result = generate(corpus, out)
    assert "generated 5 transcript page(s)" in result.stderr
    assert page.read_bytes() == good


def test_one_changed_transcript_rewrites_only_the_pages_that_depend_on_it(tmp_path):
    corpus, out = copy_seeds(tmp_path / "corpus"), tmp_path / "docs"
    generate(corpus, out)
    inodes = stamps(out)
    sidecar = corpus / f"{IDRISOV}.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + 'note: "Checked against the ministry\'s archive."\n',
                       encoding="utf-8")
    time.sleep(0.01)
    assert "generated 5 transcript page(s)" in generate(corpus, out).stderr
    rewritten = sorted(name for name, inode in stamps(out).items() if inodes.get(name) != inode)
    # the note shows on its page only (and in its data files, whose sizes the data page gives)
    assert [name for name in rewritten if name != "data.md"] == [f"transcripts/{IDRISOV}/index.md"]


def test_refusals_are_reported_again_when_nothing_changed(tmp_path):
    corpus, out = copy_seeds(tmp_path / "corpus"), tmp_path / "docs"
    (corpus / "empty.txt").write_bytes(b"")
    first = generate(corpus, out)
    again = generate(corpus, out)
    assert first.returncode == again.returncode == 1
    assert "corpus/empty.txt: error: the file has no text" in again.stderr
    assert "(1 file(s) refused then, listed above)" in again.stderr
    shutil.rmtree(out)
    assert "generated 5 transcript page(s)" in generate(corpus, out).stderr


def test_a_hand_edit_to_docs_is_found_even_with_the_stat_shortcut(tmp_path):
    """The size-and-time shortcut skips hashing only while no file of docs/ changed: an edit
    (which changes the file's time) sends generate back to the content check and a rebuild."""
    from build_scripts import build
    from build_scripts.core.incremental import stat_cache

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "docs"
    build.generate(corpus, out)
    assert stat_cache(out).is_file()
    assert build.generate(corpus, out).up_to_date
    page = out / "index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("Sergey Lavrov", "Someone Else", 1), encoding="utf-8")
    result = build.generate(corpus, out)
    assert not result.up_to_date and page.read_text(encoding="utf-8") == original
