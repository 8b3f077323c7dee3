"""`add`: take a raw transcript into the corpus and say what the generator makes of it.

The text is stored byte for byte under a name made from its date, place and
people (or title), never over an existing file. Then every fact is printed with
where it came from, and what could not be found with the sidecar key that would
supply it; a commented sidecar skeleton is written when something is missing.
The same bytes as a corpus file are refused; a near-duplicate (the same text
from another publisher or in another form) is stored as a copy, and the report
says which transcript it copies. For a website the archive
has no source profile for, the lines that look like site chrome are listed and
a profile that would remove them is proposed; until it is confirmed every line
is kept as text.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from ..build import load_corpus, load_transcript
from ..core.errors import RulesError, TranscriptError
from ..core.model import Transcript
from ..core.rules import DATA_DIR, load_rules
from ..core.slugs import slugify
from ..pipeline.read import MAX_ID_LENGTH
from ..pipeline.render_meta import EVENT_NAMES
from .chrome import Suspect, find_suspects, propose_profile
from .duplicates import find_duplicate
from . import fact_text

FACTS = (  # (label, fact key, sidecar key, lines for the sidecar skeleton)
    ("title", "title", "title", ["title: …"]),
    ("date", "date", "date", ["date: 2024-03-14          # YYYY-MM-DD, YYYY-MM or YYYY"]),
    ("time", "time", "time", ['time: "14:32"             # quoted']),
    ("place", "place", "place", ["place: Moscow             # as the source names it at the time"]),
    ("event type", "event_type", "event_type", ["event_type: interview     # " + " | ".join(EVENT_NAMES)]),
    ("speakers", "speakers", "speakers", ["speakers:", "  - {name: Sergey Lavrov, role: Foreign Minister of Russia}"]),
    ("counterparts", "counterparts", "counterparts", ["counterparts:", "  - {name: …, role: …}"]),
    ("publisher", "source.publisher", "source", ["  publisher: …"]),
    ("via (mirror)", "source.via", "source", ["  via: …                   # only if the text came through a mirror"]),
    ("source URL", "source.url", "source", ["  url: https://…            # where you found the text"]),
)
CORPUS_SUFFIXES = (".txt", ".html")  # a page's id is the file's stem, so x.txt and x.html would clash
OPTIONAL = {"time", "source.via"}  # often not stated, and rightly unknown then
TITLE_NOISE = {"sergey", "lavrov", "s", "foreign", "minister", "ministers", "russian", "russia's", "federation",
               "remarks", "statement", "answers", "answer", "media", "questions", "question", "the", "a", "an",
               "and", "of", "to", "at", "on", "in", "with", "by", "for", "during", "following", "joint", "news",
               "press", "conference", "his", "her", "our", "have", "has", "been", "be", "up",
               # the same words in Russian, as slugify transliterates them
               "konferentsiya", "press-konferentsiya", "sovmestnaya", "po", "itogam", "iz", "na", "v", "i", "o",
               "k", "ministra", "inostrannykh", "del", "otvety", "vystuplenie", "interv", "yu", "vyderzhki"}


@dataclass
class Outcome:
    status: int  # 0 stored, 1 refused
    lines: list[str] = field(default_factory=list)
    stored: Path | None = None
    sidecar: Path | None = None


def add(raw: bytes, source_name: str, corpus_dir: Path, *, accept_profile: bool = False,
        confirm: Callable[[str], bool] | None = None, data_dir: Path = DATA_DIR,
        suffix: str = ".txt", sidecar: dict[str, Any] | None = None) -> Outcome:
    """Store `raw` in `corpus_dir` (unless refused) and return the report to print.

    `suffix` is the stored file's (".html" for a saved web page); `sidecar` holds facts
    known from elsewhere (the page's address), written into the sidecar `add` creates.
    """
    out = Outcome(1)
    with tempfile.TemporaryDirectory(prefix="add-") as tmp:
        if sidecar:  # detected with the file, so the report and the skeleton count them as known
            (Path(tmp) / "corpus").mkdir()
            (Path(tmp) / "corpus" / "incoming.yml").write_text(_dump(sidecar), encoding="utf-8")
        t, problem = _detect(raw, Path(tmp), data_dir, suffix)
        if problem:
            out.lines.append(problem.replace(f"corpus/incoming{suffix}", source_name))
            return out
        corpus = load_corpus(corpus_dir, load_rules(data_dir)).transcripts
        refusal = _refuse_exact_copy(raw, corpus)
        if refusal:
            out.lines.append(refusal)
            return out
        duplicate = find_duplicate(t, corpus)
        suspects = find_suspects([l for l in t.lines if l.number not in _removed_as_chrome(t)],
                                 load_rules(data_dir))
        # A page from a site the archive already has a profile for uses that profile; the generic
        # cleaning needs none, so a proposal is only an optional sharpening for a new site.
        # Never propose a rule for a line the cleaner keeps as text (or joined into text).
        text_lines = {l.number for l in t.body} | {n for l in t.body for n in t.joined.get(l.number, ())}
        suspects = [s for s in suspects if s.line not in text_lines]
        proposal = "" if t.profiles else propose_profile(suspects, source_name)
        preview = _preview(raw, Path(tmp), data_dir, proposal, suffix) if proposal else None
        accepted = bool(proposal) and (accept_profile or (confirm is not None and confirm(proposal)))
        if accepted:
            try:
                _append_profile(data_dir / "source_profiles.yml", proposal)
            except RulesError as exc:
                accepted = False
                out.lines.append(f"warning: the proposed profile was not added, as the rules would not load "
                                 f"with it ({exc}); the page is cleaned without it")
            load_rules.cache_clear()
            t, _ = _detect(raw, Path(tmp), data_dir, suffix) if accepted else (t, None)
        stored = _store(raw, corpus_dir, derive_id(preview or t), suffix)
    out.status, out.stored = 0, stored
    t.corpus_file = f"{corpus_dir.name}/{stored.name}"
    out.lines.append(f"Stored {t.corpus_file} ({len(raw):,} bytes, exactly as in {source_name}). "
                     "The name is the page's address; rename it before you commit if a better one fits.")
    if duplicate:
        out.lines.append(f"note: near-duplicate of {duplicate.of}: {duplicate.share:.0%} of the shorter text's "
                         "five-word runs are the same. Its page will say it is a copy, and the listings, search "
                         "and feeds will show only the transcript already in the archive. If it is the same "
                         "transcript, keep one of the two (the ministry's original rather than a mirror).")
    out.lines += _report_facts(t)
    if suspects:
        out.lines += _report_suspects(suspects, proposal, accepted)
    if preview and not accepted:
        out.lines += ["", "With the proposed profile, the generator would find:"]
        out.lines += [line for line in _report_facts(preview)[2:] if line.startswith("  ") and "not detected" not in line]
    missing = [(label, key, side, example) for label, key, side, example in FACTS if t.value(key) in (None, "", [])]
    if missing or sidecar:
        out.sidecar = _write_skeleton(stored.with_suffix(".yml"), t.corpus_file, missing, sidecar or {})
    out.lines += _next_steps(t, missing, out.sidecar)
    return out


def _detect(raw: bytes, tmp: Path, data_dir: Path, suffix: str = ".txt") -> tuple[Transcript | None, str | None]:
    """Run the per-file stages on the text as if it were corpus/incoming.txt (or .html)."""
    (tmp / "corpus").mkdir(exist_ok=True)
    path = tmp / "corpus" / f"incoming{suffix}"
    path.write_bytes(raw)
    try:
        return load_transcript(path, tmp, load_rules(data_dir)), None
    except TranscriptError as exc:
        return None, f"{exc.problem} — nothing was stored"


def _preview(raw: bytes, tmp: Path, data_dir: Path, proposal: str, suffix: str = ".txt") -> Transcript | None:
    """The transcript as it would be with the proposed profile added (in a scratch copy of the rules)."""
    scratch = tmp / "data"
    shutil.copytree(data_dir, scratch)
    _append_profile(scratch / "source_profiles.yml", proposal)
    try:
        t, _ = _detect(raw, tmp, scratch, suffix)
    except Exception:  # a proposal the rules loader refuses: show no preview rather than fail the add
        t = None
    finally:
        load_rules.cache_clear()
    return t


def _refuse_exact_copy(raw: bytes, corpus: list[Transcript]) -> str:
    for other in corpus:
        if other.path.read_bytes() == raw:
            return f"error: this text is already in the corpus as {other.corpus_file} — nothing was stored"
    return ""


def _removed_as_chrome(t: Transcript) -> set[int]:
    """Lines a source profile or the generic cleaner removed (not the title or dateline)."""
    return {r.line for r in t.removals if r.profile != "header"}


def derive_id(t: Transcript) -> str:
    """A readable, stable name: date, place, then the speaker and counterparts, or the title's words
    (the text's first words when it has no title)."""
    parts = [t.value("date") or "undated"]
    if t.value("place"):
        parts.append(slugify(t.value("place")))
    counterparts = [p["name"] for p in t.value("counterparts") or []]
    speaker = next((p["name"] for p in t.value("speakers") or [] if p["name"] not in counterparts), "Lavrov")
    if counterparts:
        parts += [slugify(name.split()[-1]) for name in [speaker, *counterparts[:2]]]
    else:
        if t.value("event_type"):
            parts.append(t.value("event_type"))
        words = _words(t.value("title") or "") or _words(" ".join(l.text for l in t.body[:3])[:300])
        parts += [w for w in dict.fromkeys(words) if w not in parts][:4] or ["transcript"]
    name = "-".join(p for p in parts if p)
    return name[:MAX_ID_LENGTH - 10].rstrip("-") if len(name) > MAX_ID_LENGTH - 10 else name


def _words(text: str) -> list[str]:
    return [w for w in slugify(text).split("-") if w not in TITLE_NOISE and len(w) > 1 and not w.isdigit()] \
        if text.strip() else []


def _store(raw: bytes, corpus_dir: Path, stem: str, suffix: str = ".txt") -> Path:
    """Write `raw` to corpus_dir/<stem>.txt (or `suffix`), or <stem>-2.txt … if taken; never over an existing file."""
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        path = corpus_dir / f"{name}{suffix}"
        if any((corpus_dir / f"{name}{other}").exists() for other in CORPUS_SUFFIXES if other != suffix):
            continue
        try:
            with path.open("xb") as out:  # exclusive: fails if the file exists
                out.write(raw)
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"{corpus_dir / stem}{suffix} and its numbered variants all exist")


def _report_facts(t: Transcript) -> list[str]:
    lines = ["", "What the generator found:"]
    for label, key, side, _ in FACTS:
        value = fact_text.shown(t, key)
        if value is None:
            need = "optional" if key in OPTIONAL else "fill in"
            lines.append(f"  {label:<13} not detected ({need}: sidecar key `{side}`)")
        else:
            lines.append(f"  {label:<13} {value}   [{fact_text.provenance(t, key)}]")
    topics = ", ".join(f"{m.name} ({m.mentions})" for m in t.assigned_topics()) or "none"
    questions = sum(1 for s in t.sections if s.anchor != "opening")
    lines.append(f"  {'topics':<13} {topics}   [terms counted in the text]")
    lines.append(f"  {'length':<13} {t.value('word_count', 0):,} words, {questions} question(s)")
    removed = [f"    line {r.line}: {r.text.strip()}   [{r.profile}/{r.rule}]" for r in t.removals]
    lines += ["", f"Lines not shown as spoken text ({len(removed)}):", *(removed or ["    none"])]
    return lines


def _report_suspects(suspects: list[Suspect], proposal: str, accepted: bool) -> list[str]:
    lines = ["", "Lines that look like site chrome (kept as text until a source profile removes them):"]
    lines += [f"    line {s.line} ({s.zone}): {s.text}   — {s.reason}" for s in suspects]
    if any(s.reason == "CSV column header" for s in suspects):
        lines.append("    This looks like a CSV export: the archive takes plain text. Paste the transcript's text "
                     "column into a .txt file, one paragraph per line, and add that instead.")
    inside = [s for s in suspects if s.zone == "inside"]
    if inside:
        lines.append("    Lines inside the text are never removed; if they are page furniture, "
                     "mention them in the pull request.")
    if proposal and accepted:
        lines += ["", "Added this source profile to build_scripts/data/source_profiles.yml "
                  "(review it; `make explain` lists what it removes):", proposal.rstrip()]
    elif proposal:
        lines += ["", "Proposed source profile: if every line above is chrome, add this to the end of "
                  "build_scripts/data/source_profiles.yml (or re-run `add` with --accept-profile) and run "
                  "`make explain`; otherwise edit or drop the rules for the lines that are part of the text:",
                  proposal.rstrip()]
    return lines


def _append_profile(path: Path, proposal: str) -> None:
    """Append `proposal` to the rules file under an id no profile has, and only if the result loads:
    a rules file that does not load would refuse every transcript, old and new."""
    from ..core.rules import load_profiles

    text = path.read_text(encoding="utf-8")
    taken = {p.id for p in load_profiles(path)}
    first = proposal.splitlines()[0]
    base = first.split("id:", 1)[1].strip()
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    proposal = proposal.replace(first, first.replace(base, pid), 1)
    candidate = text.rstrip("\n") + "\n\n" + proposal
    with tempfile.TemporaryDirectory(prefix="rules-") as tmp:
        trial = Path(tmp) / path.name
        trial.write_text(candidate, encoding="utf-8")
        load_profiles(trial)  # raises RulesError, leaving the real file untouched
    path.write_text(candidate, encoding="utf-8")


def _write_skeleton(path: Path, corpus_file: str, missing: list[tuple[str, str, str, list[str]]],
                    facts: dict[str, Any]) -> Path | None:
    """A sidecar with `facts` and every missing key commented out; None if a sidecar already exists."""
    if path.exists():
        return None
    lines = ["# yaml-language-server: $schema=../schema/sidecar.schema.json",
             f"# Sidecar for {corpus_file}: facts the text does not state.",
             "# Uncomment a key only when the source confirms it; what stays commented is shown as unknown.",
             "# For a value you worked out rather than read, write {value: …, inferred: true, note: why}.",
             ""]
    lines += _dump({k: v for k, v in facts.items() if k != "source"}).splitlines()
    source = _dump({"source": facts["source"]}).splitlines() if "source" in facts else ["# source:"]
    in_source = False
    for _, key, side, example in missing:
        if side == "source" and not in_source:
            lines += source
            in_source = True
        note = "optional, often not stated" if key in OPTIONAL else "not detected in the text"
        first = example[0] + ("; " if "#" in example[0] else "   # ") + note
        lines += [f"# {first}", *(f"# {more}" for more in example[1:])]
    if "source" in facts and not in_source:
        lines += source
    with path.open("x", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


def _dump(facts: dict[str, Any]) -> str:
    """YAML for sidecar facts, every value quoted as YAML needs (a title starting with `-` or `=` stays text)."""
    return yaml.safe_dump(facts, sort_keys=False, allow_unicode=True, width=1000) if facts else ""


def _next_steps(t: Transcript, missing: list, sidecar: Path | None) -> list[str]:
    lines = [""]
    if sidecar:
        keys = ", ".join(dict.fromkeys(side for _, key, side, _ in missing if key not in OPTIONAL))
        lines.append(f"Wrote {sidecar.parent.name}/{sidecar.name} with the missing keys commented out"
                     + (f" (to fill in: {keys})." if keys else "."))
    lines.append("Next: `make validate`, then `make build` and look at the page (`make serve`), then open a pull request.")
    return lines
