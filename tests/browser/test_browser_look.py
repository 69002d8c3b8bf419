"""Readable headings, a visible logo, and dark mode that follows the device with or
without script (issue 13, point 6), on every page, each check shown to fail."""

import pytest

from look_checks import dark_problems, heading_problems, logo_problems

WIDE = {"width": 1280, "height": 800}
OLD_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" '
            'fill="#00796b"/><path d="M18 46 46 18" stroke="#fff" stroke-width="4"/></svg>')


def test_headings_stand_out_and_the_logo_shows(open_tab, site_base, page_paths):
    tab = open_tab(site_base, viewport=WIDE)
    problems = []
    for path in page_paths:
        page = tab.visit(path)
        problems += heading_problems(page) + logo_problems(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("script", [True, False], ids=["with script", "without script"])
def test_every_page_follows_the_devices_dark_mode(open_tab, site_base, page_paths, script):
    tab = open_tab(site_base, viewport={"width": 360, "height": 800}, color_scheme="dark",
                   java_script_enabled=script)
    problems = [p for path in page_paths for p in dark_problems(tab.visit(path))]
    assert not problems, "\n".join(problems)


def test_thin_headings_and_a_logo_lost_in_the_header_are_reported(built_copy, serve, open_tab):
    built_copy.replace("site/risks/index.html", "</head>",
                       "<style>.md-typeset h2 { font-weight: 300 }</style></head>")
    built_copy.write("site/assets/favicon.svg", OLD_LOGO)
    page = open_tab(serve(built_copy.site), viewport=WIDE).visit("risks/")
    headings = heading_problems(page)
    assert headings and all(" is weight 300" in p and "Fix:" in p for p in headings), headings
    logo = logo_problems(page)
    assert len(logo) == 1 and "of the logo stands out from the header" in logo[0], logo


def test_a_page_light_in_dark_mode_is_reported(built_copy, serve, open_tab):
    built_copy.replace("site/risks/index.html", '<html lang="en" class="no-js">', '<html lang="en">')
    tab = open_tab(serve(built_copy.site), color_scheme="dark", java_script_enabled=False)
    problems = dark_problems(tab.visit("risks/"))
    assert len(problems) == 1 and "in dark mode the page is light" in problems[0], problems
