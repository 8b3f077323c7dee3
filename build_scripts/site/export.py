"""Downloadable data: each transcript as plain text and JSON beside its page, the whole archive in docs/data/.

    docs/transcripts/<id>.txt   the cleaned text with a header of facts      (plain_text)
    docs/transcripts/<id>.json  the transcript's record                       (record)
    docs/data/corpus.jsonl.gz   one line per event, oldest first             (event_json)
    docs/data/corpus.csv.gz     one row per event                             (corpus_row)
    docs/data/turns.csv.gz      one row per speaker turn of every text        (turn_rows)
    docs/data.md                what each file and field means                (render_data_page)

Every value is the one the page shows (from `render.front_matter`), verbatim: the
files are data, not markup, so nothing is escaped. Per-transcript files are made
as each page is rendered; the corpus-wide files are built one at a time at the end,
one entry per event: an original and its translation are one event (translations.py),
whose entry is the listed page's (the translation) with its original beside it;
gzip-compressed: each repeats the text of the whole archive, and uncompressed the three
took the site for 10,000 transcripts from 1.2 GB to 1.7 GB, past the 1 GB that GitHub
Pages supports.
"""
from __future__ import annotations

import csv
import html
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from string import Template
from typing import Any

from ..core.model import Section, Transcript, Turn
from ..core.paths import TEMPLATES
from ..pipeline.dates import sort_key
from ..pipeline.render import front_matter
from ..pipeline.render_meta import EVENT_NAMES

TEMPLATE = TEMPLATES / "data.md"
CORPUS_FILES = ("data/corpus.jsonl.gz", "data/corpus.csv.gz", "data/turns.csv.gz")
CORPUS_COLUMNS = ("id", "title", "date", "date_precision", "date_label", "time", "place", "place_id",
                  "event_type", "language", "speakers", "counterparts", "source_publisher", "source_via", "source_url",
                  "topics", "word_count", "questions", "corpus_file", "sidecar_file", "added",
                  "changed", "page", "txt", "json", "text",
                  "original_id", "original_language", "original_title", "original_page", "original_text")
ORIGINAL_COLUMNS = ("id", "language", "title", "page", "text")
TURN_COLUMNS = ("transcript_id", "section_anchor", "section_heading", "turn_number", "kind", "speaker",
                "label", "aside", "speaker_inferred", "first_paragraph_anchor", "paragraph_anchors", "text")
LIST_SEPARATOR = "; "
UNKNOWN = "unknown"


def record(t: Transcript) -> dict[str, Any]:
    """Return the transcript's data record: the page's facts in a fixed key order, then its text."""
    fm = front_matter(t)
    return {
        # The front matter's title is HTML-escaped for MkDocs' templates; data keeps the characters.
        "id": t.id, "title": html.unescape(fm["title"]) if t.value("title") else None,
        **{key: fm[key] for key in ("date", "date_precision", "date_label", "time", "place", "place_id",
                                    "event_type", "language", "speakers", "counterparts", "source")},
        "topics": [{"slug": topic["slug"], "name": topic["name"]} for topic in fm["topics"]],
        **{key: fm[key] for key in ("word_count", "questions", "corpus_file", "sidecar_file", "copy_of",
                                    "translation_of", "translation")},
        "added": fm["added"],
        "changed": fm["changed"],
        "page": page_path(t),
        "provenance": fm["provenance"],
        "sections": [_section_record(section) for section in t.sections],
    }


def _section_record(section: Section) -> dict[str, Any]:
    return {"anchor": section.anchor, "heading": section.heading, "turns": [
        {"kind": turn.kind, "speaker": turn.speaker, "label": turn.label, "aside": turn.aside,
         "speaker_inferred": turn.speaker_inferred,
         "paragraphs": [{"anchor": p.anchor, "text": p.text} for p in turn.paragraphs]}
        for turn in section.turns]}


def record_json(rec: dict[str, Any]) -> str:
    """Return the record as one line of JSON (the same bytes in <id>.json and in corpus.jsonl)."""
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def page_path(t: Transcript) -> str:
    return f"transcripts/{t.id}/"


def turn_label(turn: Turn) -> str | None:
    """Return the turn's label as the page shows it: "Question (to both ministers)", "[Sergey Lavrov]"."""
    if turn.label is None:
        return f"[{turn.speaker}]" if turn.speaker else None  # not labelled in the source: named in the title
    return f"{turn.label} ({turn.aside})" if turn.aside else turn.label


