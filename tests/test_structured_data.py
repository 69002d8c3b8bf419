"""Every page describes itself to search engines and sharing cards, and offers its
own citation, with the same title, address, date and references the visitor sees
(the checks: hooks/checks/page_metadata.py)."""

from __future__ import annotations

import json

import pytest

from checks import site_config
from checks.page_metadata import (CANONICAL, JSON_LD, cite_page_problems, content_pages, json_ld_problems,
                                  reference_links, sharing_problems)
def test_every_page_has_valid_medical_web_page_json_ld(built_site):
    pages = content_pages(built_site.site)
    assert len(pages) >= 10
    links = reference_links()
    for page in pages:
        assert json_ld_problems(str(page.relative_to(built_site.site)), page.read_text(encoding="utf-8"), links) == []


def test_the_references_page_cites_every_entry(built_site):
    html = (built_site.site / "references/index.html").read_text(encoding="utf-8")
    assert sorted(json.loads(JSON_LD.search(html).group(1))["citation"]) == sorted(reference_links().values())


@pytest.mark.parametrize("old, new, expected", [
    ('"lastReviewed": "2026-11-25"', '"lastReviewed": "2025-01-01"', "lastReviewed 2025-01-01 is not the visible date 2026-11-25"),
    ('"@type": "MedicalWebPage", ', "", "JSON-LD has no '@type'"),
    ('"citation": ["https://doi.org/', '"citation": ["https://doi.org/x', "citation lists"),
    ('"@context": "https', '"@context" "https', "JSON-LD is not valid JSON"),
])
def test_broken_json_ld_is_caught(built_site, old, new, expected):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    assert old in html
    problems = [str(p) for p in json_ld_problems("risks/index.html", html.replace(old, new, 1), reference_links())]
    assert len(problems) == 1 and expected in problems[0] and "Fix:" in problems[0], problems


def test_every_page_has_sharing_tags(built_site):
    for page in content_pages(built_site.site):
        assert sharing_problems(page.name, page.read_text(encoding="utf-8")) == []


def test_a_missing_sharing_tag_is_caught(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    problems = [str(p) for p in sharing_problems("risks/index.html", html.replace('<meta property="og:url"', '<meta property="og:uri"'))]
    assert len(problems) == 1 and "og:url" in problems[0] and "Fix:" in problems[0]


def test_every_page_offers_its_own_citation(built_site):
    for page in content_pages(built_site.site):
        assert cite_page_problems(page.name, page.read_text(encoding="utf-8")) == []


def test_a_citation_with_the_wrong_address_is_caught(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    broken = html.replace('<span class="cite-page__url">https://dry-needling-explained.github.io/site/risks/',
                          '<span class="cite-page__url">https://dry-needling-explained.github.io/site/benefits/')
    assert broken != html
    assert "expected" in str(cite_page_problems("risks/index.html", broken)[0])


def test_robots_txt_points_to_the_sitemap(built_site):
    robots = (built_site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_config()['site_url']}sitemap.xml" in robots.splitlines()
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    for page in content_pages(built_site.site):
        assert f"<loc>{CANONICAL.search(page.read_text(encoding='utf-8')).group(1)}</loc>" in sitemap
