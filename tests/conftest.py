"""Shared fixtures: every test works on its own copy of the site's sources, so a
test can break a copy without touching the real pages."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from sitebuild import copy_sources as copy_source_files, mkdocs_build  # noqa: E402


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

    def build(self):
        return mkdocs_build(self.root)

    def successful_build(self) -> "SiteCopy":
        """Build a copy that must build; fails the test with everything the build printed."""
        result = self.build()
        assert result.returncode == 0, f"the site does not build:\n{result.stdout}{result.stderr}"
        return self

    def references_item(self, key: str) -> str:
        """The built References page's item for one refs.bib entry, as HTML."""
        html = (self.site / "references" / "index.html").read_text(encoding="utf-8")
        return re.search(rf'<li><span id="{key}"></span>.*?</li>', html, re.DOTALL).group()

    def failed_build_output(self) -> str:
        """Build a copy a test has broken: the build must fail with a writer's message,
        never a Python traceback. Returns everything it printed."""
        result = self.build()
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        return output


def copy_sources(destination: Path) -> SiteCopy:
    return SiteCopy(copy_source_files(destination))


@pytest.fixture
def site_copy(tmp_path) -> SiteCopy:
    return copy_sources(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> SiteCopy:
    """The real site, built once with the real configuration."""
    return copy_sources(tmp_path_factory.mktemp("real")).successful_build()


@pytest.fixture
def built_copy(built_site, tmp_path) -> SiteCopy:
    """A copy of the built site whose HTML a test may break."""
    shutil.copytree(built_site.root, tmp_path / "copy")
    return SiteCopy(tmp_path / "copy")
