"""The words of the search index and of a query: folded, then stemmed, the same in Python and in
the browser (assets/search.js `fold` and `stem`; tests/test_search_terms.py runs both on every word).

* fold: lower case; Latin accents dropped (Nazarbáyev → nazarbayev); ё → е, as Russian print
  mostly writes it; й and the Kazakh letters kept, since they are letters, not accents.
* stem: Snowball, English for Latin words and Russian for Cyrillic ones (negotiations and
  negotiate → negoti; переговоров and переговоры → переговор). snowballstemmer is pinned to
  2.2.0 because the browser's port (npm snowball-stemmers 0.6.0) gives the same stems as that
  release for every word of the corpus, with ё folded first; 3.0 stems eight English words
  differently (organization, university …), which would make a query miss its own word.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+")
ASCII = frozenset(map(chr, range(128)))
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")
_KEEP = {"й": "\ue000"}  # letters NFKD would split into a base and a mark
_RESTORE = {ord(v): k for k, v in _KEEP.items()}
_ENGLISH = snowballstemmer.stemmer("english")
_RUSSIAN = snowballstemmer.stemmer("russian")


def fold(text: str) -> str:
    """Lower case, Latin accents dropped, ё as е (`fold` in search.js does the same)."""
    text = text.lower().replace("ё", "е")
    if text.isascii():
        return text
    for letter, mark in _KEEP.items():
        text = text.replace(letter, mark)
    folded = unicodedata.normalize("NFKD", text)
    marks = {ord(c): None for c in set(folded).difference(ASCII) if unicodedata.category(c).startswith("M")}
    folded = folded.translate(marks) if marks else folded
    return unicodedata.normalize("NFC", folded.translate(_RESTORE))


# Latin letters that look like Cyrillic ones (lower case): a word that mixes the scripts, as
# scraped text sometimes does ("Cовещание" with a Latin C), is written in the script most of its
# letters are in (`unmix` in search-words.js does the same).
LOOK_ALIKE = dict(zip("aceopxykmtbh", "асеорхукмтвн"))
_TO_CYRILLIC = str.maketrans(LOOK_ALIKE)
_TO_LATIN = str.maketrans({v: k for k, v in LOOK_ALIKE.items()})


def unmix(word: str) -> str:
    """A word of mixed Latin and Cyrillic letters in one script: the one most of its letters are in."""
    if word.isascii() or not LATIN.search(word):
        return word  # (most words: checked without counting)
    cyrillic = len(CYRILLIC.findall(word))
    if not cyrillic:
        return word
    latin = len(LATIN.findall(word))
    return word.translate(_TO_CYRILLIC if cyrillic >= latin else _TO_LATIN)


def words(text: str) -> list[str]:
    """The text's words, folded, each in one script (`tokens` in search.js)."""
    found = WORD.findall(fold(text))
    return found if text.isascii() else [w if w.isascii() else unmix(w) for w in found]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of a folded word: Russian for Cyrillic, English for Latin, else the word."""
    if CYRILLIC.search(word):
        return _RUSSIAN.stemWord(word)
    if LATIN.search(word) and word.isascii():
        return _ENGLISH.stemWord(word)
    return word
