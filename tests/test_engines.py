"""The site does not hang on one engine: MkDocs 1.6.1 (no release since 2024) and ProperDocs 1.6.7,
its maintained drop-in fork, build the same docs/ into the same bytes, file for file."""
from __future__ import annotations

import sys

from conftest import BIN, PUBLISHED, copy_seeds, run, tree, write_config


def test_mkdocs_and_properdocs_build_byte_identical_sites(tmp_path):
    config = write_config(tmp_path)
    corpus = copy_seeds(tmp_path / "corpus")
    made = run(sys.executable, "-m", "build_scripts", "generate", "--corpus", str(corpus), "--out", str(tmp_path / "docs"), env=PUBLISHED)
    assert made.returncode == 0, made.stderr
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        built = run(str(BIN / engine), "build", "--strict", "-f", str(config), "-d", str(tmp_path / engine), env=PUBLISHED)
        assert built.returncode == 0, built.stderr
        sites[engine] = tree(tmp_path / engine)
    assert len(sites["mkdocs"]) > 50
    assert sites["mkdocs"].keys() == sites["properdocs"].keys()
    differ = [name for name in sites["mkdocs"] if sites["mkdocs"][name] != sites["properdocs"][name]]
    assert differ == [], differ[:10]
