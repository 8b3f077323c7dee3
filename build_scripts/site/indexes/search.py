"""The search index: plain scripts in docs/search/, read by assets/search.js in both editions.

Why the archive's own index and not Material's search or Pagefind (figures in BENCHMARKS.md):
Material's search loads its whole index and builds it in the browser (6.2 s and 18.7 MB at
1,000 transcripts); Pagefind answers fast but needs about 780 MB of memory per 1,000 pages to
build (7.8 GB at 10,000) and cannot run from file://. This index is written by the generator
from the transcripts it already holds, so it needs no HTML parsing and no extra tool:

* `index.js`    page lengths (for ranking) and the shard list;
* `t-*.js`      the term dictionary, sharded by the first letters of a stem (search_terms.py:
                Snowball, English or Russian): each shard holds its stems, for each stem the
                word forms found, and for each form the pages with who said it there and how
                often ([page, speaker, count, …], each page as its gap from the one before; speaker
                0 is the title, a heading or a label).
                A shard larger than SHARD_BYTES is split by the next letter, so no query loads much;
* `p-<n>.js`    page n's id, metadata, spoken text with its section anchors and its turns'
                speakers, loaded for the results shown (excerpts, sections, phrase checks);
                pages are numbered oldest first;
* `names.js`, `n-*.js`  names in any spelling (search_names.py): the registers' aliases, and the
                corpus's names by a sound key that meets across scripts (Tokayev, Токаев);
* `stemmer.js`  the browser's Snowball stemmers (stemmer_js.py), so a query is stemmed as the
                index was;
* `facet-values.js`, `facets.js`   the filters: the values with their counts (small, loaded
                with the page), and each page's year, kind of event, topics, speakers and day,
                one character per value (loaded when a filter is used).

Every file is `ArchiveSearchData(kind, key, payload)`: a script, so it loads from file:// too.
The text is what the reader sees spoken: headings, speaker labels and paragraphs.
"""
from __future__ import annotations

import json
from array import array
from collections import Counter, defaultdict
from typing import Any

from ...core.model import Transcript, Turn
from ...core.rules import Rules
from ...pipeline.render_links import date_label, title_of
from ...pipeline.language import NAMES as LANGUAGE_NAMES
from ...pipeline.render_meta import EVENT_NAMES
from .search_names import alias_groups, corpus_names, table
from .search_terms import stem, words
from .stemmer_js import stemmer_script

FOLDER = "search"
FACETS = ("year", "event", "topic", "speaker", "language")
SHARD_BYTES = 40_000   # split a shard whose JSON is larger than this by the next letter
MAX_KEY = 6            # … but never into keys longer than this
QUESTIONS = "Questions (journalists and others)"
TITLE_WEIGHT = 3  # a word of the title counts as three in the text: the title says what the page is about


def who(turn: Turn, rules: Rules | None = None) -> str:
    """The speaker a turn's words are filed under: the person as the register names them (Владимир
    Путин and V.Putin are Vladimir Putin), or the questions as one."""
    if turn.kind == "question" and turn.speaker is None:
        return QUESTIONS
    person = rules.person(turn.speaker) if rules and turn.speaker else None
    return person.name if person else turn.speaker or "Unnamed speaker"


def spoken_pieces(t: Transcript, rules: Rules | None = None) -> tuple[list[tuple[str, str | None]], list[list[Any]]]:
    """The page's title, headings, speaker labels and paragraphs in reading order, each with who
    says it (None for the title, headings and labels), and each section's [anchor, heading,
    position of its first word] (positions count whitespace-separated words of the whole text)."""
    pieces: list[tuple[str, str | None]] = [(title_of(t), None)]
    anchors, position = [], len(title_of(t).split())
    for section in t.sections:
        anchors.append([section.anchor, section.heading, position])
        chunk: list[tuple[str, str | None]] = [(section.heading, None)]
        for turn in section.turns:
            label = turn.label or (f"[{turn.speaker}]" if turn.speaker else "")
            if turn.aside:
                label += f" ({turn.aside})"
            chunk += [(label + ":", None)] if label else []
            chunk += [(p.text, who(turn, rules)) for p in turn.paragraphs]
        pieces += chunk
        position += sum(len(text.split()) for text, _ in chunk)
    return pieces, anchors


def spoken_text(t: Transcript) -> tuple[str, list[list[Any]]]:
    """The page's text as one string (what search.js shows excerpts of), and its sections."""
    pieces, anchors = spoken_pieces(t)
    return " ".join(text for text, _ in pieces), anchors


def page_facets(t: Transcript, rules: Rules | None = None) -> dict[str, list[str]]:
    date = t.value("date")
    speakers = {who(turn, rules) for s in t.sections for turn in s.turns if turn.paragraphs}
    return {"year": [date[:4] if date else "Undated"],
            "event": [EVENT_NAMES.get(t.value("event_type") or "", "Unknown")],
            "topic": [m.name for m in t.assigned_topics()],
            "speaker": sorted(speakers),
            "language": [LANGUAGE_NAMES.get(t.language or "", "Not detected")]}


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


