"""Add a raw file to a scratch corpus as a contributor would: `python -m build_scripts add FILE`
with standard input closed (as ../shared/sources/score.py and CI do), the name chosen by `add`."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}


def add_file(raw: Path, corpus: Path) -> str | None:
    """Add `raw` to `corpus`; return the id `add` gave it, or None when it was refused."""
    out = subprocess.run([sys.executable, "-m", "build_scripts", "add", str(raw.resolve()), "--corpus", str(corpus)],
                         cwd=ROOT, env=ENV, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    stored = re.search(r"corpus/([a-z0-9-]+)\.(?:txt|html)", out.stdout + out.stderr)
    return stored[1] if stored else None
