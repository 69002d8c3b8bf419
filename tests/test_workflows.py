"""The GitHub workflow files: valid for GitHub (the schema check-jsonschema ships,
so no network), every action pinned to a commit, every job time-limited, and
read-only permissions unless a job asks for more."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from problems import Problem

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*['\"]?([^\s'\"#]+)['\"]?\s*(#.*)?$")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
READ_ONLY = {"read", "none"}


def mapping_items(node) -> dict[str, tuple]:
    """A YAML mapping node as {key: (key node, value node)}, keeping line numbers."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: (key, value) for key, value in node.value}


def unpinned_action_problems(name: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = USES.match(line)
        if not match or match.group(1).startswith(("./", "docker://")):
            continue
        action = match.group(1)
        if not PINNED.match(action):
            repo, _, ref = action.partition("@")
            problems.append(Problem(
                name, number, f"'{action}' is not pinned to a commit, so what runs can change under us",
                f"write uses: {repo}@<the 40-character commit SHA of tag {ref or 'vX.Y.Z'}> # {ref or 'vX.Y.Z'}"))
        elif not (match.group(2) or "").lstrip("# ").startswith("v"):
            problems.append(Problem(name, number, f"'{action}' has no version comment",
                                    "add the tag the commit belongs to after it, for example # v6.0.2"))
    return problems


def job_problems(name: str, text: str) -> list[Problem]:
    root = mapping_items(yaml.compose(text))
    problems = []
    if "permissions" not in root:
        problems.append(Problem(name, 1, "the workflow has no top-level permissions",
                                "add 'permissions:' with 'contents: read' near the top; "
                                "give a job more only inside that job"))
    else:
        key, value = root["permissions"]
        granted = {key_node.value: value_node.value for key_node, value_node in value.value} \
            if isinstance(value, yaml.MappingNode) else {"all": value.value}
        for scope, level in granted.items():
            if level not in READ_ONLY and level != "read-all":
                problems.append(Problem(
                    name, key.start_mark.line + 1, f"top-level permissions give '{scope}: {level}' to every job",
                    "keep 'contents: read' at the top and move write permissions into the one job that needs them"))
    for job, (key, body) in mapping_items(root.get("jobs", (None, None))[1]).items():
        if "timeout-minutes" not in mapping_items(body):
            problems.append(Problem(name, key.start_mark.line + 1, f"job '{job}' has no timeout-minutes",
                                    "add 'timeout-minutes: 30' (or what the job needs) under the job's name"))
    return problems


def workflow_problems(path: Path) -> list[Problem]:
    name = path.relative_to(path.parents[2]).as_posix()
    text = path.read_text(encoding="utf-8")
    return unpinned_action_problems(name, text) + job_problems(name, text)


def schema_errors(paths: list[Path], schema: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, paths)], capture_output=True, text=True)


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "links.yml"}


def test_workflows_follow_the_rules():
    problems = [str(problem) for path in WORKFLOWS for problem in workflow_problems(path)]
    assert not problems, "\n".join(problems)


def test_workflows_and_dependabot_match_githubs_schemas():
    for paths, schema in ((WORKFLOWS, "vendor.github-workflows"),
                          ([ROOT / ".github" / "dependabot.yml"], "vendor.dependabot")):
        result = schema_errors(paths, schema)
        assert result.returncode == 0, result.stdout + result.stderr


GOOD = """\
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2
"""


def broken_workflow(tmp_path: Path, old: str, new: str) -> Path:
    assert old in GOOD
    path = tmp_path / ".github" / "workflows" / "broken.yml"
    path.parent.mkdir(parents=True)
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    return path


def test_the_good_example_passes(tmp_path):
    path = broken_workflow(tmp_path, "on: push", "on: push")
    assert workflow_problems(path) == []
    assert schema_errors([path], "vendor.github-workflows").returncode == 0


@pytest.mark.parametrize("old, new, expected", [
    ("actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2", "actions/checkout@v4",
     ".github/workflows/broken.yml:9: 'actions/checkout@v4' is not pinned to a commit, so what runs "
     "can change under us. Fix: write uses: actions/checkout@<the 40-character commit SHA of tag v4> # v4"),
    (" # v6.0.2", "",
     ".github/workflows/broken.yml:9: 'actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd' has no "
     "version comment. Fix: add the tag"),
    ("    timeout-minutes: 10\n", "",
     ".github/workflows/broken.yml:5: job 'test' has no timeout-minutes. Fix: add 'timeout-minutes: 30'"),
    ("contents: read", "contents: write",
     ".github/workflows/broken.yml:2: top-level permissions give 'contents: write' to every job. Fix: keep"),
    ("permissions:\n  contents: read\n", "",
     ".github/workflows/broken.yml:1: the workflow has no top-level permissions. Fix: add 'permissions:'"),
])
def test_a_broken_workflow_is_reported_with_line_and_fix(tmp_path, old, new, expected):
    messages = [str(problem) for problem in workflow_problems(broken_workflow(tmp_path, old, new))]
    assert any(message.startswith(expected) for message in messages), messages


def test_a_misspelt_workflow_key_fails_the_schema_check(tmp_path):
    result = schema_errors([broken_workflow(tmp_path, "steps:", "stepz:")], "vendor.github-workflows")
    assert result.returncode != 0
    assert "broken.yml" in result.stdout and "stepz" in result.stdout, result.stdout


def zizmor(paths: list[Path]) -> subprocess.CompletedProcess:
    """zizmor, the GitHub Actions security linter, offline, as an auditor would run it."""
    return subprocess.run([str(Path(sys.executable).with_name("zizmor")), "--offline", "--persona", "auditor",
                           "--min-severity", "low", "--config", str(ROOT / ".github" / "zizmor.yml"),
                           *map(str, paths)], capture_output=True, text=True)


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_refuses_untrusted_input_write_all_and_unpinned_actions(tmp_path):
    path = broken_workflow(tmp_path, "on: push\npermissions:\n  contents: read\n",
                           "on: pull_request_target\npermissions: write-all\n")
    path.write_text(path.read_text().replace(
        "actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2",
        "actions/checkout@v4\n      - run: echo \"${{ github.event.pull_request.title }}\""), encoding="utf-8")
    result = zizmor([path])
    assert result.returncode != 0
    for finding in ("dangerous-triggers", "template-injection", "excessive-permissions", "unpinned-uses"):
        assert f"error[{finding}]" in result.stdout and "broken.yml:" in result.stdout, result.stdout
