"""Measure the side-by-side alignment on real pairs: every marked sentence pair must land in one row.

    python -m benchmarks.align_pairs ../shared/sources/pairs

Adds each file of the folder to a scratch corpus as a contributor would (`add`), builds the corpus,
checks that each pair of pairs.yml is paired (translations.py), aligns it (align.py), and prints,
per pair, where each of its marked sentence pairs landed: the same row, or which rows.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.build import load_corpus  # noqa: E402
from build_scripts.core.rules import load_rules  # noqa: E402
from build_scripts.pipeline.align import align  # noqa: E402

from .contributor import add_file  # noqa: E402


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def rows_of(rows, side: str, sentence: str) -> list[int]:
    """The rows holding the start and the end of `sentence` on `side` (one row when aligned)."""
    sentence = squeeze(sentence)
    found = set()
    for snippet in (sentence[:25], sentence[-25:]):
        for k, row in enumerate(rows):
            if any(snippet in squeeze(unit.text) for unit in getattr(row, side)):
                found.add(k)
    return sorted(found)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a folder with pairs.yml and the files it names")
    args = ap.parse_args()
    spec = yaml.safe_load((args.folder / "pairs.yml").read_text(encoding="utf-8"))["pairs"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        made = {}
        for pair in spec:
            for lang in ("ru", "en"):
                made[pair[lang]] = add_file(args.folder / pair[lang], corpus)
        by_id = {t.id: t for t in load_corpus(corpus, load_rules()).transcripts}
    paired = same = total = 0
    for pair in spec:
        ru, en = by_id.get(made[pair["ru"]]), by_id.get(made[pair["en"]])
        ok = ru is not None and en is not None and en.translation_of is not None and en.translation_of.id == ru.id
        paired += ok
        print(f"{pair['ru'][:3]} paired: {'yes' if ok else 'NO'}" + (f" ({en.translation_of.source})" if ok else ""))
        if not ok:
            continue
        rows = align(ru, en)
        uncertain = sum(r.uncertain for r in rows)
        print(f"    {len(rows)} rows, {uncertain} uncertain")
        for a_ru, a_en in pair["anchors"]:
            total += 1
            r, e = rows_of(rows, "original", a_ru), rows_of(rows, "translation", a_en)
            hit = len(r) == 1 and r == e
            same += hit
            print(f"    {'same row' if hit else 'DIFFERENT'}: ru rows {r}, en rows {e}: {squeeze(a_en)[:60]}")
    print(f"{len(spec)} pairs: {paired} paired; marked sentence pairs in the same row: {same}/{total}")
    return 0 if paired == len(spec) and same == total else 1


if __name__ == "__main__":
    sys.exit(main())
