"""The offline copy: the site built for file:// and packed into one zip.

`make offline` runs `python -m build_scripts offline`, which generates the pages
with file addresses (x.html: a browser cannot follow a link to a folder from
file://) into a folder of its own, builds them with Material's offline plugin
switched on (ARCHIVE_OFFLINE=true), checks
that every link and resource resolves to a file inside the copy and that no
page loads anything from another host, and writes a zip whose bytes depend
only on the input: entries sorted, timestamps from SOURCE_DATE_EPOCH.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import replace
from pathlib import Path

from . import checklinks

ARCHIVE_NAME = "lavrov-kazakhstan-archive"
README = """\
Sergey Lavrov on Kazakhstan: a transcript archive (offline copy)

Open index.html in this folder with any web browser: double-click it, or
drag it onto a browser window. Everything works without a network
connection, search included: pages, links, the chart and the search index
are all in this folder, and no page asks any other computer for anything.

Keep the folder together: the pages link to each other by relative paths.
The online edition and the source of every transcript are linked from each
page's "How this page was made" section.
"""
# A web host's page for missing paths: its links are root-absolute, so from file:// it is useless.
LEFT_OUT = {"404.html"}
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can carry


# `mkdocs build --strict -f CONFIG -d SITE`, with the docs folder given too (the CLI has no option for it)
ENGINE = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(sys.argv[1], docs_dir=sys.argv[2], site_dir=sys.argv[3], strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


def build(config_file: Path, docs_dir: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """Build `docs_dir` for file:// use into `site_dir` (strict); return the finished process."""
    env = {**os.environ, "ARCHIVE_OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-c", ENGINE, str(config_file), str(docs_dir), str(site_dir)],
                          env=env, capture_output=True, text=True)


def generate_for_files(corpus_dir: Path, config_file: Path, docs_dir: Path) -> list[str]:
    """Generate the pages with file addresses (x.html) into `docs_dir`; return the errors found."""
    from ..build import generate
    from ..core.site_config import load_site_config

    site = replace(load_site_config(config_file), directory_urls=False)
    return [str(p) for p in generate(corpus_dir, docs_dir, site=site).errors]


def entry_time() -> tuple[int, int, int, int, int, int]:
    """The timestamp every zip entry carries: SOURCE_DATE_EPOCH (the corpus's last commit), in UTC."""
    epoch = max(int(os.environ.get("SOURCE_DATE_EPOCH") or 0), ZIP_EPOCH_MIN)
    return time.gmtime(epoch)[:6]


def pack(site_dir: Path, zip_path: Path, folder: str = ARCHIVE_NAME) -> int:
    """Write the site into `zip_path` under `folder/`, deterministically; return the number of files."""
    stamp = entry_time()
    files = sorted(p for p in site_dir.rglob("*") if p.is_file() and p.relative_to(site_dir).as_posix() not in LEFT_OUT)
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entries = [(f"{folder}/README.txt", README.encode("utf-8"))]
        entries += [(f"{folder}/{p.relative_to(site_dir).as_posix()}", p.read_bytes()) for p in files]
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=9)
    partial.replace(zip_path)  # never leave a half-written zip under the final name
    return len(entries)


def make(config_file: Path, zip_path: Path, corpus_dir: Path) -> int:
    """Generate, build, check and pack the offline copy; print what went wrong and return an exit status."""
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site_dir, docs_dir = Path(tmp) / ARCHIVE_NAME, Path(tmp) / "docs"
        errors = generate_for_files(corpus_dir, config_file, docs_dir)
        if errors:
            print("\n".join(errors), file=sys.stderr)
            print(f"error: {len(errors)} transcript(s) refused (above); fix them with `make validate`, "
                  "then run `make offline` again; no zip written", file=sys.stderr)
            return 1
        result = build(config_file, docs_dir, site_dir)
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr, end="")
            print("error: the offline build failed (above); the previous zip was left as it was", file=sys.stderr)
            return 1
        problems = checklinks.check(site_dir, file_urls=True)
        if problems:
            print("\n".join(map(str, problems)), file=sys.stderr)
            print(f"error: {len(problems)} broken link(s) or outside request(s) in the offline copy; "
                  "no zip written", file=sys.stderr)
            return 1
        count = pack(site_dir, zip_path)
    size = zip_path.stat().st_size
    print(f"wrote {zip_path} ({count} files, {size / 1e6:.1f} MB): unzip it and open "
          f"{ARCHIVE_NAME}/index.html", file=sys.stderr)
    return 0
