"""Load and validate the rule data files in build_scripts/data."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import RulesError
from .glossary_file import GlossaryTerm, load_glossary
from .paths import DATA_DIR
from . import name_forms, word_forms
from .registers import SLUG, Person, Place, load_people, load_places
from .rule_yaml import load_yaml

ZONES = ("head", "tail")
RULE_KEYS = {"id", "zone", "match", "signature", "sets"}
FACT_GROUPS = {"publisher", "via", "byline_name", "byline_role"}
TOPIC_KEYS = {"slug", "name", "description", "terms", "terms_ru", "not_terms", "not_terms_ru", "min_mentions"}
_WORD = re.compile(r"\w+")
EVENT_TYPES = ("press-conference", "interview", "speech", "statement", "briefing",
               "meeting", "article", "other")


@dataclass(frozen=True)
class ChromeRule:
    """One line pattern of a source profile."""

    profile: str
    id: str
    zone: str
    pattern: re.Pattern
    signature: bool
    sets: dict[str, str]


@dataclass(frozen=True)
class Profile:
    """A source's chrome: its rules, and a readable name."""

    id: str
    name: str
    rules: tuple[ChromeRule, ...]


@dataclass(frozen=True)
class Topic:
    """One entry of the topic vocabulary, with its compiled term pattern."""

    slug: str
    name: str
    description: str
    terms: tuple[str, ...]
    min_mentions: int
    pattern: re.Pattern
    needles: tuple[tuple[str, bool], ...] = ()  # (term, is acronym): a quick substring test first
    # The lower-case first word of every term, so a text can be searched for those words only;
    # None when some term is not plain ASCII starting with a letter or digit (then the text is scanned).
    first_words: frozenset[str] | None = None
    # The topic's Russian terms, for Russian texts: each matched in any of its forms (word_forms.py)
    russian: Topic | None = None
    word_forms: bool = False  # True for the Russian side: terms match by stem, ё is е
    # Phrases that hold a term but name something else ("Minsk agreements" for Belarus): matched
    # like terms, the longest first, and counted for nothing
    not_terms: tuple[str, ...] = ()
    _spelled: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # term_of's answers

    def may_occur(self, text: str, lowered: str) -> bool:
        """Return False when no term can match `text` (cheap substring tests, no regex)."""
        if self.word_forms:
            lowered = lowered.replace("ё", "е")
        return any((needle in text) if acronym else (needle in lowered) for needle, acronym in self.needles)

    def term_of(self, matched: str) -> str:
        """Return the vocabulary term that `matched` (text found in a transcript) stands for."""
        term = self._spelled.get(matched)
        if term is None:  # the same few spellings recur on every page: look each up once
            term = self._spelled[matched] = self._first_term_for(matched)
        return term

    def counts(self, term: str) -> bool:
        """False for a `not_terms` phrase."""
        return term not in self.not_terms

    def _first_term_for(self, matched: str) -> str:
        if self.word_forms:  # the longest term whose forms it is, as the pattern tries them
            return next((term for term in sorted((*self.terms, *self.not_terms), key=lambda t: (-len(t), t))
                         if word_forms.is_form_of(matched, term)), matched)
        for term in (*self.terms, *self.not_terms):
            if matched == term or (not _is_acronym(term) and matched.lower() == term.lower()):
                return term
        return matched


_NAME_PATTERNS: dict[int, re.Pattern] = {}
_CYRILLIC, _LATIN = re.compile("[а-яё]"), re.compile("[a-z]")
_LOOKALIKES = str.maketrans("abcehkmoptxy", "авсенкмортху")  # lower-case of the Latin capitals A, B, C … Y


