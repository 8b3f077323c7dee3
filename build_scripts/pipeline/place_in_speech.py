"""Stage 3, the place a speaker names as where they stand: "here in Astana", "здесь, в Сочи",
"рад приветствовать в Лондоне". Read only when neither the title, a place line nor a record's
cell states the place, and shown as inferred, with the words and their line.

A place is any spelling of places.yml, a Russian one in any case form (name_forms.py:
"в Лондоне" is Лондон). When the text says two different places so, none is taken.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core.model import Fact, Transcript
from ..core.name_forms import is_form_of, spelling_pattern
from ..core.rules import Rules

# the words before the place: where the speaker is, or where they welcome their guests
CUES = (r"\bhere,?\s+in", r"\bwelcome\s+(?:you\s+)?(?:to|in)", r"\bздесь,?\s+в(?:о)?",
        r"приветствовать\s+(?:[Вв]ас\s+)?в(?:о)?", r"\bдобро\s+пожаловать\s+в(?:о)?")


@lru_cache(maxsize=4)
def _pattern(spellings: tuple[str, ...]) -> re.Pattern:
    places = "|".join(spelling_pattern(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?:{'|'.join(CUES)})\s+(?P<place>{places})\b", re.I)


def place_in_speech(t: Transcript, rules: Rules) -> Fact | None:
    """The place the speech says it is given in, as an inferred fact, or None."""
    pattern = _pattern(tuple(rules.places))
    found: dict[str, tuple[str, int, str]] = {}  # place id -> (its spelling, line, the words)
    for line in t.body:
        for match in pattern.finditer(line.text):
            written = match["place"]
            spelling = next(s for s in sorted(rules.places, key=len, reverse=True) if is_form_of(written, s))
            place = rules.places[spelling]
            found.setdefault(place.id, (next(n for n in place.spellings() if n.lower() == spelling), line.number,
                                        match.group(0)))
    if len(found) != 1:
        return None  # none, or two places: which one the event was in is not for this rule to say
    [(spelling, line, words)] = found.values()
    return Fact(spelling, "inferred", line, words, note=f"the speaker says “{words}” (line {line})")
