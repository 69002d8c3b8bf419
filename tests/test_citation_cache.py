"""hooks/bibliography.py formats each refs.bib entry once per build instead of once
per citation, renders it to HTML once instead of on every page, writes the full list
as HTML instead of leaving 2,000 items to Markdown, and keeps text and HTML in
.cache/bibtex/ for the next build (the build benchmark's main savings). These tests
prove the shortcuts change no citation a visitor sees, nor any other byte of the built
site, that the comparison would notice if they did, and that the cache on disk never
serves text or HTML whose inputs have changed, nor breaks a build when it is bad."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bibliography import CACHE_FILE, HTML_CACHE_FILE

CACHE_LINE = ("    registry.reference_text = lambda citation: rendered.placeholder(citation.key) "
              "or by_key(citation.key)\n")
RENDERER_LINE = "        md = markdown.Markdown(extensions=self.config.markdown_extensions,\n"
HIDING_LINE = "    if match := UNSEARCHED_FOOTNOTES.search(page.content):\n"
LISTING_LINE = ("    if listed := rendered.html_list({key: _item(rendered.text_of(key), entry) "
                "for key, entry in entries}):\n")
RESTORING_LINE = "    return output.replace(UNSEARCHED, footnotes, 1)\n"
FOOTNOTES = re.compile(r'<div class="footnote">.*?</div>', re.DOTALL)
REFERENCE_ITEM = re.compile(r'<li><span id="[^"]+"></span>.*?</li>', re.DOTALL)
FROM_CACHE = " (from the cache)"


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
                            "Fix: each speed-up in hooks/bibliography.py must leave the page as "
                            "mkdocs-bibtex and Markdown make it: the cache returns what reference_text "
                            "returns, RenderedReferences the HTML a page renders from it, and "
                            "on_post_page puts back the footnotes hidden from the search plugin")
    return problems


def differing_files(expected: Path, actual: Path) -> list[str]:
    """Built files that are not byte for byte the same: every page, the search index and
    the sitemap (not its .gz copy, which records when it was written)."""
    def files(site: Path) -> set[str]:
        return {path.relative_to(site).as_posix() for path in site.rglob("*")
                if path.is_file() and path.suffix != ".gz"}
    return sorted(f"site/{name}" for name in files(expected) | files(actual)
                  if not (expected / name).is_file() or not (actual / name).is_file()
                  or (expected / name).read_bytes() != (actual / name).read_bytes())


def build(site_copy) -> dict[str, list[str]]:
    return citation_html(site_copy.successful_build().site)


def build_without_cache(site_copy, replacement: str = "") -> dict[str, list[str]]:
    """Every reference as mkdocs-bibtex formats it (or as replacement says), rendered by
    Markdown on its page."""
    site_copy.replace("hooks/bibliography.py", CACHE_LINE, replacement)
    site_copy.replace("hooks/bibliography.py", LISTING_LINE, "    if listed := None:\n")
    return build(site_copy)


def cache(root: Path, path: Path = CACHE_FILE) -> dict[str, str]:
    return json.loads((root / path).read_text(encoding="utf-8"))


def write_cache(root: Path, content: str | bytes, path: Path = CACHE_FILE) -> None:
    path = root / path
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def test_cached_citations_are_identical_to_uncached(built_site, site_copy):
    cached = citation_html(built_site.site)
    assert "references/index.html" in cached and len(cached) >= 3, \
        "too few pages with citations to compare: the extraction patterns may be out of date"
    # A cache whose every text is wrong: the build without the speed-ups must not read it.
    poisoned = {fingerprint: text + FROM_CACHE for fingerprint, text in cache(built_site.root).items()}
    write_cache(site_copy.root, json.dumps(poisoned))
    # Nor hide any page's footnotes from the search plugin.
    site_copy.replace("hooks/bibliography.py", HIDING_LINE, "    if match := None:\n")
    assert citation_differences(cached, build_without_cache(site_copy)) == []
    assert differing_files(built_site.site, site_copy.site) == []


def test_a_different_formatter_is_reported_with_the_page(built_site, site_copy):
    changed = build_without_cache(
        site_copy, "    registry.reference_text = lambda citation: uncached(citation) + ' (changed)'\n")
    problems = citation_differences(citation_html(built_site.site), changed)
    assert any(problem.startswith("site/references/index.html: citation HTML differs")
               for problem in problems), problems
    assert any("(changed)" in problem and "Fix:" in problem for problem in problems), problems


def test_html_rendered_apart_from_the_page_is_reported_with_the_page(built_site, site_copy):
    """Reference titles hold glossary terms, which a page's Markdown marks up as <abbr>;
    HTML rendered without the glossary must show as a difference on the pages."""
    site_copy.replace("hooks/bibliography.py", RENDERER_LINE, RENDERER_LINE.replace(
        "self.config.markdown_extensions", '[name for name in self.config.markdown_extensions '
        'if name != "pymdownx.snippets"]'))
    problems = citation_differences(citation_html(built_site.site), build(site_copy))
    assert any(problem.startswith("site/understanding/index.html: citation HTML differs")
               for problem in problems), problems
    assert any("<abbr" in problem and "Fix:" in problem for problem in problems), problems
    assert "site/understanding/index.html" in differing_files(built_site.site, site_copy.site)


def test_a_full_list_unlike_markdowns_is_reported(built_site, site_copy):
    site_copy.replace("hooks/bibliography.py", """f'<li><span id="{key}"></span>{piece}</li>'""",
                      """f'<li class="item"><span id="{key}"></span>{piece}</li>'""")
    problems = citation_differences(citation_html(built_site.site), build(site_copy))
    assert any(problem.startswith("site/references/index.html: citation HTML differs") and "Fix:" in problem
               for problem in problems), problems


def test_footnotes_not_put_back_after_the_search_plugin_are_reported(built_site, site_copy):
    site_copy.replace("hooks/bibliography.py", RESTORING_LINE, "    return output\n")
    problems = citation_differences(citation_html(built_site.site), build(site_copy))
    assert any(problem.startswith("site/risks/index.html: citation HTML differs") and "Fix:" in problem
               for problem in problems), problems
    assert "site/risks/index.html" in differing_files(built_site.site, site_copy.site)


def test_a_warm_build_reuses_the_text_until_the_entry_changes(site_copy):
    build(site_copy)
    entries = len(re.findall(r"^@\w+\{", site_copy.read("refs.bib"), re.MULTILINE))
    assert len(cache(site_copy.root)) == entries, "one text per entry of refs.bib"
    # Mark every stored text, so the next build shows which ones it took from the cache.
    write_cache(site_copy.root, json.dumps({fingerprint: text + FROM_CACHE
                                            for fingerprint, text in cache(site_copy.root).items()}))
    build(site_copy)
    assert FROM_CACHE in site_copy.references_item("brady2014adverse")
    # Change one entry: only that one is formatted afresh.
    bib = site_copy.read("refs.bib")
    title = re.search(r"@\w+\{brady2014adverse,.*?title\s*=\s*\{(.*?)\},", bib, re.DOTALL).group(1)
    site_copy.replace("refs.bib", title, title + " revisited")
    build(site_copy)
    changed = site_copy.references_item("brady2014adverse")
    assert "revisited" in changed and FROM_CACHE not in changed, changed
    assert FROM_CACHE in site_copy.references_item("boyce2020adverse")
    # Only this build's entries are kept: the old text of the changed entry is gone.
    stored = cache(site_copy.root)
    assert len(stored) == entries
    assert sum(FROM_CACHE not in text for text in stored.values()) == 1


@pytest.mark.parametrize("content", [
    b"\xff\xfe not JSON at all",
    '{"half": "a file',
    '["a", "list"]',
    '{"0000": 1}',
    json.dumps({"0" * 64: "text of an entry that no longer exists"}),
], ids=["binary", "truncated", "list", "not-text", "stale"])
def test_a_bad_cache_file_is_ignored_and_replaced(built_site, site_copy, content):
    write_cache(site_copy.root, content)
    assert citation_differences(citation_html(built_site.site), build(site_copy)) == []
    assert cache(site_copy.root) == cache(built_site.root)


def test_a_warm_build_takes_the_html_from_the_cache(site_copy):
    build(site_copy)
    stored = cache(site_copy.root, HTML_CACHE_FILE)
    write_cache(site_copy.root, json.dumps({key: html + FROM_CACHE for key, html in stored.items()}),
                HTML_CACHE_FILE)
    build(site_copy)
    assert FROM_CACHE in site_copy.references_item("brady2014adverse")


def test_a_changed_glossary_renders_the_references_afresh(site_copy):
    """zhou2015dry's title names acupuncture, which the glossary defines: the reference's
    HTML carries the definition, so a new definition must reach it in a warm build."""
    build(site_copy)
    site_copy.replace("docs/includes/glossary.md", "*[acupuncture]: A treatment",
                      "*[acupuncture]: A newly defined treatment")
    footnotes = "".join(build(site_copy)["understanding/index.html"])
    assert re.search(r'id="fn:zhou2015dry".*?A newly defined treatment', footnotes, re.DOTALL), footnotes
