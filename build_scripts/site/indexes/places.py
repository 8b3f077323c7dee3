"""The places index: where each transcript was spoken, one entry per place whatever its name.

Astana, Nur-Sultan and Astana again are one place (build_scripts/data/places.yml);
each transcript shows the name in use on its date.
"""
from __future__ import annotations

from ...core.escape import md_inline
from ...core.model import Transcript
from ...core.rules import Place, Rules
from ...pipeline.dates import display_date
from .common import capped, date_cell, event_cell, newest_first, pairs_note, plural, transcript_link

PAGE = "places.md"


def _names(place: Place) -> str:
    parts = []
    for n in place.names:
        if n.start or n.end:
            since = f"from {display_date(n.start.isoformat(), 'day')}" if n.start else ""
            until = f"until {display_date(n.end.isoformat(), 'day')}" if n.end else ""
            parts.append(f"{md_inline(n.name)} ({' '.join(x for x in (since, until) if x)})")
        else:
            parts.append(md_inline(n.name))
    return ", ".join(parts)


def _other_names(place: Place) -> str:
    """" In Russian: Караганда. In Kazakh: Қарағанды, Qarağandy." (names that differ from the English ones)."""
    english = {n.lower() for n in place.spellings("en")}
    out = ""
    for lang, language in (("ru", "Russian"), ("kk", "Kazakh")):
        names = [n for n in place.spellings(lang) if n.lower() not in english]
        if names:
            out += f' In {language}: <span lang="{lang}">{", ".join(md_inline(n) for n in names)}</span>.'
    return out


def render_places(transcripts: list[Transcript], rules: Rules) -> str:
    """Return the places index page."""
    by_place: dict[str, list[Transcript]] = {}
    places: dict[str, Place] = {p.id: p for p in rules.places.values()}
    unknown = []
    unregistered: dict[str, list[Transcript]] = {}
    for t in newest_first(transcripts):
        if t.value("place_id"):
            by_place.setdefault(t.value("place_id"), []).append(t)
        elif t.value("place"):
            unregistered.setdefault(t.value("place"), []).append(t)
        else:
            unknown.append(t)
    order = sorted(by_place, key=lambda pid: (-len(by_place[pid]), pid))
    summary = ["| Place | Country | Transcripts |", "|---|---|--:|"]
    for pid in order:
        place = places[pid]
        names = " / ".join(md_inline(n) for n in place.spellings() if n in {t.value("place") for t in by_place[pid]})
        summary.append(f"| [{names}](#{pid}) | {md_inline(place.country) or '—'} | {len(by_place[pid])} |")
    lines = ["---", "title: Places", "hide: [navigation]", "---", "", "# Places", "",
             f"Where the {plural(len(transcripts), 'transcript')} took place. A place that has been renamed is "
             "listed once; each transcript shows the name in use on its date (Astana was Nur-Sultan from "
             f"2019 to 2022).{pairs_note(transcripts)}", "", *summary, ""]
    for pid in order:
        place = places[pid]
        names = (f" Names: {_names(place)}." if len(place.spellings("en")) > 1 else "") + _other_names(place)
        lines += [f"## {md_inline(place.names[-1].name)} {{#{pid}}}", "",
                  f"{md_inline(place.country)}.{names}", ""]
        shown, note = capped(by_place[pid], PAGE)
        lines += [*note, "| Date | Name used | Transcript | Type |", "|---|---|---|---|"]
        lines += [f"| {date_cell(t)} | {md_inline(t.value('place'))} | {transcript_link(PAGE, t)} | {event_cell(t)} |"
                  for t in by_place[pid][:shown]]
        lines.append("")
    for name, ts in sorted(unregistered.items()):
        shown, note = capped(ts, PAGE)
        lines += [f"## {md_inline(name)}", "", "*Not yet in the places register "
                  "(`build_scripts/data/places.yml`).*", "", *note, "| Date | Transcript |", "|---|---|"]
        lines += [f"| {date_cell(t)} | {transcript_link(PAGE, t)} |" for t in ts[:shown]] + [""]
    lines += [f"## Place not stated · {plural(len(unknown), 'transcript')} {{#unknown}}", ""]
    if unknown:
        shown, note = capped(unknown, PAGE)
        lines += ["*Neither the text nor a sidecar says where these took place.*", "", *note,
                  "| Date | Transcript | Type |", "|---|---|---|"]
        lines += [f"| {date_cell(t)} | {transcript_link(PAGE, t)} | {event_cell(t)} |" for t in unknown[:shown]] + [""]
    else:
        lines += ["*None.*", ""]
    return "\n".join(lines)
