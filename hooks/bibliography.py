"""The site's use of refs.bib beyond mkdocs-bibtex: a "References" heading above
each page's citations, the full list on pages with `bibliography: all`, and
formatting each entry once per build instead of once per citation, and rendering that
text to HTML once instead of on every page that cites it. Both are kept in
.cache/bibtex/ for later builds while the entry, and for the HTML the Markdown set-up
and the glossary, are unchanged."""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path

import markdown
from mkdocs.plugins import event_priority, get_plugin_logger
from pybtex.richtext import Text

from cache import CACHE_DIR, TextCache, digest
from mkdocs_bibtex.citation import Citation

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\](?!:)")
# Python-Markdown's footnotes extension puts the list where this marker stands.
FOOTNOTES_HERE = "///Footnotes Go Here///"
CACHE_FILE = CACHE_DIR / "bibtex" / "references.json"
HTML_CACHE_FILE = CACHE_DIR / "bibtex" / "references-html.json"
# A new pybtex or mkdocs-bibtex may format the same entry differently.
FORMATTER = f"pybtex {version('pybtex')}, mkdocs-bibtex {version('mkdocs-bibtex')}"
# Stored for a text that each page must render itself (see RenderedReferences.render).
ON_THE_PAGE = ""
# Stands in a page for a reference's text until on_page_content puts in its HTML:
# letters and digits only (keys are too), so Markdown and abbr leave it as it is.
PLACEHOLDER = "zzreference{}zz"
PLACED = re.compile(r"zzreference([a-z0-9]+)zz")
PLACED_PARAGRAPH = re.compile(r"<p>zzreference([a-z0-9]+)zz</p>")
PARAGRAPH = re.compile(r"<p>([^\n]*)</p>")
# Stands in a page for its full list of references until on_page_content puts it in
# (PLACED does not match it).
FULL_LIST = "zzfullreferencelistzz"
RUN = 100  # entries rendered by one Markdown run
# What pybtex's LaTeX decoding could change in a name (commands, ties, ligatures such as
# -- and ``, runs of spaces): without any of it the name is plain text as it stands.
LATEX_IN_NAME = re.compile(r"[{}\\~$%&`\n]|--|''|\s\s|^\s|\s$")
# MkDocs rewrites a relative link to suit the page it is on.
RELATIVE_LINK = re.compile(r'href="(?!https?://)')
# The footnotes under a heading left out of the search index: the References section.
UNSEARCHED_FOOTNOTES = re.compile(r'<h2 data-search-exclude[^>]*>.*?</h2>\n(<div class="footnote">.*?</div>)',
                                  re.DOTALL)
UNSEARCHED = "<!-- references, back after the search plugin -->"
log = get_plugin_logger(__name__)
registry = None
texts = None
rendered = None
unsearched: dict[str, str] = {}  # page: its footnotes, while the search plugin reads the page
full_lists: dict[str, str] = {}  # page: the full list as HTML, from Markdown until content


def on_config(config):
    global registry, texts, rendered
    registry = config.plugins["bibtex"].registry
    root = Path(config.config_file_path).parent
    texts = TextCache(root / CACHE_FILE)
    # mkdocs-bibtex formats an entry afresh for every citation (about 1.5 ms each);
    # the text depends only on the entry, so format each one once per build, and
    # not at all when an earlier build formatted the same entry.
    # Only simple mode keeps no cache of its own; the method is looked up on the class
    # so that a rebuild under `mkdocs serve` never wraps a wrapper.
    uncached = type(registry).reference_text.__get__(registry)
    by_key = functools.lru_cache(maxsize=None)(
        lambda key: texts.get(fingerprint(registry.bib_data.entries[key]), lambda: uncached(Citation(key=key))))
    # Python-Markdown would also render each footnote's text again on every page.
    rendered = RenderedReferences(config, by_key, TextCache(root / HTML_CACHE_FILE))
    registry.reference_text = lambda citation: rendered.placeholder(citation.key) or by_key(citation.key)
    return config


@event_priority(50)  # before other hooks read the HTML: glossary.py marks the first use of each term
def on_page_content(html, page, config, files):
    if (listed := full_lists.pop(page.file.src_uri, None)) is not None:
        html = html.replace(f"<p>{FULL_LIST}</p>", listed, 1)
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
    texts.save()
    rendered.cache.save()


