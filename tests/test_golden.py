"""Each corpus transcript's generated page equals its reviewed golden file.

After an intended change, regenerate with `make golden` (pytest --update-golden)
and review the diff of tests/golden/ before committing it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.render import render_page
from conftest import CORPUS

GOLDEN = Path(__file__).parent / "golden"
IDS = sorted(p.stem for p in CORPUS.rglob("*.txt"))


@pytest.mark.parametrize("tid", IDS)
def test_page_matches_golden(tid, corpus, request):
    page = render_page(corpus[tid])
    golden = GOLDEN / f"{tid}.md"
    if request.config.getoption("--update-golden"):
        golden.write_text(page, encoding="utf-8", newline="\n")
    assert golden.exists(), f"no golden file for {tid}: run `make golden` and review it"
    assert page == golden.read_text(encoding="utf-8"), \
        f"{tid}: page differs from {golden.name}; if intended, run `make golden` and review the diff"


def test_no_stale_golden_files():
    assert sorted(p.stem for p in GOLDEN.glob("*.md")) == IDS
