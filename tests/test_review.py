"""The pull-request summary: each added or changed transcript's extracted metadata and removed lines."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT, run

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
ATAMKULOV = "2019-01-28-moscow-lavrov-atamkulov"
IDRISOV = "2013-09-12-astana-lavrov-idrisov"
NUR_SULTAN = "2021-04-08-nur-sultan-lavrov-tleuberdi"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository whose main branch holds two seeds; the working tree is a contributor's change."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for stem in (IDRISOV, ATAMKULOV):
        for file in CORPUS.glob(f"{stem}.*"):
            shutil.copy(file, corpus)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "two seeds")
    return tmp_path


def review(repo: Path, base: str = "main") -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "build_scripts", "review", "--base", base, "--corpus", str(repo / "corpus"))


def section(text: str, file: str) -> str:
    start = text.index(f"### `{file}`")
    end = text.find("\n### ", start + 1)
    return text[start:end if end > 0 else None]


def test_added_transcript_shows_facts_with_provenance_and_removed_lines(repo):
    shutil.copy(CORPUS / f"{NUR_SULTAN}.txt", repo / "corpus")
    result = review(repo)
    assert result.returncode == 0, result.stderr
    summary = f"| `corpus/{NUR_SULTAN}.txt` | added | page `transcripts/{NUR_SULTAN}` |"
    assert summary in result.stdout
    added = section(result.stdout, f"corpus/{NUR_SULTAN}.txt")
    for row in (f"| Date | 8 April 2021 | from the text, corpus/{NUR_SULTAN}.txt:9: “8 April 202114:32” |",
                f"| Time | 14:32 | from the text, corpus/{NUR_SULTAN}.txt:9: “8 April 202114:32” |",
                "| Counterparts | Mukhtar Tleuberdi (Deputy Prime Minister – Foreign Minister of Kazakhstan) |",
                "| Source URL | unknown (not stated in the text) | sidecar key 'source.url' would set it |",
                "| Length | 2,513 words, 5 questions, 6 sections | spoken text: lines 11–80 |",
                "| 1 | `globalsecurity/united24-banner` | UNITED24 - Make a charitable donation in support of Ukraine! |",
                "| 9 | `header/dateline` | 8 April 202114:32 |",
                "<details><summary>6 line(s) removed as site chrome, title or dateline</summary>"):
        assert row in added, row
    assert "COVID-19 (23)" in added
    assert IDRISOV not in result.stdout and ATAMKULOV not in result.stdout  # unchanged: not listed


def test_sidecar_change_lists_its_transcript_and_a_refusal_shows_the_error(repo):
    (repo / "corpus" / f"{ATAMKULOV}.yml").write_text("topics: {add: [syrai]}\n", encoding="utf-8")
    with (repo / "corpus" / f"{IDRISOV}.yml").open("a", encoding="utf-8") as sidecar:
        sidecar.write('note: "Checked against the ministry\'s archive | <b>bold</b>"\n')
    result = review(repo)
    assert result.returncode == 0, result.stderr
    assert f"| `corpus/{ATAMKULOV}.txt` | changed | **refused**: see below |" in result.stdout
    refused = section(result.stdout, f"corpus/{ATAMKULOV}.txt")
    assert f"corpus/{ATAMKULOV}.yml:1: error: unknown topic `syrai` — did you mean `syria`?" in refused
    assert "will have no page until the problems above are fixed" in refused
    changed = section(result.stdout, f"corpus/{IDRISOV}.txt")
    # Text from the corpus is escaped for the Markdown table: no raw HTML, no broken columns.
    assert ("| Editor's note | Checked against the ministry's archive \\| &lt;b&gt;bold&lt;/b&gt; | from the sidecar, "
            f"corpus/{IDRISOV}.yml:") in changed


def test_deleted_transcript_and_nothing_changed(repo):
    assert "No transcript or sidecar was added or changed." in review(repo).stdout
    (repo / "corpus" / f"{ATAMKULOV}.txt").unlink()
    result = review(repo)
    assert f"| `corpus/{ATAMKULOV}.txt` | deleted | deleted |" in result.stdout
    assert f"### `corpus/{ATAMKULOV}.txt`" not in result.stdout


def test_unknown_base_is_a_clear_error(repo):
    result = review(repo, base="origin/nosuchbranch")
    assert result.returncode == 2
    assert "cannot compare corpus/ with origin/nosuchbranch" in result.stderr
    assert "fetch-depth: 0" in result.stderr and "Traceback" not in result.stderr


def test_make_review_appends_to_the_job_summary(tmp_path):
    """The target the pull-request workflow runs, on this repository."""
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = run("make", "--no-print-directory", "review", "BASE=HEAD", f"SUMMARY={summary}", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## Transcripts in this change (compared with `HEAD`)")
