"""MkDocs hooks.

1. Links in raw HTML: MkDocs rewrites `.md` links written in Markdown, but not
   those inside raw HTML (the generator's metadata panel, speaker turns, the
   year chart). This hook resolves them the same way, so they work with
   directory URLs on the web and with plain `.html` files offline, and reports
   a link to a missing page as a warning (which fails `mkdocs build --strict`).
2. Topic listings: the tags plugin lists a topic's transcripts newest first.
3. `make serve`: regenerate docs/ when the corpus or the rules change.
"""
from __future__ import annotations

import logging
import posixpath
import re
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ("corpus", "build_scripts/data", "build_scripts/pages", "build_scripts/templates", "build_scripts/theme")
RAW_MD_LINK = re.compile(r'(?P<attr>\shref)="(?P<path>[^"#?:/][^"#?:]*\.md|\.\./[^"#?:]*\.md)(?P<fragment>#[^"]*)?"')
log = logging.getLogger("mkdocs.hooks.archive")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def newest_first(mapping) -> tuple:
    """Sort key for the tags plugin's listings (used with reverse order): dated pages by date, undated last."""
    meta = mapping.item.meta or {}
    date = str(meta.get("date") or "")
    parts = [int(p) for p in date.split("-") if p.isdigit()] + [0, 0, 0]
    return (1 if date else 0, parts[0], parts[1], parts[2], str(meta.get("id") or mapping.item.url))


def on_config(config):
    tags = config.plugins.get("material/tags")
    if tags is not None:
        tags.config.listings_sort_by = newest_first
        tags.config.listings_sort_reverse = True
    return config


def on_page_content(html: str, page, config, files) -> str:
    """Resolve `href="….md#…"` in raw HTML against the site's files."""
    base = posixpath.dirname(page.file.src_uri)

    def resolve(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(base, match["path"]))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning("Doc file '%s' contains a link to '%s', which is not found.", page.file.src_uri, target)
            return match.group(0)
        url = get_relative_url(file.url, page.url)
        return f'{match["attr"]}="{url}{match["fragment"] or ""}"'

    return RAW_MD_LINK.sub(resolve, html)


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
