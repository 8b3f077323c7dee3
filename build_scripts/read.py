"""Stage 1: find corpus files and read each into a Transcript."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import TranscriptError
from .model import Line, Transcript
from .sidecar import read_sidecar

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 100


def discover(corpus_dir: Path) -> list[Path]:
    """Return the corpus's transcript files (*.txt), sorted for a stable order."""
    return sorted(p for p in corpus_dir.rglob("*.txt") if p.is_file())


def orphan_sidecars(corpus_dir: Path) -> list[Path]:
    """Return sidecar files that have no transcript beside them."""
    return sorted(p for p in corpus_dir.rglob("*.y*ml")
                  if p.suffix in (".yml", ".yaml") and not p.with_suffix(".txt").exists())


def decode(raw: bytes, name: str) -> str:
    """Return `raw` as text, or raise naming the line of the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise TranscriptError(name, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
                              "re-save the file as UTF-8 text") from None
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
    t.lines = split_lines(decode(raw, name))
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
