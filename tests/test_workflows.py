"""The GitHub workflow files are valid, safe by zizmor's audits and time-limited
(hooks/checks/workflows.py), and each unsafe change fails at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.workflows import jobs_without_timeout, schema_errors, zizmor

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "links.yml"}


def test_every_job_has_a_time_limit():
    problems = [str(problem) for path in WORKFLOWS for problem in jobs_without_timeout(path)]
    assert not problems, "\n".join(problems)


def test_workflows_and_dependabot_match_githubs_schemas():
    for paths, schema in ((WORKFLOWS, "vendor.github-workflows"),
                          ([ROOT / ".github" / "dependabot.yml"], "vendor.dependabot")):
        result = schema_errors(paths, schema)
        assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(WORKFLOWS, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


GOOD = """\
name: Example
on: push
permissions:
  contents: read
concurrency:
  group: ${{ github.workflow }}
  cancel-in-progress: true
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2
        with:
          persist-credentials: false
      - run: make test
"""


def broken_workflow(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD
    path = tmp_path / ".github" / "workflows" / "broken.yml"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    return path


def test_the_good_example_passes_every_check(tmp_path):
    """So that each broken example below fails for its one change, and nothing else."""
    path = broken_workflow(tmp_path, "on: push", "on: push")
    assert jobs_without_timeout(path) == []
    assert schema_errors([path], "vendor.github-workflows").returncode == 0
    result = zizmor([path], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_job_without_timeout_is_reported_with_line_and_fix(tmp_path):
    path = broken_workflow(tmp_path, "    timeout-minutes: 10\n", "")
    assert [str(problem) for problem in jobs_without_timeout(path)] == [
        ".github/workflows/broken.yml:9: job 'test' has no timeout-minutes. "
        "Fix: add 'timeout-minutes: 30' (or what the job needs) under the job's name"]


def test_a_misspelt_workflow_key_fails_the_schema_check(tmp_path):
    result = schema_errors([broken_workflow(tmp_path, "steps:", "stepz:")], "vendor.github-workflows")
    assert result.returncode != 0
    assert "broken.yml" in result.stdout and "stepz" in result.stdout, result.stdout


@pytest.mark.parametrize("old, new, finding, line", [
    ("on: push", "on: pull_request_target", "dangerous-triggers", 2),
    ("make test", 'echo "${{ github.event.pull_request.title }}"', "template-injection", 16),
    ("permissions:\n  contents: read", "permissions: write-all", "excessive-permissions", 3),
    ("@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2", "@v4", "unpinned-uses", 13),
], ids=["pull_request_target", "title in run", "write-all", "unpinned action"])
def test_zizmor_refuses_each_unsafe_workflow_with_file_line_and_fix(tmp_path, old, new, finding, line):
    result = zizmor([broken_workflow(tmp_path, old, new)], tmp_path)
    assert result.returncode != 0
    # zizmor's fix is the help line linking to the audit's documentation.
    assert re.search(rf"error\[{finding}\]: .+\n\s+--> \.github/workflows/broken\.yml:{line}:\d+\n"
                     rf"(?:.*\n)*?\s+= help: audit documentation → \S+#{finding}", result.stdout), result.stdout
