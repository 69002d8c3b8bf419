"""docs/includes/glossary.md: one definition per term, each line '*[term]: definition'."""

from __future__ import annotations

import re

from checks.problems import Problem

GLOSSARY_NAME = "docs/includes/glossary.md"
ENTRY = re.compile(r"^\*\[(?P<term>[^\[\]]+)\]: (?P<definition>\S.*)$")


def glossary_entries(text: str) -> tuple[dict[str, str], list[Problem]]:
    """Each term and its definition, and every line that is not a correct entry."""
    found, problems = {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = ENTRY.match(line)
        if not match:
            problems.append(Problem(GLOSSARY_NAME, number, "this line is not a glossary entry",
                                    "write it as '*[term]: definition', for example "
                                    "'*[trigger point]: A tight, tender spot in a band of muscle.'"))
            continue
        term = match.group("term").strip()
        if term in found:
            problems.append(Problem(GLOSSARY_NAME, number, f"'{term}' is defined twice",
                                    "keep one definition and delete the other"))
        found[term] = match.group("definition").strip()
    return found, problems
