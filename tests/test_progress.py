"""Progress output: plain lines in a log, a redrawn bar on a terminal, nothing for small runs."""
from __future__ import annotations

import io

from build_scripts.core.progress import QUIET_BELOW, Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_tenth():
    out = io.StringIO()
    progress = Progress("transcripts", 1000, stream=out)
    for _ in range(1000):
        progress.step()
    progress.finish()
    lines = out.getvalue().splitlines()
    assert lines[:2] == ["transcripts: 100/1,000 (10%)", "transcripts: 200/1,000 (20%)"]
    assert lines[9] == "transcripts: 1,000/1,000 (100%)"
    assert lines[10].startswith("transcripts: 1,000 in ") and len(lines) == 11
    assert "\r" not in out.getvalue()


def test_a_terminal_gets_a_bar_redrawn_in_place():
    out = Terminal()
    progress = Progress("pages", 400, stream=out)
    progress.step(400)
    progress.finish()
    text = out.getvalue()
    assert text.startswith("\rpages [" + "#" * 30 + "] 400/400")
    assert text.endswith("\n") and text.count("\n") == 1


def test_small_runs_and_quiet_builds_print_nothing():
    out = io.StringIO()
    small = Progress("pages", QUIET_BELOW - 1, stream=out)
    small.step(QUIET_BELOW - 1)
    small.finish()
    quiet = Progress("pages", 5000, stream=out, enabled=False)
    quiet.step(5000)
    quiet.finish()
    assert out.getvalue() == ""
