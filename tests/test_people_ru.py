"""The people of a Russian title (build_scripts/pipeline/people_ru.py, core/name_forms.py): names
and offices in any grammatical case, shown in English with the Russian wording as evidence."""
from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.build import load_corpus
from build_scripts.core.name_forms import is_form_of, nominative_from_instrumental
from build_scripts.core.rules import load_rules
from build_scripts.pipeline import people_ru
from build_scripts.pipeline.render import front_matter

RULES = load_rules()


@pytest.mark.parametrize("written, spelling, same", [
    ("С.В.Лаврова", "С.В.Лавров", True), ("С.В.Лавровым", "С.В.Лавров", True),
    ("Жаком Шираком", "Жак Ширак", True), ("Сергеем Лавровым", "Сергей Лавров", True),
    ("Касым-Жомартом Токаевым", "Касым-Жомарт Токаев", True), ("М.А.Нуртлеу", "М.А.Нуртлеу", True),
    ("Лавровский", "Лавров", False), ("Шойгуна", "Шойгу", False), ("Lavrova", "Lavrov", False),
])
def test_a_russian_name_is_known_in_every_case(written, spelling, same):
    assert is_form_of(written, spelling) is same


@pytest.mark.parametrize("written, nominative", [
    ("Б.Саидовым", "Б.Саидов"), ("Жаком Шираком", "Жак Ширак"), ("Марией Захаровой", "Мария Захарова"),
    ("Ж.Боррелем", "Ж.Боррель"), ("Александром Вучичем", "Александр Вучич"), ("Тони Блэром", "Тони Блэр"),
    ("Мевлютом Чавушоглу", "Мевлют Чавушоглу"), ("Ван И", "Ван И"),
])
def test_a_name_after_s_with_is_put_in_the_nominative(written, nominative):
    assert nominative_from_instrumental(written) == nominative


@pytest.mark.parametrize("head, expected", [
    ("Выступление С.В.Лаврова в ходе совместной пресс-конференции с Министром иностранных дел Республики "
     "Казахстан М.А.Нуртлеу", [("Murat Nurtleu", "Foreign Minister of Kazakhstan")]),
    ("Переговоры с Президентом Казахстана Касым-Жомартом Токаевым", [("Kassym-Jomart Tokayev", "President of Kazakhstan")]),
    ("Телефонный разговор с Президентом Франции Жаком Шираком", [("Jacques Chirac", "President of France")]),
    # the register does not know him: his name as written, in the nominative
    ("Вступительное слово в ходе переговоров с Министром иностранных дел Республики Узбекистан Б.Саидовым",
     [("Б.Саидов", "Foreign Minister of Uzbekistan")]),
    # nor his office: it is not translated, and the panel shows the words as the evidence
    ("Переговоры с Министром иностранных дел Монголии Б.Батцэцэгом", [("Б.Батцэцэг", None)]),
    ("Встреча с Министром иностранных дел Казахстана Мухтаром Тлеуберди и Президентом России В.В.Путиным",
     [("Mukhtar Tleuberdi", "Foreign Minister of Kazakhstan"), ("Vladimir Putin", "President of Russia")]),
    # an office the register does not list, and a name it does not know, written after "с" (with)
    ("Совместная пресс-конференция с Генеральным секретарём НАТО Джорджем Робертсоном",
     [("Джордж Робертсон", "Secretary General of NATO")]),
    ("Телефонный разговор исполняющего обязанности Президента России Владимира Путина с Президентом Франции "
     "Жаком Шираком", [("Jacques Chirac", "President of France")]),
    ("Переговоры по вопросам сотрудничества с Республикой Казахстан", None),  # a country, not a person
    ("Совещание с постоянными членами Совета Безопасности", None),  # no one named
    ("Интервью С.В.Лаврова телеканалу «Россия 1»", None),
])
def test_counterparts_of_a_russian_title(head, expected):
    found = people_ru.counterparts(head, RULES)
    assert (None if found is None else [(name, role) for name, role, _ in found[0]]) == expected


def test_an_unknown_name_says_how_it_was_read():
    [(name, role, how)], who = people_ru.counterparts("переговоры с Министром иностранных дел Республики "
                                                      "Узбекистан Б.Саидовым", RULES)
    assert how == ("“Б.Саидовым” as the title writes it, in the nominative “Б.Саидов”; office “Министром "
                   "иностранных дел Республики Узбекистан” is Foreign Minister of Uzbekistan")
    assert who == "Министром иностранных дел Республики Узбекистан Б.Саидовым"


