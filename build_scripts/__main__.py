"""Command line: `python -m build_scripts generate | add | import | validate | offline | check-links | review`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import generate
from .contributors import add, fetch, importer, review
from .contributors.explain import explain
from .contributors.validate import validate
from .core.errors import RulesError
from .core.rules import load_rules
from .pipeline.read import discover
from .site import checklinks, offline
from .site.check_site import check_site

ROOT = Path(__file__).resolve().parent.parent
DESCRIPTION = """\
Build the transcript archive: corpus/ -> docs/ -> site/.

  the site       generate     read, clean, extract facts, structure turns, topics, links,
                              render (build_scripts/pipeline/), then the index pages, search
                              index, data files, citations and feeds (build_scripts/site/)
                 (then any engine: mkdocs, properdocs or zensical build)
                 check-site   the built site against docs/: every spoken word on its page
                 check-links  every link and resource of a built site
                 offline      the site for file://, search included, as one zip
  contributors   add          a text, a saved page or an address into corpus/, with a report
                 import       a CSV or JSON Lines export, one transcript per row
                 validate     every corpus file and sidecar, all problems at once
                 review       what the generator made of the transcripts a change touches
                              (build_scripts/contributors/)

`make build` runs generate, the engine and check-site; `make test` runs every test."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 input errors, 2 usage or rules)."""
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    gen = commands.add_parser("generate", help="turn corpus/ into Markdown pages in docs/")
    gen.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    gen.add_argument("--out", type=Path, default=ROOT / "docs", help="output folder (default: docs/)")
    gen.add_argument("--explain", action="store_true",
                     help="list every removed line with its file, line number and rule")
    off = commands.add_parser("offline", help="build the site for file:// and pack it into a zip")
    off.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="MkDocs config (default: mkdocs.yml)")
    off.add_argument("--corpus", type=Path, help="corpus folder (default: corpus/ beside the config)")
    off.add_argument("--zip", type=Path, default=ROOT / "dist" / f"{offline.ARCHIVE_NAME}.zip",
                     help=f"where to write the zip (default: dist/{offline.ARCHIVE_NAME}.zip)")
    links = commands.add_parser("check-links", help="check every internal link and resource of a built site")
    links.add_argument("site", type=Path, nargs="?", default=ROOT / "site", help="built site (default: site/)")
    links.add_argument("--file-urls", action="store_true", help="the site is for file:// (folder links are broken)")
    site = commands.add_parser("check-site", help="check a built site against docs/ after any engine's build: "
                               "every spoken word on its page (and, with --links, every link)")
    site.add_argument("site", type=Path, nargs="?", default=ROOT / "site", help="built site (default: site/)")
    site.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs/ it was built from (default: docs/)")
    site.add_argument("--links", action="store_true", help="also check every internal link and resource")
    site.add_argument("--file-urls", action="store_true", help="the site is for file:// (folder links are broken)")
    new = commands.add_parser("add", help="store a raw transcript in corpus/ and report what the generator finds")
    new.add_argument("file", nargs="?", help="the raw text file (or a saved .html page), or - for standard input")
    new.add_argument("--url", help="fetch the transcript's web page from this address instead of a file")
    new.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    new.add_argument("--accept-profile", action="store_true",
                     help="add the proposed source profile for a new website without asking")
    imp = commands.add_parser("import", help="store each row of a CSV or JSON Lines export as a transcript "
                              "with its sidecar; all rows or none")
    imp.add_argument("file", type=Path, help="the export: .csv (any delimiter, header row) or .jsonl/.ndjson")
    for fieldname in importer.FIELDS:
        imp.add_argument(f"--{fieldname}", metavar="COLUMN",
                         help=f"the column holding the {fieldname} (default: guessed from "
                              f"{', '.join(importer.GUESSES[fieldname])})")
    imp.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    val = commands.add_parser("validate", help="check every corpus file and sidecar; report all problems at once")
    val.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    rev = commands.add_parser("review", help="Markdown summary of the transcripts changed since a git ref")
    rev.add_argument("--base", required=True, help="git ref to compare with, e.g. origin/main")
    rev.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    rev.add_argument("--append", type=Path, help="append to this file (e.g. $GITHUB_STEP_SUMMARY) instead of printing")
    args = parser.parse_args(argv)
    if args.command == "add":
        return run_add(args)
    if args.command == "import":
        return run_import(args)
    if args.command == "validate":
        return run_validate(args.corpus)
    if args.command == "review":
        return run_review(args)
    if args.command == "offline":
        return offline.make(args.config, args.zip, args.corpus or args.config.parent / "corpus")
    if args.command == "check-site":
        return run_check_site(args)
    if args.command == "check-links":
        return check_links(args.site, args.file_urls)
    return run_generate(args)


