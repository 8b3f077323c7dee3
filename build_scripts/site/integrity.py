"""The archive's promise, checked on every build: every spoken word reaches its page, in order.

`generate` checks each rendered Markdown page against the transcript's text before
anything is written; `check-site` (check_site.py) checks each built HTML page against
its Markdown after any engine's build. A word missing at either step is a bug, so the build stops and names the
file and the line of the first missing word instead of publishing a page with a gap.
"""
from __future__ import annotations

import html
import re

from ..core.errors import Problem
from ..core.model import Transcript

WORD = re.compile(r"\w+")
TURN = re.compile(r'<div class="turn[^"]*"[^>]*>(.*?)</div>', re.S)
TAG = re.compile(r"<[^>]+>")


def turn_words(page: str) -> list[str]:
    """The words inside the turns of a page (Markdown with raw HTML turns, or built HTML)."""
    return WORD.findall(html.unescape(TAG.sub(" ", " ".join(TURN.findall(page)))))


def first_missing(expected: list[str], actual: list[str]) -> int | None:
    """Index of the first expected word not found, in order, in `actual`; None when all are there."""
    remaining = iter(actual)
    if all(word in remaining for word in expected):  # `in` consumes the iterator: an in-order search
        return None
    position = 0
    for index, word in enumerate(expected):
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            return index
    return None


def words_lost(t: Transcript, page: str) -> Problem | None:
    """A Problem naming the first word of `t`'s text that the rendered page does not show, if any."""
    # Lines hold no line breaks, so one search over the joined text finds the same words.
    missing = first_missing(WORD.findall("\n".join(line.text for line in t.body)), turn_words(page))
    if missing is None:
        return None
    located = [(word, line.number) for line in t.body for word in WORD.findall(line.text)]
    word, line = located[missing]
    return Problem(t.corpus_file, line, f"the page would not show the word {word!r} (word {missing + 1} of the "
                   "text) — a bug in the generator; nothing was written", "please report it with this file")
