"""The Russian side of the data files: people, roles, labels, places and event types."""
from __future__ import annotations

import datetime as dt

import pytest

from build_scripts.core.errors import RulesError
from build_scripts.core.rules import load_places, load_rules

RULES = load_rules()


@pytest.mark.parametrize("spelling, name", [
    ("Сергей Лавров", "Sergey Lavrov"), ("С.В.Лавров", "Sergey Lavrov"), ("С.Лавров", "Sergey Lavrov"),
    ("ЛАВРОВ", "Sergey Lavrov"),
    ("Мухтар Тлеуберди", "Mukhtar Tleuberdi"), ("М.Тлеуберди", "Mukhtar Tleuberdi"),
    ("Ерлан Идрисов", "Erlan Idrisov"), ("Бейбут Атамкулов", "Beibut Atamkulov"),
    ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"), ("Касым-Жомарт Токаев", "Kassym-Jomart Tokayev"),
    ("Тоқаев", "Kassym-Jomart Tokayev"),
    ("Nazarbaev", "Nursultan Nazarbayev"), ("Нурсултан Назарбаев", "Nursultan Nazarbayev"),
    ("Владимир Путин", "Vladimir Putin"), ("В.Путин", "Vladimir Putin"), ("В.В.Путин", "Vladimir Putin"),
])
def test_russian_spellings_name_people(spelling, name):
    assert RULES.person(spelling).name == name


@pytest.mark.parametrize("name, day, role", [
    ("Vladimir Putin", dt.date(2005, 1, 1), "President of Russia"),
    ("Vladimir Putin", dt.date(2010, 1, 1), "Prime Minister of Russia"),
    ("Vladimir Putin", dt.date(2020, 9, 9), "President of Russia"),
    ("Nursultan Nazarbayev", dt.date(2013, 9, 12), "President of Kazakhstan"),
    ("Nursultan Nazarbayev", dt.date(2020, 9, 9), None),
    ("Kassym-Jomart Tokayev", dt.date(2019, 3, 19), None),
    ("Kassym-Jomart Tokayev", dt.date(2019, 3, 20), "President of Kazakhstan"),
])
def test_offices(name, day, role):
    office = RULES.person(name).office_on(day)
    assert (office.role if office else None) == role


@pytest.mark.parametrize("written, role", [
    ("Министр иностранных дел Российской Федерации", "Foreign Minister of Russia"),
    ("министр иностранных дел России", "Foreign Minister of Russia"),
    ("Министр иностранных дел Республики Казахстан", "Foreign Minister of Kazakhstan"),
    ("Заместитель Премьер-Министра – Министр иностранных дел Республики Казахстан",
     "Deputy Prime Minister – Foreign Minister of Kazakhstan"),
    ("Президент Российской Федерации", "President of Russia"),
])
def test_russian_roles(written, role):
    assert RULES.canonical_role(written) == role


@pytest.mark.parametrize("label", ["Вопрос", "Реплика", "Remark", "Comment", "Question"])
def test_question_labels(label):
    assert label.lower() in RULES.question_labels


@pytest.mark.parametrize("name, place, day, shown, shown_ru", [
    ("Москва", "moscow", dt.date(2020, 9, 9), None, None),
    ("Нур-Султан", "astana", dt.date(2021, 4, 8), "Nur-Sultan", "Нур-Султан"),
    ("Астана", "astana", dt.date(2013, 9, 12), "Astana", "Астана"),
    ("Астана", "astana", dt.date(2020, 1, 1), "Nur-Sultan", "Нур-Султан"),
    ("Алма-Ата", "almaty", dt.date(2020, 1, 1), None, None),
    ("Сочи", "sochi", None, None, None),
    ("Пекин", "beijing", None, None, None),
    ("Ashgabat", "ashgabat", None, None, None),
])
def test_russian_place_names(name, place, day, shown, shown_ru):
    found = RULES.places[name.lower()]
    assert (found.id, found.name_on(day), found.name_on(day, "ru")) == (place, shown, shown_ru)


