"""Text from data files (refs.bib, docs/data/, the glossary, front matter) reaches a
page as text, never as markup: a contributor's `<script>` in a YAML value must show
as `<script>`, not run in a visitor's browser."""

from __future__ import annotations

import html
import re

# Everything Python-Markdown and its extensions here read as syntax inside a line:
# emphasis, code, links and images, attr_list braces, table cells, and raw HTML
# (< and &, which become entities instead).
MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]{}|!])")
# At the start of a line these begin a heading, a quote or a list.
LINE_START = re.compile(r"^([#>+-])")
NUMBERED = re.compile(r"^(\d+)\.")


def markdown_text(value) -> str:
    """value as Markdown that renders exactly as written, in any paragraph or table cell."""
    text = html.escape(str(value), quote=False)
    text = MARKDOWN_SYNTAX.sub(r"\\\1", text)
    return NUMBERED.sub(r"\1\\.", LINE_START.sub(r"\\\1", text))


def attribute(value) -> str:
    """value for an HTML attribute in double quotes, or an element's text."""
    return html.escape(str(value), quote=True)
