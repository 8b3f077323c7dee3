"""Near-duplicate transcripts: the same text from the ministry site and a mirror.

Two transcripts are compared by their spoken text, never by file name or site
chrome: the text becomes the set of its five-word runs ("shingles"), and two
texts are near-duplicates when most of the shorter one's runs also occur in the
other. Across the corpus, candidate pairs come from an index of a sample of the
runs, so the cost grows with the corpus, not with its square.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from .model import Transcript

SHINGLE_WORDS = 5
MIN_SHINGLES = 20  # shorter texts are not compared: a greeting is not a duplicate
THRESHOLD = 0.8  # share of the shorter text's runs found in the other
SAMPLE = 4  # index one run in SAMPLE (by hash) to find candidate pairs
COMMON = 50  # a run found in more transcripts than this is a stock phrase, not evidence
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    of: str  # corpus file it duplicates
    share: float  # of the shorter text's runs, how many the other has


def fingerprint(t: Transcript) -> frozenset[int]:
    """The hashed five-word runs of the transcript's text (case and punctuation ignored)."""
    words = WORD.findall(" ".join(line.text for line in t.body).lower())
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8"))
                     for i in range(max(len(words) - SHINGLE_WORDS + 1, 0)))


def share(a: frozenset[int], b: frozenset[int]) -> float:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_duplicate(t: Transcript, corpus: list[Transcript]) -> Duplicate | None:
    """The corpus transcript `t` most nearly duplicates, if any reaches the threshold."""
    mine = fingerprint(t)
    best = max(((share(mine, fingerprint(other)), other.corpus_file) for other in corpus), default=(0.0, ""))
    return Duplicate(best[1], best[0]) if best[0] >= THRESHOLD else None


def duplicate_pairs(transcripts: list[Transcript], key=lambda t: "") -> list[tuple[Transcript, Transcript, float]]:
    """Every (original, copy, share) pair of near-duplicates: the copy is the one with the larger
    `key` (when it entered the corpus), then the later in corpus order."""
    prints = [fingerprint(t) for t in transcripts]
    index: dict[int, list[int]] = {}
    candidates: set[tuple[int, int]] = set()
    for i, runs in enumerate(prints):
        for run in runs:
            if run % SAMPLE == 0:
                seen = index.setdefault(run, [])
                if len(seen) < COMMON:
                    candidates.update((j, i) for j in seen)
                    seen.append(i)
    pairs = []
    for i, j in sorted(candidates):
        value = share(prints[i], prints[j])
        if value >= THRESHOLD:
            first, second = transcripts[i], transcripts[j]
            if key(second) < key(first):
                first, second = second, first
            pairs.append((first, second, value))
    return pairs
