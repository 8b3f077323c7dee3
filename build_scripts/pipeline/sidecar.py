"""Read and validate a transcript's sidecar YAML file (metadata the text lacks)."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from ..core.errors import TranscriptError
from ..core.rules import EVENT_TYPES

SCALAR_KEYS = ("title", "date", "time", "place", "event_type", "language")
LANGUAGE = re.compile(r"[a-z]{2}")
PERSON_KEYS = ("speakers", "counterparts")
SOURCE_KEYS = ("publisher", "via", "url", "retrieved")
FACT_FORM_KEYS = ("value", "inferred", "note", "from")
TOPIC_KEYS = ("add", "remove", "note")
KEYS = (*SCALAR_KEYS, *PERSON_KEYS, "source", "topics", "translation_of", "note")
TRANSCRIPT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SIDECAR_BYTES = 64 * 1024
URL = re.compile(r"https?://[^\s<>\"']+")  # what `source.url` accepts


def _suggest(key: str, valid: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, valid, n=1)
    if close:
        return f"did you mean `{close[0]}`? Valid keys: {', '.join(valid)}"
    return f"valid keys: {', '.join(valid)}"


def _compose(text: str, name: str) -> yaml.Node | None:
    """Return the YAML node tree, refusing anchors and aliases (they can explode)."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if getattr(event, "anchor", None):
                raise TranscriptError(name, event.start_mark.line + 1,
                                      "YAML anchors and aliases (&, *) are not allowed",
                                      "write the value out in full")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TranscriptError(name, mark.line + 1 if mark else None,
                              f"not valid YAML: {exc.problem or exc.context}",
                              "fix the YAML syntax (a linter such as yamllint helps)") from None
    except yaml.YAMLError as exc:
        raise TranscriptError(name, None, f"not valid YAML: {exc}", "fix the YAML syntax") from None


def _construct(node: yaml.Node, name: str) -> Any:
    try:
        return yaml.SafeLoader("").construct_document(node)
    except ValueError as exc:  # YAML's timestamp reader on 2021-02-31
        raise TranscriptError(name, node.start_mark.line + 1, f"bad date: {exc}",
                              "write the date as YYYY-MM-DD, YYYY-MM or YYYY") from None
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise TranscriptError(name, mark.line + 1 if mark else None,
                              f"unsupported YAML value: {exc.problem}",
                              "use plain strings, numbers, lists and mappings (no !! tags)") from None


def _check_scalar(key: str, value: Any, name: str, line: int) -> None:
    if isinstance(value, dict):
        unknown = set(value) - set(FACT_FORM_KEYS)
        if unknown:
            bad = sorted(map(str, unknown))[0]
            raise TranscriptError(name, line, f"unknown key `{bad}` under `{key}`",
                                  _suggest(bad, FACT_FORM_KEYS))
        if "value" not in value:
            raise TranscriptError(name, line, f"`{key}` needs a `value`",
                                  f"write `{key}: {{value: …, inferred: true, note: …}}`")
        if not isinstance(value.get("inferred", False), bool):
            raise TranscriptError(name, line, f"`{key}.inferred` must be true or false", "")
        if not isinstance(value.get("note", ""), str):
            raise TranscriptError(name, line, f"`{key}.note` must be text", "quote it")
        if not isinstance(value.get("from", ""), str):
            raise TranscriptError(name, line, f"`{key}.from` must be text",
                                  "say where the value came from, e.g. \"column 'date' of export.csv, line 3\"")
        value = value["value"]
    if key == "time" and isinstance(value, int):
        raise TranscriptError(name, line, "YAML read the time as a number",
                              'quote it: time: "14:32"')
    if key == "event_type" and value not in EVENT_TYPES:
        raise TranscriptError(name, line, f"unknown event_type {value!r}",
                              f"use one of: {', '.join(EVENT_TYPES)}")
    if key == "language" and not (isinstance(value, str) and LANGUAGE.fullmatch(value)):
        raise TranscriptError(name, line, f"`language` must be a two-letter ISO 639-1 code, not {value!r}",
                              "write e.g. `language: ru`")
    if key in ("title", "place") and value is not None and not isinstance(value, str):
        raise TranscriptError(name, line, f"`{key}` must be text", "quote it")


def _check_people(key: str, value: Any, name: str, line: int) -> None:
    if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
        raise TranscriptError(name, line, f"`{key}` must be a list of {{name, role}} entries",
                              f"write `{key}:` then lines like `  - {{name: Erlan Idrisov, role: …}}`")
    for person in value:
        unknown = set(person) - {"name", "role"}
        if unknown:
            bad = sorted(map(str, unknown))[0]
            raise TranscriptError(name, line, f"unknown key `{bad}` in `{key}`",
                                  _suggest(bad, ("name", "role")))
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            raise TranscriptError(name, line, f"every entry in `{key}` needs a `name`", "")
        if person.get("role") is not None and not isinstance(person["role"], str):
            raise TranscriptError(name, line, f"`role` in `{key}` must be text", "quote it")


