"""Stage 2: separate site chrome, title and dateline from the spoken text.

    tool-tips beside names -> turns run together split -> hard wraps joined
    -> source profiles at the edges (data/source_profiles.yml, optional sharpening)
    -> where the text starts and ends -> header lines (title, dateline, time, place)
    -> chrome before and after the text, and chrome that says what it is inside it

No rule is written for one website: the signals are those of boilerplate.py. A
line that reads as speech is never removed. Every removed line (or part of a line)
is recorded with its reason, for `generate --explain` and the page's "How this
page was made".
"""
from __future__ import annotations

import re
from collections import Counter

from .boilerplate import (SPEECH_END, edge_reason, is_narrative, is_speech, strip_pictographs, strong_reason,
                          tooltips)
from ..contributors.chrome import looks_like_title
from ..core.model import Fact, Line, Removal, Transcript
from ..core.rules import ChromeRule, Profile, Rules
from .dates import find_date, parse_dateline, stamp_kind
from .labels import candidate, parse_label, recurring_labels, runs_together, split_inline_turns
from .source_facts import known_place, title_fact
from .unwrap import unwrap

EDGE = 12  # signature rules are looked for in this many non-blank lines at each end
MAX_TITLE = 400
SENTENCE_END = tuple(".,;:!?…\"”")
CLOCK_LINE = re.compile(r"(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d)(?:\s*,?\s+(?P<place>\S.*))?")
ELISION = re.compile(r"[<\[(]?(?:…|\.\.\.)[>\])]?")


def active_profiles(lines: list[Line], profiles: tuple[Profile, ...]) -> list[Profile]:
    """Return the profiles whose signature line appears in its zone's edge window."""
    head, tail = lines[:EDGE], lines[-EDGE:]
    active = []
    for profile in profiles:
        for rule in profile.rules:
            window = head if rule.zone == "head" else tail
            if rule.signature and any(rule.pattern.fullmatch(l.text.strip()) for l in window):
                active.append(profile)
                break
    return active


def _apply(rule: ChromeRule, line: Line, t: Transcript) -> bool:
    """Remove `line` with `rule` if it matches, keeping any facts it names."""
    match = rule.pattern.fullmatch(line.text.strip())
    if not match:
        return False
    named = {k: v.strip() for k, v in match.groupdict().items() if v}
    t.removals.append(Removal(line.number, line.text, rule.profile, rule.id,
                              tuple(sorted({**rule.sets, **named}))))
    for key, value in {**rule.sets, **named}.items():
        t.line_facts.setdefault(key, Fact(value, "extracted", line.number, evidence=line.text.strip()))
    return True


def is_title(text: str, rules: Rules) -> bool:
    """A title is not a sentence, a speaker label or chrome (a menu, a site name, a stamp)."""
    text = strip_pictographs(text)
    return (len(text) <= MAX_TITLE and not text.endswith(SENTENCE_END) and not strong_reason(text)
            and parse_label(text, rules) is None and looks_like_title(text, rules))


def _profiles(t: Transcript, rules: Rules) -> list[Line]:
    """Remove the edge lines that an active source profile names; return the lines left (blank lines kept)."""
    lines = [l for l in t.lines if l.text.strip()]
    profiles = active_profiles(lines, rules.profiles)
    t.profiles = [p.id for p in profiles]
    head = [r for p in profiles for r in p.rules if r.zone == "head"]
    tail = [r for p in profiles for r in p.rules if r.zone == "tail"]
    start, end = 0, len(lines)
    removed: set[int] = set()
    while start < end:
        if any(_apply(r, lines[start], t) for r in head):
            removed.add(id(lines[start]))
        elif not (parse_dateline(lines[start].text) or is_title(lines[start].text, rules)):
            break  # a title or dateline may stand among the head chrome: look past it
        start += 1
    while end > start and any(_apply(r, lines[end - 1], t) for r in tail):
        removed.add(id(lines[end - 1]))
        end -= 1
    return [l for l in t.lines if id(l) not in removed]


def _untip(lines: list[Line], t: Transcript) -> list[Line]:
    """Take the tool-tips a site prints beside a name out of each line, recording each."""
    out = []
    for line in lines:
        if "   " in line.text or runs_together(line.text):
            spans = tooltips(line.text)
        elif candidate(line.text):  # an office glued to the name stands in the label, before its colon
            spans = tooltips(line.text[:line.text.index(":") + 1])
        else:
            spans = []
        if not spans:
            out.append(line)
            continue
        text = line.text
        for start, end, tip in reversed(spans):
            t.removals.append(Removal(line.number, tip, "generic", "tool-tip text printed beside a name"))
            text = text[:start] + text[end:]
        out.append(Line(line.number, text) if spans else line)
    return out


