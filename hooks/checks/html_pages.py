"""Read the built site: each page's ids, links, images and external resources,
with the line of the HTML they sit on, and the Markdown page it was built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

RESOURCE_ATTRIBUTES = {"script": "src", "img": "src", "iframe": "src", "source": "src",
                       "video": "src", "audio": "src", "embed": "src", "object": "data"}


@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]
    line: int


@dataclass
class Page:
    path: Path
    relative: str
    ids: set[str] = field(default_factory=set)
    tags: list[Tag] = field(default_factory=list)
    text: str = ""

    def source(self, site: Path) -> str:
        """The Markdown file this page was built from, for messages writers can act on."""
        parts = Path(self.relative).parts
        if parts[-1] != "index.html":
            return f"site/{self.relative}"
        stem = "/".join(parts[:-1]) or "index"
        return f"docs/{stem}.md"

    def links(self):
        return [tag for tag in self.tags if tag.name == "a" and tag.attrs.get("href")]

    def resources(self):
        """Everything the browser fetches by itself: scripts, styles, images, fonts, frames."""
        for tag in self.tags:
            if tag.name == "link" and tag.attrs.get("href"):
                rel = (tag.attrs.get("rel") or "").lower()
                if rel in ("stylesheet", "icon", "preload", "preconnect", "prefetch",
                           "modulepreload", "dns-prefetch", "manifest", "apple-touch-icon"):
                    yield tag, tag.attrs["href"]
            attribute = RESOURCE_ATTRIBUTES.get(tag.name)
            if attribute and tag.attrs.get(attribute):
                yield tag, tag.attrs[attribute]


class _Collector(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.skip = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.page.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.page.ids.add(values["name"])
        self.page.tags.append(Tag(tag, values, self.getpos()[0]))
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)


def read_page(path: Path, site: Path) -> Page:
    page = Page(path, path.relative_to(site).as_posix())
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join(collector.chunks)
    return page


def read_site(site: Path) -> dict[str, Page]:
    return {page.relative: page for page in
            (read_page(path, site) for path in sorted(site.rglob("*.html")))}
