"""Checks of the words writers write: spelling, Markdown style, headings without
punctuation, nested lists and a reading-grade ceiling. Each reports
`file:line: what. Fix: how`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from pymarkdown.api import PyMarkdownApi

from checks import ROOT
from checks.citations import prose_lines
from checks.problems import Problem
from checks.readability import GRADE_CEILING

WORDS = ROOT / "tests" / "words.txt"
MARKDOWN_RULES = ROOT / "tests" / "markdownlint.yml"
CODESPELL_LINE = re.compile(r"^(.+?):(\d+): (\S+) ==> (.+)$")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*\})?\s*#*\s*$")
PUNCTUATION = re.compile(r"[?!:.,;]")
LIST_ITEM_INDENT = re.compile(r"^( +)(?:[-*+]|\d+\.)\s")

# What to do about the Markdown rules writers meet most; others link to the rule.
MARKDOWN_FIXES = {
    "MD001": "go down one level at a time: ## under #, ### under ##",
    "MD004": "start every bullet with '-'",
    "MD005": "start every item of the same list at the same indent",
    "MD007": "indent a list inside a list by 4 spaces",
    "MD009": "delete the spaces at the end of the line",
    "MD010": "use spaces instead of tab characters",
    "MD012": "leave one blank line, not several",
    "MD018": "put a space after the # of a heading",
    "MD022": "leave a blank line above and below the heading",
    "MD024": "give each heading its own words (links to a heading use its words)",
    "MD025": "keep one # heading at the top of the page; make the others ##",
    "MD031": "leave a blank line above and below the ``` code block",
    "MD032": "leave a blank line before and after the list",
    "MD045": "describe the picture inside the brackets: ![what it shows](file.svg)",
    "MD047": "end the file with one empty line",
}


def relative(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) \
        else path.as_posix()


def spelling_problems(paths: list[Path]) -> list[Problem]:
    result = subprocess.run([sys.executable, "-m", "codespell_lib", "-I", str(WORDS), *map(str, paths)],
                            capture_output=True, text=True)
    problems = []
    for line in result.stdout.splitlines():
        if match := CODESPELL_LINE.match(line):
            path, number, word, suggestion = match.groups()
            problems.append(Problem(
                relative(Path(path)), int(number), f"'{word}' may be misspelt (suggested: {suggestion})",
                f"correct it; if '{word}' is right (a name or a medical term), add it in lowercase "
                f"on its own line to tests/words.txt"))
    if result.returncode not in (0, 65) or not (problems or result.returncode == 0):
        raise RuntimeError(f"codespell failed: {result.stderr}")
    return problems


def markdown_style_problems(folder: Path) -> list[Problem]:
    result = PyMarkdownApi().configuration_file_path(str(MARKDOWN_RULES)).enable_strict_configuration() \
        .scan_path(str(folder), recurse_if_directory=True)
    if result.critical_errors or result.pragma_errors:
        raise RuntimeError(f"pymarkdown failed: {result}")
    return [Problem(relative(Path(failure.scan_file)), failure.line_number,
                    f"{failure.rule_id} {failure.rule_description.rstrip('.')}{failure.extra_error_information}",
                    MARKDOWN_FIXES.get(failure.rule_id, "see rule {0} at https://pymarkdown.readthedocs.io/"
                                       "en/latest/plugins/rule_{1}/".format(failure.rule_id,
                                                                            failure.rule_id.lower())))
            for failure in result.scan_failures]


def heading_punctuation_problems(name: str, text: str) -> list[Problem]:
    problems = []
    for number, prose, _ in prose_lines(text):
        heading = HEADING.match(prose)
        if heading and (marks := PUNCTUATION.findall(heading.group(1))):
            problems.append(Problem(
                name, number, f"heading \"{heading.group(1)}\" has punctuation ({' '.join(marks)})",
                "remove it: a heading's web address is made from its words, and punctuation makes "
                "links to it fragile (write 'Does it hurt', not 'Does it hurt?')"))
    return problems


def list_indent_problems(name: str, text: str) -> list[Problem]:
    """Python-Markdown nests a list only under 4 spaces; with 2, GitHub's preview
    shows a nested list but the site shows one flat list. (pymarkdown's MD007 only
    flags lists indented too far, not too little.)"""
    return [Problem(name, number, f"list item indented by {len(indent.group(1))} spaces",
                    "indent a list inside a list by 4 spaces (8 for a third level)")
            for number, prose, _ in prose_lines(text)
            if (indent := LIST_ITEM_INDENT.match(prose)) and len(indent.group(1)) % 4]


def grade_problems(grades: dict[str, float]) -> list[Problem]:
    return [Problem(page, None, f"reading grade {grade} is above the ceiling of {GRADE_CEILING:g}",
                    "use shorter sentences (one idea each) and everyday words; run `make readability` "
                    "to see every page's grade")
            for page, grade in grades.items() if grade > GRADE_CEILING]
