"""A transcript's facts as plain text, with where each came from: for `add` and `review` reports."""
from __future__ import annotations

from ..core.model import Transcript
from ..pipeline.dates import display_date
from ..pipeline.render_meta import EVENT_NAMES, SOURCE_WORDS


def shown(t: Transcript, key: str) -> str | None:
    """The fact as a reader sees it ("9 September 2020", "Press conference"), or None when unknown."""
    value = t.value(key)
    if value in (None, "", []):
        return None
    if key == "date":
        return display_date(value, t.value("date_precision", "day"))
    if key == "event_type":
        return EVENT_NAMES.get(value, value)
    if key in ("speakers", "counterparts"):
        return "; ".join(p["name"] + (f" ({p['role']})" if p.get("role") else "") for p in value)
    return str(value)


def provenance(t: Transcript, key: str, with_file: bool = False) -> str:
    """Where the fact came from: `from the text, line 9: “8 April 202114:32”` (with the file if asked)."""
    fact = t.meta[key]
    words = SOURCE_WORDS.get(fact.source, fact.source) + (" (marked inferred)" if fact.inferred else "")
    if fact.line:
        words += f", {fact.file or t.corpus_file}:{fact.line}" if with_file else f", line {fact.line}"
    if fact.evidence and fact.evidence != fact.value:
        words += f": “{fact.evidence}”"
    return words
