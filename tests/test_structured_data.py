"""Every page describes itself to search engines and sharing cards, and offers its
own citation, with the same title, address, date and references the visitor sees."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

ROOT = Path(__file__).resolve().parent.parent
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
LAST_REVIEWED = re.compile(r'Last reviewed: <time datetime="([^"]+)">([^<]+)</time>')
FOOTNOTE = re.compile(r'<li id="fn:([^"]+)"')
BIBLIOGRAPHY_ENTRY = re.compile(r'<span id="([a-z0-9]+)"></span>')
TITLE = re.compile(r"<title>(.*?) - ")
CITE_PAGE = re.compile(r'<aside class="cite-page" aria-label="Cite this page">\s*<p>(.*?)</p>', re.DOTALL)
REQUIRED = ("@context", "@type", "name", "description", "url", "inLanguage", "lastReviewed",
            "reviewedBy", "medicalAudience", "citation")


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def reference_links() -> dict[str, str]:
    links = {}
    for key, entry in parse_file(str(ROOT / "refs.bib")).entries.items():
        if doi := entry.fields.get("doi"):
            links[key.lower()] = f"https://doi.org/{doi}"
        elif url := entry.fields.get("url"):
            links[key.lower()] = url
    return links


def content_pages(site: Path) -> list[Path]:
    return [page for page in sorted(site.rglob("index.html")) if LAST_REVIEWED.search(page.read_text(encoding="utf-8"))]


def json_ld_problems(name: str, html: str, links: dict[str, str]) -> list[str]:
    """What is missing or wrong in a built page's JSON-LD, compared with what the page shows."""
    scripts = JSON_LD.findall(html)
    if len(scripts) != 1:
        return [f"{name}: has {len(scripts)} JSON-LD blocks, not 1. Fix: check the extrahead block in overrides/main.html"]
    try:
        data = json.loads(scripts[0])
    except json.JSONDecodeError as error:
        return [f"{name}: JSON-LD is not valid JSON ({error}). Fix: write it with the tojson filter"]
    fix = "Fix: check hooks/structured_data.py and the page's front matter"
    problems = [f"{name}: JSON-LD has no '{field}'. {fix}" for field in REQUIRED if data.get(field) in (None, "", {})]
    if problems:
        return problems
    meta = dict(META.findall(html))
    visible_date = LAST_REVIEWED.search(html).group(1)
    # A page's references are its footnotes, or on the references page the full list.
    cited = FOOTNOTE.findall(html) or BIBLIOGRAPHY_ENTRY.findall(html)
    expected_citations = [links[key] for key in dict.fromkeys(cited) if key in links]
    checks = [
        (data["@type"] == "MedicalWebPage", f"@type is {data['@type']}"),
        (data["lastReviewed"] == visible_date, f"lastReviewed {data['lastReviewed']} is not the visible date {visible_date}"),
        (data["url"] == CANONICAL.search(html).group(1), f"url {data['url']} is not the canonical address"),
        (data["description"] == unescape(meta.get("description", "")), "description is not the meta description"),
        (data["reviewedBy"] == {"@type": "Organization", "name": config()["site_author"]}, "reviewedBy is not the editorial team"),
        (data["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}, "medicalAudience is not Patient"),
        (sorted(data["citation"]) == sorted(expected_citations),
         f"citation lists {len(data['citation'])} links but the page's references have {len(expected_citations)}"),
    ]
    return [f"{name}: JSON-LD {message}. {fix}" for ok, message in checks if not ok]


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
    problems = json_ld_problems("risks/index.html", html.replace(old, new, 1), reference_links())
    assert len(problems) == 1 and expected in problems[0] and "Fix:" in problems[0], problems


def sharing_problems(name: str, html: str) -> list[str]:
    meta = {tag: unescape(value) for tag, value in META.findall(html)}
    title = unescape(TITLE.search(html).group(1))
    wanted = {"og:type": "article", "og:site_name": config()["site_name"], "og:title": title,
              "og:description": meta.get("description"), "og:url": CANONICAL.search(html).group(1),
              "twitter:card": "summary", "twitter:title": title, "twitter:description": meta.get("description")}
    return [f"{name}: <meta {tag}> is '{meta.get(tag)}', expected '{value}'. Fix: check the extrahead block "
            "in overrides/main.html" for tag, value in wanted.items() if meta.get(tag) != value]


def test_every_page_has_sharing_tags(built_site):
    for page in content_pages(built_site.site):
        assert sharing_problems(page.name, page.read_text(encoding="utf-8")) == []


def test_a_missing_sharing_tag_is_caught(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    problems = sharing_problems("risks/index.html", html.replace('<meta property="og:url"', '<meta property="og:uri"'))
    assert len(problems) == 1 and "og:url" in problems[0] and "Fix:" in problems[0]


def cite_page_problems(name: str, html: str) -> list[str]:
    """The page's own citation must give its title, the site, the visible review date and its address."""
    found = CITE_PAGE.search(html)
    if not found:
        return [f"{name}: no 'Cite this page' block. Fix: check the content block in overrides/main.html"]
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())
    date = LAST_REVIEWED.search(html).group(2)
    title = unescape(TITLE.search(html).group(1))
    expected = (f"Cite this page: {config()['site_author']}. {title}. {config()['site_name']}. "
                f"Last reviewed {date}. {CANONICAL.search(html).group(1)}")
    return [] if text == expected else [f"{name}: citation reads '{text}', expected '{expected}'. "
                                        "Fix: check the content block in overrides/main.html"]


def test_every_page_offers_its_own_citation(built_site):
    for page in content_pages(built_site.site):
        assert cite_page_problems(page.name, page.read_text(encoding="utf-8")) == []


def test_a_citation_with_the_wrong_address_is_caught(built_site):
    html = (built_site.site / "risks/index.html").read_text(encoding="utf-8")
    broken = html.replace('<span class="cite-page__url">https://dry-needling-explained.github.io/site/risks/',
                          '<span class="cite-page__url">https://dry-needling-explained.github.io/site/benefits/')
    assert broken != html
    assert "expected" in cite_page_problems("risks/index.html", broken)[0]


def test_robots_txt_points_to_the_sitemap(built_site):
    robots = (built_site.site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {config()['site_url']}sitemap.xml" in robots.splitlines()
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    for page in content_pages(built_site.site):
        assert f"<loc>{CANONICAL.search(page.read_text(encoding='utf-8')).group(1)}</loc>" in sitemap
