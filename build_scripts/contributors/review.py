"""`review`: what the generator made of each transcript a pull request adds or changes.

The pull-request workflow appends this Markdown to the job summary, so a
reviewer sees the extracted metadata (each fact with where it came from), the
topics, and every line the cleaner removed, without building anything.
"""
from __future__ import annotations

import html
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..build import load_corpus
from ..core.errors import Problem
from ..core.model import Transcript
from ..core.rules import Rules, load_rules
from . import fact_text

FACTS = (("Title", "title"), ("Date", "date"), ("Time", "time"), ("Place", "place"), ("Event", "event_type"),
         ("Speakers", "speakers"), ("Counterparts", "counterparts"), ("Publisher", "source.publisher"),
         ("Via", "source.via"), ("Source URL", "source.url"), ("Editor's note", "note"))


@dataclass(frozen=True)
class Change:
    transcript: str  # corpus/….txt, from the repository root
    status: str  # "added", "changed" or "deleted"


class GitError(Exception):
    """git could not compare the corpus with the base."""


def changed_transcripts(root: Path, corpus_dir: Path, base: str) -> list[Change]:
    """Transcripts whose text or sidecar differs between `base` and the working tree (untracked included)."""
    corpus = corpus_dir.relative_to(root).as_posix()
    diff = _git(root, "diff", "--name-status", "--no-renames", base, "--", corpus)
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", corpus)
    statuses: dict[str, set[str]] = {}
    for line in diff.splitlines():
        code, _, name = line.partition("\t")
        statuses.setdefault(name, set()).add(code[:1])
    for name in untracked.splitlines():
        statuses.setdefault(name, set()).add("A")
    changes: dict[str, str] = {}
    for name, codes in sorted(statuses.items()):
        path = Path(name)
        if path.suffix == ".txt":
            changes[name] = {"A": "added", "D": "deleted"}.get(min(codes), "changed")
        elif path.suffix in (".yml", ".yaml"):
            changes.setdefault(path.with_suffix(".txt").as_posix(), "changed")
    return [Change(name, status) for name, status in changes.items()]


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(str(exc)) from exc
    if result.returncode != 0:
        raise GitError(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


def review(root: Path, corpus_dir: Path, base: str, rules: Rules | None = None) -> str:
    """Return the Markdown summary of every transcript changed since `base`."""
    changes = changed_transcripts(root, corpus_dir, base)
    heading = f"## Transcripts in this change (compared with `{cell(base)}`)\n"
    if not changes:
        return heading + "\nNo transcript or sidecar was added or changed.\n"
    result = load_corpus(corpus_dir, rules or load_rules())
    built = {t.corpus_file: t for t in result.transcripts}
    problems: dict[str, list[Problem]] = {}
    for problem in result.problems:
        problems.setdefault(problem.path.removesuffix(".yml").removesuffix(".yaml").removesuffix(".txt"), []).append(problem)
    parts = [heading, "| Transcript | Status | Result |", "|---|---|---|"]
    for change in changes:
        t = built.get(change.transcript)
        own = problems.get(change.transcript.removesuffix(".txt"), [])
        outcome = ("deleted" if change.status == "deleted" else
                   "**refused**: see below" if t is None else
                   f"page `transcripts/{t.id}`" + (f", {len(own)} warning(s)" if own else ""))
        parts.append(f"| `{cell(change.transcript)}` | {change.status} | {outcome} |")
    for change in changes:
        if change.status != "deleted":
            parts.append(_section(change, built.get(change.transcript),
                                  problems.get(change.transcript.removesuffix(".txt"), [])))
    return "\n".join(parts) + "\n"


def _section(change: Change, t: Transcript | None, problems: list[Problem]) -> str:
    out = [f"\n### `{cell(change.transcript)}` ({change.status})\n"]
    if problems:
        out.append("```text\n" + "\n".join(str(p).replace("```", "'''") for p in problems) + "\n```\n")
    if t is None:
        out.append("The generator refused this file, so it will have no page until the problems above are fixed.\n")
        return "\n".join(out)
    out += ["| Fact | Value | Where it came from |", "|---|---|---|"]
    for label, key in FACTS:
        out.append(f"| {label} | {cell(_shown(t, key))} | {cell(_where(t, key))} |")
    topics = ", ".join(f"{m.name} ({m.mentions}{', set in the sidecar' if m.source == 'sidecar' else ''})"
                       for m in t.assigned_topics()) or "none"
    questions = sum(1 for s in t.sections if s.anchor != "opening")
    out.append(f"| Topics | {cell(topics)} | terms counted in the spoken text (mentions) |")
    out.append(f"| Length | {t.value('word_count', 0):,} words, {_count(questions, 'question')}, "
               f"{_count(len(t.sections), 'section')} | spoken text: lines {_body_lines(t)} |")
    out.append(f"\n<details><summary>{len(t.removals)} line(s) removed as site chrome, title or dateline"
               "</summary>\n")
    if t.removals:
        out += ["| Line | Rule | Text |", "|---|---|---|"]
        out += [f"| {r.line} | `{cell(r.profile)}/{cell(r.rule)}` | {cell(r.text.strip())} |" for r in t.removals]
    else:
        out.append("None: every line of the file is shown as spoken text.")
    out.append("\n</details>\n")
    return "\n".join(out)


def _shown(t: Transcript, key: str) -> str:
    return fact_text.shown(t, key) or "unknown (not stated in the text)"


def _where(t: Transcript, key: str) -> str:
    if key not in t.meta:
        return "sidecar key `" + key + "` would set it"
    return fact_text.provenance(t, key, with_file=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _body_lines(t: Transcript) -> str:
    return f"{t.body[0].number}–{t.body[-1].number}" if t.body else "none"


def cell(text: object) -> str:
    """Text for a Markdown table cell: HTML escaped, pipes and backticks neutralised, on one line."""
    return (html.escape(str(text), quote=False).replace("|", "\\|").replace("`", "'")
            .replace("\r", " ").replace("\n", " "))
