"""Zensical, Material's successor, builds the site to the end, so that moving to it
stays possible. It runs no hooks and no mkdocs-bibtex; the README says what its build
lacks. Its template engine renders overrides/main.html too."""

from __future__ import annotations

import re
import subprocess
import sys


def zensical_build(root):
    return subprocess.run([sys.executable, "-m", "zensical", "build"], cwd=root,
                          capture_output=True, text=True, timeout=300)


def test_zensical_builds_every_page_with_the_overrides(site_copy):
    result = zensical_build(site_copy.root)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}{result.stderr}"
    pages = sorted((site_copy.root / "docs").glob("*.md"))
    assert pages
    for page in pages:
        built = site_copy.site / ("" if page.stem == "index" else page.stem) / "index.html"
        assert built.is_file(), f"zensical build wrote no {built.relative_to(site_copy.root)}"
        html = built.read_text(encoding="utf-8")
        assert '<aside class="disclaimer"' in html, f"{built}: overrides/main.html was not used"
        # Zensical's search reads its own index; only the hooks write the one that
        # the on-demand worker fetches.
        assert "search-on-demand.js" not in html, f"{built}: search points at search-on-demand.js"
        assert html.count('aria-label="Search"') == 1, f"{built}: the search dialog is named twice"
        assert not re.search(r'<time datetime="[^"]*"></time>', html), f"{built}: a review date is empty"
