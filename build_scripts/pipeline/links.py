"""Stage 6: how transcripts connect: references in the text, time order, related pages.

A reference is a date in one transcript's text that names a meeting in the
archive: "on September 9, 2020, we met in Moscow" (a full date, with a word for
a meeting or the other transcript's place in the same sentence), or "Last
September, at a meeting with … Mukhtar Tleuberdi" (a month, with a meeting word
and a person or place of the other transcript in the same sentence). Dates that
match no transcript, or match without that context, stay plain text.
"""
from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from ..core.model import Transcript
from ..core.rules import Rules
from .dates import DAY_FIRST, MONTH_FIRST, MONTHS, sort_key
from .structure import SENTENCE

MEETING = re.compile(r"\b(?:met|meet|meeting|meetings|talks|negotiations|visit|visited|"
                     r"news conference|press conference|consultations)\b", re.I)
RELATIVE_MONTH = re.compile(r"\b(?P<which>[Ll]ast|[Tt]his) (?P<month>" + "|".join(MONTHS) + r")\b")
ANY_MONTH = re.compile("|".join(MONTHS))
MONTH_YEAR = re.compile(r"\b(?:in |In )(?P<month>" + "|".join(MONTHS) + r") (?P<year>\d{4})\b")
MAX_RELATED = 5
MIN_RELATED_SCORE = 2  # a shared counterpart (3), or at least two shared topics (1 each)
NEAREST = 40  # per shared counterpart or topic, the candidates this close in time are considered


@dataclass(frozen=True)
class Reference:
    """A stretch of a paragraph that refers to another transcript."""

    anchor: str  # the paragraph's anchor, e.g. "opening-p2"
    start: int
    end: int
    target: str  # the referred transcript's id
    reason: str


@dataclass
class PageLinks:
    """Everything that connects one transcript to the rest of the archive."""

    previous: Transcript | None = None
    next: Transcript | None = None
    references: dict[str, list[Reference]] = field(default_factory=dict)  # by paragraph anchor
    cited_by: list[tuple[Transcript, Reference]] = field(default_factory=list)
    related: list[tuple[Transcript, list[str]]] = field(default_factory=list)


def in_time_order(transcripts: list[Transcript]) -> list[Transcript]:
    """Return the dated transcripts oldest first (ties by id)."""
    dated = [t for t in transcripts if t.value("date")]
    return sorted(dated, key=lambda t: (sort_key(t.value("date")), t.id))


def _people_names(t: Transcript, rules: Rules) -> set[str]:
    """Return every spelling of the counterparts (and non-principal speakers) of `t`."""
    names: set[str] = set()
    people = t.value("counterparts", []) + t.value("speakers", [])[1:]
    for entry in people:
        person = rules.person(entry["name"])
        spellings = (person.name, *person.aliases) if person else (entry["name"],)
        names.update(s for s in spellings if " " in s)  # full names only, not a bare surname
    return names


def _place_names(t: Transcript, rules: Rules) -> set[str]:
    place = rules.places.get((t.value("place") or "").lower())
    return set(place.spellings()) if place else ({t.value("place")} if t.value("place") else set())


def _sentence_at(text: str, index: int) -> str:
    for match in SENTENCE.finditer(text):
        if match.start() <= index < match.end():
            return match.group(0)
    return text


def _month_of(t: Transcript) -> tuple[int, int] | None:
    date = t.value("date")
    return (int(date[:4]), int(date[5:7])) if date and len(date) >= 7 else None


