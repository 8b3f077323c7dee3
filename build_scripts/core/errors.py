"""Errors that point at a file and line, and a collector that reports them all."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem with an input file: `path:line: message — hint`."""

    path: str
    line: int | None
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class TranscriptError(Exception):
    """Raised by a stage when a transcript cannot be built; carries its Problem."""

    def __init__(self, path: str, line: int | None, message: str, hint: str = ""):
        self.problem = Problem(path, line, message, hint)
        super().__init__(str(self.problem))


class RulesError(Exception):
    """A data file under build_scripts/data is malformed."""
