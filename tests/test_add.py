"""`python -m build_scripts add`: a contributor's raw text into corpus/, with a clear report."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from build_scripts.contributors.add import add as add_text
from build_scripts.core.rules import DATA_DIR, load_rules
from conftest import CORPUS, build_site, copy_seeds, run

FIXTURES = Path(__file__).parent / "fixtures"
NEW = FIXTURES / "add" / "new-transcript.txt"
NEW_ID = "2021-10-04-moscow-lavrov-tleuberdi"


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the seeds that the test may add to."""
    return copy_seeds(tmp_path / "corpus")


def add(path: Path | str, corpus: Path, *extra: str, stdin: bytes | None = None):
    import subprocess
    return subprocess.run([sys.executable, "-m", "build_scripts", "add", str(path), "--corpus", str(corpus), *extra],
                          input=stdin, capture_output=True, cwd=Path(__file__).parent.parent, timeout=120)


def test_new_transcript_is_stored_byte_for_byte_and_reported(corpus):
    result = add(NEW, corpus)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode()
    stored = corpus / f"{NEW_ID}.txt"
    assert stored.read_bytes() == NEW.read_bytes()
    assert out.startswith(f"Stored corpus/{NEW_ID}.txt (")
    for line in ("  date          4 October 2021   [from the text, line 9: “4 October 202113:05”]",
                 "  time          13:05   [from the text, line 9: “4 October 202113:05”]",
                 "  place         Moscow   [from the text, line 7]",
                 "  event type    Press conference   [from the text, line 7: “news conference”]",
                 "  publisher     The Ministry of Foreign Affairs of the Russian Federation   [from the text, line 5]",
                 "  via (mirror)  GlobalSecurity.org   [from the text, line 25: “Join the GlobalSecurity.org mailing list”]",
                 "  source URL    not detected (fill in: sidecar key `source`)",
                 "  length        174 words, 2 question(s)",
                 "    line 1: UNITED24 - Make a charitable donation in support of Ukraine!   [globalsecurity/united24-banner]"):
        assert line in out, line
    assert "Mukhtar Tleuberdi (Foreign Minister of Kazakhstan)" in out
    assert "look like site chrome" not in out  # a known source: nothing to propose
    sidecar = (corpus / f"{NEW_ID}.yml").read_text(encoding="utf-8")
    assert "#   url: https://…" in sidecar and "\n# date:" not in sidecar  # only what is missing
    assert f"Wrote corpus/{NEW_ID}.yml with the missing keys commented out (to fill in: source)." in out


def test_added_transcript_gets_a_page(corpus, tmp_path):
    """As a contributor would: add, then build; the skeleton sidecar (all comments) is valid."""
    assert add(NEW, corpus).returncode == 0
    validate = run(sys.executable, "-m", "build_scripts", "validate", "--corpus", str(corpus))
    assert validate.returncode == 0, validate.stderr
    result = build_site(tmp_path / "build", corpus)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "build" / "site" / "transcripts" / NEW_ID / "index.html").read_text(encoding="utf-8")
    assert "the working group will meet before the end of the year" in page.lower()


def test_copy_of_a_seed_with_new_chrome_is_kept_as_a_copy_listed_nowhere(corpus, tmp_path):
    """A mirror's copy of a seed (new chrome, a changed first line) is stored and gets its page, which
    says what it copies; the timeline, topics, search, feeds and corpus data show only the original."""
    seed = "2020-09-09-moscow-lavrov-tleuberdi"
    result = add(FIXTURES / "add" / "seed-with-new-chrome.txt", corpus)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode("utf-8")
    stored = out.split("Stored corpus/")[1].split(" ")[0]
    copy_id = stored.rsplit(".", 1)[0]
    assert f"note: near-duplicate of corpus/{seed}.txt: " in out
    assert (corpus / stored).read_bytes() == (FIXTURES / "add" / "seed-with-new-chrome.txt").read_bytes()
    build = build_site(tmp_path / "build", corpus)
    assert build.returncode == 0, build.stderr
    site, docs = tmp_path / "build" / "site", tmp_path / "build" / "docs"
    page = (site / "transcripts" / copy_id / "index.html").read_text(encoding="utf-8")
    assert "Another copy." in page and f'href="../{seed}/"' in page
    original = (site / "transcripts" / seed / "index.html").read_text(encoding="utf-8")
    assert "Other copies" in original and f'href="../{copy_id}/"' in original
    assert '"copy_of":{"id":"' + seed in (docs / "transcripts" / f"{copy_id}.json").read_text(encoding="utf-8")
    listings = [p for p in docs.rglob("*") if p.is_file() and "transcripts" not in p.parts and p.name[0] != "."]
    assert len(listings) > 20
    listings += [p for p in (site / "topics").rglob("*.html")] + [site / "feed.xml", site / "rss.xml"]
    for path in listings:
        data = path.read_bytes()
        if path.suffix == ".gz":
            import gzip
            data = gzip.decompress(data)
        assert copy_id.encode() not in data, path
    assert seed.encode() in (site / "feed.xml").read_bytes()


