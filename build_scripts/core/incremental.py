"""Skip work when nothing changed: a manifest of the inputs and outputs of the last `generate`.

The inputs are every corpus file and sidecar, the rule files, the page templates
and the generator's own code, and the git dates the pages show (added, last changed). When their
hash matches the manifest's and docs/ still holds exactly the files the last run
wrote (by content hash), `generate` reports the last run's problems again and
stops. The manifest lives in docs/ as a dot-file, which MkDocs does not publish;
it holds no times or absolute paths, so the same corpus still gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from .errors import Problem
from .paths import PACKAGE

MANIFEST = ".generated.json"


def inputs_key(corpus_dir: Path, history: dict) -> str:
    """One hash of everything a generated page can depend on."""
    digest = hashlib.sha256()
    sources = sorted(p for p in corpus_dir.rglob("*") if p.is_file())
    code = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for base, paths in ((corpus_dir, sources), (PACKAGE, code)):
        for path in paths:
            digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(history, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def _files(out_dir: Path) -> list[tuple[str, str]]:
    """(path under docs/, path on disk) of every file of docs/ but the manifest, sorted."""
    found = []
    for folder, _, names in os.walk(out_dir):
        rel = os.path.relpath(folder, out_dir)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [(prefix + name, os.path.join(folder, name)) for name in names if name != MANIFEST]
    return sorted(found)


def outputs_listing(out_dir: Path) -> list[list[str]]:
    """Every file of docs/ but the manifest, with the hash of its content."""
    listing = []
    for rel, full in _files(out_dir):
        with open(full, "rb") as f:
            listing.append([rel, hashlib.file_digest(f, "sha256").hexdigest()])
    return listing


def _stats(out_dir: Path) -> list[list]:
    return [[rel, (st := os.stat(full)).st_size, st.st_mtime_ns] for rel, full in _files(out_dir)]


def stat_cache(out_dir: Path) -> Path:
    """Beside docs/, not in it (it holds times, and docs/ must be the same bytes for the same
    corpus): the size and time of every file docs/ held when it was last found up to date."""
    return out_dir.with_name(f".{out_dir.name}-stat.json")


def _remember(out_dir: Path, key: str) -> None:
    try:
        stat_cache(out_dir).write_text(json.dumps({"inputs": key, "stats": _stats(out_dir)}), encoding="utf-8")
    except OSError:
        pass  # only a shortcut: without it the next check hashes docs/ again


def up_to_date(out_dir: Path, key: str) -> list[Problem] | None:
    """The last run's problems if docs/ is what that run made from the same inputs, else None.

    docs/ is checked by content (the manifest's hashes), unless no file of it has changed
    size or time since it was last found right: then the hashing is skipped (at 1,000
    transcripts, 5,900 files, that is most of a run with nothing to do).
    """
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("inputs") != key:
        return None
    problems = [Problem(**p) for p in manifest.get("problems", [])]
    try:
        if json.loads(stat_cache(out_dir).read_text(encoding="utf-8")) == {"inputs": key, "stats": _stats(out_dir)}:
            return problems
    except (OSError, ValueError):
        pass
    if manifest.get("outputs") != outputs_listing(out_dir):
        return None
    _remember(out_dir, key)
    return problems


def record(out_dir: Path, key: str, problems: list[Problem]) -> None:
    manifest = {"inputs": key, "outputs": outputs_listing(out_dir), "problems": [asdict(p) for p in problems]}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=0) + "\n", encoding="utf-8")
    _remember(out_dir, key)
