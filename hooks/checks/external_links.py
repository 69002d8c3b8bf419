"""External links: well formed and https without the network (always), and
answering when fetched (opt-in, since it needs the network)."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from checks import ROOT
from checks.html_pages import read_site
from checks.problems import Problem

MARKDOWN_URL = re.compile(r"\]\(\s*<?([a-z][a-z0-9+.-]*:[^)\s>]*)|<([a-z][a-z0-9+.-]*://[^>\s]+)>"
                          r"|(?<![(<\w])(https?://[^\s)\]>]+)", re.IGNORECASE)
BIB_URL = re.compile(r"^\s*url\s*=\s*[{\"]([^}\"]*)", re.IGNORECASE)
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)
ALLOWED_SCHEMES = {"https", "mailto"}
# Sites (host and port) tried first: when none of them answers, the machine has no network
# (three sites down at once is unlikely), and fetching the rest would only list each link.
NO_NETWORK_SITES = 3


def links_in_sources(root: Path):
    """(file, line, url) for every external link a writer typed."""
    for path in sorted((root / "docs").rglob("*.md")):
        name = f"docs/{path.relative_to(root / 'docs').as_posix()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in MARKDOWN_URL.finditer(line):
                yield name, number, next(group for group in match.groups() if group)
    bib = root / "refs.bib"
    for number, line in enumerate(bib.read_text(encoding="utf-8").splitlines(), start=1):
        if match := BIB_URL.match(line):
            yield "refs.bib", number, match.group(1)


def malformed_external_links(root: Path) -> list[Problem]:
    problems = []
    for name, number, url in links_in_sources(root):
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            problems.append(Problem(name, number, f"link '{url}' does not use https",
                                    "use the https:// address of the page (check it opens in a browser)"))
        elif parts.scheme == "https" and (not HOST.match(parts.hostname or "") or " " in url):
            problems.append(Problem(name, number, f"link '{url}' is not a well-formed web address",
                                    "copy the address again from the browser's address bar"))
    return problems


def links_to_check(root: Path, site: Path) -> list[tuple[str, int, str]]:
    """(file, line, url) for every web link, where a writer can change it: links typed in
    docs/ and refs.bib, then built-site links for the urls no source has (the theme's)."""
    links = [link for link in links_in_sources(root) if link[2].startswith(("https://", "http://"))]
    typed = {url for _, _, url in links}
    for page in read_site(site).values():
        links += [(f"site/{page.relative}", tag.line, tag.attrs["href"]) for tag in page.links()
                  if tag.attrs["href"].startswith("https://") and tag.attrs["href"] not in typed]
    return links


def unreachable_links(links, timeout: float = 10.0) -> list[Problem]:
    """Fetch each url once, however many places link to it, and report it once, naming
    every place. The first url of each of the first few sites is fetched first: when none
    of them answers, the machine has no network, and one problem says so instead of one
    per link."""
    places: dict[str, list[tuple[str, int]]] = {}
    for name, number, url in links:
        if url.startswith(("https://", "http://")):
            places.setdefault(url, []).append((name, number))
    first_of_site: dict[str, str] = {}
    for url in places:
        first_of_site.setdefault(urlsplit(url).netloc, url)
    probes = list(first_of_site.values())[:NO_NETWORK_SITES]
    answers = {}
    for url in probes + [url for url in places if url not in probes]:
        answers[url] = _answer(url, timeout)
        if url == probes[-1] and len(probes) == NO_NETWORK_SITES and not any(answers[p][1] for p in probes):
            return [Problem("make check-links", None, f"no network: {probes[0]} {answers[probes[0]][0]}, nor did "
                            f"the first links to {len(probes) - 1} other sites",
                            "connect to the internet and run make check-links again")]
    problems = []
    for url, where in places.items():
        what, answered = answers[url]
        if what:
            also = ", ".join(f"{name}:{number}" for name, number in where[1:])
            problems.append(Problem(*where[0], f"link '{url}' {what}" + (f" (also linked from {also})" if also else ""),
                                    "find the page's new address, or link to another source" if answered
                                    else "check the address; if the site is down, try again later"))
    return problems


def _answer(url: str, timeout: float) -> tuple[str | None, bool]:
    """What is wrong with the link (None when nothing is), and whether its site answered."""
    request = urllib.request.Request(url, headers={"User-Agent": "dry-needling-explained link check"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read(1)
        return None, True
    except urllib.error.HTTPError as error:
        return f"answers {error.code} {error.reason}", True
    except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as error:
        return f"did not answer ({getattr(error, 'reason', error)})", False  # no site, or none reachable


def main() -> int:
    """`make check-links`: every external link of the sources and of the built site/."""
    problems = unreachable_links(links_to_check(ROOT, ROOT / "site"))
    for problem in problems:
        print(problem)
    if not problems:
        print("Every external link answers.")
    elif problems[0].file != "make check-links":  # not the one line that says there is no network
        print(f"{len(problems)} link{'s' * (len(problems) != 1)} to fix.")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
