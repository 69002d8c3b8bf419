"""What each built page says about itself to search engines, sharing cards and
people citing it: JSON-LD, sharing tags and "Cite this page", each compared with what
the page shows the visitor (title, address, review date, references)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from pybtex.database import parse_file

from checks import ROOT, site_config
from checks.problems import Problem

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
LAST_REVIEWED = re.compile(r'Last reviewed: <time datetime="([^"]+)">([^<]+)</time>')
FOOTNOTE = re.compile(r'<li id="fn:([^"]+)"')
BIBLIOGRAPHY_ENTRY = re.compile(r'<span id="([a-z0-9]+)"></span>')
TITLE = re.compile(r"<title>(.*?) - ")
CITE_PAGE = re.compile(r'<details class="cite-page">\s*<summary>Cite this page</summary>\s*<p>(.*?)</p>', re.DOTALL)
REQUIRED = ("@context", "@type", "name", "description", "url", "inLanguage", "lastReviewed",
            "reviewedBy", "medicalAudience", "citation")




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


def json_ld_problems(name: str, html: str, links: dict[str, str]) -> list[Problem]:
    """What is missing or wrong in a built page's JSON-LD, compared with what the page shows."""
    scripts = JSON_LD.findall(html)
    if len(scripts) != 1:
        return [Problem(name, None, f"has {len(scripts)} JSON-LD blocks, not 1", "check the extrahead block in overrides/main.html")]
    try:
        data = json.loads(scripts[0])
    except json.JSONDecodeError as error:
        return [Problem(name, None, f"JSON-LD is not valid JSON ({error})", "write it with the tojson filter")]
    fix = "check hooks/structured_data.py and the page's front matter"
    problems = [Problem(name, None, f"JSON-LD has no '{field}'", fix) for field in REQUIRED if data.get(field) in (None, "", {})]
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
        (data["reviewedBy"] == {"@type": "Organization", "name": site_config()["site_author"]}, "reviewedBy is not the editorial team"),
        (data["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}, "medicalAudience is not Patient"),
        (sorted(data["citation"]) == sorted(expected_citations),
         f"citation lists {len(data['citation'])} links but the page's references have {len(expected_citations)}"),
    ]
    return [Problem(name, None, f"JSON-LD {message}", fix) for ok, message in checks if not ok]


def sharing_problems(name: str, html: str) -> list[Problem]:
    meta = {tag: unescape(value) for tag, value in META.findall(html)}
    title = unescape(TITLE.search(html).group(1))
    wanted = {"og:type": "article", "og:site_name": site_config()["site_name"], "og:title": title,
              "og:description": meta.get("description"), "og:url": CANONICAL.search(html).group(1),
              "twitter:card": "summary", "twitter:title": title, "twitter:description": meta.get("description")}
    return [Problem(name, None, f"<meta {tag}> is '{meta.get(tag)}', expected '{value}'",
                    "check the extrahead block in overrides/main.html") for tag, value in wanted.items() if meta.get(tag) != value]


def cite_page_problems(name: str, html: str) -> list[Problem]:
    """The page's own citation must give its title, the site, the visible review date and its address."""
    found = CITE_PAGE.search(html)
    if not found:
        return [Problem(name, None, "no 'Cite this page' block", "check the content block in overrides/main.html")]
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())
    date = LAST_REVIEWED.search(html).group(2)
    title = unescape(TITLE.search(html).group(1))
    expected = (f"{site_config()['site_author']}. {title}. {site_config()['site_name']}. "
                f"Last reviewed {date}. {CANONICAL.search(html).group(1)}")
    return [] if text == expected else [Problem(name, None, f"citation reads '{text}', expected '{expected}'",
                                                "check the content block in overrides/main.html")]
