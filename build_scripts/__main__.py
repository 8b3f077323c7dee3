"""Command line: `python -m build_scripts generate [--explain]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import generate
from .errors import RulesError
from .explain import explain

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 input errors, 2 usage or rules)."""
    parser = argparse.ArgumentParser(prog="python -m build_scripts",
                                     description="Build the transcript archive's pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="turn corpus/ into Markdown pages in docs/")
    gen.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    gen.add_argument("--out", type=Path, default=ROOT / "docs", help="output folder (default: docs/)")
    gen.add_argument("--explain", action="store_true",
                     help="list every removed line with its file, line number and rule")
    args = parser.parse_args(argv)
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
    print(f"generated {len(result.transcripts)} transcript page(s) into {args.out.name}/"
          + (f"; {errors} file(s) refused" if errors else ""), file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
