"""Stage 5: topics from the controlled vocabulary (build_scripts/data/topics.yml).

A topic is assigned when its terms occur at least `min_mentions` times in the
spoken text; the sidecar may then add or remove topics. Every topic mentioned at
all is kept with its evidence (terms, counts, sections), assigned or not, so a
maintainer can see why a page does or does not carry a tag.
"""
from __future__ import annotations

import difflib

from .errors import Problem, TranscriptError
from .model import TopicMatch, Transcript
from .rules import Rules, Topic

VOCABULARY = "build_scripts/data/topics.yml"


def count_terms(topic: Topic, text: str, lowered: str | None = None) -> dict[str, int]:
    """Return vocabulary term -> occurrences in `text`.

    A term directly followed by a bracketed abbreviation of the same topic
    ("Eurasian Economic Union (EAEU)") counts once.
    """
    counts: dict[str, int] = {}
    lowered = text.lower() if lowered is None else lowered
    if not topic.may_occur(text, lowered):
        return counts  # a substring test is far cheaper than the regular expression
    previous_end = None
    for match in topic.pattern.finditer(text):
        glued = (previous_end is not None and text[previous_end:match.start()] == " ("
                 and text[match.end():match.end() + 1] == ")")
        previous_end = match.end()
        if glued:
            continue
        term = topic.term_of(match.group(0))
        counts[term] = counts.get(term, 0) + 1
    return counts


def find_mentions(t: Transcript, rules: Rules) -> dict[str, TopicMatch]:
    """Return every topic whose terms occur in the spoken text, with counts and sections."""
    found: dict[str, TopicMatch] = {}
    texts = []
    for section in t.sections:
        text = "\n".join(p.text for turn in section.turns for p in turn.paragraphs)
        texts.append((section.anchor, text, text.lower()))
    for topic in rules.topics:
        match = TopicMatch(topic.slug, topic.name)
        for anchor, text, lowered in texts:
            counts = count_terms(topic, text, lowered)
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
