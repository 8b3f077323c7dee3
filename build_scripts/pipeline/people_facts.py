"""Stage 3, the people: who speaks (labels, the title, an export's speaker cell) and with whom
(the counterparts a title names), each with the role the text, the title or the register gives."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..core.model import Fact, Transcript
from ..core.rules import Rules
from . import people_ru
from .facts_common import sidecar_fact, title_line
from .labels import OFFICE_START, parse_label
from .source_facts import speaker_cell

WITH = re.compile(r"\b(?i:talks|negotiations|meeting|conference|consultations|discussions)"
                  r" with (?P<who>.+)$")
NAME_AT_END = re.compile(r"(?P<role>.+)\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})")
OFFICE_WORDS = OFFICE_START - {"mr", "mrs", "ms", "dr", "his", "her", "господин", "госпожа"}
ROLE_WORD = re.compile(r"[A-Z][\w’'–-]*|the|of|and|–|-")
REGISTER = "build_scripts/data/people.yml"


def _person_entry(name: str, role: str | None) -> dict[str, Any]:
    return {"name": name, "role": role}


def _override_people(t: Transcript, key: str) -> None:
    """Let the sidecar's list of {name, role} replace the people found in the text."""
    side = sidecar_fact(t, key)
    if side:
        side.value = [_person_entry(p["name"], p.get("role")) for p in side.value]
        t.meta[key] = side


def split_role_name(who: str, rules: Rules) -> tuple[str | None, str]:
    """Return (role as written, name) from "Foreign Minister of Kazakhstan Mukhtar Tleuberdi"."""
    who = who.strip()
    if ", " in who:
        role, name = who.rsplit(", ", 1)
        return role.strip(), name.strip()
    for spelling in sorted(rules.people, key=len, reverse=True):
        if who.lower().endswith(" " + spelling) or who.lower() == spelling:
            cut = len(who) - len(spelling)
            return (who[:cut].strip() or None), who[cut:]
    match = NAME_AT_END.fullmatch(who)
    return (match["role"], match["name"]) if match else (None, who)


PERSONAL_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}")
NOT_A_PERSON = re.compile(r"\b(?:University|Institute|Academy|School|Council|Committee|Commission|Ministry|"
                          r"Parliament|Assembly|Forum|Club|Society|Union|Organi[sz]ation|Agency|Company|Group|"
                          r"Students|Journalists|Media|Press|Staff|Members|Delegation)\b")


def _looks_like_a_person(role: str | None, name: str) -> bool:
    """A name the register does not know is a counterpart only when it is written like a person's
    (two or three capitalised words, no institution) and not as the object of "of"."""
    if not PERSONAL_NAME.fullmatch(name) or NOT_A_PERSON.search(name):
        return False
    return role is None or not re.search(r"\bof(?: the)?$", role.strip()) or role[:1].isupper()


def extract_counterparts(t: Transcript, title_head: str, rules: Rules) -> None:
    """Set counterparts from "… talks with ROLE NAME" in the title (or its Russian wording,
    people_ru.py), or the sidecar."""
    russian = people_ru.counterparts(title_head, rules)
    match = None if russian else WITH.search(title_head)
    if russian:
        people, who = russian
        t.meta["counterparts"] = Fact([_person_entry(name, role) for name, role, _ in people], "extracted",
                                      title_line(t), who, note="; ".join(how for *_, how in people))
    if match:
        people = []
        for who in re.split(r" and (?=[A-Z])", match["who"]):
            role, name = split_role_name(who, rules)
            person = rules.person(name)
            if person is None and not _looks_like_a_person(role, name):
                continue  # "a meeting with students of MGIMO University": no counterpart named
            people.append(_person_entry(person.name if person else name,
                                        rules.canonical_role(role) if role else None))
        if people:
            t.meta["counterparts"] = Fact(people, "extracted", title_line(t), match["who"])
    _override_people(t, "counterparts")


