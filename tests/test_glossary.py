"""Each term is defined once, in docs/includes/glossary.md; the glossary page lists
every term, and pages show the definition wherever the term appears."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from glossary import glossary_entries

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "docs/includes/glossary.md"
ABBR = re.compile(r'<abbr title="([^"]*)"(?: tabindex="0")?>([^<]*)</abbr>')
DEFINED = re.compile(r"<h2 id=\"[^\"]+\">([^<]*)</h2>\s*<p>")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def terms() -> dict[str, str]:
    found, problems = glossary_entries(GLOSSARY.read_text(encoding="utf-8"))
    assert problems == []
    return found


def shown(html: str) -> set[tuple[str, str]]:
    return {(unescape(title), unescape(term)) for title, term in ABBR.findall(html)}


def test_the_glossary_page_lists_every_term(built_site):
    html = (built_site.site / "glossary/index.html").read_text(encoding="utf-8")
    listed = {unescape(term).lower() for term in DEFINED.findall(html)}
    assert listed == {term.lower() for term in terms()}


def test_every_abbreviation_shows_its_glossary_definition(built_site):
    definitions = terms()
    shown = 0
    for page in built_site.site.rglob("*.html"):
        for title, term in ABBR.findall(page.read_text(encoding="utf-8")):
            assert definitions.get(unescape(term)) == unescape(title), f"{page}: {term}"
            shown += 1
    assert shown > 0


def test_terms_in_a_page_render_as_abbr(built_site):
    for source in (ROOT / "docs").glob("*.md"):
        prose = FRONT_MATTER.sub("", source.read_text(encoding="utf-8"))
        html = (built_site.site / ("" if source.stem == "index" else source.stem) / "index.html").read_text(encoding="utf-8")
        for term, definition in terms().items():
            if re.search(rf"(?<![\w\[-]){re.escape(term)}(?![\w-])", prose):
                assert (definition, term) in shown(html), f"docs/{source.name}: '{term}' is not shown as a definition"


def test_a_malformed_line_is_reported_with_its_line_and_fix():
    text = GLOSSARY.read_text(encoding="utf-8") + "trigger point: a spot\n*[sterile]: Free of germs again.\n"
    count = len(text.splitlines())
    _, problems = glossary_entries(text)
    assert [str(problem) for problem in problems] == [
        f"docs/includes/glossary.md:{count - 1}: this line is not a glossary entry. Fix: write it as "
        "'*[term]: definition', for example '*[trigger point]: A tight, tender spot in a band of muscle.'",
        f"docs/includes/glossary.md:{count}: 'sterile' is defined twice. Fix: keep one definition and delete the other",
    ]


def test_first_use_of_each_term_on_a_page_takes_keyboard_focus(built_site):
    html = (built_site.site / "physiology" / "index.html").read_text(encoding="utf-8")
    focusable = re.findall(r'<abbr title="([^"]*)" tabindex="0">', html)
    every_use = re.findall(r'<abbr title="([^"]*)"', html)
    assert focusable and len(focusable) == len(set(focusable)) == len(set(every_use)), \
        "each term's first use, and only that, must have tabindex=\"0\""
