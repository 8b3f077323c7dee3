"""When each corpus file entered the archive and when it last changed, from git history.

One `git log` call reads the whole history. A file not yet committed (a
contributor's working copy) or a corpus outside git has no date; callers then
fall back to the transcripts' own dates. A shallow clone knows only its last
commit, so every file looks added then: fetch the full history for the site.
"""
from __future__ import annotations

import subprocess
from pathlib import Path


def added_dates(root: Path, corpus_dir: Path) -> dict[str, str]:
    """Return corpus file (path from `root`) -> ISO day it was first committed."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--diff-filter=A", "--format=%x00%cs", "--name-only",
             "--no-renames", "--", str(corpus_dir.relative_to(root))],
            capture_output=True, text=True, timeout=60, check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    added: dict[str, str] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            day = line[1:].strip()
        elif line.strip() and day:
            added.setdefault(line.strip(), day)  # newest first: a re-added file keeps its latest add
    return added


def changed_dates(root: Path, corpus_dir: Path) -> dict[str, str]:
    """Return corpus file (path from `root`) -> ISO day of the last commit that touched it."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames",
             "--", str(corpus_dir.relative_to(root))],
            capture_output=True, text=True, timeout=60, check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    changed: dict[str, str] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            day = line[1:].strip()
        elif line.strip() and day:
            changed.setdefault(line.strip(), day)  # newest first: the first seen is the latest
    return changed


def transcript_dates(t, added: dict[str, str], changed: dict[str, str]) -> tuple[str | None, str | None]:
    """Return (entered the archive, last changed) for transcript `t`: its text file's first commit,
    and the latest commit to its text or its sidecar. None when not committed."""
    first = added.get(t.corpus_file)
    latest = [d for d in (changed.get(t.corpus_file), changed.get(t.sidecar_file or "")) if d]
    return first, max(latest) if latest else None
