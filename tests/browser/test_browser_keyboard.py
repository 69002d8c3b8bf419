"""Keyboard and WCAG 2.2 AA on a phone and a desktop (issue 13, point 4): every Tab
stop is on screen (none in the closed menu or search), never under the sticky
header, and at least 24 x 24 px unless it is a link inside text; on a phone the
menu button is reachable by Tab and opens the menu."""

import pytest

from keyboard_checks import menu_button_problems, tab_stop_problems

WIDTHS = (360, 1280)
PAGES = ("", "risks/", "checklist/", "handout/", "glossary/")


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_every_tab_stop_is_on_screen_and_big_enough(open_tab, site_base, width):
    tab = open_tab(site_base, viewport={"width": width, "height": 800})
    problems = [problem for path in PAGES for problem in tab_stop_problems(tab.visit(path))]
    assert not problems, "\n".join(problems)


def test_the_menu_button_is_reachable_and_opens_the_menu(open_tab, site_base):
    tab = open_tab(site_base, viewport={"width": 360, "height": 800})
    assert menu_button_problems(tab.visit("risks/")) == []


def test_a_focusable_closed_menu_and_a_hidden_focus_are_reported(built_copy, serve, open_tab):
    style = ("<style>.md-sidebar--primary { visibility: visible !important }"
             " html { scroll-padding-top: 0 !important }</style></head>")
    built_copy.replace("site/risks/index.html", "</head>", style)
    tab = open_tab(serve(built_copy.site), viewport={"width": 360, "height": 800})
    problems = tab_stop_problems(tab.visit("risks/"))
    assert any("at 360 px: Tab stop" in p and "('Home') is not visible on screen" in p for p in problems), problems


def test_an_unreachable_menu_button_is_reported(built_copy, serve, open_tab):
    html = built_copy.read("site/risks/index.html")
    start = html.index('<script>for(const[f,n]of[["__drawer"')
    built_copy.write("site/risks/index.html", html[:start] + html[html.index("</script>", start) + 9:])
    tab = open_tab(serve(built_copy.site), viewport={"width": 360, "height": 800})
    problems = menu_button_problems(tab.visit("risks/"))
    assert len(problems) == 1 and "Tab never reaches the menu button" in problems[0], problems
