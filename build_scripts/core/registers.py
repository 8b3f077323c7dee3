"""The registers of people and places (build_scripts/data/people.yml, places.yml): every spelling
of a name, the offices people held and the names places had, each with its dates."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import RulesError
from .rule_yaml import load_yaml
from .slugs import slugify

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PLACE_KEYS = {"id", "country", "names", "names_ru", "names_kk"}


@dataclass(frozen=True)
class Office:
    role: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

    def name_in(self, language: str | None) -> str:
        """The name as a text in `language` writes it: a Russian text says "Сергей Лавров"."""
        if language == "ru":
            return next((a for a in self.aliases if " " in a and "." not in a
                         and any("а" <= c.lower() <= "я" for c in a)), self.name)
        return self.name

    def office_on(self, day: dt.date | None) -> Office | None:
        """Return the office held on `day` (None when unknown or none)."""
        if day is None:
            return None
        for office in self.offices:
            if office.start <= day and (office.end is None or day < office.end):
                return office
        return None


@dataclass(frozen=True)
class PlaceName:
    """A name a place had, and when (both ends optional; `end` exclusive)."""

    name: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Place:
    """One place under all its names ("Astana", "Nur-Sultan"; "Астана", "Нур-Султан")."""

    id: str
    country: str
    names: tuple[PlaceName, ...]  # English: the names the site shows
    names_ru: tuple[PlaceName, ...] = ()  # Russian: recognised in Russian texts
    names_kk: tuple[PlaceName, ...] = ()  # Kazakh, in Cyrillic and Latin letters: recognised, never shown

    def name_on(self, day: dt.date | None, lang: str = "en") -> str | None:
        """Return the name in use on `day` in `lang` ("en" or "ru"), when the data file dates it."""
        if day is None:
            return None
        names = self.names_ru if lang == "ru" else self.names
        dated = [n for n in names if (n.start or n.end) and n.covers(day)]
        return dated[0].name if dated else None

    def english_for(self, written: str) -> str:
        """The English name for a spelling in another language: the one of the same years as its
        latest use ("Астана" since 2022 is "Astana"), else the undated one ("Москва" is "Moscow")."""
        same = [n for n in (*self.names_ru, *self.names_kk) if n.name.lower() == written.lower()]
        for other in sorted((n for n in same if n.start or n.end), key=lambda n: n.start or dt.date.min, reverse=True):
            match = next((n for n in self.names if (n.start, n.end) == (other.start, other.end)), None)
            if match is not None:
                return match.name
        undated = [n.name for n in self.names if not (n.start or n.end)] or [self.names[0].name]
        # the English name that spells the same name ("Өскемен" is Oskemen, "Усть-Каменогорск" Ust-Kamenogorsk)
        return next((name for name in undated if _spelled_alike(name, written)), undated[0])

    def spellings(self, lang: str | None = None) -> list[str]:
        """Return every distinct name in the data file's order: English, Russian then Kazakh, or `lang`'s only."""
        names = {"en": self.names, "ru": self.names_ru, "kk": self.names_kk}.get(
            lang, (*self.names, *self.names_ru, *self.names_kk))
        return list(dict.fromkeys(n.name for n in names))



def _spelled_alike(english: str, written: str) -> bool:
    """Whether `written` (any script) transliterates to `english`, y and i taken as one."""
    return slugify(english).replace("y", "i") == slugify(written).replace("y", "i")


def _date(path: Path, value: object, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    raise RulesError(f"{path}: {where}: expected a date YYYY-MM-DD, got {value!r}")


def load_people(path: Path) -> tuple[dict[str, Person], dict[str, str], frozenset[str]]:
    """Return (spelling -> person, role aliases, question labels) from `path`."""
    data = load_yaml(path)
    people: dict[str, Person] = {}
    for raw in data.get("people") or []:
        name = raw.get("name") if isinstance(raw, dict) else None
        if not isinstance(name, str):
            raise RulesError(f"{path}: every person needs a `name`")
        offices = tuple(
            Office(o["role"], _date(path, o["from"], name),
                   _date(path, o["to"], name) if o.get("to") else None)
            for o in raw.get("offices") or [])
        person = Person(name, tuple(raw.get("aliases") or ()), offices)
        for spelling in (name, *person.aliases):
            key = spelling.lower()
            if key in people and people[key] is not person:
                raise RulesError(f"{path}: {spelling!r} names both {people[key].name!r} and {name!r}")
            people[key] = person
    roles = {str(k).lower(): str(v) for k, v in (data.get("roles") or {}).items()}
    labels = frozenset(str(x).lower() for x in data.get("question_labels") or ())
    return people, roles, labels


def _place_name(path: Path, pid: str, raw: object) -> PlaceName:
    if isinstance(raw, str):
        return PlaceName(raw)
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or set(raw) - {"name", "from", "to"}:
        raise RulesError(f"{path}: place {pid!r}: a name is text or {{name, from, to}}")
    start = _date(path, raw["from"], pid) if raw.get("from") else None
    end = _date(path, raw["to"], pid) if raw.get("to") else None
    return PlaceName(raw["name"], start, end)


def load_places(path: Path) -> dict[str, Place]:
    """Return every known place name (lower-case) mapped to its place."""
    data = load_yaml(path)
    names: dict[str, Place] = {}
    ids: set[str] = set()
    for raw in data.get("places") or []:
        pid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(pid, str) or not SLUG.fullmatch(pid) or pid in ids:
            raise RulesError(f"{path}: every place needs a unique `id` in lower-case-with-dashes, "
                             f"got {pid!r}")
        ids.add(pid)
        if set(raw) - PLACE_KEYS:
            raise RulesError(f"{path}: place {pid!r}: unknown keys {sorted(set(raw) - PLACE_KEYS)}; "
                             f"use {sorted(PLACE_KEYS)}")
        place = Place(pid, str(raw.get("country") or ""),
                      tuple(_place_name(path, pid, n) for n in raw.get("names") or ()),
                      tuple(_place_name(path, pid, n) for n in raw.get("names_ru") or ()),
                      tuple(_place_name(path, pid, n) for n in raw.get("names_kk") or ()))
        if not place.names:
            raise RulesError(f"{path}: place {pid!r} has no `names`")
        for name in place.spellings():
            if names.get(name.lower(), place) is not place:
                raise RulesError(f"{path}: {name!r} names both {names[name.lower()].id!r} and {pid!r}")
            names[name.lower()] = place
    return names


