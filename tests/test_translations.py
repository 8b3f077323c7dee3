"""Originals and their translations (build_scripts/pipeline/translations.py): a Russian transcript
and its English translation are paired, set in a sidecar or inferred from what the two state, say
so at the top of both pages, and the listings show the event once."""
from __future__ import annotations

import csv
import gzip
import io
import json
import re
import shutil
from pathlib import Path

from build_scripts.build import load_corpus, render_site
from build_scripts.pipeline.align import align

FIXTURES = Path(__file__).parent / "fixtures" / "pairs"
RU, EN, OTHER = "2024-06-03-astana-lavrov-ru", "2024-06-03-astana-lavrov-en", "2024-06-03-moscow-other-en"


def _corpus(tmp_path: Path, sidecars: dict[str, str] | None = None) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    for tid, text in (sidecars or {}).items():
        (corpus / f"{tid}.yml").write_text(text, encoding="utf-8")
    return corpus


def test_a_translation_is_paired_with_its_original_from_what_both_state(tmp_path, rules):
    result = load_corpus(_corpus(tmp_path), rules)
    by_id = {t.id: t for t in result.transcripts}
    en, ru, other = by_id[EN], by_id[RU], by_id[OTHER]
    assert (en.language, ru.language) == ("en", "ru")
    assert en.translation_of is not None and en.translation_of.id == RU and ru.translation.id == EN
    assert en.translation_of.source == "inferred"
    assert en.translation_of.why == ("the same day; the same people (Murat Nurtleu, Sergey Lavrov); the same place (Astana); "
                                     "a translation's length")
    # the same day, but another place and not a translation's length: no pair
    assert other.translation_of is None and other.translation is None
    assert other.value("counterparts") is None  # "a meeting with students of MGIMO University" names no one
    assert en.value("counterparts") == [{"name": "Murat Nurtleu", "role": "Foreign Minister of Kazakhstan"}]
    assert [p for p in result.problems if p.severity == "error"] == []


def test_both_pages_say_so_and_the_listings_show_the_event_once(tmp_path, rules):
    pages = render_site(load_corpus(_corpus(tmp_path), rules).transcripts, rules)
    en, ru = pages[f"transcripts/{EN}/index.md"], pages[f"transcripts/{RU}/index.md"]
    assert ('<p class="pair-note" role="note" data-search-exclude><strong>English translation</strong> · '
            f'Original in Russian: <a href="../{RU}/" hreflang="ru" lang="ru">Выступление') in en
    assert ('<strong>Original in Russian</strong> · English translation: '
            f'<a href="../{EN}/" hreflang="en" lang="en">Foreign Minister') in ru
    assert 'title="the same day; the same people (Murat Nurtleu, Sergey Lavrov)' in en
    assert "translation_of:\n  id: " + RU in en and "translation:\n  id: " + EN in ru
    # a Russian title's heading gets a readable id (MkDocs' own keeps ASCII only: "-3-2024")
    assert "{#vystuplenie-i-otvety-na-voprosy-smi-ministra-inostrannykh-del-rossiyskoy-federatsii-s-v-lavrova-v-" \
           "khode-sovmestnoy-press .transcript-title lang=ru}" in ru
    assert "{.transcript-title}" in en  # an English one keeps MkDocs' id
    year = pages["timeline/2024.md"]
    assert f"(../transcripts/{EN}/index.md) · [original in Russian](../transcripts/{RU}/index.md){{hreflang=ru}}" in year
    assert "Выступление" not in year  # the original is no entry of its own: the event is listed once
    assert "its place in the time order under" in ru  # the original points to the translation's place
    for listing in ("places.md", "timeline.md"):  # and the listings say how they count
        assert "An original and its English translation are one entry." in pages[listing]
    caspian = pages["topics/caspian/index.md"]
    assert caspian.count("<tr><td") == 1  # one event, one row, which links the original too
    assert f' · <a href="../../transcripts/{RU}/" hreflang="ru">original in Russian</a>' in caspian
    searched = "".join(text for name, text in pages.items() if name.startswith("search/p-"))
    assert RU in searched and EN in searched  # both texts are searched
    values = pages["search/facet-values.js"]  # and the search can keep one language
    assert '"language"' in values and '"English","Russian"' in values.replace(" ", "")


