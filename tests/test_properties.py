"""Property-based tests (Hypothesis): thousands of generated transcripts through the reader,
cleaner, metadata extractor and renderer. Random text, site chrome, speaker labels, markup,
line ends and encodings; the pipeline must never crash, never lose a word and never let
text become markup."""
from __future__ import annotations

import tempfile
from pathlib import Path

import markdown
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from build_scripts.pipeline.boilerplate import is_speech
from build_scripts.build import load_transcript
from build_scripts.core.errors import TranscriptError
from build_scripts.pipeline.render import render_page
from conftest import site_config
from pagetext import TurnMarkup, missing_in_order, read_page, words

CONFIG = site_config()
ALPHABET = st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"),
                         include_characters="<>&\"'[](){}*_#|\\`~!-+=:;/", exclude_characters="\u2028\u2029\x85")
CHROME = ["UNITED24 - Make a charitable donation in support of Ukraine!", "Weapons of Mass Destruction (WMD)",
          "Join the GlobalSecurity.org mailing list", "• en-GB1 ru-RU1", "Additional materials", "Advanced settings",
          "official site", "Home \\ Statements and speeches \\", "Share", "© 2024 All rights reserved"]
LABELS = ["Sergey Lavrov", "Question", "Mukhtar Tleuberdi", "S.Lavrov", "Erlan Idrisov", "Question (to both ministers)",
          "Sergey Lavrov (speaking Russian)", "Someone Unknown"]
MARKUP = ["<script>window.__pwned=1</script>", "# heading", "---", "- item", "1. item", "| a | b |", "```",
          "    indented", "{{ config }}", "{% raw %}", "[link](javascript:alert(1))", "![img](https://x.example/i.png)",
          "<img src=x onerror=alert(1)>", "{: onclick=alert(1) }", "<!-- comment -->", "&lt;b&gt;", "*[HTML]: x"]
TITLES = ["Foreign Minister Sergey Lavrov's remarks at a news conference following talks with Foreign Minister "
          "of Kazakhstan Mukhtar Tleuberdi, Moscow, September 9, 2020",
          "Interview of Sergey Lavrov to a newspaper", "8 April 202114:32", "February 31, 2021"]

text = st.text(ALPHABET, min_size=1, max_size=80).map(lambda s: s.strip() or "x")
line = st.one_of(
    text,
    st.builds(lambda label, t: f"{label}: {t}", st.sampled_from(LABELS), text),
    st.sampled_from(LABELS).map(lambda label: f"{label}:"),
    st.sampled_from(MARKUP),
    st.builds(lambda m, t: f"{m} {t}", st.sampled_from(MARKUP), text),
)
document = st.builds(
    lambda head, title, body, tail: [*head, *title, *body, *tail],
    st.lists(st.sampled_from(CHROME), max_size=3),
    st.lists(st.sampled_from(TITLES), max_size=2),
    st.lists(line, min_size=1, max_size=12),
    st.lists(st.sampled_from(CHROME), max_size=3),
)
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1"])


def to_html(page: str) -> str:
    body = page.split("---\n", 2)[2]  # front matter off, as MkDocs does
    return markdown.markdown(body, extensions=CONFIG["markdown_extensions"], extension_configs=CONFIG["mdx_configs"])


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=document, ending=ENDINGS, encoding=ENCODINGS)
def test_pipeline_never_crashes_loses_words_or_lets_markup_through(rules, lines, ending, encoding):
    raw_text = ending.join(lines) + ending
    try:
        raw = raw_text.encode(encoding)
    except UnicodeEncodeError:
        raw = raw_text.encode("utf-8")  # cp1251 and latin-1 cannot hold every character
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "corpus").mkdir()
        path = Path(tmp) / "corpus" / "generated.txt"
        path.write_bytes(raw)
        try:
            t = load_transcript(path, Path(tmp), rules)
        except TranscriptError as exc:  # refused: that is allowed, with a file:line message
            assert str(exc.problem).startswith("corpus/generated.txt")
            event(f"refused: {exc.problem.message.split(' (')[0][:40]}")
            return
    event(f"built, {len(t.removals)} line(s) removed, {len(t.sections)} section(s)"[:28])
    # Every removed line says why; a line that reads as a sentence of speech is never removed (a page's
    # third-person account of the event before the first label is not speech, and says so).
    assert all(r.rule for r in t.removals)
    body_numbers = [l.number for l in t.body]
    assert not [r for r in t.removals if r.profile == "generic" and is_speech(r.text) and body_numbers
                and body_numbers[0] < r.line < body_numbers[-1] and "account of the event" not in r.rule]
    html = to_html(render_page(t))
    removed = {r.line for r in t.removals}
    expected = [w for l in t.lines if l.number not in removed for w in words(l.text)]
    assert not missing_in_order(expected, words(" ".join(read_page(html).turns)))
    markup = TurnMarkup()
    markup.feed(html)
    assert not markup.found, markup.found
