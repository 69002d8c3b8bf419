"""Every check of the site, as plain functions that return Problems ("file:line:
what. Fix: how"). The hooks in hooks/ call them during a build, the tests in tests/
call them on the built site and on broken copies, and `make readability` and
`make review-due` run two of them as reports. See hooks/README.md for the list."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the repository: mkdocs.yml, docs/, refs.bib


def site_config(root: Path = ROOT) -> dict:
    """mkdocs.yml's settings, every value as text."""
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
