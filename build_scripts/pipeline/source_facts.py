"""Facts a transcript's text leaves out but its container states: the saved page's own
metadata, the cells of an export's record, a publication stamp, or a date written
anywhere in the headline ("… (Moscow, February 5, 2026)").

Each is used only where the text itself gives nothing, and keeps its provenance:
the cell it came from, the page's metadata, or the line of the stamp.
"""
from __future__ import annotations

import re

from ..core.model import Fact, Transcript
from ..core.rules import Rules
from .csv_record import NAME
from .dates import find_date, parse_iso, stamp_kind

SUMMARY_WORDS = 8
SITE_SUFFIX = re.compile(r"\s+[|•·—–-]\s+")


def known_place(text: str, rules: Rules) -> str | None:
    """The known place a short text names ("The Kremlin, Moscow" -> "Moscow"), as written."""
    for part in reversed(re.split(r"[,()–—;]| - ", text)):
        if part.strip().lower() in rules.places:
            return part.strip()
    return None


def _cells(t: Transcript) -> list[Fact]:
    return [f for k, f in sorted(t.source_facts.items()) if k.startswith("cell")]


def _is_summary(text: str) -> bool:
    return text.endswith((".", "!", "?", "…")) and len(text.split()) >= SUMMARY_WORDS


def _is_name(text: str, rules: Rules) -> bool:
    return bool(rules.person(text)) or (len(text.split()) <= 3 and bool(NAME.fullmatch(text))
                                        and not any(p.search(text) for _, p in rules.event_types))


def record_roles(t: Transcript, rules: Rules) -> dict[str, Fact]:
    """The record's cells that are not an address or a date, by what they hold: title, place, speaker."""
    roles: dict[str, Fact] = {}
    rest = []
    for cell in _cells(t):
        value = str(cell.value)
        if "place" not in roles and len(value.split()) <= 5 and known_place(value, rules):
            roles["place"] = cell
        elif _is_summary(value):
            roles.setdefault("summary", cell)
        elif "speaker" not in roles and _is_name(value, rules):
            roles["speaker"] = cell
        else:
            rest.append(cell)
    if rest:
        roles["title"] = max(rest, key=lambda c: len(str(c.value)))
    return roles


def title_fact(t: Transcript, rules: Rules) -> Fact | None:
    """The headline from the page's metadata (less the site's name) or the record's title cell."""
    fact = t.source_facts.get("title") or record_roles(t, rules).get("title")
    if fact is None:
        return None
    title = str(fact.value)
    site = str(t.source_facts["sitename"].value) if "sitename" in t.source_facts else None
    parts = SITE_SUFFIX.split(title)
    if site and len(parts) > 1 and site.lower() in (parts[0].lower(), parts[-1].lower()):
        title = " - ".join(p for p in parts if p.lower() != site.lower())
    return Fact(title, fact.source, fact.line, evidence=None if title == fact.value else str(fact.value),
                note=fact.note)


def date_fact(t: Transcript, title: str | None) -> Fact | None:
    """A date from the headline, then the page's or record's date, then a publication stamp."""
    found = find_date(title) if title else None
    if found:
        line = t.header["title"].number if "title" in t.header else (t.meta["title"].line if "title" in t.meta else None)
        return Fact(found.iso, "extracted", line, title[found.start:found.end], note="date in the headline")
    fact = t.source_facts.get("date")
    if fact is not None:
        found = find_date(str(fact.value))
        if found:
            return Fact(found.iso, "extracted", fact.line, str(fact.value), note=fact.note)
    stamp = t.header.get("published")
    if stamp is not None:
        found = find_date(stamp.text)
        if found:
            return Fact(found.iso, "extracted", stamp.number, stamp.text.strip(),
                        note="the page's publication date; the text states no other")
    return None


def place_fact(t: Transcript, title: str | None, rules: Rules) -> Fact | None:
    """A place from a place line beside the dateline, the record's place cell, or the headline."""
    line = t.header.get("place")
    if line is not None:
        return Fact(line.text.strip(), "extracted", line.number)
    cell = record_roles(t, rules).get("place")
    if cell is not None:
        place = known_place(str(cell.value), rules)
        return Fact(place, "extracted", cell.line, str(cell.value), note=cell.note)
    if title:
        for segment in re.findall(r"\(([^()]{2,80})\)|,\s*([^,()]{2,40})(?=,|$)", title):
            place = known_place(segment[0] or segment[1], rules)
            if place:
                line = t.header["title"].number if "title" in t.header else None
                return Fact(place, "extracted", line, segment[0] or segment[1], note="place in the headline")
    return None


def record_time(t: Transcript) -> Fact | None:
    """The time an export's date cell states ("2022-05-16T18:00:00Z" -> 18:00), when the date came from it."""
    fact, date = t.source_facts.get("date"), t.meta.get("date")
    if fact is None or date is None or date.line != fact.line or date.evidence != str(fact.value):
        return None
    found = find_date(str(fact.value))
    if found is None or found.time is None:
        return None
    return Fact(found.time, "extracted", fact.line, str(fact.value), note=f"{fact.note}, as written there")


def source_address(t: Transcript) -> dict[str, Fact]:
    """The page's own address and site name, or the record's address cell: where the text was published."""
    found = {}
    if "url" in t.source_facts:
        found["url"] = t.source_facts["url"]
    if "sitename" in t.source_facts:
        found["publisher"] = t.source_facts["sitename"]
    return found


def speaker_cell(t: Transcript, rules: Rules) -> Fact | None:
    """The record's speaker cell ("Sergey Lavrov"), when it has one."""
    return record_roles(t, rules).get("speaker")


__all__ = ["date_fact", "place_fact", "record_roles", "speaker_cell", "title_fact", "parse_iso", "stamp_kind"]
