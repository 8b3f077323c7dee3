"""An original and its translation aligned paragraph by paragraph, or sentence by sentence.

Gale and Church's length-based method (1993): a translation's units are about as long as the
original's, times a constant ratio; dynamic programming finds the most probable sequence of
"beads" (1-1, and where the translator split or joined units, 2-1, 1-2, 2-2 or 3-1; a unit with
no counterpart, 1-0 or 0-1). The units are the paragraphs when the two texts have about as many;
otherwise (one publisher printed the speech as one block) they are the sentences, as sentence
aligners use. A bead other than 1-1, or one whose lengths are far from the ratio, is marked
uncertain, so a reader knows where to look twice.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..core.model import Paragraph, Transcript

# Prior probabilities of the bead kinds (Gale and Church's, with 3-1 and 1-3 added for speeches
# whose paragraphs the translator merged) and the variance of the length difference per character.
PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.0445, (1, 2): 0.0445, (2, 2): 0.011,
          (3, 1): 0.002, (1, 3): 0.002}
VARIANCE = 6.8
UNCERTAIN_Z = 2.0  # a 1-1 bead whose length difference is this many deviations off is uncertain
BAND = 30  # paragraphs either side of the diagonal that the search looks at


PARAGRAPH_RATIO = (0.8, 1.25)  # paragraph counts this close: align paragraphs, else sentences
SENTENCE_END = re.compile(r"(?<=[.!?…])[»”\"')]*\s+(?=[«“\"(]?[A-ZА-ЯЁ0-9])")


@dataclass(frozen=True)
class Unit:
    """A paragraph, or one sentence of it: what the aligner matches."""

    label: str | None  # the speaker's label, on the first unit of a turn
    paragraph: Paragraph
    text: str
    first: bool  # the first unit of its paragraph (where the paragraph's permalink goes)


@dataclass(frozen=True)
class Row:
    """One aligned row: units of the original and of the translation that say the same."""

    original: tuple[Unit, ...]
    translation: tuple[Unit, ...]
    uncertain: bool


def paragraphs(t: Transcript) -> list[tuple[str | None, Paragraph]]:
    """Every paragraph of the spoken text in order, with the turn's label on its first."""
    out = []
    for section in t.sections:
        for turn in section.turns:
            for i, paragraph in enumerate(turn.paragraphs):
                out.append(((turn.label or turn.speaker) if i == 0 else None, paragraph))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (every character kept: joined with spaces they give it back)."""
    return [s for s in SENTENCE_END.split(text) if s] or [text]


def units(t: Transcript, by_sentence: bool) -> list[Unit]:
    out = []
    for label, paragraph in paragraphs(t):
        parts = sentences(paragraph.text) if by_sentence else [paragraph.text]
        out += [Unit(label if k == 0 else None, paragraph, part, k == 0) for k, part in enumerate(parts)]
    return out


def _z(original: int, translation: int, ratio: float) -> float:
    mean = (original + translation / ratio) / 2
    return (original * ratio - translation) / math.sqrt(max(mean, 1) * VARIANCE)


def _cost(original: int, translation: int, ratio: float, kind: tuple[int, int]) -> float:
    z = abs(_z(original, translation, ratio)) if original and translation else 0.0
    tail = max(math.erfc(z / math.sqrt(2)), 1e-12)  # two-sided probability of a difference this large
    return -math.log(PRIORS[kind]) - math.log(tail)


def align(original: Transcript, translation: Transcript) -> list[Row]:
    """The rows of the two texts aligned, in order; every paragraph of both is in exactly one row."""
    count_a, count_b = len(paragraphs(original)), len(paragraphs(translation))
    low, high = PARAGRAPH_RATIO
    by_sentence = not count_a or not low <= count_b / count_a <= high
    a, b = units(original, by_sentence), units(translation, by_sentence)
    la, lb = [len(u.text) for u in a], [len(u.text) for u in b]
    ratio = (sum(lb) / sum(la)) if sum(la) and sum(lb) else 1.0
    n, m = len(a), len(b)
    band = BAND + abs(n - m)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if cost[i][j] == inf:
                continue
            for (di, dj) in PRIORS:
                if i + di > n or j + dj > m:
                    continue
                step = cost[i][j] + _cost(sum(la[i:i + di]), sum(lb[j:j + dj]), ratio, (di, dj))
                if step < cost[i + di][j + dj]:
                    cost[i + di][j + dj], back[i + di][j + dj] = step, (di, dj)
    if cost[n][m] == inf:  # outside the band: one row holding everything, marked uncertain
        return [Row(tuple(a), tuple(b), True)]
    beads, i, j = [], n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    rows = []
    for i0, i1, j0, j1 in reversed(beads):
        sure = (i1 - i0, j1 - j0) == (1, 1) and abs(_z(la[i0], lb[j0], ratio)) <= UNCERTAIN_Z
        rows.append(Row(tuple(a[i0:i1]), tuple(b[j0:j1]), not sure))
    return rows
