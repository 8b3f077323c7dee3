"""Reading build_scripts/data/glossary.yml: the abbreviations and their expansions.

Every problem in the file is reported at once, each as `path:line: what — how to fix`
(a RulesError). Values must be YAML text (an unquoted NO would be read as false), an
abbreviation starts with a capital, and no value may hold < or > (Material's tooltips
insert an expansion into the page as HTML).
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import RulesError

GLOSSARY_KEYS = ("abbr", "expansion", "note", "topic")
STR_TAG = "tag:yaml.org,2002:str"  # what YAML read as text (not NO as false, 1 as a number)
ABBR = re.compile(r"[A-Z][A-Za-z0-9]+")  # starts with a capital, so it never matches inside &amp; or &quot;


@dataclass(frozen=True)
class GlossaryTerm:
    """One abbreviation of the glossary (build_scripts/data/glossary.yml)."""

    abbr: str
    expansion: str
    note: str = ""
    topic: str = ""  # a topic slug, or ""
    line: int = 0  # in glossary.yml


def _mapping_pairs(node: yaml.Node | None) -> list[tuple[str, yaml.Node]]:
    return [(str(k.value), v) for k, v in node.value] if isinstance(node, yaml.MappingNode) else []


def _glossary_nodes(path: Path) -> list[yaml.Node]:
    """Return the entries of a glossary file as YAML nodes, which know their line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read rules: {exc}") from None
    top = dict(_mapping_pairs(root))
    version, entries = top.get("version"), top.get("glossary")
    if getattr(version, "value", None) != "1" or not isinstance(entries, yaml.SequenceNode):
        raise RulesError(f"{path}:{root.start_mark.line + 1 if root else 1}: expected a mapping with "
                         "`version: 1` and a `glossary:` list — see the comments at the top of the file")
    return entries.value


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    choices = sorted(choices)
    close = [c for c in choices if c.startswith(word)] or difflib.get_close_matches(word, choices, n=1)
    return f"did you mean `{close[0]}`? " if close else ""


def _entry_values(node: yaml.MappingNode, bad: Callable[[int, str, str], None]) -> dict[str, tuple[str, int]]:
    """Return key -> (text with spaces collapsed, line) for the well-formed keys of one entry."""
    values: dict[str, tuple[str, int]] = {}
    for key, value in _mapping_pairs(node):
        at = value.start_mark.line + 1
        if key not in GLOSSARY_KEYS:
            bad(at, f"unknown key `{key}`",
                _did_you_mean(key, GLOSSARY_KEYS) + f"valid keys: {', '.join(GLOSSARY_KEYS)}")
        elif key in values:
            bad(at, f"`{key}` is given twice in one entry", "keep one")
        elif not isinstance(value, yaml.ScalarNode) or value.tag != STR_TAG or not value.value.strip():
            bad(at, f"`{key}` must be text",
                f'write it in quotes: {key}: "…" (YAML reads NO, ON, 1 as other things)')
        else:
            values[key] = (" ".join(value.value.split()), at)
    return values


def _glossary_term(path: Path, node: yaml.Node, topics: set[str], problems: list[str]) -> GlossaryTerm | None:
    """Return one entry, or None when it lacks its abbreviation or expansion; add what is wrong
    with it to `problems`."""
    def bad(line: int, what: str, fix: str) -> None:
        problems.append(f"{path}:{line}: {what} — {fix}")

    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        bad(line, "an entry must be a mapping", "write `- abbr: EAEU` and `expansion: …` below it")
        return None
    values = _entry_values(node, bad)
    given = {key for key, _ in _mapping_pairs(node)}
    for key in ("abbr", "expansion"):
        if key not in given:
            bad(line, f"this entry has no `{key}`", "every entry needs `abbr` and `expansion`")
    (abbr, at), (expansion, _), (note, _) = (values.get(k, ("", line)) for k in ("abbr", "expansion", "note"))
    if abbr and not ABBR.fullmatch(abbr):
        bad(at, f"abbreviation {abbr!r} is not letters and digits starting with a capital",
            "write it as the transcripts do, e.g. EAEU; plurals and other forms are not matched")
    for key in ("expansion", "note"):
        if any(c in values.get(key, ("", 0))[0] for c in "<>"):
            bad(values[key][1], f"`{key}` contains < or >", "leave them out: Material shows tooltips as HTML")
    topic, at = values.get("topic", ("", line))
    if topic and topic not in topics:
        bad(at, f"unknown topic {topic!r}", _did_you_mean(topic, topics) + "use a slug from topics.yml, "
            "or leave `topic` out")
    return GlossaryTerm(abbr, expansion, note, topic, line) if abbr and expansion else None


def load_glossary(path: Path, topics: set[str]) -> tuple[GlossaryTerm, ...]:
    """Return the glossary in the file's order; every problem in the file is reported at once."""
    problems: list[str] = []
    terms: dict[str, GlossaryTerm] = {}
    for node in _glossary_nodes(path):
        term = _glossary_term(path, node, topics, problems)
        if term is None:
            continue
        if term.abbr in terms:
            problems.append(f"{path}:{term.line}: {term.abbr!r} is already listed on line "
                            f"{terms[term.abbr].line} — merge the two entries")
        else:
            terms[term.abbr] = term
    if problems:
        raise RulesError("\n".join(problems))
    return tuple(terms.values())
