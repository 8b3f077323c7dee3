"""Stage 1: find corpus files and read each into a Transcript."""
from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import TranscriptError
from ..core.model import Fact, Line, Transcript
from .csv_record import read_record
from .html_page import looks_like_html, read_page
from .sidecar import read_sidecar

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 100
MAX_TRANSCRIPT_BYTES = 5_000_000  # the longest real transcripts are ~100 KB
# Names a page cannot have: Windows device names (a checkout or an unzipped offline copy
# would break) and `index` (the folder's own page).
RESERVED_IDS = frozenset({"index", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                          *(f"lpt{i}" for i in range(1, 10))})
# Text decoded with the wrong encoding before it was saved: "Ð›Ð°Ð²Ñ€Ð¾Ð²" for "Лавров", "â€™" for "’".
MOJIBAKE = re.compile(r"(?:[ÃÂÐÑ][\u0080-\u00bf\u2018-\u203a\u0152-\u0178]|â€)")
MOJIBAKE_STARTS = "ÃÂÐÑâ"  # every MOJIBAKE match starts with one of these


SUFFIXES = (".txt", ".html", ".htm")  # a copied text or a record; a saved web page


def discover(corpus_dir: Path) -> list[Path]:
    """Return the corpus's transcript files (*.txt, *.html), sorted for a stable order."""
    return sorted(p for p in corpus_dir.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def orphan_sidecars(corpus_dir: Path) -> list[Path]:
    """Return sidecar files that have no transcript beside them."""
    return sorted(p for p in corpus_dir.rglob("*.y*ml")
                  if p.suffix in (".yml", ".yaml") and not any(p.with_suffix(s).exists() for s in SUFFIXES))


def decode(raw: bytes, name: str) -> str:
    """Return `raw` as text, or raise naming the line of the first bad byte.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are
    read; both are unambiguous. Any other encoding is refused with a guess at what
    it is, since guessing silently could change the words.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _no_nul(raw.decode("utf-16"), name)
        except UnicodeDecodeError:
            raise TranscriptError(name, None, "starts like UTF-16 text but is not valid UTF-16",
                                  "re-save the file as UTF-8 text") from None
    if b"\x00" in raw:  # before decoding: a binary file would otherwise be "not UTF-8"
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise TranscriptError(name, line, "contains a NUL byte, so it is binary data, not plain text",
                              "give the transcript as a plain UTF-8 text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise TranscriptError(name, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}){_guess(raw)}",
                              "re-save the file as UTF-8 text, e.g. "
                              f"`iconv -f {_guess_codec(raw)} -t UTF-8 old.txt > new.txt`") from None
    return _no_nul(text, name)


def _guess_codec(raw: bytes) -> str:
    """CP1251 when the non-ASCII bytes come in runs (Cyrillic words), else CP1252 (Latin-1).

    In Russian text nearly every letter is a high byte, so high bytes sit next to each
    other; in French or German text an accented letter sits between ASCII letters.
    """
    high = [i for i, b in enumerate(raw) if b >= 0x80]
    if not high:
        return "CP1252"
    paired = sum(1 for i in high if (i > 0 and raw[i - 1] >= 0x80) or (i + 1 < len(raw) and raw[i + 1] >= 0x80))
    return "CP1251" if paired / len(high) > 0.5 else "CP1252"


def _guess(raw: bytes) -> str:
    return {"CP1251": "; it looks like Windows-1251 (Cyrillic)",
            "CP1252": "; it looks like Latin-1 or Windows-1252"}[_guess_codec(raw)]


def _no_nul(text: str, name: str) -> str:
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise TranscriptError(name, line, "contains a NUL byte, so it is not plain text",
                              "re-save the transcript as plain UTF-8 text")
    return text


def split_lines(text: str) -> list[Line]:
    """Return numbered lines, treating CRLF, CR and LF alike."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()
    return [Line(i, part) for i, part in enumerate(parts, start=1)]


def transcript_id(path: Path, name: str) -> str:
    """Return the page id, which is the file name without .txt; it must be URL-safe."""
    stem = path.stem
    if stem in RESERVED_IDS:
        raise TranscriptError(name, None, f"file name {path.name!r} is reserved (a device name on Windows, "
                              "or the folder's own page)", "name it after the date, place and people, e.g. "
                              "2020-09-09-moscow-lavrov-tleuberdi.txt")
    if not ID_PATTERN.fullmatch(stem) or len(stem) > MAX_ID_LENGTH:
        raise TranscriptError(
            name, None, f"file name {path.name!r} cannot be a page address",
            f"rename it to lower-case letters, digits and single hyphens, at most "
            f"{MAX_ID_LENGTH} characters, e.g. 2020-09-09-moscow-lavrov-tleuberdi.txt")
    return stem


def read_transcript(path: Path, root: Path) -> Transcript:
    """Return a Transcript with the raw lines of `path` and its sidecar, if any."""
    name = path.relative_to(root).as_posix()
    t = Transcript(path=path, corpus_file=name, id=transcript_id(path, name))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TranscriptError(name, None, f"cannot read the file: {exc.strerror}",
                              "check that it exists and is readable") from None
    if len(raw) > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(name, None, f"the file is {len(raw) / 1e6:.1f} MB; a transcript is at most "
                              f"{MAX_TRANSCRIPT_BYTES / 1e6:.0f} MB",
                              "check that it holds one transcript (split it if it holds several)")
    text = decode(raw, name)
    if path.suffix in (".html", ".htm") or looks_like_html(raw):
        read_html(t, text, name)
    elif (record := read_record(text)) is not None:
        read_csv_record(t, record)
    else:
        t.lines = split_lines(text)
    garbled = any(char in text for char in MOJIBAKE_STARTS)  # else no line can match: skip the search
    for line in t.lines if garbled else ():
        if len(MOJIBAKE.findall(line.text)) >= 2:
            t.warn(line.number, f"the text looks garbled ({MOJIBAKE.search(line.text).group(0)!r}…): "
                   "it was decoded with the wrong encoding before it was saved; it is shown as it is",
                   "copy the text again from the source, as UTF-8")
            break
    if not any(line.text.strip() for line in t.lines):
        raise TranscriptError(name, None, "the file has no text",
                              "paste the transcript into it, or delete it")
    sidecar = path.with_suffix(".yml")
    if path.with_suffix(".yaml").exists():
        raise TranscriptError(path.with_suffix(".yaml").relative_to(root).as_posix(), None,
                              "sidecar files end in .yml", f"rename it to {sidecar.name}")
    if sidecar.exists():
        t.sidecar_file = sidecar.relative_to(root).as_posix()
        t.sidecar, t.sidecar_lines = read_sidecar(sidecar, t.sidecar_file)
    return t


PAGE_FACTS = {"title": "the page's own title (its metadata)", "date": "the page's own date (its metadata)",
              "sitename": "the page's own site name (its metadata)", "url": "the page's own address (canonical link)"}


def read_html(t: Transcript, text: str, name: str) -> None:
    """Fill `t.lines` with a saved page's main text, and its facts with the page's metadata."""
    page = read_page(text, name)
    t.form = "html"
    t.lines = [Line(number, paragraph) for number, paragraph in zip(page.source_lines, page.main)]
    t.page_lines = [Line(0, line) for line in page.visible]
    for key, value in page.meta.items():
        t.source_facts[key] = Fact(value, "extracted", None, note=PAGE_FACTS[key])


def read_csv_record(t: Transcript, record) -> None:
    """Fill `t.lines` with a CSV record's text cell, and its facts with the other cells."""
    t.form = "csv-record"
    cell = record.text
    t.lines = [Line(cell.line + i, part) for i, part in enumerate(cell.text.replace("\r\n", "\n").split("\n"))]
    for role, other in record.roles.items():
        t.source_facts[role] = Fact(other.text.strip(), "extracted", other.line, note=other.where())
    for other in record.other:
        t.source_facts[f"cell{other.column}"] = Fact(other.text.strip(), "extracted", other.line, note=other.where())
