"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above
each page's citations, the full list on pages with `bibliography: all`, and
formatting each entry once per build instead of once per citation, reusing the text
from earlier builds (in .cache/bibtex/) while the entry is unchanged."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from pybtex.richtext import Text

from mkdocs_bibtex.citation import Citation

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
# Beside mkdocs.yml; .cache/ is git-ignored. Delete it to start afresh.
CACHE_FILE = Path(".cache", "bibtex", "references.json")
# A new pybtex or mkdocs-bibtex may format the same entry differently.
FORMATTER = f"pybtex {version('pybtex')}, mkdocs-bibtex {version('mkdocs-bibtex')}"
log = get_plugin_logger(__name__)
registry = None
disk = None


def on_config(config):
    global registry, disk
    registry = config.plugins["bibtex"].registry
    disk = DiskCache(Path(config.config_file_path).parent / CACHE_FILE)
    # mkdocs-bibtex formats an entry afresh for every citation (about 1.5 ms each);
    # the text depends only on the entry, so format each one once per build, and
    # not at all when an earlier build formatted the same entry.
    # Only simple mode keeps no cache of its own; the method is looked up on the class
    # so that a rebuild under `mkdocs serve` never wraps a wrapper.
    uncached = type(registry).reference_text.__get__(registry)
    by_key = functools.lru_cache(maxsize=None)(
        lambda key: disk.text(registry.bib_data.entries[key], lambda: uncached(Citation(key=key))))
    registry.reference_text = lambda citation: by_key(citation.key)
    return config


def on_post_build(config):
    disk.save()


class DiskCache:
    """Formatted reference text by entry fingerprint, kept between builds. Read on
    first use, so a build that never asks (the speed-up switched off) never reads it;
    a missing, unreadable or corrupt file counts as empty and is replaced on save."""

    def __init__(self, path: Path):
        self.path = path
        self.used: dict[str, str] = {}

    @functools.cached_property
    def stored(self) -> dict[str, str]:
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        valid = isinstance(stored, dict) and all(isinstance(text, str) for text in stored.values())
        return stored if valid else {}

    def text(self, entry, format_entry) -> str:
        key = fingerprint(entry)
        if key not in self.used:
            self.used[key] = self.stored[key] if key in self.stored else format_entry()
        return self.used[key]

    def save(self) -> None:
        """Keep only this build's entries, so the file never outgrows refs.bib. Written
        whole and then renamed, so a reader never sees half a file."""
        if not self.used or self.used == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(self.used, ensure_ascii=False, sort_keys=True, indent=0),
                                 encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:  # the next build formats afresh; never fail a build for it
            log.info(f"could not save the reference cache {self.path}: {error}")


def fingerprint(entry) -> str:
    """Everything the formatted text depends on: the entry as pybtex parsed it (type,
    fields, each person's name parts) and the formatter's versions. Not the key or other
    entries: mkdocs-bibtex formats with an empty label and no bib_data (no crossrefs)."""
    persons = {role: [[person.first_names, person.middle_names, person.prelast_names,
                       person.last_names, person.lineage_names] for person in people]
               for role, people in entry.persons.items()}
    data = [FORMATTER, entry.type, list(entry.fields.items()), list(persons.items())]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("bibliography") == "all":
        return markdown + "\n\n" + full_bibliography()
    if FOOTNOTE_REF.search(markdown):
        return markdown + f"\n\n## References {{ data-search-exclude }}\n\n{FOOTNOTES_HERE}\n"
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

