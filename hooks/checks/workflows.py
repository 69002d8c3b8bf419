"""The GitHub workflow files: valid for GitHub (the schema check-jsonschema ships, so
no network), safe by zizmor's audits (offline, auditor persona), and every job
time-limited, the one project rule neither tool checks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from checks import ROOT
from checks.problems import Problem



def jobs_without_timeout(path: Path) -> list[Problem]:
    """A job with no timeout-minutes may run for six hours, GitHub's limit, when it hangs."""
    name = path.relative_to(path.parents[2]).as_posix()
    root = {key.value: value for key, value in yaml.compose(path.read_text(encoding="utf-8")).value}
    return [Problem(name, key.start_mark.line + 1, f"job '{key.value}' has no timeout-minutes",
                    "add 'timeout-minutes: 30' (or what the job needs) under the job's name")
            for key, body in root["jobs"].value
            if "timeout-minutes" not in {setting.value for setting, _ in body.value}]


def schema_errors(paths: list[Path], schema: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, paths)], capture_output=True, text=True)


def zizmor(paths: list[Path], root: Path) -> subprocess.CompletedProcess:
    """Run from root with relative paths, so each finding names the file as the project does."""
    return subprocess.run([str(Path(sys.executable).with_name("zizmor")), "--offline", "--persona", "auditor",
                           "--min-severity", "low", "--color", "never",
                           "--config", str(ROOT / ".github" / "zizmor.yml"),
                           *(str(path.relative_to(root)) for path in paths)],
                          capture_output=True, text=True, cwd=root)
