"""The judged query set on the real search page, in both editions: one line per query and the figures.

    python -m benchmarks.judged_search [--keep DIR] [--only TEXT]
    python -m benchmarks.judged_search --sources ../shared/sources --set tests/search/judged-sources.yml

Builds the judged corpus (the seeds and tests/fixtures/forms, tests/judged.py) in a scratch
folder, as `make build` and `make offline` would, then runs every query of
tests/search/judged.yml in headless Chromium on the site served over loopback and on the
offline copy from file:// (network blocked), and prints per edition the queries whose
expected first result came first, the recall, and the median time from opening the address
to the last result shown. `make bench` runs it after the scale bench; `make test` asserts
the same targets (tests/test_judged_search.py).

With --sources, the corpus is the seeds (without the form fixtures) plus every file of that folder added as a contributor
adds it (`python -m build_scripts add FILE`, as ../shared/sources/score.py does), so a set
judged on the development set (which stays outside the project) runs the same way.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browsing import CHROMIUM, CHROMIUM_ARGS, serve, stays_on_disk, stays_on_loopback, watched_page  # noqa: E402
from judged import figures, load_queries, make_corpus, run_query  # noqa: E402

from .contributor import add_file  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}


def add_sources(corpus: Path, sources: Path) -> None:
    """Add every raw file of `sources` to `corpus` as a contributor would (names chosen by `add`)."""
    for raw in sorted(p for p in sources.iterdir() if p.suffix in (".txt", ".html") and p.is_file()):
        add_file(raw, corpus)


def build(workdir: Path, sources: Path | None = None) -> tuple[Path, Path]:
    """Generate and build the judged corpus in `workdir`; return (site/, the offline copy's folder)."""
    corpus = make_corpus(workdir / "corpus", forms=sources is None)
    if sources:
        add_sources(corpus, sources)
    (workdir / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme: {{name: material, custom_dir: {ROOT / 'build_scripts' / 'theme'}}}\n"
        f"hooks: [{ROOT / 'build_scripts' / 'site' / 'mkdocs_hooks.py'}]\n", encoding="utf-8")
    steps = [[sys.executable, "-m", "build_scripts", "generate", "--corpus", str(corpus), "--out", str(workdir / "docs")],
             [str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", str(workdir / "mkdocs.yml")],
             [sys.executable, "-m", "build_scripts", "offline", "--config", str(workdir / "mkdocs.yml"),
              "--zip", str(workdir / "offline.zip")]]
    for step in steps:
        result = subprocess.run(step, cwd=ROOT, env=ENV, capture_output=True, text=True)
        if result.returncode not in (0, 1) or (step[-1].endswith("mkdocs.yml") and result.returncode):
            raise SystemExit(f"{' '.join(step)} failed:\n{result.stderr[-3000:]}")
    with zipfile.ZipFile(workdir / "offline.zip") as archive:
        archive.extractall(workdir / "usb")
    return workdir / "site", workdir / "usb" / "lavrov-kazakhstan-archive"


def run_edition(browser, base: str, allowed, queries: list[dict]) -> tuple[list, list[float]]:
    outcomes, times = [], []
    with watched_page(browser, base, allowed) as watched:
        for query in queries:
            start = time.perf_counter()
            outcomes.append(run_query(watched.page, base, query))
            times.append((time.perf_counter() - start) * 1000)
        watched.assert_clean()
    return outcomes, times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it")
    ap.add_argument("--only", help="run only queries whose text contains this")
    ap.add_argument("--set", type=Path, help="the judged set (default: tests/search/judged.yml)")
    ap.add_argument("--sources", type=Path, help="also add every file of this folder to the corpus")
    args = ap.parse_args()
    queries = [q for q in (load_queries(args.set) if args.set else load_queries())
               if not args.only or args.only in str(q.get("q", ""))]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="judged-"))
    if args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    site, offline = build(workdir, args.sources)
    from playwright.sync_api import sync_playwright

    failed = False
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve(site) as base:
            editions = [("served", base, stays_on_loopback), ("offline", offline.as_uri() + "/", stays_on_disk)]
            for name, where, allowed in editions:
                outcomes, times = run_edition(browser, where, allowed, queries)
                print(f"\n## {name}")
                for outcome in outcomes:
                    print(outcome.line())
                print(f"{name}: {figures(outcomes)}; median {statistics.median(times):.0f} ms a query")
                failed |= not all(o.ok for o in outcomes)
        browser.close()
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
