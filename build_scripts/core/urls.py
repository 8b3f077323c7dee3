"""Links between generated pages, resolved by the generator, as any engine would write them.

A page `a/b.md` is served at `a/b/` on the web (folder addresses) and as `a/b.html` in the
offline copy (file addresses; a browser opening files cannot follow a link to a folder). Other
files keep their path. A link from one page to another is relative, so the site works under
any address and from any folder. The same rules as MkDocs' `File.url` and `get_relative_url`
(tests/test_urls.py compares them).

The pages whose raw HTML holds links, transcripts and topics, are each a folder's index.md
(`transcripts/<id>/index.md`), so that the page's file and its address are in the same folder:
MkDocs leaves a link in raw HTML as written, and Zensical reads it relative to the page's
file, and for such a page the two mean the same address.
"""
from __future__ import annotations

import posixpath

from .site_config import current


def page_url(path: str) -> str:
    """The address of `path` (a file under docs/) relative to the site's root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if not current().directory_urls:
        return stem + ".html"
    if stem == "index":
        return "./"
    if stem.endswith("/index"):
        return stem[:-len("index")]
    return stem + "/"


def href(source: str, target: str, fragment: str = "") -> str:
    """The relative link from the page `source` to the file `target` (both paths under docs/),
    with `#fragment` when given."""
    to_url, from_url = (u.removeprefix("./") for u in (page_url(target), page_url(source)))
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    to_dir, _, name = to_url.rpartition("/") if not to_url.endswith("/") else (to_url.rstrip("/"), "", "")
    relative = posixpath.relpath(to_dir or ".", from_dir.rstrip("/") or ".")
    if to_url.endswith("/") or to_url == "":
        url = "./" if relative == "." else relative + "/"
    else:
        url = name if relative == "." else f"{relative}/{name}"
    return url + (f"#{fragment}" if fragment else "")


def transcript_page(tid: str) -> str:
    """The path under docs/ of transcript `tid`'s page."""
    return f"transcripts/{tid}/index.md"


def topic_page(slug: str) -> str:
    """The path under docs/ of a topic's page."""
    return f"topics/{slug}/index.md"


def side_by_side_page(translation_id: str) -> str:
    """The path under docs/ of the side-by-side view of a translation and its original."""
    return f"transcripts/{translation_id}/side-by-side/index.md"


def md_link(source: str, target: str, fragment: str = "") -> str:
    """The relative path from the page `source` to the file `target` (both under docs/), as a
    Markdown link gives it: every engine resolves it for its own addresses."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".") + (f"#{fragment}" if fragment else "")


def from_transcript(target: str, fragment: str = "") -> str:
    """The link from a transcript page to `target` (a path under docs/)."""
    return href(transcript_page("page"), target, fragment)


def to_transcript(tid: str, fragment: str = "") -> str:
    """The link from a transcript page to transcript `tid`'s page."""
    return from_transcript(transcript_page(tid), fragment)
