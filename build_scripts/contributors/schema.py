"""Check sidecars and page front matter against the JSON Schemas in schema/.

The schemas are for contributors' editors (autocomplete, hover help) and for
other tools; this module reports what they find as Problems, one per schema
error, in the project's `path:line: what is wrong — how to fix it` form.
"""
from __future__ import annotations

import ast
import datetime as dt
import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..core.errors import Problem
from ..core.paths import SCHEMA_DIR

SIDECAR_SCHEMA = SCHEMA_DIR / "sidecar.schema.json"
FRONT_MATTER_SCHEMA = SCHEMA_DIR / "front-matter.schema.json"
TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
              "array": "a list", "object": "a mapping", "null": "empty (null)"}


@cache
def validator(path: Path) -> Draft202012Validator:
    """Return a validator for the schema at `path`, loaded once per process."""
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


def sidecar_problems(path_str: str, data: dict, lines: dict[str, int]) -> list[Problem]:
    """Return a Problem for each way the sidecar `data` breaks schema/sidecar.schema.json.

    `lines` maps a dotted key ("source", "topics.add.0") to its line in the sidecar,
    as sidecar.read_sidecar returns it.
    """
    return _problems(validator(SIDECAR_SCHEMA), path_str, _dates_as_text(data), lines, "the sidecar")


def front_matter_problems(page_name: str, meta: dict) -> list[Problem]:
    """Return a Problem for each way a page's front matter breaks schema/front-matter.schema.json."""
    return _problems(validator(FRONT_MATTER_SCHEMA), page_name, meta, {}, "the front matter")


def _iso(value: Any) -> Any:
    """Return a date or datetime YAML read as the generator takes it (the day, as ISO text)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else value


def _dates_as_text(data: dict) -> dict:
    """Return `data` with its date as ISO text: YAML reads an unquoted 2020-09-09 as a date."""
    date = data.get("date") if isinstance(data, dict) else None
    if isinstance(date, dict) and "value" in date:
        return {**data, "date": {**date, "value": _iso(date["value"])}}
    return data if date is None else {**data, "date": _iso(date)}


def _problems(schema: Draft202012Validator, name: str, instance: Any, lines: dict[str, int],
              whole: str) -> list[Problem]:
    errors = sorted(schema.iter_errors(instance), key=lambda e: (e.json_path, str(e.validator), e.message))
    return [Problem(name, _line(error, lines), _message(error, whole), _hint(error)) for error in errors]


def _dotted(path: Any) -> str:
    return ".".join(str(part) for part in path)


def _line(error: ValidationError, lines: dict[str, int]) -> int | None:
    """Return the line of the deepest key of the error's path that `lines` knows."""
    path = list(error.absolute_path) + _unexpected(error)[:1]
    for depth in range(len(path), 0, -1):
        line = lines.get(_dotted(path[:depth]))
        if line is not None:
            return line
    return None


def _unexpected(error: ValidationError) -> list[str]:
    """Return the keys an additionalProperties error refuses."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    known = error.schema.get("properties", {})
    return sorted(str(key) for key in error.instance if key not in known)


def _missing(error: ValidationError) -> str:
    """Return the key a `required` error is about (jsonschema gives one error per missing key)."""
    return str(ast.literal_eval(error.message.removesuffix(" is a required property")))


def _kind(value: Any) -> str:
    """Name what YAML made of a value ("a number" for an unquoted 14:32)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    words = {str: "text", list: "a list", dict: "a mapping", type(None): "empty (null)"}
    return words.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _message(error: ValidationError, whole: str) -> str:
    where = f"`{_dotted(error.absolute_path)}`" if error.absolute_path else whole
    if error.validator == "additionalProperties":
        keys = ", ".join(f"`{key}`" for key in _unexpected(error))
        under = f" under {where}" if error.absolute_path else ""
        return f"unknown key{'s' if ',' in keys else ''} {keys}{under}"
    if error.validator == "required":
        return f"{where} needs `{_missing(error)}`"
    if error.validator == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"{where} must be {' or '.join(TYPE_WORDS[t] for t in wanted)}, not {_kind(error.instance)}"
    if error.validator == "not":
        return f"{where} is not allowed here"
    if "propertyNames" in error.relative_schema_path:
        return f"unknown key `{error.instance}` under {where}"
    if error.validator in ("enum", "const"):
        return f"{where} has a value that is not allowed: {_shown(error.instance)}"
    if error.validator == "pattern":
        return f"{where} is not in the expected form: {_shown(error.instance)}"
    return f"{where}: {error.message}"


def _hint(error: ValidationError) -> str:
    if error.validator == "additionalProperties":
        valid = list(error.schema.get("properties", {}))
        close = difflib.get_close_matches(_unexpected(error)[0], valid, n=1) if _unexpected(error) else []
        return (f"did you mean `{close[0]}`? " if close else "") + f"Valid keys: {', '.join(valid)}"
    if error.validator == "not":
        return f"remove it: {error.schema.get('description', 'the schema forbids it')}"
    if error.validator == "required":
        return f"add `{_missing(error)}:`"
    if error.validator == "enum":
        return "use one of: " + ", ".join("null" if v is None else str(v) for v in error.validator_value)
    if error.validator == "const":
        return f"write {json.dumps(error.validator_value, ensure_ascii=False)}"
    if error.validator == "pattern" and "patternErrorMessage" in error.schema:
        return error.schema["patternErrorMessage"]
    examples = error.schema.get("examples")
    if examples and error.absolute_path:
        return f"for example `{error.absolute_path[-1]}: {json.dumps(examples[0], ensure_ascii=False)}`"
    return ""