def turn_text(turn: Turn) -> str:
    """Return a turn as `Label (aside): text`, its paragraphs separated by blank lines."""
    label = turn_label(turn)
    paragraphs = [p.text for p in turn.paragraphs]
    if label is None:
        return "\n\n".join(paragraphs)
    if not paragraphs:
        return f"{label}:"
    return "\n\n".join([f"{label}: {paragraphs[0]}", *paragraphs[1:]])


def _people(people: list[dict[str, Any]]) -> str:
    return LIST_SEPARATOR.join(p["name"] + (f" ({p['role']})" if p.get("role") else "") for p in people)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def plain_text(t: Transcript, rec: dict[str, Any]) -> str:
    """Return the transcript as plain text: a header of facts, then each section heading and turn."""
    source = rec["source"]
    where = [x for x in (source["publisher"], source["via"] and f"via {source['via']}", source["url"]) if x]
    header = [
        _one_line(rec["title"] or f"Untitled transcript {t.id}"), "",
        f"Date: {rec['date_label'] if rec['date'] else UNKNOWN}",
        f"Time: {rec['time'] or UNKNOWN}",
        f"Place: {rec['place'] or UNKNOWN}",
        f"Event: {EVENT_NAMES.get(rec['event_type'], rec['event_type']) if rec['event_type'] else UNKNOWN}",
        f"Speakers: {_people(rec['speakers']) or UNKNOWN}",
        f"Counterparts: {_people(rec['counterparts']) or 'none named'}",
        f"Source: {_one_line('; '.join(where)) if where else 'not stated'}",
        f"Archive page: {rec['page']}",
        f"Corpus file: {rec['corpus_file']}",
    ]
    body = [part for section in t.sections for part in (section.heading, *map(turn_text, section.turns))]
    return "\n\n".join(["\n".join(header), *body]) + "\n"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def event_json(rec: dict[str, Any], original: dict[str, Any] | None) -> str:
    """Return an event's line of corpus.jsonl: the listed transcript's record, and for a translation
    its original's record under "original" (each the bytes of its own .json)."""
    line = record_json(rec)
    return line if original is None else f'{line[:-1]},"original":{record_json(original)}}}'


def _text(t: Transcript) -> str:
    return "\n\n".join(turn_text(turn) for section in t.sections for turn in section.turns)


def corpus_row(t: Transcript, rec: dict[str, Any], original: Transcript | None = None) -> list[Any]:
    """Return the event's row of corpus.csv (columns CORPUS_COLUMNS): the listed transcript's facts and
    text, and for a translation its original's id, language, title, page and text."""
    of = record(original) if original else {}
    values = {
        **rec,
        "speakers": LIST_SEPARATOR.join(p["name"] for p in rec["speakers"]),
        "counterparts": LIST_SEPARATOR.join(p["name"] for p in rec["counterparts"]),
        **{f"source_{key}": value for key, value in rec["source"].items()},
        "topics": LIST_SEPARATOR.join(topic["slug"] for topic in rec["topics"]),
        "txt": f"transcripts/{t.id}.txt", "json": f"transcripts/{t.id}.json",
        "text": _text(t),
        **{f"original_{key}": of.get(key) for key in ORIGINAL_COLUMNS[:4]},
        "original_text": _text(original) if original else None,
    }
    return [_cell(values[column]) for column in CORPUS_COLUMNS]


def turn_rows(t: Transcript) -> Iterator[list[Any]]:
    """Yield the transcript's rows of turns.csv (columns TURN_COLUMNS), one per turn in page order."""
    number = 0
    for section in t.sections:
        for turn in section.turns:
            number += 1
            anchors = [p.anchor for p in turn.paragraphs]
            yield [_cell(v) for v in (
                t.id, section.anchor, section.heading, number, turn.kind, turn.speaker, turn.label, turn.aside,
                turn.speaker_inferred, anchors[0] if anchors else None, LIST_SEPARATOR.join(anchors),
                "\n\n".join(p.text for p in turn.paragraphs))]


ROWS_PER_CHUNK = 200


