"""The language a transcript is written in, as an ISO 639-1 code ("en", "ru", "kk")."""
from __future__ import annotations

import re
from functools import lru_cache

# Below this many letters a text (a label, a date) says too little to tell its language.
MIN_LETTERS = 20
# The first this-many letters decide: a transcript keeps one language, and a bounded
# sample keeps a 100 KB text as cheap as a 3 KB one.
SAMPLE_LETTERS = 200  # ~0.2 ms a transcript; 3,000 took 1.8 ms and decided the same
# The languages the archive's publishers write in (English, Russian, Kazakh, Ukrainian, German,
# French, Spanish, Chinese, Arabic); a small set is faster and more accurate.
LANGUAGES = ("en", "ru", "kk", "uk", "de", "fr", "es", "zh", "ar")
NAMES = {"en": "English", "ru": "Russian", "kk": "Kazakh", "uk": "Ukrainian", "de": "German", "fr": "French",
         "es": "Spanish", "zh": "Chinese", "ar": "Arabic"}
SITE_LANGUAGE = "en"  # the site's own (mkdocs.yml theme.language): text in another is marked with lang


@lru_cache(maxsize=1)
def _detector():
    """Return lingua's detector for LANGUAGES, built once per process."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # imported here: a build that asks no language never loads it

    # Low-accuracy mode reads trigrams only: it loads in 0.08 s instead of 1.2 s (every `generate` pays
    # that once) and decides the same at the 200 letters read; lingua's trade-off is for texts under ~120.
    return (LanguageDetectorBuilder.from_iso_codes_639_1(*map(IsoCode639_1.from_str, LANGUAGES))
            .with_low_accuracy_mode().build())


_LETTER = re.compile(r"[^\W\d_]")


def _sample(text: str) -> tuple[str, int]:
    """Return the start of `text` up to SAMPLE_LETTERS letters, and how many letters it holds."""
    letters = 0
    for letters, match in enumerate(_LETTER.finditer(text), start=1):
        if letters == SAMPLE_LETTERS:
            return text[:match.end()], letters
    return text, letters


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the language of `text`, or None when it is too short to tell."""
    sample, letters = _sample(text)
    if letters < MIN_LETTERS:
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
