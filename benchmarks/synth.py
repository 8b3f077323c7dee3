"""Synthesise N realistic raw transcripts from the seeds' formats, deterministically.

Each synthetic file takes one seed's shape — its site chrome at the head and tail
exactly as scraped, its style of title and dateline — and fills it with a new
title (date, place, counterpart), and a body of opening remarks and questions
drawn from the seeds' own paragraphs, in new orders and lengths. The same N and
seed always give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from build_scripts.build import load_transcript
from build_scripts.pipeline.dates import MONTHS
from build_scripts.core.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
COUNTERPARTS = ["Mukhtar Tleuberdi", "Erlan Idrisov", "Beibut Atamkulov", "Murat Nurtleu", "Kairat Abdrakhmanov"]
PLACES = ["Moscow", "Astana", "Nur-Sultan", "Almaty", "Sochi", "Minsk", "Dushanbe", "Tashkent", "Bishkek"]
OUTLETS = ["Kazakhstanskaya Pravda", "Khabar TV", "Interfax-Kazakhstan", "Egemen Qazaqstan"]


def _shape(path: Path, rules) -> tuple[list[str], list[str], str]:
    """(head lines before the title, tail lines after the text, the seed's format name)."""
    t = load_transcript(path, ROOT, rules)
    first, last = t.body[0].number, t.body[-1].number
    removed = {r.line: r for r in t.removals}
    head = [l.text for l in t.lines if l.number < first and (l.number not in removed or removed[l.number].profile != "header")]
    tail = [l.text for l in t.lines if l.number > last]
    fmt = ("dateline-first" if "dateline" in t.header and t.header["dateline"].number < t.header.get("title", t.lines[0]).number
           else "dateline-after" if "dateline" in t.header else "title-date" if t.value("date") else "undated")
    return head, tail, fmt


def _pools(rules) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs of opening remarks, questions, and answers from the seeds."""
    opening, questions, answers = [], [], []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        t = load_transcript(path, ROOT, rules)
        for section in t.sections:
            for turn in section.turns:
                texts = [p.text for p in turn.paragraphs]
                if turn.kind == "question":
                    questions += texts
                elif section.anchor == "opening":
                    opening += texts
                else:
                    answers += texts
    return opening, questions, answers


def _title(rng: random.Random, fmt: str, day: dt.date, place: str, who: str) -> str:
    month_first = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    day_first = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return rng.choice([
        f"Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news conference "
        f"following talks with Foreign Minister of Kazakhstan {who}, {place}, {month_first}",
        f"Foreign Minister Sergey Lavrov's statement and answers to media questions at a joint news conference "
        f"with Deputy Prime Minister – Foreign Minister of Kazakhstan {who}, {place}, {month_first}",
        f"Speech by the Russian Foreign Minister, Sergey Lavrov, and his answers to questions from the mass media "
        f"during the press conference summarising the results of the negotiations with the Kazakh Foreign Minister, "
        f"{who}, {place}, {day_first}",
    ]) if fmt != "undated" else f"Interview of Foreign Minister Sergey Lavrov to {rng.choice(OUTLETS)}"


def synthesise(n: int, out: Path, seed: int = 2013) -> list[Path]:
    """Write n transcripts into `out` (created); return their paths."""
    rules = load_rules()
    shapes = [_shape(p, rules) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    opening, questions, answers = _pools(rules)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        head, tail, fmt = shapes[i % len(shapes)]
        day = dt.date(2013, 1, 1) + dt.timedelta(days=rng.randrange(0, 4700))
        place, who = rng.choice(PLACES), rng.choice(COUNTERPARTS)
        title = _title(rng, fmt, day, place, who)
        dateline = f"{day.day} {MONTHS[day.month - 1]} {day.year}{rng.randrange(9, 19):02d}:{rng.randrange(60):02d}"
        body = [] if fmt == "undated" else ["Ladies and gentlemen,"] + rng.sample(opening, rng.randrange(3, 12))
        for _ in range(rng.randrange(3, 12)):
            body.append("Question: " + rng.choice(questions).removeprefix("Question: "))
            reply = rng.sample(answers, rng.randrange(1, 5))
            body += ["Sergey Lavrov: " + reply[0], *reply[1:]]
        top = [*head, title] if fmt != "dateline-first" else [*head[:-1], dateline, "", title] if head else [dateline, title]
        if fmt == "dateline-after":
            top += ["", dateline]
        lines = [*top, "", *body, "", *tail]
        path = out / f"synthetic-{i:05d}.txt"
        path.write_text("\n\n".join(l for l in lines if l != "") + "\n", encoding="utf-8")
        paths.append(path)
    return paths
