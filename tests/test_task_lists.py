"""Tick boxes in task lists are named by their text (hooks/task_lists.py)."""

from __future__ import annotations

import re

from task_lists import on_page_content

ITEM = re.compile(r'<li class="task-list-item"><label class="task-list-control">(.*?)</label>(.*?)</li>', re.DOTALL)


def test_every_tick_box_on_the_checklist_has_its_text_as_label(built_site):
    html = (built_site.site / "checklist/index.html").read_text(encoding="utf-8")
    items = ITEM.findall(html)
    assert items
    for label, after in items:
        assert re.sub(r"<[^>]+>", "", label).strip() and not after.strip(), (label, after)


def test_an_item_holding_a_nested_list_is_left_alone():
    nested = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
              '</label> Parent<ul><li>Child</li></ul></li>')
    assert on_page_content(nested, None, None, None) == nested
