"""A copy of the site's sources, built the way `make build` builds it, so that a
benchmark never touches the real docs/ or site/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("mkdocs.yml", "refs.bib", "docs", "hooks", "overrides")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_sources(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "site")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return destination


def mkdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *extra], cwd=root, env=ENV,
                          capture_output=True, text=True)


def build_copy(destination: Path) -> Path:
    """Copy the sources into destination, build them, and return the built site."""
    root = copy_sources(destination / "sources")
    result = mkdocs_build(root)
    if result.returncode != 0:
        sys.exit(f"the site does not build:\n{result.stdout}{result.stderr}")
    return root / "site"