def _candidates(text: str, t: Transcript):
    """Yield (start, end, iso date or month, precision) for date expressions in `text`."""
    if not ANY_MONTH.search(text):
        return  # every pattern below needs a month's name: most paragraphs have none
    for pattern in (DAY_FIRST, MONTH_FIRST):
        for m in pattern.finditer(text):
            month = MONTHS.index(m["month"]) + 1
            yield m.start(), m.end(), f"{m['year']}-{month:02d}-{int(m['day']):02d}", "day"
    for m in MONTH_YEAR.finditer(text):
        yield m.start() + 3, m.end(), f"{m['year']}-{MONTHS.index(m['month']) + 1:02d}", "month"
    own = _month_of(t)
    for m in RELATIVE_MONTH.finditer(text):
        if own is None:
            continue
        month = MONTHS.index(m["month"]) + 1
        year = own[0] if m["which"].lower() == "this" or month < own[1] else own[0] - 1
        yield m.start(), m.end(), f"{year}-{month:02d}", "month"


def by_date(transcripts: list[Transcript]) -> tuple[dict[str, list[Transcript]], dict[str, list[Transcript]]]:
    """Return (day -> transcripts, month -> transcripts) for transcripts dated at least to the month."""
    by_day: dict[str, list[Transcript]] = {}
    by_month: dict[str, list[Transcript]] = {}
    for t in sorted(transcripts, key=lambda t: t.id):
        date = t.value("date")
        if date and len(date) >= 7:
            by_month.setdefault(date[:7], []).append(t)
            if len(date) == 10:
                by_day.setdefault(date, []).append(t)
    return by_day, by_month


def find_references(t: Transcript, dates: tuple[dict, dict], rules: Rules) -> list[Reference]:
    """Return the references in `t` to other transcripts in the archive (`dates` from `by_date`)."""
    by_day, by_month = dates
    found: list[Reference] = []
    for section in t.sections:
        for turn in section.turns:
            for paragraph in turn.paragraphs:
                for start, end, iso, precision in _candidates(paragraph.text, t):
                    sentence = _sentence_at(paragraph.text, start)
                    meeting = MEETING.search(sentence)
                    if precision == "month" and not meeting:
                        continue  # a month alone names no meeting, whoever else met that month
                    pool = by_day.get(iso, []) if precision == "day" else by_month.get(iso, [])
                    for other in pool:
                        if other is t:
                            continue
                        reason = _why(sentence, meeting, other, precision, rules)
                        if reason:
                            found.append(Reference(paragraph.anchor, start, end, other.id, reason))
                            break
    return _without_overlaps(found)


def _why(sentence: str, meeting: re.Match | None, other: Transcript, precision: str, rules: Rules) -> str | None:
    """Return why `sentence` (with its meeting word, if any) refers to `other`, or None when it
    does not clearly do so."""
    place = next((n for n in sorted(_place_names(other, rules))
                  if re.search(r"\b" + re.escape(n) + r"\b", sentence)), None)
    if precision == "day" and (meeting or place):
        what = [f"“{meeting.group(0)}”" if meeting else "", place or ""]
        return "same date, and the sentence names " + " and ".join(w for w in what if w)
    if precision == "month" and meeting:
        person = next((n for n in sorted(_people_names(other, rules)) if n in sentence), None)
        if person or place:
            return f"same month, a meeting with {person}" if person else f"same month, a meeting in {place}"
    return None


def _without_overlaps(refs: list[Reference]) -> list[Reference]:
    kept: list[Reference] = []
    for ref in sorted(refs, key=lambda r: (r.anchor, r.start, -r.end)):
        if kept and kept[-1].anchor == ref.anchor and ref.start < kept[-1].end:
            continue
        kept.append(ref)
    return kept


def _counterparts(t: Transcript) -> set[str]:
    return {p["name"] for p in t.value("counterparts", [])}


@dataclass(frozen=True)
class Kinship:
    """What `related` compares between two transcripts, worked out once per transcript."""

    counterparts: frozenset[str]
    topics: frozenset[str]  # assigned topic slugs
    date_key: tuple[int, int, int]

    @property
    def year(self) -> int:
        return self.date_key[0]


def kinship(t: Transcript) -> Kinship:
    return Kinship(frozenset(_counterparts(t)), frozenset(m.slug for m in t.assigned_topics()),
                   sort_key(t.value("date")))


