"""The Python packages: every one installed is one that requirements.txt pins by
version and hash (`make lock` writes it from requirements.in), and MkDocs stays at 1.x."""

from __future__ import annotations

import re
from importlib.metadata import distributions

from checks.problems import Problem

LOCK = "requirements.txt"
LOCK_FIX = "edit requirements.in, then run `make lock`; never edit requirements.txt by hand"
# name==version, an optional environment marker, then one or more hashes.
PINNED = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;]+)"
                    r"(\s*;.*?)?(\s+--hash=sha256:[0-9a-f]{64})+")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(text: str) -> list[tuple[int, str]]:
    """Each requirement with the line it starts on: a line ending in a backslash
    joined to the next, comments and pip options (lines starting with -) dropped."""
    requirements, start, parts = [], 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        code = re.sub(r"(^|\s)#.*", "", line).strip()
        start = start if parts else number
        parts.append(code.removesuffix("\\"))
        if not code.endswith("\\"):
            requirement = " ".join(" ".join(parts).split())
            if requirement and not requirement.startswith("-"):
                requirements.append((start, requirement))
            parts = []
    return requirements


def unpinned_requirements(text: str, file: str = LOCK) -> list[Problem]:
    """Requirements that are not `name==version` with at least one `--hash=sha256:`."""
    return [Problem(file, number, f"{requirement.split()[0]} is not pinned as name==version "
                                  "with --hash=sha256:", LOCK_FIX)
            for number, requirement in requirement_lines(text) if not PINNED.fullmatch(requirement)]


def locked_versions(text: str) -> dict[str, str]:
    pins = (PINNED.fullmatch(requirement) for _, requirement in requirement_lines(text))
    return {canonical(pin["name"]): pin["version"] for pin in pins if pin}


def unlocked_packages(installed: dict[str, str], text: str, file: str = LOCK) -> list[Problem]:
    """Installed packages that the lock does not pin, or pins at another version."""
    locked = locked_versions(text)
    fix = ("run `make clean` then `make build` to reinstall from the lock; to keep the "
           "package, add it to requirements.in and run `make lock`")
    return [Problem(file, None, f"{name} {installed[name]} is installed, but {file} "
                                + (f"pins {name}=={locked[name]}" if name in locked else "does not list it"),
                    fix)
            for name in sorted(installed) if locked.get(name) != installed[name]]


def mkdocs_problems(installed_version: str) -> list[Problem]:
    """MkDocs 2 drops the plugins and hooks this site is built with."""
    if installed_version.split(".")[0] == "1":
        return []
    return [Problem("requirements.in", None,
                    f"MkDocs {installed_version} is installed, but this site needs MkDocs 1.x "
                    "(MkDocs 2 drops the plugins and hooks it is built with)",
                    "pin mkdocs==1.6.1 in requirements.in, run `make lock`, then `make clean` "
                    "and `make build`")]


def installed_packages() -> dict[str, str]:
    return {canonical(dist.metadata["Name"]): dist.version for dist in distributions()}
