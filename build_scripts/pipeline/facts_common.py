"""What the fact stages share: a sidecar's value as a Fact, and the line the title came from."""
from __future__ import annotations

from ..core.model import Fact, Transcript


def title_line(t: Transcript) -> int | None:
    """The line the title was read from (None when it came from a page's metadata)."""
    if "title" in t.header:
        return t.header["title"].number
    fact = t.meta.get("title")
    return fact.line if fact is not None else None


def sidecar_fact(t: Transcript, key: str) -> Fact | None:
    if not t.sidecar or key not in t.sidecar:
        return None
    raw = t.sidecar[key]
    form = raw if isinstance(raw, dict) else {"value": raw}
    return Fact(form["value"], "sidecar", t.sidecar_lines.get(key), note=form.get("note"),
                inferred=bool(form.get("inferred")), file=t.sidecar_file, origin=form.get("from"))
