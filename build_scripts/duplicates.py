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
from collections import Counter
from dataclasses import dataclass

from .model import Transcript

SHINGLE_WORDS = 5
MIN_SHINGLES = 20  # shorter texts are not compared: a greeting is not a duplicate
THRESHOLD = 0.8  # share of the shorter text's runs found in the other
SAMPLE = 4  # index one run in SAMPLE (by hash) to find candidate pairs
CANDIDATE = 0.6  # share of sampled runs that makes a pair worth comparing in full (well under THRESHOLD)
COMMON = 50  # a run found in more transcripts than this is a stock phrase, not evidence
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    of: str  # corpus file it duplicates
    share: float  # of the shorter text's runs, how many the other has


def fingerprint(t: Transcript) -> frozenset[int]:
    """The hashed five-word runs of the transcript's text (case and punctuation ignored)."""
    words = WORD.findall(" ".join(line.text for line in t.body).lower())
    runs = zip(*(words[i:] for i in range(SHINGLE_WORDS)))  # (w0..w4), (w1..w5), …
    # map() keeps the per-run work in C: this runs once per five words of the whole corpus
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, runs))))


def share(a: frozenset[int], b: frozenset[int]) -> float:
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def find_duplicate(t: Transcript, corpus: list[Transcript]) -> Duplicate | None:
    """The corpus transcript `t` most nearly duplicates, if any reaches the threshold."""
    mine = fingerprint(t)
    best = max(((share(mine, fingerprint(other)), other.corpus_file) for other in corpus), default=(0.0, ""))
    return Duplicate(best[1], best[0]) if best[0] >= THRESHOLD else None


def _shared_samples(samples: list[set[int]]) -> dict[tuple[int, int], int]:
    """Return (j, i) -> how many sampled runs transcript i shares with an earlier transcript j,
    counting only runs that fewer than COMMON earlier transcripts have."""
    index: dict[int, list[int]] = {}
    common: set[int] = set()  # runs already in COMMON transcripts: stock phrases, skipped in bulk
    shared: dict[tuple[int, int], int] = {}
    for i, runs in enumerate(samples):
        earlier: list[int] = []  # every earlier transcript once per run it shares with i
        for run in runs - common:
            seen = index.setdefault(run, [])
            earlier.extend(seen)
            seen.append(i)
            if len(seen) == COMMON:
                common.add(run)
        for j, count in Counter(earlier).items():  # one C-level count per transcript, not per pair
            shared[(j, i)] = count
    return shared


def duplicate_pairs(transcripts: list[Transcript], key=lambda t: "") -> list[tuple[Transcript, Transcript, float]]:
    """Every (original, copy, share) pair of near-duplicates: the copy is the one with the larger
    `key` (when it entered the corpus), then the later in corpus order.

    Only a sample of the runs is indexed (one in SAMPLE, by hash); two texts become
    candidates when they share most of the shorter one's sampled runs, and only those
    are compared in full.
    """
    prints = [fingerprint(t) for t in transcripts]
    samples = [{run for run in runs if run % SAMPLE == 0} for runs in prints]
    shared = _shared_samples(samples)
    pairs = []
    candidates = sorted((i, j) for (i, j), count in shared.items()
                        if count >= CANDIDATE * min(len(samples[i]), len(samples[j])))
    for i, j in candidates:
        value = share(prints[i], prints[j])
        if value >= THRESHOLD:
            first, second = transcripts[i], transcripts[j]
            if key(second) < key(first):
                first, second = second, first
            pairs.append((first, second, value))
    return pairs
