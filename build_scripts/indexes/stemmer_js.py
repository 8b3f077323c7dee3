"""The browser's Snowball stemmers: npm's snowball-stemmers, cut down to the index's two languages.

The package (installed by `make`, pinned in package-lock.json) is one UMD script of 24
stemmers, 868 KB. The search page needs English and Russian only, so the generator keeps the
package's shared code (Among, SnowballProgram, SnowballStemmer), the two languages' classes and
its `newStemmer`, with the other languages left out of its table, drops the indentation and wraps
it in a function so that its helpers stay out of the page's globals:
about a seventh of the size, the package's code otherwise as published. It defines
`window.snowballFactory.newStemmer(language)`, from file:// as over the web.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import RulesError

SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "snowball-stemmers" / "snowball-stemmers.js"
LANGUAGES = ("english", "russian")
CLASS = re.compile(r"^    var (?P<language>\w+)Stemmer = function \(_SnowballStemmer\d*\) \{\n.*?^    \}\(SnowballStemmer\);\n",
                   re.M | re.S)
TABLE_ENTRY = re.compile(r"^ +(?P<language>\w+): \w+Stemmer,?\n", re.M)


class MissingStemmer(RulesError):
    """The npm package the search page's stemmer comes from is not installed."""


def stemmer_script(source: Path = SOURCE) -> str:
    """The two languages' stemmers as one script for the search page."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        raise MissingStemmer(f"{source}: not found — the search page's stemmer comes from npm: run `make build` "
                             "(it runs `npm ci`)") from None
    classes = {m["language"]: m for m in CLASS.finditer(text)}
    factory = text.find("    function newStemmer(")
    if factory < 0 or any(language not in classes for language in LANGUAGES):
        raise MissingStemmer(f"{source}: not the snowball-stemmers script the archive expects (0.6.0): "
                             "run `npm ci` to install the version in package-lock.json")
    first = min(m.start() for m in classes.values())
    ending = TABLE_ENTRY.sub(lambda m: m[0] if m["language"] in LANGUAGES else "", text[factory:])
    kept = text[:first] + "".join(classes[language][0] for language in LANGUAGES) + "\n" + ending
    lines = "\n".join(line.strip() for line in kept.splitlines() if line.strip())
    return f"(function () {{ // snowball-stemmers 0.6.0 (ISC), English and Russian only\n{lines}\n}}).call(this);\n"
