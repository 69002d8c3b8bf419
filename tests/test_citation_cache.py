"""hooks/bibliography.py formats each refs.bib entry once per build instead of once
per citation (the build benchmark's main saving). These tests prove the shortcut
changes no citation a visitor sees, and that the comparison would notice if it did."""

from __future__ import annotations

import re
from pathlib import Path

CACHE_LINE = "    registry.reference_text = lambda citation: by_key(citation.key)\n"
FOOTNOTES = re.compile(r'<div class="footnote">.*?</div>', re.DOTALL)
REFERENCE_ITEM = re.compile(r'<li><span id="[^"]+"></span>.*?</li>', re.DOTALL)


def citation_html(site: Path) -> dict[str, list[str]]:
    """Each page's footnotes and full-bibliography items, as built."""
    pages = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        found = FOOTNOTES.findall(html) + REFERENCE_ITEM.findall(html)
        if found:
            pages[page.relative_to(site).as_posix()] = found
    return pages


def citation_differences(expected: dict[str, list[str]], actual: dict[str, list[str]]) -> list[str]:
    problems = []
    for page in sorted(expected.keys() | actual.keys()):
        before, after = "\n".join(expected.get(page, [])), "\n".join(actual.get(page, []))
        if before != after:
            at = next((i for i, (x, y) in enumerate(zip(before, after)) if x != y),
                      min(len(before), len(after)))
            problems.append(f"site/{page}: citation HTML differs: expected "
                            f"{before[max(0, at - 40):at + 40]!r}, got {after[max(0, at - 40):at + 40]!r}. "
                            "Fix: the cache in hooks/bibliography.py must return exactly what "
                            "mkdocs-bibtex's reference_text returns")
    return problems


def build_without_cache(site_copy, replacement: str = "") -> dict[str, list[str]]:
    site_copy.replace("hooks/bibliography.py", CACHE_LINE, replacement)
    result = site_copy.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return citation_html(site_copy.site)


def test_cached_citations_are_identical_to_uncached(built_site, site_copy):
    cached = citation_html(built_site.site)
    assert "references/index.html" in cached and len(cached) >= 3, \
        "too few pages with citations to compare: the extraction patterns may be out of date"
    assert citation_differences(cached, build_without_cache(site_copy)) == []


def test_a_different_formatter_is_reported_with_the_page(built_site, site_copy):
    changed = build_without_cache(
        site_copy, "    registry.reference_text = lambda citation: uncached(citation) + ' (changed)'\n")
    problems = citation_differences(citation_html(built_site.site), changed)
    assert any(problem.startswith("site/references/index.html: citation HTML differs")
               for problem in problems), problems
    assert any("(changed)" in problem and "Fix:" in problem for problem in problems), problems
