"""hooks/search_on_demand.py: the index Material fetches on every page load holds
only the search settings; the pages' text is in the full index that the on-demand
worker fetches when a visitor first searches."""

from __future__ import annotations

import json


def test_first_visit_index_is_settings_only_and_full_index_has_the_pages(built_site):
    stub = json.loads(built_site.read("site/search/search_index.json"))
    full = json.loads(built_site.read("site/search/search_index.full.json"))
    assert stub == {"config": full["config"], "docs": []}
    assert any("pneumothorax" in doc["text"].lower() and doc["location"].startswith("risks/")
               for doc in full["docs"])


def test_every_page_points_material_at_the_on_demand_worker(built_site):
    for page in sorted(built_site.site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a renamed page's redirect stub
        assert "workers/search-on-demand.js?worker=search." in html, page


def test_a_build_without_the_search_plugin_says_what_to_do(site_copy):
    site_copy.replace("mkdocs.yml", "  - search:\n      pipeline: [trimmer, stopWordFilter, stemmer]\n", "")
    output = site_copy.failed_build_output()
    assert "search/search_index.json was not written. Fix: keep the search plugin" in output, output
