"""The search index: plain scripts in docs/search/, read by assets/search.js in both editions.

Why the archive's own index and not Material's search or Pagefind (figures in BENCHMARKS.md):
Material's search loads its whole index and builds it in the browser (6.2 s and 18.7 MB at
1,000 transcripts); Pagefind answers fast but needs about 780 MB of memory per 1,000 pages to
build (7.8 GB at 10,000) and cannot run from file://. This index is written by the generator
from the transcripts it already holds, so it needs no HTML parsing and no extra tool:

* `index.js`    page lengths (for ranking) and the shard list;
* `t-*.js`      the term dictionary, sharded by the first letters of a word: each shard holds
                its words and, for each, the pages with how often it occurs there. A shard
                larger than SHARD_BYTES is split by the next letter, so no query loads much;
* `p-<n>.js`    page n's id, metadata and spoken text with its section anchors, loaded for
                the results shown (excerpts, sections); pages are numbered oldest first;
* `facet-values.js`, `facets.js`   the filters: the values with their counts (small, loaded
                with the page), and each page's year, kind of event and topics, one character
                per value (loaded when a filter is used).

Every file is `ArchiveSearchData(kind, key, payload)`: a script, so it loads from file:// too.
The text is what the reader sees spoken: headings, speaker labels and paragraphs.
"""
from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from typing import Any

from ..model import Transcript
from ..render_links import date_label, title_of
from ..render_meta import EVENT_NAMES

FOLDER = "search"
FACETS = ("year", "event", "topic")
SHARD_BYTES = 40_000   # split a shard whose JSON is larger than this by the next letter
MAX_KEY = 6            # … but never into keys longer than this
WORD = re.compile(r"[^\W_]+")
ASCII = frozenset(map(chr, range(128)))


def words(text: str) -> list[str]:
    """The index's words: lower case, accents dropped. `tokens` in search.js does the same."""
    folded = unicodedata.normalize("NFKD", text.lower())
    if not folded.isascii():  # drop the accents NFKD split off: look only at the few non-ASCII characters
        marks = {ord(c): None for c in set(folded).difference(ASCII) if unicodedata.category(c).startswith("M")}
        folded = folded.translate(marks) if marks else folded
    return WORD.findall(folded)


def spoken_text(t: Transcript) -> tuple[str, list[list[Any]]]:
    """The page's title, headings, speaker labels and paragraphs as one text, and each section's
    [anchor, heading, position of its first word] (positions count whitespace-separated words)."""
    parts, anchors, position = [title_of(t)], [], len(title_of(t).split())
    for section in t.sections:
        anchors.append([section.anchor, section.heading, position])
        chunk = [section.heading]
        for turn in section.turns:
            label = turn.label or (f"[{turn.speaker}]" if turn.speaker else "")
            if turn.aside:
                label += f" ({turn.aside})"
            chunk += [label + ":"] if label else []
            chunk += [p.text for p in turn.paragraphs]
        text = " ".join(chunk)
        parts.append(text)
        position += len(text.split())
    return " ".join(parts), anchors


def page_facets(t: Transcript) -> dict[str, list[str]]:
    date = t.value("date")
    return {"year": [date[:4] if date else "Undated"],
            "event": [EVENT_NAMES.get(t.value("event_type") or "", "Unknown")],
            "topic": [m.name for m in t.assigned_topics()]}


# facets.js: each page's values of a filter as one character each (the value's number in this
# alphabet), pages separated by commas: about 10 bytes a page, where JSON lists took 40.
FACET_ALPHABET = "".join(chr(c) for c in range(0x21, 0x7f) if chr(c) not in '",\\')


def _facet_code(numbers: list[int], values: int) -> str:
    if values > len(FACET_ALPHABET):  # more values than characters: numbers, space-separated
        return " ".join(map(str, numbers))
    return "".join(FACET_ALPHABET[n] for n in numbers)