@dataclass(frozen=True, eq=False)  # one set of rules is one object: hashed by identity, so stages can cache by it
class Rules:
    """Everything the stages read from data files."""

    profiles: tuple[Profile, ...]
    people: dict[str, Person]  # every spelling (lower-case) -> person
    roles: dict[str, str]  # role as written (lower-case) -> canonical role
    question_labels: frozenset[str]
    places: dict[str, Place]  # every place name (lower-case) -> place
    event_types: tuple[tuple[str, re.Pattern], ...]  # (type, title phrase pattern), in order
    topics: tuple[Topic, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()  # in the file's order

    def person(self, name: str) -> Person | None:
        """The person `name` spells; a Latin letter typed inside a Cyrillic name ("B.Путин", with a
        Latin B) is read as the Cyrillic letter it looks like."""
        key = name.strip().lower()
        found = self.people.get(key)
        if found is None and _CYRILLIC.search(key) and _LATIN.search(key):
            found = self.people.get(key.translate(_LOOKALIKES))
        return found

    def first_person_named(self, text: str) -> re.Match | None:
        """The first spelling of a known person in `text` (the longest, where two start together),
        a Russian one in any case form ("С.В.Лаврова", name_forms.py)."""
        pattern = _NAME_PATTERNS.get(id(self.people))
        if pattern is None:  # one pattern of every spelling, built once per register
            spellings = sorted(self.people, key=len, reverse=True)
            pattern = _NAME_PATTERNS[id(self.people)] = re.compile(
                r"\b(?:" + "|".join(map(name_forms.spelling_pattern, spellings)) + r")\b", re.I)
        return pattern.search(text)

    def person_named(self, text: str) -> tuple[Person, re.Match] | None:
        """The first known person `text` names, and where."""
        match = self.first_person_named(text)
        if match is None:
            return None
        person = self.person(match.group(0)) or next(
            person for spelling, person in sorted(self.people.items(), key=lambda item: -len(item[0]))
            if name_forms.is_form_of(match.group(0), spelling))
        return person, match

    def topic(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)

    def canonical_role(self, role: str) -> str:
        return self.roles.get(role.strip().lower(), role.strip())



def _compile(path: Path, where: str, text: object) -> re.Pattern:
    if not isinstance(text, str) or not text:
        raise RulesError(f"{path}: {where}: `match` must be a non-empty string")
    try:
        pattern = re.compile(text)
    except re.error as exc:
        raise RulesError(f"{path}: {where}: bad regular expression {text!r}: {exc}") from None
    unknown = set(pattern.groupindex) - FACT_GROUPS
    if unknown:
        raise RulesError(f"{path}: {where}: unknown named group(s) {sorted(unknown)}; "
                         f"use one of {sorted(FACT_GROUPS)}")
    return pattern


def load_profiles(path: Path) -> tuple[Profile, ...]:
    """Return the source profiles in `path`, validated."""
    data = load_yaml(path)
    profiles, seen = [], set()
    for i, raw in enumerate(data.get("profiles") or []):
        if not isinstance(raw, dict) or not {"id", "name", "rules"} <= raw.keys():
            raise RulesError(f"{path}: profile #{i + 1} needs `id`, `name` and `rules`")
        pid = raw["id"]
        if pid in seen:
            raise RulesError(f"{path}: profile id {pid!r} is used twice")
        seen.add(pid)
        rules = []
        for rule in raw["rules"]:
            where = f"profile {pid!r} rule {rule.get('id') if isinstance(rule, dict) else rule!r}"
            if not isinstance(rule, dict) or not {"id", "zone", "match"} <= rule.keys():
                raise RulesError(f"{path}: {where}: a rule needs `id`, `zone` and `match`")
            if set(rule) - RULE_KEYS:
                raise RulesError(f"{path}: {where}: unknown keys {sorted(set(rule) - RULE_KEYS)}")
            if rule["zone"] not in ZONES:
                raise RulesError(f"{path}: {where}: zone must be one of {ZONES}")
            sets = rule.get("sets") or {}
            if set(sets) - FACT_GROUPS:
                raise RulesError(f"{path}: {where}: `sets` keys must be among {sorted(FACT_GROUPS)}")
            rules.append(ChromeRule(pid, str(rule["id"]), rule["zone"],
                                    _compile(path, where, rule["match"]),
                                    bool(rule.get("signature")), dict(sets)))
        if not any(r.signature for r in rules):
            raise RulesError(f"{path}: profile {pid!r} has no `signature: true` rule, so it never applies")
        profiles.append(Profile(pid, str(raw["name"]), tuple(rules)))
    return tuple(profiles)


def _is_acronym(term: str) -> bool:
    """Return True for a term written without lower-case letters (UN, SCO, C5+1)."""
    return not any(c.islower() for c in term)


def _term_pattern(terms: tuple[str, ...]) -> re.Pattern:
    """Return one pattern matching any term as a whole word, longest term first."""
    parts = [re.escape(t) if _is_acronym(t) else f"(?i:{re.escape(t)})"
             for t in sorted(terms, key=lambda t: (-len(t), t))]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _first_words(terms: tuple[str, ...]) -> frozenset[str] | None:
    """Return the lower-case first word of each term, or None when a term is not plain ASCII
    starting with a word character (the word search in `topics` relies on both)."""
    words = set()
    for term in terms:
        first = _WORD.match(term.lower())
        if not term.isascii() or first is None:
            return None
        words.add(first.group(0))
    return frozenset(words)


def _terms(path: Path, slug: str, raw: dict, key: str, required: bool = True) -> tuple[str, ...]:
    terms = raw.get(key)
    if terms is None and not required:
        return ()
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise RulesError(f"{path}: topic {slug!r}: `{key}` must be a non-empty list of text")
    return tuple(t.strip() for t in terms)


def _russian_side(path: Path, slug: str, name: str, description: str, raw: dict, minimum: int) -> Topic | None:
    """The topic for Russian texts: its `terms_ru`, each matched in any of its forms."""
    if raw.get("terms_ru") is None:
        return None
    terms_t, not_terms = _terms(path, slug, raw, "terms_ru"), _terms(path, slug, raw, "not_terms_ru", False)
    ordered = sorted((*terms_t, *not_terms), key=lambda t: (-len(t), t))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(word_forms.term_pattern, ordered)) + r")(?!\w)")
    return Topic(slug, name, description, terms_t, minimum, pattern,
                 tuple(dict.fromkeys(map(word_forms.needle, terms_t))), None, None, True, not_terms=not_terms)


