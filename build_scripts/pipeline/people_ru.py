"""Stage 3, the people of a Russian title: the office before each name, in any grammatical case.

"Выступление … Министра иностранных дел Российской Федерации С.В.Лаврова в ходе совместной
пресс-конференции с Министром иностранных дел Республики Казахстан М.А.Нуртлеу" names the speaker
in the genitive and the counterpart, after "с" (with), in the instrumental, each after their
office. An office is found by the Russian wordings of people.yml's `roles` (written in the
nominative, matched in every form by word_forms.py) and shown by its English form; the wording
as written stays as the evidence.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..core import word_forms
from ..core.name_forms import nominative_from_instrumental
from ..core.rules import Rules

_CYRILLIC = re.compile(r"[а-яё]", re.I)
# "переговоры с", "в ходе встречи с", "совместной пресс-конференции с", "телефонный разговор
# исполняющего обязанности Президента России В.Путина с": the first "с" after the word
MEETING = re.compile(r"(?i:\b(?:переговор|встреч|пресс-конференци|брифинг|бесед|консультаци|разговор)"
                     r"\w*(?:\s+[^,]*?)??\s+со?\s+)(?P<who>[^,]+)")
# an unknown person written with initials: "Б.Саидовым", "К.-Ж. Токаевым"
INITIALS_NAME = re.compile(r"(?:[А-ЯЁ]\.\s?(?:-[А-ЯЁ]\.\s?)?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")
FULL_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$")
INSTRUMENTAL = re.compile(r"(?:[оеё]м|ым|им|ой|ей)$")  # the case after "с" (with): "Джорджем Робертсоном"
# "исполняющего обязанности Президента России" (acting), "и.о. Министра", "временно исполняющий обязанности"
ACTING = re.compile(r"(?i:(?:временно\s+)?исполняющ\w*\s+обязанност\w*|и\.\s?о\.)\s*$")


@lru_cache(maxsize=8)
def _role_pattern(roles: tuple[str, ...]) -> re.Pattern:
    alternatives = sorted(roles, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?P<role>" + "|".join(map(word_forms.term_pattern, alternatives)) + r")\s*$",
                      re.I)


def _russian_roles(rules: Rules) -> tuple[str, ...]:
    return tuple(role for role in rules.roles if _CYRILLIC.search(role))


def role_before(text: str, rules: Rules) -> tuple[str, str] | None:
    """(the office in English, as written) of a Russian office that ends `text`, or None."""
    roles = _russian_roles(rules)
    text = text.rstrip(" ,")
    match = _role_pattern(roles).search(text) if roles else None
    if match is None:
        return None
    written = match["role"]
    key = next(role for role in sorted(roles, key=len, reverse=True) if word_forms.is_form_of(written, role))
    acting = ACTING.search(text[:match.start()])
    if acting:
        return "Acting " + rules.roles[key], text[acting.start():match.end()]
    return rules.roles[key], written


def speaker_role(title: str, rules: Rules, name: str) -> tuple[str, str, str] | None:
    """(office in English, office as written, office and name as written) of `name`'s office
    before it in a Russian title ("Министра иностранных дел Российской Федерации С.В.Лаврова")."""
    rest = title
    while (found := rules.person_named(rest)) is not None:
        person, match = found
        if person.name == name:
            role = role_before(rest[:match.start()], rules)
            if role is None:
                return None
            start = rest[:match.start()].rstrip(" ,").rfind(role[1])
            return role[0], role[1], rest[start:match.end()]
        rest = rest[match.end():]
    return None


def counterparts(head: str, rules: Rules) -> tuple[list[tuple[str, str | None, str]], str] | None:
    """The people a Russian title's head meets ("… переговоров с Министром … М.Тлеуберди"): each as
    (name, office in English or None, how it was read), and the words they were read from."""
    meeting = MEETING.search(head)
    if meeting is None:
        return None
    people = []
    for part in re.split(r"\s+и\s+(?=[А-ЯЁ])", meeting["who"]):
        found = rules.person_named(part)
        if found is not None:
            person, match = found
            name, before, how = person.name, part[:match.start()], f"“{match.group(0)}” is {person.name}"
        elif (unknown := INITIALS_NAME.search(part) or _after_a_role(part, rules)) is not None:
            written = unknown.group(0)
            name, before = nominative_from_instrumental(written), part[:unknown.start()]
            how = f"“{written}” as the title writes it" + ("" if name == written else f", in the nominative “{name}”")
        else:
            continue  # "совещание с постоянными членами Совета Безопасности": no one named
        role = role_before(before, rules)
        people.append((name, role[0] if role else None,
                       how + (f"; office “{role[1]}” is {role[0]}" if role else "")))
    return (people, meeting["who"]) if people else None


def _after_a_role(part: str, rules: Rules) -> re.Match | None:
    """A first name and surname the register does not know, after an office: one the register
    knows, or any, when the surname takes the ending of "с" (with): "с Генеральным секретарём
    НАТО Джорджем Робертсоном"."""
    match = FULL_NAME.search(part)
    if match is None or not part[:match.start()].strip():
        return None
    return match if INSTRUMENTAL.search(match.group(0)) or role_before(part[:match.start()], rules) else None
