"""Speaker labels at the start of a paragraph: "Question (to both ministers): …"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rules

# One to four capitalised words (or an initial), an optional aside in
# parentheses, a colon, then the spoken text (which may be on the next line).
LABEL = re.compile(
    r"(?P<label>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})"
    r"(?:\s*\((?P<aside>[^()]{1,120})\))?"
    r"\s*:(?:\s+(?P<text>\S.*))?")


@dataclass(frozen=True)
class Label:
    """A recognised label: who speaks, as written and as the archive names them."""

    written: str
    aside: str | None
    question: bool
    speaker: str | None  # canonical name, None for a question
    text: str  # what follows the label on the same line ("" when nothing)


def parse_label(text: str, rules: Rules) -> Label | None:
    """Return the speaker label that opens `text`, if it names a known speaker or a question."""
    match = LABEL.fullmatch(text.strip())
    if not match:
        return None
    written = match["label"]
    aside = match["aside"].strip() if match["aside"] else None
    rest = match["text"] or ""
    if written.lower() in rules.question_labels:
        return Label(written, aside, True, None, rest)
    person = rules.person(written)
    if person:
        return Label(written, aside, False, person.name, rest)
    return None