def check_links(site: Path, file_urls: bool) -> int:
    if not (site / "index.html").is_file():
        print(f"error: no built site at {site} — run `make build` first", file=sys.stderr)
        return 2
    problems = checklinks.check(site, file_urls=file_urls)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {checklinks.count_links(site)} links and resources in {site.name}/: "
          f"{len(problems) or 'no'} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def run_check_site(args: argparse.Namespace) -> int:
    if not (args.site / "index.html").is_file():
        print(f"error: no built site at {args.site} — run `make build` first", file=sys.stderr)
        return 2
    if not (args.docs / "transcripts").is_dir() and not (args.docs / "index.md").is_file():
        print(f"error: no generated pages at {args.docs} — give the docs/ the site was built from with --docs",
              file=sys.stderr)
        return 2
    summary, problems = check_site(args.site, args.docs, links=args.links, file_urls=args.file_urls)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def run_add(args: argparse.Namespace) -> int:
    if (args.file is None) == (args.url is None):
        print("error: give either a file or --url ADDRESS — e.g. `make add FILE=raw.txt` or "
              "`make add URL=https://…`", file=sys.stderr)
        return 2
    suffix, sidecar = ".txt", None
    if args.url:
        try:
            page = fetch.fetch_page(args.url)
        except fetch.FetchError as exc:
            print(f"error: {exc.what}; nothing was stored — {exc.hint}", file=sys.stderr)
            return 1
        raw, name, suffix = page.body, page.url, ".html"
        sidecar = {"source": {"url": page.url, "retrieved": page.retrieved}}
    elif args.file == "-":
        raw, name = sys.stdin.buffer.read(), "standard input"
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"error: no file at {path} — give the path of the raw text, or - for standard input",
                  file=sys.stderr)
            return 2
        raw, name = path.read_bytes(), path.name
        suffix = ".html" if path.suffix.lower() in (".html", ".htm") else ".txt"  # a page saved in the browser
    interactive = args.file != "-" and sys.stdin.isatty()
    try:
        outcome = add.add(raw, name, args.corpus.resolve(), accept_profile=args.accept_profile,
                          confirm=_ask if interactive else None, suffix=suffix, sidecar=sidecar)
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(outcome.lines), file=sys.stdout if outcome.status == 0 else sys.stderr)
    return outcome.status


def run_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"error: no file at {args.file} — give the path of a .csv, .jsonl or .ndjson export", file=sys.stderr)
        return 2
    given = {f: getattr(args, f) for f in importer.FIELDS if getattr(args, f) is not None}
    try:
        outcome = importer.import_export(args.file, args.corpus.resolve(), given, load_rules())
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if outcome.lines:
        print("\n".join(outcome.lines))
    for problem in outcome.problems:
        print(problem, file=sys.stderr)
    if outcome.problems:
        print(f"nothing was imported: {len(outcome.problems)} problem(s) in {args.file.name}", file=sys.stderr)
    return outcome.status


def _ask(proposal: str) -> bool:
    print("This file has lines that look like site chrome from a website the archive does not know yet.\n"
          "Proposed source profile:\n" + proposal)
    return input("Add it to build_scripts/data/source_profiles.yml? [y/N] ").strip().lower() in ("y", "yes")


def run_validate(corpus: Path) -> int:
    if not corpus.is_dir():
        print(f"error: no corpus folder at {corpus}", file=sys.stderr)
        return 2
    try:
        result = validate(corpus, load_rules())
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in result.problems:
        print(problem, file=sys.stderr)
    errors = len(result.errors)
    warnings = len(result.problems) - errors
    print(f"checked {len(discover(corpus))} transcript(s) in "
          f"{corpus.name}/: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0


def run_review(args: argparse.Namespace) -> int:
    corpus = args.corpus.resolve()
    try:
        text = review.review(corpus.parent, corpus, args.base)
    except review.GitError as exc:
        print(f"error: cannot compare {corpus.name}/ with {args.base}: {exc} — fetch the base branch "
              "(actions/checkout with fetch-depth: 0) and pass it as BASE=origin/<branch>", file=sys.stderr)
        return 2
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


def run_generate(args: argparse.Namespace) -> int:
    if not args.corpus.is_dir():
        print(f"error: no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    try:
        result = generate(args.corpus, args.out)
    except RulesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc} — check the folder's "
              f"permissions and free space; the previous pages were left as they were", file=sys.stderr)
        return 2
    if args.explain:
        for t in result.transcripts:
            print("\n".join(explain(t)))
    for problem in result.problems:
        print(problem, file=sys.stderr)
    errors = len(result.errors)
    if result.up_to_date:
        print(f"{args.out.name}/ is up to date: nothing changed since the last run"
              + (f" ({errors} file(s) refused then, listed above)" if errors else ""), file=sys.stderr)
        return 1 if errors else 0
    print(f"generated {len(result.transcripts)} transcript page(s) into {args.out.name}/"
          + (f"; {errors} file(s) refused" if errors else ""), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
