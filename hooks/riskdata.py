"""docs/data/risks.yml read and checked: each harm's count, denominator, percentage and
"1 in N" agree, and every figure a page quotes is one of them."""

from __future__ import annotations

import re

import yaml

from problems import Problem

DATA_NAME = "docs/data/risks.yml"
HARM_FIELDS = ("id", "label", "count", "in", "unit", "who", "source")
TEXT_FIELDS = ("id", "label", "unit", "who", "source")
UNITS = ("treatments", "patients", "visits", "people")
PERCENTAGE = re.compile(r"^\d+(\.\d+)?%$")
GRIDS = (100, 1000)
# "about 1 in 6 treatments (16%)", "2 of 229,230 patients", "1 in 115,000 (0.0009%)"
FIGURE = re.compile(r"\b(\d[\d,]*) (?:in|of) (\d[\d,]*)(?: (treatments|patients|visits|people))?"
                    r"(?: \((\d+(?:\.\d+)?%)\))?")


def read_risk_data(text: str, keys: set[str] | None):
    """The benefits and harms in the data file, and every problem with them; sources
    are checked against keys unless keys is None."""
    try:
        raw, tree = yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [], [Problem(DATA_NAME, mark.line + 1 if mark else None, "the file is not valid YAML",
                                "check the indentation; put quotes around values that contain ':'")]
    if not isinstance(raw, dict) or not isinstance(raw.get("benefits"), list) \
            or not isinstance(raw.get("harms"), list):
        return [], [], [Problem(DATA_NAME, 1, "the file needs a 'benefits:' list and a 'harms:' list",
                                "keep the layout described at the top of the file")]
    lines = {key.value: [item.start_mark.line + 1 for item in value.value] for key, value in tree.value}
    problems, seen = [], set()
    for benefit, line in zip(raw["benefits"], lines["benefits"]):
        problems += benefit_problems(benefit, line, keys)
    for harm, line in zip(raw["harms"], lines["harms"]):
        problems += harm_problems(harm, line, keys, seen)
    return raw["benefits"], raw["harms"], problems


def benefit_problems(benefit, line: int, keys: set[str] | None) -> list[Problem]:
    if not isinstance(benefit, dict) or not isinstance(benefit.get("label"), str) \
            or not isinstance(benefit.get("text"), str):
        return [Problem(DATA_NAME, line, "a benefit needs a 'label' and a 'text', each a line of text",
                        "give both, as in the other benefits")]
    if not isinstance(sources := benefit.get("sources"), list) or not sources \
            or not all(isinstance(key, str) for key in sources):
        return [Problem(DATA_NAME, line, f"benefit '{benefit['label']}' has no sources",
                        "add 'sources: [key]' with the refs.bib key of each study that says it")]
    return [_unknown_key(line, key) for key in sources if keys is not None and key not in keys]


def harm_problems(harm, line: int, keys: set[str] | None, seen: set[str]) -> list[Problem]:
    if not isinstance(harm, dict):
        return [Problem(DATA_NAME, line, "a harm must be a list of 'name: value' lines",
                        "copy the layout of the harm above it")]
    name = harm.get("id", "?")
    missing = [field for field in HARM_FIELDS if harm.get(field) in (None, "")]
    if missing:
        return [Problem(DATA_NAME, line, f"harm '{name}' has no {', '.join(missing)}",
                        "add " + ", ".join(f"'{field}:'" for field in missing)
                        + (" with the refs.bib key of the study" if "source" in missing else ""))]
    not_text = [field for field in TEXT_FIELDS if not isinstance(harm[field], str)]
    if not_text:
        return [Problem(DATA_NAME, line, f"harm '{name}' has {', '.join(not_text)} that is not a line of text",
                        "write each as one line of words, without [ ] or { } around it")]
    problems = []
    if name in seen:
        problems.append(Problem(DATA_NAME, line, f"harm id '{name}' is used twice", "give each harm its own id"))
    seen.add(name)
    if keys is not None and harm["source"] not in keys:
        problems.append(_unknown_key(line, harm["source"]))
    if harm["unit"] not in UNITS:
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' has unit '{harm['unit']}'",
                                "use one of: " + ", ".join(UNITS)))
    percentage = harm.get("percentage")
    if percentage is not None and not PERCENTAGE.match(str(percentage)):
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' has percentage '{percentage}'",
                                "write it as the source gives it, with %, for example 7.7%"))
        percentage = None
    if "picture" in harm and (harm["picture"] not in GRIDS or percentage is None):
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' cannot be drawn as picture: {harm['picture']}",
                                "use picture: 100 or picture: 1000, and give a percentage"))
    return problems + [Problem(DATA_NAME, line, f"harm '{name}' {wrong}", fix)
                       for wrong, fix in figure_disagreements(harm, percentage)]


def figure_disagreements(harm: dict, percentage: str | None) -> list[tuple[str, str]]:
    """What is wrong with the harm's figures, each with its fix: whole numbers, a
    denominator above 0, and a count, percentage and rounded "1 in N" that agree."""
    count, total = harm["count"], harm["in"]
    if not (isinstance(count, int) and isinstance(total, int) and 0 <= count <= total and total > 0):
        return [(f"has count {count} in {total}",
                 "write whole numbers without commas, 'in' above 0 and count no bigger than 'in'")]
    if percentage is None:
        return []
    share = float(percentage.rstrip("%"))
    if share > 100:
        return [(f"has percentage {percentage}, more than all of them", "copy the percentage from the source")]
    check = "check both against the source"
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


def figures_not_in_data(name: str, number: int, line: str, harms) -> list[Problem]:
    """Each "N in M" figure on a page's line that no harm in the data file gives."""
    problems = []
    for match in FIGURE.finditer(line):
        count, total = (int(group.replace(",", "")) for group in match.group(1, 2))
        unit, percentage = match.group(3, 4)
        if not any(_gives(harm, count, total, unit, percentage) for harm in harms):
            problems.append(Problem(name, number, f"'{match.group()}' is not a figure in {DATA_NAME}",
                                    f"copy the figure from {DATA_NAME}, or correct the data there first "
                                    "(a number changed in one place only would disagree)"))
    return problems


def _gives(harm: dict, count: int, total: int, unit: str | None, percentage: str | None) -> bool:
    same = (count, total) == (harm["count"], harm["in"]) or (count == 1 and total == harm.get("rounded"))
    return same and unit in (None, harm["unit"]) and percentage in (None, harm.get("percentage"))
