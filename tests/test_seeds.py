"""The five seed transcripts: kept byte for byte, and their facts as the pipeline issue states."""
from __future__ import annotations

import hashlib

import pytest

from build_scripts.pipeline.render import front_matter
from conftest import CORPUS

# Seed file as scraped -> its name in corpus/ and the SHA-256 of the scraped bytes.
SEEDS = {
    "000": ("2020-09-09-moscow-lavrov-tleuberdi", "d0281d4133721a3fd8c203e9e27724bb46f9776cd56c9239b7ad3062a9aee9ac"),
    "001": ("2021-04-08-nur-sultan-lavrov-tleuberdi", "ef06faa1807a14aa5b48c6dbaf6e4956edbda695edd0afda36a611996c0c2420"),
    "002": ("2020-11-interview-russia-kazakhstan-integration", "402b41ec1f288b64b758cf35e31b89e9ac7972d709f11c065d763676c5713bed"),
    "003": ("2013-09-12-astana-lavrov-idrisov", "d05b508a3ccc54e06677a4f094bccf4eb9165b1ecda2d2a13d5a5b01fdc59d15"),
    "004": ("2019-01-28-moscow-lavrov-atamkulov", "68e8885cb88e6bd86b1a88418d019ef189b08498a3c7d098b9673fcd30a8f294"),
}

# The table from the pipeline issue: date, precision, time, place, event type, counterparts.
EXPECTED = {
    "000": ("2020-09-09", "day", None, "Moscow", "press-conference",
            [{"name": "Mukhtar Tleuberdi", "role": "Foreign Minister of Kazakhstan"}]),
    "001": ("2021-04-08", "day", "14:32", "Nur-Sultan", "press-conference",
            [{"name": "Mukhtar Tleuberdi", "role": "Deputy Prime Minister – Foreign Minister of Kazakhstan"}]),
    "002": ("2020-11", "month", None, None, "interview", []),
    "003": ("2013-09-12", "day", None, "Astana", "press-conference",
            [{"name": "Erlan Idrisov", "role": "Foreign Minister of Kazakhstan"}]),
    "004": ("2019-01-28", "day", "13:56", "Moscow", "press-conference",
            [{"name": "Beibut Atamkulov", "role": "Foreign Minister of Kazakhstan"}]),
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_corpus_file_is_the_seed_byte_for_byte(seed):
    name, sha256 = SEEDS[seed]
    assert hashlib.sha256((CORPUS / f"{name}.txt").read_bytes()).hexdigest() == sha256


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_front_matter_matches_the_table(seed, corpus):
    date, precision, time, place, event_type, counterparts = EXPECTED[seed]
    fm = front_matter(corpus[SEEDS[seed][0]])
    assert (fm["date"], fm["date_precision"], fm["time"], fm["place"], fm["event_type"], fm["counterparts"]) \
        == (date, precision, time, place, event_type, counterparts)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_speaker_is_lavrov_as_foreign_minister(seed, corpus):
    fm = front_matter(corpus[SEEDS[seed][0]])
    assert fm["speakers"] == [{"name": "Sergey Lavrov", "role": "Foreign Minister of Russia"}]


def test_undated_interview_date_is_from_the_sidecar_and_marked_inferred(corpus):
    prov = front_matter(corpus[SEEDS["002"][0]])["provenance"]["date"]
    assert prov["source"] == "sidecar" and prov["inferred"] is True
    assert prov["file"] == f"corpus/{SEEDS['002'][0]}.yml"
    for evidence in ("official results", "November summit", "December 1"):
        assert evidence in prov["note"]


@pytest.mark.parametrize("seed, publisher, via", [
    ("000", None, None),
    ("001", "The Ministry of Foreign Affairs of the Russian Federation", "GlobalSecurity.org"),
    ("002", "The Ministry of Foreign Affairs of the Russian Federation", None),
    ("003", None, None),
    ("004", None, None),
])
def test_source_is_taken_only_from_what_the_text_states(seed, publisher, via, corpus):
    source = front_matter(corpus[SEEDS[seed][0]])["source"]
    assert (source["publisher"], source["via"], source["url"]) == (publisher, via, None)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_every_fact_on_the_page_has_provenance(seed, corpus):
    fm = front_matter(corpus[SEEDS[seed][0]])
    for key in ("date", "time", "place", "event_type", "counterparts"):
        value = fm[key]
        if value:
            assert fm["provenance"][key]["source"] in ("extracted", "sidecar", "inferred"), key
        else:
            assert key not in fm["provenance"], f"{key} is unknown but has provenance"


def test_ids_are_unique_and_url_safe(corpus):
    import re
    assert len(corpus) == 5
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t) for t in corpus)
