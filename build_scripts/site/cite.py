"""Citations of a transcript page: Chicago-style text, BibTeX, RIS and CSL-JSON.

Each is written at build time from the page's front matter, as a template with
three markers the page's script (assets/cite.js) fills in when it is read: the
address being cited (the page, or one passage of it), the passage's locator, and
the access date, which only the reader can know. Without the script the markers
read as bracketed placeholders. Every value is from the front matter: what it
does not state is left out (or "n.d." for a date), never guessed.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from ..pipeline.language import NAMES as LANGUAGE_NAMES  # CSL and RIS take the code, BibTeX the name

URL = "⟦url⟧"  # the page's address, or the passage's (…#q3-p2)
LOCATOR = "⟦locator⟧"  # "" for the whole page, ", passage #q3-p2" style text for a passage
ACCESSED = {  # one marker per format's way of writing the access date
    "long": "⟦accessed-long⟧",  # November 22, 2026
    "iso": "⟦accessed-iso⟧",  # 2026-11-22
    "ris": "⟦accessed-ris⟧",  # 2026/11/22
    "csl": "⟦accessed-csl⟧",  # {"date-parts": [[2026, 11, 22]]}
}
FALLBACK = {URL: "[address of this page]", LOCATOR: "", ACCESSED["long"]: "[date accessed]",
            ACCESSED["iso"]: "[date accessed]", ACCESSED["ris"]: "[date accessed]",
            ACCESSED["csl"]: '{"literal": "[date accessed]"}'}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
EVENT_WORDS = {"press-conference": "Press conference", "interview": "Interview", "speech": "Speech",
               "statement": "Statement", "briefing": "Briefing", "meeting": "Remarks at a meeting",
               "article": "Article", "other": "Transcript"}
# Types that both CSL 1.0.1 and 1.0.2 define, so that older processors and styles read them too. A
# transcript of no known event type is an "article", as Zotero typed its generic Document before
# 1.0.2 added "document".
CSL_TYPES = {"interview": "interview", "article": "article", "press-conference": "speech", "speech": "speech",
             "statement": "speech", "briefing": "speech", "meeting": "speech"}
CSL_FALLBACK_TYPE = "article"


@dataclass(frozen=True)
class Work:
    """What a citation says about one transcript."""

    id: str
    title: str
    date: str | None  # ISO, as precise as known: 2020-09-09, 2020-09 or 2020
    place: str | None
    event: str | None  # event_type
    authors: tuple[str, ...]  # the speakers, as named
    publisher: str | None
    via: str | None
    source_url: str | None
    archive: str  # the site's name
    language: str | None = None  # ISO 639-1 of the text ("ru", "en")
    original_title: str | None = None  # on a translation: the original's title, in its language
    original_language: str | None = None


def work_of(meta: dict[str, Any], archive: str) -> Work:
    """Return the citable facts in a transcript page's front matter."""
    source = meta.get("source") or {}
    # The title is HTML-escaped in the front matter, because MkDocs' themes insert it as it is.
    return Work(id=str(meta["id"]), title=html.unescape(str(meta["title"])), date=meta.get("date"),
                place=meta.get("place"),
                event=meta.get("event_type"), authors=tuple(p["name"] for p in meta.get("speakers") or []),
                publisher=source.get("publisher"), via=source.get("via"), source_url=source.get("url"),
                archive=archive, language=meta.get("language") or None,
                original_title=(meta.get("translation_of") or {}).get("title"),
                original_language=(meta.get("translation_of") or {}).get("language") or None)


def _split(name: str) -> tuple[str, str]:
    """(family, given) of a name written given-first, as the archive writes them."""
    given, _, family = name.rpartition(" ")
    return family, given


def _long_date(iso: str | None) -> str:
    if not iso:
        return "n.d."
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 3:
        return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _original(w: Work) -> str:
    """The original source in words: publisher, mirror, address; what is not known is not said."""
    words = "Originally published by " + w.publisher if w.publisher else ""
    if w.via:
        words += (" via " if words else "Reproduced via ") + w.via
    if w.source_url:
        words += (", " if words else "Original source: ") + w.source_url
    return words + "." if words else "Original source not stated in the transcript."


def _chicago_authors(names: tuple[str, ...]) -> str:
    """"Lavrov, Sergey", then the others given-first, joined with "and"."""
    if not names:
        return ""
    family, given = _split(names[0])
    first = f"{family}, {given}" if given else family
    if len(names) == 1:
        return first + ". "
    return f"{first}, " + "".join(f"{n}, " for n in names[1:-1]) + f"and {names[-1]}. "




def _translated(w: Work) -> str:
    """"Translated from the Russian original, “…”." on a translation; "In Russian." on a text not in English."""
    if w.original_title:
        return f"Translated from the {LANGUAGE_NAMES.get(w.original_language or '', 'original')} original, “{w.original_title}.” "
    if w.language and w.language != "en":
        return f"In {LANGUAGE_NAMES.get(w.language, w.language)}. "
    return ""


