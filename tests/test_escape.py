"""Transcript text can never become HTML, a link, a heading, a list or a directive on the site."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from build_scripts.build import load_transcript
from build_scripts.core.escape import md_inline
from build_scripts.pipeline.render import render_page
from conftest import site_config

HOSTILE = [
    "<script>alert('x')</script>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">click</a> and [a link](javascript:alert(1))",
    "![image](https://evil.example/x.png) and <https://evil.example>",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<!-- a comment --> &amp; &lt;b&gt; &#60;script&#62;",
    "# A heading at the start of a line",
    "- a list item",
    "1. a numbered item",
    "| a | table |",
    "```python",
    "    indented code",
    "> a quote",
    "{{ config.site_name }} {% include 'x' %}",
    "---",
    "***bold italic*** __under__ `code` ~~strike~~",
    "Text {: onclick=\"alert(1)\" } {#id .class}",
    "=====",
    "<div markdown=\"1\">*x*</div>",
    "Trailing backslash \\",
]

SITE_CONFIG = site_config()
ALLOWED_TAGS = {"nav", "h1", "h2", "div", "p", "strong", "span", "em", "dl", "dt", "dd", "code", "details",
                "summary", "table", "thead", "tbody", "tr", "th", "td", "a", "br"}


def _extensions():
    return SITE_CONFIG["markdown_extensions"], SITE_CONFIG["mdx_configs"]


def to_html(text: str) -> str:
    names, configs = _extensions()
    return markdown.markdown(text, extensions=names, extension_configs=configs)


# The only links a transcript page has are the generator's own: anchors on the
# page, the index pages, topic pages and other transcripts, all by slug, and the
# transcript's own data files and the data page.
# The links the generator writes from a transcript page, resolved for folder addresses (core/urls.py)
GENERATED_LINK = re.compile(r"#[\w-]+|\.\./\.\./(?:places|people|timeline)/#[a-z0-9-]+|\.\./\.\./timeline/[a-z0-9-]+/"
                            r"|\.\./\.\./topics/[a-z0-9-]+/|\.\./[a-z0-9-]+/(?:#[\w-]+)?|\.\./[a-z0-9-]+\.(?:txt|json)"
                            r"|\.\./\.\./data/")


class Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.paragraphs: dict[str, str] = {}
        self._current: str | None = None

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "p" and dict(attrs).get("id"):
            self._current = dict(attrs)["id"]
            self.paragraphs[self._current] = ""

    def handle_endtag(self, tag):
        if tag == "p":
            self._current = None

    def handle_data(self, data):
        if self._current:
            self.paragraphs[self._current] += data


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory, rules):
    corpus = tmp_path_factory.mktemp("hostile") / "corpus"
    corpus.mkdir()
    title = "<script>alert('title')</script> [x](javascript:y) *Title*, Moscow, September 9, 2020"
    lines = [title, ""] + [f"Question: {HOSTILE[0]}", ""] + [x for line in HOSTILE for x in (line, "")] + [
        "Sergey Lavrov: Every line above is shown as it was written, character for character.", ""]
    path = corpus / "hostile.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    t = load_transcript(path, corpus.parent, rules)
    page = render_page(t)
    _, _, body = page.split("---\n", 2)
    parser = Elements()
    parser.feed(to_html(body))
    return t, page, parser


def test_no_element_or_attribute_comes_from_transcript_text(hostile_page):
    _, _, parser = hostile_page
    for tag, attrs in parser.elements:
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}> {attrs}"
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        href = attrs.get("href")
        assert href is None or GENERATED_LINK.fullmatch(href), f"unexpected link {href!r}"


def test_hostile_text_is_shown_literally(hostile_page):
    t, _, parser = hostile_page
    shown = list(parser.paragraphs.values())
    removed = {r.text.strip(): r.rule for r in t.removals}  # a separator or a menu-like line is chrome
    assert len(removed) <= 5, removed
    for line in HOSTILE[1:]:
        assert line.strip() in shown or removed.get(line.strip()), f"neither shown literally nor removed: {line!r}"


def test_front_matter_title_cannot_inject_html(hostile_page):
    _, page, _ = hostile_page
    meta = yaml.safe_load(page.split("---\n", 2)[1])
    assert "<" not in meta["title"] and "&lt;script&gt;" in meta["title"]


@pytest.mark.parametrize("text", HOSTILE)
def test_heading_escape_round_trips(text):
    html = to_html(f"## {md_inline(text)} {{#q1}}")
    parser = Elements()
    parser.feed(html)
    assert [tag for tag, _ in parser.elements] == ["h2", "a"]  # the heading and its permalink
    assert parser.elements[0][1]["id"] == "q1"
    text_only = HTMLParser()
    collected: list[str] = []
    text_only.handle_data = collected.append
    text_only.feed(html.replace('<a class="headerlink"', "<x").split("<x")[0])
    assert " ".join("".join(collected).split()) == " ".join(text.split())
