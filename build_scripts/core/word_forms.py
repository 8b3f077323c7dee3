"""Russian terms found in any of their forms: "Евразийский экономический союз" also finds
"Евразийского экономического союза", "Каспийское море" also "на Каспийском море".

Russian inflects every noun and adjective, so a term written once in the rule files (in the
dictionary form) stands for each word's Snowball stem (the same stemmer as the search index)
followed by an ending of up to ENDING letters; a stem shorter than four letters would find
other words ("сир-" of "Сирия" finds "сирота", "ура-" of "уран" finds "Урал"), so such a word
keeps all its letters but a last vowel, which its forms change. An acronym (ЕАЭС, ОДКБ, ШОС) is
matched as written; ё and е are one letter.
"""
from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

VOWELS = frozenset("аеиоуыэюяйь")  # and й, ь: letters an ending replaces
ENDING = 6  # the longest ending after a stem: "-иями" of "организациями", "-ностей" of "договорённостей" (stem договорен-)
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]+")
_RUSSIAN = snowballstemmer.stemmer("russian")


def is_acronym(word: str) -> bool:
    return not any(c.islower() for c in word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a Russian word, lower-case, ё written е."""
    return _RUSSIAN.stemWord(word.lower().replace("ё", "е"))


def _stem_pattern(word: str) -> str:
    base = stem(word)
    if len(base) < 4:  # "Сирия" is "сир-": not "сирота", so "сири-"; "уран" is "ура-": not "Урал", so "уран-"
        whole = word.lower().replace("ё", "е")
        base = whole[:-1] if whole[-1] in VOWELS else whole
    return "".join("[её]" if c == "е" else re.escape(c) for c in base) + rf"\w{{0,{ENDING}}}"


def term_pattern(term: str) -> str:
    """A regular expression (without word boundaries) for every form of `term`."""
    parts = []
    for token in _TOKEN.findall(term):
        if token.isspace():
            parts.append(r"\s+")
        elif not token[0].isalnum():
            parts.append(re.escape(token))
        elif is_acronym(token) or token.isdigit():
            parts.append(re.escape(token))
        else:
            parts.append(f"(?i:{_stem_pattern(token)})")
    return "".join(parts)


@lru_cache(maxsize=4096)
def _compiled(term: str) -> re.Pattern:
    return re.compile(term_pattern(term))


def is_form_of(matched: str, term: str) -> bool:
    """True when `matched` (text found in a transcript) is a form of `term`."""
    return _compiled(term).fullmatch(matched) is not None


def needle(term: str) -> tuple[str, bool]:
    """(text that every form of `term` contains, whether it is case-sensitive), for a quick
    substring test: the acronym itself, or the first word's stem (lower-case, ё written е)."""
    first = re.findall(r"\w+", term)[0]
    return (first, True) if is_acronym(first) else (stem(first), False)
