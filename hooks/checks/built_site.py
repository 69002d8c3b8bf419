"""Checks of the built site that MkDocs does not make, each returning problems a
writer can act on. Used on the real site and on deliberately broken copies."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from checks.html_pages import read_site
from checks.problems import Problem

RAW_SYNTAX = {
    "[@": "a citation mkdocs-bibtex did not render",
    "[^": "a footnote Python-Markdown did not render",
    "\\bibliography": "a bibliography command that was not replaced",
    "\\full_bibliography": "a bibliography command that was not replaced",
}
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.IGNORECASE)


def source_line(root: Path, source: str, *needles: str) -> int | None:
    """The first line of a page's Markdown that mentions what the problem is about."""
    path = root / source
    if not path.is_file():
        return None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if any(needle and needle in line for needle in needles):
            return number
    return None


def _pages(root: Path):
    site = root / "site"
    for relative, page in read_site(site).items():
        if relative != "404.html":  # Material links it from the site root, wherever it is served
            yield site, page


def broken_internal_links(root: Path) -> list[Problem]:
    problems = []
    pages = {page.relative: page for _, page in _pages(root)}
    for site, page in _pages(root):
        here = posixpath.dirname(page.relative)
        for tag in page.tags:
            target = tag.attrs.get("href") if tag.name == "a" else tag.attrs.get("src") \
                if tag.name == "img" else None
            if not target or EXTERNAL.match(target):
                continue
            parts = urlsplit(target)
            path = posixpath.normpath(posixpath.join(here, unquote(parts.path))) if parts.path \
                else page.relative
            if parts.path.endswith("/") or (site / path).is_dir():
                path = posixpath.join(path, "index.html")
            what = "image" if tag.name == "img" else "link"
            source = page.source(site)
            if not (site / path).is_file():
                slug = posixpath.basename(parts.path.rstrip("/"))
                problems.append(Problem(
                    source, source_line(root, source, slug, target),
                    f"{what} '{target}' (site/{page.relative}, HTML line {tag.line}) points to a "
                    "file that does not exist",
                    f"correct the {what} path; link to pages by their .md file name, "
                    "for example [risks](risks.md)"))
            elif parts.fragment and path in pages and unquote(parts.fragment) not in pages[path].ids:
                problems.append(Problem(
                    source, source_line(root, source, "#" + parts.fragment),
                    f"link '{target}' (site/{page.relative}, HTML line {tag.line}) points to "
                    f"an anchor '#{parts.fragment}' that does not exist",
                    "use the heading's anchor: its words in lowercase joined by hyphens, "
                    "for example risks.md#collapsed-lung"))
    return problems


def raw_syntax_left(root: Path) -> list[Problem]:
    problems = []
    for site, page in _pages(root):
        for marker, what in RAW_SYNTAX.items():
            if marker in page.text:
                context = page.text[page.text.index(marker):][:40]
                source = page.source(site)
                problems.append(Problem(
                    source, source_line(root, source, context.split()[0]),
                    f"the page shows {what}: '{context}'",
                    "cite as [@key] outside code, with a key from refs.bib; "
                    "do not type [^...] or \\bibliography yourself"))
    return problems


def images_without_alt(root: Path) -> list[Problem]:
    problems = []
    for site, page in _pages(root):
        for tag in page.tags:
            if tag.name == "img" and not (tag.attrs.get("alt") or "").strip() \
                    and tag.attrs.get("role") != "presentation":
                source = page.source(site)
                src = tag.attrs.get("src") or ""
                problems.append(Problem(
                    source, source_line(root, source, posixpath.basename(src) or "<img"),
                    f"image '{src}' (site/{page.relative}, HTML line {tag.line}) has no alt text",
                    "describe what the image shows in the brackets: ![A needle in a guide tube](needle.svg)"))
    return problems


def resources_from_other_hosts(root: Path) -> list[Problem]:
    """Scripts, styles, fonts and images must come from the site itself: a request to
    another host tells that host who is reading about their health."""
    problems = []
    for site, page in _pages(root):
        for tag, url in page.resources():
            if EXTERNAL.match(url) and not url.startswith("data:"):
                source = page.source(site)
                problems.append(Problem(
                    source, source_line(root, source, url),
                    f"<{tag.name}> on site/{page.relative} (HTML line {tag.line}) loads {url} "
                    "from another host",
                    "copy the file into docs/ and link to it there, or remove it"))
    site = root / "site"
    for css in sorted(site.rglob("*.css")):
        for number, line in enumerate(css.read_text(encoding="utf-8").splitlines(), start=1):
            for url in re.findall(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", line):
                problems.append(Problem(
                    f"site/{css.relative_to(site).as_posix()}", number,
                    f"the stylesheet loads {url} from another host",
                    "serve the font or image from docs/ instead"))
    return problems


def dead_end_404(root: Path, pages: list[str]) -> list[Problem]:
    """A visitor who reaches a wrong address must get a way forward: the 404 page links
    to each page in pages (their addresses from the site's root, e.g. /site/risks/)."""
    html = (root / "site" / "404.html").read_text(encoding="utf-8")
    # In the page's own text: the navigation's links are hidden in a menu on a phone.
    article = re.search(r"<article\b.*?</article>", html, re.DOTALL)
    links = set(re.findall(r'href="([^"]+)"', article.group() if article else ""))
    return [Problem("overrides/404.html", None, f"the page shown for a wrong address has no link to {page}",
                    "list every page of the navigation there, as overrides/404.html does with nav")
            for page in pages if page not in links]
