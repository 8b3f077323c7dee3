"""Search latency of two checkouts on one synthetic corpus, runs interleaved: a search change
measured in one go.

    python -m benchmarks.search_ab BASELINE_CHECKOUT [-n 1000] [--runs 7]

BASELINE_CHECKOUT is another working tree of this repository with its own `.venv` (for example
`git worktree add ../base <commit>`). Each checkout generates and builds the same corpus; then
each round opens the search page of one and then the other (the other first in the next round),
served over loopback, in a fresh Chromium context, and times load → first result as `make bench`
does, so a machine that slows down weighs on both alike. Prints each round, the medians and
their ratio, per query.
"""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from benchmarks.ab import arguments, summary
from benchmarks.bench import search_latency
from benchmarks.synth import synthesise
QUERIES = ("Baikonur", '"Eurasian integration"')


def build(checkout: Path, corpus: Path, work: Path) -> Path:
    """Generate and build `corpus` with `checkout`; return its site folder."""
    work.mkdir(parents=True)
    hooks = next(checkout.glob("build_scripts/**/mkdocs_hooks.py"))  # the file has moved over time
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {checkout / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme: {{name: material, custom_dir: {checkout / 'build_scripts' / 'theme'}}}\n"
        f"hooks: [{hooks}]\n", encoding="utf-8")
    bin_ = checkout / ".venv" / "bin"
    subprocess.run([str(bin_ / "python"), "-m", "build_scripts", "generate", "--corpus", str(corpus),
                    "--out", str(work / "docs")], cwd=checkout, check=True, capture_output=True)
    built = subprocess.run([str(bin_ / "mkdocs"), "build", "-q", "-f", str(work / "mkdocs.yml")], cwd=work,
                           capture_output=True, text=True,
                           env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(bin_) + ":/usr/bin:/bin"})
    if built.returncode:
        raise SystemExit(f"{checkout}: mkdocs build failed:\n{built.stderr[-2000:]}")
    return work / "site"


def main() -> int:
    args, checkouts = arguments(__doc__, runs=7)
    with tempfile.TemporaryDirectory(prefix="search-ab-") as tmp:
        corpus = Path(tmp) / "corpus"
        synthesise(args.n, corpus)
        sites = {name: build(checkout, corpus, Path(tmp) / name) for name, checkout in checkouts.items()}
        for query in QUERIES:
            times: dict[str, list[float]] = {name: [] for name in checkouts}
            for round_ in range(1, args.runs + 1):
                order = list(sites.items())  # each goes first every other round: no edge from the order
                for name, site in order if round_ % 2 else order[::-1]:
                    times[name].append(search_latency(site, query, runs=1)[0])
                print(f"{query} round {round_}: " + ", ".join(f"{name} {t[-1]:.0f} ms" for name, t in times.items()),
                      flush=True)
            print(summary(f"{query}: ", args, times, "ms"), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
