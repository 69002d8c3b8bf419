"""docs/data/claims.yml read and checked: its shape against claims.schema.json
(schema.py), then what a schema cannot say (ids used once, sources in refs.bib,
certainty a level the file explains, numbers that the finding gives), and the
markers pages use to show claims."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from checks import ROOT
from checks.problems import Problem
from checks.figures import figures_not_in_data
from checks.schema import line_of, load_validator, schema_problems

CLAIMS_NAME = "docs/data/claims.yml"
SCHEMA = ROOT / "docs" / "data" / "claims.schema.json"
CLAIM = re.compile(r"^<!-- claim: (?P<id>[a-z0-9-]+)(?P<ticks>, as tick boxes)? -->$")
CARD = re.compile(r"^<!-- card: (?P<id>[a-z0-9-]+)(?P<short>, signs only)? -->$")
LEVELS = "<!-- certainty-levels -->"
# A line that looks like it meant to be one of the markers above.
NEAR_MISS = re.compile(r"<!--\s*(claims?\b|cards?\b|certainty)", re.IGNORECASE)
NUMBER = re.compile(r"\d[\d,.]*\d|\d")
MARKERS = ("'<!-- claim: id -->', '<!-- claim: id, as tick boxes -->', '<!-- card: id -->', "
           "'<!-- card: id, signs only -->' or '<!-- certainty-levels -->'")


def read_claims(text: str, keys: set[str] | None, harms) -> tuple[dict, list[Problem]]:
    """The file's levels, cards and claims (each by name or id), and every problem
    with them; keys None skips the refs.bib check, harms are risks.yml's."""
    try:
        raw, tree = yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [Problem(CLAIMS_NAME, mark.line + 1 if mark else None, "the file is not valid YAML",
                            "check the indentation; put quotes around values that contain ':'")]
    problems, broken = schema_problems(CLAIMS_NAME, raw, tree, load_validator(SCHEMA))
    if any(len(path) < 2 for path in broken):
        return {}, problems
    data = {"levels": {}, "cards": {}, "claims": {}}
    for part, name in (("levels", "name"), ("cards", "id"), ("claims", "id")):
        for index, record in enumerate(raw[part]):
            if (part, index) in broken:
                continue
            line = line_of(tree, (part, index))
            if record[name] in data[part]:
                problems.append(Problem(CLAIMS_NAME, line, f"{part[:-1]} '{record[name]}' is written twice",
                                        f"give each {part[:-1]} its own {name}, or keep one"))
            data[part][record[name]] = dict(record, line=line)
    for index, claim in enumerate(raw["claims"]):
        if ("claims", index) not in broken:
            problems += claim_problems(claim, lambda field: line_of(tree, ("claims", index, field)),
                                       data["levels"], keys, harms)
    for card in data["cards"].values():
        problems += [unknown("claim", claim_id, data["claims"], CLAIMS_NAME, card["line"])
                     for claim_id in card["claims"] if claim_id not in data["claims"]]
    return data, sorted(problems, key=lambda problem: problem.line or 0)


def claim_problems(claim: dict, line_at, levels: dict, keys: set[str] | None, harms) -> list[Problem]:
    """What a claim the schema accepts may still get wrong, each at the line of its field."""
    name, problems = claim["id"], []
    if keys is not None:
        problems += [Problem(CLAIMS_NAME, line_at("sources"), f"claim '{name}' cites '{key}', which is not in refs.bib",
                             "use the key of a refs.bib entry, or add the entry to refs.bib")
                     for key in claim["sources"] if key not in keys]
    if claim["certainty"] not in levels:
        close = difflib.get_close_matches(claim["certainty"], list(levels), n=1)
        problems.append(Problem(CLAIMS_NAME, line_at("certainty"), f"claim '{name}' has certainty '{claim['certainty']}', "
                                f"which is not a level under 'levels:'" + (f" (did you mean {close[0]}?)" if close else ""),
                                f"write one of: {', '.join(levels)}"))
    words = " ".join([claim["text"], *claim.get("items", [])])
    found = {number.replace(",", "") for number in NUMBER.findall(claim["finding"])}
    problems += [Problem(CLAIMS_NAME, line_at("text"), f"claim '{name}' says {number}, which its finding does not give",
                         "copy the number from the source into 'finding:', or correct the text")
                 for number in dict.fromkeys(NUMBER.findall(words)) if number.replace(",", "") not in found]
    finding = " ".join(claim["finding"].split())
    return problems + figures_not_in_data(CLAIMS_NAME, line_at("text"), words, harms, stated=finding)


def marker_problems(name: str, text: str, data: dict) -> tuple[list[Problem], set[str]]:
    """Each marker on a page that names no claim or card, or is mistyped, and the ids
    of the claims the page shows."""
    problems, shown = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if match := CLAIM.match(stripped):
            claim_id = match.group("id")
            if claim_id not in data["claims"]:
                problems.append(unknown("claim", claim_id, data["claims"], name, number))
            elif match.group("ticks") and "items" not in data["claims"][claim_id]:
                problems.append(Problem(name, number, f"claim '{claim_id}' has no items to show as tick boxes",
                                        f"remove ', as tick boxes', or give the claim 'items:' in {CLAIMS_NAME}"))
            shown.add(claim_id)
        elif match := CARD.match(stripped):
            card = data["cards"].get(match.group("id"))
            if card is None:
                problems.append(unknown("card", match.group("id"), data["cards"], name, number))
            elif match.group("short") and "items" not in card:
                problems.append(Problem(name, number, f"card '{card['id']}' has no items to show as its signs",
                                        f"remove ', signs only', or give the card 'items:' in {CLAIMS_NAME}"))
            elif not match.group("short"):
                shown |= set(card["claims"])
        elif stripped != LEVELS and NEAR_MISS.search(line):
            problems.append(Problem(name, number, f"'{stripped}' is not a marker the site understands",
                                    f"write {MARKERS} alone on a line, with an id from {CLAIMS_NAME}"))
    return problems, shown


def unknown(kind: str, given: str, known: dict, name: str, line: int) -> Problem:
    close = difflib.get_close_matches(given, sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return Problem(name, line, f"{kind} '{given}' is not in {CLAIMS_NAME}{hint}",
                   f"use the id of a {kind} in {CLAIMS_NAME}, or add the {kind} there")


def unused_problems(data: dict, shown: set[str]) -> list[Problem]:
    return [Problem(CLAIMS_NAME, claim["line"], f"claim '{claim_id}' is not shown on any page",
                    f"show it with '<!-- claim: {claim_id} -->' where the site relies on it, or delete it")
            for claim_id, claim in data["claims"].items() if claim_id not in shown]


def cited_in_claims(docs: Path) -> set[str]:
    """The refs.bib keys the claims cite, so an entry cited only through a claim counts
    as cited (a file the schema rejects cites nothing; its problems are reported)."""
    path = docs / "data" / "claims.yml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        return {key for claim in raw["claims"] for key in claim["sources"]}
    except (yaml.YAMLError, UnicodeDecodeError, TypeError, KeyError):
        return set()
