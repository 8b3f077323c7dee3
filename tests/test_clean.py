"""Cleaning removes the seeds' site chrome, and nothing else."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.pipeline.clean import clean_transcript
from build_scripts.core.model import Transcript
from build_scripts.pipeline.read import split_lines

# Every line each seed loses, and the rule that takes it: the complete list.
REMOVED = {
    "2020-09-09-moscow-lavrov-tleuberdi": [(1, "header/title")],
    "2021-04-08-nur-sultan-lavrov-tleuberdi": [
        (1, "globalsecurity/united24-banner"), (3, "globalsecurity/wmd-banner"),
        (5, "globalsecurity/publisher-line"), (7, "header/title"), (9, "header/dateline"),
        (82, "globalsecurity/mailing-list")],
    "2020-11-interview-russia-kazakhstan-integration": [
        (1, "header/title"), (65, "byline-block/source-line"), (67, "byline-block/byline-name"),
        (68, "byline-block/byline-name"), (69, "byline-block/byline-role")],
    "2013-09-12-astana-lavrov-idrisov": [
        (1, "mid-ru-legacy/official-site"), (3, "mid-ru-legacy/breadcrumb"), (5, "header/title")],
    "2019-01-28-moscow-lavrov-atamkulov": [
        (1, "header/dateline"), (3, "header/title"), (6, "mid-ru/language-switcher"),
        (45, "mid-ru/additional-materials"), (48, "mid-ru/advanced-settings")],
}


@pytest.mark.parametrize("tid", sorted(REMOVED))
def test_seed_loses_exactly_its_chrome(tid, corpus):
    assert [(r.line, f"{r.profile}/{r.rule}") for r in corpus[tid].removals] == REMOVED[tid]


@pytest.mark.parametrize("tid", sorted(REMOVED))
def test_every_nonblank_line_is_body_or_accounted_for(tid, corpus):
    t = corpus[tid]
    nonblank = {l.number for l in t.lines if l.text.strip()}
    body = {l.number for l in t.body}
    removed = {r.line for r in t.removals}
    assert body | removed == nonblank and not body & removed


def _clean(text: str, rules) -> Transcript:
    t = Transcript(path=Path("corpus/x.txt"), corpus_file="corpus/x.txt", id="x")
    t.lines = split_lines(text)
    return clean_transcript(t, rules)


SPEECH = "Sergey Lavrov: We had good talks today."

# (case, raw text, body lines expected to survive, as line numbers)
CASES = [
    ("chrome word inside the text stays",
     f"Sergey Lavrov's remarks to the press\n\n{SPEECH}\n\nAdditional materials\n\nSergey Lavrov: More words.\n", [3, 5, 7]),
    ("mirror banner in the middle stays",
     f"Join the GlobalSecurity.org mailing list\n\n{SPEECH}\n\n"
     "UNITED24 - Make a charitable donation in support of Ukraine!\n\nQuestion: And?\n", [3, 5, 7]),
    ("a bare name line after the text is not speech, with or without a Source: byline",
     f"Sergey Lavrov's remarks to the press\n\n{SPEECH}\n\nSergey Lavrov\n", [3]),
    ("a byline block at the end goes",
     f"Sergey Lavrov's remarks to the press\n\n{SPEECH}\n\nSource: The Ministry of Foreign Affairs of the Russian Federation\n\n"
     "Sergey Lavrov\nForeign Minister of Russia\n", [3]),
    ("language switcher only in the head",
     f"Sergey Lavrov's remarks to the press\n\n  • en-GB1 ru-RU1\n\n{SPEECH}\n\nAdvanced settings\n", [5]),
    ("chrome after the text goes without a source profile",
     f"Sergey Lavrov's remarks to the press\n\n{SPEECH}\n\nAdvanced settings\n", [3]),
    ("CRLF and lone CR line ends",
     f"Sergey Lavrov's remarks to the press\r\n\r\n{SPEECH}\r\rQuestion: And?\r\n", [3, 5]),
    ("a caption repeating the headline inside the text goes; a short reply in its words stays",
     "Interview to Mir Television\n\nQuestion: Why?\n\nVladimir Putin: Because.\n\nInterview to Mir Television.\n\n"
     "We have plans.\n\nQuestion: An interview to Mir Television?\n\nVladimir Putin: Mir Television, interview.\n",
     [3, 5, 9, 11, 13]),
    ("a sentence is never taken as the title",
     f"Ladies and gentlemen,\n\n{SPEECH}\n", [1, 3]),
]


@pytest.mark.parametrize("case, text, kept", CASES, ids=[c[0] for c in CASES])
def test_cleaning_rules(case, text, kept, rules):
    assert [l.number for l in _clean(text, rules).body] == kept


def test_glued_dateline_is_taken_as_dateline_not_text(rules):
    t = _clean(f"8 April 202114:32\nSergey Lavrov's remarks to the press\n\n{SPEECH}\n", rules)
    assert t.header["dateline"].number == 1 and t.header["title"].number == 2


def test_a_line_that_starts_in_lower_case_is_not_taken_for_the_headline(tmp_path, rules):
    """A record's text cell wraps its lead: "Состоялась / рабочая встреча Владимира Путина с …": the
    second line is a sentence's middle, and the headline is the page's own, further down."""
    from build_scripts.build import load_corpus
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2022-04-21-meeting.txt").write_text(
        "Состоялась\nрабочая встреча Владимира Путина с Министром обороны Российской Федерации\nСергеем Шойгу.\n\n"
        "С.Шойгу: Уважаемый Владимир Владимирович! Докладываю о ходе работы, которую мы провели за неделю.\n\n"
        "В.Путин: Спасибо. Прошу продолжать эту работу и держать меня в курсе всех событий.\n\n"
        "Встреча с Министром обороны Сергеем Шойгу\n", encoding="utf-8")
    [t] = load_corpus(corpus, rules).transcripts
    assert t.value("title") == "Встреча с Министром обороны Сергеем Шойгу"
    assert [p["name"] for p in t.value("counterparts")] == ["Sergei Shoigu"]
