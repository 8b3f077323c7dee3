"""The Transcript object that carries one corpus file through every stage."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem

PROVENANCE_SOURCES = ("extracted", "sidecar", "inferred")


@dataclass(frozen=True)
class Line:
    """One raw line of a corpus file (1-based number, text without line end)."""

    number: int
    text: str


@dataclass(frozen=True)
class Removal:
    """A line taken out of the body, and the rule that took it."""

    line: int
    text: str
    profile: str
    rule: str
    facts: tuple[str, ...] = ()  # metadata keys the line supplied (publisher, via, …)


@dataclass
class Fact:
    """A metadata value with where it came from."""

    value: Any
    source: str  # one of PROVENANCE_SOURCES
    line: int | None = None  # in the corpus file, or in the sidecar for source "sidecar"
    evidence: str | None = None  # the text as written, when it differs from value
    note: str | None = None
    inferred: bool = False  # a sidecar value its author marked as inferred
    file: str | None = None  # the sidecar's path, for source "sidecar"
    origin: str | None = None  # the sidecar's `from`: where its author took the value ("column 'date' of x.csv, line 3")

    def provenance(self) -> dict[str, Any]:
        """Return the front-matter provenance record for this fact."""
        record: dict[str, Any] = {"source": self.source}
        if self.file is not None:
            record["file"] = self.file
        if self.inferred:
            record["inferred"] = True
        if self.line is not None:
            record["line"] = self.line
        if self.evidence is not None:
            record["evidence"] = self.evidence
        if self.note is not None:
            record["note"] = self.note
        if self.origin is not None:
            record["from"] = self.origin
        return record


@dataclass
class Paragraph:
    """A paragraph of the body, with its source line and page anchor."""

    line: int
    text: str
    anchor: str = ""


@dataclass
class Turn:
    """One speaker's consecutive paragraphs."""

    kind: str  # "question", "answer" or "statement"
    speaker: str | None  # canonical name; None for an unnamed questioner
    label: str | None  # the label as written ("Question", "Sergey Lavrov"); None if unlabelled
    aside: str | None  # "(to both ministers)" without parentheses
    paragraphs: list[Paragraph] = field(default_factory=list)
    speaker_inferred: bool = False  # True when the source gives no label


@dataclass
class Section:
    """The opening statement, or one question with its answers."""

    anchor: str  # "opening" or "q1", "q2", …
    heading: str
    turns: list[Turn] = field(default_factory=list)


@dataclass
class TopicMatch:
    """How often a topic's terms occur in a transcript, where, and whether it was assigned."""

    slug: str
    name: str
    mentions: int = 0
    terms: dict[str, int] = field(default_factory=dict)  # vocabulary term -> occurrences
    sections: dict[str, int] = field(default_factory=dict)  # section anchor -> mentions, page order
    assigned: bool = False
    source: str = "extracted"  # "sidecar" when the sidecar added or removed it
    file: str | None = None
    line: int | None = None
    note: str | None = None

    def record(self, headings: dict[str, str]) -> dict[str, Any]:
        """Return the front-matter evidence record for this topic (`headings`: anchor -> heading)."""
        record: dict[str, Any] = {"slug": self.slug, "name": self.name, "source": self.source,
                                  "mentions": self.mentions, "terms": dict(self.terms),
                                  "sections": [{"anchor": a, "heading": headings.get(a, a), "mentions": n}
                                               for a, n in self.sections.items()]}
        if self.source == "sidecar":
            record.update(file=self.file, line=self.line)
            if self.note:
                record["note"] = self.note
        return record


@dataclass(frozen=True)
class CopyOf:
    """The transcript this one is a near-duplicate of (duplicates.py): the same text from another
    publisher or in another form. The copy keeps its page; listings, search and feeds show the original."""

    id: str
    corpus_file: str
    title: str
    share: float  # of the shorter text's five-word runs, how many the other has

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "corpus_file": self.corpus_file, "title": self.title,
                "share": round(self.share, 2), "source": "inferred"}


@dataclass(frozen=True)
class Pairing:
    """The other half of an original and its translation (translations.py): one event, two pages."""

    id: str
    title: str
    language: str  # the other page's language ("ru", "en")
    source: str  # "sidecar" (translation_of) or "inferred"
    why: str  # the sidecar line, or what the two pages share
    line: int | None = None

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "language": self.language, "source": self.source,
                "why": self.why}


@dataclass
class Transcript:
    """Everything known about one corpus file, filled in stage by stage."""

    path: Path  # on disk
    corpus_file: str  # from the repository root, e.g. corpus/2020-09-09-….txt
    id: str
    lines: list[Line] = field(default_factory=list)
    form: str = "text"  # how the file holds the transcript: text, html or csv-record (read.py)
    source_facts: dict[str, Fact] = field(default_factory=dict)  # stated by the page's metadata or a record's cells
    page_lines: list[Line] = field(default_factory=list)  # a saved page's visible lines, for its dateline
    joined: dict[int, list[int]] = field(default_factory=dict)  # line -> lines joined to it (unwrap.py)
    recurring: frozenset[str] = frozenset()
    language: str | None = None  # of the spoken text, detected (language.py)  # label-shaped starts seen twice or more (labels.py)
    sidecar: dict[str, Any] | None = None
    sidecar_file: str | None = None
    sidecar_lines: dict[str, int] = field(default_factory=dict)
    removals: list[Removal] = field(default_factory=list)
    header: dict[str, Line] = field(default_factory=dict)  # "title", "dateline"
    line_facts: dict[str, Fact] = field(default_factory=dict)  # from chrome rules
    profiles: list[str] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    meta: dict[str, Fact] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    topics: dict[str, TopicMatch] = field(default_factory=dict)  # every topic mentioned, by slug
    problems: list[Problem] = field(default_factory=list)
    copy_of: CopyOf | None = None  # set across the corpus (build.py)
    copies: list[Transcript] = field(default_factory=list)  # near-duplicates that entered later
    translation_of: Pairing | None = None  # on a translation: its original (translations.py)
    translation: Pairing | None = None  # on an original: its translation
    added: str | None = None  # ISO day the file was first committed (history.py); None when not yet
    changed: str | None = None  # ISO day of the last commit to the file or its sidecar

    def warn(self, line: int | None, message: str, hint: str = "") -> None:
        """Record a warning about this transcript."""
        self.problems.append(Problem(self.corpus_file, line, message, hint, "warning"))

    def assigned_topics(self) -> list[TopicMatch]:
        """Return the topics this transcript carries, in vocabulary order."""
        return [m for m in self.topics.values() if m.assigned]

    def value(self, key: str, default: Any = None) -> Any:
        """Return the value of metadata fact `key`, or `default` when unknown."""
        fact = self.meta.get(key)
        return default if fact is None or fact.value is None else fact.value
