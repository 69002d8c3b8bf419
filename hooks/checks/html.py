"""Checks of a page's HTML as Markdown made it, before the theme wraps it: nothing
a contributor writes may run script in a visitor's browser, and no warning box may
lose its text. Raw HTML, attr_list and reference-style links all end up here, so
one check covers every way in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that run script or replace the page's own rules.
FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
                      "meta", "link", "form", "portal", "foreignobject"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset",
                  "background", "ping", "cite", "longdesc", "srcdoc"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
IMAGE_DATA = re.compile(r"^data:image/(png|gif|jpeg|webp|avif|svg\+xml)[;,]")
# Browsers ignore these anywhere in a URL's scheme: "java\tscript:" still runs.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")
BOX = re.compile(r"\badmonition\b")
VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}


@dataclass(frozen=True)
class Finding:
    needle: str  # what to look for in the Markdown source to give the line
    message: str  # what the page or image does, as in "contains a <script> element"
    fix: str
    line: int = 0  # in the HTML


class _UnsafeMarkup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS:
            self._found(f"<{tag}", f"contains a <{tag}> element",
                        f"remove the <{tag}>: pages and images hold no script or embedded content; "
                        "scripts belong to the theme (overrides/), reviewed by the maintainers")
        for name, value in attrs:
            if name.startswith("on"):
                self._found(name, f"has an event handler, {name}=, on a <{tag}>",
                            f"remove {name}=...: the site runs no script written in a page")
            elif name in URL_ATTRIBUTES and value and _runs_script(tag, name, value):
                shown = value.strip()[:40]
                self._found(shown[:30], f"has a <{tag} {name}> that points to {shown!r}",
                            "link to a page (.md file), an image in docs/, or an https:// address; "
                            "javascript: and data: addresses can run script")

    def _found(self, needle: str, message: str, fix: str) -> None:
        self.findings.append(Finding(needle, message, fix, self.getpos()[0]))


def _runs_script(tag: str, name: str, value: str) -> bool:
    url = IGNORED_IN_SCHEME.sub("", value).lower()
    if name == "srcdoc":
        return True
    if url.startswith("data:"):
        return not (tag in ("img", "source") and name in ("src", "srcset") and IMAGE_DATA.match(url))
    return url.startswith(SCRIPT_SCHEMES)


def unsafe_markup(html: str) -> list[Finding]:
    parser = _UnsafeMarkup()
    parser.feed(html)
    parser.close()
    return parser.findings


class _Boxes(HTMLParser):
    """Admonitions (!!! type "Title") and details (??? type "Title") with no body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.open: list[dict] = []  # boxes being read: depth, title, whether a body was seen
        self.in_title = False
        self.empty: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self.open and not self.in_title:
            self.open[-1]["body"] = self.open[-1]["body"] or not self._is_title(tag, classes)
        if tag in VOID:
            return
        self.depth += 1
        if (tag == "div" and BOX.search(classes)) or tag == "details":
            self.open.append({"depth": self.depth, "title": "", "body": False})
        elif self._is_title(tag, classes):
            self.in_title = True

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.in_title and tag in ("p", "summary"):
            self.in_title = False
        if self.open and self.open[-1]["depth"] == self.depth:
            box = self.open.pop()
            if not box["body"]:
                self.empty.append(box["title"].strip())
        self.depth -= 1

    def handle_data(self, data):
        if not self.open:
            return
        if self.in_title:
            self.open[-1]["title"] += data
        elif data.strip():
            self.open[-1]["body"] = True

    @staticmethod
    def _is_title(tag: str, classes: str) -> bool:
        return tag == "summary" or (tag == "p" and "admonition-title" in classes)


def empty_boxes(html: str) -> list[Finding]:
    if "admonition" not in html and "<details" not in html:  # most pages: no parse needed
        return []
    parser = _Boxes()
    parser.feed(html)
    parser.close()
    return [Finding(f'"{title}"', f"has a box '{title}' with a title but no text",
                    "indent each line of the box's text by 4 spaces, under its !!! line")
            for title in parser.empty]
