"""Originals and their translations: a Russian transcript and its English translation are one event.

A pair is set in the translation's sidecar (`translation_of: <id of the original>`), or inferred
across the corpus when the two agree on everything they state:

- the same day (both dated to the day), and different languages;
- the same people, by the register (speakers and counterparts), when both name any;
- the same place, when both name one;
- lengths a translation has: the English text between 0.8 and 2.2 times the Russian's words.

Of several candidates, the one sharing the most wins; a tie pairs nothing and says so (a sidecar
settles it). An inferred pair is shown as inferred, with what the two pages share. Nothing is
dropped: both keep their pages; the listings show the event once, by its page in the site's
language (the translation), which links the original.
"""
from __future__ import annotations

from ..core.errors import Problem
from ..core.model import Pairing, Transcript

LENGTH_RATIO = (0.8, 2.2)  # English words per Russian word in a translation


def _people(t: Transcript) -> set[str]:
    return {p["name"] for key in ("speakers", "counterparts") for p in t.value(key, []) or []}


def _words(t: Transcript) -> int:
    return int(t.value("word_count", 0) or 0)


def _shared(original: Transcript, translation: Transcript) -> list[str] | None:
    """What the two agree on, or None when they disagree on anything both state."""
    day = original.value("date")
    if not day or len(str(day)) != 10 or day != translation.value("date"):
        return None
    shared = ["the same day"]
    people_a, people_b = _people(original), _people(translation)
    if people_a and people_b:
        if not people_a & people_b:
            return None
        shared.append("the same people (" + ", ".join(sorted(people_a & people_b)) + ")")
    place_a, place_b = original.value("place_id"), translation.value("place_id")
    if place_a and place_b:
        if place_a != place_b:
            return None
        shared.append(f"the same place ({translation.value('place')})")
    low, high = LENGTH_RATIO
    if not _words(original) or not low <= _words(translation) / _words(original) <= high:
        return None
    shared.append("a translation's length")
    return shared


def _link(original: Transcript, translation: Transcript, source: str, why: str, line: int | None = None) -> None:
    translation.translation_of = Pairing(original.id, original.value("title") or original.id,
                                         original.language or "", source, why, line)
    original.translation = Pairing(translation.id, translation.value("title") or translation.id,
                                   translation.language or "", source, why, line)


def pair_translations(transcripts: list[Transcript]) -> list[Problem]:
    """Pair each translation with its original (sidecar first, then inferred); return the problems."""
    problems: list[Problem] = []
    by_id = {t.id: t for t in transcripts}
    for t in transcripts:
        wanted = (t.sidecar or {}).get("translation_of")
        if wanted is None:
            continue
        line = t.sidecar_lines.get("translation_of")
        original = by_id.get(wanted)
        if original is None or original is t or original.translation is not None:
            what = ("names this transcript itself" if original is t else
                    "names a transcript that already has a translation" if original is not None else
                    f"names no transcript of the corpus ({wanted})")
            problems.append(Problem(t.sidecar_file, line, f"`translation_of` {what}",
                                    "give the id of the original, its corpus file name without .txt"))
            continue
        _link(original, t, "sidecar", f"set in {t.sidecar_file}, line {line}", line)
    originals = [t for t in transcripts if t.language == "ru" and t.copy_of is None and t.translation is None]
    translations = [t for t in transcripts if t.language == "en" and t.copy_of is None and t.translation_of is None]
    by_day: dict[str, list[Transcript]] = {}
    for t in translations:
        by_day.setdefault(str(t.value("date")), []).append(t)
    candidates: dict[str, list[tuple[int, Transcript, list[str]]]] = {}
    for original in originals:
        for translation in by_day.get(str(original.value("date")), []):
            shared = _shared(original, translation)
            if shared is not None:
                candidates.setdefault(original.id, []).append((len(shared), translation, shared))
    claimed: dict[str, list[str]] = {}
    for original_id, found in candidates.items():
        found.sort(key=lambda c: (-c[0], c[1].id))
        if len(found) > 1 and found[0][0] == found[1][0]:
            problems.append(_ambiguous(by_id[original_id], [c[1] for c in found if c[0] == found[0][0]]))
            continue
        claimed.setdefault(found[0][1].id, []).append(original_id)
    for translation_id, original_ids in sorted(claimed.items()):
        translation = by_id[translation_id]
        if len(original_ids) > 1:
            problems.append(_ambiguous(translation, [by_id[i] for i in original_ids]))
            continue
        original = by_id[original_ids[0]]
        shared = next(c[2] for c in candidates[original.id] if c[1] is translation)
        _link(original, translation, "inferred", "; ".join(shared))
    return problems


def _ambiguous(t: Transcript, others: list[Transcript]) -> Problem:
    names = ", ".join(o.corpus_file for o in sorted(others, key=lambda o: o.id))
    return Problem(t.corpus_file, None, f"may be the original or the translation of more than one transcript "
                   f"({names}), so none is paired with it", "name the original in the translation's sidecar: "
                   "`translation_of: <id>`", "warning")
