"""A table of the standards a page says the site meets ("| Criterion | Met? | Where |",
as on About): a criterion marked "Yes" must link to where it is met, so a reader can
check the claim. MkDocs' strict link and anchor checks then prove each link lands."""

from __future__ import annotations

import re

from checks.problems import Problem

HEADER = re.compile(r"^\|\s*Criterion\s*\|\s*Met\?\s*\|\s*Where\s*\|")
ANSWERS = ("Yes", "Not yet")


def standards_problems(name: str, text: str) -> list[Problem]:
    problems, in_table = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if HEADER.match(line):
            in_table = True
            continue
        if not in_table or not line.startswith("|"):
            in_table = False
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue
        criterion, met, where = (cells + ["", ""])[:3]
        if met not in ANSWERS:
            problems.append(Problem(name, number, f"criterion '{criterion}' says '{met}' under 'Met?'",
                                    f"write {' or '.join(ANSWERS)}; for 'Not yet', say what is missing under 'Where'"))
        elif met == "Yes" and "](" not in where:
            problems.append(Problem(name, number, f"criterion '{criterion}' is marked met but does not link to where",
                                    "under 'Where', link to the page or section that meets it, "
                                    "or mark it 'Not yet' and say what is missing"))
    return problems
