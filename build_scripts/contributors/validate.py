"""`validate`: every problem in the corpus in one run, each as `path:line: what is wrong — how to fix it`.

Errors: anything `generate` refuses (bad encoding, bad sidecar, duplicate ids,
unknown topics …), a sidecar or generated front matter that breaks its JSON
Schema (schema/), and a question-and-answer event with no speaker turns.
Warnings: soft issues such as a transcript without a source URL, or a
near-duplicate text (kept as a copy of the one that entered first).
"""
from __future__ import annotations

from pathlib import Path

from ..build import Result, load_corpus
from ..core.errors import Problem
from ..core.model import Transcript
from ..core.rules import Rules
from ..pipeline.render import front_matter
from . import schema

NEEDS_TURNS = {"press-conference", "interview", "briefing"}  # events made of questions and answers


def validate(corpus_dir: Path, rules: Rules) -> Result:
    """Load the corpus and add the checks only `validate` makes; return every problem found."""
    result = load_corpus(corpus_dir, rules)
    for t in result.transcripts:
        result.problems += check_transcript(t)
    result.problems.sort(key=lambda p: (p.path, p.line or 0))
    return result


def check_transcript(t: Transcript) -> list[Problem]:
    problems = []
    if t.sidecar:
        problems += schema.sidecar_problems(t.sidecar_file, t.sidecar, t.sidecar_lines)
    problems += schema.front_matter_problems(f"{t.corpus_file} (its page's front matter)", front_matter(t))
    event = t.value("event_type")
    labelled = any(turn.label for section in t.sections for turn in section.turns)
    if event in NEEDS_TURNS and not labelled:
        problems.append(Problem(t.corpus_file, t.body[0].number if t.body else None,
                                f"a {event.replace('-', ' ')} with no speaker turns: no line starts with a label "
                                "such as `Sergey Lavrov:` or `Question:`",
                                "check that the labels are as the source has them, add the speaker to "
                                "build_scripts/data/people.yml, or set `event_type` in the sidecar"))
    if not t.value("source.url"):
        problems.append(Problem(t.sidecar_file or t.corpus_file, None, "no source URL",
                                "readers cannot check the text against its source: add `source: {url: https://…}` "
                                f"to {Path(t.corpus_file).with_suffix('.yml').name}", "warning"))
    return problems
