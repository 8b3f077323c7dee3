"""Speaker labels, turns, sections, anchors and question headings."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pipeline.labels import parse_label
from build_scripts.pipeline.metadata import split_role_name
from build_scripts.core.model import Line, Transcript
from build_scripts.pipeline.structure import short_heading, structure_turns


@pytest.mark.parametrize("text, written, aside, question, speaker, rest", [
    ("Question: When?", "Question", None, True, None, "When?"),
    ("Question (to both ministers): In Russia…", "Question", "to both ministers", True, None, "In Russia…"),
    ("Question (for both ministers): It is…", "Question", "for both ministers", True, None, "It is…"),
    ("Sergey Lavrov (speaking after Mukhtar Tleuberdi): Our…", "Sergey Lavrov",
     "speaking after Mukhtar Tleuberdi", False, "Sergey Lavrov", "Our…"),
    ("Sergei Lavrov: Spelling variant.", "Sergei Lavrov", None, False, "Sergey Lavrov", "Spelling variant."),
    ("Sergey Lavrov:", "Sergey Lavrov", None, False, "Sergey Lavrov", ""),
])
def test_labels(text, written, aside, question, speaker, rest, rules):
    label = parse_label(text, rules)
    assert (label.written, label.aside, label.question, label.speaker, label.text) == \
        (written, aside, question, speaker, rest)


@pytest.mark.parametrize("text", [
    "Ladies and gentlemen,",
    "As a result: nothing changed.",
    "Moscow Declaration: adopted in November.",   # capitalised, but not a known speaker
    "Note: this is not a label.",
    "We discussed the following: trade, transport.",
])
def test_not_labels(text, rules):
    assert parse_label(text, rules) is None


@pytest.mark.parametrize("question, heading", [
    ("When are regular flights planned to resume between Kazakhstan and Russia? Is there an exact date?",
     "When are regular flights planned to resume between Kazakhstan and Russia?"),
    ("Bloomberg reported this. Can you comment on this?", "Bloomberg reported this."),
    ("Victory Day is near. Will the parade be held on Red Square this year as usual?",
     "Will the parade be held on Red Square this year as usual?"),
    ("A " + "very " * 30 + "long question?", "A" + " very" * 17 + "…"),  # cut at a word, ≤ 90 chars
])
def test_short_heading(question, heading):
    assert short_heading(question) == heading


@pytest.mark.parametrize("who, role, name", [
    ("Foreign Minister of Kazakhstan Mukhtar Tleuberdi", "Foreign Minister of Kazakhstan", "Mukhtar Tleuberdi"),
    ("Deputy Prime Minister – Foreign Minister of Kazakhstan Mukhtar Tleuberdi",
     "Deputy Prime Minister – Foreign Minister of Kazakhstan", "Mukhtar Tleuberdi"),
    ("the Kazakh Foreign Minister, Erlan Idrisov", "the Kazakh Foreign Minister", "Erlan Idrisov"),
    ("Foreign Minister of the Republic of Kazakhstan Beibut Atamkulov",
     "Foreign Minister of the Republic of Kazakhstan", "Beibut Atamkulov"),
    ("Foreign Minister of Uzbekistan Bakhtiyor Saidov", "Foreign Minister of Uzbekistan", "Bakhtiyor Saidov"),
])
def test_split_role_name(who, role, name, rules):
    assert split_role_name(who, rules) == (role, name)


def _structure(body: list[str], rules) -> Transcript:
    t = Transcript(path=Path("x.txt"), corpus_file="corpus/x.txt", id="x")
    t.body = [Line(i, text) for i, text in enumerate(body, start=1)]
    return structure_turns(t, rules)


def test_sections_turns_and_anchors(rules):
    t = _structure([
        "Ladies and gentlemen,",
        "We had talks.",
        "Question (to both ministers): When will flights resume between our two countries again?",
        "And a second paragraph of the question?",
        "Sergey Lavrov (speaking after Mukhtar Tleuberdi): Soon.",
        "Very soon.",
        "Question: Another?",
        "Sergey Lavrov:",
        "Label on its own line, text on the next.",
    ], rules)
    assert [s.anchor for s in t.sections] == ["opening", "q1", "q2"]
    opening, q1, q2 = t.sections
    assert [p.anchor for p in opening.turns[0].paragraphs] == ["opening-p1", "opening-p2"]
    assert [(turn.kind, turn.label, turn.aside, [p.anchor for p in turn.paragraphs]) for turn in q1.turns] == [
        ("question", "Question", "to both ministers", ["q1-p1", "q1-p2"]),
        ("answer", "Sergey Lavrov", "speaking after Mukhtar Tleuberdi", ["q1-p3", "q1-p4"]),
    ]
    assert q1.heading == "Q1. When will flights resume between our two countries again?"
    assert q2.turns[1].paragraphs[0].text == "Label on its own line, text on the next."
    assert t.value("word_count") == 35  # 3+3+9+7+1+2+1+9, labels not counted


def test_every_body_line_becomes_exactly_one_paragraph(corpus):
    for t in corpus.values():
        lines = [p.line for s in t.sections for turn in s.turns for p in turn.paragraphs]
        assert lines == [l.number for l in t.body], t.id
        anchors = [p.anchor for s in t.sections for turn in s.turns for p in turn.paragraphs]
        assert len(set(anchors)) == len(anchors), t.id