def _split_turns(lines: list[Line], rules: Rules, recurring: frozenset[str]) -> list[Line]:
    out = []
    for line in lines:
        pieces = split_inline_turns(line.text, rules, recurring)
        out.extend([line] if len(pieces) == 1 and pieces[0] is line.text
                   else [Line(line.number, piece) for piece in pieces] if pieces else [line])
    return out


def _text_span(lines: list[Line], rules: Rules, recurring: frozenset[str]) -> tuple[int, int]:
    """Indices (start, end) of the spoken text: from its first sentence or label to its last."""
    n = len(lines)
    known: dict[int, tuple[bool, bool]] = {}

    def kind(i: int) -> tuple[bool, bool]:  # (labelled, speech), worked out for the lines looked at only
        if i not in known:
            labelled = parse_label(lines[i].text, rules, recurring) is not None
            known[i] = (labelled, labelled or is_speech(lines[i].text))
        return known[i]

    start = next((i for i in range(n) if kind(i)[0] or (kind(i)[1] and i + 1 < n and kind(i + 1)[1])),
                 next((i for i in range(n) if kind(i)[1]), None))
    if start is None:  # nothing reads as speech (a short text): the text starts after its title and dateline
        start = next((i for i, l in enumerate(lines) if not (parse_dateline(l.text) or is_title(l.text, rules))), n)
        return start, n
    while start > 0 and _goes_with_speech(lines[start - 1].text, rules) and _addressed(lines[start - 1].text):
        start -= 1
    end = next(i for i in range(n - 1, -1, -1) if kind(i)[1]) + 1
    while end < n and (_goes_with_speech(lines[end].text, rules) or ELISION.fullmatch(lines[end].text.strip())):
        end += 1
    return start, end


def _addressed(text: str) -> bool:
    """A line that opens speech: a salutation ("Ladies and gentlemen,"), a few words, or one that says I or we."""
    text = strip_pictographs(text)
    return text.endswith((",", ":", ";")) or len(text.split()) <= 4 or not is_narrative([text], min_words=4)


def _goes_with_speech(text: str, rules: Rules) -> bool:
    """A short line beside the text that ends like speech ("Ladies and gentlemen,", "Thank you.")."""
    text = strip_pictographs(text)
    return (text.endswith(SPEECH_END) and not strong_reason(text) and not parse_dateline(text)
            and not is_title(text, rules))


def _header(lines: list[Line], t: Transcript, rules: Rules, before_text: bool) -> dict[int, str]:
    """Take the title, dateline, time and place among the lines outside the text; return {index: slot}."""
    taken: dict[int, str] = {}
    own = title_fact(t, rules) if t.form != "text" else None  # the page's or the record's own headline
    order = range(len(lines) - 1, -1, -1) if before_text else range(len(lines))  # nearest the text first
    texts = [strip_pictographs(l.text) for l in lines]
    repeated = {x for x, n in Counter(texts).items() if n > 1}
    for i in order:
        text, line = texts[i], lines[i]
        if "published" not in t.header and stamp_kind(text) == "published" and find_date(text):
            t.header["published"], taken[i] = line, "published"
        elif "dateline" not in t.header and parse_dateline(text):
            t.header["dateline"], taken[i] = line, "dateline"
        elif "time" not in t.header and (clock := CLOCK_LINE.fullmatch(text)) and (
                not clock["place"] or clock["place"].lower() in rules.places):
            t.header["time"], taken[i] = Line(line.number, clock["time"]), "time"
            if clock["place"] and "place" not in t.header:
                t.header["place"], taken[i] = Line(line.number, clock["place"]), "time and place"
        elif "place" not in t.header and text.lower() in rules.places:
            t.header["place"], taken[i] = line, "place"
        elif "place" not in t.header and len(text.split()) <= 6 and not text.endswith(SENTENCE_END) \
                and "," in text and not any(c.isdigit() for c in text) and (place := known_place(text, rules)):
            t.header["place"], taken[i] = Line(line.number, place), "place"  # "The Kremlin, Moscow"
        elif own is not None and text == own.value:
            taken[i] = "title"  # the headline printed again above the text
        elif "title" not in t.header and own is None and is_title(text, rules) and (before_text or len(text.split()) >= 3):
            if before_text and repeated and text not in repeated and any(is_title(x, rules) for x in repeated):
                continue  # a page prints its headline twice (breadcrumb and heading): prefer that line
            t.header["title"], taken[i] = line, "title"
    return taken


