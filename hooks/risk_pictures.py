"""Draw the fact box and the risk pictures (icon arrays) from docs/data/risks.yml at
build time, so the numbers a visitor sees in a picture are the numbers the page cites.

A page asks for them with a line of its own:
    <!-- fact-box -->
    <!-- harms-table -->
    <!-- risk-picture: bleeding-boyce -->
Every other line is checked for "N in M" figures that the data file does not give.
Labels and descriptions from the data are text (escaping.py), never markup.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from escaping import attribute, markdown_text
from checks.front_matter import read_front_matter
from checks.problems import Problem, read_source, report
from checks.figures import figures_not_in_data
from checks.risk_data import DATA_NAME, read_risk_data
from risk_tables import dots_filled, fact_box, harms_table, in_pictures_words

DATA = "data/risks.yml"
PICTURE = re.compile(r"^<!-- risk-picture: (?P<id>[a-z0-9-]+) -->$")
FACT_BOX = "<!-- fact-box -->"
HARMS_TABLE = "<!-- harms-table -->"
# A line that looks like it meant to be a marker but is not written as one.
NEAR_MISS = re.compile(r"<!--\s*(risk[\s_-]*pictures?|fact[\s_-]*box|harms?[\s_-]*table)", re.IGNORECASE)
GRIDS = {100: 10, 1000: 40}  # dots in a picture: dots in each row
DOT = 10  # the width of one dot's square, in SVG units

data = {"benefits": [], "harms": {}}


def on_pre_build(config):
    """Read the data once per build, after mkdocs-bibtex has read refs.bib. A site
    without mkdocs-bibtex (bench/build_time.py's plain one) has no sources to check."""
    keys = set(config.plugins["bibtex"].registry.bib_data.entries.keys()) if "bibtex" in config.plugins else None
    text = read_source(Path(config.docs_dir) / DATA, DATA_NAME)
    benefits, harms, problems = read_risk_data(text, keys)
    if problems:
        raise PluginError(report(problems, f"{DATA_NAME} cannot be used"))
    data["benefits"], data["harms"] = benefits, {harm["id"]: harm for harm in harms}


@event_priority(50)  # before mkdocs-bibtex turns the [@key] citations we add into footnotes
def on_page_markdown(markdown, page, config, files):
    name = f"docs/{page.file.src_uri}"
    lines, problems, drawn = [], [], 0
    for number, line in enumerate(markdown.splitlines(), start=first_body_line(page)):
        stripped = line.strip()
        if stripped == FACT_BOX:
            lines.append(fact_box(data["benefits"], data["harms"].values()))
        elif stripped == HARMS_TABLE:
            lines.append(harms_table(data["harms"].values()))
        elif match := PICTURE.match(stripped):
            harm, problem = pictured_harm(name, number, match.group("id"))
            if problem:
                problems.append(problem)
                continue
            drawn += 1
            lines.append(risk_picture(harm, f"risk-picture-{drawn}"))
        elif NEAR_MISS.search(line):
            problems.append(Problem(name, number, f"'{stripped}' is not a marker the site understands",
                                    "write '<!-- fact-box -->', '<!-- harms-table -->' or "
                                    f"'<!-- risk-picture: id -->' alone on a line, with an id from {DATA_NAME}"))
        else:
            problems += figures_not_in_data(name, number, line, data["harms"].values())
            lines.append(line)
    if problems:
        raise PluginError(report(problems, "Some risk pictures cannot be drawn"))
    return "\n".join(lines) + "\n"


def first_body_line(page) -> int:
    """The line in the source file where the Markdown that MkDocs hands to hooks
    starts: MkDocs cuts the front matter and the blank lines after it."""
    name = f"docs/{page.file.src_uri}"
    front = read_front_matter(name, read_source(Path(page.file.abs_src_path), name))
    return front.body_line if front else 1


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


def risk_picture(harm: dict, element_id: str) -> str:
    filled, dots = dots_filled(harm), harm["picture"]
    columns = GRIDS[dots]
    width, height = columns * DOT, dots // columns * DOT
    words = attribute(f"{harm['label']}: {in_pictures_words(harm)}. {filled:,} of {dots:,} dots filled in.")
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
    caption = (f"**{markdown_text(harm['label'])}**: {in_pictures_words(harm)}. "
               f"{markdown_text(harm['who'])} [@{harm['source']}]")
    # The div keeps the SVG out of Markdown's reach: without it, md_in_html would
    # wrap it in a paragraph and the abbr extension would write HTML into <title>.
    return (f'\n<figure class="risk-picture risk-picture--{dots}" markdown>\n'
            f'<div class="risk-picture__image">{svg}</div>\n'
            f'<figcaption markdown="span">{caption}</figcaption>\n</figure>\n')
