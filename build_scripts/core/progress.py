"""Progress of a long build: a bar on a terminal, a plain line every tenth in CI logs.

Small runs (fewer than QUIET_BELOW items) print nothing, so the everyday build of a
few transcripts stays as quiet as before. Output goes to stderr, never stdout, so
`generate --explain` and other reports stay clean.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET_BELOW = 200
BAR_WIDTH = 30


class Progress:
    """Counts `total` steps of one stage and shows how far it has got."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, enabled: bool = True):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled and total >= QUIET_BELOW
        self.tty = self.enabled and getattr(self.stream, "isatty", lambda: False)()
        self.started = time.perf_counter()
        self._last_tenth = 0
        self._last_draw = 0.0

    def step(self, count: int = 1) -> None:
        self.done = min(self.total, self.done + count)
        if not self.enabled:
            return
        if self.tty:
            now = time.perf_counter()
            if now - self._last_draw >= 0.1 or self.done == self.total:
                self._last_draw = now
                filled = BAR_WIDTH * self.done // self.total
                self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                                  f"{self.done:,}/{self.total:,}")
                self.stream.flush()
        else:
            tenth = 10 * self.done // self.total
            if tenth > self._last_tenth:
                self._last_tenth = tenth
                self.stream.write(f"{self.label}: {self.done:,}/{self.total:,} ({tenth * 10}%)\n")
                self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            seconds = time.perf_counter() - self.started
            self.stream.write(("\r" if self.tty else "") + f"{self.label}: {self.done:,} in {seconds:.1f} s"
                              + (" " * BAR_WIDTH if self.tty else "") + "\n")
            self.stream.flush()
