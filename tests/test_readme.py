"""The README stays a short read, and what it points to exists.

The reference moved to the site's About section (build_scripts/pages/about/) and to
CONTRIBUTING.md; these tests keep the README under 6 KB, its first lines the two
commands, every relative link of README.md and CONTRIBUTING.md a file of the
repository, and every About page of the nav a page the generator copies into docs/.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = ROOT / "build_scripts" / "pages"
MAX_README_BYTES = 6 * 1024
MAX_IMAGE_BYTES = 250 * 1024

COMMANDS = """\
```sh
make build   # set up .venv, generate docs/ from corpus/, build the site into site/
make test    # set up what the tests need (packages, Debian's chromium), run every test
```
"""

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+).+?\1", re.S)
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def links(text: str) -> list[str]:
    """The targets of the Markdown links and images of `text`, outside code."""
    text = CODE_SPAN.sub("", FENCE.sub("", text))
    return LINK.findall(text)


def github_anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    heading = re.sub(r"[`*_]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", heading).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    return {github_anchor(h) for h in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8")))}


def test_readme_is_short():
    size = len(README.read_bytes())
    assert size < MAX_README_BYTES, (f"README.md is {size} bytes, over {MAX_README_BYTES}: "
                                     "move reference text to build_scripts/pages/about/ or CONTRIBUTING.md")


def test_readme_starts_with_the_title_and_the_two_commands():
    text = README.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    assert re.fullmatch(r"# \S.*", title), title
    assert rest.lstrip("\n").startswith(COMMANDS), "the README's first block must be `make build` and `make test`"


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md"])
def test_relative_links_reach_files(name):
    source = ROOT / name
    targets = [t for t in links(source.read_text(encoding="utf-8"))
               if not re.match(r"[a-z][a-z0-9+.-]*:", t, re.I)]  # http(s):, mailto: … are not files here
    assert targets, f"{name} links to nothing in the repository"
    broken = []
    for target in targets:
        path, _, fragment = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        if not file.is_file() or ROOT not in file.parents:
            broken.append(f"{target}: no such file in the repository")
        elif fragment and file.suffix == ".md" and fragment not in anchors(file):
            broken.append(f"{target}: no heading with that anchor in {file.relative_to(ROOT)}")
    assert not broken, f"{name}: " + "; ".join(broken)


def test_readme_screenshot_is_small():
    images = [t for t in links(README.read_text(encoding="utf-8")) if re.search(r"\.(png|jpe?g|webp)$", t)]
    assert images, "the README shows a screenshot"
    for image in images:
        size = (ROOT / image).stat().st_size
        assert size < MAX_IMAGE_BYTES, f"{image} is {size} bytes"


class _Config(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV` tags read as nothing."""


_Config.add_multi_constructor("!", lambda loader, suffix, node: None)


def about_nav() -> list[tuple[str, str]]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Config)
    section = [entry["About"] for entry in config["nav"] if isinstance(entry, dict) and "About" in entry]
    assert len(section) == 1 and isinstance(section[0], list), "the nav has one About section with its pages"
    return [next(iter(item.items())) for item in section[0]]


def test_about_pages_in_the_nav_exist():
    pages = about_nav()
    assert len(pages) >= 2
    assert pages[0][1] == "about/index.md", "the About section opens with the page about the archive"
    missing = [path for _, path in pages if not (PAGES / path).is_file()]
    assert not missing, f"in the nav but not in build_scripts/pages/: {missing}"
    listed = {path for _, path in pages}
    unlisted = sorted(p.relative_to(PAGES).as_posix() for p in (PAGES / "about").rglob("*.md")
                      if p.relative_to(PAGES).as_posix() not in listed)
    assert not unlisted, f"About pages missing from the nav in mkdocs.yml: {unlisted}"


def test_about_page_keeps_the_offline_download_marker():
    # build_scripts/site/mkdocs_hooks.py replaces it with the link to the latest release's zip
    assert "<!-- offline-download -->" in (PAGES / "about" / "index.md").read_text(encoding="utf-8")