def test_the_data_files_hold_one_entry_per_event_with_the_original_beside_its_translation(tmp_path, rules):
    pages = render_site(load_corpus(_corpus(tmp_path), rules).transcripts, rules)
    unpacked = {name: gzip.decompress(pages[f"data/{name}.gz"]).decode("utf-8")
                for name in ("corpus.jsonl", "corpus.csv", "turns.csv")}
    lines = [json.loads(line) for line in unpacked["corpus.jsonl"].splitlines()]
    assert sorted(line["id"] for line in lines) == [EN, OTHER]  # two events, not three rows
    [en] = [line for line in lines if line["id"] == EN]
    assert en["original"] == json.loads(pages[f"transcripts/{RU}.json"])  # the original's own record
    jsonl_line = next(line for line in unpacked["corpus.jsonl"].splitlines() if f'"id":"{EN}"' in line)
    assert jsonl_line.startswith(pages[f"transcripts/{EN}.json"].rstrip("\n")[:-1] + ',"original":{')
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(unpacked["corpus.csv"]))}
    assert set(rows) == {EN, OTHER}
    assert (rows[EN]["original_id"], rows[EN]["original_language"]) == (RU, "ru")
    assert rows[EN]["original_title"].startswith("Выступление") and rows[EN]["original_page"] == f"transcripts/{RU}/"
    ru_words = json.loads(pages[f"transcripts/{RU}.json"])["sections"][0]["turns"][0]["paragraphs"][0]["text"]
    assert ru_words in rows[EN]["original_text"] and rows[OTHER]["original_id"] == ""
    turns = [row["transcript_id"] for row in csv.DictReader(io.StringIO(unpacked["turns.csv"]))]
    assert {EN, RU, OTHER} == set(turns)  # every text's turns: both languages of the event
    assert turns.index(RU) > max(i for i, tid in enumerate(turns) if tid == EN)  # the original after its translation
    assert "**3 transcripts of 2 events, 1 of them in two languages;" in pages["data.md"]


def test_a_sidecar_sets_the_pair_and_names_its_line(tmp_path, rules):
    corpus = _corpus(tmp_path, {OTHER: "note: the ministry's translation\ntranslation_of: " + RU + "\n"})
    by_id = {t.id: t for t in load_corpus(corpus, rules).transcripts}
    assert by_id[OTHER].translation_of.id == RU
    assert (by_id[OTHER].translation_of.source, by_id[OTHER].translation_of.why) == (
        "sidecar", f"set in corpus/{OTHER}.yml, line 2")
    assert by_id[EN].translation_of is None  # the original has its translation already


def test_a_sidecar_naming_no_transcript_is_refused_with_its_line(tmp_path, rules):
    corpus = _corpus(tmp_path, {EN: "translation_of: 2024-06-03-astana-lavrov-kk\n"})
    problems = [str(p) for p in load_corpus(corpus, rules).problems if "translation_of" in p.message]
    assert problems == [f"corpus/{EN}.yml:1: error: `translation_of` names no transcript of the corpus "
                        "(2024-06-03-astana-lavrov-kk) — give the id of the original, its corpus file name without .txt"]


def test_a_malformed_translation_of_is_refused(tmp_path, rules):
    corpus = _corpus(tmp_path, {EN: "translation_of: [a, b]\n"})
    problems = [str(p) for p in load_corpus(corpus, rules).problems if "translation_of" in p.message]
    assert problems == [f"corpus/{EN}.yml:1: error: `translation_of` must be the id of the original transcript — "
                        f"write its corpus file name without .txt, e.g. `translation_of: 2024-06-03-astana-lavrov-nurtleu`"]


