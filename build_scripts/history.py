"""When each corpus file entered the archive, from git history (for "latest additions").

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
