"""`make bench N=1000`: the archive at scale, measured against stock MkDocs + Material in the same run.

Synthesises N transcripts (benchmarks/synth.py) into a scratch folder, then measures:
generate (median of RUNS), the full build (generate + `mkdocs build --strict`), the
stock baseline (MkDocs + Material with its built-in search, transcripts out of the nav,
on the same generated Markdown), peak memory, site size, largest page, the search
payload, and search latency in headless Chromium (page load to first result). Prints
one table and appends it, with date, commit and machine, to BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import socket
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = Path(sys.executable).parent
from build_scripts.site.offline import ARCHIVE_NAME  # noqa: E402
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
STOCK_CONFIG = """site_name: Stock baseline
docs_dir: docs
site_dir: site-stock
theme: {name: material, font: false}
plugins: [search]
markdown_extensions: [attr_list, tables, toc]
nav:
  - Home: index.md
not_in_nav: |
  /transcripts/
  /topics/
  /*.md
"""


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Run `cmd`; return (seconds, peak resident memory in MB of that process)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # generate exits 1 when it refuses files
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr[-2000:]}")
    return seconds, usage.ru_maxrss // 1024


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def first_result(page, url: str, query: str, ours: bool) -> float:
    """ms from the search page's load event to the first result on screen, typing `query` then
    (a query starting with "?" is an address: the search page opened with it, as a link is)."""
    if ours and query.startswith("?"):
        start = time.perf_counter()
        page.goto(url + query, wait_until="commit")
        page.locator(".archive-result__title").first.wait_for(state="visible", timeout=120_000)
        return (time.perf_counter() - start) * 1000
    page.goto(url, wait_until="load")
    loaded = time.perf_counter()
    if ours:
        page.fill("#archive-search-query", query)
        page.press("#archive-search-query", "Enter")
        page.locator(".archive-result__title").first.wait_for(state="visible", timeout=120_000)
    else:
        page.fill("input.md-search__input", query)
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=120_000)
    return (time.perf_counter() - loaded) * 1000


def static_server(site: Path):
    """`python -m http.server` in its own process (a static host; not competing with the browser driver)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                               "--directory", str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}/"


def search_latency(site: Path, query: str, ours: bool = True, offline: bool = False,
                   runs: int = 3) -> tuple[float, int]:
    """(median ms from page load to the first search result, bytes the search page fetched for it) in Chromium.

    Each run is a fresh browser context (nothing cached). Served over loopback, or
    (offline) opened from file:// with every http(s) request refused."""
    from playwright.sync_api import sync_playwright

    server, base = (None, site.as_uri() + "/") if offline else static_server(site)
    url = base + ("search.html" if ours else "")
    latencies, transferred = [], 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for run in range(runs):
                context = browser.new_context()
                if offline:
                    context.route("http*://**/*", lambda route: route.abort())
                page = context.new_page()
                sizes: list[int] = []

                def record(response, sizes=sizes) -> None:
                    if any(part in response.url for part in ("/search/", "search.js", "search-words.js", "search_index")):
                        path = Path(response.url.split("?")[0].removeprefix("file://"))
                        try:
                            sizes.append(len(response.body()))
                        except Exception:  # Playwright gives no body for some file:// responses
                            sizes.append(path.stat().st_size if path.is_file() else 0)
                page.on("response", record)
                latencies.append(first_result(page, url, query, ours))
                page.wait_for_timeout(300)  # let the responses of the first result be recorded
                if run == 0:
                    transferred = sum(sizes)
                context.close()
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    return statistics.median(latencies), transferred


FILTERED = "?q=integration&speaker=Sergey+Lavrov&from=2015&to=2019-06"  # a linked search with filters
PAGE_OVERHEAD_BUDGET = 40_000  # bytes: the theme's chrome (~15 KB) and a transcript's apparatus (panel, related, provenance)


