"""`python -m build_scripts import`: a researcher's CSV or JSON Lines export into corpus/, all rows or none."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

from build_scripts.contributors.importer import import_export, parse_date
from build_scripts.core.rules import load_rules
from conftest import copy_seeds, run

FIXTURES = Path(__file__).parent / "fixtures" / "import"
BROKEN = FIXTURES / "broken"
CASPIAN_TEXT = ("Sergey Lavrov: Colleagues, we discussed the Caspian Sea and transport corridors.\n"
                "Question: And the CSTO?\nSergey Lavrov: It works as it should.")
FORMULA_TEXT = '=HYPERLINK("http://example.org","click")\nSergey Lavrov: The grain deal was discussed at length.'
FORMULA_TITLE = '=HYPERLINK("http://example.org","Remarks on grain")'


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A copy of the seeds that the test may import into."""
    return copy_seeds(tmp_path / "corpus")


def import_file(path: Path, corpus: Path, *mapping: str):
    return run(sys.executable, "-m", "build_scripts", "import", str(path), "--corpus", str(corpus), *mapping)


def listing(corpus: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(corpus.iterdir())}


def sidecar(corpus: Path, stem: str) -> dict:
    return yaml.safe_load((corpus / f"{stem}.yml").read_text(encoding="utf-8"))


def test_csv_with_guessed_mapping(corpus):
    before = listing(corpus)
    result = import_file(FIXTURES / "export.csv", corpus)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "columns used: text ← 'body' (guessed), title ← 'headline' (guessed), date ← 'date' (guessed), "
        "url ← 'link' (guessed). Choose others with --text, --title, --date, --url, --place, --speaker COLUMN.",
        "line 2: stored corpus/2022-05-16-caspian-sea.txt — title, date, url from columns",
        "line 5: stored corpus/2022-05-16-hyperlink-http-example-org.txt — title, date from columns; "
        "url 'not an address' is not an http(s) address, left out",
        "line 7: stored corpus/undated-wheat-harvest.txt — title from columns; "
        "date 'next Tuesday' is not a date, left out",
        "imported 3 of 3 row(s) from export.csv into corpus/. Next: `make validate`, check each sidecar, "
        "then `make build` and look at the pages.",
    ]
    assert (corpus / "2022-05-16-caspian-sea.txt").read_bytes() == CASPIAN_TEXT.encode("utf-8")
    assert sidecar(corpus, "2022-05-16-caspian-sea") == {
        "title": {"value": "Lavrov's remarks on the Caspian Sea", "from": "column 'headline' of export.csv, line 2"},
        "date": {"value": "2022-05-16", "from": "column 'date' of export.csv, line 2"},
        "source": {"url": "https://example.org/caspian"},
    }
    assert "# source.url from column 'link' of export.csv, line 2\n" in \
        (corpus / "2022-05-16-caspian-sea.yml").read_text(encoding="utf-8")
    assert "date" not in sidecar(corpus, "undated-wheat-harvest")  # not a date: left out, not guessed
    assert set(listing(corpus)) - set(before) == {f"{stem}{suffix}" for suffix in (".txt", ".yml") for stem in (
        "2022-05-16-caspian-sea", "2022-05-16-hyperlink-http-example-org", "undated-wheat-harvest")}
    validate = run(sys.executable, "-m", "build_scripts", "validate", "--corpus", str(corpus))
    assert validate.returncode == 0, validate.stderr


def test_formula_cells_stay_text_in_the_file_and_the_sidecar(corpus):
    assert import_file(FIXTURES / "export.csv", corpus).returncode == 0
    assert (corpus / "2022-05-16-hyperlink-http-example-org.txt").read_bytes() == FORMULA_TEXT.encode("utf-8")
    assert sidecar(corpus, "2022-05-16-hyperlink-http-example-org")["title"]["value"] == FORMULA_TITLE
    assert (corpus / "undated-wheat-harvest.txt").read_text(encoding="utf-8").startswith("@everyone Sergey")
    assert sidecar(corpus, "undated-wheat-harvest")["title"]["value"] == "-3 for the wheat harvest"