class RenderedReferences:
    """Each entry's text as HTML, rendered by a Markdown set up with the site's
    extensions, as MkDocs sets one up for a page: glossary terms become <abbr> as they
    do there. Kept in cache under the text and everything else the HTML depends on."""

    def __init__(self, config, text_of, cache: TextCache):
        self.config = config
        self.text_of = text_of
        self.cache = cache

    def placeholder(self, key: str) -> str | None:
        """None when the page must render the text itself."""
        return PLACEHOLDER.format(key) if key in self.html else None

    def fill(self, html: str) -> str:
        return PLACED.sub(lambda match: self.html[match.group(1)], html)

    @functools.cached_property
    def html(self) -> dict[str, str]:
        """Every entry's text that renders alike apart from its page, on first use."""
        texts = {key: self.text_of(key) for key in registry.bib_data.entries}
        return {key: piece for key, piece in self.html_of(texts).items() if piece != ON_THE_PAGE}

    def html_list(self, items: dict[str, str]) -> str | None:
        """The full list as Markdown would make it of `1. <span id="key"></span>item` lines,
        or None when an item must be left to the page."""
        html = self.html_of(items)
        if ON_THE_PAGE in html.values():
            return None
        return "<ol>\n" + "\n".join(f'<li><span id="{key}"></span>{piece}</li>' for key, piece in html.items()) \
            + "\n</ol>"

    def html_of(self, texts: dict[str, str]) -> dict[str, str]:
        """Each text's HTML, or ON_THE_PAGE: from the cache, or rendered now."""
        stored_as = {key: digest(self.renderer, text) for key, text in texts.items()}
        fresh = self.render({key: text for key, text in texts.items() if stored_as[key] not in self.cache})
        return {key: self.cache.get(stored_as[key], lambda: fresh[key]) for key in texts}

    @functools.cached_property
    def renderer(self) -> str:
        return renderer_fingerprint(self.config)

    def render(self, texts: dict[str, str]) -> dict[str, str]:
        """RUN entries to a Markdown run: a run of its own would cost each entry 3 ms,
        twenty times its share of a long run; one run for thousands of entries slows
        down, as abbr looks up each paragraph's place among all the others."""
        md = markdown.Markdown(extensions=self.config.markdown_extensions,
                               extension_configs=self.config.mdx_configs or {})
        # Each text in a paragraph of its own, after a paragraph naming its key.
        source = [f"{PLACEHOLDER.format(key)}\n\n{text}" for key, text in texts.items()]
        pieces = []
        for start in range(0, len(source), RUN):
            pieces += PLACED_PARAGRAPH.split(md.reset().convert("\n\n".join(source[start:start + RUN])))[1:]
        html = dict.fromkeys(texts, ON_THE_PAGE)
        for key, piece in zip(pieces[0::2], pieces[1::2]):
            paragraph = PARAGRAPH.fullmatch(piece.strip())
            # Only text that renders alike wherever it stands: a footnote starts it on a line
            # of its own, the full list after an anchor. Text that starts like a list, or has
            # a relative link, stays Markdown for each page to render.
            if paragraph and not RELATIVE_LINK.search(piece):
                html[key] = paragraph.group(1)
        return html


def renderer_fingerprint(config) -> str:
    """Everything besides the text that its HTML depends on: the Markdown set-up, and the
    files pymdownx.snippets appends to every page (the glossary's abbr definitions).
    Snippets reads them relative to the folder mkdocs runs in, and so does this."""
    snippets = (config.mdx_configs or {}).get("pymdownx.snippets", {})
    appended = [Path(base, name).read_text(encoding="utf-8")
                for name in snippets.get("auto_append", []) for base in snippets.get("base_path", ["."])
                if Path(base, name).is_file()]
    return digest(version("markdown"), version("pymdown-extensions"), config.markdown_extensions,
                  config.mdx_configs, appended)


def fingerprint(entry) -> str:
    """Everything the formatted text depends on: the entry as pybtex parsed it (type,
    fields, each person's name parts) and the formatter's versions. Not the key or other
    entries: mkdocs-bibtex formats with an empty label and no bib_data (no crossrefs)."""
    persons = {role: [[person.first_names, person.middle_names, person.prelast_names,
                       person.last_names, person.lineage_names] for person in people]
               for role, people in entry.persons.items()}
    return digest(FORMATTER, entry.type, list(entry.fields.items()), list(persons.items()))


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("bibliography") == "all":
        return markdown + "\n\n" + full_bibliography(page)
    if FOOTNOTE_REF.search(markdown):
        return markdown + f"\n\n## References {{ data-search-exclude }}\n\n{FOOTNOTES_HERE}\n"
    return markdown


def full_bibliography(page) -> str:
    """Every entry, sorted by first author, with an anchor, its DOI link (from the
    formatter) and links to PubMed and PubMed Central where the entry has them. When
    every item renders alike apart from the page, the list is made as HTML and a
    placeholder stands for it until on_page_content: Markdown takes half a second over a
    list of 2,000."""
    entries = sorted(registry.bib_data.entries.items(), key=_sort_key)
    if listed := rendered.html_list({key: _item(rendered.text_of(key), entry) for key, entry in entries}):
        full_lists[page.file.src_uri] = listed
        return FULL_LIST + "\n"
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

