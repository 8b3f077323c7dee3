"""Stage 3: the facts of a transcript (date, place, people, source, …) with provenance.
The people (speakers, counterparts, their roles) are in people_facts.py.

Facts come from the text (title, dateline, chrome lines naming the source), then
the sidecar overrides them. What neither states stays unknown.
"""
from __future__ import annotations

import datetime as dt
import re

from ..core.errors import TranscriptError
from ..core.model import Fact, Transcript
from ..core.rules import Rules
from .boilerplate import strip_pictographs
from .dates import CLOCK, FoundDate, find_date, find_trailing_date, impossible_trailing_date, parse_dateline, parse_iso
from .facts_common import sidecar_fact, title_line
from .labels import parse_label
from .language import detect_language
from .people_facts import day_of, extract_counterparts, extract_speakers, split_role_name
from .place_in_speech import place_in_speech
from .source_facts import date_fact, place_fact, record_time, source_address, title_fact

__all__ = ["extract_metadata", "split_role_name"]

PLACES = "build_scripts/data/places.yml"


DATED_ASIDE = re.compile(r"\s*\(([^()]*)\)\s*$")


def _without_dated_aside(title: str) -> str:
    """The title without a closing "(Moscow, February 5, 2026)", which names no one."""
    match = DATED_ASIDE.search(title)
    return title[:match.start()] if match and find_date(match.group(1)) else title


def _split_title(title: str) -> tuple[str, FoundDate | None, str | None]:
    """Return (title without trailing place and date, the date, the last segment)."""
    found = find_trailing_date(title)
    if found:
        rest = title[: found.start].rstrip(" ,")
    else:
        bad = impossible_trailing_date(title)  # "February 31, 2022" is no date, but not the place either
        rest = title.rstrip()[: -len(bad)].rstrip(" ,") if bad else title
    head, sep, last = rest.rpartition(", ")
    return (head, found, last) if sep else (rest, found, None)


def _warn_about_dates(t: Transcript, title: str | None, dateline) -> None:
    """A date the text gives that is no real day, or a date after today: shown, but worth a look."""
    if "date" not in t.meta:
        for text, line in ((title, t.header.get("title")), (dateline.text if dateline else None, dateline)):
            bad = impossible_trailing_date(text) if text else None
            if bad:
                t.warn(line.number if line else None, f"{bad!r} is not a real date, so the date is shown as unknown",
                       f"check the source and set `date:` in {t.id}.yml")
    date = t.meta.get("date")
    if date and date.value > dt.date.today().isoformat():
        t.warn(date.line if date.source == "extracted" else None, f"the date {date.value} is in the future",
               "check the source; a transcript records something that has happened")


def extract_dates(t: Transcript, title: str | None) -> None:
    """Set date, date_precision and time from the dateline, the title, then the sidecar."""
    dateline = t.header.get("dateline")
    from_line = parse_dateline(dateline.text) if dateline else None
    from_title = find_trailing_date(title) if title else None
    if from_line and from_title and from_line.iso != from_title.iso:
        raise TranscriptError(
            t.corpus_file, dateline.number,
            f"the dateline says {from_line.iso} but the title says {from_title.iso}",
            f"check the source and set the right `date:` in {t.id}.yml")
    if from_line:
        t.meta["date"] = Fact(from_line.iso, "extracted", dateline.number, dateline.text.strip())
        if from_line.time:
            t.meta["time"] = Fact(from_line.time, "extracted", dateline.number, dateline.text.strip())
    elif from_title:
        t.meta["date"] = Fact(from_title.iso, "extracted", title_line(t),
                              title[from_title.start:from_title.end])
    elif (fact := date_fact(t, title)) is not None:
        t.meta["date"] = fact
    clock = t.header.get("time")
    if "time" not in t.meta and "date" in t.meta and clock is not None:
        t.meta["time"] = Fact(clock.text.strip().zfill(5), "extracted", clock.number)
    elif "time" not in t.meta and (stamp := record_time(t)) is not None:
        t.meta["time"] = stamp
    side = sidecar_fact(t, "date")
    if side:
        try:
            side.value, _ = parse_iso(side.value)
        except ValueError as exc:
            raise TranscriptError(t.sidecar_file, side.line, f"bad date: {exc}",
                                  "write the date as YYYY-MM-DD, YYYY-MM or YYYY") from None
        t.meta["date"] = side
    side = sidecar_fact(t, "time")
    if side:
        if not isinstance(side.value, str) or not CLOCK.fullmatch(side.value):
            raise TranscriptError(t.sidecar_file, side.line, f"bad time {side.value!r}",
                                  'write the time as "HH:MM" in quotes, e.g. "14:32"')
        t.meta["time"] = side
    _warn_about_dates(t, title, dateline)
    date = t.meta.get("date")
    precision = parse_iso(date.value)[1] if date else "unknown"
    t.meta["date_precision"] = Fact(precision, date.source if date else "inferred",
                                    note=None if date else "no date in the text or sidecar")


