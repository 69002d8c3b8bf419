"""Every Python package in the venv is one that requirements.txt pins by version and
hash, and MkDocs stays at 1.x (hooks/checks/dependencies.py); each check fails on
broken input."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from checks.dependencies import (LOCK, LOCK_FIX, installed_packages, locked_versions, mkdocs_problems,
                                 unlocked_packages, unpinned_requirements)
from checks.problems import report

ROOT = Path(__file__).resolve().parent.parent
def test_the_installed_mkdocs_is_1x():
    problems = mkdocs_problems(version("mkdocs"))
    assert not problems, report(problems, "MkDocs is the wrong version")


def test_a_mkdocs_2_release_is_refused_with_the_fix():
    assert [str(problem) for problem in mkdocs_problems("2.0.0a1")] == [
        "requirements.in: MkDocs 2.0.0a1 is installed, but this site needs MkDocs 1.x (MkDocs 2 "
        "drops the plugins and hooks it is built with). Fix: pin mkdocs==1.6.1 in "
        "requirements.in, run `make lock`, then `make clean` and `make build`"]


def test_every_requirement_in_the_lock_is_pinned_by_version_and_hash():
    text = (ROOT / LOCK).read_text(encoding="utf-8")
    problems = unpinned_requirements(text)
    assert not problems, report(problems, f"{LOCK} has requirements without a pin and a hash")
    assert locked_versions(text)["mkdocs"].startswith("1.")
    assert {"pip", "setuptools"} <= locked_versions(text).keys()


def test_every_installed_package_is_pinned_in_the_lock():
    problems = unlocked_packages(installed_packages(), (ROOT / LOCK).read_text(encoding="utf-8"))
    assert not problems, report(problems, "packages got into the venv without the lock")


BROKEN_LOCK = f"""\
# made by hand, not by pip-compile
mkdocs==1.6.1 \\
    --hash=sha256:{"a" * 64}
    # via -r requirements.in
click>=8.1 \\
    --hash=sha256:{"b" * 64}
pyyaml==6.0.4
markdown==3.11.3 \\
    --hash=md5:0123
"""


def test_a_lock_with_an_unpinned_or_unhashed_requirement_is_refused_with_the_line():
    assert [str(problem) for problem in unpinned_requirements(BROKEN_LOCK)] == [
        f"requirements.txt:{line}: {name} is not pinned as name==version with --hash=sha256:. "
        f"Fix: {LOCK_FIX}" for line, name in [(5, "click>=8.1"), (7, "pyyaml==6.0.4"),
                                              (8, "markdown==3.11.3")]]


def test_a_package_installed_outside_the_lock_is_named():
    installed = {"mkdocs": "1.6.1", "pyyaml": "6.0.3", "rogue": "0.1"}
    messages = [str(problem) for problem in unlocked_packages(installed, BROKEN_LOCK)]
    assert messages[0].startswith("requirements.txt: pyyaml 6.0.3 is installed, but "
                                  "requirements.txt does not list it. Fix: run `make clean`")
    assert messages[1].startswith("requirements.txt: rogue 0.1 is installed, but "
                                  "requirements.txt does not list it. Fix:")
    assert "add it to requirements.in and run `make lock`" in messages[1]
    assert unlocked_packages({"mkdocs": "1.5.3"}, BROKEN_LOCK)[0].message.endswith(
        "pins mkdocs==1.6.1")
