"""Make transcript text inert on the site: it must never become HTML, Markdown or a link."""
from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters (Markdown.ESCAPED_CHARS with the
# tables extension). Escaping these and turning & < > into entities leaves no markup.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def esc(text: object) -> str:
    """Return `text` escaped for HTML content or a double-quoted attribute."""
    return html.escape(str(text), quote=False).replace('"', "&quot;")


def tooltip(text: object) -> str:
    """Return `text` for a title attribute. Material's tooltips (`content.tooltips`) insert a
    title's value into the page as HTML, so the value itself must be escaped text: it is
    escaped once for the tooltip and once more for the attribute. (Without scripts, the
    browser's own tooltip would show the entities of a title holding & < or >.)"""
    return esc(html.escape(str(text), quote=True))


def md_inline(text: object) -> str:
    """Return `text` escaped for inline Markdown (headings, link text), shown literally."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    # html.escape already turned & < > into entities; the backslash escapes stop
    # emphasis, links, code spans, attribute lists and headings.
    return _MD_SPECIAL.sub(r"\\\1", escaped).replace("\\&", "&")


def front_matter_title(text: str) -> str:
    """Return a title safe for MkDocs, whose themes insert `meta.title` as raw HTML."""
    return html.escape(" ".join(text.split()), quote=False)
