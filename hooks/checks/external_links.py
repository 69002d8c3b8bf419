"""External links: well formed and https without the network (always), and
answering when fetched (opt-in, since it needs the network)."""

from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from checks.problems import Problem

MARKDOWN_URL = re.compile(r"\]\(\s*<?([a-z][a-z0-9+.-]*:[^)\s>]*)|<([a-z][a-z0-9+.-]*://[^>\s]+)>"
                          r"|(?<![(<\w])(https?://[^\s)\]>]+)", re.IGNORECASE)
BIB_URL = re.compile(r"^\s*url\s*=\s*[{\"]([^}\"]*)", re.IGNORECASE)
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)
ALLOWED_SCHEMES = {"https", "mailto"}


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


def unreachable_links(links, timeout: float = 10.0) -> list[Problem]:
    """Fetch each (file, line, url): the opt-in check, which needs the network."""
    problems = []
    for name, number, url in links:
        if not url.startswith("https://") and not url.startswith("http://"):
            continue
        request = urllib.request.Request(url, headers={"User-Agent": "dry-needling-explained link check"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(1)
        except urllib.error.HTTPError as error:
            problems.append(Problem(name, number, f"link '{url}' answers {error.code} {error.reason}",
                                    "find the page's new address, or link to another source"))
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as error:
            reason = getattr(error, "reason", error)
            problems.append(Problem(name, number, f"link '{url}' did not answer ({reason})",
                                    "check the address; if the site is down, try again later"))
    return problems
