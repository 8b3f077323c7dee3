"""Topic assignment: the seeds against a table written from reading them, and the rules behind it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.build import load_corpus
from build_scripts.core.errors import RulesError
from build_scripts.core.rules import load_topics
from build_scripts.pipeline.topics import count_terms

# Written after reading each seed: the topics a reader would expect it to carry.
EXPECTED = {
    "2013-09-12-astana-lavrov-idrisov": {
        "arms-control", "csto", "eurasian-integration", "syria", "un", "united-states"},
    "2019-01-28-moscow-lavrov-atamkulov": {
        "afghanistan", "eurasian-integration", "syria", "terrorism", "un", "united-states"},
    "2020-09-09-moscow-lavrov-tleuberdi": {
        "balkans", "belarus", "caspian", "cis", "covid-19", "education", "european-union", "germany",
        "osce", "space", "transport-flights", "un"},
    "2020-11-interview-russia-kazakhstan-integration": {
        "covid-19", "csto", "education", "eurasian-integration", "sco", "transport-flights", "un",
        "united-states"},
    "2021-04-08-nur-sultan-lavrov-tleuberdi": {
        "arms-control", "caspian", "central-asia", "covid-19", "education", "eurasian-integration",
        "european-union", "sanctions", "space", "trade-economy", "transport-flights", "united-states"},
}
# Where the automatic rule falls short of that reading, a seed's sidecar adds the topic.
ADDED_BY_SIDECAR = {
    "2013-09-12-astana-lavrov-idrisov": {"csto"},       # one paragraph, two mentions
    "2019-01-28-moscow-lavrov-atamkulov": {"afghanistan"},  # "a detailed discussion on Afghanistan"
}


def _assigned(t) -> set[str]:
    return {m.slug for m in t.assigned_topics()}


def test_seed_topics_match_the_expected_table(corpus):
    assert {tid: _assigned(t) for tid, t in corpus.items()} == EXPECTED


def test_automatic_assignment_is_precise(corpus):
    """Without the sidecars, every topic the rule assigns is one a reader expects (no false tags)."""
    for tid, t in corpus.items():
        automatic = {m.slug for m in t.assigned_topics() if m.source == "extracted"}
        assert automatic <= EXPECTED[tid], f"{tid}: unexpected {automatic - EXPECTED[tid]}"
        assert EXPECTED[tid] - automatic == ADDED_BY_SIDECAR.get(tid, set())


@pytest.mark.parametrize("tid,slug", [
    ("2020-09-09-moscow-lavrov-tleuberdi", "syria"),        # never discussed
    ("2020-09-09-moscow-lavrov-tleuberdi", "united-states"),  # "Washington" is where Serbia and Kosovo signed
    ("2021-04-08-nur-sultan-lavrov-tleuberdi", "cis"),      # two mentions in lists
    ("2020-11-interview-russia-kazakhstan-integration", "arms-control"),  # the BTWC, once
    ("2020-11-interview-russia-kazakhstan-integration", "caspian"),  # once, in a question
])
def test_passing_mentions_do_not_tag(corpus, slug, tid):
    t = corpus[tid]
    assert slug not in _assigned(t)


def test_evidence_names_terms_counts_and_sections(corpus):
    m = corpus["2019-01-28-moscow-lavrov-atamkulov"].topics["syria"]
    assert m.assigned and m.source == "extracted"
    # Counted independently with grep -oP '(?<!\w)TERM(?!\w)' over the file (the title names no term).
    assert m.terms == {"Syrian": 11, "Syria": 7, "Idlib": 5, "Astana format": 1, "Hay'at Tahrir al-Sham": 1,
                       "al-Nusra": 1}
    assert m.mentions == 26
    assert list(m.sections) == ["opening", "q1", "q2"]  # the whole transcript: it has two questions


def test_sidecar_addition_is_recorded_with_file_line_and_note(corpus):
    m = corpus["2013-09-12-astana-lavrov-idrisov"].topics["csto"]
    assert (m.assigned, m.source, m.file, m.line, m.mentions) == \
        (True, "sidecar", "corpus/2013-09-12-astana-lavrov-idrisov.yml", 3, 2)
    assert "Line 24" in m.note


TOPIC = next(t for t in load_topics(Path(__file__).parent.parent / "build_scripts/data/topics.yml")
             if t.slug == "eurasian-integration")
UN = next(t for t in load_topics(Path(__file__).parent.parent / "build_scripts/data/topics.yml")
          if t.slug == "un")
US = next(t for t in load_topics(Path(__file__).parent.parent / "build_scripts/data/topics.yml")
          if t.slug == "united-states")


@pytest.mark.parametrize("topic,text,expected", [
    (TOPIC, "the Eurasian Economic Union (EAEU) and the EAEU", {"Eurasian Economic Union": 1, "EAEU": 1}),
    (TOPIC, "eurasian integration, Eurasian Integration", {"Eurasian integration": 2}),
    (TOPIC, "the EAEUs and XEAEU", {}),  # whole words only
    (UN, "a UN-led network; the UN/LAS envoy; unclear; UNESCO; un", {"UN": 2}),
    (US, "let us go; the US and the USA; American and Americans", {"US": 1, "USA": 1, "American": 1,
                                                                  "Americans": 1}),
])
def test_terms_match_whole_words_with_case_rules(topic, text, expected):
    assert count_terms(topic, text) == expected


TEXT = "Joint news conference, Moscow, September 9, 2020\n\nLadies and gentlemen,\n\n{body}\n"


def _corpus(tmp_path: Path, body: str, sidecar: str | None = None) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(TEXT.format(body=body), encoding="utf-8")
    if sidecar is not None:
        (corpus / "x.yml").write_text(sidecar, encoding="utf-8")
    return corpus


@pytest.mark.parametrize("mentions,assigned", [(1, False), (2, False), (3, True), (4, True)])
def test_threshold(tmp_path, rules, mentions, assigned):
    body = " ".join(["We discussed Syria."] * mentions)
    t = load_corpus(_corpus(tmp_path, body), rules).transcripts[0]
    assert t.topics["syria"].mentions == mentions
    assert ("syria" in {m.slug for m in t.assigned_topics()}) is assigned


def test_sidecar_removes_a_topic_and_says_so(tmp_path, rules):
    corpus = _corpus(tmp_path, "Syria. Syria. Syria.", "topics:\n  remove: [syria]\n  note: a list only\n")
    result = load_corpus(corpus, rules)
    t = result.transcripts[0]
    assert not t.topics["syria"].assigned
    assert (t.topics["syria"].source, t.topics["syria"].line, t.topics["syria"].note) == ("sidecar", 2, "a list only")
    assert not result.problems


def test_redundant_sidecar_entry_is_a_warning(tmp_path, rules):
    corpus = _corpus(tmp_path, "Syria. Syria. Syria.", "topics: {add: [syria]}\n")
    result = load_corpus(corpus, rules)
    assert [str(p) for p in result.problems] == [
        "corpus/x.yml:1: warning: topic `syria` is already assigned from the text, so `add` changes nothing "
        "— delete it from `topics.add`"]
    assert result.transcripts  # a warning does not refuse the file


@pytest.mark.parametrize("body,message", [
    ("version: 1\ntopics:\n  - {slug: a, name: A, description: d, terms: [x]}\n"
     "  - {slug: a, name: B, description: d, terms: [y]}\n", "slug 'a' must be unique"),
    ("version: 1\ntopics:\n  - {slug: Bad Slug, name: A, description: d, terms: [x]}\n", "lower-case-with-dashes"),
    ("version: 1\ntopics:\n  - {slug: a, name: A, description: d, terms: []}\n", "non-empty list"),
    ("version: 1\ntopics:\n  - {slug: a, name: A, description: d, terms: [x], min_mentions: 0}\n", "≥ 1"),
    ("version: 1\ntopics:\n  - {slug: a, name: A, terms: [x]}\n", "a topic has `slug`"),
])
def test_bad_vocabulary_is_refused(tmp_path, body, message):
    path = tmp_path / "topics.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RulesError, match=message):
        load_topics(path)


# Written after reading tests/fixtures/ru/: the topics a Russian reader would assign. The text
# inflects every term ("в Евразийском экономическом союзе", "Каспийского моря"), and names Syria
# only in passing beside the word "сироты" (orphans), which must not count for it.
EXPECTED_RU = {"2024-06-03-astana-press-conference": {"eurasian-integration", "caspian", "csto"}}
FIXTURES_RU = Path(__file__).parent / "fixtures" / "ru"


def test_russian_text_gets_the_topics_a_russian_reader_would_assign(tmp_path, rules):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES_RU, corpus)
    for t in load_corpus(corpus, rules).transcripts:
        assert t.language == "ru"
        assert _assigned(t) == EXPECTED_RU[t.id], t.id
    t = load_corpus(corpus, rules).transcripts[0]
    eaeu = t.topics["eurasian-integration"]
    assert eaeu.name == "Eurasian integration (EAEU)"  # the fact in English, the evidence as the text words it
    assert eaeu.terms == {"Евразийский экономический союз": 1, "ЕАЭС": 1, "Высший Евразийский экономический совет": 1}
    assert t.topics["caspian"].terms == {"Каспий": 1, "Каспийский саммит": 1, "Каспийское море": 1,
                                         "прикаспийские государства": 1}
    assert "syria" not in t.topics or not t.topics["syria"].assigned
    assert t.topics.get("syria") is None or "Сирия" not in t.topics["syria"].terms


@pytest.mark.parametrize("text,expected", [
    ("в Сирии, о Сирии, с Сирией", {"Сирия": 3}),
    ("сироты и сирень", {}),
    ("сирийского урегулирования", {"сирийский": 1}),
])
def test_russian_terms_match_every_form_of_their_words_and_nothing_else(rules, text, expected):
    assert count_terms(rules.topic("syria").russian, text) == expected


def test_an_english_text_is_not_read_with_the_russian_terms(tmp_path, rules):
    t = load_corpus(_corpus(tmp_path, "ОДКБ ОДКБ ОДКБ. We met in Astana and talked at length."), rules).transcripts[0]
    assert "csto" not in t.topics


@pytest.mark.parametrize("slug,russian,text,expected", [
    # a phrase that holds a term but names something else counts for nothing, in either language
    ("belarus", False, "the Minsk agreements, the Minsk Package of Measures and Minsk itself", {"Minsk": 1}),
    ("belarus", True, "выполнения Минских договоренностей; в Минске", {"Минск": 1}),
    ("sanctions", True, "без санкции Совета Безопасности ООН, а санкции против России", {"санкции": 1}),
    ("sanctions", False, "without the UN Security Council's sanction; new sanctions", {"sanctions": 1}),
    ("trade-economy", True, "в промышленной зоне завода; промышленность региона", {"промышленность": 1}),
    # "образование" is also "formation": only the phrases of education count
    ("education", True, "образование СССР; система образования; высшего образования",
     {"система образования": 1, "высшее образование": 1}),
    # the longest term a form belongs to names it ("сирийские" is сирийский, not Сирия)
    ("syria", True, "сирийские беженцы", {"сирийский": 1}),
])
def test_phrases_that_name_something_else_are_not_counted(rules, slug, russian, text, expected):
    topic = rules.topic(slug)
    assert count_terms(topic.russian if russian else topic, text) == expected


def test_a_topic_page_lists_the_russian_terms_and_the_phrases_not_counted(rules):
    from build_scripts.site.indexes.topic_pages import render_topic_page
    page = render_topic_page(rules.topic("belarus"), [])
    assert 'In a Russian text, in any of their forms: <span lang="ru">Белоруссия,' in page
    assert "Not counted, since they name something else: Minsk agreements," in page
    assert '<span lang="ru">Минские договорённости,' in page


def test_a_malformed_not_terms_is_refused(tmp_path):
    path = tmp_path / "topics.yml"
    path.write_text("version: 1\ntopics:\n  - {slug: a, name: A, description: d, terms: [x], not_terms: 5}\n",
                    encoding="utf-8")
    with pytest.raises(RulesError, match=r"topic 'a': `not_terms` must be a non-empty list of text"):
        load_topics(path)


@pytest.mark.parametrize("term, forms, others", [
    ("уран", ["урана", "урановый"], ["Урала", "Уралом"]),  # the stemmer's "ура-" would find the Urals
    ("Сирия", ["Сирии", "Сирией"], ["сироты"]),
])
def test_a_short_stem_keeps_the_word_s_own_letters(term, forms, others):
    from build_scripts.core import word_forms
    assert all(word_forms.is_form_of(form, term) for form in forms)
    assert not any(word_forms.is_form_of(other, term) for other in others)
