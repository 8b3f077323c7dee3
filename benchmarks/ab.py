"""What the A/B scripts (generate_ab, search_ab) share: two checkouts, one synthetic corpus,
rounds interleaved, and the medians and their ratio."""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def arguments(doc: str, runs: int) -> tuple[argparse.Namespace, dict[str, Path]]:
    """Parse `BASELINE_CHECKOUT [-n N] [--runs R]`; return the arguments and {"baseline", "this"} checkouts."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("baseline", type=Path, help="the other checkout (with its .venv)")
    parser.add_argument("-n", type=int, default=1000, help="synthetic transcripts (default 1000)")
    parser.add_argument("--runs", type=int, default=runs, help=f"rounds (default {runs})")
    args = parser.parse_args()
    return args, {"baseline": args.baseline.resolve(), "this": HERE}


def summary(what: str, args: argparse.Namespace, times: dict[str, list[float]], unit: str, scale: float = 1) -> str:
    """"WHAT: N transcripts, R rounds: median baseline … (its folder), this …, × ratio"."""
    medians = {name: statistics.median(t) for name, t in times.items()}
    fmt = ".2f" if unit == "s" else ".0f"
    return (f"{what}{args.n} transcripts, {args.runs} rounds: median baseline "
            f"{medians['baseline'] * scale:{fmt}} {unit} ({args.baseline.resolve().name}), "
            f"this {medians['this'] * scale:{fmt}} {unit}, × {medians['this'] / medians['baseline']:.3f}")
