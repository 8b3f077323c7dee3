"""Stable addresses for people, places and years on the index pages."""
from __future__ import annotations

import hashlib
import re

from anyascii import anyascii


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug: "Mukhtar Tleuberdi" -> "mukhtar-tleuberdi", "Сергей Лавров" -> "sergey-lavrov"."""
    # anyascii transliterates every script from fixed tables (no locale, no network), so a
    # Cyrillic or Kazakh name gets a readable address and the same one on every machine.
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    # Text that transliterates to nothing (punctuation only) still needs a stable address.
    return slug or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def person_anchor(name: str) -> str:
    return slugify(name)


def year_anchor(year: str | int) -> str:
    return f"y{year}"


def month_anchor(year: str | int, month: int) -> str:
    return f"y{year}-{month:02d}"
