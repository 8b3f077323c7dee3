"""`python -m build_scripts validate`: every problem in the corpus in one run, and the exit status."""
from __future__ import annotations

import shutil
import sys

from conftest import CORPUS, run

SEED = "2020-09-09-moscow-lavrov-tleuberdi"


def validate(corpus) -> object:
    return run(sys.executable, "-m", "build_scripts", "validate", "--corpus", str(corpus))


def test_the_corpus_is_valid():
    result = validate(CORPUS)
    assert result.returncode == 0, result.stderr
    assert "checked 5 transcript(s) in corpus/: 0 error(s)" in result.stderr


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
