"""While a visitor reads and uses any page, their browser talks to the site only."""

from browser_checks import requests_to_other_hosts
from search_checks import SEARCH_FINISHED, type_in_search

QUERY = "pneumothorax"


def use_page(tab, path):
    """Load the page, search, and open a citation's reference: every feature that
    could fetch something."""
    page = tab.visit(path)
    type_in_search(page, QUERY)
    page.wait_for_function(SEARCH_FINISHED)
    page.keyboard.press("Escape")
    citations = page.locator("article .citation-ref")
    if citations.count():
        citations.first.click()
        page.locator(".citation-popover:popover-open").wait_for(timeout=5000)
    return page


def test_pages_ask_only_the_site_itself(open_tab, site_base, page_paths):
    tab = open_tab(site_base, viewport={"width": 1280, "height": 800})
    problems = []
    for path in page_paths:
        page = use_page(tab, path)
        problems += requests_to_other_hosts(page.url, tab.take_activity(), site_base)
    assert not problems, "\n".join(problems)


def test_a_script_from_another_host_is_reported(built_copy, serve, open_tab):
    built_copy.replace("site/risks/index.html", "</head>",
                       '<script src="https://tracker.example.com/t.js"></script></head>')
    tab = open_tab(serve(built_copy.site), viewport={"width": 1280, "height": 800})
    page = use_page(tab, "risks/")
    problems = requests_to_other_hosts(page.url, tab.take_activity(), tab.base)
    assert problems and problems[0].startswith(tab.base + "risks/"), problems
    assert "https://tracker.example.com/t.js" in problems[0]
