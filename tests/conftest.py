"""Shared fixtures: every test works on its own copy of the site's sources, so a
test can break a copy without touching the real pages."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

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
        """`mkdocs build` as a writer runs it, in a process of its own."""
        return mkdocs_build(self.root)

    def build_here(self) -> tuple[bool, str]:
        """The same build in this process (start-up is most of a failed build's time):
        whether it built, and every message it logged, as a writer would read them."""
        messages = []
        handler = logging.Handler(logging.INFO)
        handler.emit = lambda record: messages.append(f"{record.levelname}: {record.getMessage()}")
        logger, folder = logging.getLogger("mkdocs"), os.getcwd()
        logger.addHandler(handler)
        os.chdir(self.root)  # pymdownx.snippets reads docs/ relative to where mkdocs runs
        try:
            build(load_config(str(self.root / "mkdocs.yml")))
            built = True
        except (Abort, MkDocsException) as error:
            messages.append(str(error))
            built = False
        finally:
            os.chdir(folder)
            logger.removeHandler(handler)
        return built, "\n".join(messages)

    def successful_build(self) -> "SiteCopy":
        """Build a copy that must build; fails the test with everything the build logged."""
        built, messages = self.build_here()
        assert built, f"the site does not build:\n{messages}"
        return self

    def references_item(self, key: str) -> str:
        """The built References page's item for one refs.bib entry, as HTML."""
        html = (self.site / "references" / "index.html").read_text(encoding="utf-8")
        return re.search(rf'<li><span id="{key}"></span>.*?</li>', html, re.DOTALL).group()

    def failed_build_output(self) -> str:
        """Build a copy a test has broken: the build must fail with a writer's message
        (any other exception fails the test with its traceback). Returns what it logged."""
        built, output = self.build_here()
        assert not built, output
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
