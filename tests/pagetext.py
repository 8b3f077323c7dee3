"""Read what a reader sees in a built page: the spoken text, headings and title."""
from __future__ import annotations

import re
from html.parser import HTMLParser

WORD = re.compile(r"\w+")


class TurnText(HTMLParser):
    """Collect the text inside <div class="turn …"> blocks, and the <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # nesting depth inside a turn div
        self.in_h1 = False
        self.turns: list[str] = []
        self.h1: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "div" and (self.depth or "turn" in classes):
            self.depth += 1
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.depth:
            self.turns.append(data)
        if self.in_h1:
            self.h1.append(data)


def read_page(html: str) -> TurnText:
    parser = TurnText()
    parser.feed(html)
    return parser


def words(text: str) -> list[str]:
    return WORD.findall(text)


def missing_in_order(expected: list[str], actual: list[str]) -> list[tuple[int, str]]:
    """Return the expected words not found, in order, as a subsequence of `actual`."""
    missing, position = [], 0
    for index, word in enumerate(expected):
        try:
            position = actual.index(word, position) + 1
        except ValueError:
            missing.append((index, word))
    return missing


# The generator's own markup inside a turn: (tag, class it must carry, attributes it may have).
TURN_MARKUP = {"p": (None, {"id", "class"}), "strong": ("turn__speaker", {"class", "title"}),
               "span": ("turn__aside", {"class"}), "a": ("xref", {"class", "href", "title"}), "em": (None, set()),
               "abbr": (None, {"title", "tabindex"})}  # a glossary abbreviation (build_scripts/pipeline/glossary.py)


class TurnMarkup(HTMLParser):
    """Every element inside the turns that is not the generator's own markup (TURN_MARKUP)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.turns = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth == 0:
            if tag == "div" and "turn" in (attrs.get("class") or "").split():
                self.depth, self.turns = 1, self.turns + 1
            return
        self.depth += 1
        cls, allowed = TURN_MARKUP.get(tag, ("?", set()))
        if cls == "?" or (cls and not (attrs.get("class") or "").startswith(cls)) or set(attrs) - allowed:
            self.found.append(f"<{tag} {attrs}>")
        if tag == "a" and not (attrs.get("href") or "").startswith("../"):
            self.found.append(f"<a href={attrs.get('href')!r}>")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
