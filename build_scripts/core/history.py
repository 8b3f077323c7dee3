"""When each corpus file entered the archive and when it last changed, from git history.

One `git log` call per question reads the whole history. A file not yet committed (a
contributor's working copy) or a corpus outside git has no date; callers then
fall back to the transcripts' own dates. A shallow clone (actions/checkout's default)
knows only its last commits, so every file would look added then: its history gives
no dates at all, and `generate` warns (`SHALLOW`).
"""
from __future__ import annotations

import subprocess
from pathlib import Path


SHALLOW = ("this clone of the repository is shallow, so when each transcript entered the archive "
           "and last changed is unknown, and its page says so", "fetch the whole history "
           "(`git fetch --unshallow`, or `fetch-depth: 0` in a workflow), then build again")


def _git(root: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


def is_shallow(root: Path) -> bool:
    """True when `root` is in a git clone that holds only part of the history."""
    result = _git(root, "rev-parse", "--is-shallow-repository")
    return result is not None and result.stdout.strip() == "true"


def _newest_day_per_file(root: Path, corpus_dir: Path, *options: str) -> dict[str, str]:
    """Return corpus file (path from `root`) -> ISO day of the newest commit `git log <options>`
    lists for it; {} when git cannot tell (no repository, no git, part of the history)."""
    if is_shallow(root):
        return {}
    result = _git(root, "log", *options, "--format=%x00%cs", "--name-only", "--no-renames",
                  "--", str(corpus_dir.relative_to(root)))
    if result is None or result.returncode != 0:
        return {}
    days: dict[str, str] = {}
    day = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            day = line[1:].strip()
        elif line.strip() and day:
            days.setdefault(line.strip(), day)  # git log lists newest first
    return days


def added_dates(root: Path, corpus_dir: Path) -> dict[str, str]:
    """Return corpus file -> ISO day it was first committed (a re-added file: its latest add)."""
    return _newest_day_per_file(root, corpus_dir, "--diff-filter=A")


def changed_dates(root: Path, corpus_dir: Path) -> dict[str, str]:
    """Return corpus file -> ISO day of the last commit that touched it."""
    return _newest_day_per_file(root, corpus_dir)


def transcript_dates(t, added: dict[str, str], changed: dict[str, str]) -> tuple[str | None, str | None]:
    """Return (entered the archive, last changed) for transcript `t`: its text file's first commit,
    and the latest commit to its text or its sidecar. None when not committed."""
    first = added.get(t.corpus_file)
    latest = [d for d in (changed.get(t.corpus_file), changed.get(t.sidecar_file or "")) if d]
    return first, max(latest) if latest else None
