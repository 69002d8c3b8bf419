"""Checks of a page's Markdown source: the front matter the templates need, and
citations that mkdocs-bibtex would drop, mangle or render inside code."""

from __future__ import annotations

import datetime
import difflib
import re

import yaml

from problems import Problem

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
CITATION_BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
CITED_KEY = re.compile(r"^@([a-z0-9]+)$")
EMAIL = re.compile(r"[\w.%+-]+@[\w.-]+\.[A-Za-z]{2,}")

REVIEW_CYCLE_YEARS = 3
REQUIRED_META = {
    "title": "the page title, as shown in the browser tab and navigation",
    "description": "one sentence (50 to 160 characters) shown in search results",
    "last_reviewed": "the date the page was last checked, as YYYY-MM-DD",
    "next_review": "the date the page must be checked again, as YYYY-MM-DD",
}


def front_matter_problems(name: str, text: str) -> list[Problem]:
    match = FRONT_MATTER.match(text)
    if not match:
        return [Problem(name, 1, "the page has no front matter",
                        "start the page with a '---' block giving " + ", ".join(REQUIRED_META)
                        + " (copy the block from docs/about.md)")]
    try:
        # Every value as text: dates are checked here, not half-parsed by YAML.
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(name, mark.line + 2 if mark else 1, "the front matter is not valid YAML",
                        "write each line as 'name: value'; put quotes around values that contain ':'")]
    if not isinstance(meta, dict):
        return [Problem(name, 2, "the front matter is not a list of 'name: value' lines",
                        "write each line as 'name: value'")]
    lines = {raw.split(":", 1)[0].strip(): number + 2
             for number, raw in enumerate(match.group(1).splitlines())}
    problems = [Problem(name, 1, f"front matter has no '{key}'", f"add '{key}:' with {what}")
                for key, what in REQUIRED_META.items() if key not in meta]
    problems += [Problem(name, lines.get(key), f"{key} is not one line of text",
                         f"write '{key}:' followed by the text on the same line, without [ ] or {{ }} around it")
                 for key in ("title", "description") if key in meta and not isinstance(meta[key], str)]
    description = meta.get("description")
    if isinstance(description, str) and not 50 <= len(description) <= 160:
        problems.append(Problem(name, lines.get("description"),
                                f"description is {len(description)} characters long",
                                "write one sentence of 50 to 160 characters"))
    dates = {}
    for key in ("last_reviewed", "next_review"):
        if key not in meta:
            continue
        try:
            dates[key] = datetime.date.fromisoformat(str(meta[key]))
        except ValueError:
            problems.append(Problem(name, lines.get(key), f"{key} '{meta[key]}' is not a valid date",
                                    "write the date as YYYY-MM-DD, for example 2026-11-25"))
    return problems + review_date_problems(name, dates, lines, datetime.date.today())


def review_date_problems(name: str, dates: dict, lines: dict, today: datetime.date) -> list[Problem]:
    """A page is reviewed at least every REVIEW_CYCLE_YEARS years, and never in the future."""
    last, following = dates.get("last_reviewed"), dates.get("next_review")
    if last and last > today:
        return [Problem(name, lines.get("last_reviewed"), f"last_reviewed {last} is in the future",
                        "set it to the day the page was checked against its sources, today or earlier")]
    if not (last and following):
        return []
    if following <= last:
        return [Problem(name, lines.get("next_review"), f"next_review {following} is not after last_reviewed {last}",
                        "set next_review to a later date (usually one year after last_reviewed)")]
    try:
        latest = last.replace(year=last.year + REVIEW_CYCLE_YEARS)
    except ValueError:  # 29 February
        latest = last.replace(year=last.year + REVIEW_CYCLE_YEARS, day=28)
    if following > latest:
        return [Problem(name, lines.get("next_review"),
                        f"next_review {following} is more than {REVIEW_CYCLE_YEARS} years after last_reviewed {last}",
                        f"set it to {latest} or earlier: health information is reviewed at least every "
                        f"{REVIEW_CYCLE_YEARS} years (usually every year)")]
    return []


def prose_lines(text: str):
    """Each line as (number, prose, code): code blanked out of the prose and kept
    apart, so citations in code are told apart from citations in prose."""
    fence = None
    for number, line in enumerate(text.splitlines(), start=1):
        opened = FENCE.match(line)
        if fence:
            if opened and opened.group(2)[0] == fence[0] and len(opened.group(2)) >= len(fence):
                fence = None
            yield number, "", line
            continue
        if opened:
            fence = opened.group(2)
            yield number, "", line
            continue
        spans = [m.group() for m in INLINE_CODE.finditer(line)]
        yield number, INLINE_CODE.sub(lambda m: " " * len(m.group()), line), " ".join(spans)


def citation_problems(name: str, text: str, keys: set[str]) -> list[Problem]:
    problems = []
    for number, prose, code in prose_lines(text):
        if "[@" in code:
            problems.append(Problem(name, number, "a citation is inside code and would not be rendered",
                                    "move the [@key] out of the backticks or code block"))
        for block in CITATION_BLOCK.finditer(prose):
            if EMAIL.fullmatch(block.group(1).strip()):
                continue
            for part in block.group(1).split(";"):
                problems += _cited_key_problems(name, number, part.strip(), keys)
    return problems


def _cited_key_problems(name: str, number: int, part: str, keys: set[str]) -> list[Problem]:
    match = CITED_KEY.match(part)
    if not match:
        return [Problem(name, number, f"'{part}' is not a citation the site can render",
                        "cite as [@key] or [@key1; @key2] with the key from refs.bib; "
                        "page numbers and words inside the brackets are not supported")]
    key = match.group(1)
    if key in keys:
        return []
    close = difflib.get_close_matches(key, sorted(keys), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return [Problem(name, number, f"citation [@{key}] not found in refs.bib{hint}",
                    "use a key that exists in refs.bib, or add the entry to refs.bib")]


def cited_keys(text: str) -> set[str]:
    found = set()
    for _, prose, _ in prose_lines(text):
        for block in CITATION_BLOCK.finditer(prose):
            found |= {m.group(1) for part in block.group(1).split(";")
                      if (m := CITED_KEY.match(part.strip()))}
    return found
