""""N in M" figures on pages and in claims, against the harms in docs/data/risks.yml:
each figure must be one the data gives, and a harm appears in one form only, its
count in its denominator, with its rounded "1 in N" only beside that count."""

from __future__ import annotations

import re

from checks.problems import Problem
from checks.risk_data import DATA_NAME

FIGURE = re.compile(r"\b(\d[\d,]*) (?:in|of) (\d[\d,]*)(?: (treatments|patients|visits|people))?"
                    r"(?: \((\d+(?:\.\d+)?%)\))?")


def figures_not_in_data(name: str, number: int, line: str, harms, stated: str = "") -> list[Problem]:
    """Each "N in M" figure on a page's line that no harm in the data file gives, or
    gives only rounded, away from its exact count. A claim's figure that its own
    finding states (a benefit, or the course of pain without treatment) has its one
    source there instead."""
    matches = list(FIGURE.finditer(line))
    problems, figures = [], [_figure(match) for match in matches]
    for match, figure in zip(matches, figures):
        if match.group() in stated or any(_gives(harm, *figure) for harm in harms):
            continue
        rounded = [harm for harm in harms if _gives(harm, *figure, rounded=True)]
        if rounded and not any(_gives(harm, *other) for harm in rounded for other in figures):
            harm = rounded[0]
            problems.append(Problem(name, number, f"'{match.group()}' gives harm '{harm['id']}' rounded, without "
                                    f"its count '{harm['count']:,} of {harm['in']:,}' beside it, so the page "
                                    "gives one harm in two forms",
                                    f"write the rounded figure only after the count, in the same sentence: "
                                    f"'{harm['count']:,} of {harm['in']:,} {harm['unit']}, about {match.group()}'"))
        elif not rounded:
            problems.append(Problem(name, number, f"'{match.group()}' is not a figure in {DATA_NAME}"
                                    + (" or in the claim's finding" if stated else ""),
                                    f"copy the figure from {DATA_NAME}, or correct the data there first "
                                    "(a number changed in one place only would disagree)"
                                    + ("; for a figure that is not a harm, write it in 'finding:' as the "
                                       "page gives it, beside the source's own figures" if stated else "")))
    return problems


def _figure(match) -> tuple[int, int, str | None, str | None]:
    count, total = (int(group.replace(",", "")) for group in match.group(1, 2))
    return count, total, *match.group(3, 4)


def _gives(harm: dict, count: int, total: int, unit: str | None, percentage: str | None,
           rounded: bool = False) -> bool:
    """Whether the harm gives this figure: its count in its denominator (or the upper
    limit of a harm none had), or, with rounded, the "1 in N" it gives beside its count."""
    if rounded:
        same = count == 1 and total == harm.get("rounded")
    elif count == 1 and harm.get("at_most") == total:
        return unit in (None, harm["unit"]) and percentage in (None, f"{100 / total:g}%")
    else:
        same = (count, total) == (harm["count"], harm["in"])
    return same and unit in (None, harm["unit"]) and percentage in (None, harm.get("percentage"))
