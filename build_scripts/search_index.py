"""The site's search index: Pagefind on the web, a prebuilt script index offline.

Why two back ends with one search page (`build_scripts/theme/search.html`):

* On the web, Pagefind (the `pagefind` package from PyPI, a Rust binary) splits
  the index into small chunks, so the first query downloads a few hundred
  kilobytes whatever the size of the archive; Material's own search loads the
  whole index and builds it in the browser (6 s and 18.7 MB at 1,000
  transcripts, see BENCHMARKS.md).
* From `file://` a browser refuses `fetch`, ES modules and WebAssembly, which
  Pagefind needs. The offline copy therefore gets the same content as plain
  `<script>` files: a term dictionary sharded by the first two letters, a page
  table, and one text file per page for excerpts. The browser loads only the
  shards of the words typed and the texts of the results shown.

Both are made from what Pagefind extracted from the built HTML (its fragments),
so both editions index exactly the same words: the transcript text inside
`data-pagefind-body`, without the elements matched by EXCLUDE.
"""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

# Apparatus around the spoken text: the metadata panel, the earlier/later links,
# "In the archive", provenance notes and the ¶ permalinks.
EXCLUDE = ("[data-search-exclude]", ".headerlink")
BUNDLE = "pagefind"            # the web edition's index folder, under site/
OFFLINE_BUNDLE = "search"      # the offline edition's index folder, under site/
FRAGMENT_SIGNATURE = b"pagefind_dcd"
FACETS = ("year", "event", "topic")
TRANSCRIPTS_GLOB = "transcripts/**/*.html"  # transcripts/<id>/index.html on the web, transcripts/<id>.html offline
TOPIC_SEPARATOR = "; "         # main.html joins a page's topics with it
WORD = re.compile(r"[^\W_]+")


class SearchIndexError(Exception):
    """Pagefind failed, or is not installed; the message says what to do."""


def run_pagefind(site: Path, output: Path | None = None) -> None:
    """Index the built site with Pagefind (into site/pagefind/, or `output`)."""
    # Only transcript pages carry data-pagefind-body; the glob spares Pagefind reading the rest.
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent", "--glob", TRANSCRIPTS_GLOB]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    if output is not None:
        command += ["--output-path", str(output)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"could not run Pagefind ({error}) — run `make build`, which installs it "
                               "from requirements.txt") from error
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexError("Pagefind could not index the site: " + " / ".join(detail)
                               + " — run `make build` to reinstall it from requirements.txt")


def read_fragments(bundle: Path) -> list[dict]:
    """Pagefind's record of every indexed page (url, content, anchors, meta), oldest first (undated first)."""
    records = []
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(FRAGMENT_SIGNATURE):
            raise SearchIndexError(f"{path}: not a Pagefind fragment — is the pinned pagefind version installed?")
        record = json.loads(data[len(FRAGMENT_SIGNATURE):])
        record["id"] = path.stem  # what Pagefind's search results call the page
        records.append(record)
    return sorted(records, key=lambda r: (r.get("meta", {}).get("day") or "", r["url"]))


def words(text: str) -> list[str]:
    """The index's words: lower case, accents dropped. `search.js` (`tokens`) does the same."""
    folded = unicodedata.normalize("NFKD", text.lower())
    return WORD.findall("".join(c for c in folded if not unicodedata.category(c).startswith("M")))


def shard_key(term: str) -> str:
    return term[:2]


def page_facets(record: dict) -> dict[str, list[str]]:
    """A page's year, kind of event and topics, from the metadata main.html gives Pagefind."""
    meta = record.get("meta", {})
    return {"year": [meta.get("year") or "Undated"], "event": [meta.get("event") or "Unknown"],
            "topic": [t for t in (meta.get("topics") or "").split(TOPIC_SEPARATOR) if t]}


