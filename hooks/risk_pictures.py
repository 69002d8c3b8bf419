"""Draw the fact box and the risk pictures (icon arrays) from docs/data/risks.yml at
build time, so the numbers a visitor sees in a picture are the numbers the page cites.

A page asks for them with a line of its own:
    <!-- fact-box -->
    <!-- risk-picture: bleeding-boyce -->
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from problems import Problem, report

DATA = "data/risks.yml"
DATA_NAME = f"docs/{DATA}"
# How MkDocs 1.6 finds front matter (mkdocs/utils/meta.py).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
PICTURE = re.compile(r"^<!-- risk-picture: (?P<id>[a-z0-9-]+) -->$")
FACT_BOX = "<!-- fact-box -->"
# A line that looks like it meant to be a marker but is not written as one.
NEAR_MISS = re.compile(r"<!--\s*(risk[\s_-]*pictures?|fact[\s_-]*box)", re.IGNORECASE)
HARM_FIELDS = ("id", "label", "count", "in", "unit", "who", "source")
UNITS = ("treatments", "patients", "visits", "people")
PERCENTAGE = re.compile(r"^\d+(\.\d+)?%$")
GRIDS = {100: 10, 1000: 40}  # dots in a picture: dots in each row
DOT = 10  # the width of one dot's square, in SVG units

data = {"benefits": [], "harms": {}}


def on_pre_build(config):
    """Read the data once per build, after mkdocs-bibtex has read refs.bib. A site
    without mkdocs-bibtex (bench/build_time.py's plain one) has no sources to check."""
    keys = set(config.plugins["bibtex"].registry.bib_data.entries.keys()) if "bibtex" in config.plugins else None
    text = (Path(config.docs_dir) / DATA).read_text(encoding="utf-8")
    benefits, harms, problems = read_risk_data(text, keys)
    if problems:
        raise PluginError(report(problems, f"{DATA_NAME} cannot be used"))
    data["benefits"], data["harms"] = benefits, {harm["id"]: harm for harm in harms}


@event_priority(50)  # before mkdocs-bibtex turns the [@key] citations we add into footnotes
def on_page_markdown(markdown, page, config, files):
    if "<!--" not in markdown:
        return markdown
    name = f"docs/{page.file.src_uri}"
    lines, problems, drawn = [], [], 0
    for number, line in enumerate(markdown.splitlines(), start=first_body_line(page)):
        stripped = line.strip()
        if stripped == FACT_BOX:
            lines.append(fact_box(data["benefits"], data["harms"].values()))
        elif match := PICTURE.match(stripped):
            harm, problem = pictured_harm(name, number, match.group("id"))
            if problem:
                problems.append(problem)
                continue
            drawn += 1
            lines.append(risk_picture(harm, f"risk-picture-{drawn}"))
        elif NEAR_MISS.search(line):
            problems.append(Problem(name, number, f"'{stripped}' is not a marker the site understands",
                                    "write '<!-- fact-box -->' or '<!-- risk-picture: id -->' alone on "
                                    f"a line, with an id from {DATA_NAME}"))
        else:
            lines.append(line)
    if problems:
        raise PluginError(report(problems, "Some risk pictures cannot be drawn"))
    return "\n".join(lines) + "\n"


def first_body_line(page) -> int:
    """The line in the source file where the Markdown that MkDocs hands to hooks
    starts: MkDocs cuts the front matter and the blank lines after it."""
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(source)
    if not match:
        return 1
    rest = source[match.end():]
    return source[:match.end()].count("\n") + len(rest) - len(rest.lstrip("\n")) + 1


def pictured_harm(name: str, number: int, harm_id: str):
    harm = data["harms"].get(harm_id)
    if harm is None:
        close = difflib.get_close_matches(harm_id, sorted(data["harms"]), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        return None, Problem(name, number, f"risk picture '{harm_id}' is not in {DATA_NAME}{hint}",
                             f"use the id of a harm in {DATA_NAME}, or add the harm there")
    if "picture" not in harm:
        return None, Problem(name, number, f"harm '{harm_id}' has no picture size",
                             f"add 'picture: 100' or 'picture: 1000' to it in {DATA_NAME}, "
                             "or remove the marker: a harm rarer than 1 in 1,000 is too rare to draw")
    return harm, None


def read_risk_data(text: str, keys: set[str] | None):
    """The benefits and harms in the data file, and every problem with them; sources
    are checked against keys unless keys is None."""
    try:
        raw = yaml.safe_load(text)
        tree = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [], [Problem(DATA_NAME, mark.line + 1 if mark else None, "the file is not valid YAML",
                                "check the indentation; put quotes around values that contain ':'")]
    if not isinstance(raw, dict) or not isinstance(raw.get("benefits"), list) \
            or not isinstance(raw.get("harms"), list):
        return [], [], [Problem(DATA_NAME, 1, "the file needs a 'benefits:' list and a 'harms:' list",
                                "keep the layout described at the top of the file")]
    lines = {key.value: [item.start_mark.line + 1 for item in value.value] for key, value in tree.value}
    problems = []
    for benefit, line in zip(raw["benefits"], lines["benefits"]):
        problems += benefit_problems(benefit, line, keys)
    seen = set()
    for harm, line in zip(raw["harms"], lines["harms"]):
        problems += harm_problems(harm, line, keys, seen)
    return raw["benefits"], raw["harms"], problems


def benefit_problems(benefit, line: int, keys: set[str] | None) -> list[Problem]:
    if not isinstance(benefit, dict) or not benefit.get("label") or not benefit.get("text"):
        return [Problem(DATA_NAME, line, "a benefit needs a 'label' and a 'text'",
                        "give both, as in the other benefits")]
    sources = benefit.get("sources")
    if not isinstance(sources, list) or not sources:
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
    problems = []
    if name in seen:
        problems.append(Problem(DATA_NAME, line, f"harm id '{name}' is used twice", "give each harm its own id"))
    seen.add(name)
    if keys is not None and harm["source"] not in keys:
        problems.append(_unknown_key(line, harm["source"]))
    if harm["unit"] not in UNITS:
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' has unit '{harm['unit']}'",
                                "use one of: " + ", ".join(UNITS)))
    if not (isinstance(harm["count"], int) and isinstance(harm["in"], int) and 0 <= harm["count"] <= harm["in"]):
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' has count {harm['count']} in {harm['in']}",
                                "write whole numbers without commas, count no bigger than in"))
    percentage = harm.get("percentage")
    if percentage is not None and not PERCENTAGE.match(str(percentage)):
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' has percentage '{percentage}'",
                                "write it as the source gives it, with %, for example 7.7%"))
    if "picture" in harm and (harm["picture"] not in GRIDS or percentage is None):
        problems.append(Problem(DATA_NAME, line, f"harm '{name}' cannot be drawn as picture: {harm['picture']}",
                                "use picture: 100 or picture: 1000, and give a percentage"))
    return problems