def test_the_side_by_side_view_aligns_turn_by_turn_with_permalinks_in_both_languages(tmp_path, rules):
    pages = render_site(load_corpus(_corpus(tmp_path), rules).transcripts, rules)
    view = pages[f"transcripts/{EN}/side-by-side/index.md"]
    rows = re.findall(r'<tr id="r(\d+)"[^>]*>(.*?)</tr>', view)
    assert [n for n, _ in rows] == ["1", "2", "3", "4", "5", "6"]
    assert "sbs-row--uncertain" not in view  # paragraph for paragraph, each of a translation's length
    third = rows[2][1]
    assert '<td lang="ru"><p id="ru-q1-p1">' in third and '<td lang="en"><p id="en-q1-p1">' in third
    assert "Как Вы оцениваете работу ОДКБ" in third and "How do you assess the work of the CSTO" in third
    assert f'href="../../{RU}/#q1-p1"' in third and f'href="../#q1-p1"' in third  # each paragraph on its page
    assert f'href="../{EN}/side-by-side/"' in pages[f"transcripts/{EN}/index.md"]
    assert f'href="../{EN}/side-by-side/"' in pages[f"transcripts/{RU}/index.md"]


def test_a_translation_printed_as_one_block_is_aligned_sentence_by_sentence(tmp_path, rules):
    """When one side has far fewer paragraphs (a record that joined them), sentences are aligned."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    ru = [f"Предложение номер {n} о сотрудничестве России и Казахстана в области {topic}." for n, topic in
          enumerate(["энергетики", "транспорта и логистики", "образования", "культуры и науки", "торговли"], 1)]
    en = [f"Sentence number {n} on the cooperation of Russia and Kazakhstan in {topic}." for n, topic in
          enumerate(["energy", "transport and logistics", "education", "culture and science", "trade"], 1)]
    (corpus / "2024-07-01-address-ru.txt").write_text(
        "Обращение Министра иностранных дел России Сергея Лаврова, 1 июля 2024 года\n\n"
        + "\n\n".join(ru) + "\n", encoding="utf-8")
    (corpus / "2024-07-01-address-en.txt").write_text(
        "Address by Foreign Minister of Russia Sergey Lavrov, July 1, 2024\n\n" + " ".join(en) + "\n", encoding="utf-8")
    (corpus / "2024-07-01-address-en.yml").write_text("translation_of: 2024-07-01-address-ru\n", encoding="utf-8")
    by_id = {t.id: t for t in load_corpus(corpus, rules).transcripts}
    rows = align(by_id["2024-07-01-address-ru"], by_id["2024-07-01-address-en"])
    assert len(rows) == 5
    for n, row in enumerate(rows, 1):
        assert [u.text for u in row.original] == [ru[n - 1]] and [u.text for u in row.translation] == [en[n - 1]]


def test_each_page_is_cited_in_its_own_language_and_the_translation_names_its_original(tmp_path, rules):
    import json

    import bibtexparser
    import rispy

    from build_scripts.pipeline.render import front_matter
    from build_scripts.site.cite import citations

    by_id = {t.id: t for t in load_corpus(_corpus(tmp_path), rules).transcripts}
    en = {c["key"]: c["text"] for c in citations(front_matter(by_id[EN]), "The archive")}
    ru = {c["key"]: c["text"] for c in citations(front_matter(by_id[RU]), "The archive")}
    original_title = by_id[RU].value("title")
    [item] = json.loads(en["csl-json"])
    assert (item["language"], item["original-title"]) == ("en", original_title)
    assert json.loads(ru["csl-json"])[0]["language"] == "ru" and json.loads(ru["csl-json"])[0]["title"] == original_title
    entry = bibtexparser.parse_string(en["bibtex"]).entries[0]
    assert (entry["language"], entry["origlanguage"], entry["origtitle"]) == ("english", "russian", "{" + original_title + "}")
    [record] = rispy.loads(en["ris"])
    assert record["language"] == "en" and record["original_publication"] == original_title
    assert f"Translated from the Russian original, “{original_title}.”" in en["chicago"]
    assert "In Russian." in ru["chicago"] and original_title in ru["chicago"]


def test_a_russian_page_names_its_place_in_english_with_the_russian_wording_as_evidence(rules):
    [t] = load_corpus(Path(__file__).parent / "fixtures" / "ru-search", rules).transcripts
    assert t.value("place") == "Moscow" and t.value("place_id") == "moscow"
    assert t.meta["place"].note.startswith("the source calls it Москва, in English Moscow")
