"""`import`: a researcher's export (CSV or JSON Lines) into corpus/, one transcript per row.

Each row's text cell is stored exactly as written, as corpus/<name>.txt, and the
row's other cells (title, date, address, place, speaker) go into its sidecar, each
with the column and line it came from. Every row is checked before anything is
written: a malformed file imports nothing. A row whose text is already in the
corpus byte for byte is skipped and reported, so an export can be imported again
after rows are added to it.
"""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..build import load_transcript
from ..core.errors import Problem, TranscriptError
from ..core.rules import Rules
from ..pipeline.csv_record import GUESSES
from ..pipeline.dates import parse_dateline
from ..pipeline.sidecar import URL
from .add import CORPUS_SUFFIXES, derive_id
from .export_file import Row, read_export

FIELDS = ("text", "title", "date", "url", "place", "speaker")
MONTH_OR_YEAR = re.compile(r"\d{4}(?:-\d{2})?")  # kept at its precision: no day is made up


@dataclass
class Planned:
    """A row checked and ready to write."""

    line: int
    text: str
    sidecar: str  # the sidecar's YAML
    facts: list[str]  # the fields taken from columns
    notes: list[str] = field(default_factory=list)  # cells left out, and why
    stem: str = ""


@dataclass
class Outcome:
    """What `import` did: the report (stdout), the problems (stderr) and the files written."""

    status: int  # 0 imported, 1 nothing imported
    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def import_export(path: Path, corpus_dir: Path, given: dict[str, str], rules: Rules) -> Outcome:
    """Import every row of the export at `path` into `corpus_dir`, or nothing; return the report."""
    name = path.name
    try:
        columns, rows = read_export(path)
        mapping, guessed = choose_mapping(columns, given, name)
    except TranscriptError as exc:
        return Outcome(1, problems=[exc.problem])
    out = Outcome(1, lines=[describe_mapping(mapping, guessed)])
    planned, skipped, out.problems = plan_rows(rows, mapping, name, corpus_dir, rules)
    if out.problems:
        return out
    try:
        out.written = write_all(planned, corpus_dir)
    except OSError as exc:
        out.problems.append(Problem(name, None, f"cannot write {exc.filename}: {exc.strerror or exc}; the files "
                                    "written before it were removed", "check the corpus folder and run it again"))
        return out
    reports = {p.line: _report(p, corpus_dir) for p in planned} | skipped
    out.lines += [reports[line] for line in sorted(reports)]
    out.lines.append(f"imported {len(planned)} of {len(rows)} row(s) from {name} into {corpus_dir.name}/. "
                     "Next: `make validate`, check each sidecar, then `make build` and look at the pages.")
    out.status = 0
    return out


def choose_mapping(columns: list[str], given: dict[str, str], name: str) -> tuple[dict[str, str], set[str]]:
    """Return (field -> column, the fields guessed from the header names); refuse an unknown column."""
    for fieldname, column in given.items():
        if column not in columns:
            raise TranscriptError(name, 1, f"there is no column {column!r} for --{fieldname}",
                                  f"the columns are: {_listed(columns)}")
    mapping, guessed = dict(given), set()
    by_name = {c.strip().lower(): c for c in reversed(columns)}  # the first of two alike wins
    for fieldname in FIELDS:
        if fieldname in mapping:
            continue
        column = next((by_name[g] for g in GUESSES[fieldname] if g in by_name), None)
        if column is not None and column not in mapping.values():
            mapping[fieldname], guessed = column, guessed | {fieldname}
    if "text" not in mapping:
        raise TranscriptError(name, 1, f"no text column (looked for {', '.join(GUESSES['text'])})",
                              f"name it with --text COLUMN; the columns are: {_listed(columns)}")
    return {f: mapping[f] for f in FIELDS if f in mapping}, guessed


def _listed(columns: list[str]) -> str:
    return ", ".join(repr(c) for c in columns)


def describe_mapping(mapping: dict[str, str], guessed: set[str]) -> str:
    """The one-line account of which column gives what."""
    used = ", ".join(f"{f} ← {c!r}" + (" (guessed)" if f in guessed else "") for f, c in mapping.items())
    return f"columns used: {used}. Choose others with --text, --title, --date, --url, --place, --speaker COLUMN."


