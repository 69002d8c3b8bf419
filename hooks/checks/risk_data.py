"""docs/data/risks.yml read and checked: its shape against docs/data/risks.schema.json
(schema.py), then what a schema cannot say: each harm's count, denominator, percentage
and "1 in N" agree, and every figure a page quotes is one of them."""

from __future__ import annotations


import yaml

from checks import ROOT
from checks.problems import Problem
from checks.schema import line_of, load_validator, schema_problems

DATA_NAME = "docs/data/risks.yml"
# Beside the data it describes; hooks/ and docs/ sit side by side in every copy of the site.
SCHEMA = ROOT / "docs" / "data" / "risks.schema.json"
# "about 1 in 6 treatments (16%)", "2 of 229,230 patients", "at most about 1 in 2,500 (0.04%)"


def read_risk_data(text: str, keys: set[str] | None):
    """The benefits and harms in the data file, and every problem with them: its shape
    by docs/data/risks.schema.json, then what the schema cannot say (figures that agree,
    ids used once, sources in refs.bib, unless keys is None)."""
    try:
        raw, tree = yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [], [Problem(DATA_NAME, mark.line + 1 if mark else None, "the file is not valid YAML",
                                "check the indentation; put quotes around values that contain ':'")]
    problems, broken = schema_problems(DATA_NAME, raw, tree, load_validator(SCHEMA))
    if any(len(path) < 2 for path in broken):
        return [], [], problems
    seen: set[str] = set()
    for index, benefit in enumerate(raw["benefits"]):
        if ("benefits", index) not in broken and keys is not None:
            problems += [_unknown_key(line_of(tree, ("benefits", index, "sources", number)), key)
                         for number, key in enumerate(benefit["sources"]) if key not in keys]
    for index, harm in enumerate(raw["harms"]):
        if ("harms", index) not in broken:
            problems += harm_problems(harm, line_of(tree, ("harms", index)), keys, seen)
    return raw["benefits"], raw["harms"], sorted(problems, key=lambda problem: problem.line)


def harm_problems(harm: dict, line: int, keys: set[str] | None, seen: set[str]) -> list[Problem]:
    """What a harm the schema accepts may still get wrong."""
    name, problems = harm["id"], []
    if name in seen:
        problems.append(Problem(DATA_NAME, line, f"harm id '{name}' is used twice", "give each harm its own id"))
    seen.add(name)
    if keys is not None and harm["source"] not in keys:
        problems.append(_unknown_key(line, harm["source"]))
    return problems + [Problem(DATA_NAME, line, f"harm '{name}' {wrong}", fix)
                       for wrong, fix in figure_disagreements(harm)]


def figure_disagreements(harm: dict) -> list[tuple[str, str]]:
    """What is wrong with the harm's figures, each with its fix: a count no bigger than
    its "in", and a count, percentage and rounded "1 in N" that agree."""
    count, total, percentage = harm["count"], harm["in"], harm.get("percentage")
    if count > total:
        return [(f"has count {count} in {total}", "count is how many of the 'in' had it, so no bigger than 'in'")]
    if harm.get("picture", total) != total:
        # Words and dots side by side must count out of the same number ("1 in 13" beside 8 of 100 dots).
        return [(f"says {count} in {total:,} but its picture shows {harm['picture']:,} dots",
                 f"give it as a number in {harm['picture']:,} ('in: {harm['picture']}'), the same as its picture")]
    if harm.get("at_most") and count != 0:
        return [(f"has an upper limit ('at_most') but a count of {count}",
                 "give 'at_most' only for a harm none had (count 0), as the upper limit the source gives")]
    check = "check both against the source"
    if percentage is None:
        # A share too small to read is left out; a rounded "1 in N" must still agree.
        if harm.get("rounded") and (count == 0 or not within_rounding(total / count, harm["rounded"])):
            return [(f"says about 1 in {harm['rounded']:,}, but {count} in {total:,} is not", check)]
        return []
    share = float(percentage.rstrip("%"))
    if harm.get("about"):
        if count == 0 or share == 0 or not within_rounding(count * 100 / share, total):
            return [(f"says about {count} in {total:,} but {percentage}, which is about "
                     f"{count} in {count * 100 / share:,.0f}" if share else f"says about {count} in {total:,} but 0%",
                     f"{check}; 'about {count} in N' must round to the percentage")]
        return []
    decimals, exact = len(percentage.rstrip("%").partition(".")[2]), count * 100 / total
    problems = []
    if abs(exact - share) > 0.5 * 10 ** -decimals + 1e-12:
        problems.append((f"says {count} in {total:,}, which is {exact:.{decimals + 2}f}%, not {percentage}", check))
    if harm.get("rounded") and (count == 0 or not within_rounding(total / count, harm["rounded"])):
        problems.append((f"says about 1 in {harm['rounded']:,}, but {count} in {total:,} is not", check))
    return problems


def within_rounding(value: float, written: int) -> bool:
    """Whether value rounds to written at written's own precision: 400 stands for
    350 to 450, 13 for 12.5 to 13.5."""
    step = 1
    while written and written % (step * 10) == 0:
        step *= 10
    return abs(value - written) <= step / 2 + 1e-9


def _unknown_key(line: int, key: str) -> Problem:
    return Problem(DATA_NAME, line, f"source '{key}' is not in refs.bib",
                   "use the key of a refs.bib entry, or add the entry to refs.bib")
