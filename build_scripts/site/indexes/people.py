"""The people index: speakers and counterparts, their roles over time, and their transcripts.

Names are normalised through build_scripts/data/people.yml, so "Sergei Lavrov"
and "Sergey Lavrov" are one person.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from ...core.escape import md_inline
from ...core.model import Transcript
from ...core.rules import Rules
from ...core.slugs import person_anchor
from ...pipeline.dates import display_date
from .common import capped, date_cell, newest_first, plural, transcript_link

PAGE = "people.md"


@dataclass
class Appearance:
    transcript: Transcript
    as_: str  # "speaker" or "counterpart"
    role: str | None


@dataclass
class PersonEntry:
    name: str
    registered: bool
    aliases: tuple[str, ...] = ()
    offices: list[str] = field(default_factory=list)
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def transcripts(self) -> list[Transcript]:
        return list({a.transcript.id: a.transcript for a in self.appearances}.values())


KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]|[ūıñöüğäş]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")


def _spelling(alias: str) -> str:
    """An alias marked with its language for screen readers: Kazakh letters (Cyrillic or Latin) are
    Kazakh, other Cyrillic is Russian; the rest is the page's English."""
    lang = "kk" if KAZAKH_LETTERS.search(alias) else "ru" if CYRILLIC.search(alias) else None
    return f'<span lang="{lang}">{md_inline(alias)}</span>' if lang else md_inline(alias)


def collect_people(transcripts: list[Transcript], rules: Rules) -> list[PersonEntry]:
    """Return everyone who speaks or is a counterpart, sorted by surname."""
    people: dict[str, PersonEntry] = {}
    for t in sorted(transcripts, key=lambda t: t.id):
        for key, as_ in (("speakers", "speaker"), ("counterparts", "counterpart")):
            for entry in t.value(key, []):
                person = rules.person(entry["name"])
                name = person.name if person else entry["name"]
                if name not in people:
                    people[name] = PersonEntry(
                        name, person is not None, person.aliases if person else (),
                        [f"{o.role}, from {display_date(o.start.isoformat(), 'day')}"
                         + (f" to {display_date(o.end.isoformat(), 'day')}" if o.end else "")
                         for o in person.offices] if person else [])
                people[name].appearances.append(Appearance(t, as_, entry.get("role")))
    return sorted(people.values(), key=lambda p: (p.name.split()[-1].lower(), p.name.lower()))


def _roles_over_time(entry: PersonEntry) -> list[str]:
    """Return "role — first date – last date (n transcripts)" for each role stated in the transcripts."""
    spans: dict[str, list[Transcript]] = {}
    for a in entry.appearances:
        if a.role:
            spans.setdefault(a.role, []).append(a.transcript)
    lines = []
    for role, ts in spans.items():
        ordered = newest_first(list({t.id: t for t in ts}.values()))
        first, last = date_cell(ordered[-1]), date_cell(ordered[0])
        when = first if first == last else f"{first} to {last}"
        lines.append(f"- {md_inline(role)}: {when} ({plural(len(ordered), 'transcript')})")
    return sorted(lines)


def render_person(entry: PersonEntry) -> list[str]:
    lines = [f"## {md_inline(entry.name)} {{#{person_anchor(entry.name)}}}", ""]
    if entry.aliases:
        lines += ["Also written: " + ", ".join(map(_spelling, entry.aliases)) + ".", ""]
    if not entry.registered:
        lines += ["*Not yet in the people register (`build_scripts/data/people.yml`): other spellings of "
                  "this name are not merged here.*", ""]
    roles = _roles_over_time(entry)
    if roles:
        lines += ["**Roles as the transcripts give them**", "", *roles, ""]
    if entry.offices:
        lines += ["**Offices in the register:** " + "; ".join(md_inline(o) for o in entry.offices) + ".", ""]
    order = {t.id: i for i, t in enumerate(newest_first(entry.transcripts))}
    shown, note = capped(entry.transcripts, PAGE)
    lines += [*note, "| Date | Transcript | As | Role stated |", "|---|---|---|---|"]
    rows: dict[str, list[Appearance]] = {}  # one row per transcript: a speaker may be the counterpart too
    for a in sorted(entry.appearances, key=lambda a: (order[a.transcript.id], a.as_ != "speaker")):
        rows.setdefault(a.transcript.id, []).append(a)
    for tid, appearances in rows.items():
        if order[tid] < shown:
            t = appearances[0].transcript
            roles = list(dict.fromkeys(md_inline(a.role) for a in appearances if a.role)) or ["not stated"]
            lines.append(f"| {date_cell(t)} | {transcript_link(PAGE, t)} | "
                         f"{' and '.join(dict.fromkeys(a.as_ for a in appearances))} | {'; '.join(roles)} |")
    return lines + [""]


def render_people(transcripts: list[Transcript], rules: Rules) -> str:
    """Return the people index page."""
    people = collect_people(transcripts, rules)
    summary = ["| Person | Transcripts | As speaker | As counterpart |", "|---|--:|--:|--:|"]
    for p in people:
        speaker = len({a.transcript.id for a in p.appearances if a.as_ == "speaker"})
        counterpart = len({a.transcript.id for a in p.appearances if a.as_ == "counterpart"})
        summary.append(f"| [{md_inline(p.name)}](#{person_anchor(p.name)}) | {len(p.transcripts)} "
                       f"| {speaker} | {counterpart} |")
    lines = ["---", "title: People", "hide: [navigation]", "---", "", "# People", "",
             f"{plural(len(people), 'person', 'people')} who speak in the transcripts or are named as "
             "counterparts, by surname. Different spellings of a name are one person here; each role is given as "
             "the transcript states it, so a change of office shows up over time.", "",
             *summary, ""]
    for p in people:
        lines += render_person(p)
    return "\n".join(lines)
