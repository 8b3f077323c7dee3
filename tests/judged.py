"""The judged query set (tests/search/judged.yml): queries a reader would type, each with the
transcripts (and sections) the reader expects, run on the real search page in Chromium.

Used by tests/test_judged_search.py (both editions, in `make test`) and by
benchmarks/judged_search.py (`make bench`), which print the same figures: how many queries
put the expected first result first, and the recall over every expected transcript.

The corpus is the five seeds and the transcript forms of tests/fixtures/forms (written for the
tests), stored under fixed names so that the set can name them.
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlencode, urlparse

import yaml

HERE = Path(__file__).resolve().parent
JUDGED = HERE / "search" / "judged.yml"
FORMS = HERE / "fixtures" / "forms"
CORPUS = HERE.parent / "corpus"
FORM_NAMES = {  # fixture -> its name in the judged corpus
    "browser-copy.txt": "2023-10-02-moscow-putin-khabar-interview.txt",
    "channel-post.txt": "2024-06-03-astana-lavrov-nurtleu.txt",
    "kremlin-ru-cell.txt": "2022-07-19-moscow-security-council-meeting.txt",
    "page-with-chrome.html": "2024-03-14-moscow-lavrov-nurtleu.html",
    "record-with-header.txt": "2021-03-14-lavrov-tleuberdi-talks.txt",
    "record.txt": "2024-05-16-moscow-putin-tokayev.txt",
    "wrapped-pdf.txt": "un-general-debate-statement.txt",
}
MORE_PAGES = 20  # "Show more results" clicks at most: the corpus is small


def make_corpus(dest: Path, forms: bool = True) -> Path:
    """The seeds and (unless not `forms`) the form fixtures in `dest`; returns it."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(CORPUS.iterdir()):
        shutil.copy(path, dest / path.name)
    for fixture, name in FORM_NAMES.items() if forms else ():
        shutil.copy(FORMS / fixture, dest / name)
    return dest


JUDGED_RU = HERE / "search" / "judged-ru.yml"
RU_FIXTURES = (HERE / "fixtures" / "pairs", HERE / "fixtures" / "ru-search")


def make_corpus_ru(dest: Path) -> Path:
    """The Russian set's corpus: an original with its translation, another English page of the same
    day, the Kremlin's Russian record and a Russian interview; returns `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for folder in RU_FIXTURES:
        for path in sorted(folder.glob("*.txt")):
            shutil.copy(path, dest / path.name)
    shutil.copy(FORMS / "kremlin-ru-cell.txt", dest / FORM_NAMES["kremlin-ru-cell.txt"])
    return dest


def load_queries(path: Path = JUDGED) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def address(query: dict) -> str:
    """search.html?q=…&speaker=… for a judged query."""
    params = {"q": query["q"]} if query.get("q") else {}
    params.update({k: str(v) for k, v in (query.get("filters") or {}).items()})
    return "search.html?" + urlencode(params)


_ID = re.compile(r"transcripts/([^/#?]+?)(?:/index\.html|\.html|/)?(?:#(.*))?$")


def _id_and_anchor(href: str) -> tuple[str, str | None]:
    match = _ID.search(unquote(urlparse(href).path) + ("#" + urlparse(href).fragment if urlparse(href).fragment else ""))
    return (match[1], match[2]) if match else (href, None)


@dataclass
class Outcome:
    query: dict
    results: list[str] = field(default_factory=list)
    sections: dict[str, set[str]] = field(default_factory=dict)
    did_you_mean: str | None = None
    status: str = ""

    @property
    def expected(self) -> list[str]:
        return list(self.query.get("expect") or [])

    @property
    def first_ok(self) -> bool:
        return self.results[:1] == self.expected[:1] if self.expected else not self.results

    @property
    def found(self) -> int:
        return sum(tid in self.results for tid in self.expected)

    @property
    def sections_ok(self) -> bool:
        return all(set(anchors) <= self.sections.get(tid, set())
                   for tid, anchors in (self.query.get("sections") or {}).items())

    @property
    def suggestion_ok(self) -> bool:
        wanted = self.query.get("did_you_mean")
        return wanted is None or (self.did_you_mean or "").lower() == str(wanted).lower()

    @property
    def ok(self) -> bool:
        return self.first_ok and self.found == len(self.expected) and self.sections_ok and self.suggestion_ok

    def line(self) -> str:
        mark = "ok  " if self.ok else "MISS"
        return (f"{mark} {address(self.query)[12:]:60.60} first {'ok' if self.first_ok else 'NO'}, "
                f"found {self.found}/{len(self.expected)}"
                + ("" if self.sections_ok else ", sections missing")
                + ("" if self.suggestion_ok else f", did you mean {self.did_you_mean!r}")
                + ("" if self.ok else f"; got {self.results[:4]}"))


def run_query(page, base: str, query: dict) -> Outcome:
    """Open the search page at the query's address and read every result, as a reader would."""
    page.goto(base + address(query))
    page.wait_for_function("['done', 'failed'].includes(document.getElementById('archive-search').dataset.state)",
                           timeout=20_000)
    for _ in range(MORE_PAGES):
        more = page.locator(".archive-search__more")
        if not more.is_visible():
            break
        count = page.locator(".archive-result").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('.archive-result:not(.archive-result--loading)').length > {count}"
                               " && document.getElementById('archive-search').dataset.state === 'done'", timeout=20_000)
    outcome = Outcome(query, status=page.locator(".archive-search__status").inner_text())
    for href in page.locator(".archive-result__title").evaluate_all("els => els.map(a => a.href)"):
        outcome.results.append(_id_and_anchor(href)[0])
    for href in page.locator(".archive-result__section-link").evaluate_all("els => els.map(a => a.href)"):
        tid, anchor = _id_and_anchor(href)
        outcome.sections.setdefault(tid, set()).add(anchor or "")
    suggestion = page.locator(".archive-search__did-you-mean a")
    outcome.did_you_mean = suggestion.inner_text() if suggestion.count() else None
    return outcome


def figures(outcomes: list[Outcome]) -> str:
    """The last line to quote: first results right, recall, every query right."""
    firsts = sum(o.first_ok for o in outcomes)
    found = sum(o.found for o in outcomes)
    expected = sum(len(o.expected) for o in outcomes)
    return (f"{len(outcomes)} judged queries: expected first result first {firsts}/{len(outcomes)}, "
            f"recall {found}/{expected} ({found / max(expected, 1):.1%}), "
            f"all right {sum(o.ok for o in outcomes)}/{len(outcomes)}")
