"""`generate --explain`: every line that is not shown as spoken text, and why."""
from __future__ import annotations

from ..core.model import Transcript

WHAT = {"title": "title (shown as the page heading)", "dateline": "dateline (shown as the date)"}


def explain(t: Transcript) -> list[str]:
    """Return one line per removed line: `path:line: rule: text`, then a summary."""
    out = []
    for r in t.removals:
        what = WHAT.get(r.rule, "site chrome") if r.profile == "header" else "site chrome"
        if r.facts:
            what = f"site chrome; metadata: {', '.join(r.facts)}"
        out.append(f"{t.corpus_file}:{r.line}: removed by {r.profile}/{r.rule} [{what}]: {r.text.strip()}")
    body = f"lines {t.body[0].number}-{t.body[-1].number}" if t.body else "none"
    profiles = ", ".join(t.profiles) or "none"
    out.append(f"{t.corpus_file}: {len(t.removals)} line(s) removed; profiles: {profiles}; spoken text: {body}")
    return out
