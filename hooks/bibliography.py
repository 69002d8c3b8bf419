"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above
each page's citations, the full list on pages with `bibliography: all`, and
formatting each entry once per build instead of once per citation, reusing the text
from earlier builds (in .cache/bibtex/) while the entry is unchanged, and rendering
that text to HTML once per build instead of on every page that cites it."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path

import markdown
from mkdocs.plugins import event_priority, get_plugin_logger
from pybtex.richtext import Text

from mkdocs_bibtex.citation import Citation

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
# Beside mkdocs.yml; .cache/ is git-ignored. Delete it to start afresh.
CACHE_FILE = Path(".cache", "bibtex", "references.json")
# A new pybtex or mkdocs-bibtex may format the same entry differently.
FORMATTER = f"pybtex {version('pybtex')}, mkdocs-bibtex {version('mkdocs-bibtex')}"
# Stands in a page for a reference's text until on_page_content puts in its HTML:
# letters and digits only (keys are too), so Markdown and abbr leave it as it is.
PLACEHOLDER = "zzreference{}zz"
PLACED = re.compile(r"zzreference([a-z0-9]+)zz")
PLACED_PARAGRAPH = re.compile(r"<p>zzreference([a-z0-9]+)zz</p>")
PARAGRAPH = re.compile(r"<p>([^\n]*)</p>")
RUN = 100  # entries rendered by one Markdown run
# MkDocs rewrites a relative link to suit the page it is on.
RELATIVE_LINK = re.compile(r'href="(?!https?://)')
# The footnotes under a heading left out of the search index: the References section.
UNSEARCHED_FOOTNOTES = re.compile(r'<h2 data-search-exclude[^>]*>.*?</h2>\n(<div class="footnote">.*?</div>)',
                                  re.DOTALL)
UNSEARCHED = "<!-- references, back after the search plugin -->"
log = get_plugin_logger(__name__)
registry = None
disk = None
rendered = None
unsearched: dict[str, str] = {}  # page: its footnotes, while the search plugin reads the page


def on_config(config):
    global registry, disk, rendered
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
    # Python-Markdown would also render each footnote's text again on every page.
    rendered = RenderedReferences(config, by_key)
    registry.reference_text = lambda citation: rendered.placeholder(citation.key) or by_key(citation.key)
    return config


@event_priority(50)  # before other hooks read the HTML: glossary.py marks the first use of each term
def on_page_content(html, page, config, files):
    return rendered.fill(html)


# Before Material's search plugin, which parses each page's References section only to
# leave it out of the index: about 0.35 s of a 400-page build.
@event_priority(100)
def on_page_context(context, page, config, nav):
    if match := UNSEARCHED_FOOTNOTES.search(page.content):
        unsearched[page.file.src_uri] = match.group(1)
        page.content = page.content[:match.start(1)] + UNSEARCHED + page.content[match.end(1):]
    return context


def on_post_page(output, page, config):
    if (footnotes := unsearched.pop(page.file.src_uri, None)) is None:
        return output
    return output.replace(UNSEARCHED, footnotes, 1)


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


class RenderedReferences:
    """Each entry's text as HTML, rendered on first use by a Markdown set up with the
    site's extensions, as MkDocs sets one up for a page: glossary terms become <abbr>
    as they do there."""

    def __init__(self, config, text_of):
        self.config = config
        self.text_of = text_of

    def placeholder(self, key: str) -> str | None:
        """None when the page must render the text itself."""
        return PLACEHOLDER.format(key) if key in self.html else None

    def fill(self, html: str) -> str:
        return PLACED.sub(lambda match: self.html[match.group(1)], html)

    @functools.cached_property
    def html(self) -> dict[str, str]:
        """Every entry, RUN entries to a Markdown run: a run of its own would cost each
        entry 3 ms, twenty times its share of a long run; one run for thousands of entries
        slows down, as abbr looks up each paragraph's place among all the others."""
        texts = {key: self.text_of(key) for key in registry.bib_data.entries}
        md = markdown.Markdown(extensions=self.config.markdown_extensions,
                               extension_configs=self.config.mdx_configs or {})
        # Each text in a paragraph of its own, after a paragraph naming its key.
        source = [f"{PLACEHOLDER.format(key)}\n\n{text}" for key, text in texts.items()]
        pieces = []
        for start in range(0, len(source), RUN):
            pieces += PLACED_PARAGRAPH.split(md.reset().convert("\n\n".join(source[start:start + RUN])))[1:]
        html = {}
        for key, piece in zip(pieces[0::2], pieces[1::2]):
            paragraph = PARAGRAPH.fullmatch(piece.strip())
            # Only text that renders alike wherever it stands: a footnote starts it on a line
            # of its own, the full list after an anchor. Text that starts like a list, or has
            # a relative link, stays Markdown for each page to render.
            if paragraph and not RELATIVE_LINK.search(piece):
                html[key] = paragraph.group(1)
        return html


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

