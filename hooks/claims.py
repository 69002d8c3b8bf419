"""Show each claim from docs/data/claims.yml where a page asks for it, with its
citation and how sure we are, so a fact written once reads the same on every page:
    <!-- claim: soreness-duration -->
    <!-- claim: tell-clinician-first, as tick boxes -->
    <!-- card: call-999 -->
    <!-- card: call-111, signs only -->                (its title, text and signs, for paper)
    <!-- certainty-levels -->
A marker may be indented (inside a box or a list); what it shows keeps the indent.
The words are text (escaping.py), never markup. The checks are in checks/claims.py.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from escaping import markdown_text
from checks.claims import (CARD, CLAIM, CLAIMS_NAME, LEVELS, marker_problems, read_claims, unused_problems)
from checks.problems import read_source, report
from checks.risk_data import DATA_NAME, read_risk_data

DATA = "data/claims.yml"
LEVELS_PAGE = "about.md#how-sure-we-are"

data: dict = {}
shown: set[str] = set()


def on_pre_build(config):
    keys = set(config.plugins["bibtex"].registry.bib_data.entries.keys()) if "bibtex" in config.plugins else None
    docs = Path(config.docs_dir)
    _, harms, _ = read_risk_data(read_source(docs / "data/risks.yml", DATA_NAME), None)
    found, problems = read_claims(read_source(docs / DATA, CLAIMS_NAME), keys, harms)
    if problems:
        raise PluginError(report(problems, f"{CLAIMS_NAME} cannot be used"))
    data.clear()
    data.update(found)
    shown.clear()


@event_priority(50)  # after risk_pictures.py; before mkdocs-bibtex turns our [@key] citations into footnotes
def on_page_markdown(markdown, page, config, files):
    name = f"docs/{page.file.src_uri}"
    # Lines are counted in the file itself: risk_pictures.py has already drawn its boxes here.
    source = read_source(Path(page.file.abs_src_path), name) if page.file.abs_src_path else markdown
    problems, page_shows = marker_problems(name, source, data)
    if problems:
        raise PluginError(report(problems, "Some claims cannot be shown"))
    shown.update(page_shows)
    if not page_shows and LEVELS not in markdown:
        return markdown
    levels_link = posixpath.relpath(LEVELS_PAGE, posixpath.dirname(page.file.src_uri) or ".")
    lines = []
    for line in markdown.splitlines():
        stripped, indent = line.strip(), line[:len(line) - len(line.lstrip())]
        if match := CLAIM.match(stripped):
            block = claim_block(data["claims"][match.group("id")], bool(match.group("ticks")))
            block += ["", certainty_line([data["claims"][match.group("id")]], levels_link)]
        elif match := CARD.match(stripped):
            block = card_block(data["cards"][match.group("id")], levels_link, bool(match.group("short")))
        elif stripped == LEVELS:
            block = [f"- **{markdown_text(name.capitalize())}**: {markdown_text(level['meaning'])}"
                     for name, level in data["levels"].items()]
        else:
            lines.append(line)
            continue
        lines += [indent + text if text else "" for text in block]
    return "\n".join(lines) + "\n"


def on_env(env, config, files):
    """Every page's Markdown has been read by now: a claim none of them shows is
    one no visitor sees."""
    problems = unused_problems(data, shown)
    if problems:
        raise PluginError(report(problems, f"{CLAIMS_NAME} has claims no page shows"))
    return env


def claim_block(claim: dict, as_tick_boxes: bool = False) -> list[str]:
    cites = "; ".join(f"@{key}" for key in claim["sources"])
    text = markdown_text(claim["text"])
    # The citation goes before the last full stop or colon, as everywhere else on the site.
    block = [f"{text[:-1]} [{cites}]{text[-1]}" if text.endswith((".", ":")) else f"{text} [{cites}]"]
    if "items" in claim:
        block += [""] + [f"- {'[ ] ' if as_tick_boxes else ''}{markdown_text(item)}" for item in claim["items"]]
    return block


def certainty_line(claims: list[dict], levels_link: str) -> str:
    """"How sure are we?" once for each level the claims rest on."""
    names = dict.fromkeys(claim["certainty"] for claim in claims)
    meanings = " ".join(f"{markdown_text(name.capitalize())}: {markdown_text(lower_first(data['levels'][name]['meaning']))}"
                        for name in names)
    return f"*[How sure are we?]({levels_link}) {meanings}*"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# A care card's colour says how soon to act, as on the NHS's cards: red, amber, blue.
BOX = {"emergency": "danger", "urgent": "warning", "non-urgent": "note"}


def card_block(card: dict, levels_link: str, signs_only: bool = False) -> list[str]:
    """The card as a box; signs only leaves out the claims behind it (a handout's paper is short)."""
    claims = [] if signs_only else [data["claims"][claim_id] for claim_id in card["claims"]]
    body = [markdown_text(card["text"])]
    if "items" in card:
        body += [""] + [f"- {markdown_text(item)}" for item in card["items"]]
    for claim in claims:
        body += [""] + claim_block(claim)
    if claims:
        body += ["", certainty_line(claims, levels_link)]
    title = markdown_text(card["title"]).replace('"', "&quot;")
    return [f'!!! {BOX[card["urgency"]]} "{title}"'] + [f"    {text}" if text else "" for text in body]