def csv_chunks(header: Iterable[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    """Yield a CSV file in pieces: a header row, then the rows, every text cell quoted (so line
    breaks inside a cell stay in it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    for number, row in enumerate(rows, 1):
        writer.writerow(row)
        if number % ROWS_PER_CHUNK == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def oldest_first(transcripts: list[Transcript]) -> list[Transcript]:
    """Return transcripts by (date, id), undated ones last."""
    return sorted(transcripts, key=lambda t: (not t.value("date"), sort_key(t.value("date")), t.id))


Event = tuple[Transcript, "Transcript | None"]  # the listed transcript, and its original if a translation


def events(transcripts: list[Transcript]) -> list[Event]:
    """Return the events among `transcripts`, oldest first: each listed transcript with its original
    beside it (an original with a translation is not listed on its own)."""
    by_id = {t.id: t for t in transcripts}
    return [(t, by_id.get(t.translation_of.id) if t.translation_of else None)
            for t in oldest_first(transcripts) if t.translation is None or t.translation.id not in by_id]


class Export:
    """The data files of one generate run; counts what it made, for the data page."""

    def __init__(self) -> None:
        self.sizes = {"txt": 0, "json": 0}  # bytes of the per-transcript files, by kind

    def transcript_files(self, t: Transcript) -> Iterator[tuple[str, str]]:
        """Yield the transcript's .txt and .json, to sit beside its page."""
        rec = record(t)
        for kind, text in (("txt", plain_text(t, rec)), ("json", record_json(rec) + "\n")):
            self.sizes[kind] += len(text.encode("utf-8"))
            yield f"transcripts/{t.id}.{kind}", text

    def corpus_files(self, transcripts: list[Transcript]) -> Iterator[tuple[str, str | Iterator[bytes]]]:
        """Yield docs/data/'s files, each as the pieces of its compressed bytes (each file is as
        large as the corpus: at 10,000 transcripts, holding them whole took generate to 2 GB),
        then the data page, which says their sizes: so each file must be read to its end before
        the next is asked for, as generate's writer and render_site do."""
        order = events(transcripts)
        sizes: dict[str, tuple[int, int]] = {}
        for name, make in zip(CORPUS_FILES, (self._jsonl, self._corpus_csv, self._turns_csv)):
            yield name, gzipped(make(order), sizes, name)
        yield "data.md", render_data_page(order, self.sizes, sizes)

    def _jsonl(self, order: list[Event]) -> Iterator[str]:
        return (event_json(record(t), original and record(original)) + "\n" for t, original in order)

    def _corpus_csv(self, order: list[Event]) -> Iterator[str]:
        return csv_chunks(CORPUS_COLUMNS, (corpus_row(t, record(t), original) for t, original in order))

    def _turns_csv(self, order: list[Event]) -> Iterator[str]:
        return csv_chunks(TURN_COLUMNS, (row for event in order for t in event if t for row in turn_rows(t)))


def gzipped(chunks: Iterable[str], sizes: dict[str, tuple[int, int]], name: str) -> Iterator[bytes]:
    """The UTF-8 text of `chunks` as one gzip member (RFC 1952), in pieces; its header holds no
    file name and a zero time, so the same text gives the same bytes. When the last piece has
    been read, sizes[name] is (size of the text, size compressed)."""
    # level 4: on the 1,000-transcript benchmark corpus, 5 times the speed of the default 6 for 9% more bytes
    packer = zlib.compressobj(4, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: a gzip header and trailer
    raw = packed = 0
    for chunk in chunks:
        data = chunk.encode("utf-8")
        raw += len(data)
        if piece := packer.compress(data):
            packed += len(piece)
            yield piece
    piece = packer.flush()
    sizes[name] = (raw, packed + len(piece))
    yield piece


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:,.1f} MB"
    return f"{n / 1_000:,.1f} KB" if n >= 1_000 else f"{n:,} bytes"


def render_data_page(order: list[Event], sizes: dict[str, int], packed: dict[str, tuple[int, int]]) -> str:
    """Return docs/data.md: every file and field, with this corpus's counts and sizes (`sizes`:
    all .txt and all .json files; `packed`: each corpus-wide file's text and compressed size)."""
    texts = [t for event in order for t in event if t]
    turns = sum(len(s.turns) for t in texts for s in t.sections)
    paragraphs = sum(len(turn.paragraphs) for t in texts for s in t.sections for turn in s.turns)
    pairs = sum(original is not None for _, original in order)
    if order:
        first = order[0][0].id
        example = (f"For example, the oldest transcript's page is [{first}](transcripts/{first}/index.md), and its "
                   f"files are [{first}.txt](transcripts/{first}.txt) and [{first}.json](transcripts/{first}.json).")
    else:
        example = "The archive holds no transcript yet."
    return Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        transcripts=f"{len(texts):,}", turns=f"{turns:,}", paragraphs=f"{paragraphs:,}", example=example,
        events=f"{len(order):,} event" + ("s" if len(order) != 1 else "")
        + (f", {pairs:,} of them in two languages" if pairs else ""),
        txt_size=_size(sizes["txt"]), json_size=_size(sizes["json"]),
        **{f"{key}_size": f"{_size(packed[name][1])} ({_size(packed[name][0])} unpacked)"
           for key, name in zip(("jsonl", "corpus_csv", "turns_csv"), CORPUS_FILES)})
