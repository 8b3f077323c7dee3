"""Transcripts in the forms contributors hold them (tests/fixtures/forms, written for these tests):
a saved web page, one record of an export, a channel post, a Russian page's text cell, PDF text.

Each is read with no source profile: the facts the text (or its container) states, the speakers,
every spoken word, and the chrome that goes with the reason it goes.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts.build import load_transcript
from build_scripts.pipeline.labels import parse_label, recurring_labels, split_inline_turns
from build_scripts.core.rules import load_rules

FORMS = Path(__file__).parent / "fixtures" / "forms"
WORD = re.compile(r"\w+")

# file: (form, language, title, date, time, place, event type, turn speakers in order)
EXPECTED = {
    "page-with-chrome.html": ("html", "en", "Talks with Foreign Minister of Kazakhstan Murat Nurtleu", "2024-03-14",
                              "11:30", "Moscow", "meeting", ["Sergey Lavrov", "Murat Nurtleu"]),
    "record.txt": ("csv-record", "en", "Meeting with President of Kazakhstan Kassym-Jomart Tokayev", "2024-05-16",
                   "15:30", "Moscow", "meeting", ["Vladimir Putin", "Kassym-Jomart Tokayev", "Vladimir Putin"]),
    "channel-post.txt": ("text", "en", "Foreign Minister Sergey Lavrov’s remarks at a meeting with Foreign Minister of "
                         "Kazakhstan Murat Nurtleu (Astana, June 3, 2024)", "2024-06-03", None, "Astana", "speech",
                         ["Sergey Lavrov"]),
    "kremlin-ru-cell.txt": ("text", "ru", "Совещание с постоянными членами Совета Безопасности", "2022-07-19", None,
                            None, "meeting", ["Владимир Путин", None, "Сергей Лавров"]),
    "wrapped-pdf.txt": ("text", "en", None, None, None, None, None, [None]),
    "browser-copy.txt": ("text", "en", "Vladimir Putin’s interview to Khabar Television", "2023-10-02", "10:00",
                         "Moscow", "interview", [None, "Vladimir Putin"]),
}


def _load(name: str):
    return load_transcript(FORMS / name, FORMS.parent, load_rules())


def _spoken(t) -> str:
    return " ".join(p.text for s in t.sections for turn in s.turns for p in turn.paragraphs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_facts_and_speakers_without_any_rules(name):
    form, language, title, date, time, place, event, speakers = EXPECTED[name]
    t = _load(name)
    assert (t.form, t.value("language"), t.value("title"), t.value("date"), t.value("time"), t.value("place"),
            t.value("event_type")) == (form, language, title, date, time, place, event)
    assert [turn.speaker for s in t.sections for turn in s.turns] == speakers
    assert all(r.rule for r in t.removals)


@pytest.mark.parametrize("name, sentences", [
    ("page-with-chrome.html", ["Our trade grew last year, and we agreed to prepare new projects in energy, transport "
                               "and education for our presidents."]),
    ("record.txt", ["We value our alliance and I am sure that our talks will be useful for both our countries."]),
    ("channel-post.txt", ["Our countries are allies, and we will continue to coordinate our positions in the CSTO "
                          "and the CIS."]),
    ("kremlin-ru-cell.txt", ["Мы обсудим сегодня наше сотрудничество с Казахстаном в рамках Евразийского союза.",
                             "Хочу отметить следующее:"]),
    ("browser-copy.txt", ["Our relations are those of allies, and I am sure they will grow stronger every year.",
                          "We have many joint projects in energy and transport, and we will carry them out together."]),
    ("wrapped-pdf.txt", ["Under these circumstances there is an urgent need to agree upon collective responses to "
                         "the key issues of today in our region.",
                         "and we will go on with that policy as the founding fathers of the Organization envisioned it."]),
])
def test_every_spoken_sentence_is_kept_whole(name, sentences):
    spoken = " ".join(WORD.findall(_spoken(_load(name))))
    for sentence in sentences:
        assert " ".join(WORD.findall(sentence)) in spoken


@pytest.mark.parametrize("name, chrome, reason", [
    ("page-with-chrome.html", "Print version", None),  # trafilatura leaves the footer out altogether
    ("record.txt", "Tokayev Kassym-JomartPresident of the Republic of Kazakhstan", "tool-tip text printed beside a name"),
    ("record.txt", "The talks were held in the Kremlin", "line outside the text (site chrome or the page's own description)"),
    ("channel-post.txt", "#RussiaKazakhstan", "hashtag line"),
    ("channel-post.txt", "Watch the full video", "link or call to action marked with a symbol"),
    ("kremlin-ru-cell.txt", "Лавров Сергей ВикторовичМинистр иностранных дел Российской Федерации",
     "tool-tip text printed beside a name"),
    ("kremlin-ru-cell.txt", "Дата публикации:", "published"),
    ("kremlin-ru-cell.txt", "Ссылка на материал: kremlin.ru/d/12345", "link to the page itself"),
    ("kremlin-ru-cell.txt", "Все материалы сайта доступны по лицензии:", "copyright or licence notice"),
    ("wrapped-pdf.txt", "12/33 17-29585", "page header or footer (PDF)"),
    ("browser-copy.txt", "Interview to Khabar Television.", "caption repeating the headline (a photo or video "
     "caption printed inside the text)"),
    ("browser-copy.txt", "Events", "short line outside the text, without sentence punctuation (menu, site name or button)"),
    ("browser-copy.txt", "Version for People with Disabilities", None),
])
def test_chrome_goes_with_its_reason(name, chrome, reason):
    t = _load(name)
    assert chrome not in _spoken(t)
    if reason:
        assert any(chrome in r.text and r.rule == reason for r in t.removals), [(r.text, r.rule) for r in t.removals]


def test_a_role_comes_only_from_office_words_before_the_whole_name():
    """"Events Vladimir Putin’s …" (a breadcrumb run into the headline) or "Vladimir" before the alias
    "Putin" is no office: the role is the one the register holds for the date."""
    t = _load("browser-copy.txt")
    assert t.value("speakers") == [{"name": "Vladimir Putin", "role": "President of Russia"}]


def test_the_published_stamp_dates_a_page_only_when_nothing_else_does():
    t = _load("kremlin-ru-cell.txt")
    assert t.meta["date"].note == "the page's publication date; the text states no other"
    assert t.meta["date"].evidence == "Дата публикации:    19 июля 2022 года, 11:59"


def test_a_saved_page_states_its_own_address_and_site():
    t = _load("page-with-chrome.html")
    assert (t.value("source.url"), t.value("source.publisher")) == ("https://example.org/events/1234", "Example Ministry")
    assert t.value("counterparts") == [{"name": "Murat Nurtleu", "role": "Foreign Minister of Kazakhstan"}]


def test_a_record_under_its_header_line_takes_each_cell_by_its_column_name():
    """A short text and a headline that a form alone would not tell apart: the header names them."""
    t = _load("record-with-header.txt")
    assert (t.form, t.value("title"), t.value("date"), t.value("source.url")) == (
        "csv-record", "Talks with Foreign Minister of Kazakhstan Mukhtar Tleuberdi", "2021-03-14", "https://example.org/news/42")
    assert (t.meta["title"].note, t.meta["title"].line) == ("column 'headline' of the CSV record", 2)
    assert [turn.speaker for s in t.sections for turn in s.turns] == ["Sergey Lavrov", "Mukhtar Tleuberdi"]
    assert "headline" not in _spoken(t)


def test_a_name_label_seen_once_is_a_label_when_the_transcript_names_the_person_elsewhere(rules):
    texts = ["Talks with Foreign Minister of Kazakhstan Murat Nurtleu", "Sergey Lavrov: We have held talks.",
             "Murat Nurtleu: Thank you.", "Moscow Declaration: adopted in 2020.", "Askar Umarov: Hello."]
    recurring = recurring_labels(texts)
    assert parse_label("Murat Nurtleu: Thank you.", rules, recurring).speaker == "Murat Nurtleu"
    assert parse_label("Moscow Declaration: adopted in 2020.", rules, recurring) is None  # named nowhere else
    assert parse_label("Askar Umarov: Hello.", rules, recurring) is None


def test_a_records_cells_keep_their_provenance():
    t = _load("record.txt")
    assert (t.meta["title"].note, t.meta["title"].line) == ("cell 2 of the CSV record", 1)
    assert t.meta["place"].evidence == "The Kremlin, Moscow"
    assert t.value("source.url") == "https://example.org/events/5678"


@pytest.mark.parametrize("text, speaker, role, question", [
    ("President of Russia Vladimir Putin: Colleagues,", "Vladimir Putin", "President of Russia", False),
    ("President of the Kyrgyz Republic Sadyr Japarov: Thank you.", "Sadyr Japarov", "President of the Kyrgyz Republic",
     False),
    ("President of the Republic of Belarus, Alexander Lukashenko: Friends!", "Alexander Lukashenko",
     "President of the Republic of Belarus", False),
    ("CSTO Secretary General Stanislav Zas: Thank you.", "Stanislav Zas", "CSTO Secretary General", False),
    ("💬 Sergey Lavrov: That is hardly our problem.", "Sergey Lavrov", None, False),
    ("❓ Question: On relations between the US and Europe.", None, None, True),
    ("Question (retranslated): What next?", None, None, True),
    ("В.Путин:", "Vladimir Putin", None, False),
    ("Ж.Дюпон: Спасибо.", "Ж.Дюпон", None, False),  # initials and a surname the register does not know
    ("Ж.Ширак: Спасибо.", "Jacques Chirac", None, False),
    ("А.Расмуссен (как переведено): Да.", "А.Расмуссен", None, False),
    ("Вопрос: Как Вы оцениваете итоги?", None, None, True),
    ("Реплика: Спасибо.", None, None, True),
])
def test_label_forms(text, speaker, role, question, rules):
    label = parse_label(text, rules)
    assert label is not None and (label.speaker, label.role, label.question) == (speaker, role, question)


@pytest.mark.parametrize("text", [
    "Хочу вместе с тем отметить и следующее:",  # speech that merely ends with a colon
    "Первое: мы договорились.",  # one capitalised word, once, no office
    "Ladies and Gentlemen: welcome.",
])
def test_not_labels(text, rules):
    assert parse_label(text, rules) is None


def test_turns_run_together_in_an_export_are_split_at_each_label(rules):
    text = ("The benchmarks for 2022 were determined. * * * Address at the meeting of the Supreme Eurasian Economic "
            "Council President of Russia Vladimir Putin: Good afternoon, colleagues. I share the views of those who "
            "spoke. Prime Minister of Armenia Nikol Pashinyan: Thank you, Mr Putin. We agree with this.")
    assert split_inline_turns(text, rules, frozenset()) == [
        "The benchmarks for 2022 were determined. * * *",
        "Address at the meeting of the Supreme Eurasian Economic Council",
        "President of Russia Vladimir Putin: Good afternoon, colleagues. I share the views of those who spoke.",
        "Prime Minister of Armenia Nikol Pashinyan: Thank you, Mr Putin. We agree with this."]