def load_topics(path: Path) -> tuple[Topic, ...]:
    """Return the topic vocabulary in the file's order, validated."""
    data = load_yaml(path)
    default = data.get("min_mentions", 3)
    topics, seen = [], set()
    for i, raw in enumerate(data.get("topics") or []):
        where = f"topic #{i + 1}"
        if not isinstance(raw, dict) or set(raw) - TOPIC_KEYS or not {"slug", "name", "description", "terms"} <= set(raw):
            raise RulesError(f"{path}: {where}: a topic has `slug`, `name`, `description`, `terms` "
                             f"and optionally `terms_ru`, `not_terms`, `not_terms_ru` and `min_mentions`")
        slug = raw["slug"]
        if not isinstance(slug, str) or not SLUG.fullmatch(slug) or slug in seen:
            raise RulesError(f"{path}: {where}: slug {slug!r} must be unique, lower-case-with-dashes")
        seen.add(slug)
        terms_t, not_terms = _terms(path, slug, raw, "terms"), _terms(path, slug, raw, "not_terms", False)
        minimum = raw.get("min_mentions", default)
        if not isinstance(minimum, int) or minimum < 1:
            raise RulesError(f"{path}: topic {slug!r}: `min_mentions` must be a whole number ≥ 1")
        name, description = str(raw["name"]), " ".join(str(raw["description"]).split())
        topics.append(Topic(slug, name, description, terms_t, minimum, _term_pattern((*terms_t, *not_terms)),
                            tuple((t, True) if _is_acronym(t) else (t.lower(), False) for t in terms_t),
                            _first_words((*terms_t, *not_terms)),
                            _russian_side(path, slug, name, description, raw, minimum), not_terms=not_terms))
    return tuple(topics)


def load_event_types(path: Path) -> tuple[tuple[str, re.Pattern], ...]:
    """Return (event type, title-phrase pattern) pairs in the file's order."""
    data = load_yaml(path)
    pairs = []
    for raw in data.get("event_types") or []:
        kind = raw.get("type") if isinstance(raw, dict) else None
        if kind not in EVENT_TYPES:
            raise RulesError(f"{path}: event type {kind!r} is not one of {EVENT_TYPES}")
        phrases = [re.escape(str(p)) for p in raw.get("title_phrases") or []]
        if phrases:
            pairs.append((kind, re.compile(r"\b(?:%s)\b" % "|".join(phrases), re.I)))
    return tuple(pairs)


@lru_cache(maxsize=4)
def load_rules(data_dir: Path = DATA_DIR) -> Rules:
    """Return all rules from `data_dir`, validated once per process."""
    people, roles, labels = load_people(data_dir / "people.yml")
    topics = load_topics(data_dir / "topics.yml")
    return Rules(
        profiles=load_profiles(data_dir / "source_profiles.yml"),
        people=people,
        roles=roles,
        question_labels=labels,
        places=load_places(data_dir / "places.yml"),
        event_types=load_event_types(data_dir / "event_types.yml"),
        topics=topics,
        glossary=load_glossary(data_dir / "glossary.yml", {t.slug for t in topics}),
    )
