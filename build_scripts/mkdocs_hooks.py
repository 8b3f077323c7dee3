"""MkDocs hooks for `make serve`: regenerate docs/ when the corpus or the rules change.

Only active under `mkdocs serve`; `mkdocs build` uses docs/ as generated and
never imports the generator from here.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("corpus", "build_scripts/data", "build_scripts/pages", "build_scripts/templates")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    for path in WATCHED:
        server.watch(str(ROOT / path))
    return server


def on_pre_build(config) -> None:
    if not _serving:
        return
    if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as part of a package
        sys.path.insert(0, str(ROOT))
    from build_scripts.build import generate
    from build_scripts.rules import load_rules

    load_rules.cache_clear()  # the data files may have changed since the last build
    result = generate(ROOT / "corpus", Path(config["docs_dir"]))
    for problem in result.problems:
        print(problem, file=sys.stderr)