def page_overhead(site: Path, corpus: Path) -> tuple[int, str]:
    """The largest HTML − 3 × text over the transcript pages, and that page.

    The issue's target is HTML < 3 × text + a fixed overhead whatever the size of the
    corpus: this is the overhead the pages actually need, to compare with the budget
    and across corpus sizes."""
    worst, where = -10**9, ""
    for raw in corpus.glob("*.txt"):
        html = site / "transcripts" / raw.stem / "index.html"
        if html.is_file():
            over = html.stat().st_size - 3 * raw.stat().st_size
            if over > worst:
                worst, where = over, html.relative_to(site).as_posix()
    return worst, where


def git_commit() -> str:
    """The commit measured, "+dirty" when tracked files differ from it (BENCHMARKS.md aside: a
    run before this one in the same go appends to it)."""
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "--",
                            ".", ":!BENCHMARKS.md"], capture_output=True, text=True).stdout
    return out.stdout.strip() + ("+dirty" if dirty.strip() else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="number of transcripts (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per timing; the median is reported")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    from benchmarks.synth import synthesise

    work = args.keep or Path(tempfile.mkdtemp(prefix=f"bench-{args.n}-"))
    shutil.rmtree(work / "corpus", ignore_errors=True)
    print(f"synthesising {args.n} transcripts into {work}/corpus …", flush=True)
    paths = synthesise(args.n, work / "corpus")
    raw_mb = sum(p.stat().st_size for p in paths) / 1e6
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme: {{name: material, custom_dir: {ROOT / 'build_scripts' / 'theme'}}}\n"
        f"hooks: [{ROOT / 'build_scripts' / 'site' / 'mkdocs_hooks.py'}]\n", encoding="utf-8")
    (work / "stock.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    generate = [sys.executable, "-m", "build_scripts", "generate", "--corpus", str(work / "corpus"),
                "--out", str(work / "docs")]
    ours = [str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", str(work / "mkdocs.yml")]
    stock = [str(BIN / "mkdocs"), "build", "-q", "-f", str(work / "stock.yml")]
    gen_t, build_t, stock_t, gen_peak, build_peak, stock_peak = [], [], [], 0, 0, 0
    for run in range(args.runs):
        shutil.rmtree(work / "docs", ignore_errors=True)
        print(f"run {run + 1}/{args.runs}: generate …", flush=True)
        seconds, mb = timed(generate, ROOT)
        gen_t.append(seconds)
        gen_peak = max(gen_peak, mb)
        print(f"run {run + 1}/{args.runs}: mkdocs build --strict …", flush=True)
        seconds, mb = timed(ours, work)
        build_t.append(seconds)
        build_peak = max(build_peak, mb)
        print(f"run {run + 1}/{args.runs}: stock baseline …", flush=True)
        seconds, mb = timed(stock, work)
        stock_t.append(seconds)
        stock_peak = max(stock_peak, mb)
    unchanged = timed(generate, ROOT)[0]
    site, stock_site = work / "site", work / "site-stock"
    print("offline edition …", flush=True)  # as `make offline` makes it: its own docs/ with file addresses
    timed([sys.executable, "-m", "build_scripts", "offline", "--config", str(work / "mkdocs.yml"),
           "--zip", str(work / "offline.zip")], ROOT)
    shutil.rmtree(work / "offline-copy", ignore_errors=True)
    with zipfile.ZipFile(work / "offline.zip") as archive:
        archive.extractall(work / "offline-copy")
    offline_site = work / "offline-copy" / ARCHIVE_NAME
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    index_bytes = tree_size(site / "search")
    shards = sorted((site / "search").glob("t-*.js"), key=lambda p: p.stat().st_size)
    print("search latency in Chromium …", flush=True)
    latency, transferred = search_latency(site, "Baikonur")
    offline_latency, offline_read = search_latency(offline_site, "Baikonur", offline=True)
    phrase_latency, phrase_bytes = search_latency(site, '"Eurasian integration"')
    filtered_latency, filtered_bytes = search_latency(site, FILTERED)
    offline_phrase = search_latency(offline_site, '"Eurasian integration"', offline=True)[0]
    offline_filtered = search_latency(offline_site, FILTERED, offline=True)[0]
    try:  # Material's search builds its whole index in the browser: at 10,000 that can take minutes
        stock_latency = f"{search_latency(stock_site, 'Baikonur', ours=False, runs=1)[0]:.0f} ms"
    except Exception as error:  # a Playwright timeout
        stock_latency = f"no result within 120 s ({type(error).__name__})"
    overhead, overhead_page = page_overhead(site, work / "corpus")
    g, b, s = (statistics.median(x) for x in (gen_t, build_t, stock_t))
    rows = [
        ("transcripts", f"{args.n:,} ({raw_mb:.1f} MB raw)", ""),
        ("generate (median)", f"{g:.2f} s", f"{raw_mb / g:.1f} MB/s (target ≥ 20)"),
        ("generate, nothing changed", f"{unchanged:.2f} s", "target < 0.5 s"),
        ("mkdocs build --strict (median)", f"{b:.2f} s", ""),
        ("full build: generate + build", f"{g + b:.2f} s", f"× {(g + b) / s:.2f} of stock (target ≤ 1.25)"),
        ("stock MkDocs + Material (median)", f"{s:.2f} s", "same Markdown, transcripts out of the nav"),
        ("peak memory", f"{max(gen_peak, build_peak)} MB",
         f"generate {gen_peak} MB, mkdocs build {build_peak} MB; target < 2,048 MB; stock {stock_peak} MB"),
        ("site size", f"{tree_size(site) / 1e6:.1f} MB", f"stock {tree_size(stock_site) / 1e6:.1f} MB"),
        ("largest page", f"{pages[-1].stat().st_size / 1e3:.0f} KB", pages[-1].relative_to(site).as_posix()),
        ("transcript page: HTML − 3 × text, worst", f"{overhead / 1e3:.1f} KB",
         f"{overhead_page}; fixed budget {PAGE_OVERHEAD_BUDGET / 1e3:.0f} KB, the same at any N"),
        ("search index (scripts, both editions)", f"{index_bytes / 1e6:.1f} MB",
         f"{len(shards)} shards, largest {shards[-1].stat().st_size / 1e3:.0f} KB; loaded by word"),
        ("search: load → first result, web", f"{latency:.0f} ms",
         f"stock {stock_latency} (target ≤ 300 ms at 1,000, ≤ 1 s at 10,000)"),
        ("search: bytes for first query, web", f"{transferred / 1e3:.0f} KB", "target < 500 KB"),
        ("search: load → first result, offline", f"{offline_latency:.0f} ms",
         f"file://, network blocked; read {offline_read / 1e3:.0f} KB (target ≤ 3 s at 1,000)"),
        ("search: a quoted phrase, web", f"{phrase_latency:.0f} ms",
         f'"Eurasian integration" typed; {phrase_bytes / 1e3:.0f} KB fetched; offline {offline_phrase:.0f} ms'),
        ("search: words, speaker and dates, web", f"{filtered_latency:.0f} ms",
         f"the address {FILTERED} opened, page load included; {filtered_bytes / 1e3:.0f} KB fetched; "
         f"offline {offline_filtered:.0f} ms"),
    ]
    width = max(len(r[0]) for r in rows)
    table = "\n".join(f"| {a} | {b_} | {c} |" for a, b_, c in rows)
    print("\n".join(f"{a:<{width}}  {b_:>14}  {c}" for a, b_, c in rows))
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    entry = (f"\n## N = {args.n:,} · {dt.date.today().isoformat()} · commit {git_commit()} · {machine}\n\n"
             f"Runs: {args.runs} (median). Command: `make bench N={args.n}`.\n\n"
             "| measure | value | note |\n|---|---|---|\n" + table + "\n")
    with (ROOT / "BENCHMARKS.md").open("a", encoding="utf-8") as out:
        out.write(entry)
    print(f"appended to {ROOT / 'BENCHMARKS.md'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
