"""Give every table its column headings as CSS variables (--label-1, --label-2, ...
on the <table>), so that on a phone the stylesheet can stack each row as a card,
every cell under its heading, with every column in view and nothing to scroll
sideways. The cells themselves are left as Markdown wrote them."""

from __future__ import annotations

import html as html_text
import re

TABLE = re.compile(r"<table>(.*?</thead>)", re.DOTALL)
HEADING = re.compile(r"<th[^>]*>(.*?)</th>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def on_page_content(html, page, config, files):
    if "<table>" not in html:
        return html
    return TABLE.sub(labelled, html)


def labelled(table: re.Match) -> str:
    headings = [html_text.unescape(TAG.sub("", heading)).strip() for heading in HEADING.findall(table.group(1))]
    labels = "; ".join(f"--label-{column}: {css_string(heading)}"
                       for column, heading in enumerate(headings, start=1))
    return f'<table style="{html_text.escape(labels, quote=True)}">{table.group(1)}'


def css_string(text: str) -> str:
    return "'" + re.sub(r"[\\'\n]", lambda char: "\\" + format(ord(char.group()), "x") + " ", text) + "'"
