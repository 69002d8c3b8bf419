"""The one reader of a page's front matter, and the rules for what it must hold:
the build, the reading grade and the review report all read pages through here."""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checks.problems import Problem

# How MkDocs 1.6 finds front matter (mkdocs/utils/meta.py): closed by --- or ...
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
REVIEW_CYCLE_YEARS = 3
REQUIRED_META = {
    "title": "the page title, as shown in the browser tab and navigation",
    "description": "one sentence (50 to 160 characters) shown in search results",
    "last_reviewed": "the date the page was last checked, as YYYY-MM-DD",
    "next_review": "the date the page must be checked again, as YYYY-MM-DD",
}


@dataclass
class FrontMatter:
    """Every value as the writer typed it (text, not half-parsed by YAML), the line
    each key is on, and where the page's Markdown starts."""
    meta: dict = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problem: Problem | None = None


def read_front_matter(name: str, text: str) -> FrontMatter | None:
    """None when the text has no front matter: Markdown included into pages."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    rest = text[match.end():]
    found = FrontMatter(body=rest, body_line=text[:match.end()].count("\n") + len(rest) - len(rest.lstrip("\n")) + 1)
    try:
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        found.problem = Problem(name, mark.line + 2 if mark else 1, "the front matter is not valid YAML",
                                "write each line as 'name: value'; put quotes around values that contain ':'")
        return found
    if not isinstance(meta, dict):
        found.problem = Problem(name, 2, "the front matter is not a list of 'name: value' lines",
                                "write each line as 'name: value'")
        return found
    found.meta = meta
    found.lines = {raw.split(":", 1)[0].strip(): number + 2 for number, raw in enumerate(match.group(1).splitlines())}
    return found


def review_date(front: FrontMatter | None, key: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(front.meta[key])
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def front_matter_problems(name: str, text: str, today: datetime.date | None = None) -> list[Problem]:
    front = read_front_matter(name, text)
    if front is None:
        return [Problem(name, 1, "the page has no front matter",
                        "start the page with a '---' block giving " + ", ".join(REQUIRED_META)
                        + " (copy the block from docs/about.md)")]
    if front.problem:
        return [front.problem]
    meta, lines = front.meta, front.lines
    problems = [Problem(name, 1, f"front matter has no '{key}'", f"add '{key}:' with {what}")
                for key, what in REQUIRED_META.items() if key not in meta]
    problems += [Problem(name, lines.get(key), f"{key} is not one line of text",
                         f"write '{key}:' followed by the text on the same line, without [ ] or {{ }} around it")
                 for key in ("title", "description") if key in meta and not isinstance(meta[key], str)]
    description = meta.get("description")
    if isinstance(description, str) and not 50 <= len(description) <= 160:
        problems.append(Problem(name, lines.get("description"), f"description is {len(description)} characters long",
                                "write one sentence of 50 to 160 characters"))
    dates = {}
    for key in ("last_reviewed", "next_review"):
        if key not in meta:
            continue
        dates[key] = review_date(front, key)
        if dates[key] is None:
            problems.append(Problem(name, lines.get(key), f"{key} '{meta[key]}' is not a valid date",
                                    "write the date as YYYY-MM-DD, for example 2026-11-25"))
    return problems + review_date_problems(name, dates, lines, today or datetime.date.today())


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


def first_commit_date(path: Path) -> datetime.date | None:
    """The day the page was first committed, following renames; None outside a Git
    checkout, in a shallow clone (CI's checkout holds one commit, so every page would
    seem new) or for a page not committed yet (a new page has no history to be before)."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=path.parent, capture_output=True, text=True, timeout=30, check=False)
    try:
        if git("rev-parse", "--is-shallow-repository").stdout.strip() != "false":
            return None
        result = git("log", "--follow", "--format=%ad", "--date=short", "--", path.name)
    except (OSError, subprocess.SubprocessError):
        return None
    dates = result.stdout.split()
    return datetime.date.fromisoformat(dates[-1]) if result.returncode == 0 and dates else None


def reviewed_before_it_existed(name: str, text: str, first_commit: datetime.date | None) -> list[Problem]:
    """A page cannot have been checked against its sources before it was written."""
    front = read_front_matter(name, text)
    last = review_date(front, "last_reviewed")
    if first_commit is None or last is None or last >= first_commit:
        return []
    return [Problem(name, front.lines.get("last_reviewed"),
                    f"last_reviewed {last} is before the page's first commit on {first_commit}",
                    f"set it to the day the page was last checked against its sources, {first_commit} or later")]
