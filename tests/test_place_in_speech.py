"""The place a speaker names as where they stand (build_scripts/pipeline/place_in_speech.py):
read only when nothing else states the place, and shown as inferred with the words."""
from __future__ import annotations

import pytest

from build_scripts.build import load_corpus
from build_scripts.pipeline.render import front_matter

TITLE = "Foreign Minister Sergey Lavrov's remarks at a news conference, 5 June 2024"
TITLE_RU = "Выступление Министра иностранных дел Российской Федерации С.В.Лаврова, 5 июня 2024 года"


def _place(tmp_path, rules, title: str, body: str):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2024-06-05-remarks.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    [t] = load_corpus(corpus, rules).transcripts
    fm = front_matter(t)
    return fm["place"], fm["provenance"].get("place")


@pytest.mark.parametrize("title, body, place, words", [
    (TITLE, "Sergey Lavrov: Ladies and gentlemen, it is a pleasure to be here in Astana again and to meet our "
            "friends.", "Astana", "here in Astana"),
    (TITLE, "Sergey Lavrov: Let me welcome you to Moscow, dear colleagues, for this round of our consultations.",
     "Moscow", "welcome you to Moscow"),
    # a Russian place in any case, shown in English
    (TITLE_RU, "С.В.Лавров: Уважаемые дамы и господа, я рад, что здесь, в\u00a0Алматы, мы провели переговоры.",
     "Almaty", "здесь, в\u00a0Алматы"),
    (TITLE_RU, "С.В.Лавров: Рад приветствовать вас в Москве, дорогие коллеги, на наших консультациях.",
     "Moscow", "приветствовать вас в Москве"),
])
def test_the_place_a_speaker_stands_in_is_inferred_with_the_words(tmp_path, rules, title, body, place, words):
    shown, provenance = _place(tmp_path, rules, title, body)
    assert shown == place
    assert provenance["source"] == "inferred" and provenance["evidence"] == words and provenance["line"] == 3


@pytest.mark.parametrize("title, body", [
    # two places said so: which one the event was in is not for the rule to say
    (TITLE, "Sergey Lavrov: We met here in Moscow last year, and we are glad to be here in Astana today."),
    # a place named without the speaker saying they are there
    (TITLE, "Sergey Lavrov: We discussed the summit in Astana and the talks in Moscow at length today."),
])
def test_no_place_is_inferred_without_one_clear_cue(tmp_path, rules, title, body):
    assert _place(tmp_path, rules, title, body) == (None, None)


def test_the_title_s_place_comes_first(tmp_path, rules):
    shown, provenance = _place(tmp_path, rules, "Foreign Minister Sergey Lavrov's remarks, Moscow, 5 June 2024",
                               "Sergey Lavrov: It is good to be here in Astana, as we said we would be.")
    assert shown == "Moscow" and provenance["source"] == "extracted"
