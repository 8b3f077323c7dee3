"""The offline copy: one deterministic zip, every link a file inside it, nothing from other hosts."""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path


from build_scripts.site import checklinks
from conftest import PUBLISHED, SEED_IDS, run

FOLDER = "lavrov-kazakhstan-archive"


def test_zip_holds_one_folder_with_the_site_and_a_readme(offline_zip: Path, corpus):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
        readme = archive.read(f"{FOLDER}/README.txt").decode("utf-8")
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    for tid in corpus:
        assert f"{FOLDER}/transcripts/{tid}/index.html" in names
    for page in ("index.html", "timeline.html", "topics/index.html", "people.html", "places.html",
                 "search.html", "search/index.js", "assets/search.js"):
        assert f"{FOLDER}/{page}" in names, page
    assert f"{FOLDER}/404.html" not in names  # root-absolute links; of no use from file://
    assert "Open index.html" in readme and "without a network" in readme


def test_no_worker_shim_and_the_search_page_links_html_files(offline_copy: Path):
    html = (offline_copy / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in html and "unpkg.com" not in html
    page = (offline_copy / "search.html").read_text(encoding="utf-8")
    assert 'data-index="./search/"' in page and 'data-page-url="transcripts/{id}/index.html"' in page


def test_every_link_is_a_file_in_the_copy_and_nothing_comes_from_other_hosts(offline_copy: Path):
    assert checklinks.count_links(offline_copy) > 500
    problems = checklinks.check(offline_copy, file_urls=True)
    assert not problems, "\n".join(map(str, problems))


def test_offline_search_index_holds_the_spoken_text_only(offline_copy: Path):
    """Script files (loadable from file://): a page table, term shards and page texts, without the apparatus."""
    from build_scripts.site.indexes import search as search_index

    pages = list(search_index.indexed_pages(offline_copy, file_urls=True))
    urls = [url for _, url, _ in pages]
    assert urls == sorted(f"transcripts/{tid}/index.html" for tid in SEED_IDS)
    nur_sultan = dict((url, anchors) for _, url, anchors in pages)["transcripts/2021-04-08-nur-sultan-lavrov-tleuberdi/index.html"]
    assert nur_sultan[:2] == ["opening", "q1"] and "in-the-archive" not in nur_sultan
    text = (offline_copy / "search/p-4.js").read_text(encoding="utf-8")
    assert "browbeat everyone" in text
    assert "Related transcripts" not in text and "Corpus file" not in text and "¶" not in text
    shards = search_index.read_script((offline_copy / "search/index.js").read_text(encoding="utf-8"))["shards"]
    key = max((k for k in shards if "baikonur".startswith(k)), key=len)
    shard = (offline_copy / f"search/t-{shards[key]}.js").read_text(encoding="utf-8")
    assert '"baikonur"' in shard


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