def test_exact_copy_is_refused(corpus):
    result = add(CORPUS / "2013-09-12-astana-lavrov-idrisov.txt", corpus)
    assert result.returncode == 1
    assert "already in the corpus as corpus/2013-09-12-astana-lavrov-idrisov.txt" in result.stderr.decode()


def test_never_overwrites_a_file_with_the_same_name(corpus):
    (corpus / f"{NEW_ID}.txt").write_text("Sergey Lavrov's remarks to the press\n\nSergey Lavrov: Another text "
                                          "entirely, about something else on the same day.\n", encoding="utf-8")
    result = add(NEW, corpus)
    assert result.returncode == 0, result.stderr.decode()
    assert (corpus / f"{NEW_ID}-2.txt").read_bytes() == NEW.read_bytes()
    assert "Another text entirely" in (corpus / f"{NEW_ID}.txt").read_text(encoding="utf-8")


def test_standard_input_and_bad_encoding(corpus):
    ok = add("-", corpus, stdin=NEW.read_bytes())
    assert ok.returncode == 0 and (corpus / f"{NEW_ID}.txt").exists()
    bad = add("-", corpus, stdin="Лавров: текст\n".encode("cp1251"))
    assert bad.returncode == 1
    assert bad.stderr.decode().startswith("standard input:1: error: not UTF-8 text")
    assert "nothing was stored" in bad.stderr.decode()
    assert "Traceback" not in bad.stderr.decode()


# For each new-source shape: the lines the generic cleaner removes with no source profile, and the title.
SHAPES = {
    "presidential-site.txt": ([1, 2, 3, 4, 6, 16, 17, 18, 19], "Sergey Lavrov's remarks to the press following talks "
                              "with Foreign Minister of Kazakhstan Murat Nurtleu, Moscow, March 14, 2024"),
    "news-mirror.txt": ([1, 2, 3, 4, 5, 6, 16, 17], "Lavrov, Nurtleu discuss Eurasian integration at Astana talks"),
    "social-post.txt": ([1, 2, 3, 5, 11, 12, 13], "Foreign Minister Sergey Lavrov's answer to a media question during a "
                        "joint news conference with Foreign Minister of Kazakhstan Murat Nurtleu, Astana, June 3, 2024"),
    "pdf-derived.txt": ([1, 2, 4, 10, 16, 17, 17], "Interview of Foreign Minister Sergey Lavrov to the Kazakhstanskaya "
                        "Pravda newspaper"),
    "csv-export.txt": ([], "Joint press conference of Sergey Lavrov and Murat Nurtleu"),  # the header names the cells
}


@pytest.mark.parametrize("name", SHAPES)
def test_new_source_chrome_is_removed_without_rules(corpus, name):
    removed, title = SHAPES[name]
    result = add(FIXTURES / "new_sources" / name, corpus)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, result.stderr.decode()
    listed = out.split("Lines not shown as spoken text")[1].split("\n\n")[0]
    assert [int(line.split()[1].rstrip(":")) for line in listed.splitlines() if line.startswith("    line ")] == removed
    # Never a stamp or copyright year as the date.
    assert "  date          15 March 2024" not in out and "2024   [from the text, line 1" not in out
    if title:
        assert f"  title         {title}   [from the text" in out
    else:
        assert "  title         not detected (fill in: sidecar key `title`)" in out


def test_accepting_profiles_writes_none_when_the_generic_cleaner_removed_all_chrome(corpus, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    before = (data / "source_profiles.yml").read_bytes()
    try:
        outcome = add_text((FIXTURES / "new_sources" / "presidential-site.txt").read_bytes(), "presidential-site.txt",
                           corpus, accept_profile=True, data_dir=data)
        report = "\n".join(outcome.lines)
        assert outcome.status == 0 and outcome.stored.name == "2024-03-14-moscow-lavrov-nurtleu.txt"
        assert "Added this source profile" not in report and "Proposed source profile" not in report
        assert "  date          14 March 2024   [from the text, line 6: “March 14, 2024”]" in report
        assert "Lines not shown as spoken text (9):" in report  # 8 chrome lines and the title
        assert (data / "source_profiles.yml").read_bytes() == before
        load_rules(data)
    finally:
        load_rules.cache_clear()
