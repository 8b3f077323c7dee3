"""Lines that look like site chrome in a file from a source the archive has no profile for.

Used by `add`: it flags such lines, proposes a source profile that would remove
them, and keeps every line until the contributor confirms. Only the edges of a
file are considered chrome (the head before the text starts, the tail after it
ends); inside the text only page furniture such as "Page 2 of 3" is pointed
out, and even that is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.model import Line
from ..core.rules import Rules
from ..core.slugs import slugify
from ..pipeline.boilerplate import strong_reason
from ..pipeline.dates import parse_dateline
from ..pipeline.labels import parse_label

SENTENCE_END = tuple(".!?…\"”»)")
SPEECH_END = SENTENCE_END + tuple(",:;")  # "Ladies and gentlemen," opens a speech
# Beyond what boilerplate.py says is chrome wherever it stands: lines that are chrome at a file's
# edges (pattern over the whole stripped line, reason), first match wins.
EDGE_REASONS = (
    (re.compile(r"(page \d+( of \d+)?|- ?\d+ ?-|\d+ / \d+)", re.I), "page header or footer (PDF)"),
    (re.compile(r"@\w+"), "account handle"),
    (re.compile(r"[\d.,]+\s*[KkMm]?\s*(views?|likes?|shares?|comments?)|👁.*", re.I), "view or share counter"),
    (re.compile(r"(forward|reply|log ?in|sign (in|up)|search|menu|home|back to top|skip to .*|pinned( message)?|"
                r"accept( all)? cookies.*|related( articles| news)?|tags?:?.*|more news|news|politics|world)", re.I),
     "site control or section name"),
    (re.compile(r"[a-z_]+(,[a-z_]+){2,}"), "CSV column header"),
)


@dataclass(frozen=True)
class Suspect:
    line: int
    text: str
    zone: str  # "head", "tail" or "inside"
    reason: str


def chrome_reason(text: str) -> str | None:
    """Why a line looks like site chrome (menu, stamp, counter…), or None."""
    text = text.strip()
    reason = strong_reason(text)
    if reason:
        return reason
    return next((reason for pattern, reason in EDGE_REASONS if pattern.fullmatch(text)), None)


def names_someone(text: str, rules: Rules) -> bool:
    """Whether the line names a known person or an event ("press conference", "interview"…)."""
    return (rules.first_person_named(text) is not None
            or any(pattern.search(text) for _, pattern in rules.event_types))


def looks_like_title(text: str, rules: Rules) -> bool:
    """A title names someone or an event, or is a phrase of five words or more; never chrome."""
    text = text.strip()
    if not text or chrome_reason(text) or parse_label(text, rules) or text.endswith(tuple(".;:")):
        return False
    if text[0].islower():  # a sentence's second line ("Состоялась / рабочая встреча …"), not a headline
        return False
    return names_someone(text, rules) and len(text.split()) >= 2 or len(text.split()) >= 5


def _is_text(line: Line, rules: Rules) -> bool:
    """A line of the transcript proper: a speaker label, or a sentence of eight words or more."""
    text = line.text.strip()
    return bool(parse_label(text, rules)) or (text.endswith(SENTENCE_END) and len(text.split()) >= 8)


def find_suspects(lines: list[Line], rules: Rules) -> list[Suspect]:
    """Lines at the edges (and page furniture inside) that look like chrome, in file order."""
    lines = [l for l in lines if l.text.strip()]
    text_lines = [i for i, l in enumerate(lines) if _is_text(l, rules)]
    if not text_lines:
        return []
    first, last = text_lines[0], text_lines[-1]
    title = _title_index(lines[:first], rules)
    suspects = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        zone = "head" if i < first else "tail" if i > last else "inside"
        reason = chrome_reason(text)
        if zone == "head" and not reason:
            if i == title or parse_dateline(text):
                continue
            if not text.endswith(SPEECH_END):
                reason = "short line before the text, without sentence punctuation (a site name or menu item?)"
        elif zone == "tail" and not reason and not text.endswith(SPEECH_END):
            reason = "line after the text, without sentence punctuation"
        elif zone == "inside" and reason != "page header or footer (PDF)":
            reason = None
        if reason:
            suspects.append(Suspect(line.number, text, zone, reason))
    return suspects


def _title_index(head: list[Line], rules: Rules) -> int | None:
    """The line before the text most likely to be the title: one that names someone, else any title-like one."""
    candidates = [i for i, line in enumerate(head) if looks_like_title(line.text, rules)]
    strong = [i for i in candidates if names_someone(head[i].text, rules)]
    return (strong or candidates or [None])[0]


def _pattern(text: str) -> str:
    """A regular expression for the line, with numbers generalised (page 1 → page \\d+)."""
    return re.sub(r"\d+", r"\\d+", re.escape(text).replace(r"\ ", " "))


def propose_profile(suspects: list[Suspect], source_name: str) -> str:
    """YAML for a source profile (to append to source_profiles.yml) that removes the edge suspects."""
    edge = [s for s in suspects if s.zone in ("head", "tail")]
    if not edge:
        return ""
    site = next((s.text for s in edge if s.zone == "head"), edge[0].text)
    signature = max(edge, key=lambda s: (s.zone == "head", len(s.text)))
    out = [f"  - id: {slugify(site)[:40]}",
           f"    name: {_quoted(site + ' (from ' + source_name + ')')}",
           "    rules:"]
    seen: set[str] = set()
    for number, s in enumerate(edge, start=1):
        pattern = _pattern(s.text)
        if (s.zone, pattern) in seen:
            continue
        seen.add((s.zone, pattern))
        out += [f"      - id: {s.zone}-{number}",
                f"        zone: {s.zone}"]
        if s is signature:
            out.append("        signature: true")
        out.append(f"        match: {_quoted(pattern)}")
    return "\n".join(out) + "\n"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