def _unknown_key(line: int, key: str) -> Problem:
    return Problem(DATA_NAME, line, f"source '{key}' is not in refs.bib",
                   "use the key of a refs.bib entry, or add the entry to refs.bib")


def how_often(harm: dict) -> str:
    """The frequency as the table on the risks page words it."""
    count, total, unit = harm["count"], harm["in"], harm["unit"]
    if count == 0:
        return f"None in {total:,} {unit}"
    if count == total:
        return f"All {total:,} {unit}"
    if harm.get("about"):
        return f"About {count:,} in {total:,} {unit} ({harm['percentage']})"
    if harm.get("rounded"):
        return f"{count:,} in {total:,} {unit} (about 1 in {harm['rounded']:,}, {harm['percentage']})"
    return f"{count:,} in {total:,} {unit} ({harm['percentage']})"


def dots_filled(harm: dict) -> int:
    """How many of the picture's dots stand for people or treatments with the harm."""
    return round(float(harm["percentage"].rstrip("%")) * harm["picture"] / 100)


def in_pictures_words(harm: dict) -> str:
    """The frequency out of the picture's dots, as in "about 16 in 100 treatments (16%)"."""
    return f"about {dots_filled(harm):,} in {harm['picture']:,} {harm['unit']} ({harm['percentage']})"


def risk_picture(harm: dict, element_id: str) -> str:
    filled, dots = dots_filled(harm), harm["picture"]
    columns = GRIDS[dots]
    width, height = columns * DOT, dots // columns * DOT
    words = (f"{harm['label']}: {in_pictures_words(harm)}. "
             f"{filled:,} of {dots:,} dots filled in.")
    circles = "".join(f'<circle cx="{(i % columns) * DOT + DOT / 2:g}" cy="{(i // columns) * DOT + DOT / 2:g}" r="4"/>'
                      for i in range(filled))
    # Empty dots come from one pattern, so a 1,000-dot picture stays a few hundred bytes.
    # currentColor follows the text colour: it works in both palettes and in print.
    svg = (f'<svg class="risk-picture__dots" role="img" aria-label="{words}" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}"><title>{words}</title>'
           f'<defs><pattern id="{element_id}-dot" width="{DOT}" height="{DOT}" patternUnits="userSpaceOnUse">'
           f'<circle cx="{DOT / 2:g}" cy="{DOT / 2:g}" r="3.5" fill="none" stroke="currentColor" '
           f'stroke-opacity="0.6"/></pattern></defs>'
           f'<rect width="{width}" height="{height}" fill="url(#{element_id}-dot)"/>'
           f'<g class="risk-picture__filled" fill="currentColor">{circles}</g></svg>')
    caption = (f"**{harm['label']}**: {in_pictures_words(harm)}. "
               f"{harm['who']} [@{harm['source']}]")
    # The div keeps the SVG out of Markdown's reach: without it, md_in_html would
    # wrap it in a paragraph and the abbr extension would write HTML into <title>.
    return (f'\n<figure class="risk-picture risk-picture--{dots}" markdown>\n'
            f'<div class="risk-picture__image">{svg}</div>\n'
            f'<figcaption markdown="span">{caption}</figcaption>\n</figure>\n')


def fact_box(benefits: list[dict], harms) -> str:
    rows = ["| What it may do | What studies found |", "|---|---|"]
    for benefit in benefits:
        cites = "; ".join(f"@{key}" for key in benefit["sources"])
        rows.append(f"| {benefit['label']} | {benefit['text']} [{cites}] |")
    rows += ["", "| Side effect | How often | Who this is about |", "|---|---|---|"]
    for harm in harms:
        if harm.get("fact_box"):
            often = in_pictures_words(harm).capitalize() if "picture" in harm else how_often(harm)
            rows.append(f"| {harm['label']} | {often} [@{harm['source']}] | {harm['who']} |")
    table = "\n".join(rows)
    return ('\n<div class="fact-box" markdown>\n\n'
            '**Dry needling for muscle pain: benefits and harms at a glance**\n\n'
            f'{table}\n\n</div>\n')
