"""Checks of the words writers write: spelling, Markdown style, headings without
punctuation, and a reading-grade ceiling (the checks are in hooks/checks/prose.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.prose import (grade_problems, heading_punctuation_problems, list_indent_problems, markdown_style_problems,
                          relative, spelling_problems)
from checks.problems import Problem
from checks.readability import grade_of, page_grades, prose_of

ROOT = Path(__file__).resolve().parent.parent


def docs_pages() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md"))


def fail_with(problems: list[Problem]) -> None:
    assert not problems, "\n".join(map(str, problems))


def test_spelling():
    fail_with(spelling_problems([ROOT / "docs", ROOT / "refs.bib"]))


def test_markdown_style():
    fail_with(markdown_style_problems(ROOT / "docs"))


def test_headings_have_no_punctuation():
    fail_with([problem for page in docs_pages()
               for problem in heading_punctuation_problems(relative(page), page.read_text(encoding="utf-8"))])


def test_nested_lists_use_four_spaces():
    fail_with([problem for page in docs_pages()
               for problem in list_indent_problems(relative(page), page.read_text(encoding="utf-8"))])


def test_reading_grade(capsys):
    grades = page_grades()
    with capsys.disabled():  # every page's grade in the test output, passing or not
        print("\nReading grade per page (Flesch-Kincaid): "
              + ", ".join(f"{page.removeprefix('docs/')} {grade}" for page, grade in sorted(grades.items())))
    assert grades, "no pages found"
    fail_with(grade_problems(grades))


# Broken input: each check must fail, naming the file, the line and the fix.

def broken_page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "docs" / "broken.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"---\ntitle: Broken\n---\n\n# Broken\n\n{body}\n", encoding="utf-8")
    return path


def test_a_misspelling_is_reported(tmp_path):
    path = broken_page(tmp_path, "The needle is recieved by the muscle. Hart and Pach are names.")
    assert [str(p) for p in spelling_problems([path])] == [
        f"{path.as_posix()}:7: 'recieved' may be misspelt (suggested: received). Fix: correct it; "
        "if 'recieved' is right (a name or a medical term), add it in lowercase on its own line to tests/words.txt"]


@pytest.mark.parametrize("body, expected", [
    ("## Heading\nText right below it", ":7: MD022 Headings should be surrounded by blank lines"),
    ("### Skipped a level", ":7: MD001 Heading levels should only increment by one level at a time"),
    ("# A second top heading", ":7: MD025 Multiple top-level headings in the same document. Fix: keep one"),
])
def test_markdown_style_problems_are_reported(tmp_path, body, expected):
    path = broken_page(tmp_path, body)
    messages = [str(problem) for problem in markdown_style_problems(path.parent)]
    assert any(message.startswith(path.as_posix() + expected) for message in messages), messages


def test_material_syntax_passes_the_markdown_style_check(tmp_path):
    path = broken_page(tmp_path, '!!! danger "Get urgent help"\n    Call 999.\n\n    - a list in it\n'
                                 "        - nested by 4 spaces\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert markdown_style_problems(path.parent) == []


def test_a_list_nested_by_two_spaces_is_reported():
    text = "- a list\n    - nested by 4: fine\n  - nested by 2\n\n```\n  - in code: fine\n```\n"
    assert [str(p) for p in list_indent_problems("docs/x.md", text)] == [
        "docs/x.md:3: list item indented by 2 spaces. Fix: indent a list inside a list by 4 spaces "
        "(8 for a third level)"]


def test_heading_punctuation_is_reported():
    text = "---\ntitle: x\n---\n\n# Does it hurt?\n\n```\n# a comment in code: fine.\n```\n\n## Risks {#risks}\n"
    assert [str(p) for p in heading_punctuation_problems("docs/x.md", text)] == [
        'docs/x.md:5: heading "Does it hurt?" has punctuation (?). Fix: remove it: a heading\'s web address '
        "is made from its words, and punctuation makes links to it fragile "
        "(write 'Does it hurt', not 'Does it hurt?')"]


def test_hard_prose_is_over_the_ceiling(tmp_path):
    hard = ("Myofascial trigger point pathophysiology remains incompletely characterised, notwithstanding "
            "considerable electrophysiological investigation of spontaneous electrical activity. ") * 3
    grade = grade_of(prose_of(broken_page(tmp_path, hard).read_text(encoding="utf-8")))
    assert [str(p) for p in grade_problems({"docs/broken.md": grade})] == [
        f"docs/broken.md: reading grade {grade} is above the ceiling of 7. Fix: use shorter sentences "
        "(one idea each) and everyday words; run `make readability` to see every page's grade"]


def test_prose_keeps_sentences_and_drops_markup():
    markdown = ('---\ntitle: x\n---\n\n# Heading\n\n!!! note "Good to know"\n    See the [risks](risks.md) '
                "page [@boyce2020adverse].\n\n- one item\n\n| a | b |\n|---|---|\n\n```\ncode\n```\n"
                "![A needle](needle.svg){ width=10 }\n*[A&E]: Accident and emergency\n")
    assert prose_of(markdown) == "Good to know.\nSee the risks page.\none item."
    # 9 one-syllable words in 2 sentences: 0.39 * 9/2 + 11.8 * 9/9 - 15.59 = -2.0
    assert grade_of("The cat sat on the mat. It was warm.") == -2.0
    # 3 words, 1 sentence, 11 syllables: "physiotherapists" is not in the CMU dictionary, so
    # hyphenation counts it (5); "measured" (2) and "interventions" (4) come from the dictionary.
    assert grade_of("Physiotherapists measured interventions.") == round(0.39 * 3 + 11.8 * 11 / 3 - 15.59, 1)
