"""The offline copy: one deterministic zip, every link a file inside it, nothing from other hosts."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_scripts import checklinks
from build_scripts import mkdocs_hooks as hooks
from conftest import PUBLISHED, run, site_config

FOLDER = "lavrov-kazakhstan-archive"


def test_zip_holds_one_folder_with_the_site_and_a_readme(offline_zip: Path, corpus):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        readme = archive.read(f"{FOLDER}/README.txt").decode("utf-8")
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    for tid in corpus:
        assert f"{FOLDER}/transcripts/{tid}.html" in names
    for page in ("index.html", "timeline.html", "topics/index.html", "people.html", "places.html",
                 "search/search_index.js", "assets/javascripts/iframe-worker-shim.js"):
        assert f"{FOLDER}/{page}" in names, page
    assert f"{FOLDER}/404.html" not in names  # root-absolute links; of no use from file://
    assert "Open index.html" in readme and "without a network" in readme


def test_worker_shim_is_the_npm_package_file(offline_copy: Path):
    """The shim that makes search work from file:// is the pinned npm package's, byte for byte."""
    shipped = (offline_copy / "assets/javascripts/iframe-worker-shim.js").read_bytes()
    assert shipped == hooks.WORKER_SHIM.read_bytes()
    html = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/javascripts/iframe-worker-shim.js">' in html
    assert "unpkg.com" not in html


def test_every_link_is_a_file_in_the_copy_and_nothing_comes_from_other_hosts(offline_copy: Path):
    assert checklinks.count_links(offline_copy) > 500
    problems = checklinks.check(offline_copy, file_urls=True)
    assert not problems, "\n".join(map(str, problems))


def test_search_index_is_inlined_for_file_urls(offline_copy: Path):
    """From file:// the theme reads the index from a script (fetch of file:// is refused)."""
    script = (offline_copy / "search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")
    assert '"location":"transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi.html#q3"' in script


def test_same_corpus_gives_the_same_zip_bytes(offline_zip: Path, tmp_path):
    again = tmp_path / "again.zip"
    result = run(sys.executable, "-m", "build_scripts", "offline",
                 "--config", str(offline_zip.parent.parent / "mkdocs.yml"), "--zip", str(again), env=PUBLISHED)
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == offline_zip.read_bytes()


def test_online_build_has_no_shim_and_directory_urls(built_site: Path):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in html
    assert (built_site / "transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/index.html").is_file()


def test_missing_npm_install_is_a_clear_error(monkeypatch, tmp_path):
    """Without `npm ci`, the offline build stops and says what to run, instead of falling back to a CDN."""
    monkeypatch.setenv("ARCHIVE_OFFLINE", "true")
    monkeypatch.setattr(hooks, "WORKER_SHIM", tmp_path / "node_modules/iframe-worker/shim/index.js")
    config = site_config()
    with pytest.raises(PluginError, match=r"run `make offline` \(it runs `npm ci`\)"):
        hooks.on_config(config)
