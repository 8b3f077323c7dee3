"""Stage 4: speaker turns grouped into sections (opening remarks, then one per question).

Every body line becomes a paragraph, in order; a label ("Sergey Lavrov:") starts a
new turn and a question label starts a new section with anchor q1, q2, …
"""
from __future__ import annotations

import re

from ..core.model import Fact, Paragraph, Section, Transcript, Turn
from ..core.rules import Rules
from .labels import parse_label

HEADING_MAX = 90
SENTENCE = re.compile(r".+?(?:[.?!…]+[”\"’)]*(?=\s|$)|$)", re.S)
WORD = re.compile(r"\w+(?:[’'‘-]\w+)*")
OPENING_HEADING = "Opening remarks"
# A question that refers back ("…comment on this?", "…this amendment…") needs its context.
DEICTIC = re.compile(r"\b(?:it|this|that|these|those|them)\W*$"
                     r"|\b(?:this|that|these|those|such) (?:issue|matter|situation|meeting|amendment"
                     r"|note|document|decision|topic|question|work|idea|proposal|initiative)s?\b", re.I)


def _stands_alone(sentence: str) -> bool:
    """Return True for a question readable without context (not "Can you comment on this?")."""
    words = WORD.findall(sentence)
    return (sentence.rstrip("”\"’)").endswith("?") and len(words) >= 8
            and not DEICTIC.search(sentence))


def short_heading(text: str) -> str:
    """Return a short heading for a question: a self-contained question, else its first sentence."""
    # One sentence at a time: the heading is usually among the first, however long the question.
    sentences = (s for match in SENTENCE.finditer(text) if (s := match.group(0).strip()))
    first = next(sentences, None)
    if first is None:
        chosen = text
    else:
        chosen = first if _stands_alone(first) else next((s for s in sentences if _stands_alone(s)), first)
    if len(chosen) <= HEADING_MAX:
        return chosen
    cut = chosen[:HEADING_MAX].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def count_words(text: str) -> int:
    """Return the number of words in `text`."""
    return len(WORD.findall(text))


def _principal(t: Transcript) -> str | None:
    speakers = t.value("speakers") or []
    return speakers[0]["name"] if speakers else None


def structure_turns(t: Transcript, rules: Rules) -> Transcript:
    """Fill `t.sections` and the word count from `t.body`."""
    t.language = t.value("language")
    sections: list[Section] = []
    turn: Turn | None = None
    questions = 0
    for line in t.body:
        text = line.text.strip()
        label = parse_label(text, rules, t.recurring)
        if label:
            if label.question:
                questions += 1
                sections.append(Section(f"q{questions}", ""))
            elif not sections:
                sections.append(Section("opening", OPENING_HEADING))
            kind = "question" if label.question else ("statement" if sections[-1].anchor == "opening" else "answer")
            person = rules.person(label.speaker) if label.speaker else None
            turn = Turn(kind, person.name_in(t.language) if person else label.speaker, label.written, label.aside)
            sections[-1].turns.append(turn)
            text = label.text
            if not text:
                continue
        elif turn is None:
            sections.append(Section("opening", OPENING_HEADING))
            turn = Turn("statement", _principal(t), None, None, speaker_inferred=True)
            sections[-1].turns.append(turn)
        turn.paragraphs.append(Paragraph(line.number, text))
    for section in sections:
        paragraphs = [p for turn in section.turns for p in turn.paragraphs]
        for index, paragraph in enumerate(paragraphs, start=1):
            paragraph.anchor = f"{section.anchor}-p{index}"
        if section.anchor != "opening":
            question = " ".join(p.text for p in section.turns[0].paragraphs)
            section.heading = f"Q{section.anchor[1:]}. " + (short_heading(question) if question else "(no text)")
    t.sections = sections
    words = sum(count_words(p.text) for s in sections for turn in s.turns for p in turn.paragraphs)
    t.meta["word_count"] = Fact(words, "extracted", note="words in the spoken text")
    return t