def write_facets(folder: Path, records: list[dict], keys: list) -> None:
    """facets.js: the filter values, and for each page (oldest first) its key and value numbers.

    Compact on purpose: the web edition loads it with the first query (about 35 bytes a page)."""
    values: dict[str, list[str]] = {name: sorted({v for r in records for v in page_facets(r)[name]})
                                    for name in FACETS}
    number = {name: {v: i for i, v in enumerate(values[name])} for name in FACETS}
    rows = []
    for key, record in zip(keys, records):
        facets = page_facets(record)
        rows.append([key, *[[number[name][v] for v in facets[name]] for name in FACETS]])
    _write_script(folder / "facets.js", "facets", None, {"names": list(FACETS), "values": values, "pages": rows})


def write_web_facets(site: Path) -> None:
    """The web edition's filters: Pagefind's page ids with their facets, in site/search/facets.js."""
    records = read_fragments(site / BUNDLE)
    folder = site / OFFLINE_BUNDLE
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    write_facets(folder, records, [r["id"] for r in records])


def write_offline_index(site: Path, records: list[dict]) -> None:
    """site/search/: facets.js, index.js (page lengths, shard list), t-*.js (term shards), p-*.js (page texts)."""
    folder = site / OFFLINE_BUNDLE
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    lengths, shards = [], defaultdict(dict)
    for number, record in enumerate(records):
        content = record["content"]
        counts: dict[str, int] = defaultdict(int)
        for word in words(content):
            counts[word] += 1
        for term, count in counts.items():
            shards[shard_key(term)].setdefault(term, []).extend((number, count))
        lengths.append(record.get("word_count", 0))
        anchors = [[a["id"], a["text"], a["location"]] for a in record.get("anchors", [])
                   if a["element"] in ("h2", "h3") and a.get("id")]
        _write_script(folder / f"p-{number}.js", "page", number,
                      {"url": record["url"].lstrip("/"), "meta": record.get("meta", {}),
                       "content": content, "anchors": anchors})
    write_facets(folder, records, list(range(len(records))))
    keys = sorted(shards)
    for key in keys:
        terms = sorted(shards[key])
        _write_script(folder / f"t-{_file_key(key)}.js", "shard", key,
                      {"terms": terms, "postings": [shards[key][t] for t in terms]})
    _write_script(folder / "index.js", "index", None,
                  {"words": lengths, "shards": {k: _file_key(k) for k in keys},
                   "average_words": round(sum(lengths) / max(len(lengths), 1), 1)})


def _file_key(key: str) -> str:
    """A file name for a shard key that is safe on every file system (hex of its UTF-8 bytes)."""
    return key.encode("utf-8").hex()


def _write_script(path: Path, kind: str, key, payload) -> None:
    """`ArchiveSearchData("kind", key, {...})`: JSON inside a call, safe to load with <script>."""
    body = json.dumps(payload, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    body = body.replace("</", "<\\/")  # never closes a script element
    path.write_text(f"ArchiveSearchData({json.dumps(kind)},{json.dumps(key)},{body});\n", encoding="utf-8")


def build_offline_index(site: Path) -> None:
    """Index the offline site with Pagefind, turn its fragments into script files, keep no Pagefind bundle."""
    with tempfile.TemporaryDirectory(prefix="archive-search-") as scratch:
        bundle = Path(scratch) / BUNDLE
        run_pagefind(site, bundle)
        write_offline_index(site, read_fragments(bundle))



def indexed_pages(site: Path):
    """(index file, page url relative to the site, section anchors) for every page a built index offers."""
    if (site / BUNDLE / "fragment").is_dir():
        for record in read_fragments(site / BUNDLE):
            yield (f"{BUNDLE}/fragment/{record['id']}.pf_fragment", record["url"].lstrip("/"),
                   [a["id"] for a in record.get("anchors", []) if a["element"] in ("h2", "h3") and a.get("id")])
    elif (site / OFFLINE_BUNDLE / "index.js").is_file():
        for number in range(len(_read_script(site / OFFLINE_BUNDLE / "index.js")["words"])):
            page = _read_script(site / OFFLINE_BUNDLE / f"p-{number}.js")
            yield f"{OFFLINE_BUNDLE}/p-{number}.js", page["url"], [anchor[0] for anchor in page["anchors"]]


def _read_script(path: Path):
    """The payload of a file written by _write_script."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",", text.index(",") + 1) + 1  # after ArchiveSearchData("kind",key,
    return json.loads(text[start:text.rindex(");")])