def _gaps(triples: array) -> list[int]:
    """[page, speaker, count, …] with each page written as its distance from the one before (pages
    ascend): at 10,000 transcripts most take one or two digits instead of four or five."""
    out = triples.tolist()
    for i in range(len(out) - 3, 0, -3):
        out[i] -= out[i - 3]
    return out


def _shards(postings: dict[str, dict[str, array]], prefix: str, terms: list[str]) -> dict[str, list[str]]:
    """Group sorted `terms` (all starting with `prefix`) into shards of at most SHARD_BYTES.

    A word no longer than the shard's key stays in the shard of its own prefix, so search.js
    finds any word in the shard with the longest key that begins it."""
    size = sum(len(t) + 4 + sum(len(f) + 4 + 3 * len(p) for f, p in postings[t].items()) for t in terms)
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


def render_search(transcripts: list[Transcript], rules: Rules | None = None) -> dict[str, str]:
    """Every file of docs/search/, keyed by its path under docs/."""
    ordered = sorted(transcripts, key=lambda t: (t.value("date") or "", t.id))  # oldest first, undated first
    rows = [page_facets(t, rules) for t in ordered]
    values = {name: Counter(v for row in rows for v in row[name]) for name in FACETS}
    names = {name: sorted(values[name]) for name in FACETS}
    number = {name: {v: i for i, v in enumerate(names[name])} for name in FACETS}
    speaker_code = {None: 0, **{v: i + 1 for i, v in enumerate(names["speaker"])}}
    files: dict[str, str] = {}
    postings: dict[str, dict[str, array]] = defaultdict(dict)  # stem -> form -> [page, speaker, count, …]
    lengths = []
    for page, t in enumerate(ordered):
        pieces, anchors = spoken_pieces(t, rules)
        counts: Counter = Counter()
        turns, position, last = [], 0, -1
        for piece, (text, speaker) in enumerate(pieces):
            code = speaker_code[speaker]
            if code != last:
                turns.append([position, code])
                last = code
            position += len(text.split())
            found = [(form, code) for form in words(text)]
            counts.update(found * (TITLE_WEIGHT if piece == 0 else 1))  # pieces[0] is the title
        lengths.append(sum(counts.values()))
        for (form, code), count in sorted(counts.items()):
            forms = postings[stem(form)]
            if form not in forms:
                forms[form] = array("I")
            forms[form].extend((page, code, count))
        meta = {"title": title_of(t), "date": date_label(t), "place": t.value("place") or "Place not stated",
                "event": rows[page]["event"][0], "lang": t.language or ""}
        files[f"{FOLDER}/p-{page}.js"] = script("page", page, {
            "id": t.id, "meta": meta, "content": " ".join(text for text, _ in pieces), "anchors": anchors,
            "turns": turns})
    by_letter = defaultdict(list)
    for term in sorted(postings):
        by_letter[term[0]].append(term)
    shards: dict[str, list[str]] = {}
    for letter in sorted(by_letter):
        shards.update(_shards(postings, letter, by_letter[letter]))
    for key, terms in sorted(shards.items()):
        files[f"{FOLDER}/t-{file_key(key)}.js"] = script("shard", key, {
            "terms": terms, "forms": [sorted(postings[t]) for t in terms],
            "postings": [[_gaps(postings[t][f]) for f in sorted(postings[t])] for t in terms]})
    files[f"{FOLDER}/facet-values.js"] = script("facet-values", None, {
        "names": list(FACETS), "values": names, "counts": {n: [values[n][v] for v in names[n]] for n in FACETS}})
    files[f"{FOLDER}/facets.js"] = script("facets", None, {
        **{n: ",".join(_facet_code([number[n][v] for v in row[n]], len(names[n])) for row in rows) for n in FACETS},
        "day": ",".join((t.value("date") or "").replace("-", "") for t in ordered)})
    files[f"{FOLDER}/stemmer.js"] = stemmer_script()
    files.update(_name_files(ordered, rules))
    files[f"{FOLDER}/index.js"] = script("index", None, {
        "words": lengths,
        "shards": {key: file_key(key) for key in sorted(shards)},
        "average_words": round(sum(lengths) / max(len(lengths), 1), 1),
        "undated": sum(1 for t in ordered if not t.value("date"))})  # pages 0 … undated-1 have no date
    return files


def _name_files(ordered: list[Transcript], rules: Rules | None) -> dict[str, str]:
    """names.js (the registers' aliases, the transliteration table, the shard list) and n-*.js
    (the corpus's names by sound key, sharded by the key's first two letters)."""
    aliases = alias_groups(rules) if rules else {}
    names = corpus_names(ordered, aliases)
    shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for key, forms in names.items():
        shards[key[:2]][key] = forms
    files = {f"{FOLDER}/n-{file_key(key)}.js": script("names", key, shard) for key, shard in sorted(shards.items())}
    forms = {f for group in names.values() for f in group} | {w for alts in aliases.values() for a in alts for w in a}
    files[f"{FOLDER}/names.js"] = script("name-index", None, {
        "aliases": aliases, "table": table(forms | set(aliases)), "shards": {k: file_key(k) for k in sorted(shards)}})
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
        url = f"transcripts/{page['id']}/index.html" if file_urls else f"transcripts/{page['id']}/"
        yield f"{FOLDER}/p-{number}.js", url, [anchor[0] for anchor in page["anchors"]]
