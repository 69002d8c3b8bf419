"""Search finds what a visitor types, in the section that explains it, and downloads
nothing until they search."""

import json
import re

import pytest

from search_checks import SEARCH_READY, early_search_problems, search_problems

PHONE = {"viewport": {"width": 360, "height": 800}}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
FULL_INDEX = "site/search/search_index.full.json"

# What a visitor types, and the section that explains it.
FINDS = {
    "pneumothorax": "risks/#collapsed-lung",
    "bruise": "risks/#common-minor-side-effects",
    "bruising": "risks/#common-minor-side-effects",
    "bruises": "risks/#common-minor-side-effects",
}


@pytest.mark.parametrize("query, section", FINDS.items(), ids=FINDS.keys())
def test_search_finds_the_section_that_explains_a_word(open_tab, site_base, query, section):
    tab = open_tab(site_base, **DESKTOP)
    assert search_problems(tab.visit(""), query, section) == []


def test_each_glossary_term_is_a_search_result_of_its_own(open_tab, site_base):
    tab = open_tab(site_base, **PHONE)
    assert search_problems(tab.visit(""), "pneumothorax", "glossary/#pneumothorax") == []


def test_search_that_misses_the_section_is_reported(built_copy, serve, open_tab):
    index = built_copy.read(FULL_INDEX)
    docs = json.loads(re.sub("pneumothorax", "", index, flags=re.IGNORECASE))
    built_copy.write(FULL_INDEX, json.dumps(docs))
    tab = open_tab(serve(built_copy.site), **DESKTOP)
    problems = search_problems(tab.visit(""), "pneumothorax", "risks/#collapsed-lung")
    assert problems == [f"{tab.base}: searching for 'pneumothorax' lists no results, none on "
                        "risks/#collapsed-lung. Fix: the section (a heading of its own) that explains "
                        "'pneumothorax' must contain the word."]


def test_a_glossary_shown_as_one_block_is_reported(built_copy, serve, open_tab):
    index = json.loads(built_copy.read(FULL_INDEX))
    index["docs"] = [doc for doc in index["docs"] if not doc["location"].startswith("glossary/#")]
    built_copy.write(FULL_INDEX, json.dumps(index))
    tab = open_tab(serve(built_copy.site), **PHONE)
    problems = search_problems(tab.visit(""), "pneumothorax", "glossary/#pneumothorax")
    assert len(problems) == 1 and "none on glossary/#pneumothorax" in problems[0], problems
    assert "Fix: the section (a heading of its own)" in problems[0], problems


def loaded_before_search(tab, path):
    page = tab.visit(path, wait_until="networkidle")
    page.wait_for_function(SEARCH_READY, timeout=10000)
    return page, tab.take_activity().requests


def test_search_downloads_nothing_until_a_visitor_searches(open_tab, site_base):
    tab = open_tab(site_base, **PHONE)
    page, requests = loaded_before_search(tab, "risks/")
    assert early_search_problems(page, requests) == []
    assert search_problems(page, "pneumothorax", "risks/") == []


def test_search_loaded_with_every_page_is_reported(built_copy, serve, open_tab):
    built_copy.replace("site/risks/index.html", "search-on-demand.js?worker=", "")
    tab = open_tab(serve(built_copy.site), **PHONE)
    page, requests = loaded_before_search(tab, "risks/")
    problems = early_search_problems(page, requests)
    assert len(problems) == 1 and "/risks/: " in problems[0], problems
    assert "assets/javascripts/workers/search." in problems[0] and "Fix:" in problems[0]
