"""The GitHub workflows: actionlint finds nothing, and they run only what `make test` exercises here."""
from __future__ import annotations

import re
import shlex

import pytest
import yaml

from conftest import BIN, ROOT, run

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# The only `run:` lines that are not a make target: container housekeeping.
HOUSEKEEPING = {'git config --global --add safe.directory "$GITHUB_WORKSPACE"'}
# Commands the pytest suite runs itself, and where (besides those `make test`'s own recipe runs).
RUN_BY_TESTS = {
    "python -m build_scripts generate": "conftest.build_site",
    "mkdocs build --strict": "conftest.build_site",
    "python -m build_scripts check-site": "conftest.build_site",
    "python -m build_scripts offline": "conftest.offline_zip",
    "python -m build_scripts check-links": "test_site_links.test_check_links_command",
    "python -m build_scripts review": "test_review.test_make_review_appends_to_the_job_summary",
    "python -m build_scripts validate": "test_validate.test_the_corpus_is_valid",
}


def test_actionlint_finds_nothing():
    assert len(WORKFLOWS) >= 2
    result = run(str(BIN / "actionlint"), "-shellcheck", str(BIN / "shellcheck"), *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path):
    """The lint is live: a workflow with a typo in an expression fails it."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.shaa }}\n", encoding="utf-8")
    result = run(str(BIN / "actionlint"), str(bad))
    assert result.returncode == 1 and "shaa" in result.stdout


def run_lines() -> list[tuple[str, str]]:
    lines = []
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job.get("steps", []):
                if "run" in step:
                    lines += [(workflow.name, line.strip()) for line in step["run"].splitlines() if line.strip()]
    return lines


def make_call(line: str) -> str | None:
    """The target of a plain `make TARGET [VAR=value…]` line; None for anything else (`&&`, pipes, …)."""
    words = shlex.split(line)
    if len(words) >= 2 and words[0] == "make" and re.fullmatch(r"[a-z-]+", words[1]) \
            and all(re.fullmatch(r"[A-Z_]+=\S*", w) for w in words[2:]):
        return words[1]
    return None


def make_targets() -> set[str]:
    return {make_call(line) for _, line in run_lines() if make_call(line)}


def test_every_run_step_is_a_make_target_or_housekeeping():
    odd = [f"{name}: {line}" for name, line in run_lines() if not make_call(line) and line not in HOUSEKEEPING]
    assert not odd, odd
    assert {"test", "build", "offline", "review", "validate", "check-links"} <= make_targets()


def commands(target: str) -> set[str]:
    """The commands `make` would run for `target` from scratch, each reduced to what identifies it."""
    result = run("make", "--dry-run", "--always-make", "--no-print-directory", target, "BASE=origin/main")
    assert result.returncode == 0, result.stderr
    joined = re.sub(r"\\\n", " ", result.stdout)
    found = set()
    for line in joined.splitlines():
        line = line.strip().replace(".venv/bin/", "")
        words = line.split()
        if line.startswith("python -m build_scripts"):
            line = " ".join(words[:4])
        elif line.startswith("mkdocs build"):
            line = " ".join(words[:3])
        found.add(line)
    return found


@pytest.mark.parametrize("target", sorted(make_targets()))
def test_workflow_target_runs_only_what_make_test_exercises(target):
    exercised = commands("test") | set(RUN_BY_TESTS)
    assert commands(target) <= exercised, commands(target) - exercised
