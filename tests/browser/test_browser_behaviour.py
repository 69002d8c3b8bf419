"""Pages load cleanly, fit a phone, and their features work as a visitor uses them."""

import pytest

from browser_checks import (closing_notes_problems, glossary_problems, horizontal_scroll_problems,
                            loading_problems, palette_problems, skip_link_problems)

WIDTHS = (360, 1280)


def viewport(width):
    return {"viewport": {"width": width, "height": 800}}


def screenshot_name(path, width):
    return f"{path.strip('/').replace('/', '-') or 'home'}-{width}px.png"


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_every_page_loads_cleanly_and_fits_the_screen(open_tab, site_base, page_paths,
                                                       screenshots, width):
    tab = open_tab(site_base, **viewport(width))
    problems = []
    for path in page_paths:
        page = tab.visit(path, wait_until="networkidle")
        page.screenshot(path=screenshots / screenshot_name(path, width), full_page=True)
        problems += loading_problems(page.url, tab.take_activity())
        problems += horizontal_scroll_problems(page)
        problems += closing_notes_problems(page)
    assert not problems, "\n".join(problems)


@pytest.fixture
def broken_risks_page(built_copy, serve, open_tab):
    """break_risks_page(old, new, width=360) -> a tab showing the broken risks page."""
    def open_broken(old, new, width=360):
        built_copy.replace("site/risks/index.html", old, new)
        tab = open_tab(serve(built_copy.site), **viewport(width))
        tab.visit("risks/", wait_until="networkidle")
        return tab
    return open_broken


def test_script_errors_and_missing_files_are_reported(built_copy, broken_risks_page):
    # A script file: the pages' Content-Security-Policy would block an inline one.
    built_copy.write("site/risks/broken.js", 'console.error("logged on purpose");\n'
                                             'throw new Error("thrown on purpose");\n')
    tab = broken_risks_page("</article>", '<img src="missing.png" alt="Missing">'
                                          '<script src="broken.js"></script></article>')
    problems = loading_problems(tab.page.url, tab.take_activity())
    assert any("/risks/: console error: logged on purpose" in p for p in problems), problems
    assert any("/risks/: console error: " in p and "thrown on purpose" in p
               for p in problems), problems
    assert any("/risks/: request failed: " in p and "missing.png (HTTP 404)" in p
               for p in problems), problems


def test_a_page_wider_than_the_screen_is_reported(broken_risks_page):
    tab = broken_risks_page("</article>", '<div class="too-wide" style="width: 1000px">'
                                          "Wide</div></article>")
    problems = horizontal_scroll_problems(tab.page)
    assert len(problems) == 1 and "/risks/: the page is" in problems[0], problems
    assert 'class="too-wide"' in problems[0] and "on a 360 px screen" in problems[0]


def test_missing_review_date_and_disclaimer_are_reported(broken_risks_page):
    tab = broken_risks_page('<aside class="page-review"', '<aside class="hidden-review" hidden')
    tab.page.evaluate("document.querySelector('.disclaimer').remove()")
    problems = closing_notes_problems(tab.page)
    assert [p.split(" Fix:")[0] for p in problems] == [
        f"{tab.base}risks/: the 'Last reviewed' date is not visible.",
        f"{tab.base}risks/: the disclaimer is not visible."]


def test_palette_toggle_changes_scheme_and_is_remembered(open_tab, site_base):
    tab = open_tab(site_base, **viewport(1280))
    assert palette_problems(tab.visit(""), site_base + "risks/") == []


def test_a_palette_toggle_that_does_nothing_is_reported(built_copy, serve, open_tab):
    built_copy.replace("site/index.html", 'data-md-component="palette"', 'data-broken="palette"')
    tab = open_tab(serve(built_copy.site), **viewport(1280))
    problems = palette_problems(tab.visit(""), tab.base + "risks/")
    assert len(problems) == 1 and problems[0].startswith(f"{tab.base}: no light/dark toggle")


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("path", ["", "risks/"])
def test_skip_link_works_from_the_keyboard(open_tab, site_base, path, width):
    tab = open_tab(site_base, **viewport(width))
    assert skip_link_problems(tab.visit(path)) == []


def test_a_missing_skip_link_is_reported(broken_risks_page):
    tab = broken_risks_page('<a href="#risks-and-safety" class="md-skip">', '<a class="md-skip">')
    problems = skip_link_problems(tab.page)
    assert len(problems) == 1 and "/risks/: the first Tab focuses" in problems[0], problems


def test_a_missing_focus_ring_is_reported(broken_risks_page):
    tab = broken_risks_page("</head>", "<style>:focus, .focus-visible { outline: none !important;"
                                       " box-shadow: none !important }</style></head>")
    problems = skip_link_problems(tab.page)
    assert len(problems) == 2, problems
    assert all("/risks/" in p and "has no visible focus ring" in p for p in problems), problems
    assert "'Skip to content'" in problems[0]


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_glossary_terms_show_their_definition_on_hover_and_focus(open_tab, site_base, width):
    tab = open_tab(site_base, **viewport(width))
    assert glossary_problems(tab.visit("physiology/")) == []


def test_a_term_that_cannot_take_focus_is_reported(built_copy, serve, open_tab):
    page = built_copy.read("site/physiology/index.html")
    built_copy.write("site/physiology/index.html", page.replace(' tabindex="0">', ">"))
    tab = open_tab(serve(built_copy.site), **viewport(1280))
    problems = glossary_problems(tab.visit("physiology/"))
    assert len(problems) == 1 and problems[0].startswith(f"{tab.base}physiology/: focusing the term")


def test_script_that_slipped_into_a_page_does_not_run(broken_risks_page):
    """The build refuses script in pages; the Content-Security-Policy is the second
    line: an inline script or handler that reached the HTML anyway never runs."""
    tab = broken_risks_page("</article>", '<script>alert("inline")</script>'
                                          '<img src="missing.png" alt="x" onerror="alert(\'handler\')"></article>')
    dialogs = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.page.reload(wait_until="networkidle")
    assert dialogs == []
    assert any("Content Security Policy" in error for error in tab.take_activity().errors)