def test_explicit_mapping_and_a_semicolon_dialect(corpus):
    result = import_file(FIXTURES / "custom-columns.csv", corpus,
                         "--text", "Rede", "--title", "Überschrift", "--date", "Tag", "--url", "Quelle")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "columns used: text ← 'Rede', title ← 'Überschrift', date ← 'Tag', url ← 'Quelle'. "
        "Choose others with --text, --title, --date, --url, --place, --speaker COLUMN.",
        "line 2: stored corpus/2023-10-12-pressekonferenz-astana.txt — title, date, url from columns"]
    assert (corpus / "2023-10-12-pressekonferenz-astana.txt").read_text(encoding="utf-8") == \
        "Sergey Lavrov: Wir haben über Transit gesprochen; danke."
    assert sidecar(corpus, "2023-10-12-pressekonferenz-astana")["title"] == {
        "value": "Pressekonferenz in Astana", "from": "column 'Überschrift' of custom-columns.csv, line 2"}


def test_json_lines(corpus):
    result = import_file(FIXTURES / "export.jsonl", corpus)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == "line 1: stored corpus/2021-04-08-nur-sultan-talks-tleuberdi.txt — title, date, url, place from columns"
    assert lines[2] == "line 3: stored corpus/undated-second.txt — title from columns"
    first = json.loads((FIXTURES / "export.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert (corpus / "2021-04-08-nur-sultan-talks-tleuberdi.txt").read_text(encoding="utf-8") == first["content"]
    assert sidecar(corpus, "2021-04-08-nur-sultan-talks-tleuberdi")["place"] == {
        "value": "Nur-Sultan", "from": "column 'location' of export.jsonl, line 1"}


def test_a_byte_order_mark_is_not_part_of_the_first_column(corpus):
    result = import_file(FIXTURES / "bom.csv", corpus)
    assert result.returncode == 0, result.stderr
    assert "title ← 'title' (guessed)" in result.stdout
    assert (corpus / "undated-interview-eurasian-union.txt").read_bytes() == \
        "Sergey Lavrov: The Eurasian Union grows.".encode("utf-8")


# Each broken export, named after what is wrong with it: the exact message. Nothing is imported.
BROKEN_CASES = {
    "bad-quoting.csv": ["bad-quoting.csv:3: error: bad CSV quoting (',' expected after '\"') — a quote inside a "
                        "quoted cell must be doubled (\"\"); re-export the file from the spreadsheet"],
    "unclosed-quote.csv": ["unclosed-quote.csv:2: error: a quoted cell starts in this record and is never closed — "
                           "close the quote, or double each quote inside a quoted cell (\"\")"],
    "extra-cell.csv": ["extra-cell.csv:2: error: this row has 3 cell(s) but the header has 2 column(s) — "
                       "check the row's quoting and separators"],
    "invalid-json.jsonl": ["invalid-json.jsonl:2: error: not valid JSON (Expecting ',' delimiter, column 33) — "
                           "each line must be one JSON object, e.g. {\"text\": \"…\", \"title\": \"…\"}"],
    "no-text-column.csv": ["no-text-column.csv:1: error: no text column (looked for text, body, content, transcript) "
                           "— name it with --text COLUMN; the columns are: 'headline', 'summary'"],
    "empty-text.csv": ["empty-text.csv:3: error: the text cell (column 'text') is empty — fill it in, or delete the row",
                       "empty-text.csv:4: error: the text cell (column 'text') is empty — fill it in, or delete the row"],
    "not-utf8.csv": ["not-utf8.csv:3: error: not UTF-8 text (byte 0xe9); it looks like Latin-1 or Windows-1252 — "
                     "re-save the file as UTF-8 text, e.g. `iconv -f CP1252 -t UTF-8 old.txt > new.txt`"],
}


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_malformed_export_imports_nothing(corpus, name):
    before = listing(corpus)
    result = import_file(BROKEN / name, corpus)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*BROKEN_CASES[name], f"nothing was imported: {len(BROKEN_CASES[name])} "
                                                                f"problem(s) in {name}"]
    assert listing(corpus) == before


def test_every_broken_fixture_has_a_case():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(BROKEN_CASES)


def test_unknown_column_in_the_mapping(corpus):
    result = import_file(FIXTURES / "export.csv", corpus, "--title", "Headline")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == ("export.csv:1: error: there is no column 'Headline' for --title — "
                                             "the columns are: 'headline', 'body', 'date', 'link'")


def test_text_already_in_the_corpus_is_skipped_and_reported(corpus):
    assert import_file(FIXTURES / "export.csv", corpus).returncode == 0
    before = listing(corpus)
    again = import_file(FIXTURES / "export.csv", corpus)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[1:] == [
        "line 2: skipped — its text is already in the corpus as corpus/2022-05-16-caspian-sea.txt",
        "line 5: skipped — its text is already in the corpus as corpus/2022-05-16-hyperlink-http-example-org.txt",
        "line 7: skipped — its text is already in the corpus as corpus/undated-wheat-harvest.txt",
        "imported 0 of 3 row(s) from export.csv into corpus/. Next: `make validate`, check each sidecar, "
        "then `make build` and look at the pages."]
    assert listing(corpus) == before


def test_never_overwrites_and_never_numbers_an_undated_transcript(corpus):
    (corpus / "2022-05-16-caspian-sea.txt").write_text("Sergey Lavrov: something else.\n", encoding="utf-8")
    assert import_file(FIXTURES / "export.csv", corpus).returncode == 0
    assert (corpus / "2022-05-16-caspian-sea.txt").read_text(encoding="utf-8") == "Sergey Lavrov: something else.\n"
    assert (corpus / "2022-05-16-caspian-sea-2.txt").read_bytes() == CASPIAN_TEXT.encode("utf-8")
    assert not list(corpus.glob("undated-transcript*"))


def test_a_failed_write_removes_what_was_written(corpus, monkeypatch):
    before = listing(corpus)
    real_open = Path.open

    def failing_open(self, mode="r", *args, **kwargs):
        if mode == "xb" and self.name.startswith("undated-wheat-harvest"):
            raise OSError(28, "No space left on device", str(self))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    outcome = import_export(FIXTURES / "export.csv", corpus, {}, load_rules())
    monkeypatch.undo()
    assert outcome.status == 1
    assert [str(p) for p in outcome.problems] == [
        f"export.csv: error: cannot write {corpus}/undated-wheat-harvest.txt: No space left on device; the files "
        "written before it were removed — check the corpus folder and run it again"]
    assert listing(corpus) == before


def test_provenance_from_reaches_the_generated_page(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert import_file(FIXTURES / "export.csv", corpus).returncode == 0
    result = run(sys.executable, "-m", "build_scripts", "generate", "--corpus", str(corpus),
                 "--out", str(tmp_path / "docs"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "docs" / "transcripts" / "2022-05-16-caspian-sea" / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(page.split("---\n")[1])
    assert front["provenance"]["title"] == {"source": "sidecar", "file": "corpus/2022-05-16-caspian-sea.yml",
                                            "line": 3, "from": "column 'headline' of export.csv, line 2"}
    assert front["provenance"]["date"]["from"] == "column 'date' of export.csv, line 2"
    record = json.loads((tmp_path / "docs" / "transcripts" / "2022-05-16-caspian-sea.json").read_text(encoding="utf-8"))
    assert record["provenance"]["title"]["from"] == "column 'headline' of export.csv, line 2"
    formula = json.loads((tmp_path / "docs" / "transcripts" / "2022-05-16-hyperlink-http-example-org.json")
                         .read_text(encoding="utf-8"))
    assert formula["title"] == FORMULA_TITLE


@pytest.mark.parametrize("cell, day", [
    ("2022-05-16T18:00:00Z", "2022-05-16"),
    ("2022-05-16T23:30:00-05:00", "2022-05-16"),  # the day as written, in its own zone
    ("2022-05-16", "2022-05-16"),
    ("2022-05", "2022-05"),
    ("2022", "2022"),
    ("16 May 2022", "2022-05-16"),
    ("May 16, 2022", "2022-05-16"),
    ("16/05/2022", "2022-05-16"),
    ("03/04/2022", None),  # 3 April or 4 March: not guessed
    ("May 2022", None),  # no day: not made up
    ("next Tuesday", None),
    ("2022-02-31", None),
    ("2022-13", None),
])
def test_parse_date(cell, day):
    assert parse_date(cell) == day
