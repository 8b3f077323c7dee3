"""A saved web page: its main text (trafilatura) and what the page itself says about it.

The stored HTML is untrusted: only text comes out of it, so no script, style, form,
frame or image of the page can reach the site. A file that is not a page, or is
nested beyond reason, is refused with a clear message.

trafilatura is the field's reference for main-content extraction (it leads the
published benchmarks for precision and recall, and reads the page's own title,
date, site name and canonical address). Its text keeps the page's paragraphs,
one per line; the generator's own stages then find the speakers and facts.
"""
from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from dataclasses import dataclass, field

from ..core.errors import TranscriptError

MAX_DEPTH = 400  # real pages nest 30-60 deep; thousands is a parser bomb
BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
         "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
         "p", "pre", "section", "table", "td", "th", "tr", "ul", "time", "title"}
INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "embed",
             "select", "option", "button", "textarea", "input"}
LOOKS_LIKE_HTML = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


@dataclass
class PageText:
    """What a saved page yields: the main text, the page's visible text, and its metadata."""

    main: list[str]  # paragraphs of the main content, in order
    visible: list[str]  # every visible line of the page (for the header: dateline, time, place)
    meta: dict[str, str] = field(default_factory=dict)  # title, date, sitename, url (as the page states)
    source_lines: list[int] = field(default_factory=list)  # line in the HTML file of each main paragraph


def looks_like_html(raw: bytes) -> bool:
    """Whether the bytes start like an HTML document (a doctype or an <html> tag)."""
    return bool(LOOKS_LIKE_HTML.match(raw[:4096]))


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "option", "td", "tr", "th", "dt", "dd"}  # and those whose end tag pages leave out


class _Nesting(HTMLParser):
    """The deepest nesting of elements in a page, as written (before a parser caps it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = self.deepest = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)


def _depth(text: str) -> int:
    counter = _Nesting()
    counter.feed(text)
    return counter.deepest


def _visible_lines(root) -> list[str]:
    """The page's visible text, one line per block element, as a browser's select-all gives it."""
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            out.append(text)
        current.clear()

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag.lower() in INVISIBLE or not tag:
            if node.tail:
                current.append(node.tail)
            return
        block = tag.lower() in BLOCK
        if block:
            flush()
        if node.text:
            current.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        if node.tail:
            current.append(node.tail)

    body = root.find(".//body")
    walk(body if body is not None else root)
    flush()
    return out


def _locate(paragraphs: list[str], html_text: str) -> list[int]:
    """The HTML source line where each paragraph's opening words stand (best effort, in order)."""
    plain = [" ".join(html_lib.unescape(re.sub(r"<[^>]*>", " ", line)).split()) for line in html_text.splitlines()]
    numbers, at = [], 0
    for paragraph in paragraphs:
        probe = " ".join(paragraph.split()[:6])
        found = next((i for i in range(at, len(plain)) if probe and probe in plain[i]), None)
        if found is None:
            found = next((i for i in range(at, len(plain)) if paragraph.split()[0] in plain[i]), at) \
                if paragraph.split() else at
        at = found
        numbers.append(found + 1)
    return numbers


def read_page(text: str, name: str) -> PageText:
    """Return the main text and metadata of a saved page, or raise naming what is wrong."""
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise TranscriptError(name, None, f"cannot be read as a web page ({exc})",
                              "save the page again from the browser (File → Save page as, “Web page, HTML only”)") \
            from None
    if _depth(text) > MAX_DEPTH:
        raise TranscriptError(name, None, f"the page nests elements more than {MAX_DEPTH} deep, which no real "
                              "page does", "save the page again from the browser, or copy its text into a .txt file")
    doc = trafilatura.bare_extraction(text, favor_recall=True, include_comments=False, include_tables=True,
                                      include_images=False, include_links=False, with_metadata=True,
                                      deduplicate=False)
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    main = [line.strip() for line in (data.get("text") or "").splitlines() if line.strip()]
    if not main:
        raise TranscriptError(name, None, "no main text found in the page (is it a transcript page, "
                              "or a page that builds its text with scripts?)",
                              "open it in a browser, select the transcript's text and save it as a .txt file")
    meta = {key: " ".join(str(data[key]).split()) for key in ("title", "date", "sitename", "url")
            if data.get(key)}
    return PageText(main, _visible_lines(root), meta, _locate(main, text))
