"""Shared fixtures: the real corpus carried through the pipeline, and a built site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from browsing import serve, stays_on_disk, stays_on_loopback, watched_page

from build_scripts.build import load_corpus
from build_scripts.core.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BIN = Path(sys.executable).parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.md from the current generator (review the diff!)")


@pytest.fixture(scope="session")
def rules():
    return load_rules()


# The five seed transcripts: the tests that check exact content (golden pages, topics, links,
# counts, the browser) read these alone, so a contributor adding a transcript to corpus/ does
# not change them. Invariants (every word kept, links, validate, strict build) cover all of corpus/.
SEED_IDS = ("2013-09-12-astana-lavrov-idrisov", "2019-01-28-moscow-lavrov-atamkulov",
            "2020-09-09-moscow-lavrov-tleuberdi", "2020-11-interview-russia-kazakhstan-integration",
            "2021-04-08-nur-sultan-lavrov-tleuberdi")


def copy_seeds(dest: Path) -> Path:
    """Copy the seeds (and their sidecars) from corpus/ into `dest`; return it."""
    dest.mkdir(parents=True, exist_ok=True)
    for tid in SEED_IDS:
        for path in CORPUS.glob(f"{tid}.*"):
            shutil.copy(path, dest / path.name)
    return dest


@pytest.fixture(scope="session")
def seed_corpus(tmp_path_factory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("seeds") / "corpus")


@pytest.fixture(scope="session")
def corpus(rules, seed_corpus):
    """The seed transcripts, read, cleaned, extracted and structured; keyed by id."""
    result = load_corpus(seed_corpus, rules)
    assert not result.errors, "\n".join(map(str, result.errors))
    return {t.id: t for t in result.transcripts}


@pytest.fixture(scope="session")
def whole_corpus(rules):
    """Every transcript in corpus/, as `corpus` but for invariants that must hold for all of them."""
    result = load_corpus(CORPUS, rules)
    assert not result.errors, "\n".join(map(str, result.errors))
    return {t.id: t for t in result.transcripts}


# The addresses the Pages workflow passes, so the tests build what GitHub Pages serves.
PUBLISHED = {"ARCHIVE_SITE_URL": "https://archive.example.org/lavrov-kazakhstan/",
             "ARCHIVE_REPO_URL": "https://github.com/example/lavrov-kazakhstan-archive"}


def site_config():
    """mkdocs.yml as MkDocs reads it (its !ENV tags included). docs/ is generated and may not exist
    yet in a fresh clone, so the config points at a folder that always does."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(ROOT / "build_scripts" / "pages"))


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command as a user would; return the finished process (output captured)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1600000000", **(env or {})}
    return subprocess.run(args, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600)


def build_site(workdir: Path, corpus_dir: Path | None = None) -> subprocess.CompletedProcess:
    """Generate docs/ and build site/ in `workdir` with the project's mkdocs.yml (default: the seeds)."""
    write_config(workdir)
    corpus_dir = corpus_dir or copy_seeds(workdir / "corpus")
    gen = run(sys.executable, "-m", "build_scripts", "generate",
              "--corpus", str(corpus_dir), "--out", str(workdir / "docs"), env=PUBLISHED)
    assert gen.returncode == 0, gen.stderr
    built = run(str(BIN / "mkdocs"), "build", "--strict", "-f", str(workdir / "mkdocs.yml"), env=PUBLISHED)
    if built.returncode == 0:  # then the step `make build` runs after the engine
        checked = run(sys.executable, "-m", "build_scripts", "check-site", str(workdir / "site"),
                      "--docs", str(workdir / "docs"))
        assert checked.returncode == 0, checked.stderr
    return built


def write_config(workdir: Path) -> Path:
    """An mkdocs.yml in `workdir` that inherits the project's, with docs/ and site/ beside it."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\n"
        f"theme: {{name: material, custom_dir: {ROOT / 'build_scripts' / 'theme'}}}\n"
        f"hooks: [{ROOT / 'build_scripts' / 'site' / 'mkdocs_hooks.py'}]\n", encoding="utf-8")
    return workdir / "mkdocs.yml"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A site built from the seeds with `mkdocs build --strict`; returns site/."""
    workdir = tmp_path_factory.mktemp("build")
    result = build_site(workdir)
    assert result.returncode == 0, result.stderr
    return workdir / "site"


