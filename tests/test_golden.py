"""Every generated page (transcripts and index pages) equals its reviewed golden file.

After an intended change, regenerate with `make golden` (pytest --update-golden)
and review the diff of tests/golden/ before committing it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.build import render_site

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages(corpus, rules) -> dict[str, str]:
    # No git dates: the home page's "latest additions" depend on the clone, not the corpus.
    # Pages only: the search index's scripts are checked in test_search.py.
    return {name: text for name, text in render_site(list(corpus.values()), rules, added={}).items()
            if name.endswith(".md")}


def test_pages_match_golden(pages, request):
    if request.config.getoption("--update-golden"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for name, text in pages.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8", newline="\n")
    stored = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert stored == sorted(pages), "golden files differ from the generated set: run `make golden` and review"
    differ = [name for name in sorted(pages) if pages[name] != (GOLDEN / name).read_text(encoding="utf-8")]
    assert not differ, f"pages differ from tests/golden/: {differ}; if intended, run `make golden` and review the diff"
