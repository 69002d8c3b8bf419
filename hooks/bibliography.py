"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above each
page's citations, the full list on pages with `bibliography: all`, and each entry
formatted once per build instead of once per citation."""

from __future__ import annotations

import functools
import re
import unicodedata

from pybtex.richtext import Text

from mkdocs_bibtex.citation import Citation

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
# What pybtex's LaTeX decoding could change in a name (commands, ties, ligatures such as
# -- and ``, runs of spaces): without any of it the name is plain text as it stands.
LATEX_IN_NAME = re.compile(r"[{}\\~$%&`\n]|--|''|\s\s|^\s|\s$")


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


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("bibliography") == "all":
        return markdown + "\n\n" + full_bibliography(config.plugins["bibtex"].registry)
    if FOOTNOTE_REF.search(markdown):
        return markdown + f"\n\n## References {{ data-search-exclude }}\n\n{FOOTNOTES_HERE}\n"
    return markdown


def full_bibliography(registry) -> str:
    """Every entry, sorted by first author, with an anchor, its DOI link (from the
    formatter) and links to PubMed and PubMed Central where the entry has them."""
    entries = sorted(registry.bib_data.entries.items(), key=_sort_key)
    return "\n".join(f'1. <span id="{key}"></span>{_item(registry.reference_text(Citation(key=key)), entry)}'
                     for key, entry in entries) + "\n"


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
