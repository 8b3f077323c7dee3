"""MkDocs hooks: only what no generator can do. docs/ is complete without them.

The generator writes every link resolved, the topic listings in order, the feeds,
the citations and the correction links (build_scripts/build.py); the theme shows
the repository link; `python -m build_scripts check-site site/` checks the built
pages after any engine's build. What is left needs the engine while it runs:

1. `make serve`: regenerate docs/ when the corpus or the rules change.
2. Glossary: the `abbr` extension gets the abbreviations of build_scripts/data/glossary.yml
   for all Markdown (the generator marks them in the turns itself), and the first mark of
   each on a page is made keyboard-focusable (build_scripts/pipeline/glossary.py).
3. Progress: on a build of hundreds of pages, a bar on a terminal (plain lines in CI).
4. Memory: a converted transcript page lets go of its Markdown and evidence, which at
   10,000 transcripts would otherwise be held until the build ends.

Under an engine that runs no hooks (Zensical), the site is the same but for 2 in headings
and hand-written pages, and 3 and 4.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from build_scripts.core.errors import RulesError  # noqa: E402
from build_scripts.core.progress import Progress  # noqa: E402
from build_scripts.pipeline import glossary  # noqa: E402

WATCHED = ("corpus", "build_scripts/data", "build_scripts/pages", "build_scripts/templates", "build_scripts/theme")
# Front-matter records the generator writes for readers of the Markdown and that no template reads.
APPARATUS = ("topics_not_assigned", "provenance", "cleaning", "topics")
_serving = False
_progress: Progress | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_config(config):
    if "abbr" in config.markdown_extensions:
        try:  # a broken glossary.yml fails the build with its own message (file:line), not a traceback
            config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary.markdown_glossary()
        except RulesError as exc:
            raise PluginError(str(exc)) from None
    return config


def on_serve(server, config, builder):
    for path in WATCHED:
        server.watch(str(ROOT / path))
    return server


def on_pre_build(config) -> None:
    if not _serving:
        return
    from build_scripts.build import generate
    from build_scripts.core.rules import load_rules

    load_rules.cache_clear()  # the data files may have changed since the last build
    result = generate(ROOT / "corpus", Path(config["docs_dir"]))
    for problem in result.problems:
        print(problem, file=sys.stderr)


def on_files(files, config):
    """Start counting the pages (quiet with `mkdocs build -q` and on small sites)."""
    global _progress
    loud = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.INFO
    _progress = Progress("pages converted", len(files.documentation_pages()), enabled=loud)
    return files


def on_page_content(html: str, page, config, files) -> str:
    if _progress is not None:
        _progress.step()
    if (page.meta or {}).get("corpus_file"):
        _release(page)
    return glossary.focus_first(html)


def _release(page) -> None:
    """Let go of what a converted transcript page no longer needs: MkDocs converts every page
    before it writes any. ("" rather than None: MkDocs reads None as "not yet read".)"""
    page.markdown = ""
    for key in APPARATUS:
        page.meta.pop(key, None)


def on_post_build(config) -> None:
    if _progress is not None:
        _progress.finish()
