"""Give each tick box in a task list ("- [ ] text") its text as its label.

pymdownx.tasklist closes the <label> before the item's text, so screen readers
announce an unnamed checkbox (axe rule "label"). Moving the text inside the label
names the box without changing how the list looks."""

from __future__ import annotations

import re

# One task list item whose text holds no nested list.
UNLABELLED = re.compile(r'(<li class="task-list-item"><label class="task-list-control">.*?)</label>'
                        r"((?:(?!<li|<ul|<ol|</li>).)*)</li>", re.DOTALL)


def on_page_content(html, page, config, files):
    if 'class="task-list-control"' not in html:
        return html
    return UNLABELLED.sub(r"\1\2</label></li>", html)