def extract_place(t: Transcript, last_segment: str | None, rules: Rules) -> None:
    """Set place (and place_id) from the title's last segment when it is a known place, or the sidecar."""
    if last_segment:
        place = rules.places.get(last_segment.strip().lower())
        if place:
            t.meta["place"] = Fact(last_segment.strip(), "extracted", title_line(t), last_segment)
        elif len(last_segment.split()) <= 3 and not rules.person(last_segment):
            t.warn(title_line(t),
                   f"the title ends with {last_segment!r}, which is not a known place",
                   "if it is the place, add it to build_scripts/data/places.yml; "
                   "otherwise set `place:` in the sidecar")
    if "place" not in t.meta and (found := place_fact(t, t.value("title"), rules)) is not None:
        t.meta["place"] = found
    if "place" not in t.meta and (found := place_in_speech(t, rules)) is not None:
        t.meta["place"] = found
    side = sidecar_fact(t, "place")
    if side:
        t.meta["place"] = side
    fact = t.meta.get("place")
    place = rules.places.get(fact.value.strip().lower()) if fact and fact.value else None
    if place is None:
        return
    t.meta["place_id"] = Fact(place.id, fact.source, fact.line, note=f"per {PLACES}", file=fact.file)
    written = next(n for n in place.spellings() if n.lower() == fact.value.strip().lower())
    at_the_time = place.name_on(day_of(t.value("date")))
    if at_the_time is None and written not in place.spellings("en"):  # the site names places in English
        at_the_time = place.english_for(written)
        fact.value = at_the_time
        fact.note = f"the source calls it {written}, in English {at_the_time}, per {PLACES}" + (
            f". {fact.note[:1].upper()}{fact.note[1:]}" if fact.note else "")
        return
    fact.value = at_the_time or written
    if at_the_time and at_the_time != written:
        fact.note = (f"the source calls it {written}; it was called {at_the_time} on that date, per {PLACES}"
                     + (f". {fact.note[:1].upper()}{fact.note[1:]}" if fact.note else ""))


def extract_event_type(t: Transcript, title: str | None, rules: Rules) -> None:
    """Set event_type from the title's wording, else infer an interview from the structure."""
    for kind, pattern in rules.event_types if title else ():
        match = pattern.search(title)
        if match:
            t.meta["event_type"] = Fact(kind, "extracted", title_line(t), match.group(0))
            break
    else:
        first = parse_label(t.body[0].text, rules, t.recurring) if t.body else None
        if first and first.question:
            t.meta["event_type"] = Fact(
                "interview", "inferred", t.body[0].number,
                note="the title does not say; the text opens with a question and has no opening statement")
    side = sidecar_fact(t, "event_type")
    if side:
        t.meta["event_type"] = side


def extract_language(t: Transcript) -> None:
    """Set language: detected from the spoken text, unless the sidecar corrects it."""
    opening, size = [], 0
    for line in t.body:  # the opening lines are enough: detect_language reads a few hundred letters
        opening.append(line.text)
        size += len(line.text)
        if size > 1500:
            break
    found = detect_language(" ".join(opening))
    if found is not None:
        t.meta["language"] = Fact(found, "inferred", note="detected from the spoken text (lingua)")
    side = sidecar_fact(t, "language")
    if side:
        t.meta["language"] = side


def extract_source(t: Transcript) -> None:
    """Set source.publisher / via from chrome lines, then source.* from the sidecar."""
    for key in ("publisher", "via"):
        if key in t.line_facts:
            t.meta[f"source.{key}"] = t.line_facts[key]
    for key, fact in source_address(t).items():
        t.meta.setdefault(f"source.{key}", fact)
    for key, value in ((t.sidecar or {}).get("source") or {}).items():
        t.meta[f"source.{key}"] = Fact(value, "sidecar", t.sidecar_lines.get("source"), file=t.sidecar_file)


def extract_metadata(t: Transcript, rules: Rules) -> Transcript:
    """Fill `t.meta` with every fact the text or sidecar states, each with provenance."""
    title_line = t.header.get("title")
    title = strip_pictographs(title_line.text) if title_line else None
    if title:
        t.meta["title"] = Fact(title, "extracted", title_line.number)
    elif (fact := title_fact(t, rules)) is not None:
        t.meta["title"] = fact
        title = str(fact.value)
    side = sidecar_fact(t, "title")
    if side:
        t.meta["title"] = side
    if "title" not in t.meta:
        t.warn(None, "no title line found", f"add `title:` to {t.id}.yml")
    head, _, last = _split_title(_without_dated_aside(title)) if title else ("", None, None)
    extract_dates(t, title)
    extract_place(t, last, rules)
    extract_event_type(t, title, rules)
    extract_speakers(t, title, rules)
    extract_counterparts(t, head, rules)
    extract_source(t)
    extract_language(t)
    if t.sidecar and "note" in t.sidecar:
        t.meta["note"] = Fact(t.sidecar["note"], "sidecar", t.sidecar_lines["note"], file=t.sidecar_file)
    return t
