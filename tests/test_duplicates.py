"""Near-duplicate detection across the corpus: the sampled index finds what comparing every pair finds."""
from __future__ import annotations

import itertools
import random
from pathlib import Path

from build_scripts.contributors.duplicates import COMMON, THRESHOLD, duplicate_pairs, fingerprint, share
from build_scripts.core.model import Line, Transcript

WORDS = ("Kazakhstan Russia minister cooperation integration security question answer partners region "
         "trade energy Caspian transport students vaccine talks summit visit treaty border union").split()


def transcript(name: str, paragraphs: list[str]) -> Transcript:
    t = Transcript(path=Path(name), corpus_file=f"corpus/{name}.txt", id=name)
    t.body = [Line(n, text) for n, text in enumerate(paragraphs, 1)]
    return t


def text(rng: random.Random, words: int) -> list[str]:
    said = [rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(words)]
    return [" ".join(said[k:k + 60]) for k in range(0, words, 60)]


def corpus(seed: int) -> list[Transcript]:
    """Originals, each a mirror copy with its own first and last paragraphs, and a stock
    phrase that more than COMMON transcripts share."""
    rng = random.Random(seed)
    stock = "thank you very much for this question it is a good one"
    ts = []
    for n in range(COMMON + 30):
        paragraphs = text(rng, rng.randrange(40, 900)) + [stock]
        ts.append(transcript(f"t{n:03}", paragraphs))
        if n % 9 == 0:  # a mirror: new banner, changed first paragraph, a line dropped at the end
            copy = ["Mirror of the ministry site"] + [paragraphs[0][::-1]] + paragraphs[1:-2]
            ts.append(transcript(f"t{n:03}-mirror", copy))
    return ts


def brute_force(ts: list[Transcript]) -> set[tuple[str, str]]:
    prints = {t.id: fingerprint(t) for t in ts}
    return {(a.id, b.id) for a, b in itertools.combinations(ts, 2) if share(prints[a.id], prints[b.id]) >= THRESHOLD}


def test_sampled_index_finds_every_pair_that_comparing_all_pairs_finds():
    for seed in range(3):
        ts = corpus(seed)
        found = {(a.id, b.id) for a, b, _ in duplicate_pairs(ts)}
        expected = brute_force(ts)
        assert expected, "the corpus must hold near-duplicates for this test to mean anything"
        assert found == expected


def test_the_later_entry_is_the_copy():
    ts = corpus(0)
    entered = {t.id: ("2" if t.id.endswith("mirror") else "1") for t in ts}
    for original, copy, value in duplicate_pairs(ts, key=lambda t: entered[t.id]):
        assert copy.id == original.id + "-mirror" and value >= THRESHOLD


def test_a_passage_many_transcripts_share_is_not_a_duplicate():
    rng = random.Random(7)
    passage = text(rng, 60)  # a formula every transcript repeats: more than COMMON of them
    ts = [transcript(f"s{n}", text(rng, 300) + passage) for n in range(COMMON + 5)]
    assert brute_force(ts) == set()
    assert duplicate_pairs(ts) == []
