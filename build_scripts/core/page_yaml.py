"""The YAML writer for page front matter: PyYAML's output, byte for byte, in a fraction of the time.

PyYAML's emitter is C (libyaml), but it turns every value into a node and asks
Python how to tag each one, hundreds of times per page; on a large corpus that was
most of the rendering time. So `dump_front_matter` writes the common shapes itself
(block mappings and lists of plain or single-quoted one-line text, numbers, nulls),
following libyaml's rules for quoting and for folding lines longer than 100
columns, and hands anything else to PyYAML. `PageDumper` is PyYAML's safe dumper
with shorter paths for the common types and each text's tag remembered.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

STR, INT, BOOL, NULL = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "bool", "null"))
SEQ, MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_RESOLVED: dict[tuple[str, Any], str] = {}  # (scalar text, implicit flags) -> tag
_RESOLVED_MAX = 200_000  # a cache, not a leak: start again when it grows this large


class PageDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's emitter: ~10x faster
    """YAML dumper that never uses anchors, so every page reads on its own."""

    def ignore_aliases(self, data: Any) -> bool:
        return True

    def represent_data(self, data: Any) -> yaml.Node:
        """Return the node SafeRepresenter would, without its dispatch for the common types.

        With aliases off and `default_flow_style` set, SafeRepresenter makes exactly
        these nodes for str, int, bool, None, dict and list; anything else goes to it.
        """
        kind = type(data)
        if kind is str:
            return ScalarNode(STR, data, style=self.default_style)
        if kind is dict and self.default_flow_style is not None and not self.sort_keys:
            return MappingNode(MAP, [(self.represent_data(k), self.represent_data(v)) for k, v in data.items()],
                               flow_style=self.default_flow_style)
        if kind is list and self.default_flow_style is not None:
            return SequenceNode(SEQ, [self.represent_data(item) for item in data], flow_style=self.default_flow_style)
        if kind is int:
            return ScalarNode(INT, str(data), style=self.default_style)
        if kind is bool:
            return ScalarNode(BOOL, "true" if data else "false", style=self.default_style)
        if data is None:
            return ScalarNode(NULL, "null", style=self.default_style)
        return super().represent_data(data)

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        """Return the implicit tag of a node, remembering it for scalars (it depends on the text only)."""
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            tag = _RESOLVED[key] = super().resolve(kind, value, implicit)
        return tag


WIDTH = 100  # libyaml breaks a plain scalar at the first space after this column
MAX_SIMPLE_KEY = 128  # bytes: a longer key is written in the "? key" form


class _Unsure(Exception):
    """A value `write_block` cannot be sure to write exactly as PyYAML would; PyYAML writes it."""


def dump_front_matter(data: dict[str, Any]) -> str:
    """Return `data` as block-style YAML in the given key order, unicode kept, lines up to 100 wide.

    The output is PyYAML's, byte for byte. Most entries are written here directly
    (one-line text, numbers, nulls, nested mappings and lists); an entry holding a
    value that needs double quotes, escapes or anything unusual is written by PyYAML.
    Top-level entries of a block mapping do not affect one another, so the two mix.
    """
    if not data:
        return _pyyaml(data)
    parts = []
    for key, value in data.items():
        try:
            parts.append(write_block({key: value}, 0))
        except _Unsure:
            parts.append(_pyyaml({key: value}))
    return "".join(parts)


def _pyyaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=PageDumper, sort_keys=False, allow_unicode=True,
                     width=WIDTH, default_flow_style=False)


def write_block(mapping: dict[str, Any], indent: int, first_line_written: bool = False) -> str:
    """Return a non-empty block mapping whose keys start at column `indent`, as libyaml writes it.

    `first_line_written`: the first key follows a sequence's "- " on its line.
    """
    lines = []
    for number, (key, value) in enumerate(mapping.items()):
        key = _simple_key(key)
        head = ("" if first_line_written and number == 0 else " " * indent) + key + ":"
        if type(value) in (dict, list) and value:  # exact types: PyYAML's safe dumper refuses subclasses
            lines.append(head + "\n" + (write_block(value, indent + 2) if type(value) is dict
                                        else _write_sequence(value, indent)))
        else:  # the value starts after "key: " and continues, when folded, two columns in
            lines.append(head + " " + _scalar(value, indent + len(key) + 2, indent + 2) + "\n")
    return "".join(lines)


def _write_sequence(items: list[Any], indent: int) -> str:
    """Return a block sequence whose dashes are at column `indent` (in a mapping: not indented further)."""
    lines = []
    for item in items:
        if type(item) is dict and item:
            lines.append(" " * indent + "- " + write_block(item, indent + 2, first_line_written=True))
        elif type(item) is list and item:
            raise _Unsure  # a list directly in a list never occurs in front matter
        else:
            lines.append(" " * indent + "- " + _scalar(item, indent + 2, indent + 2) + "\n")
    return "".join(lines)


def _scalar(value: Any, column: int, indent: int) -> str:
    """Return a scalar written plain from `column` (continued lines at `indent`), or raise _Unsure."""
    kind = type(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int and value >= 0:
        return str(value)
    if kind is list and not value:
        return "[]"
    if kind is dict and not value:
        return "{}"
    if kind is str and _plain(value):
        return _folded(value, column, indent)
    if kind is str and _must_quote(value):  # written 'like this', with ' doubled
        return "'" + _folded(value.replace("'", "''"), column + 1, indent) + "'"
    raise _Unsure


def _simple_key(key: Any) -> str:
    if type(key) is not str or not _plain(key) or len(key.encode("utf-8")) > MAX_SIMPLE_KEY:
        raise _Unsure
    return key


def _folded(text: str, column: int, indent: int) -> str:
    """Return `text` starting at `column`, broken as libyaml breaks plain and single-quoted text:
    at a space once past WIDTH (`text` has no leading, trailing or double spaces)."""
    if column + len(text) <= WIDTH:
        return text
    words = text.split(" ")
    out = [words[0]]
    column += len(words[0])
    for word in words[1:]:
        if column > WIDTH:
            out.append("\n" + " " * indent)
            column = indent
        else:
            out.append(" ")
            column += 1
        out.append(word)
        column += len(word)
    return "".join(out)


@lru_cache(maxsize=1 << 16)  # keys and many values ("extracted", names, anchors) recur on every page
def _plain(text: str) -> bool:
    """Return True when libyaml writes `text` as a plain scalar: no quotes, no escapes.

    Deliberately narrower than libyaml's own rule: it starts with an ASCII letter or
    digit, has only printable characters (no line breaks, tabs or characters above
    U+D7FF), no two spaces in a row nor a trailing one, no ": ", " #" or final ":",
    and does not read as another type (a number, a date, true, null…).
    """
    return (PLAIN.fullmatch(text) is not None and "  " not in text and ": " not in text
            and " #" not in text and not text.endswith((" ", ":"))
            and _implicit_tag(text) == STR)


def _must_quote(text: str) -> bool:
    """Return True for one-line printable text that libyaml surely writes single-quoted: it would read
    as another type, holds ": " or " #", ends with ":" or starts with an indicator ("[", "'", "&"…)."""
    return (QUOTABLE.fullmatch(text) is not None and "  " not in text
            and (_implicit_tag(text) != STR or ": " in text or " #" in text or text.endswith(":")
                 or text[0] in ALWAYS_INDICATORS))


PLAIN = re.compile(r"[A-Za-z0-9][\x20-\x7e\xa0-\u2027\u202a-\ud7ff]*")
QUOTABLE = re.compile(r"[\x21-\x7e\xa0-\u2027\u202a-\ud7ff]"  # printable, no space at either end
                      r"(?:[\x20-\x7e\xa0-\u2027\u202a-\ud7ff]*[\x21-\x7e\xa0-\u2027\u202a-\ud7ff])?")
ALWAYS_INDICATORS = "#,[]{}&*!|>'\"%@`"


def _implicit_tag(text: str) -> str:
    """Return the tag YAML reads plain `text` as (str for ordinary text), as PyYAML's serializer asks."""
    return _RESOLVING.resolve(ScalarNode, text, (True, False))


_RESOLVING = PageDumper(io.StringIO())  # only its (cached) `resolve` is used
