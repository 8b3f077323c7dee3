"""Measure the topics assigned to real Russian transcripts against a reader's table.

    python -m benchmarks.topics_table ../shared/sources [--table benchmarks/tables/topics-ru.yml]

The table (written after reading the texts, which stay outside the project) gives each file the
topics a reader would assign (`expected`) and those that are arguable (`acceptable`). Each file is
added to a scratch corpus as a contributor would (`add`), the corpus is read, and each file's
assigned topics are compared: an expected topic missing is *missed*, a topic neither expected nor
acceptable is *wrong*. Where the folder has pairs/pairs.yml, each original's topics are also
compared with its English translation's. Prints one line per file and the totals.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.build import load_corpus  # noqa: E402
from build_scripts.core.rules import load_rules  # noqa: E402

from .contributor import add_file  # noqa: E402

TABLE = ROOT / "benchmarks" / "tables" / "topics-ru.yml"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sources", type=Path, help="the folder the table's file names are relative to")
    ap.add_argument("--table", type=Path, default=TABLE)
    args = ap.parse_args()
    table = yaml.safe_load(args.table.read_text(encoding="utf-8"))["files"]
    pairs_file = args.sources / "pairs" / "pairs.yml"
    pairs = yaml.safe_load(pairs_file.read_text(encoding="utf-8"))["pairs"] if pairs_file.exists() else []
    translations = {f"pairs/{p['ru']}": f"pairs/{p['en']}" for p in pairs}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        made = {name: add_file(args.sources / name, corpus) for name in [*table, *translations.values()]}
        by_id = {t.id: t for t in load_corpus(corpus, load_rules()).transcripts}
    expected_total = found_total = wrong_total = assigned_total = 0
    for name, row in table.items():
        t = by_id.get(made[name] or "")
        if t is None:
            print(f"{name[:3]} NOT ADDED")
            expected_total += len(row["expected"])
            continue
        assigned = [m.slug for m in t.assigned_topics()]
        expected, fine = set(row["expected"]), set(row["expected"]) | set(row.get("acceptable") or [])
        missed = sorted(expected - set(assigned))
        wrong = sorted(set(assigned) - fine)
        expected_total += len(expected)
        found_total += len(expected) - len(missed)
        wrong_total += len(wrong)
        assigned_total += len(assigned)
        line = f"{name[:9]:9} assigned {', '.join(assigned) or '-'}"
        line += f"; missed {', '.join(missed)}" if missed else ""
        line += f"; WRONG {', '.join(wrong)}" if wrong else ""
        if name in translations and (en := by_id.get(made[translations[name]] or "")) is not None:
            other = [m.slug for m in en.assigned_topics()]
            line += "; its translation the same" if set(other) == set(assigned) else f"; its translation {', '.join(other) or '-'}"
        print(line)
    print(f"{len(table)} files: expected topics assigned {found_total}/{expected_total}, "
          f"wrong topics {wrong_total} of {assigned_total} assigned")
    return 0


if __name__ == "__main__":
    sys.exit(main())
