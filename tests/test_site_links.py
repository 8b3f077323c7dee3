"""Every link in the built site reaches a file that exists, and every #fragment an element on it."""
from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_scripts.site import checklinks

from conftest import run


@pytest.mark.parametrize("site", ["built_site", "whole_site"])
def test_every_internal_link_and_fragment_resolves(site, request):
    """The seeds' site and the site of all of corpus/."""
    built = request.getfixturevalue(site)
    assert checklinks.count_links(built) > 500, "too few links: is the site built?"
    problems = checklinks.check(built)
    assert not problems, "\n".join(map(str, problems))


def test_raw_html_links_were_resolved(built_site: Path):
    """No `.md` link survives in the built HTML (the hook rewrites those in raw HTML)."""
    leftovers = [f"{p.relative_to(built_site)}: {link.url}" for p in built_site.rglob("*.html")
                 for link in checklinks.parse(p).links
                 if urlsplit(link.url).path.endswith(".md") and not urlsplit(link.url).scheme]
    assert not leftovers, leftovers


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for name, body in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"<!doctype html><html><body>\n{body}\n</body></html>\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("body, file_urls, expected", [
    ('<a href="missing.html">x</a>', False, "site/index.html:2: error: link to a missing file missing.html"),
    ('<a href="other.html#q9">x</a>', False, "site/index.html:2: error: link to a missing anchor other.html#q9"),
    ('<script src="https://unpkg.com/iframe-worker/shim"></script>', False,
     "site/index.html:2: error: loads https://unpkg.com/iframe-worker/shim from another host"),
    ('<link rel="stylesheet" href="//fonts.googleapis.com/css">', False,
     "site/index.html:2: error: loads //fonts.googleapis.com/css from another host"),
    ('<img srcset="ok.png 1x, https://cdn.example/a.png 2x">', False,
     "site/index.html:2: error: loads https://cdn.example/a.png from another host"),
    ('<a href="sub/">x</a>', True, "site/index.html:2: error: link to a folder sub/"),
    ('<a href="/other.html">x</a>', False, "site/index.html:2: error: root-absolute link /other.html"),
], ids=["missing-file", "missing-anchor", "cdn-script", "protocol-relative-css", "srcset", "folder-offline",
        "root-absolute"])
def test_checker_reports_each_kind_of_problem(tmp_path, body, file_urls, expected):
    site = write_site(tmp_path / "site", {"index.html": body, "other.html": '<h2 id="q1">Q1</h2>',
                                          "sub/index.html": "", "ok.png": ""})
    problems = [str(p) for p in checklinks.check(site, file_urls=file_urls)]
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_checker_accepts_links_that_work(tmp_path):
    site = write_site(tmp_path / "site", {
        "index.html": '<a href="other.html#q1">q1</a> <a href="sub/">sub</a> <a href="https://example.org/">off</a>'
                      ' <link rel="canonical" href="https://example.org/"> <a href="#top" id="top">top</a>',
        "other.html": '<h2 id="q1">Q1</h2>', "sub/index.html": ""})
    assert checklinks.check(site) == []


def test_check_links_command(tmp_path):
    """`python -m build_scripts check-links` (the pull-request workflow's check) exits 1 and names the line."""
    site = write_site(tmp_path / "site", {"index.html": "<p>\n<a href='gone.html'>x</a>"})
    result = run(sys.executable, "-m", "build_scripts", "check-links", str(site))
    assert result.returncode == 1
    assert "site/index.html:3: error: link to a missing file gone.html" in result.stderr
    ok = run(sys.executable, "-m", "build_scripts", "check-links", str(tmp_path / "nowhere"))
    assert ok.returncode == 2 and "run `make build` first" in ok.stderr