def _remove(t: Transcript, line: Line, profile: str, rule: str) -> None:
    """Record `line` as removed, with the lines joined to it (unwrap.py)."""
    t.removals.append(Removal(line.number, line.text, profile, rule))
    t.removals.extend(Removal(n, "", profile, f"joined to line {line.number}") for n in t.joined.get(line.number, ()))


def _remove_outside(lines: list[Line], t: Transcript, taken: dict[int, str]) -> None:
    for i, line in enumerate(lines):
        if i in taken:
            _remove(t, line, "header", taken[i])
        else:
            _remove(t, line, "generic", strong_reason(line.text) or edge_reason(line.text))


_WORDS = re.compile(r"[^\W_]+")


def _lead(lines: list[Line], labels: list[bool]) -> int:
    """How many lines open the text as the page's own account of the event: third-person lines
    (and separators) before the first speaker's label."""
    if not any(labels):
        return 0
    count = 0
    while count < labels.index(True) and (is_narrative([lines[count].text])
                                          or strong_reason(lines[count].text) == "separator"):
        count += 1
    return count


def _headline_words(t: Transcript) -> frozenset[str]:
    title = t.header["title"].text if "title" in t.header else t.source_facts["title"].value \
        if "title" in t.source_facts else ""
    return frozenset(_WORDS.findall(str(title).lower()))


def _repeats_headline(text: str, headline: frozenset[str]) -> bool:
    """A short line inside the text made only of the headline's words ("Interview to Mir …" under
    "Vladimir Putin's interview to Mir …"): a caption, never a sentence someone spoke."""
    words = _WORDS.findall(text.lower())
    return (3 <= len(words) <= 12 and not text.rstrip().endswith(("?", "!", ":", ","))
            and all(w in headline for w in words))


def _inside(lines: list[Line], t: Transcript, rules: Rules, recurring: frozenset[str]) -> list[Line]:
    """The text's lines less the chrome that says what it is; a 'See also' box goes whole."""
    labels = [parse_label(l.text, rules, recurring) is not None for l in lines]
    lead = _lead(lines, labels)
    for line in lines[:lead]:
        _remove(t, line, "generic", "the page's account of the event, in the third person before the "
                "first speaker's label: not spoken")
    body, box = [], False
    headline = _headline_words(t)
    for i, line in enumerate(lines[lead:], start=lead):
        reason = strong_reason(line.text)
        if reason is None and _repeats_headline(line.text, headline):
            reason = "caption repeating the headline (a photo or video caption printed inside the text)"
        if reason is None and i + 1 < len(lines) and labels[i + 1] and not labels[i] and is_title(line.text, rules):
            reason = "sub-heading printed on the page before a speaker's label"
        if reason is None and box and not (is_speech(line.text) or parse_label(line.text, rules, recurring)
                                           or line.text.strip().endswith(SPEECH_END)):
            reason = "part of the 'See also' box"
        box = reason is not None and ("See also" in reason or box)
        if reason and parse_label(line.text, rules, recurring) is None:
            _remove(t, line, "generic", reason)
        else:
            body.append(line)
    return body


def clean_transcript(t: Transcript, rules: Rules) -> Transcript:
    """Fill `t.body`, `t.header`, `t.removals` and `t.line_facts` from `t.lines`."""
    lines = _untip(_profiles(t, rules), t)
    t.recurring = recurring_labels([l.text for l in lines])
    lines = _split_turns(lines, rules, t.recurring)
    lines = [l for l in unwrap(lines, lambda x: parse_label(x, rules, t.recurring) is not None, t.removals, t.joined)
             if l.text.strip()]
    start, end = _text_span(lines, rules, t.recurring)
    head, text, tail = lines[:start], lines[start:end], lines[end:]
    _remove_outside(head, t, _header(head, t, rules, before_text=True))
    _remove_outside(tail, t, _header(tail, t, rules, before_text=False))
    t.body = _inside(text, t, rules, t.recurring)
    if t.form == "html":
        page_header(t, rules)
    t.removals.sort(key=lambda r: r.line)
    if not t.body:
        t.warn(None, "no text is left after removing the title and site chrome",
               "check the file with `python -m build_scripts generate --explain`")
    return t


def page_header(t: Transcript, rules: Rules, window: int = 8) -> None:
    """A saved page's dateline, time and place: the visible lines printed around its headline."""
    title = str(t.source_facts["title"].value) if "title" in t.source_facts else None
    lines = t.page_lines
    at = next((i for i, l in enumerate(lines) if title and l.text.strip() == title), None)
    if at is not None:  # the page's title is its own (title_fact), so _header takes no other line for it
        _header(lines[max(0, at - window):at] + lines[at + 1:at + 1 + window], t, rules, before_text=True)