def script(kind: str, key: Any, payload: Any) -> str:
    """`ArchiveSearchData("kind", key, {...})`: JSON inside a call, safe inside a <script> element."""
    body = json.dumps(payload, ensure_ascii=True, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
    return f"ArchiveSearchData({json.dumps(kind)},{json.dumps(key)},{body});\n"


def file_key(key: str) -> str:
    """A file name for a shard key that is safe on every file system: the hex of its UTF-8 bytes."""
    return key.encode("utf-8").hex()


def _shards(postings: dict[str, array], prefix: str, terms: list[str]) -> dict[str, list[str]]:
    """Group sorted `terms` (all starting with `prefix`) into shards of at most SHARD_BYTES.

    A word no longer than the shard's key stays in the shard of its own prefix, so search.js
    finds any word in the shard with the longest key that begins it."""
    size = sum(len(t) + 4 + 6 * len(postings[t]) for t in terms)
    if size <= SHARD_BYTES or len(prefix) >= MAX_KEY:
        return {prefix: terms}
    here = [t for t in terms if len(t) <= len(prefix)]
    longer = defaultdict(list)
    for term in terms:
        if len(term) > len(prefix):
            longer[term[:len(prefix) + 1]].append(term)
    shards = {prefix: here} if here else {}
    for key in sorted(longer):
        shards.update(_shards(postings, key, longer[key]))
    return shards


def render_search(transcripts: list[Transcript]) -> dict[str, str]:
    """Every file of docs/search/, keyed by its path under docs/."""
    ordered = sorted(transcripts, key=lambda t: (t.value("date") or "", t.id))  # oldest first, undated first
    files: dict[str, str] = {}
    postings: dict[str, array] = defaultdict(lambda: array("I"))
    lengths, rows, values = [], [], {name: Counter() for name in FACETS}
    for number, t in enumerate(ordered):
        content, anchors = spoken_text(t)
        found = words(content)
        lengths.append(len(found))
        for term, count in Counter(found).items():
            postings[term].extend((number, count))
        facets = page_facets(t)
        for name in FACETS:
            values[name].update(facets[name])
        rows.append(facets)
        meta = {"title": title_of(t), "date": date_label(t), "place": t.value("place") or "Place not stated",
                "event": facets["event"][0]}
        files[f"{FOLDER}/p-{number}.js"] = script("page", number, {"id": t.id, "meta": meta, "content": content,
                                                                    "anchors": anchors})
    by_letter = defaultdict(list)
    for term in sorted(postings):
        by_letter[term[0]].append(term)
    shards: dict[str, list[str]] = {}
    for letter in sorted(by_letter):
        shards.update(_shards(postings, letter, by_letter[letter]))
    for key, terms in sorted(shards.items()):
        files[f"{FOLDER}/t-{file_key(key)}.js"] = script("shard", key, {
            "terms": terms, "postings": [postings[t].tolist() for t in terms]})
    names = {name: sorted(values[name]) for name in FACETS}
    number = {name: {v: i for i, v in enumerate(names[name])} for name in FACETS}
    files[f"{FOLDER}/facet-values.js"] = script("facet-values", None, {
        "names": list(FACETS), "values": names, "counts": {n: [values[n][v] for v in names[n]] for n in FACETS}})
    files[f"{FOLDER}/facets.js"] = script("facets", None, {
        n: ",".join(_facet_code([number[n][v] for v in row[n]], len(names[n])) for row in rows) for n in FACETS})
    files[f"{FOLDER}/index.js"] = script("index", None, {
        "words": lengths,
        "shards": {key: file_key(key) for key in sorted(shards)},
        "average_words": round(sum(lengths) / max(len(lengths), 1), 1)})
    return files


def read_script(text: str) -> Any:
    """The payload of a file written by `script`."""
    start = text.index(",", text.index(",") + 1) + 1  # after ArchiveSearchData("kind",key,
    return json.loads(text[start:text.rindex(");")])


def indexed_pages(site, file_urls: bool):
    """(index file, page url relative to the site, section anchors) for every page of a built site's index."""
    folder = site / FOLDER
    if not (folder / "index.js").is_file():
        return
    for number in range(len(read_script((folder / "index.js").read_text(encoding="utf-8"))["words"])):
        page = read_script((folder / f"p-{number}.js").read_text(encoding="utf-8"))
        url = f"transcripts/{page['id']}.html" if file_urls else f"transcripts/{page['id']}/"
        yield f"{FOLDER}/p-{number}.js", url, [anchor[0] for anchor in page["anchors"]]
