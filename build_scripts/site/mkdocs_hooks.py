"""MkDocs hooks.

1. Links in raw HTML: MkDocs rewrites `.md` links written in Markdown, but not
   those inside raw HTML (the generator's metadata panel, speaker turns, the
   year chart). This hook resolves them the same way, so they work with
   directory URLs on the web and with plain `.html` files offline, and reports
   a link to a missing page as a warning (which fails `mkdocs build --strict`).
   The same for a transcript's .txt and .json beside its page (`transcripts/<id>.txt`).
2. Topic listings: the tags plugin lists a topic's transcripts newest first.
3. `make serve`: regenerate docs/ when the corpus or the rules change.
4. The repository link: a plain footer link (Material's header link would
   fetch star counts from api.github.com on every page view).
5. Progress: on a build of hundreds of pages, a bar on a terminal (plain lines in CI).
6. Citations and corrections: each transcript page gets its citations
   (build_scripts/site/cite.py) and a pre-filled "suggest a correction" link,
   rendered by the theme's partials/transcript-tools.html.
7. Search: the generator writes the index (docs/search/, indexes/search.py) and
   search.html reads it; Material's own search is off, and so is the Web Worker
   shim its offline plugin would load from a CDN for it.
8. Glossary: the `abbr` extension gets the abbreviations of build_scripts/data/glossary.yml
   for all Markdown, and the first mark of each on a page is made keyboard-focusable
   (build_scripts/pipeline/glossary.py).
9. Memory and feeds: a converted transcript page lets go of its Markdown and
   evidence, after leaving its entry for feed.xml and rss.xml (build_scripts/site/feeds.py),
   which are written when the build ends.
"""
from __future__ import annotations

import logging
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
WATCHED = ("corpus", "build_scripts/data", "build_scripts/pages", "build_scripts/templates", "build_scripts/theme")
# A transcript's .txt and .json sit beside its Markdown file and are linked without a folder. A
# link MkDocs already made from Markdown to another folder ("../x.txt") is left alone; one to the
# page's own folder resolves to itself again.
RAW_MD_LINK = re.compile(r'(?P<attr>\shref)="(?P<path>[^"#?:/][^"#?:]*\.md|\.\./[^"#?:]*\.md'
                         r'|[^"#?:/]+\.(?:txt|json))(?P<fragment>#[^"]*)?"')
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


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return plugin is not None and plugin.config.enabled


@event_priority(-100)  # after the offline plugin has added its CDN shim
def on_config(config):
    tags = config.plugins.get("material/tags")
    if tags is not None:
        tags.config.listings_sort_by = newest_first
        tags.config.listings_sort_reverse = True
    repository = config.extra.get("repository")
    if repository:
        config.extra["social"] = [*config.extra.get("social", []), {
            "icon": "fontawesome/brands/github", "link": repository,
            "name": "The archive's repository: sources, history and corrections"}]
    if _offline(config):  # the shim is for Material's search worker, which the archive does not use
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    if "abbr" in config.markdown_extensions:
        config.mdx_configs.setdefault("abbr", {})["glossary"] = _abbreviations()
    return config


def _abbreviations() -> dict[str, str]:
    """The glossary for Python-Markdown's `abbr` extension; a broken glossary.yml fails the build
    with its own message (file:line), not a traceback."""
    glossary = _glossary()
    try:
        return glossary.markdown_glossary()
    except glossary.RulesError as exc:
        raise PluginError(str(exc)) from None


def _glossary():
    """build_scripts/pipeline/glossary.py (MkDocs loads hooks by path, not as part of the package)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from build_scripts.pipeline import glossary

    return glossary


def on_post_build(config) -> None:
    """Write the feeds of latest additions; close the progress bar."""
    from build_scripts.site import feeds

    base = config.site_url or ""
    base = base if not base or base.endswith("/") else base + "/"
    latest = feeds.latest(_feed_entries)
    site = Path(config.site_dir)
    (site / "feed.xml").write_text(feeds.atom(latest, config.site_name, config.site_description or "", base),
                                   encoding="utf-8")
    (site / "rss.xml").write_text(feeds.rss(latest, config.site_name, config.site_description or "", base),
                                  encoding="utf-8")
    if _progress is not None:
        _progress.finish()


OFFLINE_DOWNLOAD = "<!-- offline-download -->"


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Point the About page at the offline zip of the latest release, when the repository is known."""
    if OFFLINE_DOWNLOAD not in markdown:
        return markdown
    repository = (config.extra.get("repository") or "").rstrip("/")
    where = (f"[download it from the latest release]({repository}/releases/latest/download/"
             "lavrov-kazakhstan-archive.zip)" if repository
             else "build it from the repository with `make offline`")
    return markdown.replace(OFFLINE_DOWNLOAD, where)


