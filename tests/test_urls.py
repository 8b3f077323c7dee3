"""The generator resolves links itself (build_scripts/core/urls.py), as MkDocs would: the same
addresses as MkDocs' File.url and get_relative_url, for folder addresses and for the offline
copy's file addresses, and from the site's configuration as mkdocs.yml sets it."""
from __future__ import annotations

import itertools

import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from build_scripts.core.site_config import load_site_config, url_style
from build_scripts.core.urls import href, page_url

DOCS = ["index.md", "timeline.md", "timeline/2013.md", "timeline/undated.md", "transcripts/a.md",
        "transcripts/a.txt", "transcripts/a.json", "people.md", "topics/index.md", "topics/covid-19/index.md",
        "data.md", "data/corpus.csv.gz", "search.html", "about/index.md", "about/search.md", "feed.xml"]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_links_are_the_ones_mkdocs_writes(directory_urls):
    with url_style(directory_urls):
        for source, target in itertools.product([d for d in DOCS if d.endswith(".md")], DOCS):
            ours = href(source, target, "q1")
            theirs = get_relative_url(File(target, "/d", "/s", directory_urls).url,
                                      File(source, "/d", "/s", directory_urls).url)
            assert ours == theirs + "#q1", (source, target)
            assert page_url(target) == File(target, "/d", "/s", directory_urls).url


def test_site_config_reads_mkdocs_yml_and_its_environment(tmp_path, monkeypatch):
    parent = tmp_path / "base.yml"
    parent.write_text("site_name: Archive\nsite_url: !ENV [ARCHIVE_SITE_URL, '']\n"
                      "extra: {repository: !ENV [ARCHIVE_REPO_URL, '']}\n"
                      "plugins:\n  - offline:\n      enabled: !ENV [ARCHIVE_OFFLINE, false]\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
                      encoding="utf-8")
    child = tmp_path / "mkdocs.yml"
    child.write_text("INHERIT: base.yml\nsite_description: >-\n  Every word\n  kept.\n", encoding="utf-8")
    for name in ("ARCHIVE_SITE_URL", "ARCHIVE_REPO_URL", "ARCHIVE_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    local = load_site_config(child)
    assert (local.name, local.description, local.url, local.repository, local.directory_urls) == (
        "Archive", "Every word kept.", "", "", True)
    monkeypatch.setenv("ARCHIVE_SITE_URL", "https://example.org/archive")
    monkeypatch.setenv("ARCHIVE_REPO_URL", "https://github.com/example/archive/")
    monkeypatch.setenv("ARCHIVE_OFFLINE", "true")
    published = load_site_config(child)
    assert (published.url, published.repository, published.directory_urls) == (
        "https://example.org/archive/", "https://github.com/example/archive", False)
