"""One definition per term, in docs/includes/glossary.md. pymdownx.snippets appends that
file to every page, so the abbr extension shows each definition wherever its term
appears; this hook checks the file, writes the glossary page from it, and lets
keyboard users reach each definition."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from escaping import markdown_text
from checks.glossary import GLOSSARY_NAME, glossary_entries
from checks.problems import read_source, report

GLOSSARY = "includes/glossary.md"
MARKER = "<!-- glossary -->"
ABBR = re.compile(r'<abbr title="[^"]*">')

terms: dict[str, str] = {}


def on_pre_build(config):
    text = read_source(Path(config.docs_dir) / GLOSSARY, GLOSSARY_NAME)
    found, problems = glossary_entries(text)
    if problems:
        raise PluginError(report(problems, f"{GLOSSARY_NAME} cannot be used"))
    terms.clear()
    terms.update(found)


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, definition_list(terms))


def on_page_content(html, page, config, files):
    """An <abbr> cannot take focus, so Material's definition tooltip opens on hover
    only. Make the first use of each term on a page focusable: keyboard users reach
    every definition once, without a tab stop at every repeat of a word."""
    seen = set()

    def first_use_focusable(match):
        tag = match.group()
        if tag in seen:
            return tag
        seen.add(tag)
        return tag[:-1] + ' tabindex="0">'

    return ABBR.sub(first_use_focusable, html)


def definition_list(entries: dict[str, str]) -> str:
    """Each term is a heading: search lists it as a result of its own (Glossary >
    Pneumothorax), and the term has an address to link to, glossary/#pneumothorax."""
    items = [f"## {markdown_text(term[0].upper() + term[1:])}\n\n{markdown_text(entries[term])}"
             for term in sorted(entries, key=str.lower)]
    return "\n\n".join(items) + "\n"
