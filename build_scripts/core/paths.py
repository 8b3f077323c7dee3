"""Where the generator's own files are: its code, rule data, page templates, theme and schemas."""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent      # build_scripts/
ROOT = PACKAGE.parent                                  # the project
DATA_DIR = PACKAGE / "data"                            # the rule files (people, places, topics, …)
STATIC_PAGES = PACKAGE / "pages"                       # hand-written pages, copied into docs/ as they are
TEMPLATES = PACKAGE / "templates"                      # Markdown templates of the home and data pages
THEME = PACKAGE / "theme"                              # the theme's overrides and assets
SCHEMA_DIR = ROOT / "schema"                           # JSON Schemas of sidecars and front matter
