"""Hard-wrapped text made into paragraphs again, with every word kept.

A mirror that wraps its lines, a PDF's columns, a sentence split by a page break:
a line that stops mid-sentence is joined to the next when the next goes on with the
same sentence (it starts with a lower-case letter or a digit, or the block is
wrapped throughout). A line that ends a sentence and is shorter than the block's
width ends a paragraph. Page furniture glued to the start of a continued line
("26/33 17-29585 just as …") is taken off and recorded.
"""
from __future__ import annotations

import re
from statistics import median

from ..core.model import Line, Removal

ADDRESS = re.compile(r"\s*(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)
SENTENCE_END = tuple(".!?…:;\"”»)")
# "26/33 17-29585 " or "Page 4 of 12 " before the rest of a sentence: a PDF page header.
PAGE_FURNITURE = re.compile(r"(?:\d{1,4}/\d{1,4}|[Pp]age \d+(?: of \d+)?)(?:\s+[A-Z]?\d{2}-\d{4,6}|\s+[A-Z]/\d+/[\w./-]+)*\s+"
                            r"(?=[a-zа-яё])")


def _continues(text: str, digits: bool = True) -> bool:
    """Whether a line goes on with the sentence before it (lower-case, or a digit, start)."""
    if ADDRESS.match(text):
        return False  # a web address is a line of its own, never the rest of a sentence
    first = text.lstrip("\"“«([ ")[:1]
    return bool(first) and (first.islower() or digits and first.isdigit())


def _wrapped(block: list[Line]) -> bool:
    """A block of adjacent lines is hard-wrapped when most of its lines stop mid-sentence near the
    block's width (a short line without a full stop is a heading or a menu item, not a wrap)."""
    if len(block) < 2 or median(len(line.text.strip()) for line in block) < 30:
        return False
    width = median(len(line.text.strip()) for line in block)
    open_ends = sum(1 for line in block[:-1]
                    if not line.text.rstrip().endswith(SENTENCE_END) and len(line.text.strip()) >= 0.6 * width)
    return open_ends * 2 >= len(block) - 1


def _label_start(text: str, is_label) -> bool:
    return is_label(text.strip())


def unwrap(lines: list[Line], is_label, removals: list[Removal], joined: dict[int, list[int]]) -> list[Line]:
    """Return `lines` (blank lines included) with hard-wrapped paragraphs joined into one line each;
    `joined` gets, for each joined line, the numbers of the lines joined to it."""
    out: list[Line] = []
    block: list[Line] = []

    def flush() -> None:
        if block:
            out.extend(_join_block(block, is_label, joined))
            block.clear()

    for line in lines:
        text = line.text
        match = PAGE_FURNITURE.match(text.strip())
        if match and out + block:
            removals.append(Removal(line.number, match.group(0).strip(), "generic", "page header or footer (PDF)"))
            text = text.strip()[match.end():]
            line = Line(line.number, text)
        if not text.strip():
            flush()
            out.append(line)
        else:
            block.append(line)
    flush()
    return _join_across_breaks(out, is_label, joined)


def _join(first: Line, line: Line, text: str, joined: dict[int, list[int]]) -> Line:
    joined.setdefault(first.number, []).extend([line.number, *joined.pop(line.number, [])])
    return Line(first.number, text)


def _join_block(block: list[Line], is_label, joined: dict[int, list[int]]) -> list[Line]:
    """Join the lines of one block (no blank line between them) that belong to one paragraph."""
    if len(block) == 1:
        return block
    wrapped = _wrapped(block)
    width = median(len(line.text.strip()) for line in block)
    out: list[Line] = [block[0]]
    for line in block[1:]:
        prev = out[-1].text.rstrip()
        text = line.text.strip()
        if is_label(text) or is_label(prev.strip()) and prev.strip().endswith(":"):
            out.append(line)
            continue
        ends = prev.endswith(SENTENCE_END)
        short = len(prev) < 0.8 * width
        if (not ends and (wrapped or _continues(text) and len(prev.split()) >= 4)) or (wrapped and not short):
            out[-1] = _join(out[-1], line, prev + " " + text, joined)
        else:
            out.append(line)
    return out


def _join_across_breaks(lines: list[Line], is_label, joined: dict[int, list[int]]) -> list[Line]:
    """Join a paragraph that stops mid-sentence to the next one that goes on with it (a page break)."""
    out: list[Line] = []
    last_text: int | None = None  # index in `out` of the last non-blank line
    for line in lines:
        text = line.text.strip()
        if not text:
            out.append(line)
            continue
        if last_text is not None:
            prev = out[last_text].text.rstrip()
            if prev and not prev.endswith(SENTENCE_END) and not prev.endswith(",") and _continues(text, digits=False) \
                    and not is_label(text) and len(prev.split()) >= 6:
                out[last_text] = _join(out[last_text], line, prev + " " + text, joined)
                continue
        out.append(line)
        last_text = len(out) - 1
    return out