def test_the_russian_page_shows_the_facts_in_english_with_the_russian_wording_as_evidence():
    by_id = {t.id: t for t in load_corpus(Path(__file__).parent / "fixtures" / "pairs", RULES).transcripts}
    fm = front_matter(by_id["2024-06-03-astana-lavrov-ru"])
    assert fm["speakers"] == [{"name": "Sergey Lavrov", "role": "Foreign Minister of Russia"}]
    assert fm["provenance"]["speakers"]["note"] == (
        "Sergey Lavrov: role “Министра иностранных дел Российской Федерации” from the title (line 1)")
    assert fm["counterparts"] == [{"name": "Murat Nurtleu", "role": "Foreign Minister of Kazakhstan"}]
    assert fm["provenance"]["counterparts"] == {
        "source": "extracted", "line": 1, "evidence": "Министром иностранных дел Республики Казахстан М.А.Нуртлеу",
        "note": "“М.А.Нуртлеу” is Murat Nurtleu; office “Министром иностранных дел Республики Казахстан” is "
                "Foreign Minister of Kazakhstan"}


def test_the_panel_shows_how_the_russian_text_words_the_people():
    from build_scripts.build import render_site
    transcripts = load_corpus(Path(__file__).parent / "fixtures" / "pairs", RULES).transcripts
    ru = render_site(transcripts, RULES)["transcripts/2024-06-03-astana-lavrov-ru/index.md"]
    assert ('<p class="meta-note"><strong>In the text’s words:</strong> date <q lang="ru">3 июня 2024 года</q> · '
            'event <q lang="ru">совместной пресс-конференции</q> · speakers <q lang="ru">Министра иностранных дел '
            'Российской Федерации С.В.Лаврова</q> · counterpart <q lang="ru">Министром иностранных дел Республики '
            'Казахстан М.А.Нуртлеу</q></p>') in ru
    en = render_site(transcripts, RULES)["transcripts/2024-06-03-astana-lavrov-en/index.md"]
    assert "In the text’s words" not in en  # an English page's panel is already in the text's words


def test_an_acting_office_is_read_as_acting():
    title = "Телефонный разговор исполняющего обязанности Президента России Владимира Путина с Жаком Шираком"
    assert people_ru.speaker_role(title, RULES, "Vladimir Putin") == (
        "Acting President of Russia", "исполняющего обязанности Президента России",
        "исполняющего обязанности Президента России Владимира Путина")


def test_a_latin_letter_typed_in_a_cyrillic_name_is_read_as_the_cyrillic_one():
    assert RULES.person("B.Путин").name == "Vladimir Putin"  # a Latin B for the Cyrillic В
    assert RULES.person("B.Putin") is None  # a Latin name is not changed


def test_a_speaker_who_is_the_counterpart_has_one_wording_for_both(tmp_path):
    from build_scripts.build import render_site
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2002-06-10-moscow-putin-chirac.txt").write_text(
        "Совместная пресс-конференция с Президентом Франции Жаком Шираком, Москва, 10 июня 2002 года\n\n"
        "В.Путин: Уважаемые дамы и господа, мы провели обстоятельные переговоры с нашими французскими друзьями.\n\n"
        "Ж.Ширак: Благодарю Президента России за тёплый приём и за откровенный разговор о наших отношениях.\n",
        encoding="utf-8")
    [t] = load_corpus(corpus, RULES).transcripts
    assert [p["name"] for p in front_matter(t)["speakers"]] == ["Vladimir Putin", "Jacques Chirac"]
    pages = render_site([t], RULES)
    page = pages["transcripts/2002-06-10-moscow-putin-chirac/index.md"]
    assert ('speakers and counterpart <q lang="ru">Президентом Франции Жаком Шираком</q>') in page
    assert page.count("Президентом Франции Жаком Шираком</q>") == 1
    # the listings mark the Russian title's language, and give him one row for the two parts he plays
    assert "(../transcripts/2002-06-10-moscow-putin-chirac/index.md){lang=ru hreflang=ru}" in pages["timeline/2002.md"]
    chirac = pages["people.md"].split("{#jacques-chirac}")[1].split("\n## ")[0]
    assert chirac.count("| 10 June 2002 |") == 1 and "| speaker and counterpart | President of France |" in chirac
