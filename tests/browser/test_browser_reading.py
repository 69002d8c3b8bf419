"""Reading on a phone and on a desktop (issue 13, points 1 to 3): citations that read
as separate numbers, are big enough to tap and show their reference in place;
tables with every column on screen at body size; warning boxes at body size; a
checklist that can be ticked."""

import re

import pytest

from browser_checks import (backref_problems, box_text_problems, citation_in_place_problems,
                            citation_marker_problems, citation_screen_reader_view, table_problems,
                            tick_box_problems)

WIDTHS = (360, 1280)
# Python-Markdown's own citation markup, as it was before hooks/citation_markers.py.
MARKER = re.compile(r'<sup id="([^"]+)">[^\n]*?(<a class="footnote-ref" href="[^"]+">\d+</a>)[^\n]*?</sup>')


def view(width, **options):
    return {"viewport": {"width": width, "height": 800}, "has_touch": width < 600, **options}


def every_page(open_tab, site_base, page_paths, width, check, **options):
    tab = open_tab(site_base, **view(width, **options))
    return [problem for path in page_paths for problem in check(tab.visit(path))]


@pytest.fixture
def broken_page(built_copy, serve, open_tab):
    """broken_page(path, change, width) -> that page, its built HTML changed by change()."""
    def open_broken(path, change, width=360):
        html = built_copy.read(f"site/{path}index.html")
        built_copy.write(f"site/{path}index.html", change(html))
        return open_tab(serve(built_copy.site), **view(width)).visit(path)
    return open_broken


def with_style(css):
    return lambda html: html.replace("</head>", f"<style>{css}</style></head>", 1)


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_citations_read_as_separate_numbers_big_enough_to_tap(open_tab, site_base, page_paths, width):
    problems = every_page(open_tab, site_base, page_paths, width,
                          lambda page: citation_marker_problems(page) + backref_problems(page))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width, how", [(360, "tap"), (360, "keyboard"), (1280, "click"), (1280, "keyboard")])
def test_a_citation_shows_its_reference_in_place(open_tab, site_base, width, how):
    tab = open_tab(site_base, **view(width))
    for path in ("", "risks/", "benefits/"):
        assert citation_in_place_problems(tab.visit(path), how) == []


def test_a_citation_shows_its_reference_in_place_without_javascript(open_tab, site_base):
    tab = open_tab(site_base, **view(360, java_script_enabled=False))
    assert citation_in_place_problems(tab.visit("risks/"), "tap") == []


def test_a_screen_reader_hears_a_citation_as_a_button_that_opens(open_tab, site_base):
    tab = open_tab(site_base, **view(360))
    assert citation_screen_reader_view(tab.visit("risks/")) == [
        ("button", "Reference 1", False), ("button", "Reference 1", True)]


def test_bare_footnote_markers_are_reported(broken_page):
    page = broken_page("risks/", lambda html: MARKER.sub(r'<sup id="\1">\2</sup>', html)
                       .replace('href="../stylesheets/extra.min.css"', 'href="#"'))
    problems = citation_marker_problems(page)
    assert any("/risks/: citation 1 runs into the text beside it" in p and "123" in p
               for p in problems), problems
    assert any(re.search(r"/risks/: citation 1 is a [\d.]+ x [\d.]+ px target, under 24 x 24 px", p)
               for p in problems), problems
    jumped = citation_in_place_problems(page, "tap")
    assert len(jumped) == 1 and "tap on citation 1 (patel2019dry) jumps from 0 px to" in jumped[0], jumped


def test_a_reference_with_many_ways_back_is_reported(broken_page):
    backref = '<a class="footnote-backref" href="#fnref:thng2022case" title="Back">&#8617;</a>'
    page = broken_page("risks/", lambda html: html.replace(
        '<li id="fn:thng2022case">\n<p>', f'<li id="fn:thng2022case">\n<p>{backref}{backref}', 1))
    problems = backref_problems(page)
    assert problems and "/risks/: reference fn:thng2022case carries 3 links back" in problems[0], problems


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_every_table_cell_is_on_screen_at_body_size(open_tab, site_base, page_paths, width):
    problems = every_page(open_tab, site_base, page_paths, width, table_problems)
    assert not problems, "\n".join(problems)


def test_small_cut_off_and_unlabelled_table_cells_are_reported(broken_page):
    def break_tables(html):
        html = re.sub(r'<table style="[^"]*">', "<table>", html)
        html = html.replace("<td>Bleeding</td>", '<td style="white-space: nowrap">Bleeding '
                            + "and more " * 20 + "</td>", 1)
        return with_style(".md-typeset table:not([class]) { font-size: 12.8px }")(html)
    problems = table_problems(broken_page("risks/", break_tables))
    assert any("/risks/: table 2, 'Side effect' cell 'Bleeding and more" in p and "off-screen" in p
               for p in problems), problems
    assert any("'Side effect' cell 'Minor side effects" in p and "without its column's heading" in p
               for p in problems), problems
    assert any("is 12.8 px text, under the body's 16.0 px" in p for p in problems), problems


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def test_warning_boxes_are_at_least_body_size(open_tab, site_base, page_paths, width):
    problems = every_page(open_tab, site_base, page_paths, width, box_text_problems)
    assert not problems, "\n".join(problems)


def test_a_small_warning_box_is_reported(broken_page):
    page = broken_page("risks/", with_style(".md-typeset .admonition { font-size: .64rem }"))
    problems = box_text_problems(page)
    assert problems and "/risks/: in the box 'Call 999 or 911 now', 'Call 999 or 911 now' is 12.8 px" in problems[0]


@pytest.mark.parametrize("width", WIDTHS, ids=[f"{w}px" for w in WIDTHS])
@pytest.mark.parametrize("path", ["checklist/", "decision/"])
def test_the_tick_boxes_can_be_ticked_and_show_what_is_not(open_tab, site_base, path, width):
    tab = open_tab(site_base, **view(width))
    assert tick_box_problems(tab.visit(path)) == []


def test_disabled_and_ticked_looking_boxes_are_reported(broken_page):
    page = broken_page("checklist/", lambda html: html.replace('<input type="checkbox"/>',
                                                               '<input type="checkbox" disabled/>', 1))
    problems = tick_box_problems(page)
    assert problems[0].endswith("cannot be ticked. Fix: keep clickable_checkbox: true under "
                                "pymdownx.tasklist in mkdocs.yml."), problems
    material = with_style(".md-typeset .task-list-indicator::before { border: 0 !important;"
                          " background-color: var(--md-default-fg-color--lightest) !important;"
                          " mask-image: var(--md-tasklist-icon) !important }")
    problems = tick_box_problems(broken_page("checklist/", material))
    assert any("tick box 2 (" in p and "looks ticked or faint when unticked (tick drawn: True" in p
               for p in problems), problems