_progress = None
_feed_entries: list = []  # one per transcript page of this build, for the feeds


def on_files(files, config):
    """Start counting the pages (quiet with `mkdocs build -q` and on small sites)."""
    global _progress
    _feed_entries.clear()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from build_scripts.core.progress import Progress

    loud = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.INFO
    _progress = Progress("pages converted", len(files.documentation_pages()), enabled=loud)
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Resolve `href="….md#…"` in raw HTML; check that a transcript page kept every word of its text;
    make the first mark of each abbreviation focusable."""
    if _progress is not None:
        _progress.step()
    if (page.meta or {}).get("corpus_file"):
        _check_words_kept(page, html)
        _note_for_feeds(page)
        _release(page)
    base = posixpath.dirname(page.file.src_uri)

    def resolve(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(base, match["path"]))
        file = files.get_file_from_path(target)
        if file is None:
            log.warning("Doc file '%s' contains a link to '%s', which is not found.", page.file.src_uri, target)
            return match.group(0)
        url = get_relative_url(file.url, page.url)
        return f'{match["attr"]}="{url}{match["fragment"] or ""}"'

    return _glossary().focus_first(RAW_MD_LINK.sub(resolve, html))


# Front-matter records the generator writes for readers of the Markdown and that no
# template reads (topic listings read each topic's name, source and sections).
APPARATUS = ("topics_not_assigned", "provenance", "cleaning")


def _release(page) -> None:
    """Let go of what a converted transcript page no longer needs. MkDocs converts every
    page before it writes any, so at 10,000 transcripts each page's Markdown and evidence
    held until the end add up to hundreds of megabytes. ("" rather than None: MkDocs reads
    None as "not yet read".)"""
    page.markdown = ""
    for key in APPARATUS:
        page.meta.pop(key, None)
    for topic in page.meta.get("topics") or []:
        if isinstance(topic, dict):
            topic.pop("terms", None)


def _note_for_feeds(page) -> None:
    from build_scripts.site.feeds import entry_of

    entry = entry_of(page.meta, page.url)
    if entry is not None:
        _feed_entries.append(entry)


def _check_words_kept(page, html: str) -> None:
    """Every word of the turns in the page's Markdown must be in its HTML, in order (a warning fails --strict)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from build_scripts.site.integrity import first_missing, turn_words

    expected = turn_words(page.markdown)
    missing = first_missing(expected, turn_words(html))
    if missing is not None:
        log.warning("%s: the built page lost the word %r (word %d of its text) — a bug; the page was not "
                    "published as it is", page.meta["corpus_file"], expected[missing], missing + 1)


def on_page_context(context, page, config, nav):
    """Give a transcript page's template its citations, its web address and its correction link."""
    meta = page.meta or {}
    if not meta.get("corpus_file"):
        return context
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from build_scripts.site.cite import citations

    site_url = config.site_url or ""
    archive_url = f"{site_url.rstrip('/')}/transcripts/{meta['id']}/" if site_url else ""
    context["citations"] = citations(meta, config.site_name)
    context["archive_url"] = archive_url
    repository = (config.extra.get("repository") or "").rstrip("/")
    context["correction_url"] = (f"{repository}/issues/new?" + urlencode({
        "template": "report-error.yml", "title": f"Error: {meta.get('title', meta['id'])}"[:200],
        "page": archive_url or page.url, "anchor": "metadata"})) if repository else ""
    return context


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
    from build_scripts.core.rules import load_rules

    load_rules.cache_clear()  # the data files may have changed since the last build
    result = generate(ROOT / "corpus", Path(config["docs_dir"]))
    for problem in result.problems:
        print(problem, file=sys.stderr)
