"""`check-site`: the built site checked against docs/ after any engine's build (MkDocs, ProperDocs,
Zensical), the step that was an MkDocs hook.

Every transcript page of the site must show every word of the turns of its Markdown page, in
order (integrity.py); a page the engine left out or lost a word of is named with its Markdown
file and the first missing word. With `--links`, every internal link and resource resolves and
nothing loads from another host (checklinks.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import Problem
from .integrity import first_missing, turn_words
from . import checklinks

CORPUS_FILE = re.compile(r"^corpus_file: (.+)$", re.M)


def built_page(site: Path, tid: str) -> Path | None:
    """The built HTML of transcript `tid` (transcripts/<id>/index.html, on the web and offline)."""
    page = site / "transcripts" / tid / "index.html"
    return page if page.is_file() else None


def transcript_pages(docs: Path) -> Iterator[tuple[Path, str]]:
    """Every transcript page of docs/ with the corpus file it was made from."""
    for page in sorted((docs / "transcripts").glob("*/index.md")):
        text = page.read_text(encoding="utf-8")
        found = CORPUS_FILE.search(text.split("\n---", 1)[0])
        if found:
            yield page, found[1].strip().strip("'\"")


def words_kept(site: Path, docs: Path) -> tuple[int, list[Problem]]:
    """(pages checked, problems): each built transcript page against its Markdown page."""
    problems, count = [], 0
    for page, corpus_file in transcript_pages(docs):
        count += 1
        built = built_page(site, page.parent.name)
        where = page.relative_to(docs.parent).as_posix() if docs.parent in page.parents else page.as_posix()
        if built is None:
            problems.append(Problem(where, None, f"the built site has no page for this transcript ({corpus_file})",
                                    "build the site from this docs/ folder again, and report it if it persists"))
            continue
        expected = turn_words(page.read_text(encoding="utf-8"))
        missing = first_missing(expected, turn_words(built.read_text(encoding="utf-8")))
        if missing is not None:
            problems.append(Problem(where, None, f"the built page {built.relative_to(site).as_posix()} lost the word "
                                    f"{expected[missing]!r} (word {missing + 1} of the text of {corpus_file})",
                                    "a bug in the engine or the theme; do not publish this build, report it"))
    return count, problems


def check_site(site: Path, docs: Path, links: bool = False, file_urls: bool = False) -> tuple[str, list[Problem]]:
    """(summary line, problems) of the checks of the built `site` made from `docs`."""
    count, problems = words_kept(site, docs)
    summary = f"checked {count} transcript page(s) of {site.name}/ against {docs.name}/: every word kept"
    if links:
        problems += checklinks.check(site, file_urls=file_urls)
        summary += f"; {checklinks.count_links(site)} links and resources"
    if problems:
        summary = summary.replace("every word kept", "") + f"; {len(problems)} problem(s)"
    return summary.replace(": ;", ":"), problems
