"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above each
page's citations, the full list on pages with `bibliography: all` with the sections
that cite each entry, and each entry formatted once per build instead of once per
citation."""

from __future__ import annotations

import functools
import html
import posixpath
import re
import unicodedata
from pathlib import Path

from pybtex.richtext import Text

from mkdocs_bibtex.citation import Citation

from checks.front_matter import read_front_matter
from checks.problems import read_source
from escaping import markdown_text

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
# What pybtex's LaTeX decoding could change in a name (commands, ties, ligatures such as
# -- and ``, runs of spaces): without any of it the name is plain text as it stands.
LATEX_IN_NAME = re.compile(r"[{}\\~$%&`\n]|--|''|\s\s|^\s|\s$")
# A heading, or a citation in the text (its footnote mark, named by the entry's key).
HEADING_OR_CITATION = re.compile(r'<h[1-6] id="([^"]+)"|<sup id="fnref\d*:([^"]+)"')

# Entry key -> {(page, heading anchor): (page title, section title or None for the
# top of the page)}, filled as pages render.
cited_in: dict[str, dict[tuple[str, str], tuple[str, str | None]]] = {}


def on_config(config):
    if "bibtex" in config.plugins:
        format_once(config.plugins["bibtex"].registry)
    return config


def format_once(registry) -> None:
    """The one adapter to mkdocs-bibtex, which has no option for this: it formats an
    entry afresh for every citation (about 1.5 ms each, most of a build's citation
    cost), though the text depends only on the entry. The method is taken from the
    class so that a rebuild under `mkdocs serve`, which keeps the registry while
    refs.bib is unchanged, never wraps a wrapper."""
    formatted = functools.cache(lambda key: type(registry).reference_text(registry, Citation(key=key)))
    registry.reference_text = lambda citation: formatted(citation.key)


def on_files(files, config):
    """MkDocs renders pages in the order of its files: the full list goes last, so
    that every section citing an entry has been rendered when the list is written."""
    cited_in.clear()
    for file in list(files.documentation_pages()):
        text = read_source(Path(file.abs_src_path), file.src_uri)
        # validate.py has parsed every page's front matter already; parse again only
        # the pages that can hold the setting (a third of a second at 1,000 pages).
        found = read_front_matter(file.src_uri, text) if "bibliography:" in text else None
        if found and found.meta.get("bibliography") == "all":
            files.remove(file)
            files.append(file)
    return files


def on_page_content(html_text, page, config, files):
    titles = {item.id: html.unescape(item.title) for item in _headings(page.toc)}
    top = page.toc.items[0].id if page.toc.items else None
    anchor = ""
    for heading, key in HEADING_OR_CITATION.findall(html_text):
        if heading:
            anchor = "" if heading == top else heading
        elif key:
            cited_in.setdefault(key, {})[(page.file.src_uri, anchor)] = (page.title, titles.get(anchor))
    return html_text


def _headings(items):
    for item in items:
        yield item
        yield from _headings(item.children)


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("bibliography") == "all":
        return markdown + "\n\n" + full_bibliography(config.plugins["bibtex"].registry, page.file.src_uri)
    if FOOTNOTE_REF.search(markdown):
        return markdown + f"\n\n## References {{ data-search-exclude }}\n\n{FOOTNOTES_HERE}\n"
    return markdown


def full_bibliography(registry, list_page: str) -> str:
    """Every entry, sorted by first author, with an anchor, its DOI link (from the
    formatter), links to PubMed and PubMed Central where the entry has them, and
    links to the sections that cite it."""
    entries = sorted(registry.bib_data.entries.items(), key=_sort_key)
    return "\n".join(f'1. <span id="{key}"></span>{_item(registry.reference_text(Citation(key=key)), entry)}'
                      f'{_cited_in(key, posixpath.dirname(list_page))}' for key, entry in entries) + "\n"


def _cited_in(key: str, here: str) -> str:
    """Grouped by page, each page named once: "Cited in: Risks and safety: start of
    the page, Common minor side effects; Benefits: Heel pain." """
    pages: dict[str, list[str]] = {}
    for (page, anchor), (title, section) in cited_in.get(key, {}).items():
        target = posixpath.relpath(page, here or ".") + (f"#{anchor}" if anchor else "")
        links = pages.setdefault(markdown_text(title), [])
        links.append(f"[{markdown_text(section or 'start of the page')}]({target})")
    groups = [f"{title}: {', '.join(links)}" for title, links in pages.items()]
    return " Cited in: " + "; ".join(groups) + "." if groups else ""


def _item(text: str, entry) -> str:
    links = []
    if pmid := entry.fields.get("pmid"):
        links.append(f"[PubMed {pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
    if pmcid := entry.fields.get("pmcid"):
        links.append(f"[PubMed Central {pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/)")
    return f"{text} {' '.join(links)}".rstrip()


def _sort_key(item):
    key, entry = item
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    first = " ".join(people[0].last_names) if people else entry.fields.get("title", key)
    # Sort Bäumler with Baumler, not after Brady: decode LaTeX (a fifth of a second for
    # 2,000 names, so only where there is some), then drop the accents.
    if LATEX_IN_NAME.search(first):
        first = str(Text.from_latex(first))
    plain = unicodedata.normalize("NFKD", first)
    return ("".join(c for c in plain if not unicodedata.combining(c)).lower(),
            entry.fields.get("year", ""), key)
