"""Writing docs/ all at once: pages go to a staging folder as they are made, then replace docs/ whole.

A failed or abandoned run leaves docs/ as it was. A page whose bytes did not change
keeps its file (a hard link to the old one, so its time stays too), so only the
pages that depend on a changed transcript are rewritten; and when nothing changed
at all, docs/ is not touched (which also keeps `mkdocs serve` from rebuilding in a loop).
Pages stream through: at no point is the whole site held in memory.
"""
from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path


class StagedTree:
    """The next docs/, written page by page; `commit()` swaps it in. Used as a context
    manager, anything not committed when the block ends (by an error, too) is dropped."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
        self.names: set[str] = set()
        self.all_kept = out_dir.is_dir()  # every page so far is byte-identical to docs/

    def __enter__(self) -> StagedTree:
        return self

    def __exit__(self, *exc) -> None:
        self.abandon()  # whatever was not committed, by error or by choice, is dropped

    def write(self, name: str, data: bytes | Iterable[bytes]) -> None:
        """Stage page `name` (a path under docs/, each written once): its bytes, or the pieces of
        a file too large to hold whole."""
        if name in self.names:
            raise ValueError(f"{name} would be written twice")  # a second write would go through the link
        self.names.add(name)
        target = self.staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.out_dir / name
        if not isinstance(data, bytes):
            with open(target, "wb") as f:
                for piece in data:
                    f.write(piece)
            if old.is_file() and filecmp.cmp(old, target, shallow=False):
                target.unlink()
                os.link(old, target)
            else:
                self.all_kept = False
            return
        try:
            if old.stat().st_size == len(data) and old.read_bytes() == data:
                os.link(old, target)
                return
        except OSError:
            pass
        self.all_kept = False
        target.write_bytes(data)

    def commit(self, ignore: str = "") -> bool:
        """Replace docs/ with the staged pages unless they are exactly what it holds (file `ignore`
        aside); return True when docs/ changed."""
        try:
            present = {p.relative_to(self.out_dir).as_posix() for p in self.out_dir.rglob("*")
                       if p.is_file() and p.name != ignore} if self.out_dir.is_dir() else set()
            if self.all_kept and present == self.names:
                return False
            old = self.out_dir.with_name(f".{self.out_dir.name}-old")
            if old.exists():
                shutil.rmtree(old)
            if self.out_dir.exists():
                self.out_dir.rename(old)
            self.staging.rename(self.out_dir)
            if old.exists():
                shutil.rmtree(old)
            return True
        finally:
            self.abandon()  # the unchanged case: the staged links go

    def abandon(self) -> None:
        """Drop the staged pages; docs/ stays as it was."""
        if self.staging.exists():
            shutil.rmtree(self.staging)
