"""The browser's Snowball stemmers: npm's snowball-stemmers, cut down to the index's two languages.

The package (snowball-stemmers 0.6.0 by Oleg Mazko, ISC licence, a JavaScript port of the
Snowball project's stemmers; pinned in package-lock.json) is one UMD script of 24 stemmers,
868 KB. The search page needs English and Russian only, so `extract` keeps the package's shared
code (Among, SnowballProgram, SnowballStemmer), the two languages' classes and its `newStemmer`,
with the other languages left out of its table, drops the indentation and wraps it in a function
so that its helpers stay out of the page's globals: 58 KB, the package's code otherwise as
published. It defines `window.snowballFactory.newStemmer(language)`, from file:// as over the web.

The cut is kept in the repository (snowball_stemmers.js beside this file), so that building the
site needs no npm: a copy of the project without node_modules (a contributor's checkout, the
scoring of ../shared/sources) builds the same search. tests/test_search_terms.py cuts it again
from the installed package and compares; after updating the package, rewrite it with
`python -m build_scripts.site.indexes.stemmer_js`.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from ...core.errors import RulesError

ROOT = Path(__file__).resolve().parents[3]
SOURCE = ROOT / "node_modules" / "snowball-stemmers" / "snowball-stemmers.js"
VENDORED = Path(__file__).with_name("snowball_stemmers.js")
LANGUAGES = ("english", "russian")
CLASS = re.compile(r"^    var (?P<language>\w+)Stemmer = function \(_SnowballStemmer\d*\) \{\n.*?^    \}\(SnowballStemmer\);\n",
                   re.M | re.S)
TABLE_ENTRY = re.compile(r"^ +(?P<language>\w+): \w+Stemmer,?\n", re.M)
HEADER = ("// snowball-stemmers 0.6.0 (npm), (c) Oleg Mazko, ISC licence: a port of the Snowball stemmers\n"
          "// (snowballstem.org, BSD). English and Russian only, cut by build_scripts/site/indexes/stemmer_js.py.\n")


class MissingStemmer(RulesError):
    """The npm package the search page's stemmer is cut from is not installed, or not the one expected."""


def stemmer_script() -> str:
    """The two languages' stemmers as one script for the search page."""
    return VENDORED.read_text(encoding="utf-8")


def extract(source: Path = SOURCE) -> str:
    """Cut the two languages' stemmers from the package's script (see the module)."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        raise MissingStemmer(f"{source}: not found — install the npm packages with `npm ci` "
                             "(`make test` does)") from None
    classes = {m["language"]: m for m in CLASS.finditer(text)}
    factory = text.find("    function newStemmer(")
    if factory < 0 or any(language not in classes for language in LANGUAGES):
        raise MissingStemmer(f"{source}: not the snowball-stemmers script the archive expects (0.6.0): "
                             "run `npm ci` to install the version in package-lock.json")
    first = min(m.start() for m in classes.values())
    ending = TABLE_ENTRY.sub(lambda m: m[0] if m["language"] in LANGUAGES else "", text[factory:])
    kept = text[:first] + "".join(classes[language][0] for language in LANGUAGES) + "\n" + ending
    lines = "\n".join(line.strip() for line in kept.splitlines() if line.strip())
    return f"{HEADER}(function () {{\n{lines}\n}}).call(this);\n"


if __name__ == "__main__":  # python -m build_scripts.site.indexes.stemmer_js: rewrite the kept cut
    try:
        VENDORED.write_text(extract(), encoding="utf-8")
    except MissingStemmer as exc:
        sys.exit(f"error: {exc}")
    print(f"wrote {VENDORED.relative_to(ROOT)}")
