"""The hostile-input corpus: tests/fixtures/hostile/corpus plus the files the tests make themselves.

Some cases cannot be committed: a 50 MB file, and names that Windows cannot check
out (`con.txt`, `C:\\…`, two names differing only in case). `make_corpus` copies the
committed files and writes those into a scratch folder.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
TITLE = ("Foreign Minister Sergey Lavrov's remarks at a news conference following talks with Foreign Minister "
         "of Kazakhstan Mukhtar Tleuberdi, Moscow, March 3, 2022")


def _doc(payload: str) -> str:
    return (f"{TITLE}\n\nSergey Lavrov: We held useful talks today. {payload}\n\n"
            "Question: Is this text shown as it was written?\n\nSergey Lavrov: Yes: every character of it, as text.\n")


def _huge() -> bytes:
    paragraph = "Sergey Lavrov: " + "We discussed the agenda of our cooperation in detail. " * 20 + "\n\n"
    return (TITLE + "\n\n" + paragraph * (50_000_000 // len(paragraph) + 1)).encode("utf-8")


MADE_BY_TESTS = {  # file name: its bytes
    "nested-five-thousand-deep.html": lambda: ("<!DOCTYPE html><html><body>" + "<div>" * 5000 + "<p>Sergey Lavrov: deep."
                                               "</p>" + "</div>" * 5000 + "</body></html>").encode("utf-8"),
    "huge-50-megabytes.txt": _huge,
    "one-megabyte-line.txt": lambda: _doc("One line of a million characters: " + "word " * 200_000).encode("utf-8"),
    "con.txt": lambda: _doc("A Windows device name.").encode("utf-8"),
    "index.txt": lambda: _doc("The name of a folder's own page.").encode("utf-8"),
    "C:\\absolute-windows-path.txt": lambda: _doc("An absolute path as a name.").encode("utf-8"),
    "a" * 101 + ".txt": lambda: _doc("A name of 101 letters.").encode("utf-8"),
    "collides-after-slugging.txt": lambda: _doc("The lower-case one.").encode("utf-8"),
    "Collides-After-Slugging.txt": lambda: _doc("The one with capitals.").encode("utf-8"),
}


def cases() -> dict[str, dict]:
    """File (from the corpus folder) -> expected outcome: {page: true} or {refused: message}, maybe {warning}."""
    return yaml.safe_load((HOSTILE / "cases.yml").read_text(encoding="utf-8"))


def make_corpus(dest: Path) -> Path:
    """The whole hostile corpus in `dest` (a folder named corpus); returns it."""
    shutil.copytree(HOSTILE / "corpus", dest)
    for name, content in MADE_BY_TESTS.items():
        (dest / name).write_bytes(content())
    return dest
