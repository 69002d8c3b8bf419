"""Search as a visitor uses it: type a query, read the results, follow one. Each
check returns a list of problems naming the page, what is wrong and how to fix it."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

SEARCH_READY = """() => !/initializing/i.test(
  document.querySelector(".md-search-result__meta")?.textContent || "initializing")"""
SEARCH_FINISHED = """() => /matching document/i.test(
  document.querySelector(".md-search-result__meta")?.textContent || "")"""

SEARCH_BOX = "input[data-md-component=search-query]"
RESULT = ".md-search-result__item"


def type_in_search(page, query: str) -> None:
    # A query typed before the search index has loaded is never run. Material
    # reads the box on keyup (or 1 ms after focus, which races fill()), so fill
    # the whole query, then release a key: the search runs once, for all of it.
    page.wait_for_function(SEARCH_READY, timeout=10000)
    box = page.locator(SEARCH_BOX)
    if not box.is_visible():  # on a phone, as a visitor does: open the search first
        page.locator("label.md-header__button[for=__search]").click()
    box.fill(query)
    box.press("End")


def leads_to(url: str, expected: str) -> bool:
    """expected is a path below the site, with or without a section: risks/,
    risks/#common-minor-side-effects."""
    path, _, section = expected.partition("#")
    parts = urlsplit(url)
    return parts.path.endswith("/" + path) and (not section or parts.fragment == section)


def search_problems(page, query: str, expected: str) -> list[str]:
    """Search from the current page; a result must lead to expected (a page, or a
    section of one), and following it must get there."""
    start = page.url
    type_in_search(page, query)
    try:
        page.wait_for_function(SEARCH_FINISHED, timeout=5000)
    except PlaywrightTimeout:
        return [f"{start}: searching for {query!r} never finished. Fix: keep the search plugin "
                "in mkdocs.yml and check the console for script errors."]
    links = page.locator(f"{RESULT} a")
    hrefs = [link.get_attribute("href") for link in links.all()]
    matching = [i for i, href in enumerate(hrefs) if leads_to(href, expected)]
    if not matching:
        where = "page" if "#" not in expected else "section (a heading of its own)"
        return [f"{start}: searching for {query!r} lists {hrefs or 'no results'}, none on "
                f"{expected}. Fix: the {where} that explains {query!r} must contain the word."]
    links.nth(matching[0]).click()
    try:
        page.wait_for_url(lambda url: leads_to(url, expected), timeout=5000)
    except PlaywrightTimeout:
        return [f"{start}: the search result for {query!r} led to {page.url}, not "
                f"{expected}. Fix: check the search index (search/search_index.full.json)."]
    return []


# What Material would download on every page load without search on demand.
SEARCH_DOWNLOADS = ("search/search_index.full.json", "assets/javascripts/workers/search.")


def early_search_problems(page, requests: list[str]) -> list[str]:
    """Before anyone searches, a page must not download the search worker or the
    full index (search on demand keeps a phone's first visit light)."""
    return [f"{page.url}: {url} was downloaded before any search. Fix: keep the config "
            "block in overrides/main.html that points Material at search-on-demand.js, and "
            "hooks/search_on_demand.py in mkdocs.yml."
            for url in requests if any(part in urlsplit(url).path for part in SEARCH_DOWNLOADS)]
