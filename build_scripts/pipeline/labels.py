"""Speaker labels at the start of a paragraph, in the forms real transcripts use.

    Sergey Lavrov: …                      a name
    President of Russia Vladimir Putin: … an office, then the name
    Question (retranslated): …            a question label, with an aside
    💬 Sergey Lavrov: …                    a channel's symbol before it
    С.В.Лавров: … / V.Putin: …            initials glued to the surname
    В.Путин:                              alone on its line; the speech follows

A label is accepted when it names someone the archive knows, is a question label,
has the initials form, names an office before a name, recurs as a label in the
same transcript, or is a name (two or three capitalised words) that the same
transcript also names elsewhere, as a headline names the people who speak.
"Moscow Declaration: adopted …" (once, no office, nowhere else) and a line of
speech that merely ends with a colon are not labels.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..core.rules import Rules

_UP = "A-ZА-ЯЁ"
_WORD = rf"[{_UP}][\w’'‘-]*\.?"
CONNECTORS = frozenset({"of", "the", "and", "for", "de", "von", "van", "der", "la", "le", "al", "bin", "ibn", "и",
                        "по", "–", "-", "—", "at", "to", "on"})
_CONNECT = "|".join(sorted((re.escape(c) for c in CONNECTORS), key=len, reverse=True))
LABEL = re.compile(
    rf"(?P<pre>[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d\s]*)"
    rf"(?P<label>{_WORD}(?:,?\s?(?:{_WORD}|(?:{_CONNECT})(?=\s))){{0,11}})"
    rf"(?:\s*\((?P<aside>[^()]{{1,120}})\))?"
    rf"\s*:(?:\s+(?P<text>\S.*))?", re.S)
# A colon within a few capitalised words after a sentence: where a turn run into the line may start.
RUN_TOGETHER = re.compile(r"[.!?…»\"”)*]\s+\S{0,3}\s*[A-ZА-ЯЁ][^.!?:]{0,160}:")
LABEL_REACH = 320  # characters within which a label's colon stands
INITIALS = re.compile(rf"(?:[{_UP}][a-zа-яё]?\.\s?){{1,2}}[{_UP}][\w’'-]+")
ROLE_WORDS = frozenset("""president prime minister foreign deputy secretary general chairman chairwoman chair
    ambassador chancellor federal acting head director spokesperson spokesman king queen emir sultan
    secretary-general vice premier governor mayor commissioner representative special envoy senior official
    mr mrs ms dr his her excellency majesty highness first state council security affairs
    президент премьер-министр министр председатель заместитель генеральный секретарь посол канцлер
    федеральный глава руководитель директор пресс-секретарь официальный представитель король господин
    госпожа первый""".split())
# The words an office starts with ("President of Russia", "Deputy Prime Minister …"); "Council" or "Security"
# may stand inside an office but do not start one.
OFFICE_START = frozenset("""president prime minister foreign deputy secretary secretary-general chairman chairwoman
    ambassador chancellor acting head director spokesperson spokesman king queen emir sultan vice premier
    governor mayor commissioner special senior mr mrs ms dr his her
    президент премьер-министр министр председатель заместитель генеральный посол канцлер глава руководитель
    директор пресс-секретарь официальный король господин госпожа""".split())
SALUTATIONS = frozenset("""ladies gentlemen colleagues friends dear note ps p.s дамы господа коллеги друзья
    уважаемые дорогие""".split())


@dataclass(frozen=True)
class Label:
    """A recognised label: who speaks, as written and as the archive names them."""

    written: str
    aside: str | None
    question: bool
    speaker: str | None  # canonical name (or the name as written, for someone the archive does not know)
    text: str  # what follows the label on the same line ("" when nothing)
    role: str | None = None  # the office written before the name ("President of Russia")


@lru_cache(maxsize=8192)
def runs_together(text: str) -> bool:
    """Whether a turn may start inside `text` (asked for each line by two stages)."""
    return ":" in text and RUN_TOGETHER.search(text) is not None


@lru_cache(maxsize=8192)  # each line is asked about by several stages
def candidate(text: str) -> re.Match | None:
    """The label-shaped start of `text` ("Words (aside): …"), before deciding whether it is one."""
    if ":" not in text[:LABEL_REACH]:
        return None  # twelve words and an aside end well before this
    return LABEL.fullmatch(text.strip())


def _starts(text: str):
    """The label-shaped pieces that open `text` or follow one of its sentences (up to the colon)."""
    yield text
    if runs_together(text):
        for gap in INLINE.finditer(text):
            rest = text[gap.end():gap.end() + 200]
            colon = rest.find(":")
            if 0 < colon <= 160:
                yield rest[:colon + 1]


NAME_SHAPED = re.compile(r"[A-ZА-ЯЁ][a-zа-яё’'-]+(?:[ -][A-ZА-ЯЁ][a-zа-яё’'-]+){1,2}")


def recurring_labels(texts: list[str]) -> frozenset[str]:
    """Label-shaped starts that open two or more lines or turns of one transcript, or that are a name
    the transcript also mentions elsewhere ("Murat Nurtleu:" under "Talks with … Murat Nurtleu") (lower-case)."""
    found = [m["label"] for text in texts for start in _starts(text) if (m := candidate(start))]
    counts = Counter(label.lower() for label in found)
    named = {label.lower() for label in found if counts[label.lower()] == 1 and NAME_SHAPED.fullmatch(label)
             and sum(text.count(label) for text in texts) >= 2}
    return frozenset(label for label, n in counts.items() if n >= 2) | named


def split_office(written: str) -> tuple[str | None, str]:
    """("President of Russia", "Vladimir Putin") from "President of Russia Vladimir Putin": the name is what
    follows the last office word, or the last two words after the country an office is "of"."""
    if ", " in written:  # "President of the Republic of Belarus, Alexander Lukashenko"
        role, name = written.rsplit(", ", 1)
        return role, name
    words = written.split()
    if len(words) <= 1:
        return None, written
    last_role = max((i for i, w in enumerate(words) if w.lower().strip(".") in ROLE_WORDS), default=-1)
    last_of = max((i for i, w in enumerate(words) if w.lower() in ("of", "по")), default=-1)
    start = last_role + 1
    if last_of >= 0:
        after = [i for i in range(last_of + 1, len(words)) if words[i].lower() not in CONNECTORS]
        start = max(start, after[-2] if len(after) >= 3 else (after[1] if len(after) == 2 else len(words)))
    if start <= 0 or start >= len(words):
        return None, written
    return " ".join(words[:start]), " ".join(words[start:])


@lru_cache(maxsize=16384)  # every stage asks about the same lines; a Label is immutable
def parse_label(text: str, rules: Rules, recurring: frozenset[str] = frozenset()) -> Label | None:
    """Return the speaker label that opens `text`, if it is one (see the module's docstring)."""
    match = candidate(text)
    if not match:
        return None
    written = match["label"].strip()
    aside = " ".join(match["aside"].split()) if match["aside"] else None
    rest = (match["text"] or "").strip()
    words = written.split()
    lower = written.lower()
    if lower in rules.question_labels:
        return Label(written, aside, True, None, rest)
    if any(w.lower().strip(".,") in SALUTATIONS for w in words) or words[-1].lower() in CONNECTORS:
        return None
    person = rules.person(written)
    if person:
        return Label(written, aside, False, person.name, rest)
    role, name = split_office(written)
    person = rules.person(name) or _known_suffix(words, rules)
    if person:
        return Label(written, aside, False, person.name, rest, role)
    if INITIALS.fullmatch(written) or INITIALS.fullmatch(name):
        return Label(written, aside, False, name, rest, role)
    named = len(name.split()) >= 1 and all(w[0].isupper() for w in name.split())
    if named and (role or lower in recurring):
        return Label(written, aside, False, name, rest, role)
    return None


def _known_suffix(words: list[str], rules: Rules):
    """The person the label's last words name ("Foreign Minister Sergey Lavrov" -> Sergey Lavrov)."""
    for start in range(1, len(words)):
        person = rules.person(" ".join(words[start:]))
        if person:
            return person
    return None


INLINE = re.compile(r"(?<=[.!?…»\"”)*])\s+(?=[\U0001F000-\U0001FAFF\u2600-\u27BF]?\s*[" + _UP + r"])")


def split_inline_turns(text: str, rules: Rules, recurring: frozenset[str]) -> list[str]:
    """Turns run together on one line (an export's text cell) split where a new label starts."""
    if not runs_together(text):
        return [text]
    pieces, start = [], 0
    for gap in INLINE.finditer(text):
        rest = text[gap.end():gap.end() + 300]
        colon = rest.find(":")
        if colon < 0 or colon > 160:
            continue
        cut = _label_within(rest[:colon + 1], rules, recurring)
        if cut is not None:
            pieces.append(text[start:gap.start()])
            if cut:  # a sub-heading run into the label: its own line
                pieces.append(rest[:cut].rstrip())
            start = gap.end() + cut
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def _label_within(piece: str, rules: Rules, recurring: frozenset[str]) -> int | None:
    """Where a label starts in `piece` ("Words …: "): 0 when the whole is one; else the offset of the longest
    ending that is a known name, or an office then a name, after a sub-heading with no sentence in it; or None."""
    label = parse_label(piece, rules, recurring)
    if label and (label.question or label.speaker):
        return 0
    best = None
    for match in re.finditer(r"(?<=\s)\S", piece):
        offset = match.start()
        if re.search(r"[.!?…:;]", piece[:offset]):
            continue  # a sentence before it: the label starts after that sentence, not here
        label = parse_label(piece[offset:], rules)
        if label and label.speaker and (_office_first(label.role) or (label.role is None and rules.person(label.written))):
            best = offset if best is None else min(best, offset)
    return best


def _office_first(role: str | None) -> bool:
    """Whether an office as written starts with an office word ("President of Russia", not "Council President")."""
    return bool(role) and role.split()[0].lower().strip(".,") in OFFICE_START
