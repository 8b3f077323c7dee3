"""Stage 2: separate site chrome, title and dateline from the spoken text.

Chrome is removed only at the edges of a file (see data/source_profiles.yml),
so a line inside the text is never removed. Every removed line is recorded with
the rule that removed it, for `generate --explain`.
"""
from __future__ import annotations

from .chrome import looks_like_title
from .dates import parse_dateline
from .labels import parse_label
from .model import Fact, Line, Removal, Transcript
from .rules import ChromeRule, Profile, Rules

EDGE = 12  # signature rules are looked for in this many non-blank lines at each end
MAX_TITLE = 400
SENTENCE_END = tuple(".,;:!?…\"”")


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


def _is_title(line: Line, rules: Rules) -> bool:
    """A title is not a sentence, a speaker label or chrome (a menu, a site name, a stamp)."""
    text = line.text.strip()
    return (len(text) <= MAX_TITLE and not text.endswith(SENTENCE_END)
            and parse_label(text, rules) is None and looks_like_title(text, rules))


def _take_header(line: Line, t: Transcript, rules: Rules) -> bool:
    """Take `line` as the dateline or title if it is one and that slot is free."""
    if "dateline" not in t.header and parse_dateline(line.text):
        t.header["dateline"] = line
    elif "title" not in t.header and _is_title(line, rules):
        t.header["title"] = line
    else:
        return False
    slot = "dateline" if t.header.get("dateline") is line else "title"
    t.removals.append(Removal(line.number, line.text, "header", slot))
    return True


def clean_transcript(t: Transcript, rules: Rules) -> Transcript:
    """Fill `t.body`, `t.header`, `t.removals` and `t.line_facts` from `t.lines`."""
    lines = [l for l in t.lines if l.text.strip()]
    profiles = active_profiles(lines, rules.profiles)
    t.profiles = [p.id for p in profiles]
    head = [r for p in profiles for r in p.rules if r.zone == "head"]
    tail = [r for p in profiles for r in p.rules if r.zone == "tail"]
    start = 0
    while start < len(lines):
        line = lines[start]
        if not (any(_apply(r, line, t) for r in head) or _take_header(line, t, rules)):
            break
        start += 1
    end = len(lines)
    while end > start and any(_apply(r, lines[end - 1], t) for r in tail):
        end -= 1
    t.removals.sort(key=lambda r: r.line)
    t.body = lines[start:end]
    if not t.body:
        t.warn(None, "no text is left after removing the title and site chrome",
               "check the file with `python -m build_scripts generate --explain`")
    return t
