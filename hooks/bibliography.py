"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above
each page's citations, the full list on pages with `bibliography: all`, and
formatting each entry once per build instead of once per citation."""

from __future__ import annotations

import functools
import re
import unicodedata

from pybtex.richtext import Text

from mkdocs_bibtex.citation import Citation

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
registry = None


def on_config(config):
    global registry
    registry = config.plugins["bibtex"].registry
    # mkdocs-bibtex formats an entry afresh for every citation (about 1.4 ms each);
    # the text depends only on the entry, so format each one once per build.
    # Only simple mode keeps no cache of its own; the method is looked up on the class
    # so that a rebuild under `mkdocs serve` never wraps a wrapper.
    uncached = type(registry).reference_text.__get__(registry)
    by_key = functools.lru_cache(maxsize=None)(lambda key: uncached(Citation(key=key)))
    registry.reference_text = lambda citation: by_key(citation.key)
    return config


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("bibliography") == "all":
        return markdown + "\n\n" + full_bibliography()
    if FOOTNOTE_REF.search(markdown):
        return markdown + f"\n\n## References\n\n{FOOTNOTES_HERE}\n"
    return markdown


def full_bibliography() -> str:
    """Every entry, sorted by first author, with an anchor, its DOI link (from the
    formatter) and links to PubMed and PubMed Central where the entry has them."""
    items = []
    for key, entry in sorted(registry.bib_data.entries.items(), key=_sort_key):
        links = []
        if pmid := entry.fields.get("pmid"):
            links.append(f"[PubMed {pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
        if pmcid := entry.fields.get("pmcid"):
            links.append(f"[PubMed Central {pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/)")
        text = registry.reference_text(Citation(key=key))
        items.append(f'1. <span id="{key}"></span>{text} {" ".join(links)}'.rstrip())
    return "\n".join(items) + "\n"


def _sort_key(item):
    key, entry = item
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    first = " ".join(people[0].last_names) if people else entry.fields.get("title", key)
    # Sort Bäumler with Baumler, not after Brady: decode LaTeX, then drop the accents.
    plain = unicodedata.normalize("NFKD", str(Text.from_latex(first)))
    return ("".join(c for c in plain if not unicodedata.combining(c)).lower(),
            entry.fields.get("year", ""), key)

