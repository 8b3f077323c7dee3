"""Reading one rule file: YAML with `version: 1`, or an error naming the file."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import RulesError


def load_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read rules: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != 1:
        raise RulesError(f"{path}: expected a mapping with `version: 1`")
    return data

