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
from dataclasses import asdict
from pathlib import Path

from .errors import Problem

MANIFEST = ".generated.json"
PACKAGE = Path(__file__).resolve().parent


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


def outputs_listing(out_dir: Path) -> list[list[str]]:
    """Every file of docs/ but the manifest, with the hash of its content."""
    return [[p.relative_to(out_dir).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest()]
            for p in sorted(out_dir.rglob("*")) if p.is_file() and p.name != MANIFEST]


def up_to_date(out_dir: Path, key: str) -> list[Problem] | None:
    """The last run's problems if docs/ is what that run made from the same inputs, else None."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("inputs") != key or manifest.get("outputs") != outputs_listing(out_dir):
        return None
    return [Problem(**p) for p in manifest.get("problems", [])]


def record(out_dir: Path, key: str, problems: list[Problem]) -> None:
    manifest = {"inputs": key, "outputs": outputs_listing(out_dir), "problems": [asdict(p) for p in problems]}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=0) + "\n", encoding="utf-8")