def plan_rows(rows: list[Row], mapping: dict[str, str], name: str, corpus_dir: Path,
              rules: Rules) -> tuple[list[Planned], dict[int, str], list[Problem]]:
    """Check every row; return (rows to write, line -> why skipped, every problem found)."""
    known = {p.read_bytes(): p for s in CORPUS_SUFFIXES for p in sorted(corpus_dir.rglob(f"*{s}")) if p.is_file()}
    planned, skipped, problems = [], {}, []
    taken: set[str] = set()
    seen: dict[bytes, int] = {}
    for row in rows:
        text = row.cells.get(mapping["text"], "")
        if not text.strip():
            problems.append(Problem(name, row.line, f"the text cell (column {mapping['text']!r}) is empty",
                                    "fill it in, or delete the row"))
            continue
        raw = text.encode("utf-8")
        if raw in known:
            skipped[row.line] = (f"line {row.line}: skipped — its text is already in the corpus as "
                                 f"{corpus_dir.name}/{known[raw].relative_to(corpus_dir).as_posix()}")
            continue
        if raw in seen:
            skipped[row.line] = f"line {row.line}: skipped — the same text as line {seen[raw]}"
            continue
        seen[raw] = row.line
        plan = _plan(row, text, mapping, name)
        try:
            plan.stem = _name(plan, corpus_dir, taken, rules)
        except TranscriptError as exc:
            problems.append(Problem(name, row.line, f"{exc.problem.message} (the text in column "
                                    f"{mapping['text']!r})", exc.problem.hint))
            continue
        taken.add(plan.stem)
        planned.append(plan)
    return planned, skipped, problems


def _plan(row: Row, text: str, mapping: dict[str, str], name: str) -> Planned:
    """The row's sidecar: each fact with the column and line it came from."""
    facts: dict[str, Any] = {}
    comments: dict[str, str] = {}
    plan = Planned(row.line, text, "", [])
    for fieldname, column in mapping.items():
        cell = row.cells.get(column, "").strip()
        if fieldname == "text" or not cell:
            continue
        origin = f"column {column!r} of {name}, line {row.line}"
        if fieldname == "date":
            day = parse_date(cell)
            if day is None:
                plan.notes.append(f"date {cell!r} is not a date, left out")
                continue
            facts["date"] = {"value": day, "from": origin}
        elif fieldname == "url":
            if not URL.fullmatch(cell):
                plan.notes.append(f"url {cell!r} is not an http(s) address, left out")
                continue
            facts["source"], comments["source"] = {"url": cell}, f"source.url from {origin}"
        elif fieldname == "speaker":
            facts["speakers"], comments["speakers"] = [{"name": cell}], f"speakers from {origin}"
        else:
            facts[fieldname] = {"value": cell, "from": origin}
        plan.facts.append(fieldname)
    parts = ["# yaml-language-server: $schema=../schema/sidecar.schema.json",
             f"# Imported from {name}, line {row.line}; each value says which column it came from."]
    for key in ("title", "date", "place", "speakers", "source"):
        if key in facts:
            parts += [f"# {comments[key]}"] if key in comments else []
            parts.append(yaml.safe_dump({key: facts[key]}, sort_keys=False, allow_unicode=True, width=1000))
    plan.sidecar = "\n".join(p.rstrip("\n") for p in parts) + "\n"
    return plan


def parse_date(cell: str) -> str | None:
    """Return the day as YYYY-MM-DD (or YYYY-MM, YYYY as written), or None when it is no certain date:
    the cell read as a whole by the generator's own date reader (dates.parse_dateline)."""
    text = cell.strip()
    if MONTH_OR_YEAR.fullmatch(text):
        month = int(text[5:7]) if len(text) > 4 else 1
        return text if 1 <= month <= 12 else None
    found = parse_dateline(text)
    return found.iso if found else None


def _name(plan: Planned, corpus_dir: Path, taken: set[str], rules: Rules) -> str:
    """A free name from the row's facts (as `add` names a file); raise if the generator refuses the row."""
    with tempfile.TemporaryDirectory(prefix="import-") as tmp:
        (Path(tmp) / "corpus").mkdir()
        path = Path(tmp) / "corpus" / "incoming.txt"
        path.write_text(plan.text, encoding="utf-8", newline="")
        path.with_suffix(".yml").write_text(plan.sidecar, encoding="utf-8")
        t = load_transcript(path, Path(tmp), rules)
    stem = derive_id(t)
    if stem.endswith("-transcript"):  # neither title nor words: the row's line
        stem = stem.removesuffix("transcript") + f"row-{plan.line}"
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        if name not in taken and not any((corpus_dir / f"{name}{s}").exists() for s in (*CORPUS_SUFFIXES, ".yml")):
            return name
    raise TranscriptError(plan.stem, None, f"{stem} and its numbered variants are all taken", "rename some files")


def write_all(planned: list[Planned], corpus_dir: Path) -> list[Path]:
    """Write every row's text and sidecar, never over a file; on failure remove what was written and raise."""
    written: list[Path] = []
    try:
        for plan in planned:
            for path, data in ((corpus_dir / f"{plan.stem}.txt", plan.text.encode("utf-8")),
                               (corpus_dir / f"{plan.stem}.yml", plan.sidecar.encode("utf-8"))):
                with path.open("xb") as out:  # exclusive: fails if the file appeared meanwhile
                    written.append(path)
                    out.write(data)
    except OSError:
        for path in reversed(written):
            path.unlink(missing_ok=True)
        raise
    return written


def _report(plan: Planned, corpus_dir: Path) -> str:
    facts = f"{', '.join(plan.facts)} from columns" if plan.facts else "no facts from columns"
    return "; ".join([f"line {plan.line}: stored {corpus_dir.name}/{plan.stem}.txt — {facts}", *plan.notes])
