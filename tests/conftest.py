"""Shared fixtures: every test works on its own copy of the site's sources, so a
test can break a copy without touching the real pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

SOURCES = ("mkdocs.yml", "refs.bib", "docs", "hooks", "overrides")


class SiteCopy:
    """A copy of the site's sources that a test may break and build."""

    def __init__(self, root: Path):
        self.root = root
        self.site = root / "site"

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def write(self, relative: str, text: str) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def replace(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{relative} no longer contains {old!r}: update this test"
        self.write(relative, text.replace(old, new, 1))

    def build(self) -> subprocess.CompletedProcess:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=self.root,
                              env=env, capture_output=True, text=True)


def copy_sources(destination: Path) -> SiteCopy:
    ignore = shutil.ignore_patterns("__pycache__", "site")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return SiteCopy(destination)


@pytest.fixture
def site_copy(tmp_path) -> SiteCopy:
    return copy_sources(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> SiteCopy:
    """The real site, built once with the real configuration."""
    copy = copy_sources(tmp_path_factory.mktemp("real"))
    result = copy.build()
    assert result.returncode == 0, f"the site does not build:\n{result.stdout}{result.stderr}"
    return copy


@pytest.fixture
def built_copy(built_site, tmp_path) -> SiteCopy:
    """A copy of the built site whose HTML a test may break."""
    shutil.copytree(built_site.root, tmp_path / "copy")
    return SiteCopy(tmp_path / "copy")
