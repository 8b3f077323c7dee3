"""The generator and the site build, run as a user runs them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts import build
from conftest import CORPUS, build_site, run


def _tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def _generate(*args: str) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "build_scripts", "generate", *args)


def test_strict_build_has_no_warnings(tmp_path):
    """All of corpus/, as make build does."""
    result = build_site(tmp_path, CORPUS)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    pages = {p.parent.name for p in (tmp_path / "site" / "transcripts").glob("*/index.html")}
    assert pages == {p.stem for p in CORPUS.glob("*.txt")}


def test_two_runs_give_byte_identical_docs_and_site(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for workdir in (first, second):
        assert build_site(workdir).returncode == 0
    assert _tree(first / "docs") == _tree(second / "docs")
    assert _tree(first / "site") == _tree(second / "site")


def test_no_page_mentions_a_third_party_host(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net"):
            assert host not in html, f"{page} refers to {host}"


def test_explain_lists_every_removed_line_with_file_line_and_rule(tmp_path, seed_corpus):
    result = _generate("--corpus", str(seed_corpus), "--out", str(tmp_path / "docs"), "--explain")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "corpus/2019-01-28-moscow-lavrov-atamkulov.txt:6: removed by mid-ru/language-switcher " \
           "[site chrome]: • en-GB1 ru-RU1" in lines
    assert "corpus/2021-04-08-nur-sultan-lavrov-tleuberdi.txt:82: removed by globalsecurity/mailing-list " \
           "[site chrome; metadata: via]: Join the GlobalSecurity.org mailing list" in lines
    removed = [l for l in lines if ": removed by " in l]
    assert len(removed) == 20  # 1 + 6 + 5 + 3 + 5, the table in test_clean.REMOVED


def test_bad_files_are_refused_clearly_and_the_rest_still_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = (CORPUS / "2020-09-09-moscow-lavrov-tleuberdi.txt").read_bytes()
    (corpus / "good.txt").write_bytes(good)
    (corpus / "cp1251.txt").write_bytes("Заголовок\n\nТекст\n".encode("cp1251"))
    (corpus / "nul-byte.txt").write_bytes(b"Title\n\nText\x00more\n")
    (corpus / "empty.txt").write_bytes(b"  \n\n")
    (corpus / "Bad Name.txt").write_bytes(good)
    (corpus / "date-conflict.txt").write_text(
        "8 April 2021\n\nRemarks at a news conference, Moscow, April 9, 2021\n\nText.\n", encoding="utf-8")
    result = _generate("--corpus", str(corpus), "--out", str(tmp_path / "docs"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = sorted(l for l in result.stderr.splitlines() if ": error: " in l)
    assert errors == [
        "corpus/Bad Name.txt: error: file name 'Bad Name.txt' cannot be a page address — rename it to "
        "lower-case letters, digits and single hyphens, at most 100 characters, "
        "e.g. 2020-09-09-moscow-lavrov-tleuberdi.txt",
        "corpus/cp1251.txt:1: error: not UTF-8 text (byte 0xc7); it looks like Windows-1251 (Cyrillic) — "
        "re-save the file as UTF-8 text, e.g. `iconv -f CP1251 -t UTF-8 old.txt > new.txt`",
        "corpus/date-conflict.txt:1: error: the dateline says 2021-04-08 but the title says 2021-04-09 — "
        "check the source and set the right `date:` in date-conflict.yml",
        "corpus/empty.txt: error: the file has no text — paste the transcript into it, or delete it",
        "corpus/nul-byte.txt:3: error: contains a NUL byte, so it is binary data, not plain text — "
        "give the transcript as a plain UTF-8 text file",
    ]
    assert sorted(p.name for p in (tmp_path / "docs" / "transcripts").iterdir()) == ["good", "good.json", "good.txt"]
    assert (tmp_path / "docs" / "transcripts" / "good" / "index.md").is_file()


def test_a_failed_write_leaves_the_previous_docs_untouched(tmp_path, monkeypatch):
    out = tmp_path / "docs"
    build.generate(CORPUS, out)
    (out / "index.md").write_text("an older home page\n", encoding="utf-8")  # so there is work to do
    before = _tree(out)
    calls = {"n": 0}
    real_write = Path.write_bytes

    def failing_write(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # the one page that changed
            raise OSError("disk full")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    with pytest.raises(OSError):
        build.generate(CORPUS, out)
    monkeypatch.undo()
    assert _tree(out) == before
    # no staging folder left behind (the stat cache beside docs/ is generate's, on purpose)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".docs-stat.json", "docs"]


def test_an_unchanged_corpus_rewrites_nothing(tmp_path):
    out = tmp_path / "docs"
    build.generate(CORPUS, out)
    inode = out.stat().st_ino
    build.generate(CORPUS, out)
    assert out.stat().st_ino == inode, "docs/ was swapped although nothing changed"
    (out / "transcripts" / "extra" / "index.md").parent.mkdir()
    (out / "transcripts" / "extra" / "index.md").write_text("stale\n", encoding="utf-8")
    build.generate(CORPUS, out)
    assert not (out / "transcripts" / "extra").exists(), "a stale page survived"


def test_generate_never_touches_the_corpus(tmp_path):
    before = _tree(CORPUS)
    assert _generate("--out", str(tmp_path / "docs")).returncode == 0
    assert _tree(CORPUS) == before


def test_unknown_command_is_a_usage_error():
    result = run(sys.executable, "-m", "build_scripts", "frobnicate")
    assert result.returncode == 2 and "invalid choice" in result.stderr and "Traceback" not in result.stderr


def test_a_bug_on_one_file_is_reported_against_it_and_the_rest_build(tmp_path, monkeypatch, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (CORPUS / "2020-09-09-moscow-lavrov-tleuberdi.txt").read_bytes()
    (corpus / "a.txt").write_bytes(text)
    (corpus / "b.txt").write_bytes(text)
    real = build.structure_turns

    def buggy(t, r):
        if t.id == "a":
            raise KeyError("boom")
        return real(t, r)

    monkeypatch.setattr(build, "structure_turns", buggy)
    result = build.load_corpus(corpus, rules)
    assert [str(p) for p in result.errors] == [
        "corpus/a.txt: error: internal error while building this file (KeyError: 'boom') — "
        "please report it as a bug and attach the file"]
    assert [t.id for t in result.transcripts] == ["b"]


def test_rules_file_errors_are_clear(tmp_path):
    from build_scripts.core.errors import RulesError
    from build_scripts.core.rules import load_profiles
    bad = tmp_path / "source_profiles.yml"
    bad.write_text("version: 1\nprofiles:\n  - id: x\n    name: X\n    rules:\n"
                   "      - {id: r, zone: middle, match: 'a', signature: true}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"profile 'x' rule 'r': zone must be one of \('head', 'tail'\)"):
        load_profiles(bad)
    bad.write_text("version: 1\nprofiles:\n  - id: x\n    name: X\n    rules:\n"
                   "      - {id: r, zone: head, match: '(', signature: true}\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"bad regular expression"):
        load_profiles(bad)
