"""Names in any spelling: the registers' spellings, and a sound key that meets across scripts.

* `aliases`: every spelling of a person or place in people.yml and places.yml (Tokayev,
  Токаев; Astana, Nur-Sultan, Нур-Султан, Tselinograd) answers for the others, so a reader
  who types one finds the text that wrote another.
* `sound_key`: a name written in Latin letters and the same name in Cyrillic (or in another
  romanisation) get the same key. The letters come from anyascii's transliteration table
  (Токаев → Tokaev, Тоқаев → Toqaev); the key then evens out what romanisations disagree on
  (kh/h, zh/j, ts/c, q/k, a y or i beside a vowel, doubled letters), so Tokayev, Tokaev,
  Токаев and Тоқаев meet at "tokaev". The browser computes the same key (search.js
  `soundKey`), with the table cut to the letters the index's names use (TABLE).

`search/names.js` holds the aliases and, sharded by the key's first two letters like the
terms, the names of the corpus (words written with a capital) by sound key.
"""
from __future__ import annotations

import re
from collections import defaultdict

from anyascii import anyascii

from ...core.model import Transcript
from ...core.rules import Rules
from .search_terms import WORD, fold, words

# In this order (the browser applies the same list): digraphs first, then single letters.
SOUNDS = (("shch", "sh"), ("sch", "sh"), ("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ts", "c"),
          ("tz", "c"), ("cz", "c"), ("ph", "f"), ("x", "ks"), ("q", "k"), ("w", "v"))
NEAR_VOWEL = re.compile(r"[iy](?=[aeou])|(?<=[aeou])[iy]")  # Tokayev/Tokaev, Yerlan/Erlan, Nikolay/Nikolai
DOUBLE = re.compile(r"(.)\1+")
NOT_LETTER = re.compile(r"[^a-z]")
NAME = re.compile(r"[^\W\d_][^\W_]*")


def sound_key(word: str) -> str:
    """The key a name's spellings share across scripts and romanisations (see the module)."""
    key = NOT_LETTER.sub("", anyascii(fold(word)).lower())
    for old, new in SOUNDS:
        key = key.replace(old, new)
    key = key.replace("y", "i")
    key = NEAR_VOWEL.sub("", key)
    return DOUBLE.sub(r"\1", key)


def table(forms: set[str]) -> dict[str, str]:
    """anyascii's transliteration of every non-ASCII letter the names use, for the browser."""
    letters = {c for form in forms for c in form if not c.isascii()}
    return {c: anyascii(c).lower() for c in sorted(letters)}


def alias_groups(rules: Rules) -> dict[str, list[list[str]]]:
    """For each one-word spelling of a person or place (folded), the other spellings as word lists."""
    groups: list[set[tuple[str, ...]]] = []
    seen: dict[int, set[tuple[str, ...]]] = {}
    for person in rules.people.values():
        if id(person) in seen:
            continue
        spellings = {tuple(words(s)) for s in (person.name, *person.aliases)}
        surnames = {(s[-1],) for s in spellings if len(s) > 1 and len(s[-1]) > 2}
        seen[id(person)] = group = {s for s in spellings if len(s) == 1} | surnames
        groups.append(group)
    for place in {id(p): p for p in rules.places.values()}.values():
        groups.append({tuple(words(s)) for s in place.spellings()})
    aliases: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for group in groups:
        group = {s for s in group if s}
        for spelling in group:
            keys = {spelling[0]} if len(spelling) == 1 else {"".join(spelling)}  # Nur-Sultan as "nursultan"
            for key in keys:
                aliases[key] |= group - {spelling} if len(spelling) == 1 else group
    return {key: sorted(list(s) for s in alts if s != (key,)) for key, alts in sorted(aliases.items())}


def corpus_names(transcripts: list[Transcript], extra: dict[str, list[list[str]]]) -> dict[str, list[str]]:
    """Every word written with a capital letter in a title, heading, label or paragraph (names, and
    words that open a sentence), folded, by sound key; keys with a single form are kept too, so a
    Cyrillic query finds a Latin name."""
    capitalised: set[str] = set()  # each written form once: the keys are worked out for these
    for t in transcripts:
        texts = [t.value("title") or ""] + [s.heading for s in t.sections] + [
            text for s in t.sections for turn in s.turns
            for text in (turn.label or "", *(p.text for p in turn.paragraphs))]
        for text in texts:
            capitalised.update(w for w in NAME.findall(text) if w[0].isupper() and len(w) > 2)
    by_key: dict[str, set[str]] = defaultdict(set)
    for form in {fold(w) for w in capitalised}:
        if WORD.fullmatch(form):
            by_key[sound_key(form)].add(form)
    for key, alternatives in extra.items():
        for spelling in [[key], *alternatives]:
            if len(spelling) == 1:
                by_key[sound_key(spelling[0])].add(spelling[0])
    return {key: sorted(forms) for key, forms in sorted(by_key.items()) if key}
