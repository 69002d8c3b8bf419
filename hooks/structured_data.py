"""Describe each page to search engines as a schema.org MedicalWebPage (JSON-LD),
built from the same front matter and references the visitor sees. The template
(overrides/main.html) writes page.meta["structured_data"] out with tojson."""

from __future__ import annotations

import re

from markupsafe import Markup

# The footnotes mkdocs-bibtex makes from [@key] citations: <li id="fn:key">
FOOTNOTE = re.compile(r'<li id="fn:([^"]+)"')


def on_page_content(html, page, config, files):
    if not page.meta.get("last_reviewed"):
        return html
    # A site without mkdocs-bibtex (bench/build_time.py's plain one) cites nothing.
    entries = config.plugins["bibtex"].registry.bib_data.entries if "bibtex" in config.plugins else {}
    if page.meta.get("bibliography") == "all":
        keys = list(entries.keys())
    else:
        keys = [key for key in dict.fromkeys(FOOTNOTE.findall(html)) if key in entries]
    page.meta["structured_data"] = medical_web_page(page, config, [entries[key] for key in keys])
    return html


def medical_web_page(page, config, references) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": plain(page.meta.get("title") or page.title),
        "description": plain(page.meta.get("description", config.site_description)),
        "url": page.canonical_url,
        "inLanguage": config.theme["language"],
        "lastReviewed": page.meta["last_reviewed"].isoformat(),
        "reviewedBy": {"@type": "Organization", "name": config.site_author},
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": config.site_name, "url": config.site_url},
        "citation": [link for link in map(reference_link, references) if link],
    }


def plain(value) -> str:
    """Front matter as the writer typed it (hooks/front_matter.py escapes it for the
    templates); tojson escapes it again for the script element."""
    return value.unescape() if isinstance(value, Markup) else value


def reference_link(entry) -> str | None:
    """The DOI as a link, or the entry's URL when it has no DOI."""
    if doi := entry.fields.get("doi"):
        return f"https://doi.org/{doi}"
    return entry.fields.get("url")
