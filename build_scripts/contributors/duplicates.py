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
from array import array
from collections import Counter
from dataclasses import dataclass

from ..core.errors import Problem
from ..core.model import CopyOf, Transcript

SHINGLE_WORDS = 5
MIN_SHINGLES = 20  # shorter texts are not compared: a greeting is not a duplicate
THRESHOLD = 0.8  # share of the shorter text's runs found in the other
SAMPLE = 4  # index one run in SAMPLE (by hash) to find candidate pairs
CANDIDATE = 0.6  # share of sampled runs that makes a pair worth comparing in full (well under THRESHOLD)
COMMON = 50  # a run found in more transcripts than this is a stock phrase, not evidence
STOCK = -1  # the index's mark for such a run
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


def sample(runs: frozenset[int]) -> array:
    """The runs indexed to find candidates: one in SAMPLE, chosen by hash, packed four bytes each."""
    return array("I", sorted(run for run in runs if run % SAMPLE == 0))


def _candidates(samples: list[array]) -> list[tuple[int, int]]:
    """Every (j, i), j < i, where transcripts i and j share at least CANDIDATE of the shorter one's
    sampled runs, counting only runs that fewer than COMMON earlier transcripts have.

    The index holds, per run, the one transcript that has it (most runs), a list when
    several do, or STOCK once COMMON have: at 10,000 transcripts it is the largest
    thing this stage keeps, so it holds nothing else.
    """
    index: dict[int, int | list[int]] = {}
    pairs = []
    for i, runs in enumerate(samples):
        earlier: list[int] = []  # every earlier transcript once per run it shares with i
        for run in runs:
            seen = index.get(run)
            if seen is None:
                index[run] = i
            elif seen.__class__ is int:
                if seen != STOCK:
                    earlier.append(seen)
                    index[run] = [seen, i]
            else:
                earlier.extend(seen)
                seen.append(i)
                if len(seen) == COMMON:
                    index[run] = STOCK
        for j, count in Counter(earlier).items():  # one C-level count per transcript, not per pair
            if count >= CANDIDATE * min(len(runs), len(samples[j])):
                pairs.append((j, i))
    return pairs


def duplicate_pairs(transcripts: list[Transcript], key=lambda t: "") -> list[tuple[Transcript, Transcript, float]]:
    """Every (original, copy, share) pair of near-duplicates: the copy is the one with the larger
    `key` (when it entered the corpus), then the later in corpus order.

    Only a sample of the runs is kept (one in SAMPLE, by hash); two texts become
    candidates when they share most of the shorter one's sampled runs, and only those
    are fingerprinted again and compared in full. Keeping every full fingerprint
    instead cost 220 MB at 1,000 transcripts.
    """
    samples = [sample(fingerprint(t)) for t in transcripts]
    prints = _Fingerprints(transcripts)
    pairs = []
    for i, j in sorted(_candidates(samples)):
        value = share(prints[i], prints[j])
        if value >= THRESHOLD:
            first, second = transcripts[i], transcripts[j]
            if key(second) < key(first):
                first, second = second, first
            pairs.append((first, second, value))
    return pairs


def mark_copies(transcripts: list[Transcript], key=lambda t: "") -> list[Problem]:
    """Mark every near-duplicate as a copy of the transcript that entered the corpus first (the
    root of a chain of copies), and return a warning for each. Nothing is dropped: the copy keeps
    its page, so a sentence only it has is not lost; the listings show the original once."""
    best: dict[str, tuple[Transcript, float]] = {}  # copy's id -> (its original, share)
    by_id = {t.id: t for t in transcripts}
    for original, copy, value in duplicate_pairs(transcripts, key):
        if copy.id not in best or value > best[copy.id][1]:
            best[copy.id] = (original, value)
    problems = []
    for copy_id, (original, value) in sorted(best.items()):
        while original.id in best:  # (key, corpus order) is a strict order, so the chain ends
            original = best[original.id][0]
        copy = by_id[copy_id]
        copy.copy_of = CopyOf(original.id, original.corpus_file, original.value("title") or "", value)
        original.copies.append(copy)
        problems.append(Problem(
            copy.corpus_file, None, f"near-duplicate of {original.corpus_file}: {value:.0%} of the shorter "
            "text's five-word runs are the same; its page says it is a copy, and the listings, search and "
            "feeds show only the original", "if it is the same transcript, keep one copy (the ministry's "
            "original rather than a mirror) and delete the other", "warning"))
    for t in transcripts:
        t.copies.sort(key=lambda c: c.id)
    return problems


class _Fingerprints:
    """Full fingerprints of candidate transcripts, computed when first asked for and kept for a while."""

    KEEP = 256

    def __init__(self, transcripts: list[Transcript]) -> None:
        self.transcripts = transcripts
        self.kept: dict[int, frozenset[int]] = {}

    def __getitem__(self, i: int) -> frozenset[int]:
        if i not in self.kept:
            if len(self.kept) >= self.KEEP:
                del self.kept[next(iter(self.kept))]
            self.kept[i] = fingerprint(self.transcripts[i])
        return self.kept[i]