@pytest.fixture(scope="session")
def whole_site(tmp_path_factory) -> Path:
    """A site built from all of corpus/ with `mkdocs build --strict`; returns site/."""
    workdir = tmp_path_factory.mktemp("build-all")
    result = build_site(workdir, CORPUS)
    assert result.returncode == 0, result.stderr
    return workdir / "site"


@pytest.fixture(scope="session")
def offline_zip(built_site: Path) -> Path:
    """The offline copy of the real corpus, made by the command behind `make offline`."""
    workdir = built_site.parent
    zip_path = workdir / "dist" / "archive.zip"
    result = run(sys.executable, "-m", "build_scripts", "offline",
                 "--config", str(workdir / "mkdocs.yml"), "--zip", str(zip_path), env=PUBLISHED)
    assert result.returncode == 0, result.stderr
    return zip_path


@pytest.fixture(scope="session")
def offline_copy(offline_zip: Path, tmp_path_factory) -> Path:
    """The offline copy unzipped somewhere else, as a reader would; returns its folder."""
    where = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(where)
    return where / "lavrov-kazakhstan-archive"


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium (never a downloaded one), shared by the browser tests."""
    from playwright import sync_api

    from browsing import CHROMIUM, CHROMIUM_ARGS

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and other outputs a person should look at."""
    path = ROOT / "test-artifacts"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


@dataclass
class Build:
    workdir: Path
    corpus: Path
    generate: object
    mkdocs: object
    before: dict[str, bytes]


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory) -> Build:
    """The hostile-input corpus (tests/hostile.py) generated and built as `make build` would."""
    from hostile import make_corpus

    workdir = tmp_path_factory.mktemp("hostile")
    corpus = make_corpus(workdir / "corpus")
    write_config(workdir)
    before = tree(workdir)
    gen = run(sys.executable, "-m", "build_scripts", "generate", "--corpus", str(corpus), "--out", str(workdir / "docs"), env=PUBLISHED)
    built = run(str(BIN / "mkdocs"), "build", "--strict", "-f", str(workdir / "mkdocs.yml"), env=PUBLISHED)
    return Build(workdir, corpus, gen, built, before)


# The two editions the browser tests read: served over loopback, and the offline copy from file://.
@dataclass(frozen=True)
class Edition:
    name: str
    base: str
    file_urls: bool  # offline: plain .html files instead of folders

    def url(self, path: str) -> str:
        """`transcripts/x/#q3` on the served site; `transcripts/x/index.html#q3` in the offline copy
        (`timeline/2020.html` for a page that is not a folder's index, as MkDocs names them)."""
        path, _, fragment = path.partition("#")
        if self.file_urls:
            folder = path.startswith(("transcripts/", "topics/", "about/", "glossary/")) or path in ("topics/", "")
            path = (path + "index.html" if folder and path.endswith("/") else
                    path[:-1] + ".html" if path.endswith("/") else path or "index.html")
        return path + (f"#{fragment}" if fragment else "")

    def page_of(self, address: str) -> str:
        """The site path of a browser address, in the served form (`transcripts/x/`)."""
        path = unquote(urlparse(address).path)
        root = unquote(urlparse(self.base).path)
        assert path.startswith(root), (address, self.base)
        path = path[len(root):]
        if self.file_urls:
            path = path.removesuffix("index.html") if path.endswith("index.html") else path.removesuffix(".html") + "/"
        return path


@pytest.fixture(scope="module", params=["served", "offline"])
def edition(request, built_site: Path):
    if request.param == "served":
        with serve(built_site) as base:
            yield Edition("served", base, file_urls=False)
    else:
        copy = request.getfixturevalue("offline_copy")
        yield Edition("offline", copy.as_uri() + "/", file_urls=True)


@pytest.fixture
def watched(browser, edition):
    allowed = stays_on_disk if edition.file_urls else stays_on_loopback
    with watched_page(browser, edition.base, allowed) as w:
        yield w


