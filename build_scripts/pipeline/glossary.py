"""The glossary at work: each abbreviation shown with its expansion, on every page where it occurs.

One data file, build_scripts/data/glossary.yml (validated by `glossary_file.load_glossary`), feeds:

- transcript turns, which the generator writes as raw HTML: `wrap` marks the abbreviations in a
  paragraph's escaped text (render.py);
- all other Markdown (headings, index pages, topic names, the About page): Python-Markdown's `abbr`
  extension, which the MkDocs hook gives the same definitions (`markdown_glossary`) through the
  extension's `glossary` option rather than as `*[X]: …` lines added to the text: nothing in a page
  can then end or swallow them. The extension only sees raw HTML as placeholders, so a turn is
  never marked twice;
- the Glossary page (indexes/glossary.py), with the transcripts that use each one (`used`).

Matching is by whole word and case-sensitive, as the `abbr` extension matches (`\\b…\\b`), so both
agree: SCO is not marked inside SCOT, nor NGO inside NGOs (plurals are not matched; a plural
would need an entry of its own). Marks never change the words: an abbreviation is a whole word,
so a tag beside it splits nothing (integrity.py strips tags when it checks the words kept).

Keyboard: `focus_first` (run by the hook on each built page) makes the first mark of each
abbreviation on a page focusable. Material's tooltips (`content.tooltips`) open on focus as on
hover; one Tab stop per abbreviation per page, not per occurrence, keeps the Tab order usable
on a page that says "UN" forty times, and a reader meets the expansion where the word first
appears. Marks inside a link stay unfocusable: the link is the Tab stop there.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import RulesError
from ..core.escape import esc
from ..core.model import Transcript
from ..core.rules import DATA_DIR, GlossaryTerm, load_glossary, load_rules, load_topics

__all__ = ["Matcher", "RulesError", "focus_first", "markdown_glossary", "matcher", "used", "wrap"]
MARK = re.compile(r'<a\b[^>]*>|</a>|<abbr title="[^"]*">([^<]*)</abbr>')


class Matcher:
    """A compiled glossary: finds its abbreviations as whole words and marks them."""

    def __init__(self, terms: tuple[GlossaryTerm, ...]):
        self.terms = terms
        self._titles = {t.abbr: esc(t.expansion) for t in terms}
        self._pattern = _pattern(tuple(t.abbr for t in terms)) if terms else None

    def wrap(self, escaped: str) -> str:
        """Return HTML-escaped text with each abbreviation as `<abbr title="expansion">`. (Entities
        such as `&amp;` never match: an abbreviation starts with a capital letter.)"""
        if self._pattern is None:
            return escaped
        return self._pattern.sub(lambda m: f'<abbr title="{self._titles[m[0]]}">{m[0]}</abbr>', escaped)

    def found(self, text: str) -> set[str]:
        """Return the abbreviations that occur in `text`."""
        return set(self._pattern.findall(text)) if self._pattern is not None else set()


def _pattern(abbrs: tuple[str, ...]) -> re.Pattern:
    """Return one pattern matching any of `abbrs` as a whole word.

    Grouped by first letter, and the test that no word character comes before the abbreviation
    placed after that letter (`E(?<!\\wE)(?:AEU|U)`): a pattern that starts with a choice of
    letters lets `re` skip straight to those capitals, five times faster on the seeds' text than
    `(?<!\\w)(?:EAEU|EU|…)`, which tries every position."""
    rests: dict[str, list[str]] = {}
    for abbr in sorted(abbrs, key=lambda a: (-len(a), a)):
        rests.setdefault(abbr[0], []).append(re.escape(abbr[1:]))
    choices = "|".join(rf"{first}(?<!\w{first})(?:{'|'.join(rest)})" for first, rest in sorted(rests.items()))
    return re.compile(rf"(?:{choices})(?!\w)")


_last: tuple[tuple[GlossaryTerm, ...], Matcher] | None = None


def matcher(terms: tuple[GlossaryTerm, ...]) -> Matcher:
    """Return the compiled glossary for `terms`, compiled once while the same terms are in use."""
    global _last
    if _last is None or _last[0] is not terms:  # identity, not equality: this runs once per paragraph
        _last = (terms, Matcher(terms))
    return _last[1]


def wrap(escaped: str) -> str:
    """Return HTML-escaped text with the abbreviations of the archive's glossary marked."""
    return matcher(load_rules().glossary).wrap(escaped)


def used(t: Transcript, terms: tuple[GlossaryTerm, ...]) -> set[str]:
    """Return the abbreviations `t`'s turns use: the ones `wrap` marks on its page."""
    text = "\n".join(p.text for section in t.sections for turn in section.turns for p in turn.paragraphs)
    return matcher(terms).found(text)


def markdown_glossary(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Return abbreviation -> expansion for the `abbr` extension, read afresh (`mkdocs serve` may
    have seen glossary.yml change since the rules were cached)."""
    topics = {t.slug for t in load_topics(data_dir / "topics.yml")}
    return {t.abbr: t.expansion for t in load_glossary(data_dir / "glossary.yml", topics)}


def focus_first(html: str) -> str:
    """Return a built page with the first mark of each abbreviation, outside links, focusable."""
    seen: set[str] = set()
    in_link = 0

    def visit(m: re.Match) -> str:
        nonlocal in_link
        tag = m[0]
        if m[1] is None:  # <a …> or </a>
            in_link = max(0, in_link + (-1 if tag == "</a>" else 1))
            return tag
        if in_link or m[1] in seen:
            return tag
        seen.add(m[1])
        return '<abbr tabindex="0"' + tag[len("<abbr"):]

    return MARK.sub(visit, html) if "<abbr " in html else html
