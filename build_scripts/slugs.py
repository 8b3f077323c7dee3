"""Stable addresses for people, places and years on the index pages."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str) -> str:
    """Return a lower-case ASCII slug: "Mukhtar Tleuberdi" -> "mukhtar-tleuberdi"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    # A name with no Latin letters still needs a stable address.
    return slug or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def person_anchor(name: str) -> str:
    return slugify(name)


def year_anchor(year: str | int) -> str:
    return f"y{year}"


def month_anchor(year: str | int, month: int) -> str:
    return f"y{year}-{month:02d}"