def _role_before(title: str, spelling: str) -> str | None:
    """Return the role words just before a name in the title ("Foreign Minister Sergey Lavrov")."""
    index = title.find(spelling)
    if index <= 0:
        return None
    words = title[:index].rstrip(" ,").split(" ")
    role: list[str] = []
    while words and ROLE_WORD.fullmatch(words[-1]):
        role.insert(0, words.pop())
    while role and role[0] in ("the", "of", "and"):
        role.pop(0)
    # "Events Vladimir Putin’s …" (a breadcrumb run into the headline) names no office
    return " ".join(role) if any(w.lower() in OFFICE_WORDS for w in role) else None


def _first_person_named(title: str, rules: Rules) -> str | None:
    """Return the canonical name of the person named first in `title`."""
    found = rules.person_named(title)
    return found[0].name if found else None


def day_of(iso: str | None) -> dt.date | None:
    """Return the day of a day-precision date, or the first of the month for a month."""
    if not iso or len(iso) == 4:
        return None
    return dt.date.fromisoformat(iso if len(iso) == 10 else iso + "-01")


def _speaker_role(t: Transcript, name: str, title: str, rules: Rules) -> tuple[str | None, str, str | None]:
    """Return (role, how it was found, the Russian title's words for it) for a speaker."""
    byline = t.line_facts.get("byline_role")
    byline_name = t.line_facts.get("byline_name")
    if byline and byline_name and (rules.person(byline_name.value) or None) is rules.person(name):
        return rules.canonical_role(byline.value), f"role from the byline (line {byline.line})", None
    person = rules.person(name)
    office = person.office_on(day_of(t.value("date"))) if person else None
    spellings = (person.name, *person.aliases) if person else (name,)
    # the longest spelling the title has, whole: "Putin" inside "Vladimir Putin" has no role before it
    found = [s for s in sorted(spellings, key=len, reverse=True) if title and s in title][:1]
    line = title_line(t)
    where = f"the title (line {line})" if line else "the page's own title"
    if russian := people_ru.speaker_role(title, rules, name):
        return russian[0], f"role “{russian[1]}” from {where}", russian[2]
    for spelling in found:
        written = _role_before(title, spelling)
        if written:
            role = rules.canonical_role(written)
            if office and office.role != role and office.role.startswith(role):
                return office.role, f"role “{written}” from {where}, completed from {REGISTER}", None
            return role, f"role from {where}", None
    if office:
        return office.role, f"role not in the text; office held on that date per {REGISTER}", None
    return None, "role not stated", None


def extract_speakers(t: Transcript, title: str | None, rules: Rules) -> None:
    """Set speakers: named labels in the body, and the title's speaker for unlabelled remarks."""
    names: list[str] = []
    first_line = None
    for line in t.body:
        label = parse_label(line.text, rules, t.recurring)
        if label and label.speaker and label.speaker not in names:
            names.append(label.speaker)
            first_line = first_line or line.number
    opening = t.body and parse_label(t.body[0].text, rules, t.recurring) is None
    notes = []
    principal = _first_person_named(title, rules) if opening and title else None
    cell = speaker_cell(t, rules) if opening and not principal else None
    if principal:
        if principal not in names:
            names.insert(0, principal)
        notes.append(f"{principal} speaks the unlabelled opening remarks, per the title")
    elif cell is not None:
        person = rules.person(str(cell.value))
        principal = person.name if person else str(cell.value)
        if principal not in names:
            names.insert(0, principal)
        notes.append(f"{principal} speaks the unlabelled opening remarks, per {cell.note}")
    people, wordings = [], []
    for name in names:
        role, how, wording = _speaker_role(t, name, title or "", rules)
        people.append(_person_entry(name, role))
        notes.append(f"{name}: {how}")
        wordings += [wording] if wording else []
    if people:
        t.meta["speakers"] = Fact(people, "extracted", first_line, "; ".join(wordings) or None, note="; ".join(notes))
    _override_people(t, "speakers")
