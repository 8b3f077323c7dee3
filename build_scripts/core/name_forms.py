"""Names as Russian texts decline them: "С.В.Лавров" is also "С.В.Лаврова" (of Lavrov) and
"С.В.Лавровым" (with Lavrov), "Жак Ширак" also "Жаком Шираком".

Each Cyrillic word of a spelling in people.yml may take a case ending: a word ending in a
consonant one of up to three letters (Лавров-ым), one ending in -а/-я or -й/-ь changes its last
letter (Мари-ей, Серге-ем); one ending in another vowel does not decline (Шойгу, Тлеуберди).
Initials and Latin spellings are matched as written. Matching ignores case.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+|\W+")
_CYRILLIC = re.compile(r"[а-яё]", re.I)
_ENDING = "[а-яё]"


def _word_pattern(word: str) -> str:
    if len(word) < 3 or not _CYRILLIC.search(word):
        return re.escape(word)
    last = word[-1].lower()
    if last in "ая":
        return re.escape(word[:-1]) + _ENDING + "{1,3}"
    if last in "йь":
        return re.escape(word[:-1]) + _ENDING + "{1,2}"
    if last in "оуиеыэюё":
        return re.escape(word)
    return re.escape(word) + _ENDING + "{0,3}"


def spelling_pattern(spelling: str) -> str:
    """A regular expression (without word boundaries) for `spelling` in every case form."""
    return "".join(_word_pattern(part) if part[0].isalnum() else re.escape(part)
                   for part in _WORD.findall(spelling))


@lru_cache(maxsize=4096)
def _compiled(spelling: str) -> re.Pattern:
    return re.compile(spelling_pattern(spelling), re.I)


def is_form_of(written: str, spelling: str) -> bool:
    """True when `written` (text found in a transcript) is `spelling` in some case form."""
    return _compiled(spelling).fullmatch(written) is not None


_INSTRUMENTAL = ((re.compile(r"(?<=[оеё]в|ин|ын)ым$"), ""), (re.compile(r"(?<=[сц]к)им$"), "ий"),
                 (re.compile(r"(?<=[оеё]в|ин|ын)ой$"), "а"), (re.compile(r"(?<=[сц]к)ой$"), "ая"),
                 (re.compile(r"(?<=и)ей$"), "я"), (re.compile(r"(?<=[жшчщц])[её]м$"), ""),
                 (re.compile(r"(?<=[бвгдзклмнпрстфх])ем$"), "ь"), (re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])ом$"), ""))


def nominative_from_instrumental(name: str) -> str:
    """The dictionary form of a surname (and first name) written after "с" (with): "Б.Саидовым"
    is "Б.Саидов", "Жаком Шираком" "Жак Ширак", "Ж.Боррелем" "Ж.Боррель"; a form none of these
    endings fits is kept as written."""
    def one(word: str) -> str:
        for pattern, replacement in _INSTRUMENTAL:
            if len(word) > 4 and pattern.search(word):
                return pattern.sub(replacement, word)
        return word
    return "".join(one(part) if part[0].isalpha() else part for part in _WORD.findall(name))