@dataclass
class Posting:
    """The transcripts that share one counterpart or topic, oldest first, with their date keys."""

    keys: list[tuple[int, int, int]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    def nearest(self, key: tuple[int, int, int]) -> list[str]:
        """Return the ids of up to NEAREST transcripts closest in time to date key `key`."""
        at = bisect.bisect_left(self.keys, key)
        return self.ids[max(0, at - NEAREST // 2): at + NEAREST // 2]


def related(t: Transcript, postings: dict[str, Posting], kin: dict[str, Kinship],
            by_id: dict[str, Transcript]) -> list[tuple[Transcript, list[str]]]:
    """Return up to MAX_RELATED transcripts sharing counterparts or topics with `t`, closest first.

    `postings` maps "person:NAME" and "topic:SLUG" to the transcripts that have
    them, in time order. For each counterpart and topic only the NEAREST
    transcripts in time are candidates, so the work stays proportional to the
    archive's size rather than its square (a counterpart met 2,000 times made it
    quadratic). Candidates are ranked on numbers alone, closest in time first
    among equals; the reasons are written for the few that are shown.
    """
    mine = kin[t.id]
    year = mine.year
    shared_people = Counter(chain.from_iterable(postings[f"person:{name}"].nearest(mine.date_key)
                                                for name in mine.counterparts))
    nearby = {other for slug in mine.topics for other in postings[f"topic:{slug}"].nearest(mine.date_key)}
    ranked = []
    for other in shared_people.keys() | nearby:
        if other == t.id:
            continue
        theirs = kin[other]
        score = 3 * shared_people[other] + len(mine.topics & theirs.topics)
        if score >= MIN_RELATED_SCORE:
            ranked.append((-score, abs(year - theirs.date_key[0]), other))
    return [(by_id[other], _reasons(t, mine, kin[other])) for *_, other in heapq.nsmallest(MAX_RELATED, ranked)]


def _reasons(t: Transcript, mine: Kinship, theirs: Kinship) -> list[str]:
    """Return why two transcripts are related: their shared counterparts, then shared topics."""
    people = sorted(mine.counterparts & theirs.counterparts)
    topics = [m.name for m in t.assigned_topics() if m.slug in theirs.topics]
    return ([f"same counterpart: {', '.join(people)}"] if people else []) + \
           ([f"shared topics: {', '.join(topics)}"] if topics else [])


def _postings(transcripts: list[Transcript], kin: dict[str, Kinship]) -> dict[str, Posting]:
    """Return "person:NAME" / "topic:SLUG" -> its Posting, oldest first (ties by id)."""
    postings: dict[str, Posting] = {}
    for t in sorted(transcripts, key=lambda t: (kin[t.id].date_key, t.id)):
        key = kin[t.id].date_key
        names = [f"person:{n}" for n in sorted(kin[t.id].counterparts)] + \
                [f"topic:{m.slug}" for m in t.assigned_topics()]
        for name in names:
            posting = postings.setdefault(name, Posting())
            posting.keys.append(key)
            posting.ids.append(t.id)
    return postings


def link_transcripts(transcripts: list[Transcript], rules: Rules) -> dict[str, PageLinks]:
    """Return the links of every transcript, by id."""
    links = {t.id: PageLinks() for t in transcripts}
    ordered = in_time_order(transcripts)
    for before, after in zip(ordered, ordered[1:]):
        links[before.id].next = after
        links[after.id].previous = before
    kin = {t.id: kinship(t) for t in transcripts}
    by_id = {t.id: t for t in transcripts}
    postings, dates = _postings(transcripts, kin), by_date(transcripts)
    for t in sorted(transcripts, key=lambda t: t.id):
        for ref in find_references(t, dates, rules):
            links[t.id].references.setdefault(ref.anchor, []).append(ref)
            links[ref.target].cited_by.append((t, ref))
        links[t.id].related = related(t, postings, kin, by_id)
    for page in links.values():
        page.cited_by.sort(key=lambda pair: (sort_key(pair[0].value("date")), pair[0].id, pair[1].anchor))
    return links
