"""Stage 5: topics from the controlled vocabulary (build_scripts/data/topics.yml).

A topic is assigned when its terms occur at least `min_mentions` times in the
spoken text; the sidecar may then add or remove topics. Every topic mentioned at
all is kept with its evidence (terms, counts, sections), assigned or not, so a
maintainer can see why a page does or does not carry a tag.
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache

from ..core.errors import Problem, TranscriptError
from ..core.model import TopicMatch, Transcript
from ..core.rules import Rules, Topic

VOCABULARY = "build_scripts/data/topics.yml"


WORD = re.compile(r"\w+")
ASCII_CHAR = re.compile(r"(?i)[\x00-\x7f]")
ASCII = frozenset(map(chr, range(128)))


@lru_cache(maxsize=4096)
def _lines_up(char: str) -> bool:
    """Return True when non-ASCII `char` cannot take part in an ASCII term match, and lowering it
    keeps it one character and keeps whether it is a word character (true of ’, “, –, Cyrillic…)."""
    low = char.lower()
    return (len(low) == 1 and not low.isascii() and ASCII_CHAR.match(char) is None
            and bool(WORD.match(char)) == bool(WORD.match(low)))


class SpokenText:
    """One section's text, prepared to count every topic's terms in it.

    Scanning the whole text with each topic's pattern is what made topics slow. When
    the lower-cased text lines up with the text character for character (see
    `_lines_up`), a term can only start where its lower-case first word occurs in the
    lower-cased text as a whole word, so the pattern is tried at those places only.
    """

    def __init__(self, text: str, lowered: str | None = None) -> None:
        self.text = text
        self.lowered = text.lower() if lowered is None else lowered
        plain = len(self.lowered) == len(text) and all(map(_lines_up, set(text).difference(ASCII)))
        self.words = set(WORD.findall(self.lowered)) if plain else None
        self._places: dict[str, list[int]] = {}

    def cannot_contain(self, topic: Topic) -> bool:
        """Return True when no term of `topic` can occur: none of their first words is in the text."""
        return self.words is not None and topic.first_words is not None and self.words.isdisjoint(topic.first_words)

    def term_starts(self, topic: Topic) -> list[int] | None:
        """Return, in order, every place where a term of `topic` may start; None when unknown."""
        if self.words is None or topic.first_words is None:
            return None
        starts: set[int] = set()
        for word in topic.first_words & self.words:
            starts.update(self._occurrences(word))
        return sorted(starts)

    def _occurrences(self, word: str) -> list[int]:
        places = self._places.get(word)
        if places is None:
            places, at = [], self.lowered.find(word)
            while at != -1:
                places.append(at)
                at = self.lowered.find(word, at + 1)
            self._places[word] = places
        return places


def _matches(topic: Topic, spoken: SpokenText):
    """Yield the matches of `topic.pattern` in the text, exactly as `finditer` would."""
    starts = spoken.term_starts(topic)
    if starts is None:
        if topic.may_occur(spoken.text, spoken.lowered):  # a substring test is far cheaper than the regex
            yield from topic.pattern.finditer(spoken.text)
        return
    end = 0
    for start in starts:
        if start >= end and (match := topic.pattern.match(spoken.text, start)):
            end = match.end()
            yield match


def count_terms(topic: Topic, text: str | SpokenText, lowered: str | None = None) -> dict[str, int]:
    """Return vocabulary term -> occurrences in `text`.

    A term directly followed by a bracketed abbreviation of the same topic
    ("Eurasian Economic Union (EAEU)") counts once; a `not_terms` phrase not at all.
    """
    spoken = text if isinstance(text, SpokenText) else SpokenText(text, lowered)
    counts: dict[str, int] = {}
    if spoken.cannot_contain(topic):
        return counts
    text = spoken.text
    previous_end = None
    for match in _matches(topic, spoken):
        glued = (previous_end is not None and text[previous_end:match.start()] == " ("
                 and text[match.end():match.end() + 1] == ")")
        previous_end = match.end()
        if glued:
            continue
        term = topic.term_of(match.group(0))
        if not topic.counts(term):
            continue  # "Minsk agreements": a phrase that names something else
        counts[term] = counts.get(term, 0) + 1
    return counts


def find_mentions(t: Transcript, rules: Rules) -> dict[str, TopicMatch]:
    """Return every topic whose terms occur in the spoken text, with counts and sections."""
    found: dict[str, TopicMatch] = {}
    texts = []
    for section in t.sections:
        text = "\n".join(p.text for turn in section.turns for p in turn.paragraphs)
        texts.append((section.anchor, SpokenText(text)))
    russian = t.language == "ru"
    for topic in rules.topics:
        match = TopicMatch(topic.slug, topic.name)
        topic = topic.russian if russian else topic  # a Russian text is read with the Russian terms
        if topic is None:
            continue
        for anchor, spoken in texts:
            if spoken.cannot_contain(topic):
                continue  # the usual case, decided without a call to count_terms
            counts = count_terms(topic, spoken)
            if counts:
                match.sections[anchor] = sum(counts.values())
                for term, n in counts.items():
                    match.terms[term] = match.terms.get(term, 0) + n
        match.mentions = sum(match.terms.values())
        match.terms = dict(sorted(match.terms.items(), key=lambda kv: (-kv[1], kv[0])))
        match.assigned = match.mentions >= topic.min_mentions
        if match.mentions:
            found[topic.slug] = match
    return found


def _unknown_topic(t: Transcript, slug: str, line: int | None, rules: Rules) -> TranscriptError:
    slugs = [topic.slug for topic in rules.topics]
    close = difflib.get_close_matches(slug, slugs, n=1)
    hint = (f"did you mean `{close[0]}`? " if close else "") + \
        f"A sidecar may only use topics listed in {VOCABULARY}; add a new topic there first"
    return TranscriptError(t.sidecar_file, line, f"unknown topic `{slug}`", hint)


def apply_sidecar(t: Transcript, found: dict[str, TopicMatch], rules: Rules) -> None:
    """Apply the sidecar's `topics: {add, remove, note}` to `found`."""
    side = (t.sidecar or {}).get("topics") or {}
    note = side.get("note")
    for op in ("add", "remove"):
        for i, slug in enumerate(side.get(op) or ()):
            line = t.sidecar_lines.get(f"topics.{op}.{i}", t.sidecar_lines.get("topics"))
            topic = rules.topic(slug)
            if topic is None:
                raise _unknown_topic(t, slug, line, rules)
            match = found.setdefault(slug, TopicMatch(slug, topic.name))
            if match.assigned == (op == "add"):
                t.problems.append(_redundant(t, slug, op, line))
            match.assigned = op == "add"
            match.source, match.file, match.line, match.note = "sidecar", t.sidecar_file, line, note


def _redundant(t: Transcript, slug: str, op: str, line: int | None) -> Problem:
    state = "already assigned from the text" if op == "add" else "not assigned from the text"
    return Problem(t.sidecar_file, line, f"topic `{slug}` is {state}, so `{op}` changes nothing",
                   f"delete it from `topics.{op}`", "warning")


def assign_topics(t: Transcript, rules: Rules) -> Transcript:
    """Fill `t.topics` from the text, then apply the sidecar's additions and removals."""
    found = find_mentions(t, rules)
    apply_sidecar(t, found, rules)
    order = {topic.slug: i for i, topic in enumerate(rules.topics)}
    t.topics = dict(sorted(found.items(), key=lambda kv: order[kv[0]]))
    return t