def test_places_page_still_heads_with_the_english_name():
    assert RULES.places["астана"].names[-1].name == "Astana"


@pytest.mark.parametrize("places, message", [
    ("  - {id: x, names: [X], names_fr: [Y]}\n", r"place 'x': unknown keys \['names_fr'\]"),
    ("  - {id: a, names: [A], names_ru: [Б]}\n  - {id: b, names: [B], names_ru: [б]}\n",
     r"'б' names both 'a' and 'b'"),
])
def test_bad_places_file_is_refused(tmp_path, places, message):
    (tmp_path / "places.yml").write_text("version: 1\nplaces:\n" + places, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_places(tmp_path / "places.yml")


def _event_type(title: str) -> str | None:
    return next((kind for kind, pattern in RULES.event_types if pattern.search(title)), None)


@pytest.mark.parametrize("title, kind", [
    ("Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова в ходе совместной "
     "пресс-конференции по итогам переговоров с Министром иностранных дел Казахстана М.Тлеуберди, "
     "Москва, 9 сентября 2020 года", "press-conference"),
    ("Совместная пресс-конференция министров", "press-conference"),
    ("Интервью Министра иностранных дел России С.В.Лаврова казахстанской газете", "interview"),
    ("Брифинг официального представителя МИД России", "briefing"),
    ("Статья Министра иностранных дел России С.В.Лаврова", "article"),
    ("Ответы на вопросы СМИ по итогам переговоров", "press-conference"),
    ("ВЫСТУПЛЕНИЕ Министра на сессии", "speech"),
    ("Заявление для СМИ", "statement"),
    ("О встрече С.В.Лаврова с М.Тлеуберди", "meeting"),
    ("Переговоры министров иностранных дел", "meeting"),
    ("Совещание министров иностранных дел ОДКБ", "meeting"),
    # whole words only, in Cyrillic as in Latin script
    ("Встречался с коллегой", None),
    ("Переговорщики собрались", None),
    ("Интервьюер спросил", None),
])
def test_russian_event_types(title, kind):
    assert _event_type(title) == kind


@pytest.mark.parametrize("written, place, english", [
    ("Қарағанды", "karaganda", "Karaganda"), ("Qarağandy", "karaganda", "Karaganda"),
    ("Нұр-Сұлтан", "astana", "Nur-Sultan"), ("Nūr-Sūltan", "astana", "Nur-Sultan"),
    ("Өскемен", "oskemen", "Oskemen"), ("Усть-Каменогорск", "oskemen", "Ust-Kamenogorsk"),
    ("Байқоңыр", "baikonur", "Baikonur"), ("Бурабай", "burabay", "Burabay"),
])
def test_kazakh_place_names_in_both_alphabets_find_the_place(written, place, english):
    found = RULES.places[written.lower()]
    assert found.id == place and found.english_for(written) == english


@pytest.mark.parametrize("spelling, name", [
    ("Tıleuberdı", "Mukhtar Tleuberdi"), ("Mūrat Nūrtıleu", "Murat Nurtleu"), ("Ыдырысов", "Erlan Idrisov"),
    ("Idrissov", "Erlan Idrisov"), ("Atamqūlov", "Beibut Atamkulov"), ("Nūrsūltan Nazarbaev", "Nursultan Nazarbayev"),
])
def test_kazakh_latin_and_cyrillic_spellings_name_people(spelling, name):
    assert RULES.person(spelling).name == name


def test_the_places_page_lists_the_russian_and_kazakh_names():
    from build_scripts.site.indexes.places import _other_names
    assert _other_names(RULES.places["karaganda"]) == (' In Russian: <span lang="ru">Караганда</span>. In Kazakh: '
                                                       '<span lang="kk">Қарағанды, Qarağandy, Qaraghandy</span>.')
