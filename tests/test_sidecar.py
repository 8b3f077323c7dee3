"""Broken sidecars: each fixture is named after its problem; the exact message is asserted."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.build import load_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "sidecars"
TEXT = ("Foreign Minister Sergey Lavrov's remarks at a news conference, Moscow, September 9, 2020\n\n"
        "Ladies and gentlemen,\n\nQuestion: When?\n\nSergey Lavrov: Soon.\n")

EXPECTED = {
    "unknown-key": "corpus/x.yml:2: error: unknown key `plase` — did you mean `place`? Valid keys: "
                   "title, date, time, place, event_type, language, speakers, counterparts, source, topics, translation_of, note",
    "date-that-does-not-exist": "corpus/x.yml:1: error: bad date: day is out of range for month — "
                                "write the date as YYYY-MM-DD, YYYY-MM or YYYY",
    "date-not-iso": "corpus/x.yml:1: error: bad date: 'November 2020' is not a date in the form "
                    "YYYY-MM-DD, YYYY-MM or YYYY — write the date as YYYY-MM-DD, YYYY-MM or YYYY",
    "time-unquoted": 'corpus/x.yml:1: error: YAML read the time as a number — quote it: time: "14:32"',
    "unknown-event-type": "corpus/x.yml:1: error: unknown event_type 'presser' — use one of: press-conference, "
                          "interview, speech, statement, briefing, meeting, article, other",
    "python-tag": "corpus/x.yml:1: error: unsupported YAML value: could not determine a constructor for the tag "
                  "'tag:yaml.org,2002:python/object/apply:os.system' — use plain strings, numbers, lists and "
                  "mappings (no !! tags)",
    "alias-bomb": "corpus/x.yml:1: error: YAML anchors and aliases (&, *) are not allowed — write the value out in full",
    "invalid-yaml": "corpus/x.yml:2: error: not valid YAML: expected ',' or ']', but got '<stream end>' — "
                    "fix the YAML syntax (a linter such as yamllint helps)",
    "not-a-mapping": "corpus/x.yml:1: error: a sidecar must be a mapping of keys — write lines like `date: 2020-11`",
    "source-url-not-http": "corpus/x.yml:1: error: `source.url` is not an http(s) address: 'javascript:alert(1)' — "
                           "give the full address starting with https://",
    "unknown-source-key": "corpus/x.yml:1: error: unknown key `publsher` under `source` — did you mean "
                          "`publisher`? Valid keys: publisher, via, url, retrieved",
    "counterparts-not-a-list": "corpus/x.yml:1: error: `counterparts` must be a list of {name, role} entries — "
                               "write `counterparts:` then lines like `  - {name: Erlan Idrisov, role: …}`",
    "unknown-fact-key": "corpus/x.yml:1: error: unknown key `infered` under `date` — did you mean `inferred`? "
                        "Valid keys: value, inferred, note, from",
    "duplicate-key": "corpus/x.yml:2: error: key `title` appears twice — keep one of them",
    "place-not-text": "corpus/x.yml:1: error: `place` must be text — quote it",
    "unknown-topic": "corpus/x.yml:5: error: unknown topic `syrai` — did you mean `syria`? A sidecar may only use "
                     "topics listed in build_scripts/data/topics.yml; add a new topic there first",
    "topics-not-a-mapping": "corpus/x.yml:1: error: `topics` must be a mapping — "
                            "write `topics: {add: [csto], remove: [space], note: why}`",
    "topic-added-and-removed": "corpus/x.yml:1: error: topic `syria` is both added and removed — keep one",
    "unknown-topics-key": "corpus/x.yml:1: error: unknown key `ad` under `topics` — did you mean `add`? "
                          "Valid keys: add, remove, note",
}


def _load_with_sidecar(tmp_path: Path, sidecar: Path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "ok.txt").write_text(TEXT, encoding="utf-8")
    shutil.copy(sidecar, corpus / "x.yml")
    return load_corpus(corpus, rules)


def test_every_fixture_has_an_expected_message():
    assert sorted(p.stem for p in FIXTURES.glob("*.yml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_sidecar_is_refused_with_file_line_and_fix(name, tmp_path, rules):
    result = _load_with_sidecar(tmp_path, FIXTURES / f"{name}.yml", rules)
    assert [str(p) for p in result.errors] == [EXPECTED[name]]
    assert [t.id for t in result.transcripts] == ["ok"], "the other file still builds"


def test_valid_sidecar_overrides_and_marks_provenance(tmp_path, rules):
    sidecar = tmp_path / "good.yml"
    sidecar.write_text("place: Sochi\nevent_type: meeting\ntime: \"09:30\"\n"
                       "source: {url: 'https://example.org/t/1'}\n", encoding="utf-8")
    result = _load_with_sidecar(tmp_path, sidecar, rules)
    t = next(t for t in result.transcripts if t.id == "x")
    assert (t.value("place"), t.value("event_type"), t.value("time"), t.value("source.url")) == \
        ("Sochi", "meeting", "09:30", "https://example.org/t/1")
    assert {k: t.meta[k].provenance()["line"] for k in ("place", "event_type", "time")} == \
        {"place": 1, "event_type": 2, "time": 3}
    assert t.meta["place"].provenance()["source"] == "sidecar"


def test_orphan_sidecar_is_reported(tmp_path, rules):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "lonely.yml").write_text("date: 2020\n", encoding="utf-8")
    result = load_corpus(corpus, rules)
    assert [str(p) for p in result.errors] == [
        "corpus/lonely.yml: error: sidecar has no transcript beside it — "
        "name it after its transcript (lonely.txt) or delete it"]


def test_sidecar_people_replace_those_found_in_the_text(tmp_path, rules):
    sidecar = tmp_path / "people.yml"
    sidecar.write_text("counterparts:\n  - {name: Erlan Idrisov, role: Foreign Minister of Kazakhstan}\n"
                       "speakers:\n  - {name: Sergey Lavrov}\n", encoding="utf-8")
    result = _load_with_sidecar(tmp_path, sidecar, rules)
    t = next(t for t in result.transcripts if t.id == "x")
    assert t.value("counterparts") == [{"name": "Erlan Idrisov", "role": "Foreign Minister of Kazakhstan"}]
    assert t.value("speakers") == [{"name": "Sergey Lavrov", "role": None}]
    assert (t.meta["counterparts"].source, t.meta["counterparts"].line) == ("sidecar", 1)
