"""The generator, start to finish: read every transcript, then write every page.

    discover -> read -> clean -> extract metadata -> structure turns -> topics   (per file)
    -> check ids across the corpus -> link transcripts (references, time order, related)
    -> render transcript pages (with their citations) and the index pages, search index,
       feeds and data files -> swap into docs/

docs/ is complete by itself: links resolved for the site's addresses (core/urls.py), so
any engine (MkDocs, ProperDocs, Zensical) builds the same site from it.

A file with an error is reported as `path:line: what — how to fix` and left out;
the others still build. Pages stream into a staging folder and are swapped in
whole (`write.StagedTree`), so a failed run never leaves a half-written docs/.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

from .contributors.duplicates import mark_copies
from .core.errors import Problem, TranscriptError
from .core.history import SHALLOW, added_dates, changed_dates, is_shallow, transcript_dates
from .core.incremental import MANIFEST, inputs_key, record, up_to_date
from .core.model import Transcript
from .core.paths import STATIC_PAGES
from .core.progress import Progress
from .core.rules import Rules, load_rules
from .core.site_config import SiteConfig, current, load_site_config, using
from .core.urls import transcript_page
from .core.write import StagedTree
from .pipeline.clean import clean_transcript
from .pipeline.links import link_transcripts
from .pipeline.metadata import extract_metadata
from .pipeline.read import discover, orphan_sidecars, read_transcript
from .pipeline.render import render_page
from .pipeline.structure import structure_turns
from .pipeline.topics import assign_topics
from .pipeline.translations import pair_translations
from .site.export import Export
from .site.indexes import render_indexes
from .site.integrity import words_lost
from .site.offline import ARCHIVE_NAME
from .site.side_by_side import render_side_by_side
from .site.transcript_tools import transcript_tools


@dataclass
class Result:
    """What a generate run produced: the transcripts it built and every problem found."""

    transcripts: list[Transcript] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    up_to_date: bool = False  # generate found docs/ already made from the same inputs

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def load_transcript(path: Path, root: Path, rules: Rules) -> Transcript:
    """Return one transcript carried through every per-file stage."""
    t = read_transcript(path, root)
    t = clean_transcript(t, rules)
    t = extract_metadata(t, rules)
    t = structure_turns(t, rules)
    return assign_topics(t, rules)


def load_corpus(corpus_dir: Path, rules: Rules) -> Result:
    """Return every transcript that builds, and the problems of those that do not."""
    result = Result()
    root = corpus_dir.parent
    paths = list(discover(corpus_dir))
    progress = Progress("transcripts read", len(paths))
    for path in paths:
        progress.step()
        try:
            t = load_transcript(path, root, rules)
        except TranscriptError as exc:
            result.problems.append(exc.problem)
            continue
        except Exception as exc:  # a bug, not bad input: refuse this file, say so, keep going
            result.problems.append(Problem(
                path.relative_to(root).as_posix(), None,
                f"internal error while building this file ({type(exc).__name__}: {exc})",
                "please report it as a bug and attach the file"))
            continue
        result.transcripts.append(t)
        result.problems.extend(t.problems)
    progress.finish()
    for sidecar in orphan_sidecars(corpus_dir):
        result.problems.append(Problem(sidecar.relative_to(root).as_posix(), None,
                                       "sidecar has no transcript beside it",
                                       f"name it after its transcript ({sidecar.stem}.txt) or delete it"))
    seen: dict[str, Transcript] = {}
    for t in list(result.transcripts):
        if t.id in seen:
            result.problems.append(Problem(t.corpus_file, None, f"id {t.id!r} is already used by "
                                           f"{seen[t.id].corpus_file}", "rename one of the two files"))
            result.transcripts.remove(t)
        else:
            seen[t.id] = t
    # The copy is the one that entered the corpus later; of two that entered together, the
    # transcript from a saved page is the original (the publisher's own bytes), not a copied text.
    added = added_dates(root, corpus_dir)
    result.problems.extend(mark_copies(result.transcripts,
                                       key=lambda t: (added.get(t.corpus_file, "~"), t.form != "html")))
    result.problems.extend(pair_translations(result.transcripts))
    return result


def render_pages(transcripts: list[Transcript], rules: Rules,
                 added: dict[str, str] | None = None) -> Iterator[tuple[str, str | Iterator[bytes]]]:
    """Yield every generated page as (path under docs/, Markdown), transcript pages first, each
    followed by its data files; then the index pages, and the compressed data files of the whole
    archive (each of those as an iterator of pieces of bytes: read each to its end before the next)."""
    listed = [t for t in transcripts if t.copy_of is None]  # a copy has its page, listed nowhere
    # an original with its translation is one event: listed once, by the page in the site's language
    events = [t for t in listed if t.translation is None]
    links = link_transcripts(events, rules)
    progress = Progress("pages rendered", len(transcripts))
    export = Export()
    by_id = {t.id: t for t in transcripts}
    for t in transcripts:
        yield transcript_page(t.id), render_page(t, links.pop(t.id, None), transcript_tools)
        yield from export.transcript_files(t)
        if t.translation_of is not None:
            yield render_side_by_side(by_id[t.translation_of.id], t)
        progress.step()
    progress.finish()
    yield from render_indexes(events, rules, added or {}, searchable=listed).items()
    yield from export.corpus_files(listed)


def render_site(transcripts: list[Transcript], rules: Rules,
                added: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """Return every generated page, keyed by its path under docs/ (the compressed data files as bytes)."""
    return {name: text if isinstance(text, str) else b"".join(text)
            for name, text in render_pages(transcripts, rules, added)}


def checked_pages(transcripts: list[Transcript], rules: Rules, added: dict[str, str],
                  problems: list[Problem]) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """Yield every page as (path under docs/, UTF-8 bytes to write), each transcript page checked as
    it is rendered to show every word of its text (a page that does not is reported in `problems`)."""
    by_page = {transcript_page(t.id): t for t in transcripts}
    for name, text in render_pages(transcripts, rules, added):
        if isinstance(text, str):
            if name in by_page and (lost := words_lost(by_page[name], text)):
                problems.append(lost)
            yield name, text.encode("utf-8")
        else:
            yield name, text


OFFLINE_DOWNLOAD = b"<!-- offline-download -->"


def static_pages() -> Iterator[tuple[str, bytes]]:
    """Yield the hand-written pages and assets that are copied into docs/ as they are, but for
    the About page's pointer to the offline copy: the latest release's zip when the repository
    is known."""
    repository = current().repository
    where = (f"[download it from the latest release]({repository}/releases/latest/download/"
             f"{ARCHIVE_NAME}.zip)" if repository
             else "build it from the repository with `make offline`").encode("utf-8")
    for path in sorted(STATIC_PAGES.rglob("*")):
        if path.is_file():
            yield path.relative_to(STATIC_PAGES).as_posix(), path.read_bytes().replace(OFFLINE_DOWNLOAD, where)


def generate(corpus_dir: Path, out_dir: Path, rules: Rules | None = None, site: SiteConfig | None = None) -> Result:
    """Build every page from `corpus_dir` into `out_dir` for `site` (default: as mkdocs.yml and the
    environment set it); return what was built and found."""
    site = site or load_site_config()
    with using(site):
        return _generate(corpus_dir, out_dir, rules, site)


def _generate(corpus_dir: Path, out_dir: Path, rules: Rules | None, site: SiteConfig) -> Result:
    added = added_dates(corpus_dir.parent, corpus_dir)
    changed = changed_dates(corpus_dir.parent, corpus_dir)
    key = inputs_key(corpus_dir, {"added": added, "changed": changed, "site": site.key()})
    previous = up_to_date(out_dir, key)
    if previous is not None:  # nothing changed since the last run: docs/ is already right
        return Result(problems=previous, up_to_date=True)
    rules = rules or load_rules()
    result = load_corpus(corpus_dir, rules)
    if is_shallow(corpus_dir.parent):
        result.problems.append(Problem(corpus_dir.name, None, *SHALLOW, severity="warning"))
    for t in result.transcripts:
        t.added, t.changed = transcript_dates(t, added, changed)
    lost: list[Problem] = []
    with StagedTree(out_dir) as tree:
        for name, data in chain(static_pages(), checked_pages(result.transcripts, rules, added, lost)):
            tree.write(name, data)
        if lost:  # never publish a page with a gap: leave docs/ as it was
            result.problems.extend(lost)
            return result
        tree.commit(ignore=MANIFEST)
    record(out_dir, key, result.problems)
    return result
