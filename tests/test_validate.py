"""`python -m build_scripts validate`: every problem in the corpus in one run, and the exit status."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

from pathlib import Path

from conftest import CORPUS, run

FIXTURES = Path(__file__).parent / "fixtures"

SEED = "2020-09-09-moscow-lavrov-tleuberdi"


def validate(corpus) -> object:
    return run(sys.executable, "-m", "build_scripts", "validate", "--corpus", str(corpus))


def test_the_corpus_is_valid():
    result = validate(CORPUS)
    assert result.returncode == 0, result.stderr
    count = len(list(CORPUS.glob("*.txt")))
    assert f"checked {count} transcript(s) in corpus/: 0 error(s)" in result.stderr


def test_seeds_without_a_source_url_get_a_warning(seed_corpus):
    """The seeds' texts do not give their addresses, and nobody has added them yet: a soft issue."""
    result = validate(seed_corpus)
    assert result.returncode == 0
    assert result.stderr.count("warning: no source URL") == 5
    assert result.stderr.splitlines()[-1] == "checked 5 transcript(s) in corpus/: 0 error(s), 5 warning(s)"


def test_every_problem_is_reported_in_one_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{SEED}.txt", corpus)
    (corpus / f"{SEED}.yml").write_text("date: 2020-09-09\nplcae: Moscow\n", encoding="utf-8")
    (corpus / "2020-01-01-cp1251.txt").write_bytes("Лавров\n".encode("cp1251"))
    (corpus / "stray.yml").write_text("note: x\n", encoding="utf-8")
    result = validate(corpus)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"corpus/{SEED}.yml:2: error: unknown key `plcae`") and "`place`" in line
               for line in lines), lines
    assert any(line.startswith("corpus/2020-01-01-cp1251.txt:1: error:") for line in lines), lines
    assert any(line.startswith("corpus/stray.yml: error: sidecar has no transcript beside it") for line in lines)
    assert lines[-1] == "checked 2 transcript(s) in corpus/: 3 error(s), 0 warning(s)"
    assert "Traceback" not in result.stderr


def test_near_duplicate_and_a_press_conference_without_turns(tmp_path):
    """The copy is the file that entered the corpus later (here: not committed yet), whatever its name."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / f"{SEED}.txt", corpus)
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "seed"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True, env=env)
    shutil.copy(FIXTURES / "add" / "seed-with-new-chrome.txt", corpus / "2020-09-09-mirror-copy.txt")
    (corpus / "2022-01-01-no-labels.txt").write_text(
        "Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, January 1, 2022\n\n"
        "We held talks today and agreed on many things, which I will now describe in some detail.\n",
        encoding="utf-8")
    (corpus / "2022-01-01-no-labels.yml").write_text("source: {url: 'https://example.org/a'}\n", encoding="utf-8")
    result = validate(corpus)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert ("corpus/2020-09-09-mirror-copy.txt: warning: near-duplicate of corpus/2020-09-09-moscow-lavrov-tleuberdi.txt: "
            "100% of the shorter text's five-word runs are the same; its page says it is a copy") in result.stderr, lines
    assert any(line.startswith("corpus/2022-01-01-no-labels.txt:3: error: a press conference with no speaker turns")
               for line in lines), lines


def test_broken_corpus_fixture_every_message_exactly():
    """One problem per file (tests/fixtures/broken_corpus/); all of them reported in one run, word for word."""
    folder = FIXTURES / "broken_corpus"
    result = validate(folder / "corpus")
    assert result.returncode == 1
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stderr.splitlines() == expected
    assert len([line for line in expected if ": error: " in line]) == 11  # (a near-duplicate is a warning)