def chicago(w: Work) -> str:
    """A Chicago-style bibliography entry (web source) for the page."""
    what = ", ".join(x for x in (EVENT_WORDS.get(w.event or "", "Transcript"), w.place, _long_date(w.date)) if x)
    return (f"{_chicago_authors(w.authors)}“{w.title}{LOCATOR}.” {what}. {_translated(w)}{_original(w)} "
            f"Archived in {w.archive}. {URL}. Accessed {ACCESSED['long']}.")


_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _bib(text: str) -> str:
    """Escape text for a BibTeX field in braces."""
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(w: Work) -> str:
    """A BibTeX @misc entry (with biblatex's date and urldate fields as well)."""
    fields = []
    if w.authors:
        fields.append(("author", " and ".join(_bib(f"{f}, {g}" if g else f) for f, g in map(_split, w.authors))))
    fields.append(("title", "{" + _bib(w.title) + "}" + LOCATOR))
    if w.date:
        fields.append(("year", w.date[:4]))
        fields.append(("date", w.date))
    fields.append(("howpublished", _bib(", ".join(x for x in (EVENT_WORDS.get(w.event or "", "Transcript"), w.place) if x))))
    if w.language in LANGUAGE_NAMES:
        fields.append(("language", LANGUAGE_NAMES[w.language].lower()))
    if w.original_title:
        fields.append(("origtitle", "{" + _bib(w.original_title) + "}"))
        if w.original_language in LANGUAGE_NAMES:
            fields.append(("origlanguage", LANGUAGE_NAMES[w.original_language].lower()))
    fields.append(("note", _bib(f"{_translated(w)}{_original(w)} Archived in {w.archive}.")))
    fields.append(("url", URL))
    fields.append(("urldate", ACCESSED["iso"]))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{w.id},\n{body}\n}}"


def ris(w: Work) -> str:
    """An RIS record (type GEN), one tag per line."""
    lines = [("TY", "GEN")]
    lines += [("AU", f"{f}, {g}" if g else f) for f, g in map(_split, w.authors)]
    lines.append(("TI", w.title + LOCATOR))
    if w.date:
        parts = w.date.split("-")
        lines.append(("PY", parts[0]))
        lines.append(("DA", "/".join(parts + [""] * (3 - len(parts))) + "/"))
    lines.append(("M3", EVENT_WORDS.get(w.event or "", "Transcript")))
    if w.place:
        lines.append(("CY", w.place))
    if w.publisher:
        lines.append(("PB", w.publisher))
    if w.language:
        lines.append(("LA", w.language))
    if w.original_title:
        lines.append(("OP", w.original_title))  # RIS: the original publication
    lines.append(("N1", _translated(w) + _original(w)))
    lines.append(("DB", w.archive))
    lines.append(("UR", URL))
    lines.append(("Y2", ACCESSED["ris"]))
    lines.append(("ER", ""))
    return "\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in lines)


def csl_json(w: Work) -> str:
    """A CSL-JSON array holding one item; the access date is a marker the script replaces."""
    item: dict[str, Any] = {"id": w.id, "type": CSL_TYPES.get(w.event or "", CSL_FALLBACK_TYPE), "title": w.title + LOCATOR}
    if w.authors:
        item["author"] = [{"family": f, "given": g} if g else {"literal": f} for f, g in map(_split, w.authors)]
    if w.date:
        item["issued"] = {"date-parts": [[int(x) for x in w.date.split("-")]]}
    item["genre"] = EVENT_WORDS.get(w.event or "", "Transcript")
    if w.place:
        item["event-place"] = w.place
    if w.publisher:
        item["publisher"] = w.publisher
    if w.language:
        item["language"] = w.language
    if w.original_title:
        item["original-title"] = w.original_title
    item["archive"] = w.archive
    item["note"] = _translated(w) + _original(w)
    item["URL"] = URL
    item["accessed"] = "ACCESSED"
    text = json.dumps([item], ensure_ascii=False, indent=2)
    return text.replace('"ACCESSED"', ACCESSED["csl"])


FORMATS = {"chicago": ("Chicago", chicago), "bibtex": ("BibTeX", bibtex), "ris": ("RIS", ris),
           "csl-json": ("CSL-JSON", csl_json)}


def citations(meta: dict[str, Any], archive: str) -> list[dict[str, str]]:
    """Every format for the page: [{key, name, template, text}] (`text`: markers as placeholders)."""
    w = work_of(meta, archive)
    out = []
    for key, (name, write) in FORMATS.items():
        template = write(w)
        text = template
        for marker, value in FALLBACK.items():
            text = text.replace(marker, value)
        out.append({"key": key, "name": name, "template": template, "text": text})
    return out
