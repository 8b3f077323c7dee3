"""The index's words and the query's words are made alike: the same folding and the same Snowball
stems in Python (indexes/search_terms.py) and in the browser (assets/search-words.js with the
stemmer.js, cut from npm's snowball-stemmers), run on every word of the corpus."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from build_scripts.site.indexes.search_names import sound_key, table
from build_scripts.site.indexes.search_terms import fold, stem, words
from build_scripts.site.indexes.stemmer_js import SOURCE, VENDORED, extract, stemmer_script

WORDS_JS = ROOT / "build_scripts" / "theme" / "assets" / "search-words.js"
# Forms the seeds do not have: Russian with ё and й, accents, Kazakh letters, digits, other scripts.
EXTRA = ("Переговоры переговоров ещё её Алматы Тоқаев Қазақстан Назарбаев мой мои Nazarbáyev CAFÉ "
         "Nur-Sultan organization universities generously skies dying news COVID-19 2021 Ελλάδα 東京 İstanbul "
         "Cовещание Mоscow")  # a Latin C in a Russian word, a Cyrillic о in an English one

RUNNER = """
const vm = require("vm"), fs = require("fs");
const context = {};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context);
vm.runInContext(fs.readFileSync(process.argv[3], "utf8"), context);
const input = JSON.parse(fs.readFileSync(0, "utf8")), words = input.text;
const api = context.ArchiveSearchWords;
const out = api.tokens(words).map(function (w) { return [w, api.stem(w)]; });
const keys = input.names.map(function (w) { return api.soundKey(w, input.table); });
process.stdout.write(JSON.stringify({tokens: out, fold: api.fold(words), keys: keys}));
"""


def _browser_words(text: str, tmp_path: Path, names: list[str] = (), letters: dict | None = None) -> dict:
    stemmer = tmp_path / "stemmer.js"
    stemmer.write_text(stemmer_script(), encoding="utf-8")
    runner = tmp_path / "runner.js"
    runner.write_text(RUNNER, encoding="utf-8")
    result = subprocess.run(["node", str(runner), str(stemmer), str(WORDS_JS)], input=json.dumps({"text": text, "names": list(names), "table": letters or {}}),
                            capture_output=True, text=True, encoding="utf-8", timeout=120, check=True)
    return json.loads(result.stdout)


@pytest.mark.skipif(shutil.which("node") is None or not SOURCE.is_file(), reason="run `make test`: it installs node's packages")
def test_browser_and_index_fold_and_stem_every_corpus_word_alike(tmp_path):
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))) + " " + EXTRA
    browser = _browser_words(text, tmp_path)
    assert browser["fold"] == fold(text)
    ours = [[w, stem(w)] for w in words(text)]
    assert len(ours) > 5000
    differ = [(a, b) for a, b in zip(ours, browser["tokens"]) if a != b]
    assert not differ and len(ours) == len(browser["tokens"]), differ[:10]


def test_word_forms_meet_at_their_stem():
    assert stem("negotiations") == stem("negotiate") == stem("negotiating")
    assert stem("sanctioned") == stem("sanction") and stem("integrate") == stem("integration")
    assert stem(fold("переговоров")) == stem(fold("переговоры"))
    assert fold("Ещё Мой Nazarbáyev Тоқаев") == "еще мой nazarbayev тоқаев"  # й and Kazakh letters stay


def test_the_stemmer_script_has_only_the_two_languages():
    script = stemmer_script()
    assert "englishStemmer" in script and "russianStemmer" in script and "frenchStemmer" not in script
    assert len(script) < 80_000


@pytest.mark.skipif(not SOURCE.is_file(), reason="run `make test`: it installs node's packages")
def test_the_kept_stemmer_is_the_pinned_npm_package_cut_again():
    """build_scripts/site/indexes/snowball_stemmers.js is what `extract` makes of the installed package:
    nobody edited it by hand, and it follows package-lock.json."""
    assert extract() == VENDORED.read_text(encoding="utf-8"), \
        "rewrite it with `python -m build_scripts.site.indexes.stemmer_js`"


def test_a_missing_npm_package_is_a_clear_error(tmp_path):
    from build_scripts.site.indexes.stemmer_js import MissingStemmer
    with pytest.raises(MissingStemmer, match="npm ci"):
        extract(tmp_path / "snowball-stemmers.js")


NAMES = ("Tokayev Tokaev Токаев Тоқаев Nazarbayev Назарбаев Yerlan Ерлан Dmitry Dmitriy Дмитрий Kassym-Jomart "
         "Қасым-Жомарт Shoigu Шойгу Nur-Sultan Нур-Султан Щукин Хабар Ғани Өскемен Үкібай Іле Аңырақай Alexander "
         "Александр Tselinograd Целиноград Khabar Zhomart Mariya Maria Lavrov Лавров Nikolai Николай").split()


def test_names_meet_at_one_sound_key_across_scripts():
    assert len({sound_key(n) for n in ("Tokayev", "Tokaev", "Токаев", "Тоқаев")}) == 1
    assert sound_key("Nazarbayev") == sound_key("Назарбаев") == sound_key("Nazarbaev")
    assert sound_key("Yerlan") == sound_key("Ерлан") and sound_key("Dmitry") == sound_key("Дмитрий")
    assert sound_key("Lavrov") != sound_key("Tokayev")


@pytest.mark.skipif(shutil.which("node") is None or not SOURCE.is_file(), reason="run `make test`: it installs node's packages")
def test_browser_and_index_give_names_the_same_sound_key(tmp_path):
    letters = table({fold(n) for n in NAMES})
    browser = _browser_words("x", tmp_path, NAMES, letters)
    assert browser["keys"] == [sound_key(n) for n in NAMES]


def test_a_kazakh_spelling_answers_for_the_english_and_russian_ones():
    from build_scripts.core.rules import load_rules
    from build_scripts.site.indexes.search_names import alias_groups
    groups = alias_groups(load_rules())
    assert ["karaganda"] in groups["qaraghandy"] and ["қарағанды"] in groups["karaganda"]
    assert ["tleuberdi"] in groups["tıleuberdı"]