def _check_mapping(value: Any, under: str, valid: tuple[str, ...], example: str, name: str, line: int) -> None:
    """Refuse a value under `under` that is not a mapping of keys from `valid`."""
    if not isinstance(value, dict):
        raise TranscriptError(name, line, f"`{under}` must be a mapping", f"write `{under}: {example}`")
    for key in value:
        if key not in valid:
            raise TranscriptError(name, line, f"unknown key `{key}` under `{under}`", _suggest(str(key), valid))


def _check_source(value: Any, name: str, line: int) -> dict[str, Any]:
    """Return the `source` mapping, its `retrieved` day as ISO text (YAML reads 2024-05-01 as a date)."""
    _check_mapping(value, "source", SOURCE_KEYS, "{publisher: …, url: https://…}", name, line)
    retrieved = value.get("retrieved")
    if isinstance(retrieved, dt.date) and not isinstance(retrieved, dt.datetime):
        value = {**value, "retrieved": retrieved.isoformat()}
    elif retrieved is not None and not (isinstance(retrieved, str) and _is_day(retrieved)):
        raise TranscriptError(name, line, f"`source.retrieved` is not a day: {retrieved!r}",
                              "write the day the page was saved as YYYY-MM-DD")
    for key, item in value.items():
        if item is not None and not isinstance(item, str):
            raise TranscriptError(name, line, f"`source.{key}` must be text", "quote it")
    url = value.get("url")
    if url and not URL.fullmatch(url):
        raise TranscriptError(name, line, f"`source.url` is not an http(s) address: {url!r}",
                              "give the full address starting with https://")
    return value


def _is_day(text: str) -> bool:
    try:
        return len(text) == 10 and dt.date.fromisoformat(text) is not None
    except ValueError:
        return False


def _check_topics(value: Any, name: str, line: int) -> None:
    _check_mapping(value, "topics", TOPIC_KEYS, "{add: [csto], remove: [space], note: why}", name, line)
    for key, item in value.items():
        if key == "note":
            if not isinstance(item, str):
                raise TranscriptError(name, line, "`topics.note` must be text", "quote it")
        elif not isinstance(item, list) or not all(isinstance(x, str) for x in item):
            raise TranscriptError(name, line, f"`topics.{key}` must be a list of topic slugs",
                                  f"write `{key}: [csto, sco]`")
    both = sorted(set(value.get("add") or ()) & set(value.get("remove") or ()))
    if both:
        raise TranscriptError(name, line, f"topic `{both[0]}` is both added and removed", "keep one")


def _item_lines(node: yaml.Node) -> dict[str, int]:
    """Return "topics.add.0" -> line for each entry of the `topics` lists."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    lines[f"topics.{key_node.value}.{i}"] = item.start_mark.line + 1
    return lines


def read_sidecar(path: Path, name: str) -> tuple[dict[str, Any], dict[str, int]]:
    """Return (validated sidecar data, key -> line number) for the sidecar at `path`."""
    raw = path.read_bytes()
    if len(raw) > MAX_SIDECAR_BYTES:
        raise TranscriptError(name, None, f"sidecar is larger than {MAX_SIDECAR_BYTES} bytes",
                              "a sidecar holds a few metadata fields; move text to the transcript")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise TranscriptError(name, None, "sidecar is not UTF-8 text", "re-save it as UTF-8") from None
    node = _compose(text, name)
    if node is None:
        return {}, {}
    if not isinstance(node, yaml.MappingNode):
        raise TranscriptError(name, node.start_mark.line + 1, "a sidecar must be a mapping of keys",
                              "write lines like `date: 2020-11`")
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if key not in KEYS:
            raise TranscriptError(name, line, f"unknown key `{key}`", _suggest(key, KEYS))
        if key in data:
            raise TranscriptError(name, line, f"key `{key}` appears twice", "keep one of them")
        value = _construct(value_node, name)
        if key in SCALAR_KEYS:
            _check_scalar(key, value, name, line)
        elif key in PERSON_KEYS:
            _check_people(key, value, name, line)
        elif key == "source":
            value = _check_source(value, name, line)
        elif key == "topics":
            _check_topics(value, name, line)
            lines.update(_item_lines(value_node))
        elif key == "translation_of":
            if not isinstance(value, str) or not TRANSCRIPT_ID.fullmatch(value):
                raise TranscriptError(name, line, "`translation_of` must be the id of the original transcript",
                                      "write its corpus file name without .txt, e.g. "
                                      "`translation_of: 2024-06-03-astana-lavrov-nurtleu`")
        elif not isinstance(value, str):
            raise TranscriptError(name, line, "`note` must be text", "quote it")
        data[key], lines[key] = value, line
    return data, lines

