"""`generate` of two checkouts on one synthetic corpus, runs interleaved: a speed change measured in one go.

    python -m benchmarks.generate_ab BASELINE_CHECKOUT [-n 1000] [--runs 5]

BASELINE_CHECKOUT is another working tree of this repository with its own `.venv` (for example
`git worktree add ../base <commit>` then `make -C ../base generate`). Each round runs the baseline's
`generate` and then this checkout's, each on a fresh output folder, so a machine that slows down or
speeds up during the run weighs on both alike. Prints each run, the medians and their ratio.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.ab import arguments, summary
from benchmarks.synth import synthesise


def timed_generate(checkout: Path, corpus: Path, out: Path) -> float:
    """Seconds one `python -m build_scripts generate` of `checkout` takes on `corpus`."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([str(checkout / ".venv" / "bin" / "python"), "-m", "build_scripts", "generate",
                    "--corpus", str(corpus), "--out", str(out)], cwd=checkout, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    args, checkouts = arguments(__doc__, runs=5)
    with tempfile.TemporaryDirectory(prefix="generate-ab-") as tmp:
        corpus = Path(tmp) / "corpus"
        synthesise(args.n, corpus)
        times: dict[str, list[float]] = {name: [] for name in checkouts}
        for round_ in range(1, args.runs + 1):
            for name, checkout in checkouts.items():
                times[name].append(timed_generate(checkout, corpus, Path(tmp) / "out"))
            print(f"round {round_}: " + ", ".join(f"{name} {t[-1]:.2f} s" for name, t in times.items()))
    print(summary("", args, times, "s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
